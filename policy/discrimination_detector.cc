// Principle 6: content that endorses, promotes or perpetuates discrimination.
//
// Naming a group is not discrimination ("as a gay senior", "je suis musulmane");
// saying that a group should be excluded, or is lesser, is. So a reason needs both a
// protected group and an exclusion close together.
#include <cstdlib>

#include "policy/detector.h"

namespace modbot {
namespace {

// Characters between a group and an exclusion for them to be read together: about
// two sentences ("... these immigrants moved in. They don't belong here").
constexpr size_t kNearby = 200;

bool Near(std::string_view folded, const std::string& a, const std::string& b) {
  size_t pa = folded.find(a), pb = folded.find(b);
  // Leetspeak makes a skeleton match absent from the folded text: assume near.
  if (pa == std::string_view::npos || pb == std::string_view::npos) return true;
  return (pa > pb ? pa - pb : pb - pa) <= kNearby;
}

void AddGroupExclusion(const PostView& view, std::string_view groups, double near_score,
                       double far_score, Reasons* reasons) {
  const std::vector<std::string>& exclusions = view.own_hits.Of("exclusion_patterns");
  for (const std::string& group : view.own_hits.Of(groups)) {
    for (const std::string& exclusion : exclusions) {
      bool near = Near(view.own.folded, group, exclusion);
      reasons->push_back({Clause::kDiscrimination, "discrimination." + std::string(groups),
                          near ? near_score : far_score, group + " … " + exclusion});
      return;  // one reason per kind of group; more pairs add nothing new
    }
  }
}

}  // namespace

void DetectDiscrimination(const PostView& view, Reasons* reasons) {
  AddLexiconReason(view, "slurs", Clause::kDiscrimination, 0.9, reasons);
  AddLexiconReason(view, "slur_patterns", Clause::kDiscrimination, 0.9, reasons);
  AddGroupExclusion(view, "protected_groups", 0.9, 0.6, reasons);
  // Age limits are common and often lawful (seniors' swims, youth leagues): a human
  // tells a rule from a prejudice.
  AddGroupExclusion(view, "age_groups", 0.6, 0.5, reasons);
}

}  // namespace modbot
