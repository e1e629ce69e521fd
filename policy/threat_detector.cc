// Principle 4: threats or intimation of threats.
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

void DetectThreats(const PostView& view, Reasons* reasons) {
  AddDistinctReason(view, "threat_patterns", Clause::kThreat, 0.9, reasons);
  AddDistinctReason(view, "intimidation_patterns", Clause::kThreat, 0.7, reasons);
  // "I'll bring my bat": a weapon where the writer says what they will do. Sport and
  // tools say the same, so alone it is for a human; with intimidation it adds up.
  AddDistinctReason(view, "threat_weapon_patterns", Clause::kThreat, 0.6, reasons);
  // "See what happens", "ça va brasser": often hyperbole, so a human decides.
  AddDistinctReason(view, "veiled_threat_patterns", Clause::kThreat, 0.55, reasons);
}

}  // namespace modbot
