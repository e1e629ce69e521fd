// Principle 16: posts by fake accounts. An account's age alone proves nothing (every
// newcomer starts at day zero), so it only adds weight to what the post itself says.
#include <algorithm>

#include "policy/detector.h"
#include "policy/scoring.h"

namespace modbot {

void DetectFakeAccount(const PostView& view, Reasons* reasons) {
  const Clause fake = Clause::kFakeAccount;
  const Author& author = view.post.author;
  AddLexiconReason(view, "ban_evasion_patterns", fake, 0.9, reasons);
  AddLexiconReason(view, "fake_account_phrases", fake, 0.35, reasons);

  if (!IsNewAccount(author, view.settings.new_account_days)) return;
  std::string age = std::to_string(*author.account_age_days) + " days old, " +
                    std::to_string(author.post_count.value_or(0)) + " posts";
  bool brand_new = *author.account_age_days <= 1 && author.post_count.value_or(0) <= 1;
  if (ClauseScoreSoFar(*reasons, fake) > 0) {
    reasons->push_back({fake, "account.new", brand_new ? 0.3 : 0.2, age});
  }
  // A new account whose post advertises or spams is the classic throwaway.
  // Its age alone already raised spam_links ("links.new_account"); that does not count.
  double selling = CombinedScore(*reasons, Clause::kCommercial);
  for (const Reason& reason : *reasons) {
    if (reason.clause == Clause::kSpamLinks && reason.rule != "links.new_account") {
      selling = std::max(selling, reason.score);
    }
  }
  if (selling >= 0.5) reasons->push_back({fake, "account.new_and_promoting", 0.9, age});
}

}  // namespace modbot
