// How often the bot's automatic decisions stand once a human looks, per clause.
//
// Counted from the current verdict of each post (an edited post counts once, as
// last judged), the local review queue and the decisions read back from the
// forum (forum_watch): a post nobody has decided yet counts as undecided.
#ifndef MODBOT_BOT_REVIEW_STATS_H_
#define MODBOT_BOT_REVIEW_STATS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "bot/store.h"

namespace modbot {

struct ClauseStats {
  int64_t hidden = 0;    // hidden by the bot
  int64_t queued = 0;    // sent to review by the bot
  int64_t restored = 0;  // hidden by the bot, then approved by a human
  int64_t kept = 0;      // hidden by the bot, then removed by a human
  int64_t removed = 0;   // queued, then removed by a human
  int64_t approved = 0;  // queued, then approved by a human

  // 1 - restored / (restored + kept); nullopt when no human decided a hide.
  std::optional<double> HidePrecision() const;
  // removed / (removed + approved); nullopt when no human decided a review.
  std::optional<double> ReviewPrecision() const;
  ClauseStats& operator+=(const ClauseStats& other);
};

struct ReviewStats {
  // Per clause id. A post that breaks two clauses counts under each; one judged
  // with no clause (the policy failed on it) counts under "none".
  std::map<std::string, ClauseStats> by_clause;
  ClauseStats all;  // each post once
};

// Over posts judged at or after since.
bool ReadReviewStats(Store* store, std::optional<int64_t> since, ReviewStats* out,
                     std::string* error);

}  // namespace modbot

#endif  // MODBOT_BOT_REVIEW_STATS_H_
