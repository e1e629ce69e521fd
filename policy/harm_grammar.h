// Targeted harm: who a sentence is about, what it says of them, and in what frame.
//
// Principles 3 to 6 are broken by what a post does, not by its words: "[group] are
// rats" dehumanises whatever the group and whatever the animal, and "this printer
// should be shot" threatens no one. HarmGrammar reads each sentence of a post as a
// stream of meanings (harm_meanings_list plus the group, slur, insult and staff
// lexicons): targets (the reader, a person, City staff, a protected group, property),
// predicates (insult, dehumanising comparison, negative generalisation, exclusion,
// hatred, harm with intent, a sexualised remark) and frames (negation, question,
// reporting or quoting someone else, counter-speech, self-reference). A finding is a target and a
// predicate in one clause window; its frame can only lower its score.
//
// Words are matched token by token on the sentence's skeleton (normalizer.h), each
// first restored from a disguise (token_repair.h), so "1d10t", "i d i o t", "idoit"
// and "stpd" read as the words they stand for.
#ifndef MODBOT_POLICY_HARM_GRAMMAR_H_
#define MODBOT_POLICY_HARM_GRAMMAR_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "policy/verdict.h"

namespace modbot {

// What the post as a whole does with the words it contains.
struct HarmFrames {
  // Reports or quotes hateful words and disowns them: "People saying X are Y need a
  // history lesson", "La phrase « … » a été criée au match. Le club doit sanctionner."
  // Not when it sides with them ("and they're right"), nor when the author says
  // anything of the kind in their own words, a slur outside quotation marks included.
  bool counter_speech = false;
  bool reporting = false;       // reports or quotes someone else's words
  bool self_reference = false;  // names the author's own group ("as a queer woman")
  bool innocent_sense = false;  // a slur word beside words of its ordinary sense
  bool benign_harm = false;     // a harm word in a harmless phrase ("shoot you an email")
  bool negated = false;         // only denies something of a group ("X are not vermin")
  // Says what it found of anyone only in quotations or reported speech: '"Single
  // moms are leeches"? My mother raised three of us.' A question alone is not such a
  // frame: "T'es un fucking idiot, tu lis jamais les avis?" insults all the same.
  bool only_framed = false;
};

struct HarmReading {
  // One reason per finding, its evidence followed by the explanation:
  // "muslims … rats (target: a religion; predicate: dehumanising comparison;
  // frame: assertion)".
  std::vector<Reason> reasons;
  HarmFrames frames;
};

// The stretches of folded text between quotation marks: "…", “…”, «…», and '…'
// where the single quotes stand apart from the words around them (an apostrophe,
// as in "that's" or "l'école", joins two letters).
std::vector<std::string_view> QuotedSpans(std::string_view folded);

class HarmGrammar {
 public:
  // Built once from the embedded lexicons.
  static const HarmGrammar& BuiltIn();

  ~HarmGrammar();
  HarmGrammar(const HarmGrammar&) = delete;
  HarmGrammar& operator=(const HarmGrammar&) = delete;

  // Reads folded text (normalizer.h).
  HarmReading Read(std::string_view folded) const;

  // The words and phrases of harm_meanings_list that say something of a target,
  // as a word list (lexicon.h): a post with none of them, nor an insult or a slur,
  // has nothing for Read to find. The policy scans them as "harm_predicates".
  static std::vector<std::string> PredicateWords();

  // Whether a matched slur is also an ordinary word ("dykes", "fag").
  bool IsHomonym(std::string_view skeleton_words) const;

 private:
  class Lexicon;
  HarmGrammar();
  std::unique_ptr<Lexicon> lexicon_;
};

}  // namespace modbot

#endif  // MODBOT_POLICY_HARM_GRAMMAR_H_
