// The review console's part of config.toml (bot/console_server.h):
//
//   [console]                              # optional; off unless enabled = true
//   enabled = true
//   listen = "127.0.0.1:9465"              # its own listener, apart from [http]
//   token_file = "/etc/modbot/console.tokens"
//   allow_remote = false                   # true to listen on a non-loopback address
//   session_minutes = 480                  # a login lasts this long
//
// The token file names the moderators: one "moderator-name token" a line, blank
// lines and lines starting with '#' ignored. The name is what the audit records
// for every decision taken with that token, so each moderator gets their own.
// Tokens are secrets: at least 16 characters, and never logged nor echoed in an
// error; the file must not be readable by every user of the machine.
#ifndef MODBOT_BOT_CONSOLE_CONFIG_H_
#define MODBOT_BOT_CONSOLE_CONFIG_H_

#include <chrono>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "bot/config_reader.h"
#include "bot/listen_address.h"

namespace modbot {

struct ModeratorToken {
  std::string moderator;
  std::string token;
  bool operator==(const ModeratorToken&) const = default;
};

struct ConsoleConfig {
  bool enabled = false;
  ListenAddress listen{"127.0.0.1", 9465};
  std::string token_file;  // resolved against the config's folder
  std::vector<ModeratorToken> moderators;
  std::chrono::minutes session_lifetime{480};
};

// Fills *out from the [console] table; with read_secret, also reads the token
// file, whose mistakes are reported as "token-file:line:1: ..." (never quoting a
// token). Every problem is added to reader.
void ParseConsoleConfig(const toml::table& console, ConfigReader* reader, ConsoleConfig* out,
                        bool read_secret);

// Reads the token file at path into *out; each problem goes to *errors located in
// that file. Exposed for tests.
void ReadTokenFile(const std::string& path, std::vector<ModeratorToken>* out,
                   std::vector<ConfigError>* errors);

}  // namespace modbot

#endif  // MODBOT_BOT_CONSOLE_CONFIG_H_
