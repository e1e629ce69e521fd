#include "bot/console_server.h"

#include <httplib.h>

#include <algorithm>

#include "bot/console_pages.h"
#include "bot/log.h"

namespace modbot {

namespace {

constexpr const char* kSessionCookie = "modbot_session";
constexpr const char* kLangCookie = "modbot_lang";
constexpr size_t kMaxNoteBytes = 1000;
constexpr size_t kDecidedShown = 20;
// The largest form is a decision with its note: far below this. httplib would
// otherwise read a body of any size into memory.
constexpr size_t kMaxBodyBytes = 64 * 1024;

// The value of cookie name in the request's Cookie header, or "".
std::string CookieValue(const httplib::Request& req, std::string_view name) {
  const std::string header = req.get_header_value("Cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    size_t semi = rest.find(';');
    std::string_view pair = rest.substr(0, semi);
    rest = semi == std::string_view::npos ? "" : rest.substr(semi + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name &&
        pair[name.size()] == '=') {
      return std::string(pair.substr(name.size() + 1));
    }
  }
  return "";
}

// "host[:port]" of an absolute http(s) URL, or "" when it is not one.
std::string_view Authority(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  return rest.substr(0, rest.find_first_of("/?#"));
}

// A browser names the page a request comes from (Origin, else Referer); when it
// does, that page must be this console's. Without either, the session cookie
// (SameSite=Strict) and the CSRF token stand alone.
bool FromThisConsole(const httplib::Request& req) {
  const std::string host = req.get_header_value("Host");
  const std::string origin = req.get_header_value("Origin");
  if (!origin.empty()) return origin != "null" && Authority(origin) == host;
  const std::string referer = req.get_header_value("Referer");
  return referer.empty() || Authority(referer) == host;
}

// Tokens are never formatted into a record; this masks one that slipped in anyway.
void RegisterModeratorTokens(const std::vector<ModeratorToken>& moderators) {
  for (const ModeratorToken& m : moderators) RegisterLogSecret(m.token);
}

void SendHtml(httplib::Response& res, int status, std::string html) {
  res.status = status;
  // No script, no frame, no form posted elsewhere: an escaping mistake in a page
  // could still not run anything.
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                 "frame-ancestors 'none'; base-uri 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");  // for browsers without frame-ancestors
  res.set_header("Referrer-Policy", "same-origin");
  res.set_header("Cache-Control", "no-store");
  res.set_content(std::move(html), "text/html; charset=utf-8");
}

void Redirect(httplib::Response& res, const char* to) {
  res.status = 303;
  res.set_header("Location", to);
  res.set_header("Cache-Control", "no-store");
}

std::string OutcomeMessage(const ConsoleStrings& s, const std::string& post_id,
                           ReviewOutcome outcome, const std::optional<ReviewItem>& item) {
  switch (outcome) {
    case ReviewOutcome::kNotQueued:
      return Fill(s.refused_not_queued, "post", post_id);
    case ReviewOutcome::kRejudged:
      return Fill(s.refused_rejudged, "post", post_id);
    case ReviewOutcome::kAlreadyDecided:
    case ReviewOutcome::kRecorded:
      break;
  }
  const bool approved = item && item->status == "approved";
  return Fill(Fill(Fill(s.refused_already, "post", post_id), "status",
                   approved ? s.status_approved : s.status_removed),
              "who", item ? item->resolved_by : "");
}

std::string FlashMessage(const ConsoleStrings& s, const Flash& flash) {
  const char* text = flash.kind == "approved"   ? s.done_approved
                     : flash.kind == "removed"  ? s.done_removed
                     : flash.kind == "restored" ? s.done_restored
                                                : s.done_kept;
  return Fill(text, "post", flash.post_id);
}

}  // namespace

struct ConsoleServer::Context {
  UiLang lang = UiLang::kEn;
  const ConsoleStrings* s = nullptr;
  std::string session_id;
  std::optional<ConsoleSession> session;
};

ConsoleServer::ConsoleServer(const ConsoleConfig& config, NoticePolicy notices,
                             SignInLimits sign_in)
    : config_(config),
      auth_(config.moderators, config.session_lifetime),
      sign_in_limits_(sign_in),
      throttle_(sign_in),
      notices_(std::move(notices)) {
  RegisterModeratorTokens(config.moderators);
}

void ConsoleServer::Update(std::vector<ModeratorToken> moderators, NoticePolicy notices) {
  const size_t count = moderators.size();
  RegisterModeratorTokens(moderators);
  std::vector<std::string> revoked = auth_.Replace(std::move(moderators));
  {
    std::lock_guard<std::mutex> lock(http_.store_mutex());
    notices_ = std::move(notices);
  }
  std::string names;
  for (const std::string& name : revoked) names += (names.empty() ? "" : ", ") + name;
  LogInfo("console: token file read again: " + std::to_string(count) + " moderator(s)" +
              (names.empty() ? "" : "; token withdrawn or changed, signed out: " + names),
          {{"event", "console_tokens"}});
}

ConsoleServer::~ConsoleServer() { Stop(); }

bool ConsoleServer::Start(const std::string& store_path, std::string* error) {
  if (!http_.Open(store_path, error)) return false;
  httplib::Server& server = http_.server();
  server.set_payload_max_length(kMaxBodyBytes);
  server.Get("/", [this](const httplib::Request& req, httplib::Response& res) {
    ShowQueue(req, res);
  });
  server.Get("/login", [this](const httplib::Request& req, httplib::Response& res) {
    Context c = Begin(req, res);
    SendHtml(res, 200, RenderLoginPage(*c.s, false));
  });
  server.Post("/login", [this](const httplib::Request& req, httplib::Response& res) {
    SignIn(req, res);
  });
  server.Post("/logout", [this](const httplib::Request& req, httplib::Response& res) {
    SignOut(req, res);
  });
  server.Post("/decide", [this](const httplib::Request& req, httplib::Response& res) {
    Decide(req, res);
  });
  return http_.Listen(config_.listen.host, config_.listen.port, error);
}

void ConsoleServer::Stop() { http_.Stop(); }

ConsoleServer::Context ConsoleServer::Begin(const httplib::Request& req,
                                            httplib::Response& res) {
  Context c;
  const std::string asked = req.has_param("lang") ? req.get_param_value("lang") : "";
  c.lang = ChooseLang(asked, CookieValue(req, kLangCookie), req.get_header_value("Accept-Language"));
  if (UiLangFromCode(asked)) {
    res.set_header("Set-Cookie", std::string(kLangCookie) + "=" + asked +
                                     "; Path=/; Max-Age=31536000; SameSite=Strict");
  }
  c.s = &ConsoleText(c.lang);
  c.session_id = CookieValue(req, kSessionCookie);
  if (!c.session_id.empty()) c.session = auth_.Find(c.session_id, NowMillis());
  return c;
}

void ConsoleServer::ShowQueue(const httplib::Request& req, httplib::Response& res) {
  Context c = Begin(req, res);
  if (!c.session) return Redirect(res, "/login");
  QueueView view;
  std::vector<ReviewItem> items;
  std::string error;
  {
    std::lock_guard<std::mutex> lock(http_.store_mutex());
    if (!http_.store().ListReview(/*open_only=*/true, &items, &error) ||
        !http_.store().ListDecidedReview(kDecidedShown, &view.decided, &error)) {
      LogError("console: store failure: " + error);
      return SendHtml(res, 500, RenderMessagePage(*c.s, c.s->refused_heading, c.s->failure));
    }
  }
  view.moderator = c.session->moderator;
  view.csrf_token = c.session->csrf_token;
  for (ReviewItem& item : items) {
    (item.action == "hide" ? view.hides : view.to_review).push_back(std::move(item));
  }
  std::reverse(view.hides.begin(), view.hides.end());
  if (std::optional<Flash> flash = auth_.TakeFlash(c.session_id)) {
    view.flash = FlashMessage(*c.s, *flash);
  }
  SendHtml(res, 200, RenderQueuePage(*c.s, c.lang, view));
}

bool ConsoleServer::Allowed(const httplib::Request& req, httplib::Response& res,
                            const Context& c) {
  const char* refusal = nullptr;
  const char* why = nullptr;  // for the log
  if (!FromThisConsole(req)) {
    refusal = c.s->forbidden_origin, why = "it came from another site";
  } else if (!c.session) {
    refusal = c.s->forbidden_session, why = "no live session";
  } else if (!ConstantTimeEquals(req.get_param_value("csrf"), c.session->csrf_token)) {
    refusal = c.s->forbidden_csrf, why = "wrong or stale CSRF token";
  }
  if (!refusal) return true;
  LogInfo(std::string("console: refused ") + req.method + " " + req.path + " from " +
              req.remote_addr + ": " + why + "; nothing done",
          {{"event", "console_refused"}});
  SendHtml(res, 403, RenderMessagePage(*c.s, c.s->forbidden_heading, refusal));
  return false;
}

void ConsoleServer::SignIn(const httplib::Request& req, httplib::Response& res) {
  Context c = Begin(req, res);
  if (!FromThisConsole(req)) {
    return SendHtml(res, 403, RenderMessagePage(*c.s, c.s->forbidden_heading, c.s->forbidden_origin));
  }
  const int64_t now = NowMillis();
  if (std::optional<std::chrono::milliseconds> wait = throttle_.Wait(req.remote_addr, now)) {
    const int64_t seconds = (wait->count() + 999) / 1000;
    res.set_header("Retry-After", std::to_string(seconds));
    return SendHtml(res, 429, RenderMessagePage(*c.s, c.s->throttled_heading,
                                                Fill(c.s->throttled, "minutes",
                                                     std::to_string((seconds + 59) / 60))));
  }
  std::optional<ConsoleAuth::SignedIn> signed_in = auth_.SignIn(req.get_param_value("token"), now);
  if (!signed_in) {
    LogInfo("console: a sign-in with an unknown token was refused (from " + req.remote_addr + ")",
            {{"event", "console_sign_in_refused"}});
    LogLockout(throttle_.RecordFailure(req.remote_addr, now), req.remote_addr);
    return SendHtml(res, 401, RenderLoginPage(*c.s, true));
  }
  throttle_.RecordSuccess(req.remote_addr);
  // The session this browser had, if any, ends: one browser, one session.
  if (!c.session_id.empty()) auth_.Close(c.session_id);
  res.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + signed_in->session_id +
                                   "; Path=/; Max-Age=" +
                                   std::to_string(config_.session_lifetime.count() * 60) +
                                   "; HttpOnly; SameSite=Strict");
  LogInfo("console: " + signed_in->moderator + " signed in", {{"event", "console_sign_in"}});
  Redirect(res, "/");
}

void ConsoleServer::LogLockout(Lockout lockout, const std::string& client) const {
  if (lockout == Lockout::kNone) return;
  const std::string minutes = std::to_string(
      std::chrono::duration_cast<std::chrono::minutes>(sign_in_limits_.lockout).count());
  LogInfo(lockout == Lockout::kClient
               ? "console: " + std::to_string(sign_in_limits_.per_client) +
                     " failed sign-ins from " + client + ": its sign-ins are refused for " +
                     minutes + " minute(s)"
               : "console: " + std::to_string(sign_in_limits_.all_clients) +
                     " failed sign-ins from all addresses: every sign-in is refused for " +
                     minutes + " minute(s); open sessions go on",
          {{"event", "console_lockout"}, {"client", client}});
}

void ConsoleServer::SignOut(const httplib::Request& req, httplib::Response& res) {
  Context c = Begin(req, res);
  if (!Allowed(req, res, c)) return;
  auth_.Close(c.session_id);
  res.set_header("Set-Cookie", std::string(kSessionCookie) +
                                   "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
  Redirect(res, "/login");
}

void ConsoleServer::Decide(const httplib::Request& req, httplib::Response& res) {
  Context c = Begin(req, res);
  if (!Allowed(req, res, c)) return;
  ModeratorDecision decision;
  decision.post_id = req.get_param_value("post");
  decision.moderator = c.session->moderator;
  decision.note = req.get_param_value("note");
  const std::string verb = req.get_param_value("decision");
  const std::string clause = req.get_param_value("clause");
  if (!clause.empty()) decision.clause = ClauseFromId(clause);
  if (req.has_param("version")) decision.version = req.get_param_value("version");
  decision.approve = verb == "approve";
  if (decision.post_id.empty() || (verb != "approve" && verb != "remove") ||
      (!clause.empty() && (!decision.clause || decision.approve)) ||
      decision.note.size() > kMaxNoteBytes) {
    return SendHtml(res, 400, RenderMessagePage(*c.s, c.s->refused_heading, c.s->bad_form));
  }
  ReviewOutcome outcome;
  std::optional<ReviewItem> item;
  std::string error;
  bool ok;
  {
    std::lock_guard<std::mutex> lock(http_.store_mutex());
    ok = DecideReview(&http_.store(), notices_, decision, NowMillis(), &outcome, &error) &&
         http_.store().GetReview(decision.post_id, &item, &error);
  }
  if (!ok) {
    LogError("console: store failure: " + error);
    return SendHtml(res, 500, RenderMessagePage(*c.s, c.s->refused_heading, c.s->failure));
  }
  if (outcome != ReviewOutcome::kRecorded) {
    LogInfo("console: " + decision.moderator + ": " + DescribeRefusal(decision.post_id, outcome, item),
            {{"event", "console_refused"}, {"post", decision.post_id}});
    return SendHtml(res, outcome == ReviewOutcome::kNotQueued ? 404 : 409,
                    RenderMessagePage(*c.s, c.s->refused_heading,
                                      OutcomeMessage(*c.s, decision.post_id, outcome, item)));
  }
  const bool was_hidden = item && item->action == "hide";
  const char* kind = decision.approve ? (was_hidden ? "restored" : "approved")
                                      : (was_hidden ? "kept" : "removed");
  LogInfo("console: post " + decision.post_id + " " + (decision.approve ? "approved" : "removed") +
              " by " + decision.moderator,
          {{"event", decision.approve ? "approve" : "remove"}, {"post", decision.post_id}});
  auth_.SetFlash(c.session_id, {kind, decision.post_id});
  Redirect(res, "/");
}

}  // namespace modbot
