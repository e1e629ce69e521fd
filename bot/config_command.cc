#include "bot/config_command.h"

#include <cstdio>

#include "bot/config.h"
#include "bot/daemon_config.h"
#include "bot/learned_model.h"
#include "policy/policy.h"

namespace modbot {

int ConfigCommand(const std::vector<std::string>& args) {
  if (args.size() != 2 || args[0] != "check") {
    std::fprintf(stderr, "usage: modbot config check FILE\n");
    return 2;
  }
  const std::string& path = args[1];
  std::vector<ConfigError> errors;
  std::optional<LoadedConfig> config = LoadConfig(path, &errors);
  std::string model_problem;
  if (config) {
    ConfigReader reader(path);
    RejectUnknownSections(config->root, &reader);
    // A config for `check` and `classify` alone has no [forum]; one that has a forum
    // section is a daemon's config and must be complete.
    if (config->root.contains("forum") || config->root.contains("store")) {
      DaemonConfig daemon;
      ParseDaemonConfig(config->root, &reader, &daemon);
      if (!daemon.learned.path.empty() && !LearnedModel::Load(daemon.learned.path, &model_problem)) {
        model_problem = path + ": [policy] learned_model: " + model_problem;
      }
    }
    errors = reader.errors();
    std::string error;
    if (errors.empty() && !Policy::Create(config->policy, &error)) {
      errors.push_back({path, 0, 0, error});
    }
  }
  for (const ConfigError& error : errors) std::fprintf(stderr, "%s\n", error.ToString().c_str());
  if (!errors.empty()) return 2;
  // The config is sound, but `modbot run` would judge without its model.
  if (!model_problem.empty()) {
    std::fprintf(stderr, "%s (modbot run judges without it)\n", model_problem.c_str());
    return 1;
  }
  std::printf("%s: ok\n", path.c_str());
  return 0;
}

}  // namespace modbot
