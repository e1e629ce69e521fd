#include "policy/scoring.h"

#include <algorithm>
#include <cmath>

namespace modbot {

double CombinedScore(const std::vector<Reason>& reasons, Clause clause) {
  double keep = 1.0;
  for (const Reason& reason : reasons) {
    if (reason.clause == clause) keep *= 1.0 - std::clamp(reason.score, 0.0, 1.0);
  }
  return 1.0 - keep;
}

void CapChosenScore(std::vector<Reason>* reasons, Clause clause,
                    const std::function<bool(const Reason&)>& chosen, double cap) {
  const auto count = std::count_if(reasons->begin(), reasons->end(), [&](const Reason& r) {
    return r.clause == clause && chosen(r);
  });
  if (count == 0) return;
  // (1 - share)^count = 1 - cap.
  const double share = 1.0 - std::pow(1.0 - cap, 1.0 / static_cast<double>(count));
  for (Reason& reason : *reasons) {
    if (reason.clause == clause && chosen(reason)) reason.score = std::min(reason.score, share);
  }
}

void ScoreReasons(const std::vector<Reason>& reasons, const PolicySettings& settings,
                  Verdict* verdict) {
  verdict->action = Action::kAllow;
  verdict->clauses.clear();
  verdict->reasons.clear();
  for (Clause clause : AllClauses()) {
    const ClauseSettings& limits = settings.clauses[static_cast<int>(clause)];
    if (!limits.enabled) continue;
    double score = CombinedScore(reasons, clause);
    // A small tolerance so that a rule scored exactly at a threshold reaches it
    // despite floating-point rounding in the combination.
    constexpr double kEpsilon = 1e-9;
    if (score + kEpsilon < limits.review_at) continue;
    Action action = score + kEpsilon >= limits.hide_at ? Action::kHide : Action::kReview;
    action = std::min(action, limits.max_action);
    if (action == Action::kAllow) continue;
    verdict->action = std::max(verdict->action, action);
    verdict->clauses.push_back(clause);
    for (const Reason& reason : reasons) {
      if (reason.clause == clause) verdict->reasons.push_back(reason);
    }
  }
  std::stable_sort(verdict->reasons.begin(), verdict->reasons.end(),
                   [](const Reason& a, const Reason& b) { return a.score > b.score; });
}

}  // namespace modbot
