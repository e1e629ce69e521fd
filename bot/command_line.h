// A small parser for modbot's subcommand options: "--flag", "--key VALUE" and
// positional arguments, as in DESIGN.md's command-line contract.
#ifndef MODBOT_BOT_COMMAND_LINE_H_
#define MODBOT_BOT_COMMAND_LINE_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace modbot {

struct CommandLine {
  std::map<std::string, std::string> values;  // "--config" -> "FILE"
  std::set<std::string> flags;                // "--json"
  std::vector<std::string> positional;

  bool Has(const std::string& flag) const { return flags.count(flag) > 0; }
  std::optional<std::string> Value(const std::string& key) const;
};

// Parses args (after the subcommand name). valued lists the options that take a
// value, flags those that do not. A lone "-" is positional (standard input).
// On an unknown option or a missing value returns nullopt with *error set.
std::optional<CommandLine> ParseCommandLine(const std::vector<std::string>& args,
                                            const std::set<std::string>& valued,
                                            const std::set<std::string>& flags,
                                            std::string* error);

}  // namespace modbot

#endif  // MODBOT_BOT_COMMAND_LINE_H_
