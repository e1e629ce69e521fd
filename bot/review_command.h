// `modbot review`: the moderators' side of the local review queue.
//
//   modbot review --config FILE [--all] list
//   modbot review --config FILE show ID
//   modbot review --config FILE [--as NAME] [--now] approve ID [--note TEXT]
//   modbot review --config FILE [--as NAME] [--now] remove ID [--clause C] [--note TEXT]
//
// Decisions are recorded in the store with the moderator's name (--as, else $USER)
// and their forum actions queued in the outbox, which the running daemon carries
// out on its next pass. With --now the command carries them out itself, at once
// (it then needs the forum's API key, as `modbot run` does); whatever fails is left
// in the outbox for the daemon to retry.
//
// Exit codes: 0 ok; 1 the post is not queued, was already decided (by someone else
// too, at the same instant) or was re-judged, or the store failed; 2 bad usage or
// bad config (an unknown clause, a missing ID, no moderator name).
#ifndef MODBOT_BOT_REVIEW_COMMAND_H_
#define MODBOT_BOT_REVIEW_COMMAND_H_

#include <string>
#include <vector>

namespace modbot {

int ReviewCommand(const std::vector<std::string>& args);

}  // namespace modbot

#endif  // MODBOT_BOT_REVIEW_COMMAND_H_
