// Principle 3: slanderous or derogatory remarks, antagonistic comments, obscenities,
// profane language or sexual content.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "policy/detector.h"

namespace modbot {
namespace {

// "Hydro-Québec can go to hell", "these parking rules can piss off": the phrase wished
// on whoever or whatever the sentence is about, often a company or a rule rather than
// anyone in the thread. That is venting a human should weigh; "you can go to hell" is
// still said to someone. True when every place a phrase of `phrases` stands in the
// skeleton follows a modal whose subject is not the reader.
bool WishedOnSomeoneElse(const std::string& skeleton, const std::vector<std::string>& phrases) {
  static const RE2 wished(
      R"( (\w+) (?:can|could|should|may|might|will)(?: (?:just|all|simply))? $)");
  constexpr std::array<std::string_view, 4> kReader = {"you", "u", "ya", "yall"};
  bool any = false;
  for (const std::string& phrase : phrases) {
    const std::string needle = " " + phrase + " ";
    for (size_t at = skeleton.find(needle); at != std::string::npos; at = skeleton.find(needle, at + 1)) {
      std::string subject;
      if (!RE2::PartialMatch(std::string_view(skeleton).substr(0, at + 1), wished, &subject) ||
          std::find(kReader.begin(), kReader.end(), subject) != kReader.end()) {
        return false;
      }
      any = true;
    }
  }
  return any;
}

}  // namespace

void DetectAbuse(const PostView& view, Reasons* reasons) {
  const Clause abusive = Clause::kAbusive;
  const LexiconHits& hits = view.own_hits;
  AddLexiconReason(view, "slurs", abusive, 0.95, reasons);
  AddLexiconReason(view, "slur_patterns", abusive, 0.9, reasons);
  const bool wished_elsewhere = WishedOnSomeoneElse(view.own.skeleton, hits.Of("directed_abuse"));
  AddLexiconReason(view, "directed_abuse", abusive, wished_elsewhere ? 0.6 : 0.85, reasons);
  // "ferme-la", "ostie de cave", "fucking morons": a sacre or curse glued to a
  // name for a person is aimed at someone by construction.
  AddLexiconReason(view, "abuse_directed_patterns", abusive, 0.85, reasons);
  AddLexiconReason(view, "profanity", abusive, 0.6, reasons);
  AddLexiconReason(view, "mild_vulgarity", abusive, 0.5, reasons);
  AddLexiconReason(view, "sexual", abusive, 0.6, reasons);
  // "Any hot milfs wanna hook up tonight": asking for sex is a construction, not a
  // word; with a sexual word too it is no longer in doubt.
  AddLexiconReason(view, "abuse_solicitation_patterns", abusive, 0.7, reasons);
  AddLexiconReason(view, "antagonism_patterns", abusive, 0.55, reasons);
  // Calling a person names is worse when they are being addressed ("you moron",
  // "vous êtes des clowns") than when the word is used about no one in particular;
  // a name said with profanity around it ("ost1e de niaiseux", "lazy pieces of
  // sh!t") is aimed as well, and the two together are no longer in doubt.
  // So is one said in a post about an employee ("the inspector is a lazy prick").
  bool aimed = hits.Has("addressed_patterns") || hits.Has("profanity") ||
               hits.Has("abuse_name_calling_patterns") || hits.Has("staff");
  // "I'm such an idiot, I forgot my keys": a name the author calls only themselves
  // runs no one else down.
  // "He called me an idiot", "don't call anyone a moron": the name is reported or
  // disowned, not called.
  if (!aimed && (hits.Has("self_deprecation_patterns") || hits.Has("insult_reported_patterns"))) return;
  if (!AddLexiconReason(view, "insults", abusive, aimed ? 0.75 : 0.5, reasons)) {
    // "you stupid ...", "t'es un gros ...", "espèce de ...": name-calling by its
    // shape, when the name itself is not in the list. One piece of evidence, so it
    // is not added on top of the insult it contains.
    AddLexiconReason(view, "abuse_name_calling_patterns", abusive, 0.75, reasons);
  }
}

}  // namespace modbot
