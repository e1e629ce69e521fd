// Principle 4: threats or intimation of threats.
#include <string>
#include <string_view>
#include <vector>

#include "policy/detector.h"

namespace modbot {
void DetectThreats(const PostView& view, Reasons* reasons) {
  AddLexiconReason(view, "threat_patterns", Clause::kThreat, 0.9, reasons);
  AddLexiconReason(view, "intimidation_patterns", Clause::kThreat, 0.7, reasons);
  // "I'll bring my bat": a weapon where the writer says what they will do. Sport and
  // tools say the same, so alone it is for a human; with intimidation it adds up.
  AddLexiconReason(view, "threat_weapon_patterns", Clause::kThreat, 0.6, reasons);
  // "See what happens", "ça va brasser": often hyperbole, so a human decides.
  AddLexiconReason(view, "veiled_threat_patterns", Clause::kThreat, 0.55, reasons);
}

}  // namespace modbot
