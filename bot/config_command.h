// `modbot config check FILE`: validates a whole config, both halves, and prints
// every problem as file:line:col: message. Exit 0 when valid, 2 otherwise.
#ifndef MODBOT_BOT_CONFIG_COMMAND_H_
#define MODBOT_BOT_CONFIG_COMMAND_H_

#include <string>
#include <vector>

namespace modbot {

int ConfigCommand(const std::vector<std::string>& args);

}  // namespace modbot

#endif  // MODBOT_BOT_CONFIG_COMMAND_H_
