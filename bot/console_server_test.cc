// The review console over real loopback HTTP (libcurl), on a real store file.
#include "bot/console_server.h"

#include <catch2/catch.hpp>
#include <curl/curl.h>

#include <map>

#include "tests/forum_fixture.h"

namespace modbot {
namespace {

using testing::TempDir;

constexpr const char* kToken = "anne-token-0123456789";

struct Reply {
  long status = 0;
  std::multimap<std::string, std::string> headers;  // lower-case names
  std::string body;

  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

size_t AppendBody(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

size_t AppendHeader(char* data, size_t size, size_t n, void* out) {
  std::string line(data, size * n);
  size_t colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    static_cast<Reply*>(out)->headers.emplace(name, value);
  }
  return size * n;
}

// One request, redirects not followed. form (when given) makes it a POST.
Reply Http(int port, const std::string& path, const std::optional<std::string>& form,
           const std::vector<std::string>& headers = {}) {
  CURL* curl = curl_easy_init();
  REQUIRE(curl);
  Reply reply;
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + path;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, AppendBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, AppendHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &reply);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 5000L);
  if (form) curl_easy_setopt(curl, CURLOPT_POSTFIELDS, form->c_str());
  curl_slist* list = nullptr;
  for (const std::string& h : headers) list = curl_slist_append(list, h.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  REQUIRE(curl_easy_perform(curl) == CURLE_OK);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
  curl_slist_free_all(list);
  curl_easy_cleanup(curl);
  return reply;
}

std::string Escape(const std::string& text) {
  char* escaped = curl_easy_escape(nullptr, text.c_str(), static_cast<int>(text.size()));
  std::string out = escaped;
  curl_free(escaped);
  return out;
}

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

  Console() {
    std::string error;
    store = Store::Open(dir.File("modbot.db"), &error);
    REQUIRE(store);
    Queue(store.get(), "1", Action::kReview, "Vous êtes des <b>clowns</b>, franchement.", "clowns");
    Queue(store.get(), "2", Action::kHide, "Encore des clowns", "clowns");
    ConsoleConfig config;
    config.enabled = true;
    config.listen = {"127.0.0.1", 0};
    config.moderators = {{"anne", kToken}, {"marc", "marc-token-0123456789"}};
    server = std::make_unique<ConsoleServer>(config, NoticePolicy{false, {}});
    REQUIRE(server->Start(dir.File("modbot.db"), &error));
    port = server->port();
  }

  // Signs in with token; returns the session cookie ("" when refused).
  std::string SignIn(const std::string& token) {
    Reply reply = Http(port, "/login", "token=" + Escape(token));
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

}  // namespace
}  // namespace modbot
