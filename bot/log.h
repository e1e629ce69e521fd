// One-line log records on stderr: "2024-05-01T12:00:00Z modbot[info] message".
//
// Callers pass only what is safe to print: post ids, clause ids, rule names,
// forum error summaries. Secrets never reach this function (adapters keep API keys
// in request headers, which are never formatted into messages).
#ifndef MODBOT_BOT_LOG_H_
#define MODBOT_BOT_LOG_H_

#include <string_view>

namespace modbot {

void LogInfo(std::string_view message);
void LogError(std::string_view message);

}  // namespace modbot

#endif  // MODBOT_BOT_LOG_H_
