#include "bot/outbox.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "bot/log.h"

namespace modbot {

namespace {

using nlohmann::json;

constexpr int kBatch = 100;

std::string Dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string FlagPayload(const std::string& reason, const std::string& clause) {
  return Dump({{"reason", reason}, {"clause", clause}});
}

std::string NoticePayload(const ForumNotice& notice, const std::string& clause) {
  return Dump({{"username", notice.username},
               {"title", notice.title},
               {"body", notice.body},
               {"clause", clause}});
}

ForumStatus Outbox::Execute(const OutboxEntry& entry, bool retry) {
  json payload = json::parse(entry.payload, nullptr, false);
  if (!payload.is_object()) return ForumStatus::Permanent("unreadable payload");
  switch (entry.kind) {
    case ActionKind::kHide:
      return forum_->Hide(entry.post_id, payload.value("reason", ""), retry);
    case ActionKind::kReview:
      return forum_->SendToReview(entry.post_id, payload.value("reason", ""), retry);
    case ActionKind::kRestore:
      return forum_->Restore(entry.post_id, retry);
    case ActionKind::kNotify:
      return forum_->Notify({entry.post_id, payload.value("username", ""),
                             payload.value("title", ""), payload.value("body", "")},
                            retry);
  }
  return ForumStatus::Permanent("unknown action");
}

bool Outbox::RunDue(std::string* error) {
  for (;;) {
    std::vector<OutboxEntry> due;
    if (!store_->DueActions(NowMillis(), kBatch, &due, error)) return false;
    if (due.empty()) return true;
    bool stalled = false;
    if (!Attempt(due, &stalled, error)) return false;
    if (stalled) return true;
  }
}

bool Outbox::RunDueFor(const std::string& post_id, std::string* error) {
  // A notice comes due only once its hide is done: go round until nothing is left.
  for (;;) {
    std::vector<OutboxEntry> due;
    if (!store_->DueActionsFor(post_id, NowMillis(), &due, error)) return false;
    if (due.empty()) return true;
    bool stalled = false;
    if (!Attempt(due, &stalled, error)) return false;
    if (stalled) return true;
  }
}

bool Outbox::Attempt(const std::vector<OutboxEntry>& due, bool* stalled, std::string* error) {
  for (const OutboxEntry& entry : due) {
    const std::string kind(ActionKindName(entry.kind));
    const std::string what = kind + " post " + entry.post_id;
    const int64_t backoff = BackoffDelay(backoff_, entry.attempts).count();
    bool claimed = false;
    if (!store_->BeginAttempt(entry, NowMillis() + backoff, &claimed, error)) return false;
    if (!claimed) continue;  // another process is carrying it out
    ForumStatus status = Execute(entry, /*retry=*/entry.attempts > 0);
    const int64_t now = NowMillis();
    bool recorded = false;
    switch (status.code) {
      case ForumStatus::Code::kOk:
        recorded = store_->MarkDone(entry, "done", now, error, /*reached_forum=*/true);
        LogInfo(what + ": done", {{"event", kind}, {"post", entry.post_id}, {"outcome", "done"}});
        break;
      case ForumStatus::Code::kGone:
        // Deleted on the forum: nothing left to act on, and nothing to retry.
        recorded = store_->MarkGone(entry, status.message, now, error);
        LogInfo(what + ": post is gone (" + status.message + ")" +
                    (entry.kind == ActionKind::kHide ? "; its author gets no notice" : ""),
                {{"event", kind}, {"post", entry.post_id}, {"outcome", "gone"}});
        break;
      case ForumStatus::Code::kPermanent:
        recorded = store_->MarkFailed(entry, status.message, now, error);
        LogError(what + ": refused, giving up: " + status.message,
                 {{"event", kind}, {"post", entry.post_id}, {"outcome", "failed"}});
        break;
      case ForumStatus::Code::kRetry: {
        int64_t wait = std::max<int64_t>(backoff, status.retry_after_seconds * 1000LL);
        recorded = store_->MarkRetry(entry, status.message, now + wait, now, error);
        LogError(what + ": will retry in " + std::to_string(wait) + " ms: " + status.message,
                 {{"event", kind}, {"post", entry.post_id}, {"outcome", "retry"}});
        break;
      }
    }
    if (!recorded) return false;
    // The forum is struggling (down, limiting us): leave the rest for the next
    // round instead of spending an attempt of each on it.
    if (status.code == ForumStatus::Code::kRetry) {
      *stalled = true;
      return true;
    }
  }
  return true;
}

}  // namespace modbot
