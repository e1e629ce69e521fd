#include "policy/lexicon.h"

#include <algorithm>
#include <mutex>

#include "policy/normalizer.h"

namespace modbot {
namespace {

RE2::Options MatchOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  return options;
}

std::string_view TrimBlanks(std::string_view s) {
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
    line = TrimBlanks(line);
    if (!line.empty()) entries.emplace_back(line);
  }
  return entries;
}

std::vector<PatternWord> PatternWords(std::string_view pattern) {
  constexpr size_t kMinPatternWord = 4;
  auto is_letter = [](char c) { return c >= 'a' && c <= 'z'; };
  auto is_accented = [](char c) { return static_cast<unsigned char>(c) >= 0x80; };
  std::vector<PatternWord> words;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '\\') {  // an escape: "\b", "\s", "\d" are no letters
      i += 2;
      continue;
    }
    if (!is_letter(pattern[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < pattern.size() && is_letter(pattern[end])) ++end;
    const char after = end < pattern.size() ? pattern[end] : '\0';
    const bool goes_on = after == '(' || after == '[';
    const bool last_optional = after == '?' || after == '*' || after == '{';
    const bool glued = (i > 0 && (pattern[i - 1] == ']' || pattern[i - 1] == ')' || is_accented(pattern[i - 1]))) ||
                       is_accented(after);
    const size_t length = end - i - (last_optional ? 1 : 0);
    if (!glued && length >= kMinPatternWord) {
      words.push_back({pattern.substr(i, length), goes_on || last_optional});
    }
    i = end;
  }
  return words;
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

namespace {

// A pattern whose loosened form can let a match run on across the text: one that
// had a bounded repetition, or that says ".*" or ".+".
bool HasGap(std::string_view pattern, std::string_view loosened) {
  return loosened != pattern || loosened.find(".*") != std::string_view::npos ||
         loosened.find(".+") != std::string_view::npos;
}

// Gaps per RE2::Set: with the pattern lexicons' ~190 gaps in one set, its DFA states
// outgrew the cache on a 100,000-post corpus (20 MB/s); in sets of about 100 each
// set scans folded text at ~200 MB/s.
constexpr int kMaxGapsPerShard = 100;

}  // namespace

struct PatternSet::Shard {
  std::unique_ptr<RE2::Set> set = std::make_unique<RE2::Set>(MatchOptions(), RE2::UNANCHORED);
  std::vector<size_t> pattern_of_entry;  // index in the set -> index in patterns_
  int gaps = 0;
};

// A pattern compiled on first use. Thread-safe like RE2 itself: FindAll is const
// and may run on several threads.
class PatternSet::ExactPattern {
 public:
  explicit ExactPattern(std::string pattern) : pattern_(std::move(pattern)) {}

  const RE2& re() const {
    std::call_once(compiled_, [this] { re_ = std::make_unique<RE2>(pattern_, MatchOptions()); });
    return *re_;
  }

 private:
  std::string pattern_;
  mutable std::once_flag compiled_;
  mutable std::unique_ptr<RE2> re_;
};

PatternSet::PatternSet() = default;
PatternSet::PatternSet(PatternSet&&) noexcept = default;
PatternSet& PatternSet::operator=(PatternSet&&) noexcept = default;
PatternSet::~PatternSet() = default;

PatternSet::Shard& PatternSet::ShardFor(int id) {
  auto known = shard_of_id_.find(id);
  if (known != shard_of_id_.end()) return shards_[known->second];
  if (shards_.empty() || shards_.back().gaps >= kMaxGapsPerShard) shards_.emplace_back();
  shard_of_id_[id] = shards_.size() - 1;
  return shards_.back();
}

bool PatternSet::Add(const std::string& pattern, int id, std::string* error) {
  // Parsed, not compiled: RE2::Set::Add parses a pattern without building its
  // program, and the exact pattern is compiled on first use anyway (building it
  // here as an RE2, then dropping it, was a third of the policy's start-up). A
  // pattern without bounded repetitions is its own loosened form, which the shard's
  // Add below parses: parsing it twice was 15 % of the start-up.
  std::string loosened = LoosenRepeatBounds(pattern);
  if (std::string parse_error;
      loosened != pattern && RE2::Set(MatchOptions(), RE2::UNANCHORED).Add(pattern, &parse_error) < 0) {
    if (error) *error = parse_error;
    return false;
  }
  const size_t shards_before = shards_.size();
  Shard& shard = ShardFor(id);
  std::string set_error;
  if (shard.set->Add(loosened, &set_error) < 0) {
    if (shards_.size() != shards_before) {  // opened for this pattern: leave no trace
      shards_.pop_back();
      shard_of_id_.erase(id);
    }
    if (error) *error = set_error;
    return false;
  }
  shard.pattern_of_entry.push_back(patterns_.size());
  shard.gaps += HasGap(pattern, loosened);
  patterns_.push_back(std::make_unique<ExactPattern>(pattern));
  ids_.push_back(id);
  return true;
}

bool PatternSet::Compile() {
  for (Shard& shard : shards_) {
    if (!shard.set->Compile()) return false;
  }
  return true;
}

bool PatternSet::ScanShard(const Shard& shard, std::string_view text,
                           std::vector<size_t>* patterns) {
  std::vector<int> hits;
  RE2::Set::ErrorInfo error{};
  if (!shard.set->Match(text, &hits, &error)) return error.kind == RE2::Set::kNoError;
  for (int hit : hits) patterns->push_back(shard.pattern_of_entry[hit]);
  return true;
}

bool PatternSet::Candidates(std::string_view text, std::vector<size_t>* patterns) const {
  patterns->clear();
  bool complete = true;
  for (const Shard& shard : shards_) complete &= ScanShard(shard, text, patterns);
  return complete;
}

std::vector<Match> PatternSet::FindAll(std::string_view text) const {
  std::vector<Match> out;
  std::vector<size_t> candidates;
  for (const Shard& shard : shards_) {
    if (!ScanShard(shard, text, &candidates)) {
      // Out of memory: every pattern of the shard is a candidate, and the exact
      // patterns below decide, one by one.
      candidates.insert(candidates.end(), shard.pattern_of_entry.begin(),
                        shard.pattern_of_entry.end());
    }
  }
  for (size_t pattern : candidates) {
    // The set matched a loosened pattern: the exact one decides. Asking for the
    // whole match only (no capture group) lets RE2 find it with its DFAs alone,
    // without running a submatch engine over the text.
    re2::StringPiece found;
    if (patterns_[pattern]->re().Match(text, 0, text.size(), RE2::UNANCHORED, &found, 1)) {
      out.push_back({ids_[pattern], std::string(TrimBlanks(std::string_view(found.data(), found.size())))});
    }
  }
  return out;
}

}  // namespace modbot
