// Store: the daemon's state in one SQLite file (WAL), readable with the sqlite3 shell.
//
//   state         key/value: the poll cursor
//   verdicts      one row per post judged: the version judged and the verdict
//   outbox        actions to carry out on the forum: pending -> done | failed
//   notices_sent  one row per post whose author was notified (primary key: post id)
//   review_queue  posts waiting for a human when review routing includes "local",
//                 with the post in context (topic, the post replied to, author facts)
//   audit         every verdict and every action attempt outcome, append-only
//   forum_watch   posts the bot hid or flagged on the forum, until a person decides
//                 them on the forum or in `modbot review` (see RecordForumDecision)
//   fingerprints  each judged post's fingerprint and the human decision on it, the
//                 memory of near-copies (bot/memory_store.h)
//   learned_models one row per model `modbot learn` wrote (bot/learned_model_store.h)
//   author_facts, forum_requests
//                 what the daemon caches of the forum (bot/forum_cache.h)
//
// The invariants (DESIGN.md) live here:
//  * RecordJudgement writes the verdict, its pending actions, its review entry, its
//    audit row and the advanced cursor in one transaction: either all of it
//    happened or none, so a crash never skips a post nor judges one twice.
//  * An action is marked as attempted (committed) before it is carried out; an
//    entry picked up with attempts > 0 may already have reached the forum, and the
//    adapter is told to check before acting again.
//  * At most one notice per post: a unique index on the outbox and the
//    notices_sent primary key.
//  * At most one human decision per bot action: a decision, local or read back
//    from the forum, closes the post's review entry and its forum_watch row in
//    one transaction, each with a conditional UPDATE, so of two racing decisions
//    exactly one is recorded.
//
// Times are milliseconds since the Unix epoch. Methods return false with *error
// set on a SQLite failure; none throws.
#ifndef MODBOT_BOT_STORE_H_
#define MODBOT_BOT_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bot/memory_store.h"
#include "policy/verdict.h"

struct sqlite3;

namespace modbot {

enum class ActionKind { kHide, kReview, kNotify, kRestore };
std::string_view ActionKindName(ActionKind kind);  // "hide", "review", "notify", "restore"
std::optional<ActionKind> ActionKindFromName(std::string_view name);

// An action to put in the outbox. payload is JSON text the executor understands.
struct NewAction {
  ActionKind kind;
  std::string payload;
};

// The post around a queued verdict, kept so that a moderator can judge it in
// context (the review console) without asking the forum.
struct PostContext {
  std::string topic_title;
  std::string reply_to;  // the own words of the post it replies to, shortened; "" when none
  std::string text;      // the post's own words (quotes left out), as judged
  std::optional<int> author_account_age_days;
  std::optional<int> author_post_count;
  std::optional<int> author_trust_level;
};

// Everything recorded about one judged post, in one transaction.
struct Judgement {
  std::string post_id;
  std::string version;
  std::string author;
  std::string url;
  std::string excerpt;
  Verdict verdict;
  std::optional<std::string> cursor;  // when set, the cursor moves to it
  std::vector<NewAction> actions;
  bool local_review = false;  // also add the post to the local review queue
  PostContext context;        // kept with the review entry
  std::string actor = "modbot";
  // The post's fingerprint, remembered with the verdict; none when the text is too
  // short to fingerprint.
  std::optional<PostFingerprint> fingerprint;
  // The remembered posts that judged it (Recollection::matches), for an audit row
  // "memory".
  std::vector<std::string> memory_matches;
  // The learned model that judged it, for an audit row "model"; none without one.
  struct ModelUsed {
    int version = 0;
    std::optional<ModelSignal> signal;  // what it said, whether or not it counted
  };
  std::optional<ModelUsed> model;
};

struct OutboxEntry {
  int64_t id = 0;
  std::string post_id;
  ActionKind kind = ActionKind::kHide;
  std::string payload;
  int attempts = 0;  // attempts started before this one
  std::string last_error;
};

// A post in the local review queue, with the verdict that put it there.
struct ReviewItem {
  std::string post_id;
  std::string action;   // the bot's verdict: "review" or "hide"
  std::string clauses;  // space-separated clause ids
  std::string status;   // "open", "approved", "removed"
  std::string url;
  std::string excerpt;
  int64_t created_at = 0;
  std::string version;  // the version judged
  std::string author;
  std::string lang;
  std::vector<Reason> reasons;
  int64_t resolved_at = 0;  // 0 while open
  std::string resolved_by;
  std::string note;
  PostContext context;  // empty for posts queued before the store kept it
};

// A moderator's decision on a queued post, as the store records it.
struct ReviewDecision {
  std::string post_id;
  std::string version;  // the version the moderator saw: refused if it was re-judged since
  bool approve = false;
  std::string clause;  // the clause the decision is about, for the audit row
  std::string actor;
  std::string note;
  std::vector<NewAction> actions;  // queued only if the decision is recorded
};

enum class ReviewOutcome {
  kRecorded,
  kNotQueued,       // no such post in the review queue
  kAlreadyDecided,  // someone decided it first; nothing was changed
  kRejudged,        // the post was edited and judged again since the moderator looked
};

struct AuditEntry {
  std::string post_id;
  std::string event;  // "verdict", "hide", "review", "notify", "restore", "approve", "remove"
  std::string clause;
  std::string rule;
  std::string evidence;
  std::string actor = "modbot";
  std::string outcome;
};

// A post awaiting a decision taken on the forum.
struct AwaitedDecision {
  std::string post_id;
  std::string version;  // the version the bot acted on
  std::string action;   // what the bot did on the forum: "hide" or "review"
  int64_t since = 0;    // when that was done
};

// What the store knows of a judged post, for the notice of a removal.
struct JudgedPost {
  std::string post_id;
  std::string version;
  std::string author;
  std::string action;   // "allow", "review" or "hide"
  std::string clauses;  // space-separated clause ids
  std::string lang;
  std::string url;
  std::string excerpt;
};

// A decision read back from the forum, as the store records it.
struct ForumDecisionRecord {
  std::string post_id;
  std::string version;  // the watched version (AwaitedDecision::version)
  bool approve = false;
  std::string clause;
  std::string actor;    // the moderator
  std::string how;      // the forum's account of it, kept as the audit row's evidence
  std::vector<NewAction> actions;  // queued only if the decision is recorded
};

// What is waiting, for metrics: the outbox's pending actions, and the posts the
// bot hid or flagged on the forum that no one has decided yet (undecided
// forum_watch rows, however old).
struct StoreBacklog {
  int64_t pending = 0;
  std::optional<int64_t> oldest_created_at;  // millis
  int64_t awaiting_forum_decision = 0;
};

class Store {
 public:
  // Opens (creating if needed) the store at path. A new store's files (database,
  // -wal, -shm) get mode 0666 less the process's umask.
  static std::unique_ptr<Store> Open(const std::string& path, std::string* error);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // The poll cursor; "" before the first post.
  bool GetCursor(std::string* cursor, std::string* error);
  // Moves the cursor past posts judged already without moving it: pushed by a
  // webhook before the poll reached them, or recorded while an earlier post of the
  // batch waited for its author's facts.
  bool SetCursor(const std::string& cursor, std::string* error);

  // The version of post_id last judged, or nullopt if never judged.
  bool JudgedVersion(const std::string& post_id, std::optional<std::string>* version,
                     std::string* error);

  bool RecordJudgement(const Judgement& judgement, int64_t now, std::string* error);

  // Pending actions due at `now`: hides, flags and restores first, then notices,
  // each oldest first.
  bool DueActions(int64_t now, int limit, std::vector<OutboxEntry>* out, std::string* error);
  bool Backlog(StoreBacklog* out, std::string* error);
  // The earliest next_attempt_at of a pending action, if any.
  bool NextDue(std::optional<int64_t>* at, std::string* error);

  // The pending actions of one post due at `now`, in the same order.
  bool DueActionsFor(const std::string& post_id, int64_t now, std::vector<OutboxEntry>* out,
                     std::string* error);
  // How many actions of one post are pending: due or not, and a notice that waits
  // for its post's hide included.
  bool PendingActionCount(const std::string& post_id, int64_t* count, std::string* error);

  // Claims entry for one attempt: counts the attempt as started and pushes the
  // entry to retry_at in case the process dies during it. *claimed is false when
  // another process (the daemon, or `modbot review --now`) claimed it first.
  bool BeginAttempt(const OutboxEntry& entry, int64_t retry_at, bool* claimed,
                    std::string* error);
  // Outcome of an attempt. Each also writes the audit row.
  // With reached_forum, a hide or review flag the forum carried out starts a
  // forum_watch row (unless a person already decided the post).
  bool MarkDone(const OutboxEntry& entry, const std::string& outcome, int64_t now,
                std::string* error, bool reached_forum = false);
  bool MarkRetry(const OutboxEntry& entry, const std::string& reason, int64_t retry_at,
                 int64_t now, std::string* error);
  // A hide that fails for good takes the post's unsent notice with it: the post
  // stays up, so the notice would be untrue.
  bool MarkFailed(const OutboxEntry& entry, const std::string& reason, int64_t now,
                  std::string* error);
  // The post (or the user) is gone from the forum: nothing to do, nothing to retry.
  // A hide that finds its post gone takes the post's unsent notice with it: a
  // person deleted the post, and a notice that modbot hid it would be untrue.
  // Unlike MarkDone, a notice marked gone is not recorded as sent.
  bool MarkGone(const OutboxEntry& entry, const std::string& reason, int64_t now,
                std::string* error);

  bool Audit(const AuditEntry& entry, int64_t now, std::string* error);

  // The local review queue, oldest first.
  bool ListReview(bool open_only, std::vector<ReviewItem>* out, std::string* error);
  // The limit posts decided last, newest first (by the index review_decided).
  bool ListDecidedReview(size_t limit, std::vector<ReviewItem>* out, std::string* error);
  // One queued post, or nullopt when post_id was never queued.
  bool GetReview(const std::string& post_id, std::optional<ReviewItem>* out, std::string* error);
  // Records decision and queues its actions in one transaction, if and only if the
  // post is still open at the version the moderator saw: of two moderators deciding
  // the same post at once, exactly one is recorded and the other gets
  // kAlreadyDecided. Writes the audit row ("approve" or "remove", evidence = note).
  bool ResolveReview(const ReviewDecision& decision, int64_t now, ReviewOutcome* outcome,
                     std::string* error);

  // Posts whose forum action was done at or after not_before and that nobody has
  // decided yet, oldest first.
  bool AwaitedDecisions(int64_t not_before, std::vector<AwaitedDecision>* out,
                        std::string* error);
  // The current verdict of post_id, or nullopt when never judged.
  bool GetJudged(const std::string& post_id, std::optional<JudgedPost>* out, std::string* error);
  // Records a decision taken on the forum the way ResolveReview records one taken
  // in `modbot review` (audit row "approve"/"remove" with the moderator as actor,
  // the review entry resolved if there is an open one, actions queued), if and only
  // if the post's watch at that version is still open: kRecorded, or
  // kAlreadyDecided (decided before, here or on the forum: nothing changed), or
  // kRejudged (the post was judged again since).
  bool RecordForumDecision(const ForumDecisionRecord& decision, int64_t now,
                           ReviewOutcome* outcome, std::string* error);
  // Closes the watch of post_id at version without a decision: the post changed
  // on the forum (edited) and is judged again instead.
  bool SupersedeWatch(const std::string& post_id, const std::string& version, int64_t now,
                      std::string* error);

  sqlite3* db() const { return db_; }  // for tests and read-only reports

 private:
  explicit Store(sqlite3* db) : db_(db) {}
  bool Exec(const char* sql, std::string* error);
  // Brings a store written by an older modbot up to the current schema.
  bool Migrate(std::string* error);
  // Ends entry without it being carried out: its state, its last error, its audit
  // outcome; a hide takes its post's unsent notice with it ("cancelled: " +
  // notice_fate in the audit).
  bool Close(const OutboxEntry& entry, const char* state, const std::string& reason,
             const std::string& outcome, const std::string& notice_fate, int64_t now,
             std::string* error);

  sqlite3* db_;
};

// Milliseconds since the Unix epoch, now.
int64_t NowMillis();

}  // namespace modbot

#endif  // MODBOT_BOT_STORE_H_
