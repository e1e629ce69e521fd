// ISO 8601 times as the command line reads and writes them, in UTC.
#ifndef MODBOT_BOT_ISO_TIME_H_
#define MODBOT_BOT_ISO_TIME_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace modbot {

// "2026-05-01T12:00:00Z" for millis since the Unix epoch (sub-seconds dropped).
std::string FormatIsoTime(int64_t millis);

enum class DateBound { kStart, kEnd };

// Millis since the Unix epoch for "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS[.fff]]"
// followed by "Z", "+HH:MM" or "-HH:MM" (no zone: UTC). A bare date stands for the
// first millisecond of that UTC day with kStart and the first of the next day with
// kEnd, so that `--until 2026-05-01` includes all of May 1st. nullopt when text is
// not such a date or names an impossible one (2026-02-30).
std::optional<int64_t> ParseIsoTime(std::string_view text, DateBound bound);

}  // namespace modbot

#endif  // MODBOT_BOT_ISO_TIME_H_
