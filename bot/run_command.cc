#include "bot/run_command.h"

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "bot/config.h"
#include "bot/config_reader.h"
#include "bot/daemon.h"
#include "bot/daemon_config.h"
#include "bot/log.h"
#include "policy/policy.h"

namespace modbot {

namespace {

int Usage() {
  std::fprintf(stderr, "usage: modbot run --config FILE [--once] [--dry-run] [--log-format text|json]\n");
  return 2;
}

int ConfigErrors(const std::vector<ConfigError>& errors) {
  for (const ConfigError& e : errors) std::fprintf(stderr, "%s\n", e.ToString().c_str());
  return 2;
}

}  // namespace

int RunCommand(int argc, char** argv) {
  std::string config_path;
  bool once = false, dry_run = false;
  std::optional<LogFormat> log_format;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--once") {
      once = true;
    } else if (arg == "--dry-run") {
      dry_run = true;
    } else if (arg == "--config" && i + 1 < argc) {
      config_path = argv[++i];
    } else if (arg == "--log-format" && i + 1 < argc) {
      log_format = LogFormatFromName(argv[++i]);
      if (!log_format) {
        std::fprintf(stderr, "modbot run: --log-format must be text or json, not '%s'\n", argv[i]);
        return 2;
      }
    } else {
      return Usage();
    }
  }
  if (config_path.empty()) return Usage();
  StopOnSignals();

  std::vector<ConfigError> errors;
  std::optional<LoadedConfig> loaded = LoadConfig(config_path, &errors);
  if (!loaded) return ConfigErrors(errors);
  ConfigReader reader(config_path);
  RejectUnknownSections(loaded->root, &reader);
  DaemonConfig config;
  if (!ParseDaemonConfig(loaded->root, &reader, &config)) return ConfigErrors(reader.errors());
  SetLogFormat(log_format.value_or(config.log_format));

  std::string error;
  std::unique_ptr<Policy> policy = Policy::Create(loaded->policy, &error);
  if (!policy) {
    std::fprintf(stderr, "%s: %s\n", config_path.c_str(), error.c_str());
    return 2;
  }
  return RunDaemon(config, [&](const Post& post) { return policy->Judge(post); }, once, dry_run);
}

}  // namespace modbot
