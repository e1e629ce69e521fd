// Daemon: poll the forum, judge each post, record the verdict with its actions,
// then carry the actions out.
//
//   Forum::Poll ─► (author facts, when they may matter) ─► Post ─► MemoryRecall
//   (near-copies of decided and recent posts, as Post::prior) and the learned model's
//   signal (ModelSlot) ─► judge ─► Store::RecordJudgement (verdict + outbox + cursor +
//   fingerprint, one transaction) ─► Outbox::RunDue ─► Forum::Hide / SendToReview / Notify
//
// A poll reports each post with the author facts the forum's listing carries
// (ForumAuthor::more_known says whether it can tell more). A post is judged at
// once when the facts kept in the store (bot/forum_cache.h) complete it, or when
// judging it as by the newest possible account and by an old one gives the same
// verdict. Only the others wait for Forum::AuthorFacts, after the rest of the
// batch, with the queued actions carried out between two of them: a burst from
// new accounts no longer holds back every verdict, and no post is skipped, since
// the cursor stops before the first post still waiting. The adapter's recent
// request times are kept in the store too, so a restart does not burst.
//
// With [forum.webhook], the posts the forum pushed (bot/webhook_queue.h) are judged
// as soon as the listener wakes the daemon (Wake), and first thing in each step;
// the poll then moves its cursor past them without judging them again.
//
// Every decisions_interval it also asks the forum what people decided there about
// the posts the bot hid or flagged (Forum::ReadDecisions) and records each decision
// as `modbot review` would (RecordForumDecision, bot/review_decision.h).
//
// The daemon never names a forum software (adapters/forum.h) and never decides
// anything itself: the judge does. With dry_run it records each verdict in the
// audit log and prints it, and changes nothing else (no cursor, no outbox, and the
// webhook queue left for the real run).
#ifndef MODBOT_BOT_DAEMON_H_
#define MODBOT_BOT_DAEMON_H_

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>

#include "adapters/forum.h"
#include "bot/console_server.h"
#include "bot/daemon_config.h"
#include "bot/forum_cache.h"
#include "bot/metrics.h"
#include "bot/model_slot.h"
#include "bot/outbox.h"
#include "bot/store.h"
#include "policy/post.h"
#include "policy/verdict.h"

namespace modbot {

// The policy as the daemon sees it: a pure function of a post.
using Judge = std::function<Verdict(const Post&)>;

// Reads the config again (on SIGHUP): fills *config and *judge, or returns false
// with *error saying what is wrong (file:line:col lines).
using Reload = std::function<bool(DaemonConfig* config, Judge* judge, std::string* error)>;

class Daemon {
 public:
  // metrics, when given, counts verdicts and polls for /metrics; console, when
  // given, is the running review console, which Apply keeps up to date.
  Daemon(const DaemonConfig& config, Forum* forum, Store* store, Judge judge, bool dry_run,
         Metrics* metrics = nullptr, ConsoleServer* console = nullptr);

  // One poll and the actions it queued. Returns false on a store failure (fatal);
  // *forum_ok says whether the forum answered the poll.
  bool Step(bool* forum_ok, std::string* error);

  // Steps until *stop is set (or once). Whenever *reload is set, clears it and
  // calls reload_fn between steps. Returns the process exit code.
  int Run(bool once, const std::atomic<bool>* stop, std::atomic<bool>* reload = nullptr,
          const Reload& reload_fn = nullptr);

  // Takes config and judge in place of the current ones, without losing the
  // daemon's place: the cursor lives in the store, and the poll schedule, the
  // forum connection and the store stay. Settings that only a restart can change
  // (the forum, the store, the listeners, turning the console on or off, its
  // session lifetime) keep their old values, with a log line. The console's token
  // file is read again: the console takes its moderators at once.
  void Apply(DaemonConfig config, Judge judge);
  // The model is read again from [policy] learned_model there too (ModelSlot::Load).

  // The learned model in force, if any.
  const ModelSlot& model() const { return model_; }

  // Makes Run judge the webhook queue now rather than at the next poll. Safe from
  // any thread.
  void Wake();

 private:
  // A post as the policy saw it: its input (with what memory and the learned
  // model said of its text) and its verdict.
  struct Judged {
    Post post;
    Recollection recalled;
    Verdict verdict;
  };
  // Records post's verdict and queues its actions; known is the judgement made
  // with the author facts post now has, or nullopt to judge it here. cursor is set
  // for a new post only.
  bool Handle(const ForumPost& post, std::optional<Judged> known,
              std::optional<std::string> cursor, std::string* error);
  // Judges in with the store's memory of near-copies and the learned model.
  bool JudgePost(const ForumPost& in, Judged* out, std::string* error);
  // The policy's verdict on post; review when the policy throws.
  Verdict Decide(const Post& post);
  // Handles a poll's new posts in order; those whose verdict waits for their
  // author's facts go last, and the cursor stops before the first of them.
  bool HandleNewPosts(std::vector<ForumPost> posts, std::string* error);
  // Completes post's author from the store's cache when it can, judges it with
  // the facts at hand (into *judged), and says whether the post must wait for
  // Forum::AuthorFacts: its verdict could change with them.
  bool NeedsAuthor(ForumPost* post, bool* needed, Judged* judged, std::string* error);
  // Asks the forum for post's author facts and keeps them; false only when the
  // store fails; *fetched says whether the forum answered.
  bool FetchAuthor(ForumPost* post, bool* fetched, std::string* error);
  // Keeps the adapter's recent request times in the store.
  bool SaveForumRequests(std::string* error);
  // Judges a post out of the poll's order (an edit in the window, a webhook's post)
  // after its author's facts when they may matter; *judged is false when those
  // could not be had. False only when the store fails.
  bool HandleOutOfOrder(ForumPost post, bool* judged, std::string* error);
  // Judges the posts the forum's webhooks queued and takes them off the queue. A
  // post the forum cannot describe yet stays queued. False only when the store fails.
  bool JudgePushed(std::string* error);
  // Sleeps up to `most`, or until Wake; true when woken.
  bool Sleep(std::chrono::steady_clock::duration most);
  // Reads back and records the decisions taken on the forum. False only when the
  // store fails; a forum failure is logged and tried again next time.
  bool ReadForumDecisions(std::string* error);

  DaemonConfig config_;
  Forum* forum_;
  Store* store_;
  Judge judge_;
  bool dry_run_;
  Metrics* metrics_;
  ConsoleServer* console_;
  Outbox outbox_;
  MemoryRecall memory_;  // near-copies of decided and recent posts, for each post judged
  ModelSlot model_;      // the per-forum model, for each post judged
  ForumCache forum_cache_;
  std::string dry_run_cursor_;  // with dry_run the cursor lives only in memory
  std::chrono::steady_clock::time_point next_poll_{};
  std::chrono::steady_clock::time_point next_edit_scan_{};  // the first poll scans
  std::chrono::steady_clock::time_point next_decisions_{};  // the first step reads them
  std::mutex wake_mu_;
  std::condition_variable wake_cv_;
  bool woken_ = false;  // guarded by wake_mu_
};

// Builds a Post for the judge from what the forum reported.
Post ToPost(const ForumPost& post);

// The text of the flag a moderator sees on the forum for verdict.
std::string FlagReason(const Verdict& verdict);

// Makes SIGINT and SIGTERM ask the daemon to stop after the step in progress, and
// SIGHUP ask it to reload its config. Called first thing, so that a signal sent
// while the policy compiles is honoured rather than killing the process.
void StopOnSignals();

// Opens the store and the forum of config, starts the [http] listener if one is
// configured, and runs the daemon until SIGINT or SIGTERM (or one step with
// once), reloading with reload on SIGHUP. Returns 0, or 1 on a runtime failure.
// Its last log lines say which signal stopped it, then how many posts it judged.
int RunDaemon(const DaemonConfig& config, const Judge& judge, bool once, bool dry_run,
              const Reload& reload = nullptr);

}  // namespace modbot

#endif  // MODBOT_BOT_DAEMON_H_
