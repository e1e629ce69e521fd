#include "bot/store_command.h"

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>

#include "bot/config.h"

namespace modbot {

int OpenStoreCommand(const char* command, const std::string& config_path, bool read_secret,
                     StoreCommand* out) {
  std::vector<ConfigError> errors;
  std::optional<LoadedConfig> loaded = LoadConfig(config_path, &errors);
  if (loaded) {
    ConfigReader reader(config_path);
    RejectUnknownSections(loaded->root, &reader);
    ParseDaemonConfig(loaded->root, &reader, &out->config, read_secret);
    errors = reader.errors();
  }
  if (!errors.empty()) {
    for (const ConfigError& e : errors) std::fprintf(stderr, "%s\n", e.ToString().c_str());
    return 2;
  }
  const std::string& path = out->config.store_path;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    std::fprintf(stderr, "modbot %s: no store at %s (has `modbot run` been started with this config?)\n",
                 command, path.c_str());
    return 1;
  }
  // The store is shared with the daemon's group (packaging/modbot.service): a
  // WAL or shared-memory file this command happens to create must stay
  // writable by the daemon.
  const mode_t mask = umask(0);
  umask(mask & ~S_IRWXG);
  std::string error;
  out->store = Store::Open(path, &error);
  if (!out->store) {
    std::fprintf(stderr, "modbot %s: %s\n", command, error.c_str());
    return 1;
  }
  return 0;
}

}  // namespace modbot
