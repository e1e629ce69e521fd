// `modbot config check FILE`: validates a whole config, both halves, and prints
// every problem as file:line:col: message. Exit 0 when valid, 2 otherwise; 1 when
// the config is valid but its [policy] learned_model cannot be used (missing,
// damaged: the daemon would judge without it), saying why.
#ifndef MODBOT_BOT_CONFIG_COMMAND_H_
#define MODBOT_BOT_CONFIG_COMMAND_H_

#include <string>
#include <vector>

namespace modbot {

int ConfigCommand(const std::vector<std::string>& args);

}  // namespace modbot

#endif  // MODBOT_BOT_CONFIG_COMMAND_H_
