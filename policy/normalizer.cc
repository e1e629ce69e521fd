#include "policy/normalizer.h"

#include <utf8proc.h>

#include <cstdlib>
#include <vector>

#include "policy/ascii.h"

namespace modbot {
namespace {

// Cyrillic and Greek letters that render like Latin ones; applied before case folding.
// Unicode's confusables list is larger, but these are the ones that type on a phone.
utf8proc_int32_t MapLookalike(utf8proc_int32_t cp, void*) {
  switch (cp) {
    case 0x0430: return 'a';  // а
    case 0x0435: case 0x0451: return 'e';  // е ё
    case 0x043E: return 'o';  // о
    case 0x0440: return 'p';  // р
    case 0x0441: return 'c';  // с
    case 0x0443: return 'y';  // у
    case 0x0445: return 'x';  // х
    case 0x0456: return 'i';  // і
    case 0x0458: return 'j';  // ј
    case 0x0455: return 's';  // ѕ
    case 0x04BB: return 'h';  // һ
    case 0x043A: return 'k';  // к
    case 0x043C: return 'm';  // м
    case 0x0442: return 't';  // т
    case 0x0432: return 'b';  // в
    case 0x043D: return 'h';  // н
    case 0x0410: return 'a'; case 0x0415: return 'e'; case 0x041E: return 'o';
    case 0x0420: return 'p'; case 0x0421: return 'c'; case 0x0425: return 'x';
    case 0x0406: return 'i'; case 0x041A: return 'k'; case 0x041C: return 'm';
    case 0x0422: return 't'; case 0x0412: return 'b'; case 0x041D: return 'h';
    case 0x03B1: case 0x0391: return 'a';  // α Α
    case 0x03B5: case 0x0395: return 'e';  // ε Ε
    case 0x03BF: case 0x039F: return 'o';  // ο Ο
    case 0x03B9: case 0x0399: return 'i';  // ι Ι
    case 0x03BA: case 0x039A: return 'k';  // κ Κ
    case 0x03BD: case 0x039D: return 'v';  // ν (and Ν, which looks like N)
    case 0x03C1: case 0x03A1: return 'p';  // ρ Ρ
    case 0x03C4: case 0x03A4: return 't';  // τ Τ
    case 0x03C5: case 0x03BC: return 'u';  // υ μ
    case 0x0131: return 'i';               // ı (dotless)
    case 0x03C7: case 0x03A7: return 'x';  // χ Χ
    case 0x2018: case 0x2019: case 0x02BC: case 0x00B4: return '\'';  // '`': FoldAscii
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: return '-';
    case 0x00A0: case 0x202F: return ' ';
    default: return cp;
  }
}

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; }  // UTF-8 bytes: see WordCharLength

// '*' masks a letter ("f*ck", "m*rde"); the skeleton keeps it and PhraseMatcher lets
// it stand for any inner letter.
bool IsWordChar(char c) { return IsLetter(c) || IsAsciiDigit(c) || LeetLetter(c) || c == '*'; }

// Punctuation more often than a letter at a word's edge: "great!!!", "@user", "*sigh*".
// ('$' stays: "a$$" is a word.)
bool IsEdgePunctuation(char c) { return c == '!' || c == '|' || c == '+' || c == '@' || c == '*'; }

// Appends word to *out with leetspeak mapped if it has letters, and punctuation at
// its edges dropped.
void AppendCleanWord(std::string_view word, std::string* out) {
  while (!word.empty() && IsEdgePunctuation(word.front())) word.remove_prefix(1);
  while (!word.empty() && IsEdgePunctuation(word.back())) word.remove_suffix(1);
  bool has_letter = false;
  for (char c : word) has_letter |= (c >= 'a' && c <= 'z');
  for (char c : word) {
    if (has_letter && !IsLetter(c) && c != '*') {
      char letter = LeetLetter(c);
      *out += letter ? letter : c;
    } else {
      *out += c;
    }
  }
}

// Separators allowed between spaced-out letters: "f u c k", "f.u.c.k", "f-u-c-k".
bool IsLetterSpacer(std::string_view gap) {
  if (gap.empty() || gap.size() > 2) return false;
  for (char c : gap) {
    if (c != ' ' && c != '.' && c != '-' && c != '_') return false;
  }
  return true;
}

// Length in bytes of the word character at folded[i], or 0 if it is not one. Past
// ASCII, letters, marks and digits of any script are word characters; emoji and
// symbols are not.
size_t WordCharLength(std::string_view folded, size_t i) {
  unsigned char c = static_cast<unsigned char>(folded[i]);
  if (c < 0x80) return IsWordChar(folded[i]) ? 1 : 0;
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(folded.data() + i),
                                        static_cast<utf8proc_ssize_t>(folded.size() - i), &cp);
  if (n <= 0) return 0;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ND:
      return static_cast<size_t>(n);
    default:
      return 0;
  }
}

// Object pronouns that end a spaced run as a word of their own. Short ones that end
// ordinary words ("her" in "mother", "me" in "home") are not among them.
constexpr std::string_view kRunObjects[] = {"you", "him", "them", "vous", "toi"};
// Letters a run must keep before its pronoun: "them" alone, "anthem", stays whole.
constexpr size_t kMinRunStem = 3;

std::string BuildSkeleton(std::string_view folded) {
  // The cleaned words sit back to back in one buffer rather than in a string each.
  std::string cleaned;
  cleaned.reserve(folded.size());
  struct Word {
    size_t begin;
    size_t size;
    std::string_view gap_before;
  };
  std::vector<Word> words;
  size_t i = 0, gap_start = 0;
  while (i < folded.size()) {
    size_t start = i;
    while (i < folded.size()) {
      size_t n = WordCharLength(folded, i);
      if (n == 0) break;
      i += n;
    }
    if (i == start) {
      i += 1;
      continue;
    }
    size_t begin = cleaned.size();
    AppendCleanWord(folded.substr(start, i - start), &cleaned);
    if (cleaned.size() > begin) {
      words.push_back({begin, cleaned.size() - begin, folded.substr(gap_start, start - gap_start)});
    }
    gap_start = i;
  }
  auto text = [&](const Word& word) { return std::string_view(cleaned).substr(word.begin, word.size); };

  std::string skeleton = " ";
  skeleton.reserve(cleaned.size() + words.size() + 1);
  for (size_t w = 0; w < words.size();) {
    // Join a run of three or more single letters: "f u c k" -> "fuck". A run keeps
    // one spacer: "i.n.t.e.r.d.i.t. E l l e s" is two words, the first ending a
    // sentence.
    size_t run = w;
    while (run < words.size() && words[run].size == 1 && IsLetter(text(words[run])[0]) &&
           (run == w || (IsLetterSpacer(words[run].gap_before) &&
                         (run == w + 1 || words[run].gap_before == words[w + 1].gap_before)))) {
      ++run;
    }
    if (run - w >= 3) {
      std::string joined;
      for (size_t k = w; k < run; ++k) joined += text(words[k]);
      skeleton += SplitSpacedRun(joined);
      w = run;
    } else {
      skeleton += text(words[w]);
      ++w;
    }
    skeleton += ' ';
  }
  return skeleton;
}

}  // namespace

char LeetLetter(char c) {
  switch (c) {
    case '0': return 'o';
    case '1': case '!': case '|': return 'i';
    case '3': return 'e';
    case '4': case '@': return 'a';
    case '5': case '$': return 's';
    case '7': case '+': return 't';
    case '8': return 'b';
    default: return 0;
  }
}

std::string WithStretchedRuns(std::string_view text, size_t keep) {
  constexpr size_t kStretched = 3;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t run = i;
    while (run < text.size() && text[run] == text[i]) ++run;
    const bool letter = text[i] >= 'a' && text[i] <= 'z' && text[i] != 'w';
    out.append(letter && run - i >= kStretched ? keep : run - i, text[i]);
    i = run;
  }
  return out;
}

std::string SplitSpacedRun(std::string_view joined) {
  for (std::string_view object : kRunObjects) {
    if (joined.size() >= object.size() + kMinRunStem &&
        joined.compare(joined.size() - object.size(), object.size(), object) == 0) {
      std::string out(joined.substr(0, joined.size() - object.size()));
      out += ' ';
      out += object;
      return out;
    }
  }
  return std::string(joined);
}

namespace {

// ASCII folds without utf8proc: A-Z to lower case, and the grave accent, which
// people type for an apostrophe ("t`es", "l`ecole"), to one, as U+2019 is.
char FoldAscii(char c) {
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  return c == '`' ? '\'' : c;
}

// One code point through utf8proc: COMPAT turns full-width and stylised forms into
// plain ones, IGNORE drops zero-width characters, CASEFOLD lowers case, STRIPMARK
// drops accents, and the look-alike map turns Cyrillic and Greek into Latin.
std::string FoldCodePoint(utf8proc_int32_t cp) {
  // French writes "cœur" and "écœurant" with the ligature or without it; Unicode
  // has no decomposition of it to fold.
  if (cp == 0x0153 || cp == 0x0152) return "oe";  // œ Œ
  if (cp == 0x00E6 || cp == 0x00C6) return "ae";  // æ Æ
  utf8proc_uint8_t encoded[4];
  utf8proc_ssize_t length = utf8proc_encode_char(cp, encoded);
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n = utf8proc_map_custom(
      encoded, length, &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                     UTF8PROC_IGNORE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK),
      MapLookalike, nullptr);
  std::string out;
  if (n >= 0) {
    out.assign(reinterpret_cast<char*>(mapped), static_cast<size_t>(n));
  } else {
    out.assign(reinterpret_cast<char*>(encoded), static_cast<size_t>(length));
  }
  std::free(mapped);
  // The look-alike map runs before case folding and compatibility mapping: fold
  // their ASCII result as ASCII text is folded ("｀" becomes "`", then "'").
  for (char& c : out) c = FoldAscii(c);
  return out;
}

// Folding is a per-code-point map, so the code points of Latin, Greek, Cyrillic,
// punctuation and the full-width block are folded once and looked up after that;
// utf8proc is slow per call and posts are mostly these.
constexpr utf8proc_int32_t kTableEnd = 0x3000;

const std::string& FoldCached(utf8proc_int32_t cp) {
  static const std::vector<std::string> table = [] {
    std::vector<std::string> folded(kTableEnd);
    for (utf8proc_int32_t c = 0; c < kTableEnd; ++c) {
      if (utf8proc_codepoint_valid(c)) folded[c] = FoldCodePoint(c);
    }
    return folded;
  }();
  return table[cp];
}


}  // namespace

std::string FoldText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  // Appends folded text, collapsing every run of whitespace into one space.
  auto append = [&](std::string_view piece) {
    for (char c : piece) {
      if (IsAsciiSpace(c)) {
        space = true;
        continue;
      }
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    }
  };
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t remaining = static_cast<utf8proc_ssize_t>(text.size());
  while (remaining > 0) {
    char c = static_cast<char>(*bytes);
    if (static_cast<unsigned char>(c) < 0x80) {  // ASCII: the common case
      c = FoldAscii(c);
      if (c != 0) append(std::string_view(&c, 1));  // NUL bytes are dropped
      ++bytes;
      --remaining;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(bytes, remaining, &cp);
    if (n <= 0) {
      append("\xEF\xBF\xBD");  // an invalid sequence becomes U+FFFD
      n = 1;
    } else if (cp < kTableEnd) {
      append(FoldCached(cp));
    } else {
      append(FoldCodePoint(cp));
    }
    bytes += n;
    remaining -= n;
  }
  return out;
}

NormalizedText Normalize(std::string_view text) {
  NormalizedText out;
  out.folded = FoldText(text);
  out.skeleton = BuildSkeleton(out.folded);
  return out;
}

std::string Skeleton(std::string_view folded) { return BuildSkeleton(folded); }

std::string Unleet(std::string_view word) {
  std::string out;
  AppendCleanWord(word, &out);
  return out;
}

}  // namespace modbot
