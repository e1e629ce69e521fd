#include "bot/command_line.h"

namespace modbot {

std::optional<std::string> CommandLine::Value(const std::string& key) const {
  auto it = values.find(key);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

std::optional<CommandLine> ParseCommandLine(const std::vector<std::string>& args,
                                            const std::set<std::string>& valued,
                                            const std::set<std::string>& flags,
                                            std::string* error) {
  CommandLine out;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.size() < 2 || arg.rfind("--", 0) != 0) {
      out.positional.push_back(arg);
    } else if (flags.count(arg)) {
      out.flags.insert(arg);
    } else if (valued.count(arg)) {
      if (i + 1 >= args.size()) {
        *error = arg + " needs a value";
        return std::nullopt;
      }
      out.values[arg] = args[++i];
    } else {
      *error = "unknown option " + arg;
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace modbot
