// Byte tests and case folding for ASCII only, whatever the locale: markup, URLs and
// lexicon words are compared byte for byte.
#ifndef MODBOT_POLICY_ASCII_H_
#define MODBOT_POLICY_ASCII_H_

#include <algorithm>
#include <string>
#include <string_view>

namespace modbot {

inline bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
// As C's isspace in the "C" locale.
inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string AsciiLowerCopy(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), AsciiLower);
  return out;
}

}  // namespace modbot

#endif  // MODBOT_POLICY_ASCII_H_
