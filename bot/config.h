// Loading config.toml.
//
// The file has two halves: judgement ([policy], [clauses.*], [[rules]]; see
// policy_config.h) and the daemon ([forum], [store], [notices]; see
// daemon_config.h). `check` and `classify` need only the first, so a config with no
// forum secret at hand still judges posts; `run` and `config check` need both.
#ifndef MODBOT_BOT_CONFIG_H_
#define MODBOT_BOT_CONFIG_H_

#include <optional>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "bot/config_reader.h"
#include "policy/policy_settings.h"

namespace modbot {

struct LoadedConfig {
  std::string path;
  toml::table root;
  PolicySettings policy;
};

// Reads and parses path and its policy half. On failure returns nullopt and fills
// *errors (each "file:line:col: message" via ConfigError::ToString()).
std::optional<LoadedConfig> LoadConfig(const std::string& path, std::vector<ConfigError>* errors);

// Reports top-level tables that neither half knows (usually a typo).
void RejectUnknownSections(const toml::table& root, ConfigReader* reader);

}  // namespace modbot

#endif  // MODBOT_BOT_CONFIG_H_
