// Principle 11: promotion of illegal activity. Describing a crime to ask for help
// ("I saw someone steal a bike, I called 911") is not promotion; advice to do it,
// or an offer of what needs a licence or a prescription, is.
#include "policy/detector.h"

namespace modbot {

void DetectIllegalActivity(const PostView& view, Reasons* reasons) {
  const Clause illegal = Clause::kIllegalActivity;
  bool act = AddLexiconReason(view, "illegal_patterns", illegal, 0.6, reasons);
  bool encouraged = view.own_hits.Has("encouragement_patterns");
  bool unenforced = view.own_hits.Has("evasion_patterns");
  // "Nobody ever checks" on its own is a complaint about enforcement. After an
  // illegal act it is reassurance; after "do the same" it is an invitation to break
  // whatever rule the post describes.
  // Either way it stays below hide: a human weighs how serious the rule is.
  if (act) {
    AddLexiconReason(view, "evasion_patterns", illegal, 0.2, reasons);
  } else if (unenforced && encouraged) {
    reasons->push_back({illegal, "illegal.encouraged_evasion", 0.6,
                        view.own_hits.First("encouragement_patterns") + " … " +
                            view.own_hits.First("evasion_patterns")});
  }
}

}  // namespace modbot
