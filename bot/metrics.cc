#include "bot/metrics.h"

#include <cstdio>

namespace modbot {

namespace {

// A label value as the exposition format escapes it.
std::string LabelValue(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

void Header(std::string* out, const char* name, const char* type, const char* help) {
  *out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

}  // namespace

void Metrics::RecordVerdict(const Verdict& verdict) {
  std::lock_guard<std::mutex> lock(mu_);
  ++posts_judged_;
  const std::string action(ActionName(verdict.action));
  if (verdict.clauses.empty()) ++verdicts_[{"none", action}];
  for (Clause c : verdict.clauses) ++verdicts_[{std::string(ClauseId(c)), action}];
}

void Metrics::RecordPoll(bool ok, int64_t now_millis) {
  std::lock_guard<std::mutex> lock(mu_);
  if (started_at_ == 0) started_at_ = now_millis;
  if (ok) last_ok_poll_ = now_millis;
}

void Metrics::RecordForumDecision(const std::string& decision) {
  std::lock_guard<std::mutex> lock(mu_);
  ++forum_decisions_[decision];
}

uint64_t Metrics::posts_judged() const {
  std::lock_guard<std::mutex> lock(mu_);
  return posts_judged_;
}

std::optional<int64_t> Metrics::last_successful_poll() const {
  std::lock_guard<std::mutex> lock(mu_);
  return last_ok_poll_;
}

void Metrics::SetForumBudget(int requests_per_minute) {
  std::lock_guard<std::mutex> lock(mu_);
  budget_per_minute_ = requests_per_minute;
}

std::string Metrics::Render(int64_t now, const StoreBacklog& backlog,
                            const std::map<int, uint64_t>& http_counts,
                            size_t requests_last_minute) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string out;
  Header(&out, "modbot_posts_judged_total", "counter", "Posts judged since the daemon started.");
  out += "modbot_posts_judged_total " + std::to_string(posts_judged_) + "\n";
  Header(&out, "modbot_verdicts_total", "counter",
         "Verdicts by clause and action (a post that breaks two clauses counts under each).");
  for (const auto& [key, n] : verdicts_) {
    out += "modbot_verdicts_total{clause=\"" + LabelValue(key.first) + "\",action=\"" +
           LabelValue(key.second) + "\"} " + std::to_string(n) + "\n";
  }
  Header(&out, "modbot_forum_requests_total", "counter",
         "Requests to the forum by HTTP status (\"error\": no response arrived).");
  for (const auto& [status, n] : http_counts) {
    out += "modbot_forum_requests_total{status=\"" +
           (status == 0 ? std::string("error") : std::to_string(status)) + "\"} " +
           std::to_string(n) + "\n";
  }
  Header(&out, "modbot_forum_requests_last_minute", "gauge",
         "Requests sent to the forum in the last 60 seconds, answered or not.");
  out += "modbot_forum_requests_last_minute " + std::to_string(requests_last_minute) + "\n";
  Header(&out, "modbot_forum_budget_per_minute", "gauge",
         "The forum request budget, requests a minute ([forum] requests_per_minute; 0: unpaced).");
  out += "modbot_forum_budget_per_minute " + std::to_string(budget_per_minute_) + "\n";
  if (budget_per_minute_ > 0) {
    Header(&out, "modbot_forum_budget_used_ratio", "gauge",
           "Share of the request budget used in the last 60 seconds. Discourse counts every "
           "admin key of the site against one limit: what is left is for the others.");
    out += "modbot_forum_budget_used_ratio " +
           Number(static_cast<double>(requests_last_minute) / budget_per_minute_) + "\n";
  }
  Header(&out, "modbot_forum_decisions_total", "counter",
         "Decisions taken on the forum and read back, by how they were recorded "
         "(\"superseded\": the post was edited since, and judged again).");
  for (const auto& [decision, n] : forum_decisions_) {
    out += "modbot_forum_decisions_total{decision=\"" + LabelValue(decision) + "\"} " +
           std::to_string(n) + "\n";
  }
  Header(&out, "modbot_forum_decisions_awaited", "gauge",
         "Posts the bot hid or flagged on the forum that no one has decided yet.");
  out += "modbot_forum_decisions_awaited " + std::to_string(backlog.awaiting_forum_decision) + "\n";
  Header(&out, "modbot_outbox_pending", "gauge", "Forum actions waiting in the outbox.");
  out += "modbot_outbox_pending " + std::to_string(backlog.pending) + "\n";
  Header(&out, "modbot_outbox_oldest_pending_age_seconds", "gauge",
         "Age of the oldest action waiting in the outbox (0 when none).");
  out += "modbot_outbox_oldest_pending_age_seconds " +
         Number(backlog.oldest_created_at ? (now - *backlog.oldest_created_at) / 1000.0 : 0) + "\n";
  Header(&out, "modbot_poll_lag_seconds", "gauge",
         "Seconds since the last successful poll of the forum (since start before the first).");
  const int64_t since = last_ok_poll_.value_or(started_at_ ? started_at_ : now);
  out += "modbot_poll_lag_seconds " + Number((now - since) / 1000.0) + "\n";
  Header(&out, "modbot_last_successful_poll_timestamp_seconds", "gauge",
         "Unix time of the last successful poll (0 before the first).");
  out += "modbot_last_successful_poll_timestamp_seconds " +
         Number(last_ok_poll_.value_or(0) / 1000.0) + "\n";
  return out;
}

}  // namespace modbot
