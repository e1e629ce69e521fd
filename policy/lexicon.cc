#include "policy/lexicon.h"

#include <algorithm>

#include "policy/normalizer.h"

namespace modbot {
namespace {

RE2::Options MatchOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  return options;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// One skeleton word as a pattern: each letter may be stretched ("fuuuck"), and an
// inner letter may be masked by '*' ("f*ck").
std::string WordPattern(std::string_view word) {
  std::string out;
  for (size_t i = 0; i < word.size(); ++i) {
    std::string quoted = RE2::QuoteMeta(std::string_view(&word[i], 1));
    bool inner = i > 0 && i + 1 < word.size();
    bool ascii_letter = word[i] >= 'a' && word[i] <= 'z';
    if (inner && ascii_letter) {
      out += "[" + quoted + "*]+";
    } else if (ascii_letter) {
      out += quoted + "+";
    } else {
      out += quoted;
    }
  }
  return out;
}

// Length of the RE2 syntax element at pattern[i] that a repetition can never sit in:
// an escape ("\{"), a quoted run ("\Q{2,3}\E") or a character class ("[{,}]",
// "[^]]", "[[:digit:]{]"); 0 for anything else.
size_t OpaqueElementLength(std::string_view pattern, size_t i) {
  if (pattern.substr(i, 2) == "\\Q") {
    size_t end = pattern.find("\\E", i + 2);
    return end == std::string_view::npos ? pattern.size() - i : end + 2 - i;
  }
  if (pattern[i] == '\\') return std::min<size_t>(2, pattern.size() - i);
  if (pattern[i] != '[') return 0;
  size_t j = i + 1;
  if (j < pattern.size() && pattern[j] == '^') ++j;
  if (j < pattern.size() && pattern[j] == ']') ++j;  // a leading ']' is a member
  while (j < pattern.size() && pattern[j] != ']') {
    if (pattern[j] == '\\') {
      j += 2;
    } else if (pattern.substr(j, 2) == "[:") {
      j = pattern.find(":]", j + 2);
      j = j == std::string_view::npos ? pattern.size() : j + 2;
    } else {
      ++j;
    }
  }
  return std::min(j + 1, pattern.size()) - i;
}

// Length of "{m,n}" at pattern[i] (digits on both sides), or 0; *comma is where
// its comma is.
size_t BoundedRepeatLength(std::string_view pattern, size_t i, size_t* comma) {
  auto digits_from = [&](size_t j) {
    while (j < pattern.size() && pattern[j] >= '0' && pattern[j] <= '9') ++j;
    return j;
  };
  if (pattern[i] != '{') return 0;
  size_t after_min = digits_from(i + 1);
  if (after_min == i + 1 || after_min >= pattern.size() || pattern[after_min] != ',') return 0;
  size_t after_max = digits_from(after_min + 1);
  if (after_max == after_min + 1 || after_max >= pattern.size() || pattern[after_max] != '}') return 0;
  *comma = after_min;
  return after_max + 1 - i;
}

}  // namespace

std::string LoosenRepeatBounds(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (size_t i = 0; i < pattern.size();) {
    size_t comma = 0;
    if (size_t opaque = OpaqueElementLength(pattern, i)) {
      out += pattern.substr(i, opaque);
      i += opaque;
    } else if (size_t repeat = BoundedRepeatLength(pattern, i, &comma)) {
      out += pattern.substr(i, comma + 1 - i);  // "{m,"
      out += '}';
      i += repeat;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

LexiconKind KindOfLexicon(std::string_view name) {
  auto ends_with = [name](std::string_view suffix) {
    return name.size() >= suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
  };
  if (ends_with("_patterns")) return LexiconKind::kPatterns;
  if (ends_with("_domains") || ends_with("_list")) return LexiconKind::kList;
  return LexiconKind::kWords;
}

std::vector<std::string> LexiconEntries(std::string_view text) {
  std::vector<std::string> entries;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    // '#' starts a comment at the start of a line or after a space, so that patterns
    // may still contain it ("#?\\d{4}", "[@#$]").
    for (size_t hash = line.find('#'); hash != std::string_view::npos; hash = line.find('#', hash + 1)) {
      if (hash == 0 || line[hash - 1] == ' ' || line[hash - 1] == '\t') {
        line = line.substr(0, hash);
        break;
      }
    }
    line = Trim(line);
    if (!line.empty()) entries.emplace_back(line);
  }
  return entries;
}

std::string PhrasePattern(std::string_view entry) {
  bool prefix = !entry.empty() && entry.back() == '*';
  if (prefix) entry.remove_suffix(1);
  std::string skeleton = Normalize(entry).skeleton;  // " word word "
  if (skeleton.size() < 2) return "";
  std::string pattern = " ";
  for (size_t i = 1; i < skeleton.size();) {
    size_t end = skeleton.find(' ', i);
    if (i > 1) pattern += ' ';
    pattern += WordPattern(std::string_view(skeleton).substr(i, end - i));
    i = end + 1;
  }
  if (prefix) pattern += "[^ ]*";
  return pattern + ' ';
}

PatternSet::PatternSet() : set_(std::make_unique<RE2::Set>(MatchOptions(), RE2::UNANCHORED)) {}
PatternSet::PatternSet(PatternSet&&) noexcept = default;
PatternSet& PatternSet::operator=(PatternSet&&) noexcept = default;
PatternSet::~PatternSet() = default;

bool PatternSet::Add(const std::string& pattern, int id, std::string* error) {
  // The capture group gives the evidence; the set does not need it.
  auto re = std::make_unique<RE2>("(" + pattern + ")", MatchOptions());
  if (!re->ok()) {
    if (error) *error = re->error();
    return false;
  }
  std::string set_error;
  if (set_->Add(LoosenRepeatBounds(pattern), &set_error) < 0) {
    if (error) *error = set_error;
    return false;
  }
  patterns_.push_back(std::move(re));
  ids_.push_back(id);
  return true;
}

bool PatternSet::Compile() {
  if (patterns_.empty()) return true;
  return set_->Compile();
}

std::vector<Match> PatternSet::FindAll(std::string_view text) const {
  std::vector<Match> out;
  if (patterns_.empty()) return out;
  std::vector<int> hits;
  if (!set_->Match(text, &hits)) return out;
  for (int hit : hits) {
    // The set matched a loosened pattern: the exact one decides.
    re2::StringPiece found;
    if (RE2::PartialMatch(text, *patterns_[hit], &found)) {
      out.push_back({ids_[hit], std::string(Trim(std::string_view(found.data(), found.size())))});
    }
  }
  return out;
}

}  // namespace modbot
