// Lexicons: word lists and pattern lists kept as data files in policy/lexicons/,
// compiled into the library, and matched in one pass with an RE2::Set.
//
// A word-list file has one entry a line; '#' at the start of a line or after a
// space starts a comment. An entry is a word or
// a phrase ("va chier"); a trailing '*' matches any ending ("fuck*" matches
// "fucking"). Entries are written naturally, with accents and capitals: they go
// through the same normalisation as posts.
//
// A pattern file (name ending in "_patterns") has one RE2 pattern a line, matched
// against a post's folded text (lower case, no accents). A list file ("_domains",
// "_list") is data a detector looks things up in.
#ifndef MODBOT_POLICY_LEXICON_H_
#define MODBOT_POLICY_LEXICON_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

namespace modbot {

// The text of the embedded file policy/lexicons/<name>.txt, or "" if there is none.
std::string_view LexiconText(std::string_view name);

// The names of every embedded lexicon, sorted.
const std::vector<std::string_view>& LexiconNames();

// How a lexicon is used, by the ending of its name.
enum class LexiconKind {
  kWords,     // matched against skeletons (the default)
  kPatterns,  // "..._patterns": RE2 patterns matched against folded text
  kList,      // "..._domains", "..._list": looked up by a detector, never scanned
};
LexiconKind KindOfLexicon(std::string_view name);

// The non-comment, non-blank lines of a lexicon file, trimmed.
std::vector<std::string> LexiconEntries(std::string_view text);

struct Match {
  int id;                 // the id given to Add()
  std::string evidence;   // the matched text
};

// A set of RE2 patterns matched in one pass. Patterns for word lists come from
// PhrasePattern(); pattern files are used as they are, against folded text.
//
// The one-pass RE2::Set holds each pattern through LoosenRepeatBounds(), and every
// id it reports is confirmed with the exact pattern, which also gives the evidence:
// a bounded gap such as "my account.{0,40}banned" makes the set's DFA count bytes
// for every gap at once, and a few dozen of them made it rebuild states on every
// byte.
//
// Even loosened, a gap ("my account.*banned") keeps a thread alive to the end of
// the text, and the DFA's states multiply with every gap whose start was seen. So
// the patterns are split over several RE2::Sets, each holding a bounded number of
// gaps; all the patterns of one id go to the same set, in the order added.
//
// Should a set's DFA run out of its memory budget on some text (RE2::Set::Match
// fails with kOutOfMemory), FindAll matches that set's patterns one by one, each
// with RE2's own fallback past its DFA: such a text costs time, never a match.
// (RE2 makes it unlikely: Set::Compile fails unless the DFA has room for several
// states of the largest size, and the set's DFA never gives up for being slow.)
//
// An exact pattern is checked when added but compiled for good only the first time
// the set names it: most lexicon entries never occur in a given run, and thousands
// of compiled RE2s held from the start were most of the engine's memory.
class PatternSet {
 public:
  PatternSet();
  PatternSet(PatternSet&&) noexcept;
  PatternSet& operator=(PatternSet&&) noexcept;
  ~PatternSet();

  // Returns false, with RE2's reason in *error, for an invalid pattern.
  bool Add(const std::string& pattern, int id, std::string* error = nullptr);
  // False if RE2 ran out of its memory budget compiling the set.
  bool Compile();

  // Every id whose pattern occurs in text, with its first occurrence as evidence.
  // Complete even when a set runs out of memory on text (see above).
  std::vector<Match> FindAll(std::string_view text) const;

  // The scan alone, before confirmation: the patterns (by order added) whose loosened
  // form the sets find in text. False if a set's DFA ran out of memory, leaving its
  // candidates out. FindAll confirms these; the bench times this as the ceiling.
  bool Candidates(std::string_view text, std::vector<size_t>* patterns) const;

  bool empty() const { return patterns_.empty(); }

 private:
  struct Shard;
  class ExactPattern;
  // The shard that takes the patterns of id, opening one when needed.
  Shard& ShardFor(int id);
  // Appends the patterns whose loosened form shard finds in text; false when its
  // DFA ran out of memory, leaving them out.
  static bool ScanShard(const Shard& shard, std::string_view text, std::vector<size_t>* patterns);

  std::vector<Shard> shards_;
  std::map<int, size_t> shard_of_id_;
  std::vector<std::unique_ptr<ExactPattern>> patterns_;  // for the evidence
  std::vector<int> ids_;                        // same order as patterns_
};

// The pattern with every bounded repetition opened at the top ("x{m,n}" becomes
// "x{m,}"), so it matches whatever the pattern matches and possibly more. Escapes,
// character classes and \Q...\E quoting are left alone.
std::string LoosenRepeatBounds(std::string_view pattern);

// A plain word a pattern spells ("watch" in "\bwatch (your|ur) back"), so that a
// disguised one ("wtch") can be read back: a run of four letters or more that is
// no escape ("\bwatch" is "watch"), not glued to a group, a class or an accented
// letter (then it is part of a word spelt otherwise), less a last letter that a
// quantifier makes optional. `text` points into the pattern; `prefix` when a group
// or a class goes on from it ("regrett(er|ais)") or its last letter was optional.
struct PatternWord {
  std::string_view text;
  bool prefix;
};
std::vector<PatternWord> PatternWords(std::string_view pattern);

// The pattern that finds a word-list entry in a skeleton (see normalizer.h): whole
// words only, stretched letters ("fuuuck") tolerated, '*' in the post standing for
// an inner letter ("f*ck"). "" when the entry has no letters or digits.
std::string PhrasePattern(std::string_view entry);

}  // namespace modbot

#endif  // MODBOT_POLICY_LEXICON_H_
