// Principle 3: slanderous or derogatory remarks, antagonistic comments, obscenities,
// profane language or sexual content.
#include <string>
#include <string_view>
#include <vector>

#include "policy/detector.h"

namespace modbot {
namespace {

// The matches of a lexicon, less those that repeat another: the same words found by
// two entries ("sans-dessein" and "sans dessein", "nono" inside "gros nono") are one
// piece of evidence, not two.
std::vector<std::string> DistinctMatches(const std::vector<std::string>& matches) {
  std::vector<std::string> out;
  for (size_t i = 0; i < matches.size(); ++i) {
    bool repeat = false;
    for (size_t j = 0; j < matches.size() && !repeat; ++j) {
      if (i == j) continue;
      const std::string& a = matches[i];
      const std::string& b = matches[j];
      // a is inside b (and b is not the same text found earlier), or equal to an earlier one.
      if (a == b) repeat = j < i;
      else if (b.find(a) != std::string::npos) repeat = true;
    }
    if (!repeat) out.push_back(matches[i]);
  }
  return out;
}

// AddLexiconReason, counting each piece of evidence once.
bool AddDistinctReason(const PostView& view, std::string_view lexicon, Clause clause, double score,
                       Reasons* reasons) {
  std::vector<std::string> matches = DistinctMatches(view.own_hits.Of(lexicon));
  if (matches.empty()) return false;
  reasons->push_back({clause, "lexicon." + std::string(lexicon), RepeatedScore(score, matches.size()),
                      JoinEvidence(matches)});
  return true;
}

}  // namespace

void DetectAbuse(const PostView& view, Reasons* reasons) {
  const Clause abusive = Clause::kAbusive;
  const LexiconHits& hits = view.own_hits;
  AddDistinctReason(view, "slurs", abusive, 0.95, reasons);
  AddDistinctReason(view, "slur_patterns", abusive, 0.9, reasons);
  AddDistinctReason(view, "directed_abuse", abusive, 0.85, reasons);
  // "ferme-la", "ostie de cave", "fucking morons": a sacre or curse glued to a
  // name for a person is aimed at someone by construction.
  AddDistinctReason(view, "abuse_directed_patterns", abusive, 0.85, reasons);
  AddDistinctReason(view, "profanity", abusive, 0.6, reasons);
  AddDistinctReason(view, "mild_vulgarity", abusive, 0.5, reasons);
  AddDistinctReason(view, "sexual", abusive, 0.6, reasons);
  AddDistinctReason(view, "antagonism_patterns", abusive, 0.55, reasons);
  // Calling a person names is worse when they are being addressed ("you moron",
  // "vous êtes des clowns") than when the word is used about no one in particular;
  // a name said with profanity around it ("ost1e de niaiseux", "lazy pieces of
  // sh!t") is aimed as well, and the two together are no longer in doubt.
  // So is one said in a post about an employee ("the inspector is a lazy prick").
  bool aimed = hits.Has("addressed_patterns") || hits.Has("profanity") ||
               hits.Has("abuse_name_calling_patterns") || hits.Has("staff");
  if (!AddDistinctReason(view, "insults", abusive, aimed ? 0.75 : 0.5, reasons)) {
    // "you stupid ...", "t'es un gros ...", "espèce de ...": name-calling by its
    // shape, when the name itself is not in the list. One piece of evidence, so it
    // is not added on top of the insult it contains.
    AddDistinctReason(view, "abuse_name_calling_patterns", abusive, 0.75, reasons);
  }
}

}  // namespace modbot
