// Retry timing shared by adapters and the daemon's outbox.
//
// Backoff: capped exponential delays with jitter, so that many clients (or many
// queued actions) that failed together do not retry together.
// Pacer: keeps requests under a forum's per-minute limit and holds all requests
// while the forum has asked us to wait (HTTP 429).
#ifndef MODBOT_ADAPTERS_BACKOFF_H_
#define MODBOT_ADAPTERS_BACKOFF_H_

#include <chrono>
#include <deque>
#include <mutex>
#include <random>
#include <vector>

namespace modbot {

struct BackoffPolicy {
  std::chrono::milliseconds initial{500};
  std::chrono::milliseconds max{60000};
};

// The wait before retry number `attempt` (0 = first retry): a random value in
// [d/2, d] where d = min(max, initial * 2^attempt) ("equal jitter").
std::chrono::milliseconds BackoffDelay(const BackoffPolicy& policy, int attempt);

// A sliding window, as Discourse counts (lib/rate_limiter.rb: a request is under
// the limit while fewer than `max` were made in the last `secs` seconds): up to
// max_requests go out at once, and the next waits until the oldest of them has
// left the window. Spacing requests evenly instead would make a burst of hides
// after a quiet hour wait a second each for no reason.
class Pacer {
 public:
  using Clock = std::chrono::steady_clock;

  // requests_per_minute <= 0 disables pacing (tests).
  explicit Pacer(int requests_per_minute);
  Pacer(int max_requests, Clock::duration window);

  // Blocks until the next request may go out, and books its slot.
  void Wait();

  // No request goes out for the next `seconds` (the forum's Retry-After).
  void HoldFor(std::chrono::seconds seconds);

  // The slots booked within the last window, oldest first.
  std::vector<Clock::time_point> Booked();
  // Counts requests sent before this pacer existed (by an earlier process) as
  // booked; those older than the window are dropped.
  void Recall(const std::vector<Clock::time_point>& sent);

 private:
  std::mutex mu_;
  size_t max_requests_;
  Clock::duration window_;
  std::deque<Clock::time_point> sent_;  // the slots of the last max_requests_ requests
  Clock::time_point held_until_;
};

}  // namespace modbot

#endif  // MODBOT_ADAPTERS_BACKOFF_H_
