// Verdict: what the policy decides about one post, and why.
#ifndef MODBOT_POLICY_VERDICT_H_
#define MODBOT_POLICY_VERDICT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policy/clause.h"

namespace modbot {

// Ordered: a stronger action compares greater.
enum class Action {
  kAllow,   // leave the post alone
  kReview,  // a human decides
  kHide,    // clear violation: hide now, notify, a human may restore
};

std::string_view ActionName(Action action);  // "allow", "review", "hide"
std::optional<Action> ActionFromName(std::string_view name);

// One piece of scored evidence: a named rule fired on some text.
struct Reason {
  Clause clause;
  std::string rule;      // e.g. "links.shortener", "lexicon.profanity", "rule.my-rule"
  double score = 0;      // 0..1, this rule's own contribution
  std::string evidence;  // the matched words or link, short
};

struct Verdict {
  std::string post_id;
  Action action = Action::kAllow;
  std::vector<Clause> clauses;  // clauses at or above their review threshold, policy order
  std::string lang;             // "en" or "fr"
  std::vector<Reason> reasons;  // evidence for the clauses above, strongest first
  // Clauses the text alone would have flagged that a moderator's approval of a
  // near-copy cleared (rule "memory.approved_copy"); empty without PriorSignals.
  std::vector<Reason> waived;
};

}  // namespace modbot

#endif  // MODBOT_POLICY_VERDICT_H_
