#include "bot/run_command.h"

#include <cstdio>
#include <memory>
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

// Reads the whole config at path into *config and a judge over its policy; on a
// mistake returns false with every problem in *error, one a line.
bool LoadRunConfig(const std::string& path, DaemonConfig* config, Judge* judge,
                   std::string* error) {
  std::vector<ConfigError> errors;
  std::optional<LoadedConfig> loaded = LoadConfig(path, &errors);
  if (loaded) {
    ConfigReader reader(path);
    RejectUnknownSections(loaded->root, &reader);
    ParseDaemonConfig(loaded->root, &reader, config);
    errors = reader.errors();
  }
  error->clear();
  for (const ConfigError& e : errors) *error += e.ToString() + "\n";
  if (!errors.empty()) return false;
  std::string policy_error;
  std::shared_ptr<Policy> policy = Policy::Create(loaded->policy, &policy_error);
  if (!policy) {
    *error = path + ": " + policy_error + "\n";
    return false;
  }
  *judge = [policy](const Post& post) { return policy->Judge(post); };
  return true;
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

  DaemonConfig config;
  Judge judge;
  std::string error;
  if (!LoadRunConfig(config_path, &config, &judge, &error)) {
    std::fputs(error.c_str(), stderr);
    return 2;
  }
  SetLogFormat(log_format.value_or(config.log_format));
  Reload reload = [&](DaemonConfig* fresh, Judge* fresh_judge, std::string* reload_error) {
    if (!LoadRunConfig(config_path, fresh, fresh_judge, reload_error)) {
      while (!reload_error->empty() && reload_error->back() == '\n') reload_error->pop_back();
      return false;
    }
    SetLogFormat(log_format.value_or(fresh->log_format));
    return true;
  };
  return RunDaemon(config, judge, once, dry_run, reload);
}

}  // namespace modbot
