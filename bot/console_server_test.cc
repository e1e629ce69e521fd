// The review console over real loopback HTTP (libcurl), on a real store file.
#include "bot/console_server.h"

#include <catch2/catch.hpp>
#include "bot/log.h"
#include "tests/forum_fixture.h"
#include "tests/http_client.h"

namespace modbot {
namespace {

using testing::Escape;
using testing::Http;
using testing::Reply;
using testing::TempDir;

constexpr const char* kToken = "anne-token-0123456789";

// The value of the hidden field name in the first form of html that has one.
std::string HiddenField(const std::string& html, const std::string& name) {
  const std::string marker = "name=\"" + name + "\" value=\"";
  size_t at = html.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  return html.substr(at, html.find('"', at) - at);
}

void Queue(Store* store, const std::string& id, Action action, const std::string& text,
           const std::string& evidence, const std::string& version = "1") {
  Judgement j;
  j.post_id = id;
  j.version = version;
  j.author = "benoit";
  j.url = "http://forum/t/parks/1/" + id;
  j.excerpt = text;
  j.verdict.post_id = id;
  j.verdict.action = action;
  j.verdict.clauses = {Clause::kAbusive};
  j.verdict.lang = "fr";
  j.verdict.reasons = {{Clause::kAbusive, "lexicon.insult", 0.6, evidence}};
  j.local_review = true;
  j.context = {"Parcs <et> jardins", "Le parc ouvre à 8 h.", text, 3, 0, 0};
  std::string error;
  REQUIRE(store->RecordJudgement(j, 1000, &error));
}

std::string Status(Store* store, const std::string& id) {
  std::optional<ReviewItem> item;
  std::string error;
  REQUIRE(store->GetReview(id, &item, &error));
  return item ? item->status : "";
}

struct Console {
  TempDir dir;
  std::unique_ptr<Store> store;
  std::unique_ptr<ConsoleServer> server;
  int port = 0;

  explicit Console(SignInLimits limits = {}) {
    std::string error;
    store = Store::Open(dir.File("modbot.db"), &error);
    REQUIRE(store);
    Queue(store.get(), "1", Action::kReview, "Vous êtes des <b>clowns</b>, franchement.", "clowns");
    Queue(store.get(), "2", Action::kHide, "Encore des clowns", "clowns");
    ConsoleConfig config;
    config.enabled = true;
    config.listen = {"127.0.0.1", 0};
    config.moderators = {{"anne", kToken}, {"marc", "marc-token-0123456789"}};
    server = std::make_unique<ConsoleServer>(config, NoticePolicy{false, {}}, limits);
    REQUIRE(server->Start(dir.File("modbot.db"), &error));
    port = server->port();
  }

  // Signs in with token; returns the session cookie ("" when refused).
  std::string SignIn(const std::string& token, const std::string& from = "") {
    Reply reply = Http(port, "/login", "token=" + Escape(token), {}, from);
    const std::string set_cookie = reply.Header("set-cookie");
    if (reply.status != 303) return "";
    return set_cookie.substr(0, set_cookie.find(';'));
  }
};

TEST_CASE("console: without a session, pages redirect to sign-in and actions get 403",
          "[console]") {
  Console c;
  Reply page = Http(c.port, "/", std::nullopt);
  CHECK(page.status == 303);
  CHECK(page.Header("location") == "/login");
  Reply post = Http(c.port, "/decide", "csrf=x&post=1&decision=approve");
  CHECK(post.status == 403);
  CHECK(post.body.find("not signed in") != std::string::npos);
  CHECK(Status(c.store.get(), "1") == "open");
}

TEST_CASE("console: a wrong token is refused and opens no session", "[console]") {
  Console c;
  Reply reply = Http(c.port, "/login", "token=anne-token-0123456788");
  CHECK(reply.status == 401);
  CHECK(reply.Header("set-cookie").find("modbot_session") == std::string::npos);
  CHECK(reply.body.find("This token is not valid") != std::string::npos);
  CHECK(reply.body.find("anne-token") == std::string::npos);  // never echoed
  CHECK(c.SignIn("") == "");
}

TEST_CASE("console: the queue shows the post in context, escaped, evidence marked",
          "[console]") {
  Console c;
  const std::string cookie = c.SignIn(kToken);
  REQUIRE(cookie.rfind("modbot_session=", 0) == 0);
  Reply login = Http(c.port, "/login", "token=" + std::string(kToken));
  CHECK(login.Header("set-cookie").find("HttpOnly") != std::string::npos);
  CHECK(login.Header("set-cookie").find("SameSite=Strict") != std::string::npos);

  Reply page = Http(c.port, "/", std::nullopt, {"Cookie: " + cookie});
  REQUIRE(page.status == 200);
  CHECK(page.Header("content-type") == "text/html; charset=utf-8");
  CHECK(page.body.find("Signed in as <strong>anne</strong>") != std::string::npos);
  CHECK(page.body.find("Vous êtes des &lt;b&gt;<mark>clowns</mark>&lt;/b&gt;, franchement.") !=
        std::string::npos);
  CHECK(page.body.find("<b>clowns</b>") == std::string::npos);
  CHECK(page.body.find("Parcs &lt;et&gt; jardins") != std::string::npos);
  CHECK(page.body.find("Le parc ouvre à 8 h.") != std::string::npos);
  CHECK(page.body.find("account age: 3 days") != std::string::npos);
  CHECK(page.body.find("lexicon.insult") != std::string::npos);
  CHECK(page.body.find("id=\"post-2\" class=\"hidden-by-bot\"") != std::string::npos);

  Reply french = Http(c.port, "/?lang=fr", std::nullopt, {"Cookie: " + cookie});
  CHECK(french.body.find("En attente de révision") != std::string::npos);
  CHECK(french.Header("set-cookie").find("modbot_lang=fr") != std::string::npos);
  Reply accept = Http(c.port, "/login", std::nullopt, {"Accept-Language: fr-CA,fr;q=0.9,en;q=0.5"});
  CHECK(accept.body.find("Votre jeton de console") != std::string::npos);
}

TEST_CASE("console: a stale or missing CSRF token, or a foreign origin, does nothing",
          "[console]") {
  Console c;
  const std::string cookie = c.SignIn(kToken);
  Reply page = Http(c.port, "/", std::nullopt, {"Cookie: " + cookie});
  const std::string csrf = HiddenField(page.body, "csrf");
  REQUIRE(csrf.size() == 64);

  // A token from another session (say, the moderator signed in again elsewhere).
  const std::string other = c.SignIn(kToken);
  Reply stale = Http(c.port, "/decide", "csrf=" + csrf + "&post=1&version=1&decision=approve",
                     {"Cookie: " + other});
  CHECK(stale.status == 403);
  CHECK(stale.body.find("out of date") != std::string::npos);
  Reply missing = Http(c.port, "/decide", "post=1&version=1&decision=approve", {"Cookie: " + cookie});
  CHECK(missing.status == 403);
  Reply foreign = Http(c.port, "/decide", "csrf=" + csrf + "&post=1&version=1&decision=approve",
                       {"Cookie: " + cookie, "Origin: http://evil.example"});
  CHECK(foreign.status == 403);
  CHECK(foreign.body.find("another site") != std::string::npos);
  CHECK(Status(c.store.get(), "1") == "open");
}

TEST_CASE("console: a decision is recorded once, under the moderator's name", "[console]") {
  Console c;
  const std::string anne = c.SignIn(kToken);
  const std::string marc = c.SignIn("marc-token-0123456789");
  const std::string anne_csrf = HiddenField(Http(c.port, "/", std::nullopt, {"Cookie: " + anne}).body, "csrf");
  const std::string marc_csrf = HiddenField(Http(c.port, "/", std::nullopt, {"Cookie: " + marc}).body, "csrf");
  const std::string port = std::to_string(c.port);

  Reply first = Http(c.port, "/decide",
                     "csrf=" + anne_csrf + "&post=1&version=1&decision=remove&clause=abusive&note=" +
                         Escape("rude, see thread"),
                     {"Cookie: " + anne, "Origin: http://127.0.0.1:" + port});
  CHECK(first.status == 303);
  CHECK(Status(c.store.get(), "1") == "removed");
  Reply flash = Http(c.port, "/", std::nullopt, {"Cookie: " + anne});
  CHECK(flash.body.find("Post 1 removed") != std::string::npos);

  // Marc decides the same post a moment later: refused, nothing changes.
  Reply second = Http(c.port, "/decide", "csrf=" + marc_csrf + "&post=1&version=1&decision=approve",
                      {"Cookie: " + marc});
  CHECK(second.status == 409);
  CHECK(second.body.find("already decided (removed by anne)") != std::string::npos);
  std::optional<ReviewItem> item;
  std::string error;
  REQUIRE(c.store->GetReview("1", &item, &error));
  CHECK(item->resolved_by == "anne");
  CHECK(item->note == "rude, see thread");

  // An id that was never queued.
  Reply unknown = Http(c.port, "/decide", "csrf=" + marc_csrf + "&post=99&decision=approve",
                       {"Cookie: " + marc});
  CHECK(unknown.status == 404);
  CHECK(unknown.body.find("Post 99 is not in the review queue") != std::string::npos);

  // The moderator looked at version 1; the post was edited and judged again.
  Queue(c.store.get(), "2", Action::kHide, "edited clowns", "clowns", "2");
  Reply rejudged = Http(c.port, "/decide", "csrf=" + marc_csrf + "&post=2&version=1&decision=approve",
                        {"Cookie: " + marc});
  CHECK(rejudged.status == 409);
  CHECK(rejudged.body.find("edited and judged again") != std::string::npos);
  CHECK(Status(c.store.get(), "2") == "open");

  // A malformed form.
  Reply bad = Http(c.port, "/decide", "csrf=" + marc_csrf + "&post=2&decision=delete",
                   {"Cookie: " + marc});
  CHECK(bad.status == 400);
  CHECK(Status(c.store.get(), "2") == "open");
}

// Log records, for as long as it lives.
class LogCapture {
 public:
  LogCapture() : file_(std::tmpfile()) { SetLogStream(file_); }
  ~LogCapture() {
    SetLogStream(nullptr);
    std::fclose(file_);
  }
  std::string Text() const {
    std::fflush(file_);
    std::rewind(file_);
    std::string out;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, file_)) > 0) out.append(buf, n);
    return out;
  }

 private:
  std::FILE* file_;
};

TEST_CASE("console: failed sign-ins lock their address out, token unchecked", "[console]") {
  LogCapture log;
  Console c(SignInLimits{3, 100, std::chrono::minutes(15), std::chrono::minutes(10)});
  for (int i = 0; i < 3; ++i) CHECK(c.SignIn("guess-number-" + std::to_string(i)) == "");
  // The right token now gets nowhere from this address...
  Reply locked = Http(c.port, "/login", "token=" + std::string(kToken));
  CHECK(locked.status == 429);
  CHECK(locked.Header("retry-after") == "600");
  CHECK(locked.Header("cache-control") == "no-store");
  CHECK(locked.Header("set-cookie").find("modbot_session") == std::string::npos);
  CHECK(locked.body.find("Too many sign-ins with a wrong token") != std::string::npos);
  CHECK(locked.body.find("Try again in 10 minute(s)") != std::string::npos);
  Reply french = Http(c.port, "/login?lang=fr", "token=x");
  CHECK(french.status == 429);
  CHECK(french.body.find("Votre jeton n’a pas été vérifié") != std::string::npos);
  // ...but works from another one, and sessions already open go on.
  const std::string cookie = c.SignIn(kToken, "127.0.0.2");
  CHECK(cookie.rfind("modbot_session=", 0) == 0);
  CHECK(Http(c.port, "/", std::nullopt, {"Cookie: " + cookie}).status == 200);

  const std::string text = log.Text();
  CHECK(text.find("3 failed sign-ins from 127.0.0.1: its sign-ins are refused for 10 minute(s)") !=
        std::string::npos);
  CHECK(text.find("event=console_lockout") != std::string::npos);
  CHECK(text.find("guess-number") == std::string::npos);
  CHECK(text.find(kToken) == std::string::npos);
}

TEST_CASE("console: failures from many addresses together lock every sign-in out",
          "[console]") {
  LogCapture log;
  Console c(SignInLimits{100, 3, std::chrono::minutes(15), std::chrono::minutes(15)});
  for (const char* from : {"127.0.0.2", "127.0.0.3", "127.0.0.4"}) {
    CHECK(Http(c.port, "/login", "token=guess", {}, from).status == 401);
  }
  Reply locked = Http(c.port, "/login", "token=" + std::string(kToken), {}, "127.0.0.5");
  CHECK(locked.status == 429);
  CHECK(locked.Header("retry-after") == "900");
  CHECK(log.Text().find("3 failed sign-ins from all addresses: every sign-in is refused") !=
        std::string::npos);
}

TEST_CASE("console: pages carry security headers, and an oversized form is refused",
          "[console]") {
  Console c;
  Reply login = Http(c.port, "/login", std::nullopt);
  CHECK(login.Header("x-frame-options") == "DENY");
  CHECK(login.Header("cache-control") == "no-store");
  CHECK(login.Header("content-security-policy").find("frame-ancestors 'none'") !=
        std::string::npos);
  Reply huge = Http(c.port, "/login", "token=" + std::string(100 * 1024, 'a'));
  CHECK(huge.status == 413);
}

TEST_CASE("console: signing in again closes the browser's previous session", "[console]") {
  Console c;
  const std::string first = c.SignIn(kToken);
  REQUIRE(Http(c.port, "/", std::nullopt, {"Cookie: " + first}).status == 200);
  Reply again = Http(c.port, "/login", "token=marc-token-0123456789", {"Cookie: " + first});
  REQUIRE(again.status == 303);
  CHECK(Http(c.port, "/", std::nullopt, {"Cookie: " + first}).status == 303);
}

TEST_CASE("console: a new token file takes effect at once, withdrawn tokens sign out",
          "[console]") {
  Console c;
  const std::string anne = c.SignIn(kToken);
  const std::string marc = c.SignIn("marc-token-0123456789");
  c.server->Update({{"anne", kToken}, {"paul", "paul-token-0123456789"}}, NoticePolicy{false, {}});
  CHECK(Http(c.port, "/", std::nullopt, {"Cookie: " + anne}).status == 200);
  Reply ended = Http(c.port, "/", std::nullopt, {"Cookie: " + marc});
  CHECK(ended.status == 303);
  CHECK(ended.Header("location") == "/login");
  CHECK(c.SignIn("marc-token-0123456789") == "");
  CHECK(c.SignIn("paul-token-0123456789").rfind("modbot_session=", 0) == 0);

  // A changed token ends the sessions opened with the old one.
  c.server->Update({{"anne", "anne-new-token-0123456789"}}, NoticePolicy{false, {}});
  CHECK(Http(c.port, "/", std::nullopt, {"Cookie: " + anne}).status == 303);
  CHECK(c.SignIn(kToken) == "");
}

TEST_CASE("console: only the latest decisions are shown, newest first", "[console]") {
  Console c;
  for (int i = 10; i < 35; ++i) {
    const std::string id = std::to_string(i);
    Queue(c.store.get(), id, Action::kReview, "post " + id, "post");
    ModeratorDecision d;
    d.post_id = id;
    d.moderator = "anne";
    d.version = std::string("1");  // not = "1": GCC 12 -O3 -Wrestrict (GCC PR 105329)
    d.approve = true;
    ReviewOutcome outcome;
    std::string error;
    REQUIRE(DecideReview(c.store.get(), NoticePolicy{false, {}}, d, 2000 + i, &outcome, &error));
    REQUIRE(outcome == ReviewOutcome::kRecorded);
  }
  const std::string page =
      Http(c.port, "/", std::nullopt, {"Cookie: " + c.SignIn(kToken)}).body;
  CHECK(page.find("<tr><td>34</td>") != std::string::npos);
  CHECK(page.find("<tr><td>15</td>") != std::string::npos);
  CHECK(page.find("<tr><td>14</td>") == std::string::npos);
  CHECK(page.find("<tr><td>34</td>") < page.find("<tr><td>15</td>"));
}

}  // namespace
}  // namespace modbot
