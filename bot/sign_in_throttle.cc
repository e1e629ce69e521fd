#include "bot/sign_in_throttle.h"

#include <algorithm>

namespace modbot {

SignInThrottle::SignInThrottle(SignInLimits limits) : limits_(limits) {}

std::optional<std::chrono::milliseconds> SignInThrottle::Wait(const std::string& client,
                                                              int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  int64_t until = all_.locked_until;
  if (auto it = clients_.find(client); it != clients_.end()) {
    until = std::max(until, it->second.locked_until);
  }
  if (until <= now) return std::nullopt;
  return std::chrono::milliseconds(until - now);
}

bool SignInThrottle::Add(Count* count, int limit, int64_t now) const {
  if (now - count->window_start >= limits_.window.count()) {
    count->failures = 0;
    count->window_start = now;
  }
  if (++count->failures < limit) return false;
  count->failures = 0;
  count->window_start = now;
  count->locked_until = now + limits_.lockout.count();
  return true;
}

void SignInThrottle::ForgetIdle(int64_t now) {
  std::erase_if(clients_, [&](const auto& entry) {
    const Count& c = entry.second;
    return c.locked_until <= now && now - c.window_start >= limits_.window.count();
  });
}

Lockout SignInThrottle::RecordFailure(const std::string& client, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  ForgetIdle(now);
  const bool client_locked = Add(&clients_[client], limits_.per_client, now);
  if (Add(&all_, limits_.all_clients, now)) return Lockout::kAllClients;
  return client_locked ? Lockout::kClient : Lockout::kNone;
}

void SignInThrottle::RecordSuccess(const std::string& client) {
  std::lock_guard<std::mutex> lock(mu_);
  clients_.erase(client);
}

}  // namespace modbot
