// Principle 7: promotion of commercial services or products other than City
// sponsors, affiliations or business partners.
#include <cmath>

#include "policy/detector.h"
#include "policy/domain.h"

namespace modbot {

void DetectCommercial(const PostView& view, Reasons* reasons) {
  const std::vector<std::string>& signs = view.own_hits.Of("commercial_patterns");
  if (signs.empty()) return;
  // Thanking or mentioning a City sponsor is what the policy allows, as long as the
  // post does not also send readers somewhere else.
  if (view.own_hits.Has("config_sponsors")) {
    bool foreign_link = false;
    for (const Link& link : view.post.body.links) {
      foreign_link |= !DomainMatches(link.domain, view.settings.sponsors) &&
                      !DomainMatches(link.domain, view.settings.trusted_domains);
    }
    if (!foreign_link) return;
  }
  // One sign (a price, "for sale") is ordinary talk; several make an advertisement.
  reasons->push_back({Clause::kCommercial, "commercial.signs",
                      1.0 - std::pow(0.7, static_cast<double>(signs.size())), JoinEvidence(signs)});
}

}  // namespace modbot
