// Principle 4: threats or intimation of threats.
#include <string>
#include <string_view>
#include <vector>

#include "policy/detector.h"

namespace modbot {
namespace {

// Something to hurt with, beside the writer going to meet someone or a dare: the
// pair says what neither says alone. "Je vais aller lui parler avec mon bâton" and
// "pay him a little visit with my bat" are a first-person intent against a person
// with the means named, so they hide; "I have a firearms licence. Keep blocking my
// driveway" leaves the act unsaid, so a human decides.
void DetectArmedIntent(const PostView& view, Reasons* reasons) {
  const LexiconHits& hits = view.own_hits;
  const std::string armed = hits.First("threat_armed_patterns");
  if (armed.empty()) return;
  std::string meeting = hits.First("threat_meeting_patterns");
  if (meeting.empty()) meeting = hits.First("intimidation_patterns");
  if (!meeting.empty()) {
    reasons->push_back({Clause::kThreat, "threat.armed_visit", 0.9,
                        meeting + " … " + armed + " (target: a person; predicate: harm with intent; frame: assertion)"});
    return;
  }
  const std::string dare = hits.First("threat_dare_patterns");
  if (!dare.empty()) {
    reasons->push_back({Clause::kThreat, "threat.armed_dare", 0.6,
                        armed + " … " + dare + " (target: the reader; predicate: veiled harm; frame: dare)"});
  }
}

}  // namespace

void DetectThreats(const PostView& view, Reasons* reasons) {
  AddLexiconReason(view, "threat_patterns", Clause::kThreat, 0.9, reasons);
  AddLexiconReason(view, "intimidation_patterns", Clause::kThreat, 0.7, reasons);
  // "I'll bring my bat": a weapon where the writer says what they will do. Sport and
  // tools say the same, so alone it is for a human; with intimidation it adds up.
  AddLexiconReason(view, "threat_weapon_patterns", Clause::kThreat, 0.6, reasons);
  // "See what happens", "ça va brasser": often hyperbole, so a human decides.
  AddLexiconReason(view, "veiled_threat_patterns", Clause::kThreat, 0.55, reasons);
  DetectArmedIntent(view, reasons);
}

}  // namespace modbot
