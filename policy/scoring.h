// Scoring: from the detectors' reasons to one action, rspamd style.
//
// A clause's score is 1 - Π(1 - s) over its reasons, so independent evidence adds up
// but never passes 1. Per clause, score >= hide_at hides and score >= review_at
// queues, both limited by the clause's max_action; the post's action is the
// strongest over its clauses. Disabled clauses are ignored entirely.
#ifndef MODBOT_POLICY_SCORING_H_
#define MODBOT_POLICY_SCORING_H_

#include <functional>
#include <vector>

#include "policy/policy_settings.h"
#include "policy/verdict.h"

namespace modbot {

// Fills action, clauses and reasons of *verdict; leaves post_id and lang alone.
void ScoreReasons(const std::vector<Reason>& reasons, const PolicySettings& settings,
                  Verdict* verdict);

// Combined score of one clause's reasons.
double CombinedScore(const std::vector<Reason>& reasons, Clause clause);

// Lowers each reason of clause that chosen selects to at most an equal share of cap,
// the share that, taken once per chosen reason, CombinedScore adds up to cap: so the
// chosen reasons together score at most cap, whatever else the clause holds. For one
// piece of evidence that several rules found ("dykes" in two word lists).
void CapChosenScore(std::vector<Reason>* reasons, Clause clause,
                    const std::function<bool(const Reason&)>& chosen, double cap);

}  // namespace modbot

#endif  // MODBOT_POLICY_SCORING_H_
