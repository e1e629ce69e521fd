#include "adapters/backoff.h"

#include <algorithm>
#include <thread>

namespace modbot {

std::chrono::milliseconds BackoffDelay(const BackoffPolicy& policy, int attempt) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  long long d = policy.initial.count();
  for (int i = 0; i < attempt && d < policy.max.count(); ++i) d *= 2;
  d = std::min<long long>(d, policy.max.count());
  if (d <= 1) return std::chrono::milliseconds(d);
  std::uniform_int_distribution<long long> jitter(d / 2, d);
  return std::chrono::milliseconds(jitter(rng));
}

Pacer::Pacer(int requests_per_minute)
    : interval_(requests_per_minute > 0
                    ? std::chrono::duration_cast<Clock::duration>(std::chrono::minutes(1)) /
                          requests_per_minute
                    : Clock::duration::zero()),
      next_(Clock::now()) {}

void Pacer::Wait() {
  Clock::time_point slot;
  {
    std::lock_guard<std::mutex> lock(mu_);
    slot = std::max(next_, Clock::now());
    next_ = slot + interval_;
  }
  std::this_thread::sleep_until(slot);
}

void Pacer::HoldFor(std::chrono::seconds seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  next_ = std::max(next_, Clock::now() + seconds);
}

}  // namespace modbot
