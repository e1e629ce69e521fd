// ConsoleServer: the review console ([console], bot/console_config.h), a small
// web page served by the daemon on its own listener and thread, with its own
// connection to the store.
//
//   GET  /         the queue: posts waiting for review with their context and
//                  evidence, recent automatic hides, recent decisions
//                  (303 to /login without a session)
//   GET  /login    the sign-in form
//   POST /login    token -> a new session cookie (HttpOnly, SameSite=Strict; the
//                  browser's previous session, if any, is closed), 303 to /;
//                  401 and the form again for a token not in the token file;
//                  429 with Retry-After, the token not even looked at, while
//                  sign-ins are locked out after failures (bot/sign_in_throttle.h)
//   POST /decide   csrf, post, version, decision = approve | remove, [clause], [note]
//   POST /logout   csrf
//
// A decision goes through DecideReview, exactly as `modbot review approve|remove`,
// recorded under the signed-in moderator's name; the forum actions it queues are
// carried out by the daemon's outbox. Every POST must come from a live session,
// carry that session's CSRF token, and, when the browser says where it comes
// from (Origin, else Referer), come from this console's own host; otherwise it
// gets a 403 page and nothing is done. Pages are English or French (?lang=, a
// cookie, then Accept-Language). It serves plain HTTP: keep it on loopback, or
// behind an HTTPS reverse proxy that passes the Host header through (behind a
// proxy every client has the proxy's address, so the per-address sign-in limit
// applies to all clients together).
#ifndef MODBOT_BOT_CONSOLE_SERVER_H_
#define MODBOT_BOT_CONSOLE_SERVER_H_

#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "bot/console_auth.h"
#include "bot/console_config.h"
#include "bot/console_strings.h"
#include "bot/review_decision.h"
#include "bot/sign_in_throttle.h"
#include "bot/http_listener.h"
#include "bot/store.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace modbot {

class ConsoleServer {
 public:
  ConsoleServer(const ConsoleConfig& config, NoticePolicy notices, SignInLimits sign_in = {});
  ~ConsoleServer();
  ConsoleServer(const ConsoleServer&) = delete;
  ConsoleServer& operator=(const ConsoleServer&) = delete;

  // Opens the store at store_path and listens on config.listen (port 0: any
  // free port).
  bool Start(const std::string& store_path, std::string* error);
  int port() const { return http_.port(); }
  void Stop();

  // On reload: takes the token file's moderators (signing out at once those whose
  // token is gone or changed) and the notice policy for the decisions to come.
  // The listener, and the session lifetime, keep their values until a restart.
  void Update(std::vector<ModeratorToken> moderators, NoticePolicy notices);

 private:
  struct Context;  // one request's language and session

  Context Begin(const httplib::Request& req, httplib::Response& res);
  void ShowQueue(const httplib::Request& req, httplib::Response& res);
  void SignIn(const httplib::Request& req, httplib::Response& res);
  void SignOut(const httplib::Request& req, httplib::Response& res);
  void Decide(const httplib::Request& req, httplib::Response& res);
  // Logs the lockout a failed sign-in from client started, if any.
  void LogLockout(Lockout lockout, const std::string& client) const;
  // Checks origin, session and CSRF token of a POST; on failure answers 403.
  bool Allowed(const httplib::Request& req, httplib::Response& res, const Context& context);

  ConsoleConfig config_;
  ConsoleAuth auth_;
  SignInLimits sign_in_limits_;
  SignInThrottle throttle_;
  HttpListener http_;
  NoticePolicy notices_;  // under http_.store_mutex(), as DecideReview reads it
};

}  // namespace modbot

#endif  // MODBOT_BOT_CONSOLE_SERVER_H_
