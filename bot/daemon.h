// Daemon: poll the forum, judge each post, record the verdict with its actions,
// then carry the actions out.
//
//   Forum::Poll ─► Post ─► judge ─► Store::RecordJudgement (verdict + outbox +
//   cursor, one transaction) ─► Outbox::RunDue ─► Forum::Hide / SendToReview / Notify
//
// The daemon never names a forum software (adapters/forum.h) and never decides
// anything itself: the judge does. With dry_run it records each verdict in the
// audit log and prints it, and changes nothing else (no cursor, no outbox).
#ifndef MODBOT_BOT_DAEMON_H_
#define MODBOT_BOT_DAEMON_H_

#include <atomic>
#include <functional>
#include <string>

#include "adapters/forum.h"
#include "bot/daemon_config.h"
#include "bot/metrics.h"
#include "bot/outbox.h"
#include "bot/store.h"
#include "policy/post.h"
#include "policy/verdict.h"

namespace modbot {

// The policy as the daemon sees it: a pure function of a post.
using Judge = std::function<Verdict(const Post&)>;

class Daemon {
 public:
  // metrics, when given, counts verdicts and polls for /metrics.
  Daemon(const DaemonConfig& config, Forum* forum, Store* store, Judge judge, bool dry_run,
         Metrics* metrics = nullptr);

  // One poll and the actions it queued. Returns false on a store failure (fatal);
  // *forum_ok says whether the forum answered the poll.
  bool Step(bool* forum_ok, std::string* error);

  // Steps until *stop is set (or once). Returns the process exit code.
  int Run(bool once, const std::atomic<bool>* stop);

 private:
  // Judges one post and records it; cursor is set for a new post only.
  bool Handle(const ForumPost& post, std::optional<std::string> cursor, std::string* error);

  const DaemonConfig& config_;
  Forum* forum_;
  Store* store_;
  Judge judge_;
  bool dry_run_;
  Metrics* metrics_;
  Outbox outbox_;
  std::string dry_run_cursor_;  // with dry_run the cursor lives only in memory
  std::chrono::steady_clock::time_point next_poll_{};
  std::chrono::steady_clock::time_point next_edit_scan_{};  // the first poll scans
};

// Builds a Post for the judge from what the forum reported.
Post ToPost(const ForumPost& post);

// The text of the flag a moderator sees on the forum for verdict.
std::string FlagReason(const Verdict& verdict);

// Makes SIGINT and SIGTERM ask the daemon to stop after the step in progress.
// Called first thing, so that a stop request sent while the policy compiles is
// honoured rather than killing the process.
void StopOnSignals();

// Opens the store and the forum of config, starts the [http] listener if one is
// configured, and runs the daemon until SIGINT or SIGTERM (or one step with
// once). Returns 0, or 1 on a runtime failure.
int RunDaemon(const DaemonConfig& config, const Judge& judge, bool once, bool dry_run);

}  // namespace modbot

#endif  // MODBOT_BOT_DAEMON_H_
