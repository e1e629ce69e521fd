#include "bot/console_auth.h"

#include <sys/random.h>

#include <algorithm>
#include <stdexcept>

namespace modbot {

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  const size_t n = std::max(a.size(), b.size());
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char x = i < a.size() ? a[i] : 0;
    const unsigned char y = i < b.size() ? b[i] : 0;
    diff |= x ^ y;
  }
  return diff == 0;
}

std::string RandomHexToken() {
  unsigned char bytes[32];
  size_t got = 0;
  while (got < sizeof bytes) {
    ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
    // getrandom only fails before the kernel's pool is ready at boot, or on a
    // signal; a session id must never be guessable, so there is no fallback.
    if (n < 0 && errno != EINTR) throw std::runtime_error("getrandom failed");
    if (n > 0) got += static_cast<size_t>(n);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

ConsoleAuth::ConsoleAuth(std::vector<ModeratorToken> moderators, std::chrono::minutes lifetime)
    : lifetime_(lifetime), moderators_(std::move(moderators)) {}

std::vector<std::string> ConsoleAuth::Replace(std::vector<ModeratorToken> moderators) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<std::string> revoked;
  for (const ModeratorToken& old : moderators_) {
    if (std::find(moderators.begin(), moderators.end(), old) == moderators.end()) {
      revoked.push_back(old.moderator);
    }
  }
  std::erase_if(sessions_, [&](const auto& s) {
    return std::find(revoked.begin(), revoked.end(), s.second.moderator) != revoked.end();
  });
  moderators_ = std::move(moderators);
  return revoked;
}

std::optional<ConsoleAuth::SignedIn> ConsoleAuth::SignIn(std::string_view token, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  const ModeratorToken* found = nullptr;
  for (const ModeratorToken& m : moderators_) {
    if (ConstantTimeEquals(m.token, token) && !token.empty()) found = &m;
  }
  if (!found) return std::nullopt;
  std::erase_if(sessions_, [now](const auto& s) { return s.second.expires_at <= now; });
  std::string id = RandomHexToken();
  sessions_[id] = {found->moderator, RandomHexToken(), now + lifetime_.count(), std::nullopt};
  return SignedIn{found->moderator, std::move(id)};
}

std::optional<ConsoleSession> ConsoleAuth::Find(std::string_view id, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  if (it->second.expires_at <= now) {
    sessions_.erase(it);
    return std::nullopt;
  }
  return it->second;
}

void ConsoleAuth::SetFlash(std::string_view id, Flash flash) {
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = sessions_.find(id); it != sessions_.end()) it->second.flash = std::move(flash);
}

std::optional<Flash> ConsoleAuth::TakeFlash(std::string_view id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  return std::exchange(it->second.flash, std::nullopt);
}

void ConsoleAuth::Close(std::string_view id) {
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = sessions_.find(id); it != sessions_.end()) sessions_.erase(it);
}

}  // namespace modbot
