#include "policy/contact_channel.h"

#include <algorithm>
#include <array>
#include <vector>

#include <re2/re2.h>

#include "policy/ascii.h"

namespace modbot {
namespace {

bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

// The digit a spelled-out word stands for, English or French, or -1.
int SpelledDigit(std::string_view word) {
  static constexpr std::array<std::array<std::string_view, 2>, 10> kNames = {{
      {"zero", "zero"}, {"one", "un"},   {"two", "deux"},   {"three", "trois"}, {"four", "quatre"},
      {"five", "cinq"}, {"six", "six"},  {"seven", "sept"}, {"eight", "huit"},  {"nine", "neuf"},
  }};
  for (int digit = 0; digit < 10; ++digit) {
    for (std::string_view name : kNames[digit]) {
      if (word == name) return digit;
    }
  }
  return word == "une" ? 1 : -1;
}

// Whether groups of digits are laid out like a phone number: "5145550127",
// "514 555 0127", "1-514-555-0127", "0800 123 4567", "07123 456789". A date and a
// time ("2024-06-15 10:30") has groups of two and is not one.
// A French number is written in pairs ("06 12 34 56 78", "01.23.45.67.89").
bool PhoneShaped(const std::vector<size_t>& groups, std::string_view digits) {
  if (groups.size() == 5 && digits.size() == 10 && digits[0] == '0' &&
      std::all_of(groups.begin(), groups.end(), [](size_t size) { return size == 2; })) {
    return true;
  }
  if (groups.empty() || groups.size() > 4 || groups.back() < 4) return false;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (groups[i] < 3 && !(i == 0 && groups[i] == 1)) return false;
  }
  return true;
}

// Between two parts of one number: spaces and the punctuation people put in phone
// numbers, but not a sentence's end (". " then a capital is folded away, so a
// period followed by a space ends the number).
bool IsNumberSeparator(std::string_view text, size_t i) {
  char c = text[i];
  if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '/' || c == '+' || c == ',') return true;
  return c == '.' && i + 1 < text.size() && text[i + 1] != ' ';
}

// The City's lines and emergency numbers: 311, 911, 514-485-xxxx.
bool IsPublicService(std::string_view digits) {
  if (digits.size() == 11 && digits[0] == '1') digits.remove_prefix(1);
  return digits.size() <= 3 || digits.substr(0, 6) == "514485";
}

// Phone numbers written with digits, spelled-out digit words, or both: a run of
// number parts with only separators between them, ten or eleven digits in all (a
// North American number with or without the 1; a British one starting with 0).
// Longer runs are card or account numbers (public_safety's business), shorter
// ones prices, dates and times.
void FindPhoneNumbers(std::string_view text, std::vector<std::string>* found) {
  size_t i = 0;
  while (i < text.size()) {
    if (!IsAsciiDigit(text[i]) && !(IsAsciiLower(text[i]) && (i == 0 || !IsAsciiLower(text[i - 1])))) {
      ++i;
      continue;
    }
    const size_t start = i;
    std::string digits;
    std::vector<size_t> groups;
    size_t end = i;
    int spelled = 0;
    while (i < text.size()) {
      if (IsAsciiDigit(text[i])) {
        if (i > 0 && IsAsciiLower(text[i - 1])) break;  // "mp3", "b12": part of a word
        size_t group_end = i;
        while (group_end < text.size() && IsAsciiDigit(text[group_end])) ++group_end;
        if (group_end < text.size() && IsAsciiLower(text[group_end])) break;  // "10am", "2nd"
        digits.append(text.substr(i, group_end - i));
        groups.push_back(group_end - i);
        i = group_end;
      } else if (IsAsciiLower(text[i])) {
        size_t word_end = i;
        while (word_end < text.size() && IsAsciiLower(text[word_end])) ++word_end;
        int digit = SpelledDigit(text.substr(i, word_end - i));
        if (digit < 0) break;
        digits += static_cast<char>('0' + digit);
        ++spelled;
        i = word_end;
      } else {
        break;
      }
      end = i;
      while (i < text.size() && IsNumberSeparator(text, i)) ++i;
    }
    // After a "+", a country code leads and numbers run from 10 to 13 digits in any
    // grouping ("+33 6 12 34 56 78", "+2348012345678", "+44 7911 123456").
    const bool international = spelled == 0 && start > 0 && text[start - 1] == '+' &&
                               digits.size() >= 10 && digits.size() <= 13;
    const bool phone_sized =
        digits.size() == 10 || (digits.size() == 11 && (digits[0] == '1' || digits[0] == '0'));
    // A few spelled words ("one or two", "deux ou trois") are ordinary talk; seven
    // of them in a row, or three among digit groups, are a number written so that
    // a filter misses it.
    const bool laid_out =
        spelled == 0 ? PhoneShaped(groups, digits) : spelled >= 7 || (spelled >= 3 && !groups.empty());
    if ((international || (phone_sized && laid_out)) && !IsPublicService(digits)) {
      found->push_back(std::string(text.substr(start, end - start)));
    }
    if (i == start) ++i;
    // Restart after a word that broke the run, not inside it.
    while (i < text.size() && IsAsciiLower(text[i]) && i > 0 && IsAsciiLower(text[i - 1])) ++i;
  }
}

// "Text WIN to 80086", "textez OUI au 55555": a short code for premium SMS.
const RE2& ShortCodePattern() {
  static const RE2 pattern(
      R"(\b((?:txt|text|send|reply|textez|texte|envoyez|envoie|repondez)\W+(?:[a-z0-9:]+\W+){1,3}(?:to|au|a)\W+(?:no:? ?)?\d{4,6})\b)");
  return pattern;
}

const RE2& EmailPattern() {
  static const RE2 pattern(
      R"(([a-z0-9._%+-]+(?:@| ?[\[(]at[\])] ?| at | arobase )[a-z0-9-]+(?:\.| ?[\[(]?dot[\])]? | point )(?:[a-z0-9-]+(?:\.| dot | point ))*(?:com|net|org|ca|fr|info|biz|io|co|me|qc\.ca)\b))");
  return pattern;
}

// A handle or number next to the app that carries it.
const RE2& HandlePattern() {
  static const RE2 pattern(
      R"(\b((?:whatsapp|telegram|signal|insta|instagram|ig|snap|snapchat|tiktok|kik|wechat|messenger|facebook|fb|twitter)\W{1,4}(?:(?:at|on|sur|au|:)\W{1,3})?(?:@[a-z0-9_.]{3,}|\+?\d[\d .-]{6,}))"
      R"(|(?:follow|suivez|suis|add|ajoutez|ajoute)(?:-| )?(?:us|me|moi|nous)?\W{1,3}(?:on |sur )?(?:\w+ )?@[a-z0-9_.]{3,}))");
  return pattern;
}

void FindAll(const RE2& pattern, std::string_view text, std::vector<std::string>* found) {
  re2::StringPiece input(text.data(), text.size());
  std::string match;
  while (RE2::FindAndConsume(&input, pattern, &match)) found->push_back(match);
}

}  // namespace

std::vector<std::string> FindContactChannels(std::string_view folded) {
  std::vector<std::string> found;
  FindPhoneNumbers(folded, &found);
  FindAll(ShortCodePattern(), folded, &found);
  FindAll(EmailPattern(), folded, &found);
  FindAll(HandlePattern(), folded, &found);
  return found;
}

}  // namespace modbot
