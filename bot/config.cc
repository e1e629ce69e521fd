#include "bot/config.h"

#include <fstream>
#include <sstream>

#include "bot/policy_config.h"

namespace modbot {

std::optional<LoadedConfig> LoadConfig(const std::string& path, std::vector<ConfigError>* errors) {
  ConfigReader reader(path);
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    *errors = {{path, 0, 0, "cannot open the config file"}};
    return std::nullopt;
  }
  std::stringstream text;
  text << file.rdbuf();
  std::optional<toml::table> root = ParseToml(text.str(), &reader);
  LoadedConfig config{path, {}, PolicySettings::Defaults()};
  if (root) {
    config.root = std::move(*root);
    ParsePolicyConfig(config.root, &reader, &config.policy);
  }
  if (!reader.ok()) {
    *errors = reader.errors();
    return std::nullopt;
  }
  return config;
}

void RejectUnknownSections(const toml::table& root, ConfigReader* reader) {
  reader->RejectUnknownKeys(root, {"policy", "clauses", "rules", "forum", "store", "notices", "log",
                                 "http", "console", "memory"});
}

}  // namespace modbot
