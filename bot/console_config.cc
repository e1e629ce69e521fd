#include "bot/console_config.h"

#include <sys/stat.h>

#include <fstream>
#include <set>

namespace modbot {

namespace {

constexpr size_t kMinTokenLength = 16;

bool IsModeratorName(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (unsigned char c : name) {
    if (!std::isalnum(c) && c != '_' && c != '-' && c != '.' && c != '@') return false;
  }
  return true;
}

// The whitespace-separated words of line.
std::vector<std::string> Words(const std::string& line) {
  std::vector<std::string> out;
  size_t at = 0;
  while ((at = line.find_first_not_of(" \t\r", at)) != std::string::npos) {
    size_t end = line.find_first_of(" \t\r", at);
    out.push_back(line.substr(at, end == std::string::npos ? std::string::npos : end - at));
    at = end;
  }
  return out;
}

}  // namespace

void ReadTokenFile(const std::string& path, std::vector<ModeratorToken>* out,
                   std::vector<ConfigError>* errors) {
  auto error = [&](int line, std::string message) {
    errors->push_back({path, line, line > 0 ? 1 : 0, std::move(message)});
  };
  std::ifstream in(path);
  if (!in) {
    error(0, "cannot read the console token file");
    return;
  }
  struct stat info;
  if (stat(path.c_str(), &info) == 0 && (info.st_mode & S_IROTH)) {
    error(0, "the console token file is readable by every user of this machine: "
             "chmod o-r it (600 or 640)");
  }
  std::set<std::string> names, tokens;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::vector<std::string> words = Words(line);
    if (words.empty() || words[0][0] == '#') continue;
    if (words.size() != 2) {
      error(number, "expected \"moderator-name token\", found " + std::to_string(words.size()) +
                        " word(s)");
    } else if (!IsModeratorName(words[0])) {
      error(number, "a moderator name has 1 to 64 letters, digits or _ - . @");
    } else if (words[1].size() < kMinTokenLength) {
      error(number, "the token of " + words[0] + " is too short (at least " +
                        std::to_string(kMinTokenLength) + " characters)");
    } else if (!names.insert(words[0]).second) {
      error(number, "moderator " + words[0] + " appears twice");
    } else if (!tokens.insert(words[1]).second) {
      error(number, "the token of " + words[0] +
                        " is also another moderator's: each needs their own, or the audit "
                        "cannot tell them apart");
    } else {
      out->push_back({words[0], words[1]});
    }
  }
  if (out->empty() && errors->empty()) {
    error(0, "no moderator in the console token file (one \"moderator-name token\" a line)");
  }
}

void ParseConsoleConfig(const toml::table& console, ConfigReader* reader, ConsoleConfig* out,
                        bool read_secret) {
  reader->RejectUnknownKeys(console, {"enabled", "listen", "token_file", "allow_remote",
                                      "session_minutes"});
  reader->Bool(console, "enabled", &out->enabled);
  bool allow_remote = false;
  reader->Bool(console, "allow_remote", &allow_remote);
  int minutes = static_cast<int>(out->session_lifetime.count());
  reader->Int(console, "session_minutes", 1, 60 * 24 * 30, &minutes);
  out->session_lifetime = std::chrono::minutes(minutes);
  if (console.get("listen") &&
      ReadListenAddress(console, "listen", reader, &out->listen) && !allow_remote &&
      !IsLoopbackHost(out->listen.host)) {
    reader->ErrorAt(*console.get("listen"),
                    "the review console listens on loopback only (127.0.0.1, ::1, localhost) "
                    "unless allow_remote = true; it serves plain HTTP: put it behind an HTTPS "
                    "reverse proxy rather than on a public address");
  }
  std::string token_file;
  reader->String(console, "token_file", &token_file, /*required=*/out->enabled);
  if (token_file.empty()) return;
  out->token_file = reader->Resolve(token_file);
  if (!read_secret || !out->enabled) return;
  std::vector<ConfigError> errors;
  ReadTokenFile(out->token_file, &out->moderators, &errors);
  for (ConfigError& e : errors) reader->Add(std::move(e));
}

}  // namespace modbot
