// Principle 5: harassment or denigration of City employees, departments or
// divisions. Criticism of decisions is allowed; what counts is remarks about the
// people, or abuse and threats aimed at them.
#include <algorithm>
#include <string>
#include <vector>

#include "policy/detector.h"
#include "policy/scoring.h"

namespace modbot {

void DetectStaffHarassment(const PostView& view, Reasons* reasons) {
  const LexiconHits& hits = view.own_hits;
  std::string target = hits.First("staff");
  if (target.empty()) target = hits.First("config_staff");
  if (target.empty()) target = hits.First("config_departments");
  if (target.empty()) return;

  const Clause staff = Clause::kStaffHarassment;
  // Words ("useless", "paresseux") and constructions ("couldn't find a book if it
  // hit him", "devraient tous être congédiés") that run people down.
  std::vector<std::string> denigration = hits.Of("denigration");
  for (const std::string& match : hits.Of("staff_denigration_patterns")) denigration.push_back(match);
  if (!denigration.empty()) {
    // Harsh words about staff without abuse are close to criticism: however many,
    // they stay a matter for a human, even with one more weak reason for the clause
    // on top (0.65 and a 0.5 combine to 0.825, under hide_at).
    constexpr double kMaxDenigration = 0.65;
    double score = std::min(kMaxDenigration, RepeatedScore(0.6, denigration.size()));
    reasons->push_back({staff, "staff.denigration", score, target + ": " + JoinEvidence(denigration)});
  }
  // "Make her life hell", "call Parks ten times a day until she quits": readers sent
  // after an employee. A swarm alone may be how to get an answer ("call three times a
  // day"); beside a call, or a second swarm, it is a campaign. One piece of it is for
  // a human; two say it plainly.
  std::vector<std::string> calls = DistinctMatches(hits.Of("harassment_call_patterns"));
  const std::vector<std::string> swarm = DistinctMatches(hits.Of("harassment_swarm_patterns"));
  if (!calls.empty() || swarm.size() >= 2) {
    calls.insert(calls.end(), swarm.begin(), swarm.end());
    reasons->push_back({staff, "staff.call_to_harass", RepeatedScore(0.75, calls.size()),
                        target + ": " + JoinEvidence(calls)});
  }
  // Abuse or a threat in a post about an employee is aimed at that employee, as
  // strongly as all the evidence for it together.
  double aimed = std::max(CombinedScore(*reasons, Clause::kAbusive),
                          CombinedScore(*reasons, Clause::kThreat));
  if (aimed >= 0.5) reasons->push_back({staff, "staff.abuse_or_threat", aimed, target});
}

}  // namespace modbot
