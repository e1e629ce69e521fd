// SignInThrottle: slows down guessing of review console tokens.
//
// Each failed sign-in counts against the client's address and against everyone.
// A client with limits.per_client failures within limits.window is locked out
// for limits.lockout; once limits.all_clients failures (from any addresses)
// fall within one window, every sign-in is refused for limits.lockout, so that
// many addresses guessing in parallel get no further than one. While locked
// out, a sign-in is refused before its token is looked at and counts for
// nothing. A successful sign-in clears its client's failures. Sessions already
// open are never affected: only signing in is throttled.
//
// Memory stays bounded: clients whose failures are out of the window and who
// are not locked out are forgotten, and the global cap keeps the number of
// clients with recent failures within twice all_clients. Times are milliseconds from
// any fixed origin, passed in by the caller. Thread-safe.
#ifndef MODBOT_BOT_SIGN_IN_THROTTLE_H_
#define MODBOT_BOT_SIGN_IN_THROTTLE_H_

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace modbot {

struct SignInLimits {
  int per_client = 5;
  int all_clients = 50;
  std::chrono::milliseconds window = std::chrono::minutes(15);
  std::chrono::milliseconds lockout = std::chrono::minutes(15);
};

// What a failure led to; a lockout is reported once, by the failure that starts it.
enum class Lockout { kNone, kClient, kAllClients };

class SignInThrottle {
 public:
  explicit SignInThrottle(SignInLimits limits);

  // How long client must wait before a sign-in is looked at, or nullopt when it
  // may try now.
  std::optional<std::chrono::milliseconds> Wait(const std::string& client, int64_t now);

  // Counts a refused sign-in from client.
  Lockout RecordFailure(const std::string& client, int64_t now);

  void RecordSuccess(const std::string& client);

 private:
  // Failures within a window that starts at the first of them.
  struct Count {
    int failures = 0;
    int64_t window_start = 0;
    int64_t locked_until = 0;
  };

  // Adds a failure to count; true when it reaches limit and starts a lockout.
  bool Add(Count* count, int limit, int64_t now) const;
  void ForgetIdle(int64_t now);

  const SignInLimits limits_;
  std::mutex mu_;
  std::map<std::string, Count> clients_;
  Count all_;
};

}  // namespace modbot

#endif  // MODBOT_BOT_SIGN_IN_THROTTLE_H_
