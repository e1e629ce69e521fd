// Principle 3: slanderous or derogatory remarks, antagonistic comments, obscenities,
// profane language or sexual content.
#include "policy/detector.h"

namespace modbot {

void DetectAbuse(const PostView& view, Reasons* reasons) {
  const Clause abusive = Clause::kAbusive;
  AddLexiconReason(view, "slurs", abusive, 0.95, reasons);
  AddLexiconReason(view, "slur_patterns", abusive, 0.9, reasons);
  AddLexiconReason(view, "directed_abuse", abusive, 0.85, reasons);
  AddLexiconReason(view, "profanity", abusive, 0.6, reasons);
  AddLexiconReason(view, "mild_vulgarity", abusive, 0.5, reasons);
  AddLexiconReason(view, "sexual", abusive, 0.6, reasons);
  AddLexiconReason(view, "antagonism_patterns", abusive, 0.55, reasons);
  // Calling a person names is worse when they are being addressed ("you moron",
  // "vous êtes des clowns") than when the word is used about no one in particular.
  bool addressed = view.own_hits.Has("addressed_patterns");
  AddLexiconReason(view, "insults", abusive, addressed ? 0.75 : 0.5, reasons);
}

}  // namespace modbot
