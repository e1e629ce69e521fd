#include "bot/log.h"

#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>

namespace modbot {

namespace {

void Write(const char* level, std::string_view message) {
  static std::mutex mu;
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
  std::string line = std::string(stamp) + " modbot[" + level + "] " + std::string(message) + "\n";
  std::lock_guard<std::mutex> lock(mu);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace

void LogInfo(std::string_view message) { Write("info", message); }
void LogError(std::string_view message) { Write("error", message); }

}  // namespace modbot
