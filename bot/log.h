// One record a line on stderr (journald adds its own timestamps; ours stay for
// plain files), in one of two formats:
//
//   text (default)  2024-05-01T12:00:00Z modbot[info] post 7 v1 by alice: hide spam_links
//   json            {"time":"2024-05-01T12:00:00Z","level":"info","msg":"post 7 ...","post":"7"}
//
// chosen by `[log] format` in the config or `modbot run --log-format`. Fields are
// extra key/value pairs for machines: JSON members, or " key=value" in text.
//
// Callers pass only what is safe to print: post ids, clause ids, rule names,
// forum error summaries. Secrets never reach this function (adapters keep API keys
// in request headers, which are never formatted into messages); as a second line
// of defence, every secret registered with RegisterLogSecret is masked from each
// record before it is written.
#ifndef MODBOT_BOT_LOG_H_
#define MODBOT_BOT_LOG_H_

#include <cstdio>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace modbot {

enum class LogFormat { kText, kJson };
std::optional<LogFormat> LogFormatFromName(std::string_view name);  // "text", "json"

using LogFields = std::initializer_list<std::pair<std::string_view, std::string_view>>;

void SetLogFormat(LogFormat format);
// Where records go; stderr unless a test says otherwise.
void SetLogStream(std::FILE* stream);
// Masks secret (when at least 4 bytes long) in every later record as "[secret]".
void RegisterLogSecret(const std::string& secret);

void LogInfo(std::string_view message, LogFields fields = {});
void LogError(std::string_view message, LogFields fields = {});

}  // namespace modbot

#endif  // MODBOT_BOT_LOG_H_
