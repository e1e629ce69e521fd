// Principles 3, 4, 5 and 6 read as target x predicate x frame (harm_grammar.h), on
// top of what the word lists found. Runs after the abuse, threat and discrimination
// detectors and before staff harassment, which builds on what they found.
//
// A frame only ever lowers: a post that reports and disowns hateful words keeps
// none of the word lists' reasons for them, a slur beside words of its innocent
// sense ("the Dutch dykes") or said of the author's own group is not held against
// the post, and a slur that is also an ordinary word never hides on its own.
#include <algorithm>
#include <array>
#include <initializer_list>
#include <string>
#include <vector>

#include "policy/detector.h"
#include "policy/harm_grammar.h"
#include "policy/normalizer.h"
#include "policy/scoring.h"

namespace modbot {
namespace {

constexpr std::array<Clause, 4> kHarmClauses = {Clause::kAbusive, Clause::kThreat,
                                                Clause::kDiscrimination, Clause::kStaffHarassment};

// Under review_at: the reason stays in the record and decides nothing.
constexpr double kDisowned = 0.45;
// Under hide_at: a human decides.
constexpr double kForReview = 0.6;

bool IsSlurReason(const Reason& reason) {
  return reason.rule == "lexicon.slurs" || reason.rule == "lexicon.slur_patterns";
}

// Caps what the slur reasons add up to in each clause: "dykes" matched by two
// lexicons is one word, not two pieces of evidence.
void CapSlurReasons(Reasons* reasons, double cap) {
  for (Clause clause : kHarmClauses) CapChosenScore(reasons, clause, IsSlurReason, cap);
}

// "L'Empire mongol": an insult that is also the name of a people or a thing, and
// nothing else, caught by the insult list.
void CapHomonymInsults(Reasons* reasons, const HarmGrammar& grammar, double cap) {
  auto homonym_insult = [&](const Reason& r) {
    return r.rule == "lexicon.insults" && r.evidence.find(',') == std::string::npos &&
           grammar.IsHomonym(r.evidence);
  };
  for (Clause clause : kHarmClauses) CapChosenScore(reasons, clause, homonym_insult, cap);
}

bool AllSlursAreHomonyms(const Reasons& reasons, const HarmGrammar& grammar) {
  bool any = false;
  for (const Reason& reason : reasons) {
    if (!IsSlurReason(reason)) continue;
    any = true;
    if (!grammar.IsHomonym(reason.evidence)) return false;
  }
  return any;
}

// The skeletons of what folded holds between quotation marks.
std::vector<std::string> QuotedSkeletons(std::string_view folded) {
  std::vector<std::string> out;
  for (std::string_view quoted : QuotedSpans(folded)) out.push_back(Skeleton(quoted));
  return out;
}

// '« pédé » à mon fils', 'the "great replacement" is a hoax': every word that
// lexicons found is between quotation marks, so the post names the word rather
// than uses it. A human tells a report from a taunt.
bool OnlyQuoted(const PostView& view, std::initializer_list<std::string_view> lexicons) {
  // Most posts reach here with no such word: the quotes are read only for one.
  if (std::none_of(lexicons.begin(), lexicons.end(),
                   [&](std::string_view lexicon) { return view.own_hits.Has(lexicon); })) {
    return false;
  }
  const std::vector<std::string> quoted = QuotedSkeletons(view.own.folded);
  for (std::string_view lexicon : lexicons) {
    for (const std::string& hit : view.own_hits.Of(lexicon)) {
      const std::string word = Skeleton(hit);  // " word ", so whole words only
      if (std::none_of(quoted.begin(), quoted.end(),
                       [&](const std::string& q) { return q.find(word) != std::string::npos; })) {
        return false;
      }
    }
  }
  return true;
}

// Adds a reading's reason as what it is: another view of evidence the word lists
// may already have scored. The clause ends at the stronger of the two, not at
// their combination, so that one insult read twice is not two insults; the
// reading keeps its own score, so that the explanation shows what it is worth,
// and what was found before keeps only what it adds beyond it: nothing, when the
// reading is the stronger, and then it is left out.
void AddReading(Reason reason, Reasons* reasons) {
  const Clause clause = reason.clause;
  const double before = CombinedScore(*reasons, clause);
  const double own = std::clamp(reason.score, 0.0, 0.999);
  const double combined = std::max(before, own);
  const double rest = 1.0 - (1.0 - combined) / (1.0 - own);
  CapClauseScore(reasons, 0, clause, std::max(rest, 0.0));
  constexpr double kNegligible = 0.005;
  std::erase_if(*reasons, [&](const Reason& r) { return r.clause == clause && r.score < kNegligible; });
  reasons->push_back(std::move(reason));
}

}  // namespace

void DetectTargetedHarm(const PostView& view, Reasons* reasons) {
  // Most posts say nothing of anyone, and have nothing for a frame to lower.
  const bool may_find = view.own_hits.Has("harm_predicates") || view.own_hits.Has("insults") ||
                        view.own_hits.Has("slurs");
  const bool to_lower = std::any_of(reasons->begin(), reasons->end(), [](const Reason& r) {
    return std::find(kHarmClauses.begin(), kHarmClauses.end(), r.clause) != kHarmClauses.end();
  });
  if (!may_find && !to_lower) return;
  const HarmGrammar& grammar = HarmGrammar::BuiltIn();
  HarmReading reading = grammar.Read(view.own.folded);
  const HarmFrames& frames = reading.frames;
  if (frames.counter_speech) {
    for (Clause clause : kHarmClauses) CapClauseScore(reasons, 0, clause, kDisowned);
    return;
  }
  // What the word lists found is no surer than what the reading found of it: quoted
  // or reported, a human decides.
  if (frames.reporting || frames.only_framed) {
    for (Clause clause : kHarmClauses) CapClauseScore(reasons, 0, clause, kForReview);
  }
  // "Les femmes ne sont pas de la vermine": the word lists saw the words, the
  // reading saw them denied.
  if (frames.negated) {
    CapClauseScore(reasons, 0, Clause::kDiscrimination, kDisowned);
    CapClauseScore(reasons, 0, Clause::kAbusive, kDisowned);
  }
  if (frames.innocent_sense || frames.self_reference) {
    CapSlurReasons(reasons, kDisowned);
    if (frames.innocent_sense) CapHomonymInsults(reasons, grammar, kDisowned);
  } else if ((reading.reasons.empty() && AllSlursAreHomonyms(*reasons, grammar)) ||
             OnlyQuoted(view, {"slurs", "slur_patterns"})) {
    CapSlurReasons(reasons, kForReview);
  }
  // Coded hate only quoted is the code being exposed.
  if (OnlyQuoted(view, {"dog_whistle_patterns"})) {
    CapChosenScore(reasons, Clause::kDiscrimination,
                   [](const Reason& r) { return r.rule == "lexicon.dog_whistle_patterns"; }, kDisowned);
  }
  const bool threat_read = std::any_of(reading.reasons.begin(), reading.reasons.end(),
                                      [](const Reason& r) { return r.clause == Clause::kThreat; });
  if (frames.benign_harm && !threat_read) CapClauseScore(reasons, 0, Clause::kThreat, kDisowned);
  // Staff named by the staff lexicons: DetectStaffHarassment, next, holds the abuse
  // and threats read here against the post.
  const bool staff_detected = view.own_hits.Has("staff") || view.own_hits.Has("config_staff") ||
                              view.own_hits.Has("config_departments");
  for (Reason& reason : reading.reasons) {
    if (staff_detected && reason.clause == Clause::kStaffHarassment) continue;
    AddReading(std::move(reason), reasons);
  }
}

}  // namespace modbot
