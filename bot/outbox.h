// Outbox: carries out the store's pending actions on the forum, after the
// transaction that queued them has committed.
//
// Each attempt is first counted in the store (so a crash mid-attempt is known on
// restart and the adapter checks the forum before acting again), then tried; the
// outcome is recorded with an audit row. Transient failures are retried with
// capped exponential backoff and jitter, or after the forum's own Retry-After;
// nothing is dropped except on a permanent refusal, which is logged and audited.
#ifndef MODBOT_BOT_OUTBOX_H_
#define MODBOT_BOT_OUTBOX_H_

#include <string>

#include "adapters/backoff.h"
#include "adapters/forum.h"
#include "bot/store.h"

namespace modbot {

// Payloads of outbox rows (JSON text), built by the daemon and read back here.
std::string FlagPayload(const std::string& reason, const std::string& clause);
std::string NoticePayload(const ForumNotice& notice, const std::string& clause);

class Outbox {
 public:
  Outbox(Store* store, Forum* forum, BackoffPolicy backoff)
      : store_(store), forum_(forum), backoff_(backoff) {}

  // Tries every action due now once. False only when the store fails.
  bool RunDue(std::string* error);
  // Tries the actions of one post due now once (`modbot review --now`).
  bool RunDueFor(const std::string& post_id, std::string* error);

 private:
  ForumStatus Execute(const OutboxEntry& entry, bool retry);
  // Attempts each of due in turn; *stalled when the forum asked us to back off.
  bool Attempt(const std::vector<OutboxEntry>& due, bool* stalled, std::string* error);

  Store* store_;
  Forum* forum_;
  BackoffPolicy backoff_;
};

}  // namespace modbot

#endif  // MODBOT_BOT_OUTBOX_H_
