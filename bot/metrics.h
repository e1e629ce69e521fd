// Metrics: what the daemon counts while it runs, rendered in the Prometheus text
// exposition format 0.0.4 for GET /metrics (bot/metrics_server.h).
//
//   modbot_posts_judged_total                          counter
//   modbot_verdicts_total{clause,action}               counter (clause "none" for allow)
//   modbot_forum_requests_total{status}                counter (status "error": no response)
//   modbot_forum_requests_last_minute                  gauge: requests in the last 60 s
//   modbot_forum_budget_per_minute                     gauge: [forum] requests_per_minute
//   modbot_forum_budget_used_ratio                     gauge: the two above divided (only
//                                                      when a budget is set); Discourse
//                                                      shares its admin API limit among
//                                                      every admin key of the site
//   modbot_forum_decisions_total{decision}             counter: decisions read back from the
//                                                      forum, recorded as "approved" or
//                                                      "removed", or "superseded" (the post
//                                                      was edited since: judged again)
//   modbot_forum_decisions_awaited                     gauge: posts hidden or flagged on the
//                                                      forum that no one has decided yet
//   modbot_outbox_pending                              gauge
//   modbot_outbox_oldest_pending_age_seconds           gauge (0 when none is pending)
//   modbot_poll_lag_seconds                            gauge: since the last successful poll
//   modbot_last_successful_poll_timestamp_seconds      gauge (0 before the first)
//
// Thread-safe: the daemon records, the HTTP thread renders.
#ifndef MODBOT_BOT_METRICS_H_
#define MODBOT_BOT_METRICS_H_

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "bot/store.h"
#include "policy/verdict.h"

namespace modbot {

class Metrics {
 public:
  void RecordVerdict(const Verdict& verdict);
  void RecordPoll(bool ok, int64_t now_millis);
  // decision: "approved", "removed" or "superseded" (as forum_watch.decision).
  void RecordForumDecision(const std::string& decision);
  // The forum's request budget, requests a minute (0: unpaced).
  void SetForumBudget(int requests_per_minute);

  uint64_t posts_judged() const;
  // Millis of the last successful poll, if any.
  std::optional<int64_t> last_successful_poll() const;

  // The exposition text at now_millis. http_counts: responses by HTTP status;
  // requests_last_minute: requests sent in the 60 s before now.
  std::string Render(int64_t now_millis, const StoreBacklog& backlog,
                     const std::map<int, uint64_t>& http_counts,
                     size_t requests_last_minute) const;

 private:
  mutable std::mutex mu_;
  uint64_t posts_judged_ = 0;
  std::map<std::pair<std::string, std::string>, uint64_t> verdicts_;  // (clause, action)
  std::map<std::string, uint64_t> forum_decisions_;                   // by decision
  std::optional<int64_t> last_ok_poll_;
  int64_t started_at_ = 0;
  int budget_per_minute_ = 0;
};

}  // namespace modbot

#endif  // MODBOT_BOT_METRICS_H_
