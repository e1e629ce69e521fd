// Principle 5: harassment or denigration of City employees, departments or
// divisions. Criticism of decisions is allowed; what counts is remarks about the
// people, or abuse and threats aimed at them.
#include <algorithm>

#include "policy/detector.h"

namespace modbot {

void DetectStaffHarassment(const PostView& view, Reasons* reasons) {
  const LexiconHits& hits = view.own_hits;
  std::string target = hits.First("staff");
  if (target.empty()) target = hits.First("config_staff");
  if (target.empty()) target = hits.First("config_departments");
  if (target.empty()) return;

  const Clause staff = Clause::kStaffHarassment;
  if (hits.Has("denigration")) {
    // Harsh words about staff without abuse are close to criticism: however many,
    // they stay a matter for a human.
    constexpr double kMaxDenigration = 0.75;
    double score = std::min(kMaxDenigration, RepeatedScore(0.6, hits.Of("denigration").size()));
    reasons->push_back({staff, "staff.denigration", score,
                        target + ": " + JoinEvidence(hits.Of("denigration"))});
  }
  // Abuse or a threat in a post about an employee is aimed at that employee.
  double aimed = std::max(ClauseScoreSoFar(*reasons, Clause::kAbusive),
                          ClauseScoreSoFar(*reasons, Clause::kThreat));
  if (aimed >= 0.5) reasons->push_back({staff, "staff.abuse_or_threat", aimed, target});
}

}  // namespace modbot
