// The moderators' reports on the store.
//
//   modbot audit --config FILE [--since DATE] [--until DATE] [--format csv|json]
//   modbot stats --config FILE [--since DATE]
//
// DATE is ISO 8601, UTC unless it says otherwise: YYYY-MM-DD or a full timestamp
// (2026-05-01T12:00:00Z, 2026-05-01T08:00-04:00). --since is inclusive; --until
// with a date includes that whole day, with a timestamp stops just before it.
// Exit codes: 0 ok, 1 store failure, 2 bad usage or bad config (a bad DATE is
// named in the message).
#ifndef MODBOT_BOT_REPORT_COMMANDS_H_
#define MODBOT_BOT_REPORT_COMMANDS_H_

#include <string>
#include <vector>

namespace modbot {

int AuditCommand(const std::vector<std::string>& args);
int StatsCommand(const std::vector<std::string>& args);

}  // namespace modbot

#endif  // MODBOT_BOT_REPORT_COMMANDS_H_
