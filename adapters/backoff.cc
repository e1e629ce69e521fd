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

// Discourse's limiter compares whole seconds and wants the oldest request to be
// strictly older than the window; one second more keeps clear of both.
Pacer::Pacer(int requests_per_minute)
    : Pacer(std::max(requests_per_minute, 0), std::chrono::seconds(61)) {}

Pacer::Pacer(int max_requests, Clock::duration window)
    : max_requests_(std::max(max_requests, 0)), window_(window), held_until_(Clock::now()) {}

void Pacer::Wait() {
  Clock::time_point slot;
  {
    std::lock_guard<std::mutex> lock(mu_);
    slot = std::max(held_until_, Clock::now());
    if (max_requests_ > 0) {
      if (sent_.size() == max_requests_) {
        slot = std::max(slot, sent_.front() + window_);
        sent_.pop_front();
      }
      sent_.push_back(slot);
    }
  }
  std::this_thread::sleep_until(slot);
}

std::vector<Pacer::Clock::time_point> Pacer::Booked() {
  std::lock_guard<std::mutex> lock(mu_);
  const Clock::time_point since = Clock::now() - window_;
  std::vector<Clock::time_point> out;
  for (Clock::time_point slot : sent_) {
    if (slot > since) out.push_back(slot);
  }
  return out;
}

void Pacer::Recall(const std::vector<Clock::time_point>& sent) {
  std::lock_guard<std::mutex> lock(mu_);
  if (max_requests_ == 0) return;
  const Clock::time_point since = Clock::now() - window_;
  for (Clock::time_point slot : sent) {
    if (slot > since) sent_.push_back(slot);
  }
  std::sort(sent_.begin(), sent_.end());
  while (sent_.size() > max_requests_) sent_.pop_front();
}

void Pacer::HoldFor(std::chrono::seconds seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  held_until_ = std::max(held_until_, Clock::now() + seconds);
}

}  // namespace modbot
