// Principle 4: threats or intimation of threats.
#include "policy/detector.h"

namespace modbot {

void DetectThreats(const PostView& view, Reasons* reasons) {
  AddLexiconReason(view, "threat_patterns", Clause::kThreat, 0.9, reasons);
  AddLexiconReason(view, "intimidation_patterns", Clause::kThreat, 0.7, reasons);
  // "See what happens", "ça va brasser": often hyperbole, so a human decides.
  AddLexiconReason(view, "veiled_threat_patterns", Clause::kThreat, 0.55, reasons);
}

}  // namespace modbot
