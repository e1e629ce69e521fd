// The rules that turn PriorSignals (prior_signals.h, where they are described)
// into reasons, waivers and an action.
#ifndef MODBOT_POLICY_MEMORY_RULES_H_
#define MODBOT_POLICY_MEMORY_RULES_H_

#include "policy/policy_settings.h"
#include "policy/post.h"
#include "policy/verdict.h"

namespace modbot {

// Reworks *verdict, judged from post's text alone, with post.prior. Leaves it as it
// is when post.prior is empty.
void ApplyPriorSignals(const Post& post, const PolicySettings& settings, Verdict* verdict);

}  // namespace modbot

#endif  // MODBOT_POLICY_MEMORY_RULES_H_
