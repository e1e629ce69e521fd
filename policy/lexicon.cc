#include "policy/lexicon.h"

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

}  // namespace

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
  if (set_->Add(pattern, &set_error) < 0) {
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
    re2::StringPiece found;
    if (RE2::PartialMatch(text, *patterns_[hit], &found)) {
      out.push_back({ids_[hit], std::string(Trim(std::string_view(found.data(), found.size())))});
    }
  }
  return out;
}

}  // namespace modbot
