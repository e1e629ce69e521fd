// Principle 11: promotion of illegal activity. Describing a crime to ask for help
// ("I saw someone steal a bike, I called 911") is not promotion; advice to do it,
// or an offer of what needs a licence or a prescription, is.
#include "policy/detector.h"

namespace modbot {

void DetectIllegalActivity(const PostView& view, Reasons* reasons) {
  bool advice = AddLexiconReason(view, "illegal_patterns", Clause::kIllegalActivity, 0.6, reasons);
  // "Nobody ever checks" on its own is a complaint about enforcement; after advice
  // it is encouragement.
  if (advice) AddLexiconReason(view, "evasion_patterns", Clause::kIllegalActivity, 0.3, reasons);
}

}  // namespace modbot
