// modbot forget --config FILE [--as NAME] ID: a moderator's mistake undone. The
// post's fingerprint leaves the memory (bot/memory_store.h), so its decision no
// longer weighs on near-copies; an audit row "forget" says who did it.
#ifndef MODBOT_BOT_FORGET_COMMAND_H_
#define MODBOT_BOT_FORGET_COMMAND_H_

#include <string>
#include <vector>

namespace modbot {

// Exit code: 0 forgotten, 1 no fingerprint for that post or a store failure,
// 2 bad usage or bad config.
int ForgetCommand(const std::vector<std::string>& args);

}  // namespace modbot

#endif  // MODBOT_BOT_FORGET_COMMAND_H_
