#include "policy/harm_grammar.h"

#include <algorithm>
#include <array>
#include <deque>

#include "policy/ascii.h"
#include "policy/lexicon.h"
#include "policy/normalizer.h"
#include "policy/token_repair.h"
#include "policy/word_hash.h"

namespace modbot {
namespace {

enum class Meaning {
  // targets
  kReader, kPerson, kPronoun, kGroup, kStaff, kProperty,
  // predicates
  kInsult, kDehumanise, kTrait, kExclusion, kHatred, kHarm, kVirtue,
  // what surrounds them
  kSelf, kQuantifier, kBenign, kIntent, kImperative, kLink, kFiller, kNegation, kReport,
  kCondemn, kInnocentSense, kHomonym, kTakenUp, kSaid, kSpeaker, kInsultAfter,
  kContemptAfter, kSexualise, kWhere, kFirstPerson, kRemoval, kWork, kMadeBy,
  kImpersonal, kObjectPronoun, kAgree, kModifier, kProtective, kDenial, kPermit, kChallenge, kCondition,
};

struct Section {
  std::string_view name;
  Meaning meaning;
};

constexpr std::array<Section, 45> kSections = {{
    {"reader", Meaning::kReader},         {"person", Meaning::kPerson},
    {"pronoun", Meaning::kPronoun},       {"group", Meaning::kGroup},
    {"staff", Meaning::kStaff},           {"property", Meaning::kProperty},
    {"insult", Meaning::kInsult},         {"dehumanise", Meaning::kDehumanise},
    {"trait", Meaning::kTrait},           {"exclusion", Meaning::kExclusion},
    {"hatred", Meaning::kHatred},         {"harm", Meaning::kHarm},
    {"self", Meaning::kSelf},             {"quantifier", Meaning::kQuantifier},
    {"benign", Meaning::kBenign},         {"intent", Meaning::kIntent},
    {"imperative", Meaning::kImperative}, {"link", Meaning::kLink},
    {"filler", Meaning::kFiller},         {"negation", Meaning::kNegation},
    {"report", Meaning::kReport},         {"condemn", Meaning::kCondemn},
    {"innocent_sense", Meaning::kInnocentSense}, {"homonym", Meaning::kHomonym},
    {"taken_up", Meaning::kTakenUp},     {"said", Meaning::kSaid},
    {"speaker", Meaning::kSpeaker},      {"insult_after", Meaning::kInsultAfter},
    {"contempt_after", Meaning::kContemptAfter}, {"sexualise", Meaning::kSexualise},
    {"where", Meaning::kWhere},          {"first_person", Meaning::kFirstPerson},
    {"removal", Meaning::kRemoval},       {"work", Meaning::kWork},
    {"made_by", Meaning::kMadeBy},       {"impersonal", Meaning::kImpersonal},
    {"object_pronoun", Meaning::kObjectPronoun}, {"agree", Meaning::kAgree},
    {"modifier", Meaning::kModifier},    {"protective", Meaning::kProtective},
    {"denial", Meaning::kDenial},        {"permit", Meaning::kPermit},
    {"challenge", Meaning::kChallenge},   {"condition", Meaning::kCondition},
    {"virtue", Meaning::kVirtue},
}};

constexpr std::string_view kSlurGroup = "a group named by a slur";

// Whole lexicons read as one meaning, after harm_meanings_list's own sections so
// that a word's more specific label there is found first.
struct WholeLexicon {
  std::string_view name;
  Meaning meaning;
  std::string_view label;
};
constexpr std::array<WholeLexicon, 6> kWholeLexicons = {{
    {"protected_groups", Meaning::kGroup, "a protected group"},
    {"age_groups", Meaning::kGroup, "an age group"},
    {"slurs", Meaning::kGroup, kSlurGroup},
    {"slurs", Meaning::kInsult, ""},
    {"insults", Meaning::kInsult, ""},
    {"staff", Meaning::kStaff, "City staff"},
}};

constexpr std::string_view kAgeGroup = "an age group";
constexpr std::string_view kPublicAssistance = "public assistance";
// Harm words that fall on their subject only ("die", "crever").
constexpr std::string_view kDeath = "death";
// Harm hinted at ("teach him a lesson", "il va y avoir du sang").
constexpr std::string_view kVeiled = "veiled";
// Insults no reasonable moderator leaves up when aimed at someone ("connard").
constexpr std::string_view kVulgar = "vulgar";
// A bare verb of feeling ("hate", "can't stand"): the author's own only after "I" or
// "we"; "why do people hate X?" asks about others.
constexpr std::string_view kFelt = "felt by its subject";
// A predicate holding its own object pronoun ("je les déteste", "il faut les tuer"):
// said of the group named before it, if any.
constexpr std::string_view kThem = "them";
// Words before a bare verb of feeling that may hold its subject: "I really can't stand".
constexpr int kSubjectGap = 3;
// A place to be kept out of ("out of our parks"): an exclusion only with a verb
// that removes whoever is named before it ("keep X out of our parks").
constexpr std::string_view kOut = "out";
// A group barred by a word before it ("No X in this neighbourhood", "pas de X
// ici"): an exclusion only when it opens the sentence and a place or "allowed"
// follows, or nothing does.
constexpr std::string_view kBarred = "barred";
// A modifier that narrows a group to those who do something ("women who vote"), as
// against one that says where they come from ("immigrants from Syria").
constexpr std::string_view kRelative = "relative";
// An exclusion that is a bare modal ("should never", "ne devraient"): what follows
// decides whether it keeps a group out or protects it.
constexpr std::string_view kModal = "modal";
// A right said of a group, an exclusion only when denied to every one of them by a
// "no" before the group's name: "no X deserves to live".
constexpr std::string_view kDeniedRight = "denied right";
// Where a group is kept from ("near our kids", "mettre les pieds chez moi"): an
// exclusion only when letting them there is refused or asked about ("never let X
// set foot in", "why do we let X teach our kids?").
constexpr std::string_view kKeptFrom = "kept from";
constexpr int kPermitReach = 3;
// A refusal the author wants allowed ("the right to refuse"): of the group named
// right after it ("refuse Black tenants", "refuser un locataire noir").
constexpr std::string_view kRefused = "refused";
constexpr int kRefusedGap = 2;
// Staying made a condition ("… or leave"): said of the group the sentence is about.
constexpr std::string_view kUltimatum = "ultimatum";
// The "who" or "qui" of a challenge (ReadChallenge).
constexpr std::string_view kRelativeWord = "who";
// Words between a modal and what it governs: "ne devraient pas avoir peur".
constexpr int kComplementGap = 2;
// Words between a feeling and what it is about: "I hate every single one of them".
constexpr int kHatredGap = 4;

// A word with each run of one letter written once: "stuuupid" is "stupid", and
// "kill" "kil", so both sides of a comparison are squeezed.
std::string Squeeze(std::string_view word) {
  std::string out;
  for (char c : word) {
    if (out.empty() || out.back() != c) out += c;
  }
  return out;
}

// Squeeze(a) == Squeeze(b) without building either: the comparison runs for every
// entry a word is tried against, the squeezed key of a word only once.
bool SqueezedEquals(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const char c = a[i];
    if (b[j] != c) return false;
    while (i < a.size() && a[i] == c) ++i;
    while (j < b.size() && b[j] == c) ++j;
  }
  return i == a.size() && j == b.size();
}

// An English adverb by its ending ("inherently", "truly"); "only", "ugly" and the
// like are too short to be read so.
bool IsAdverb(std::string_view word) {
  constexpr size_t kShortest = 6;
  return word.size() >= kShortest && word.substr(word.size() - 2) == "ly";
}

// An English adjective by its ending ("religious", "aggressive", "fanatical"),
// read only right before the name it qualifies: "X are religious fanatics".
bool IsAdjective(std::string_view word) {
  constexpr size_t kShortest = 6;
  constexpr std::array<std::string_view, 9> kEndings = {"ous", "ive", "ical", "ic", "ful",
                                                        "less", "able", "ible", "ish"};
  return word.size() >= kShortest && std::any_of(kEndings.begin(), kEndings.end(), [&](std::string_view e) {
           return word.substr(word.size() - e.size()) == e;
         });
}

std::vector<std::string> Words(std::string_view skeleton) {
  std::vector<std::string> words;
  for (size_t i = 0; i < skeleton.size();) {
    size_t end = skeleton.find(' ', i);
    if (end == std::string_view::npos) end = skeleton.size();
    if (end > i) words.emplace_back(skeleton.substr(i, end - i));
    i = end + 1;
  }
  return words;
}

// "don t deserve" as posts often write it, "dont deserve": the words of an entry with
// each "n't" joined to its word, or none if it has no "n't". Alone, "dont", "cant" and
// "wont" are other words (French "dont" above all), so an entry of just one of them
// has no such form.
std::vector<std::string> WithoutApostrophe(const std::vector<std::string>& words) {
  std::vector<std::string> joined;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i + 1 < words.size() && words[i + 1] == "t" && words[i].size() > 1 && words[i].back() == 'n') {
      joined.push_back(words[i] + "t");
      ++i;
    } else {
      joined.push_back(words[i]);
    }
  }
  static const std::array<std::string_view, 3> kOtherWords = {"dont", "cant", "wont"};
  if (joined.size() == words.size() ||
      (joined.size() == 1 && std::find(kOtherWords.begin(), kOtherWords.end(), joined[0]) != kOtherWords.end())) {
    return {};
  }
  return joined;
}

// The words of a lexicon entry as written ("don't*"), and whether a trailing '*' lets
// its last word be the beginning of one.
std::vector<std::string> EntryWords(std::string_view entry, bool* prefix) {
  *prefix = entry.ends_with('*');
  if (*prefix) entry.remove_suffix(1);
  return Words(Normalize(entry).skeleton);
}

bool MaskedEquals(std::string_view masked, std::string_view word) {
  if (masked.size() != word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (masked[i] != word[i] && masked[i] != '*') return false;
  }
  return true;
}

struct Span {
  Meaning meaning;
  int begin, end;  // token indexes, end exclusive
  std::string_view label;
  int entry = 0;  // order added: harm_meanings_list's own labels come first
  bool narrowed = false;  // a group taken with a relative clause after it
};

bool IsTarget(Meaning m) {
  return m == Meaning::kReader || m == Meaning::kPerson || m == Meaning::kPronoun ||
         m == Meaning::kGroup || m == Meaning::kStaff || m == Meaning::kProperty;
}

bool IsPredicate(Meaning m) {
  return m == Meaning::kInsult || m == Meaning::kInsultAfter || m == Meaning::kDehumanise ||
         m == Meaning::kContemptAfter || m == Meaning::kSexualise || m == Meaning::kTrait || m == Meaning::kExclusion || m == Meaning::kHatred || m == Meaning::kHarm ||
         m == Meaning::kVirtue;
}

// Sentence-final punctuation followed by a space or the end: "f.u.c.k" and "3.5"
// stay whole.
bool EndsSentence(std::string_view folded, size_t i) {
  char c = folded[i];
  if (c != '.' && c != '!' && c != '?' && c != ';') return false;
  return i + 1 == folded.size() || folded[i + 1] == ' ';
}

struct Sentence {
  std::string_view text;
  bool question = false;
  bool quoted = false;
};

bool HasQuoteMarks(std::string_view text) {
  for (std::string_view mark : {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB"}) {
    if (text.find(mark) != std::string_view::npos) return true;
  }
  return false;
}

// Any byte of a non-ASCII (UTF-8) character counts as a letter, as in normalizer.cc.
bool IsLetterOrDigit(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c) || (c & 0x80); }

std::vector<Sentence> Sentences(std::string_view folded) {
  std::vector<Sentence> out;
  size_t start = 0;
  for (size_t i = 0; i < folded.size(); ++i) {
    if (!EndsSentence(folded, i) && i + 1 != folded.size()) continue;
    std::string_view text = folded.substr(start, i + 1 - start);
    out.push_back({text, folded[i] == '?', HasQuoteMarks(text) || !QuotedSpans(text).empty()});
    start = i + 1;
  }
  return out;
}

}  // namespace

std::vector<std::string_view> QuotedSpans(std::string_view folded) {
  std::vector<std::string_view> out;
  size_t open = std::string_view::npos;
  char closer = 0;
  // Every mark that opens or closes a quotation begins with one of these bytes: the
  // others are skipped without being looked at (this ran on every byte of every
  // sentence).
  auto next_mark = [folded](size_t from) {
    while (from < folded.size()) {
      const char c = folded[from];
      if (c == '"' || c == '\'' || c == '\xE2' || c == '\xC2') return from;
      ++from;
    }
    return std::string_view::npos;
  };
  for (size_t i = next_mark(0); i != std::string_view::npos; i = next_mark(i + 1)) {
    const std::string_view rest = folded.substr(i);
    const bool before_word = i + 1 < folded.size() && IsLetterOrDigit(folded[i + 1]);
    const bool after_word = i > 0 && IsLetterOrDigit(folded[i - 1]);
    if (open == std::string_view::npos) {
      size_t mark = 0;
      if (rest.front() == '"') mark = 1, closer = '"';
      if (rest.front() == '\'' && !after_word && before_word) mark = 1, closer = '\'';
      if (rest.starts_with("\xE2\x80\x9C")) mark = 3, closer = '\x9D';  // “ … ”
      if (rest.starts_with("\xC2\xAB")) mark = 2, closer = '\xBB';       // « … »
      if (mark) {
        open = i + mark;
        i += mark - 1;
      }
      continue;
    }
    const bool closes = closer == '"'    ? rest.front() == '"'
                        : closer == '\'' ? rest.front() == '\'' && after_word && !before_word
                        : closer == '\x9D' ? rest.starts_with("\xE2\x80\x9D")
                                           : rest.starts_with("\xC2\xBB");
    if (closes) {
      out.push_back(folded.substr(open, i - open));
      open = std::string_view::npos;
    }
  }
  return out;
}

// The meanings, matched word by word on a sentence's words, restored from disguises.
class HarmGrammar::Lexicon {
 public:
  void Add(std::string_view entry, Meaning meaning, std::string_view label) {
    bool prefix = false;
    std::vector<std::string> words = EntryWords(entry, &prefix);
    if (words.empty()) return;
    std::vector<std::string> joined = WithoutApostrophe(words);
    AddWords(std::move(words), prefix, meaning, label);
    if (!joined.empty()) AddWords(std::move(joined), prefix, meaning, label);
  }

  void AddWords(std::vector<std::string> words, bool prefix, Meaning meaning, std::string_view label) {
    for (size_t i = 0; i < words.size(); ++i) repair.AddWord(words[i], prefix && i + 1 == words.size());
    if (meaning == Meaning::kGroup && label != kSlurGroup && words.size() == 1) {
      repair.AddGroupName(words[0], prefix);
    }
    const int id = static_cast<int>(entries_.size());
    if (prefix && words.size() == 1 && words[0].size() >= kPrefixKey) {
      by_prefix_[words[0].substr(0, kPrefixKey)].push_back(id);
    } else {
      const bool paired = words.size() >= 2 && !(prefix && words.size() == 2);
      auto index = [&](const std::string& first) {
        FirstWord& entries = by_first_[first];
        if (paired) {
          entries.paired.push_back(id);
          by_pair_[PairKey(first, words[1])].push_back(id);
        } else {
          entries.unpaired.push_back(id);
        }
      };
      index(words[0]);
      std::string squeezed = Squeeze(words[0]);
      if (squeezed != words[0]) index(squeezed);
    }
    entries_.push_back({std::move(words), prefix, meaning, labels_.emplace_back(label)});
  }

  // Every entry found in words, as spans.
  std::vector<Span> Find(const std::vector<std::string>& words) const {
    std::vector<Span> spans;
    auto try_entries = [&](const std::vector<int>& ids, size_t at) {
      for (int id : ids) {
        const Entry& entry = entries_[id];
        if (at + entry.words.size() > words.size()) continue;
        bool all = true;
        for (size_t k = 0; k < entry.words.size() && all; ++k) {
          all = WordMatches(words[at + k], entry.words[k], entry.prefix && k + 1 == entry.words.size());
        }
        if (all) {
          spans.push_back({entry.meaning, static_cast<int>(at),
                           static_cast<int>(at + entry.words.size()), entry.label, id});
        }
      }
    };
    // The entries of a first word that the word after it may begin.
    auto try_first = [&](const FirstWord& first, std::string_view key, size_t at) {
      try_entries(first.unpaired, at);
      if (first.paired.empty() || at + 1 >= words.size()) return;
      const std::string& next = words[at + 1];
      if (next.find('*') != std::string::npos) {
        try_entries(first.paired, at);
      } else if (auto it = by_pair_.find(PairKey(key, next)); it != by_pair_.end()) {
        try_entries(it->second, at);
      }
    };
    for (size_t at = 0; at < words.size(); ++at) {
      const std::string& word = words[at];
      if (auto it = by_first_.find(word); it != by_first_.end()) try_first(it->second, word, at);
      if (word.size() >= kMinStretched && std::adjacent_find(word.begin(), word.end()) != word.end()) {
        const std::string squeezed = Squeeze(word);
        if (auto it = by_first_.find(squeezed); it != by_first_.end()) try_first(it->second, squeezed, at);
      }
      if (word.find('*') != std::string::npos) {
        // "c*ns", "f*ck": '*' stands for any one letter. Rare, so a walk of every key.
        for (const auto& [key, first] : by_first_) {
          if (MaskedEquals(word, key)) try_first(first, key, at);
        }
      }
      if (const std::vector<int>* ids = PrefixEntries(word)) try_entries(*ids, at);
    }
    // Where two entries name the same words, the more specific label is read first.
    std::stable_sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.entry < b.entry;
    });
    return spans;
  }

  // The words of a sentence's skeleton, each restored from any disguise.
  // With reread, also which words were read as another word of the same letters
  // (swapped, or an article dropped): such a word may be a real one as written
  // ("giants" is not "gitans").
  std::vector<std::string> Read(std::string_view folded_sentence,
                                std::vector<bool>* reread = nullptr) const {
    std::vector<std::string> words = Words(Skeleton(folded_sentence));
    RestoreSplitWords(&words);
    std::vector<std::string> read;
    read.reserve(words.size());
    if (reread) reread->clear();
    for (std::string& word : words) {
      TokenRepair::Disguise how;
      std::string restored = repair.Restore(word, &how);
      const size_t before = read.size();
      if (restored.find(' ') != std::string::npos) {
        for (std::string& one : Words(restored)) read.push_back(std::move(one));  // "jhais": "je hais"
      } else {
        read.push_back(restored.empty() ? std::move(word) : std::move(restored));
      }
      if (reread) {
        reread->resize(read.size(), false);
        (*reread)[before] = how == TokenRepair::Disguise::kSwapped || how == TokenRepair::Disguise::kJoinedArticle;
      }
    }
    return read;
  }

  TokenRepair repair;

 private:
  // Whether an entry begins with word (a prefix entry, with its start).
  bool Known(const std::string& word) const {
    if (by_first_.count(word)) return true;
    const std::vector<int>* ids = PrefixEntries(word);
    return ids && std::any_of(ids->begin(), ids->end(), [&](int id) {
             return WordMatches(word, entries_[id].words[0], true);
           });
  }
  // Whether word alone is an entry naming a group.
  bool NamesGroup(const std::string& word) const {
    auto names = [&](const std::vector<int>& ids) {
      return std::any_of(ids.begin(), ids.end(), [&](int id) {
        const Entry& entry = entries_[id];
        return entry.meaning == Meaning::kGroup && entry.words.size() == 1 &&
               WordMatches(word, entry.words[0], entry.prefix);
      });
    };
    if (auto it = by_first_.find(word); it != by_first_.end() && names(it->second.unpaired)) return true;
    const std::vector<int>* ids = PrefixEntries(word);
    return ids && names(*ids);
  }

  // The prefix entries that may begin word: those of its first kPrefixKey letters.
  const std::vector<int>* PrefixEntries(std::string_view word) const {
    if (word.size() < kPrefixKey) return nullptr;
    auto it = by_prefix_.find(word.substr(0, kPrefixKey));
    return it == by_prefix_.end() ? nullptr : &it->second;
  }

  // A word cut in two ("immi grants", "terr-orists": TokenRepair::Joined), a group's
  // name cut anywhere from pieces that mean nothing alone ("jui fs"), or a group's
  // name with a z for an s ("muzlims", "jewz").
  void RestoreSplitWords(std::vector<std::string>* words) const {
    std::vector<std::string>& w = *words;
    for (size_t i = 0; i < w.size(); ++i) {
      if (w[i].find('z') != std::string::npos) {
        std::string with_s = w[i];
        std::replace(with_s.begin(), with_s.end(), 'z', 's');
        if (NamesGroup(with_s) && !Known(w[i])) w[i] = std::move(with_s);
      }
      if (i + 1 < w.size()) {
        std::string joined = repair.Joined(w[i], w[i + 1]);
        if (joined.empty() && NamesGroup(w[i] + w[i + 1]) && !Known(w[i]) && !Known(w[i + 1])) {
          joined = w[i] + w[i + 1];
        }
        if (!joined.empty()) {
          w[i] = std::move(joined);
          w.erase(w.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        }
      }
    }
  }

  // Stretched letters are read through in words this long ("stuuupid", "iddiot");
  // in shorter ones a double letter is often another word ("ill" is not "il").
  static constexpr size_t kMinStretched = 5;
  static constexpr size_t kPrefixKey = 3;

  // A word of a post against a word of an entry: the same, or the same stretched,
  // '*' standing for a letter; a prefix entry's word begins it.
  static bool WordMatches(const std::string& word, const std::string& entry_word, bool prefix) {
    if (prefix) return word.rfind(entry_word, 0) == 0;
    if (word == entry_word || MaskedEquals(word, entry_word)) return true;
    return word.size() >= kMinStretched && std::adjacent_find(word.begin(), word.end()) != word.end() &&
           SqueezedEquals(word, entry_word);
  }

  struct Entry {
    std::vector<std::string> words;
    bool prefix;
    Meaning meaning;
    std::string_view label;
  };
  // The entries of one first word (as written or squeezed). A common first word has
  // many ("les" 224, "a" 85), nearly all with a second word, and a word of a post
  // matches one only when the two squeeze alike (or the post's has a '*'): by_pair_
  // holds them under both words, so that Find tries only those of the word at hand.
  struct FirstWord {
    std::vector<int> unpaired;  // one word, or two of which the second is a prefix
    std::vector<int> paired;
  };
  static std::string PairKey(std::string_view first, std::string_view second) {
    return std::string(first) + ' ' + Squeeze(second);
  }

  std::vector<Entry> entries_;
  std::deque<std::string> labels_;  // stable storage for the labels entries point to
  WordMap<FirstWord> by_first_;  // first word, as written and squeezed
  WordMap<std::vector<int>> by_pair_;  // first word and squeezed second word: paired entries
  // Prefix entries by their first kPrefixKey letters: one look-up a word.
  WordMap<std::vector<int>> by_prefix_;
};

namespace {

using Mask = uint64_t;
constexpr Mask Bit(Meaning m) { return Mask{1} << static_cast<int>(m); }
constexpr Mask kPredicates = Bit(Meaning::kInsult) | Bit(Meaning::kInsultAfter) | Bit(Meaning::kDehumanise) |
                             Bit(Meaning::kContemptAfter) | Bit(Meaning::kSexualise) |
                             Bit(Meaning::kTrait) | Bit(Meaning::kExclusion) | Bit(Meaning::kHatred) |
                             Bit(Meaning::kHarm) | Bit(Meaning::kVirtue);
// What may stand between a target and what is said of it: "are all just a bunch of".
constexpr Mask kTargets = Bit(Meaning::kReader) | Bit(Meaning::kPerson) | Bit(Meaning::kPronoun) |
                          Bit(Meaning::kGroup) | Bit(Meaning::kStaff) | Bit(Meaning::kProperty);
constexpr Mask kJoiners = Bit(Meaning::kLink) | Bit(Meaning::kFiller) | Bit(Meaning::kQuantifier) |
                          Bit(Meaning::kNegation);

// Furthest apart, in words, a target and a predicate are read together.
constexpr int kLinkedWindow = 6;
constexpr int kExclusionWindow = 4;
// Words between a harm word and its object: "kill all the immigrants".
constexpr int kObjectGap = 6;
constexpr int kLooseWindow = 8;
constexpr int kDislocatedWindow = 16;
constexpr double kAttributive = 0.6;
// Words between a name for someone and the post it places them at: "at the front".
constexpr int kStaffPlaceGap = 3;
// Beyond every window above, a "c'est" taken-up subject included.
constexpr int kFurthest = kDislocatedWindow + 8;

// A sentence's words, the meanings found in it, and which meanings cover each word.
struct SentenceMeanings {
  const Sentence& sentence;
  std::vector<std::string> words;  // as written, disguises undone
  std::vector<Span> spans;
  std::vector<Mask> masks;
  std::vector<bool> reread;  // words read as another word of the same letters
  std::vector<bool> in_quotes;  // words between quotation marks; empty if none are

  // Whether all of a span's words stand between quotation marks: named, not used.
  bool InQuotes(const Span& s) const {
    if (in_quotes.empty()) return false;
    return std::all_of(in_quotes.begin() + s.begin, in_quotes.begin() + s.end, [](bool q) { return q; });
  }

  bool Reread(const Span& s) const {
    for (int i = s.begin; i < s.end; ++i) {
      if (static_cast<size_t>(i) < reread.size() && reread[i]) return true;
    }
    return false;
  }

  bool AllOf(int from, int to, Mask allowed) const {
    for (int i = from; i < to; ++i) {
      if (!(masks[i] & allowed)) return false;
    }
    return true;
  }
  bool AnyOf(int from, int to, Mask wanted) const {
    for (int i = std::max(from, 0); i < std::min<int>(to, masks.size()); ++i) {
      if (masks[i] & wanted) return true;
    }
    return false;
  }
  // A "not" between two spans, or just before the first, that belongs to neither
  // predicate: "X are not vermin", "not all X are ...". A predicate's own negation
  // ("shouldn't be allowed") is part of what it says.
  bool Negated(const Span& a, const Span& b) const {
    const Span& first = a.begin < b.begin ? a : b;
    const Span& second = a.begin < b.begin ? b : a;
    for (int i = std::max(first.begin - 2, 0); i < second.begin; ++i) {
      if (i >= first.begin && i < first.end) continue;
      // "Ne sont que des": a negation inside a link restricts, it does not deny;
      // inside an intent it proposes ("why not kick them out").
      constexpr Mask kNotDenying = kPredicates | Bit(Meaning::kLink) | Bit(Meaning::kIntent);
      if (!(masks[i] & Bit(Meaning::kNegation)) || ((masks[i] & kNotDenying) && !OnlyBarring(i))) continue;
      // "Aren't X just the worst?": a question opening on a negation expects a yes.
      if (sentence.question && AllOf(0, i + 1, Bit(Meaning::kNegation))) continue;
      // "Les X ne sont pas des hommes, ce sont des bêtes", "X aren't people, they're
      // animals": a clause taken up again after the "not" says what they are instead.
      if (RestatedAfter(i, second.begin)) continue;
      // "Aucun X ne devrait …", "no X should ever …": before the group and a modal,
      // the "no" says of whom, it denies nothing.
      if (i < first.begin && second.label == kModal) continue;
      // "Aucun X ne mérite de vivre": the "ne" goes with the "aucun" that Relates asked for.
      if (second.label == kDeniedRight) continue;
      // "Never let X near our kids": the "never" refuses the letting.
      if (i < first.begin && second.label == kKeptFrom) continue;
      return true;
    }
    return false;
  }
  // Whether the word at i is a predicate only as the "no" of "No X here": in "No X
  // are criminals" it denies.
  bool OnlyBarring(int i) const {
    return std::none_of(spans.begin(), spans.end(), [&](const Span& s) {
      return s.begin <= i && i < s.end && s.meaning != Meaning::kNegation &&
             !(s.meaning == Meaning::kExclusion && s.label == kBarred);
    });
  }
  // Whether a new subject and link open between from and to: "ce sont", "they're".
  bool RestatedAfter(int from, int to) const {
    return std::any_of(spans.begin(), spans.end(), [&](const Span& s) {
      if (s.begin <= from || s.end > to) return false;
      return s.meaning == Meaning::kTakenUp ||
             (s.meaning == Meaning::kPronoun && s.end < to && (masks[s.end] & Bit(Meaning::kLink)));
    });
  }
  bool Has(Meaning m) const { return AnyOf(0, static_cast<int>(masks.size()), Bit(m)); }
  // "As a gay man", "we queers": the author names their own group. "We let X …"
  // names the author's side and X apart.
  bool NamesOwnGroup(const Span& t) const {
    return AnyOf(t.begin - 2, t.begin, Bit(Meaning::kSelf)) && !AnyOf(t.begin - 2, t.begin, Bit(Meaning::kPermit));
  }
  // Whether a span is said as it stands, not denied by a "not" just before it:
  // "it's not racism", "je suis pas d'accord". One that opens on its own negation
  // ("pas acceptable") takes the "n'" before it as part of that negation.
  bool Affirmed(const Span& s) const {
    constexpr int kNegationReach = 2;
    return AnyOf(s.begin, s.begin + 1, Bit(Meaning::kNegation)) ||
           !AnyOf(s.begin - kNegationReach, s.begin, Bit(Meaning::kNegation));
  }
  // Whether a vulgar filler stands between a target and the name it is called.
  bool Cursed(const Span& t, const Span& p) const {
    return std::any_of(spans.begin(), spans.end(), [&](const Span& s) {
      return s.meaning == Meaning::kFiller && s.label == kVulgar && s.begin >= t.end && s.end <= p.begin;
    });
  }
  std::string Text(const Span& span) const {
    std::string out;
    for (int i = span.begin; i < span.end; ++i) out += (i > span.begin ? " " : "") + words[i];
    return out;
  }
};

// "Immigrants from the Middle East are violent", "les femmes qui votent sont des
// idiotes": a group named with a phrase after it that says where they come from or
// which of them is meant. What follows the phrase is said of the group, so the
// group's span takes the phrase in: up to kModifierWords words, ending where a link,
// a quantifier, a negation, a predicate or an intent begins. A phrase that runs on
// past that is a clause of its own ("women who run the place know that …"), and the
// span stays as it was. A relative clause narrows the group to those who do
// something, and what is said of them may be of the deed: such a finding goes to a
// human (Span::narrowed).
constexpr int kModifierWords = 4;

void TakeModifiersIntoGroups(SentenceMeanings* c) {
  // Not a filler: "from the Middle East" holds an article.
  constexpr Mask kEnds = Bit(Meaning::kLink) | Bit(Meaning::kQuantifier) | Bit(Meaning::kNegation) |
                         kPredicates | Bit(Meaning::kIntent) | Bit(Meaning::kTakenUp);
  const int size = static_cast<int>(c->words.size());
  for (Span& t : c->spans) {
    if (t.meaning != Meaning::kGroup || t.end >= size) continue;
    const auto opener = std::find_if(c->spans.begin(), c->spans.end(), [&](const Span& s) {
      return s.meaning == Meaning::kModifier && s.begin == t.end;
    });
    if (opener == c->spans.end()) continue;
    for (int at = opener->end; at < std::min(size, opener->end + kModifierWords + 1); ++at) {
      if (!(c->masks[at] & kEnds)) continue;
      if (at > opener->end) {
        t.end = at;
        t.narrowed = opener->label == kRelative;
      }
      break;
    }
  }
}

// Whether predicate p says something of target t: "X are (all) Y", "Y X", "you Y".
// "Les gens qui sortent leurs vidanges le lundi, c'est de la vermine": the subject
// set out first and taken up by "c'est" right before what is said of it.
bool TakenUp(const SentenceMeanings& c, const Span& t, const Span& p, Mask between = kJoiners) {
  for (const Span& s : c.spans) {
    if (s.meaning == Meaning::kTakenUp && s.begin >= t.end && s.end <= p.begin &&
        s.begin - t.end <= kDislocatedWindow && p.begin - s.end <= 2 && c.AllOf(s.end, p.begin, between)) {
      return true;
    }
  }
  return false;
}

// "The decision by urban planning is stupid", "le projet de la Ville est débile":
// the target only made the thing that is judged, and criticism of a decision is
// allowed. Two words ("the parks") may stand between "by" and the target.
bool MadeTheSubject(const SentenceMeanings& c, const Span& t) {
  for (const Span& by : c.spans) {
    if (by.meaning != Meaning::kMadeBy || by.end > t.begin || t.begin - by.end > 2) continue;
    for (const Span& work : c.spans) {
      if (work.meaning == Meaning::kWork && work.end == by.begin) return true;
    }
  }
  return false;
}

// Only the reader is named right before a name for them ("you idiot", "espèce de
// cave"); for anyone else a link says it ("X are Y"): "vieux chien" is an old dog.
bool Describes(const SentenceMeanings& c, const Span& t, const Span& p) {
  if (t.end <= p.begin) {
    const int gap = p.begin - t.end;
    if (gap <= kDislocatedWindow && TakenUp(c, t, p)) return true;
    // A question puts the link first: "are X Y?"
    // A trait is often a verb ("X steal", "X can't be trusted") and needs no link.
    // A predicate opening on its own negation holds its verb: "X aren't even human".
    const bool linked = t.meaning == Meaning::kReader || p.meaning == Meaning::kTrait ||
                        c.AnyOf(t.end, p.begin, Bit(Meaning::kLink)) ||
                        (gap == 0 && c.AnyOf(p.begin, p.begin + 1, Bit(Meaning::kNegation))) ||
                        (c.sentence.question && c.AnyOf(t.begin - 1, t.begin, Bit(Meaning::kLink)));
    // "Sikhs are all religious fanatics", "muslim fanatics": an adjective or a
    // group's name may qualify the name given.
    const int before = p.begin - 1;
    const int qualified = before > t.end && ((c.masks[before] & Bit(Meaning::kGroup)) ||
                                             (c.masks[before] == 0 && IsAdjective(c.words[before])))
                              ? 1
                              : 0;
    return gap <= kLinkedWindow && linked && c.AllOf(t.end, p.begin - qualified, kJoiners) &&
           !MadeTheSubject(c, t);
  }
  if (p.end > t.begin) return false;
  // "Stupid, they should reconsider": no name is said before "they" ("stupid
  // drivers" is said before a noun).
  if (t.begin - p.end <= 1 && t.meaning != Meaning::kPronoun && c.AllOf(p.end, t.begin, kJoiners)) return true;
  // "The idiot at the permits office", "l'imbécile au comptoir": a name for someone
  // placed at their post names an employee.
  return t.meaning == Meaning::kStaff && p.meaning == Meaning::kInsult && t.begin - p.end <= kStaffPlaceGap &&
         c.AnyOf(p.end, t.begin, Bit(Meaning::kWhere)) &&
         c.AllOf(p.end, t.begin, kJoiners | Bit(Meaning::kWhere));
}

int Distance(const Span& a, const Span& b) {
  return a.end <= b.begin ? b.begin - a.end : (b.end <= a.begin ? a.begin - b.end : 0);
}

struct Finding {
  Clause clause;
  std::string rule;
  double score;
};

std::string_view PredicateName(Meaning m) {
  switch (m) {
    case Meaning::kInsult: case Meaning::kInsultAfter: return "insult";
    case Meaning::kDehumanise: case Meaning::kContemptAfter: return "dehumanising comparison";
    case Meaning::kSexualise: return "sexualised remark";
    case Meaning::kTrait: case Meaning::kVirtue: return "negative generalisation";
    case Meaning::kExclusion: return "exclusion";
    case Meaning::kHatred: return "hatred";
    default: return "harm with intent";
  }
}

// A remark on someone's body or sex appeal: in a post about an employee, harassment
// of the employee; about anyone else, a sexual remark for a human to look at.
std::vector<Finding> Sexualised(Meaning target) {
  switch (target) {
    case Meaning::kStaff:
      return {{Clause::kStaffHarassment, "staff_harassment.staff_sexualised", 0.7},
              {Clause::kAbusive, "abusive.staff_sexualised", 0.7}};
    case Meaning::kProperty:
      return {};
    default:
      return {{Clause::kAbusive, "abusive.sexualised_remark", 0.6}};
  }
}

// A vulgar name said to the reader or an employee: hidden.
constexpr double kVulgarScore = 0.85;

// What a predicate said of a target amounts to, before any frame.
std::vector<Finding> Judge(std::string_view label, Meaning target, Span p, bool quantified) {
  if (p.meaning == Meaning::kInsultAfter) p.meaning = Meaning::kInsult;
  if (p.meaning == Meaning::kContemptAfter) p.meaning = Meaning::kDehumanise;
  if (p.meaning == Meaning::kVirtue) p.meaning = Meaning::kTrait;  // denied (Relates)
  if (p.meaning == Meaning::kSexualise) return Sexualised(target);
  if (p.meaning == Meaning::kHarm && p.label == kVeiled) {
    return {{Clause::kThreat, "threat.veiled_harm", 0.6}};
  }
  const bool age = label == kAgeGroup;
  const bool vulgar = p.label == kVulgar;
  switch (target) {
    case Meaning::kGroup:
      switch (p.meaning) {
        case Meaning::kDehumanise:
          return {{Clause::kDiscrimination, "discrimination.group_dehumanised", 0.9},
                  {Clause::kAbusive, "abusive.group_dehumanised", 0.8}};
        case Meaning::kInsult:
          return {{Clause::kDiscrimination, "discrimination.group_insulted", age ? 0.6 : 0.85},
                  {Clause::kAbusive, "abusive.group_insulted", 0.75}};
        case Meaning::kTrait:
          return {{Clause::kDiscrimination, "discrimination.group_generalised",
                   age ? 0.6 : (quantified ? 0.85 : 0.75)}};
        case Meaning::kExclusion:
          // Who gets which rebate is argued over in good faith; who may vote or live
          // here is not. A bare modal leaves what is denied unsaid: a human reads it.
          // "No women on council" may tell what is rather than demand it.
          return {{Clause::kDiscrimination, "discrimination.group_excluded",
                   age || p.label == kModal || p.label == kBarred || p.label == kKeptFrom || p.label == kRefused
                       ? 0.6
                                                                  : (label == kPublicAssistance ? 0.75 : 0.9)}};
        case Meaning::kHatred:
          return {{Clause::kDiscrimination, "discrimination.group_hated", age ? 0.6 : 0.85}};
        default:
          return {{Clause::kThreat, "threat.harm_to_group", 0.9},
                  {Clause::kDiscrimination, "discrimination.group_threatened", 0.9}};
      }
    case Meaning::kReader:
      if (p.meaning == Meaning::kHarm) return {{Clause::kThreat, "threat.harm_to_reader", 0.9}};
      if (p.meaning == Meaning::kTrait) return {{Clause::kAbusive, "abusive.reader_disparaged", 0.6}};
      if (p.meaning == Meaning::kInsult) {
        return {{Clause::kAbusive, "abusive.insult_to_reader", vulgar ? kVulgarScore : 0.75}};
      }
      if (p.meaning == Meaning::kDehumanise) {
        return {{Clause::kAbusive, "abusive.reader_dehumanised", 0.8}};
      }
      return {};
    case Meaning::kStaff:
      if (p.meaning == Meaning::kHarm) {
        return {{Clause::kThreat, "threat.harm_to_staff", 0.9},
                {Clause::kStaffHarassment, "staff_harassment.staff_threatened", 0.9}};
      }
      if (p.meaning == Meaning::kInsult || p.meaning == Meaning::kDehumanise) {
        const double score = vulgar ? kVulgarScore : 0.7;
        return {{Clause::kAbusive, "abusive.insult_to_staff", score},
                {Clause::kStaffHarassment, "staff_harassment.staff_insulted", score}};
      }
      if (p.meaning == Meaning::kTrait) {
        return {{Clause::kStaffHarassment, "staff_harassment.staff_generalised", 0.6}};
      }
      return {};
    case Meaning::kProperty:
      if (p.meaning == Meaning::kHarm) return {{Clause::kThreat, "threat.harm_to_property", 0.75}};
      return {};
    default:  // a person
      if (p.meaning == Meaning::kHarm) return {{Clause::kThreat, "threat.harm_to_person", 0.9}};
      if (p.meaning == Meaning::kInsult || p.meaning == Meaning::kDehumanise) {
        return {{Clause::kAbusive, "abusive.insult_to_person", 0.7}};
      }
      return {};
  }
}

// Whether the sentence reports someone's words: "saying X", or a speaker and a verb
// of saying ("my neighbour said X", not "the sign says").
bool Reports(const SentenceMeanings& c) {
  if (c.Has(Meaning::kReport)) return true;
  constexpr Mask kSpeakers = Bit(Meaning::kSpeaker) | Bit(Meaning::kReader) | Bit(Meaning::kPerson) | Bit(Meaning::kPronoun) |
                             Bit(Meaning::kSelf) | Bit(Meaning::kStaff);
  for (const Span& s : c.spans) {
    if (s.meaning == Meaning::kSaid && c.AnyOf(s.begin - 3, s.begin, kSpeakers)) return true;
  }
  return false;
}

// Whether the sentence hates the saying rather than a group: "I hate people who say
// X", "I'm tired of people saying X", "j'en ai marre qu'on dise X".
bool HatesTheSaying(const SentenceMeanings& c) {
  constexpr Mask kSaying = Bit(Meaning::kReport) | Bit(Meaning::kSaid);
  for (const Span& s : c.spans) {
    if (s.meaning == Meaning::kHatred && c.AnyOf(s.end, s.end + 4, kSaying)) return true;
  }
  return false;
}

// Whether the sentence disowns what a post reports: words of disapproval in the
// author's own voice ("is racism", "j'ai porté plainte"), or hating the saying. Not
// quoted ('"stop the boats"'), not denied ("it's not sexism"), and not themselves
// said of someone: "X are disgusting" runs X down and disowns nothing. said_of
// holds the words of what the sentence's findings say of their targets.
bool Condemns(const SentenceMeanings& c, const std::vector<bool>& said_of) {
  // "Stop the immigrants", "sanctionner les Roms": a group right after is what the
  // word falls on.
  auto falls_on_group = [&](const Span& s) {
    return std::any_of(c.spans.begin(), c.spans.end(), [&](const Span& g) {
      return g.meaning == Meaning::kGroup && g.begin >= s.end && g.begin - s.end <= 2 &&
             c.AllOf(s.end, g.begin, kJoiners);
    });
  };
  for (const Span& s : c.spans) {
    if (s.meaning != Meaning::kCondemn || !c.Affirmed(s) || c.InQuotes(s) || falls_on_group(s)) continue;
    if (std::none_of(said_of.begin() + s.begin, said_of.begin() + s.end, [](bool w) { return w; })) return true;
  }
  return HatesTheSaying(c);
}

// Whether the sentence sides with what is reported: "and they're right", "ils ont
// raison". Siding with hateful words is no counter-speech, whatever else it says.
bool Agrees(const SentenceMeanings& c) {
  return std::any_of(c.spans.begin(), c.spans.end(),
                     [&](const Span& s) { return s.meaning == Meaning::kAgree && c.Affirmed(s); });
}

// Whether the author calls names in their own words, whoever at: a slur outside
// quotation marks, not of the author's own group ("as a proud dyke") nor the name
// someone was called ("my son was called a fag"); an insult
// outside quotation marks in a sentence that reports nothing ("a miserable bitch"),
// unless it is a word of disapproval ("that's ignorant").
bool CallsNames(const SentenceMeanings& c, bool reports) {
  return std::any_of(c.spans.begin(), c.spans.end(), [&](const Span& s) {
    if (c.InQuotes(s)) return false;
    if (s.meaning == Meaning::kGroup && s.label == kSlurGroup) {
      return !c.AnyOf(s.begin - 2, s.begin, Bit(Meaning::kSelf) | Bit(Meaning::kReport));
    }
    return s.meaning == Meaning::kInsult && !reports && !c.AnyOf(s.begin, s.end, Bit(Meaning::kCondemn));
  });
}

// Whether the author means harm in their own words, whoever at: "je vais le tuer",
// "I'll make him pay". Outside quotation marks, with the author's intent before it
// and no verb of saying between ("I'll tell you what he said: ...").
bool MeansHarm(const SentenceMeanings& c) {
  constexpr Mask kSaying = Bit(Meaning::kReport) | Bit(Meaning::kSaid);
  for (const Span& p : c.spans) {
    if (p.meaning != Meaning::kHarm || c.InQuotes(p) || c.AnyOf(p.begin, p.end, Bit(Meaning::kBenign))) continue;
    for (const Span& intent : c.spans) {
      if (intent.meaning != Meaning::kIntent || intent.end > p.begin || p.begin - intent.end > kLooseWindow) continue;
      if (c.AnyOf(intent.begin - 1, intent.end, Bit(Meaning::kFirstPerson)) && !c.AnyOf(intent.end, p.begin, kSaying)) {
        return true;
      }
    }
  }
  return false;
}

// "Go die", "va crever": an order with a word before it that makes it one.
bool OrderedWithLead(const SentenceMeanings& c, const Span& harm) {
  return harm.begin == 1 && c.AnyOf(0, 1, Bit(Meaning::kImperative));
}

// "Si un Noir s'installe sur ma rue, je sors le fusil", "if a Muslim family moves
// in, I'll burn it down": the group a condition opening the sentence names is who
// the author's harm after it falls on. Not "I'll die": that harm is the author's own.
bool HarmOnCondition(const SentenceMeanings& c, const Span& t, const Span& harm) {
  constexpr int kConditionOpens = 1;  // "and if …", "mais si …"
  constexpr int kAuthorBefore = 3;    // "I'm getting", "je vais sortir"
  // A group: the reader in a condition is most often teased ("if u r late i'll …").
  if (t.meaning != Meaning::kGroup || harm.label == kDeath || t.end > harm.begin) return false;
  const bool conditioned = std::any_of(c.spans.begin(), c.spans.end(), [&](const Span& s) {
    return s.meaning == Meaning::kCondition && s.begin <= kConditionOpens && s.end <= t.begin;
  });
  if (!conditioned || !c.AnyOf(harm.begin - kAuthorBefore, harm.begin, Bit(Meaning::kFirstPerson)) ||
      c.AnyOf(t.end, harm.begin, Bit(Meaning::kReader) | Bit(Meaning::kPerson) | Bit(Meaning::kStaff))) {
    return false;
  }
  // "I'll kill the booking": a harm with an object of its own falls on it.
  int object = harm.end;
  while (object < static_cast<int>(c.masks.size()) && (c.masks[object] & kJoiners)) ++object;
  return object == static_cast<int>(c.masks.size()) || (c.masks[object] & kTargets);
}

// Whether a harm word is meant against t: said with intent (a first-person future,
// "someone should", a wish) or as an order, and t is who it falls on: named after
// it ("I'll strangle him", "kill them all"), between the intent and it ("I hope you
// die", "je vais te tuer"), or the subject of the wish ("X should be killed", "X
// deserve to die"). "Die" and the like fall on no one named after them: "my phone
// is gonna die, you have to stay".
bool Threatens(const SentenceMeanings& c, const Span& t, const Span& harm) {
  if (HarmOnCondition(c, t, harm)) return true;
  if (Distance(t, harm) > kLooseWindow) return false;
  const bool falls_on_object = harm.label != kDeath && t.begin >= harm.end &&
                               t.begin - harm.end <= kObjectGap && c.AllOf(harm.end, t.begin, kJoiners);
  if ((harm.begin == 0 || OrderedWithLead(c, harm)) && falls_on_object) return true;
  for (const Span& s : c.spans) {
    if (s.meaning != Meaning::kIntent || s.begin >= harm.begin || harm.begin - s.end > kLooseWindow) continue;
    if (falls_on_object) return true;
    if (t.begin >= s.begin && t.end <= harm.begin) return true;
    if (t.end <= s.begin && c.AllOf(t.end, s.begin, kJoiners)) return true;
  }
  return false;
}

// Whether a [protective] complement governed by modal p follows it, with at most
// kComplementGap joiners between.
bool ProtectiveFollows(const SentenceMeanings& c, const Span& p) {
  return std::any_of(c.spans.begin(), c.spans.end(), [&](const Span& s) {
    return s.meaning == Meaning::kProtective && s.begin >= p.end && s.begin - p.end <= kComplementGap &&
           c.AllOf(p.end, s.begin, kJoiners);
  });
}

// "It's not true that X are criminals", "c'est faux que les X sont des …": what
// follows a denial of its truth is denied. Only a statement of what a group is
// (an insult, a comparison, a trait): "I don't believe X should vote" still
// excludes.
bool DeniedAsUntrue(const SentenceMeanings& c, const Span& t, const Span& p) {
  if (p.meaning != Meaning::kInsult && p.meaning != Meaning::kDehumanise && p.meaning != Meaning::kTrait &&
      p.meaning != Meaning::kVirtue) {
    return false;
  }
  return std::any_of(c.spans.begin(), c.spans.end(), [&](const Span& d) {
    return d.meaning == Meaning::kDenial && d.end <= std::min(t.begin, p.begin);
  });
}

// "Never let X near our kids", "pourquoi on laisse des X enseigner à nos enfants?":
// a letting just before the group, refused by a negation before it or asked about.
bool KeptFrom(const SentenceMeanings& c, const Span& t, const Span& p) {
  if (t.end > p.begin || p.begin - t.end > kExclusionWindow) return false;
  for (const Span& let : c.spans) {
    if (let.meaning != Meaning::kPermit || let.end > t.begin || t.begin - let.end > kPermitReach) continue;
    if (c.sentence.question || c.AnyOf(let.begin - kPermitReach, let.end + 1, Bit(Meaning::kNegation))) return true;
  }
  return false;
}

// "Is there a single X who isn't violent?", "y a-t-il un seul pays X qui ne soit pas
// une poubelle?": a question daring the reader to name one of a group without the
// trait says the trait of all of them. Its "who isn't" links the group to the
// trait as "are" does, and the opener quantifies.
void ReadChallenge(SentenceMeanings* c) {
  constexpr int kOpenerReach = 1;  // "so, is there a single …"
  constexpr int kNounBetween = 1;  // "a single X country that …"
  constexpr int kNegationWords = 3;  // "qui ne soit pas"
  const auto opener = std::find_if(c->spans.begin(), c->spans.end(), [](const Span& s) {
    return s.meaning == Meaning::kChallenge && s.label.empty() && s.begin <= kOpenerReach;
  });
  if (opener == c->spans.end()) return;
  for (int i = opener->begin; i < opener->end; ++i) c->masks[i] |= Bit(Meaning::kQuantifier);
  for (const Span& t : c->spans) {
    if (t.meaning != Meaning::kGroup || t.begin < opener->end) continue;
    for (const Span& who : c->spans) {
      if (who.meaning != Meaning::kChallenge || who.label != kRelativeWord || who.begin < t.end ||
          who.begin - t.end > kNounBetween) {
        continue;
      }
      int last = -1;
      for (int i = who.end; i < std::min<int>(who.end + kNegationWords, c->masks.size()); ++i) {
        if (c->masks[i] & Bit(Meaning::kNegation)) last = i;
      }
      if (last < 0) continue;
      for (int i = t.end; i < who.begin; ++i) c->masks[i] = Bit(Meaning::kFiller);
      for (int i = who.begin; i <= last; ++i) c->masks[i] = Bit(Meaning::kLink);
      return;
    }
  }
}

// "Not all X", "pas tous les X": a negation on the quantifier before a group.
bool NotAll(const SentenceMeanings& c, const Span& t) {
  constexpr int kNegationBefore = 2;
  return c.AnyOf(t.begin - 1, t.begin, Bit(Meaning::kQuantifier)) &&
         c.AnyOf(t.begin - 1 - kNegationBefore, t.begin - 1, Bit(Meaning::kNegation));
}

// A group a sentence does nothing but name ("Gay people?", "Les Roms..."): its label
// and its words; an empty label for none.
struct NamedAlone {
  std::string_view label;
  std::string text;
};

NamedAlone NameAlone(const SentenceMeanings& c) {
  // The longest group entry read there; others may read its words ("gay", "gay people").
  const Span* name = nullptr;
  for (const Span& s : c.spans) {
    if (s.meaning == Meaning::kGroup && (!name || s.end - s.begin > name->end - name->begin)) name = &s;
  }
  if (!name || !c.AllOf(0, name->begin, kJoiners) ||
      !c.AllOf(name->end, static_cast<int>(c.words.size()), kJoiners)) {
    return {};
  }
  const bool one_group = std::all_of(c.spans.begin(), c.spans.end(), [&](const Span& s) {
    return s.meaning != Meaning::kGroup || (s.begin >= name->begin && s.end <= name->end);
  });
  return one_group ? NamedAlone{name->label, c.Text(*name)} : NamedAlone{};
}

// Whether a predicate can be said of a target.
bool Relates(const SentenceMeanings& c, const Span& t, const Span& p) {
  switch (p.meaning) {
    case Meaning::kInsult:
    case Meaning::kDehumanise:
    case Meaning::kTrait:
      return Describes(c, t, p);
    case Meaning::kVirtue:
      // "X are not good people", "les X ne sont jamais dignes de confiance": a
      // virtue denied to a group runs it down; granted, it says nothing to judge.
      // "Not all X are honest" grants it to the others.
      return t.meaning == Meaning::kGroup && Describes(c, t, p) && c.Negated(t, p) && !NotAll(c, t);
    case Meaning::kInsultAfter:
      return p.begin == t.end;  // "ces religieux de merde"
    case Meaning::kContemptAfter:
      // "Muslim trash", "immigrant scum": a group's name glued to a word of contempt.
      // Not an age group: "seniors garbage pickup" is a schedule.
      return t.meaning == Meaning::kGroup && t.label != kAgeGroup && p.begin == t.end;
    case Meaning::kSexualise:
      // "the new girl at the front desk is a smokeshow … stare at her": said near
      // whoever it is about, in either order.
      return t.meaning != Meaning::kProperty && Distance(t, p) <= kLooseWindow;
    case Meaning::kExclusion:
      // "Keep X out of our parks"; or, as a slogan, "X out of Canada!", "X dehors!":
      // the group opening the sentence, "out" right after it, and at most a place
      // after that ("women out of the kitchen and into council" goes on).
      if (p.label == kOut) {
        constexpr int kSloganPlaceWords = 3;
        const bool slogan = t.begin == 0 && p.begin == t.end && t.label != kAgeGroup &&
                            static_cast<int>(c.words.size()) - p.end <= kSloganPlaceWords;
        return t.end <= p.begin && p.begin - t.end <= 1 &&
               (slogan || c.AnyOf(t.begin - 2, t.begin, Bit(Meaning::kRemoval)));
      }
      if (p.label == kBarred) {
        return p.begin == 0 && p.end == t.begin &&
               (t.end == static_cast<int>(c.words.size()) || c.AnyOf(t.end, t.end + 1, Bit(Meaning::kWhere)));
      }
      if (p.label == kKeptFrom) return KeptFrom(c, t, p);
      if (p.label == kUltimatum) return t.end <= p.begin && p.begin - t.end <= kLooseWindow;
      if (p.label == kRefused) return t.begin >= p.end && t.begin - p.end <= kRefusedGap;
      if (p.label == kDeniedRight) {
        constexpr int kNoReach = 2;
        return t.end <= p.begin && p.begin - t.end <= kExclusionWindow &&
               c.AnyOf(t.begin - kNoReach, t.end, Bit(Meaning::kNegation));
      }
      // "Women should never be afraid", "les immigrants devraient rester ici": the
      // modal protects or welcomes them.
      if (p.label == kModal && ProtectiveFollows(c, p)) return false;
      // "Les femmes arbitres, ça devrait être interdit."
      return Distance(t, p) <= kExclusionWindow || TakenUp(c, t, p, kJoiners | Bit(Meaning::kIntent));
    case Meaning::kHatred:
      // What is hated follows with only articles and quantifiers between: "I hate
      // how X are treated" hates a treatment, "I hate people who say X" the speakers.
      if (p.end > t.begin || t.begin - p.end > kHatredGap || !c.AllOf(p.end, t.begin, kJoiners)) return false;
      // "Sick of X." with no one before it: the author's own, the "I'm" left out.
      return p.label != kFelt || p.begin == 0 ||
             c.AnyOf(p.begin - kSubjectGap, p.begin, Bit(Meaning::kFirstPerson));
    default:
      return Threatens(c, t, p);
  }
}

// "Qu'on les renvoie chez eux, les X", "I hate them all, those X": a pronoun may
// announce the group the sentence names after it, with no one else named between.
std::string_view GroupAnnounced(const SentenceMeanings& c, const Span& pronoun) {
  constexpr Mask kSomeoneElse = Bit(Meaning::kReader) | Bit(Meaning::kPerson) | Bit(Meaning::kStaff);
  for (const Span& g : c.spans) {
    if (g.meaning != Meaning::kGroup || g.begin < pronoun.end) continue;
    if (g.begin - pronoun.end > kLooseWindow || c.AnyOf(pronoun.end, g.begin, kSomeoneElse)) return {};
    return g.label;
  }
  return {};
}

}  // namespace

namespace {

// Calls add(entry, meaning, label) for every entry of harm_meanings_list.
template <typename Add>
void ForEachMeaning(Add add) {
  Meaning meaning = Meaning::kLink;
  std::string label;
  bool in_section = false;
  for (const std::string& line : LexiconEntries(LexiconText("harm_meanings_list"))) {
    if (line.front() == '[' && line.back() == ']') {
      std::string_view header = std::string_view(line).substr(1, line.size() - 2);
      size_t colon = header.find(':');
      std::string_view name = header.substr(0, colon);
      label = colon == std::string_view::npos ? "" : std::string(header.substr(colon + 2));
      auto section = std::find_if(kSections.begin(), kSections.end(),
                                  [&](const Section& s) { return s.name == name; });
      in_section = section != kSections.end();
      if (in_section) meaning = section->meaning;
      continue;
    }
    if (in_section) add(line, meaning, label);
  }
}

}  // namespace

HarmGrammar::HarmGrammar() : lexicon_(std::make_unique<Lexicon>()) {
  ForEachMeaning([&](const std::string& entry, Meaning meaning, const std::string& label) {
    lexicon_->Add(entry, meaning, label);
  });
  for (const WholeLexicon& whole : kWholeLexicons) {
    for (const std::string& entry : LexiconEntries(LexiconText(whole.name))) {
      lexicon_->Add(entry, whole.meaning, whole.label);
    }
  }
}

std::vector<std::string> HarmGrammar::PredicateWords() {
  std::vector<std::string> words;
  ForEachMeaning([&](const std::string& entry, Meaning meaning, const std::string&) {
    if (!IsPredicate(meaning)) return;
    words.push_back(entry);
    bool prefix = false;
    std::vector<std::string> joined = WithoutApostrophe(EntryWords(entry, &prefix));
    if (joined.empty()) return;
    std::string variant;
    for (const std::string& word : joined) variant += (variant.empty() ? "" : " ") + word;
    words.push_back(variant + (prefix ? "*" : ""));
  });
  return words;
}

HarmGrammar::~HarmGrammar() = default;

const HarmGrammar& HarmGrammar::BuiltIn() {
  static const HarmGrammar grammar;
  return grammar;
}

bool HarmGrammar::IsHomonym(std::string_view skeleton_words) const {
  for (const Span& span : lexicon_->Find(lexicon_->Read(skeleton_words))) {
    if (span.meaning == Meaning::kHomonym) return true;
  }
  return false;
}

HarmReading HarmGrammar::Read(std::string_view folded) const {
  HarmReading reading;
  const std::vector<std::string_view> quotations = QuotedSpans(folded);
  // Which of text's words stand between quotation marks: text read piece by piece,
  // in and out of each quotation, so that each word is placed; none where the
  // pieces read otherwise than the whole does.
  auto in_quotes = [&](std::string_view text, const std::vector<std::string>& words) {
    std::vector<bool> flags;
    std::vector<std::string> pieced;
    const char* at = text.data();
    const char* const end = text.data() + text.size();
    auto read_to = [&](const char* to, bool quoted) {
      for (std::string& word : lexicon_->Read(std::string_view(at, to - at))) {
        pieced.push_back(std::move(word));
        flags.push_back(quoted);
      }
      at = to;
    };
    bool any = false;
    for (std::string_view quotation : quotations) {
      const char* begin = std::max(quotation.data(), at);
      const char* stop = std::min(quotation.data() + quotation.size(), end);
      if (begin >= stop) continue;
      read_to(begin, false);
      read_to(stop, true);
      any = true;
    }
    if (!any) return std::vector<bool>();
    read_to(end, false);
    if (pieced != words) flags.clear();
    return flags;
  };
  {
    // Most posts say nothing of anyone: read the whole text once, and only where
    // it holds a predicate sentence by sentence. Without one there is no finding,
    // and the frames that lower what the word lists found are read post-wide.
    static const Sentence kWhole{};
    SentenceMeanings all{kWhole, lexicon_->Read(folded), {}, {}, {}, {}};
    all.spans = lexicon_->Find(all.words);
    if (std::none_of(all.spans.begin(), all.spans.end(), [](const Span& s) { return IsPredicate(s.meaning); })) {
      all.masks.assign(all.words.size(), 0);
      for (const Span& s : all.spans) {
        for (int i = s.begin; i < s.end; ++i) all.masks[i] |= Bit(s.meaning);
      }
      reading.frames.reporting = Reports(all);
      if ((reading.frames.reporting || HasQuoteMarks(folded)) && all.Has(Meaning::kCondemn)) {
        all.in_quotes = in_quotes(folded, all.words);
        reading.frames.counter_speech = Condemns(all, std::vector<bool>(all.words.size())) && !Agrees(all);
      }
      reading.frames.benign_harm = all.Has(Meaning::kBenign);
      return reading;
    }
  }
  std::vector<std::pair<Finding, std::string>> found;  // with evidence
  bool condemned = false;
  bool agreed = false;
  // A finding, a name called or harm meant in the author's own words, not framed as
  // someone else's: no condemnation beside it makes the post counter-speech.
  bool own_voice = false;
  bool quoted = false;
  bool negated_of_group = false;  // a group and what is said of it, negated
  bool asserted = false;          // a finding said in the author's own voice
  std::string_view last_group;  // the label of the group the last sentence named
  // The group the last sentence was only the name of ("Gay people?").
  NamedAlone topic_group;
  for (const Sentence& sentence : Sentences(folded)) {
    SentenceMeanings c{sentence, {}, {}, {}, {}, {}};
    c.words = lexicon_->Read(sentence.text, &c.reread);
    c.spans = lexicon_->Find(c.words);
    c.masks.assign(c.words.size(), 0);
    for (const Span& s : c.spans) {
      for (int i = s.begin; i < s.end; ++i) c.masks[i] |= Bit(s.meaning);
    }
    // "X are inherently violent": an adverb stands between as any filler does.
    for (size_t i = 0; i < c.words.size(); ++i) {
      if (IsAdverb(c.words[i])) c.masks[i] |= Bit(Meaning::kFiller);
    }
    TakeModifiersIntoGroups(&c);
    ReadChallenge(&c);
    c.in_quotes = in_quotes(sentence.text, c.words);
    const bool reports = Reports(c);
    const bool reported = sentence.quoted || reports;
    // Quotation marks are also scare quotes and titles: alone they report nothing
    // beyond their sentence, unless the post disowns what they hold.
    reading.frames.reporting |= reports;
    quoted |= sentence.quoted;
    reading.frames.innocent_sense |= c.Has(Meaning::kInnocentSense);
    const bool quantified = c.Has(Meaning::kQuantifier);

    std::string_view group_here;
    int group_here_at = 0;
    for (const Span& t : c.spans) {
      if (t.meaning != Meaning::kGroup) continue;
      if (group_here.empty()) {
        group_here = t.label;
        group_here_at = t.begin;
      }
      // "as a gay man", "we queers": the author's own group.
      reading.frames.self_reference |= c.NamesOwnGroup(t);
    }
    reading.frames.benign_harm |= c.Has(Meaning::kBenign);
    std::string_view frame = "assertion";
    double cap = 1.0;
    if (sentence.question) {
      frame = "question";
      cap = 0.6;
    } else if (reported) {
      frame = sentence.quoted ? "quotation" : "reported speech";
      cap = 0.6;
    }
    // A group this sentence names only after the pronoun ("they are useless, like
    // all women") leaves the one named before as what "they" stands for.
    auto group_before = [&](int at) {
      return !group_here.empty() && group_here_at < at ? group_here : last_group;
    };
    // Whether a finding is someone else's words: both its ends quoted, or reported:
    // said after a verb of saying; of the reader only where the reader is the one
    // who says it ("if you think X, you are ..."), not otherwise ("stop saying
    // that, you ..."); and, for harm, with no "I" or "we" between ("the guy who
    // yelled at my dad, I'll ..." threatens in the author's own voice).
    auto others_words = [&](Meaning target, const Span& t, const Span& p) {
      if (c.InQuotes(t) && c.InQuotes(p)) return true;
      if (!reports) return false;
      return std::any_of(c.spans.begin(), c.spans.end(), [&](const Span& r) {
        return (r.meaning == Meaning::kReport || r.meaning == Meaning::kSaid) && r.end <= p.begin &&
               (target != Meaning::kReader || c.AnyOf(0, r.end, Bit(Meaning::kReader))) &&
               !(p.meaning == Meaning::kHarm && c.AnyOf(r.end, p.begin, Bit(Meaning::kFirstPerson)));
      });
    };
    std::vector<bool> said_of(c.words.size());  // the words of what the findings say
    auto record = [&](Meaning target, std::string_view label, const std::string& target_text, const Span& p,
                      bool attributive, bool target_reread, bool someone_elses) {
      asserted |= !reported;  // a question asks in the author's own voice
      const std::vector<Finding> findings = Judge(label, target, p, quantified);
      if (!findings.empty()) {
        own_voice |= !someone_elses;
        std::fill(said_of.begin() + p.begin, said_of.begin() + p.end, true);
      }
      for (Finding f : findings) {
        // "Dumb men", "stupid drivers": a name used as an adjective is often loose
        // talk; a target read from a word of the same letters may be that word
        // ("Go Giants, trash talk aside"); a group narrowed by a relative clause
        // ("women who vote") may be judged for the deed: a human decides.
        f.score = std::min(f.score, attributive || target_reread ? std::min(cap, kAttributive) : cap);
        std::string evidence = target_text + " … " + c.Text(p) + " (target: " + std::string(label) +
                               (target_reread ? ", read from a word of the same letters" : "") +
                               "; predicate: " + std::string(PredicateName(p.meaning)) +
                               "; frame: " + std::string(frame) + ")";
        found.emplace_back(std::move(f), std::move(evidence));
      }
    };
    for (const Span& p : c.spans) {
      if (!IsPredicate(p.meaning)) continue;
      if (c.AnyOf(p.begin, p.end, Bit(Meaning::kBenign))) continue;
      for (const Span& t : c.spans) {
        // No relation reaches further than kFurthest words: a long sentence costs a
        // look at each pair, not a walk of its spans for each.
        if (!IsTarget(t.meaning) || (t.begin < p.end && p.begin < t.end)) continue;
        if (Distance(t, p) > kFurthest) continue;
        // "Il faut tuer les mauvaises herbes": that "il" is no one, unless a pronoun
        // names the one harmed ("il faut le tuer").
        if (c.AnyOf(t.begin, t.end, Bit(Meaning::kImpersonal)) &&
            !(p.meaning == Meaning::kHarm && c.AnyOf(p.begin - 1, p.begin, Bit(Meaning::kObjectPronoun)))) {
          continue;
        }
        if (!Relates(c, t, p)) continue;
        if (t.meaning == Meaning::kGroup && c.NamesOwnGroup(t)) {
          continue;
        }
        if ((p.meaning != Meaning::kVirtue && c.Negated(t, p)) || DeniedAsUntrue(c, t, p)) {
          negated_of_group |= t.meaning == Meaning::kGroup;
          continue;
        }
        // "They" is the group named before it in the sentence, or in the sentence
        // before, else whoever it is.
        Meaning target = t.meaning;
        std::string_view label = t.label;
        // "Muslims, you are all …", "you Muslims are …": the reader addressed as a
        // group is the group.
        if (target == Meaning::kReader) {
          for (const Span& g : c.spans) {
            if (g.meaning == Meaning::kGroup && (g.end == t.begin || t.end == g.begin)) {
              target = Meaning::kGroup;
              label = g.label;
            }
          }
        }
        if (target == Meaning::kPronoun) {
          // Or the group it announces: "I can't stand them, those X".
          std::string_view named = group_before(t.begin);
          if (named.empty()) named = GroupAnnounced(c, t);
          if (!named.empty()) {
            target = Meaning::kGroup;
            label = named;
          }
        }
        // "T'es une fucking disgrace": a curse between them makes the name vulgar.
        Span said = p;
        if (p.meaning == Meaning::kInsult && c.Cursed(t, p)) said.label = kVulgar;
        // ("the idiot at the front desk" places someone, it does not qualify them)
        const bool attributive =
            p.end <= t.begin && t.begin - p.end <= 1 && !c.AnyOf(p.end, t.begin, Bit(Meaning::kWhere)) &&
            (p.meaning == Meaning::kInsult || p.meaning == Meaning::kDehumanise || p.meaning == Meaning::kTrait);
        record(target, label, c.Text(t), said, attributive || t.narrowed, c.Reread(t),
               others_words(t.meaning, t, p));
      }
      // "Je les déteste", "il faut les tuer": the pronoun inside stands for the group
      // named before; a harm needs intent before it.
      if (p.label == kThem && !c.AnyOf(p.begin - 2, p.begin, Bit(Meaning::kNegation)) &&
          (p.meaning != Meaning::kHarm || c.AnyOf(p.begin - kLooseWindow, p.begin, Bit(Meaning::kIntent)))) {
        std::string_view named = group_before(p.begin);
        if (named.empty()) named = GroupAnnounced(c, p);
        if (!named.empty()) {
          record(Meaning::kGroup, named, "(them)", p, false, false, others_words(Meaning::kGroup, p, p));
        }
      }
      // "Gay people? Disgusting, all of them.": a sentence of a name alone, then one
      // that says nothing but what it is ("Seniors? Stupid schedule." says it of the
      // schedule; "Immigrants? Not vermin." denies it).
      if (!topic_group.label.empty() && p.meaning != Meaning::kVirtue && p.meaning != Meaning::kHarm &&
          c.AllOf(0, p.begin, kJoiners) && !c.AnyOf(0, p.begin, Bit(Meaning::kNegation)) &&
          c.AllOf(p.end, static_cast<int>(c.words.size()), kJoiners | Bit(Meaning::kPronoun))) {
        record(Meaning::kGroup, topic_group.label, topic_group.text, p, false, false,
               others_words(Meaning::kGroup, p, p));
      }
      // "Go die", "kill them all": an order with no one named is given to the reader.
      if (p.meaning == Meaning::kHarm && OrderedWithLead(c, p) &&
          !c.AnyOf(0, static_cast<int>(c.words.size()), kTargets)) {
        record(Meaning::kReader, "the reader", "(you)", p, false, false, others_words(Meaning::kReader, p, p));
      }
    }
    condemned |= Condemns(c, said_of);
    agreed |= Agrees(c);
    own_voice |= CallsNames(c, reports) || MeansHarm(c);
    if (!group_here.empty()) last_group = group_here;
    topic_group = NameAlone(c);
  }
  reading.frames.counter_speech = (reading.frames.reporting || quoted) && condemned && !agreed && !own_voice;
  if (reading.frames.counter_speech) return reading;
  reading.frames.negated = negated_of_group && found.empty();
  reading.frames.only_framed = !found.empty() && !asserted;
  // The strongest finding of each rule.
  for (auto& [finding, evidence] : found) {
    auto same = std::find_if(reading.reasons.begin(), reading.reasons.end(),
                             [&](const Reason& r) { return r.rule == finding.rule; });
    if (same == reading.reasons.end()) {
      reading.reasons.push_back({finding.clause, finding.rule, finding.score, evidence});
    } else if (finding.score > same->score) {
      same->score = finding.score;
      same->evidence = evidence;
    }
  }
  return reading;
}

}  // namespace modbot
