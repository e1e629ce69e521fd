#include "bot/review_stats.h"

#include <limits>
#include <sstream>

#include "bot/sqlite_statement.h"

namespace modbot {

namespace {

std::optional<double> Ratio(int64_t part, int64_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

std::optional<double> ClauseStats::HidePrecision() const {
  std::optional<double> wrong = Ratio(restored, restored + kept);
  if (!wrong) return std::nullopt;
  return 1 - *wrong;
}

std::optional<double> ClauseStats::ReviewPrecision() const {
  return Ratio(removed, removed + approved);
}

ClauseStats& ClauseStats::operator+=(const ClauseStats& o) {
  hidden += o.hidden;
  queued += o.queued;
  restored += o.restored;
  kept += o.kept;
  removed += o.removed;
  approved += o.approved;
  return *this;
}

bool ReadReviewStats(Store* store, std::optional<int64_t> since, ReviewStats* out,
                     std::string* error) {
  Stmt s(store->db(),
         // A post decided on the forum has its decision in forum_watch, and in the
         // review queue too when it was queued locally as well.
         "SELECT v.action, v.clauses, COALESCE(NULLIF(r.status, 'open'), w.decision, 'open') "
         "FROM verdicts v LEFT JOIN review_queue r USING (post_id) "
         "LEFT JOIN forum_watch w ON w.post_id = v.post_id AND w.version = v.version "
         "AND w.decision IN ('approved', 'removed') "
         "WHERE v.action IN ('hide', 'review') AND v.judged_at >= ?");
  s.Bind(1, since.value_or(std::numeric_limits<int64_t>::min()));
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    const bool hide = s.Text(0) == "hide";
    const std::string status = s.Text(2);
    ClauseStats post;
    (hide ? post.hidden : post.queued) = 1;
    if (status == "approved") (hide ? post.restored : post.approved) = 1;
    if (status == "removed") (hide ? post.kept : post.removed) = 1;
    std::istringstream clauses(s.Text(1));
    std::string clause;
    bool any = false;
    while (clauses >> clause) {
      out->by_clause[clause] += post;
      any = true;
    }
    if (!any) out->by_clause["none"] += post;
    out->all += post;
  }
  return !s.Failed(rc, error);
}

}  // namespace modbot
