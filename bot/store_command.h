// What the moderators' commands (review, audit, stats) share: the daemon's config
// and the store it writes, opened without the forum's API key.
#ifndef MODBOT_BOT_STORE_COMMAND_H_
#define MODBOT_BOT_STORE_COMMAND_H_

#include <memory>
#include <string>

#include "bot/daemon_config.h"
#include "bot/store.h"

namespace modbot {

struct StoreCommand {
  DaemonConfig config;
  std::unique_ptr<Store> store;
};

// Reads config_path ([forum], [store], [notices]; the API key only when
// read_secret) and opens the store it names, which must exist: a moderator's
// command never creates an empty one beside the daemon's. Files it creates beside
// the store are group-writable, like the daemon's. Prints what went wrong
// prefixed with command and returns the exit code (2: bad config, 1: no store),
// or 0 with *out filled.
int OpenStoreCommand(const char* command, const std::string& config_path, bool read_secret,
                     StoreCommand* out);

}  // namespace modbot

#endif  // MODBOT_BOT_STORE_COMMAND_H_
