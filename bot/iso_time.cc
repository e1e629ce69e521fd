#include "bot/iso_time.h"

#include <ctime>

namespace modbot {

namespace {

// Reads exactly n digits at *pos.
bool Digits(std::string_view text, size_t* pos, int n, int* out) {
  if (*pos + n > text.size()) return false;
  int value = 0;
  for (int i = 0; i < n; ++i) {
    char c = text[*pos + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *pos += n;
  *out = value;
  return true;
}

bool Expect(std::string_view text, size_t* pos, char c) {
  if (*pos >= text.size() || text[*pos] != c) return false;
  ++*pos;
  return true;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::string FormatIsoTime(int64_t millis) {
  std::time_t seconds = static_cast<std::time_t>(millis / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

std::optional<int64_t> ParseIsoTime(std::string_view text, DateBound bound) {
  size_t pos = 0;
  int year, month, day;
  if (!Digits(text, &pos, 4, &year) || !Expect(text, &pos, '-') ||
      !Digits(text, &pos, 2, &month) || !Expect(text, &pos, '-') || !Digits(text, &pos, 2, &day) ||
      month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) {
    return std::nullopt;
  }
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  int64_t millis = 0, offset_minutes = 0;
  if (pos == text.size()) {
    if (bound == DateBound::kEnd) ++tm.tm_mday;  // timegm normalises the overflow
  } else {
    int hour, minute, second = 0;
    if (!(Expect(text, &pos, 'T') || Expect(text, &pos, ' ')) || !Digits(text, &pos, 2, &hour) ||
        !Expect(text, &pos, ':') || !Digits(text, &pos, 2, &minute) || hour > 23 || minute > 59) {
      return std::nullopt;
    }
    if (Expect(text, &pos, ':')) {
      if (!Digits(text, &pos, 2, &second) || second > 60) return std::nullopt;
      if (Expect(text, &pos, '.')) {
        int scale = 100, digits = 0;
        for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos, ++digits) {
          millis += (text[pos] - '0') * scale;
          scale /= 10;
        }
        if (digits == 0) return std::nullopt;
      }
    }
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
      const int sign = text[pos++] == '+' ? 1 : -1;
      int zone_hours, zone_minutes;
      if (!Digits(text, &pos, 2, &zone_hours) || !Expect(text, &pos, ':') ||
          !Digits(text, &pos, 2, &zone_minutes) || zone_hours > 23 || zone_minutes > 59) {
        return std::nullopt;
      }
      offset_minutes = sign * (zone_hours * 60 + zone_minutes);
    } else {
      Expect(text, &pos, 'Z');
    }
    if (pos != text.size()) return std::nullopt;
  }
  return (static_cast<int64_t>(timegm(&tm)) - offset_minutes * 60) * 1000 + millis;
}

}  // namespace modbot
