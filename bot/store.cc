#include "bot/store.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <utility>

#include <nlohmann/json.hpp>

#include "bot/clause_list.h"
#include "bot/forum_cache.h"
#include "bot/learned_model.h"
#include "bot/sqlite_statement.h"
#include "bot/webhook_queue.h"

namespace modbot {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS verdicts (
  post_id   TEXT PRIMARY KEY,
  version   TEXT NOT NULL,          -- the forum's version of the text judged
  author    TEXT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('allow', 'review', 'hide')),
  clauses   TEXT NOT NULL,          -- space-separated clause ids
  lang      TEXT NOT NULL,
  reasons   TEXT NOT NULL,          -- JSON array of {clause, rule, score, evidence}
  url       TEXT NOT NULL,
  judged_at INTEGER NOT NULL,
  excerpt   TEXT NOT NULL DEFAULT ''  -- the author's own words, cut short, for notices
);
CREATE TABLE IF NOT EXISTS outbox (
  id              INTEGER PRIMARY KEY,
  post_id         TEXT NOT NULL,
  version         TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('hide', 'review', 'notify', 'restore')),
  payload         TEXT NOT NULL,    -- JSON understood by the executor
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error      TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  done_at         INTEGER,
  UNIQUE (post_id, version, kind)
);
CREATE UNIQUE INDEX IF NOT EXISTS outbox_one_notice_per_post ON outbox (post_id)
  WHERE kind = 'notify';
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt_at);
CREATE TABLE IF NOT EXISTS notices_sent (
  post_id  TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  sent_at  INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS review_queue (
  post_id     TEXT PRIMARY KEY,
  action      TEXT NOT NULL CHECK (action IN ('review', 'hide')),
  clauses     TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'removed')),
  url         TEXT NOT NULL,
  excerpt     TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  resolved_at INTEGER,
  resolved_by TEXT,
  note        TEXT
);
CREATE INDEX IF NOT EXISTS review_decided ON review_queue (resolved_at) WHERE status <> 'open';
CREATE TABLE IF NOT EXISTS audit (
  id       INTEGER PRIMARY KEY,
  at       INTEGER NOT NULL,
  post_id  TEXT NOT NULL,
  event    TEXT NOT NULL,           -- verdict, hide, review, notify, restore, approve, remove
  clause   TEXT NOT NULL,
  rule     TEXT NOT NULL,
  evidence TEXT NOT NULL,
  actor    TEXT NOT NULL,
  outcome  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_post ON audit (post_id);
CREATE TABLE IF NOT EXISTS forum_watch (
  post_id    TEXT PRIMARY KEY,
  version    TEXT NOT NULL,         -- the version the bot acted on
  action     TEXT NOT NULL CHECK (action IN ('hide', 'review')),
  since      INTEGER NOT NULL,      -- when the forum carried the bot's action out
  decided_at INTEGER,               -- NULL while no one has decided
  decided_by TEXT,
  decision   TEXT CHECK (decision IN ('approved', 'removed', 'superseded'))
);
CREATE INDEX IF NOT EXISTS forum_watch_awaited ON forum_watch (since) WHERE decided_at IS NULL;
CREATE TABLE IF NOT EXISTS learned_models (  -- bot/learned_model_store.h
  version            INTEGER PRIMARY KEY,
  hash               TEXT NOT NULL,     -- FNV-1a 64 of the fastText bytes
  path               TEXT NOT NULL,
  decisions          INTEGER NOT NULL,  -- human decisions trained and tested on
  held_out           INTEGER NOT NULL,  -- of those, held out for the test
  held_out_precision REAL,              -- NULL: it flagged none of them
  trained_at         INTEGER NOT NULL
);
)sql";

// Starts watching the post of outbox row ?2 for a decision on the forum, done at ?1,
// unless a person already decided that post (locally, or on the forum at that
// version). A newer version's action replaces an older watch.
constexpr const char* kStartWatch =
    "INSERT INTO forum_watch (post_id, version, action, since) "
    "SELECT o.post_id, o.version, o.kind, ?1 FROM outbox o WHERE o.id = ?2 "
    "AND o.kind IN ('hide', 'review') "
    "AND NOT EXISTS (SELECT 1 FROM review_queue r WHERE r.post_id = o.post_id "
    "                AND r.status != 'open') "
    "AND NOT EXISTS (SELECT 1 FROM forum_watch w WHERE w.post_id = o.post_id "
    "                AND w.version = o.version) "
    "ON CONFLICT (post_id) DO UPDATE SET version = excluded.version, "
    "action = excluded.action, since = excluded.since, decided_at = NULL, "
    "decided_by = NULL, decision = NULL";

// Columns added after a table's first release, with their types. A store file from
// before gets them when opened; SQLite adds a column without rewriting the table.
struct AddedColumn {
  const char* table;
  const char* column;
  const char* type;
};
constexpr AddedColumn kAddedColumns[] = {
    // the author's own words, for the notice of a decision read back from the forum
    {"verdicts", "excerpt", "TEXT NOT NULL DEFAULT ''"},
    // the post in context, for the review console
    {"review_queue", "topic_title", "TEXT NOT NULL DEFAULT ''"},
    {"review_queue", "reply_to", "TEXT NOT NULL DEFAULT ''"},
    {"review_queue", "post_text", "TEXT NOT NULL DEFAULT ''"},
    {"review_queue", "author_age_days", "INTEGER"},
    {"review_queue", "author_post_count", "INTEGER"},
    {"review_queue", "author_trust_level", "INTEGER"},
};

// An outbox row may run unless it is a notice whose post is not hidden yet: an
// author is never told of a hide that has not happened (it may still be retrying,
// or have failed for good).
#define kReadyToRun                                                                 \
  "NOT (kind = 'notify' AND EXISTS (SELECT 1 FROM outbox AS hide "                  \
  "WHERE hide.post_id = outbox.post_id AND hide.kind = 'hide' AND hide.state != 'done'))"

std::string ReasonsJson(const std::vector<Reason>& reasons) {
  nlohmann::json out = nlohmann::json::array();
  for (const Reason& r : reasons) {
    out.push_back({{"clause", ClauseId(r.clause)},
                   {"rule", r.rule},
                   {"score", r.score},
                   {"evidence", r.evidence}});
  }
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool InsertAudit(sqlite3* db, const AuditEntry& e, int64_t now, std::string* error) {
  return Stmt(db,
              "INSERT INTO audit (at, post_id, event, clause, rule, evidence, actor, outcome) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .Bind(1, now).Bind(2, e.post_id).Bind(3, e.event).Bind(4, e.clause).Bind(5, e.rule)
      .Bind(6, e.evidence).Bind(7, e.actor).Bind(8, e.outcome)
      .Run(error);
}

bool InsertAction(sqlite3* db, const std::string& post_id, const std::string& version,
                  const NewAction& action, int64_t now, std::string* error) {
  // OR IGNORE: the same action for the same version, or a second notice for the
  // same post, is already queued or done.
  return Stmt(db,
              "INSERT OR IGNORE INTO outbox (post_id, version, kind, payload, next_attempt_at, "
              "created_at) VALUES (?, ?, ?, ?, ?, ?)")
      .Bind(1, post_id).Bind(2, version).Bind(3, std::string(ActionKindName(action.kind)))
      .Bind(4, action.payload).Bind(5, now).Bind(6, now)
      .Run(error);
}

// Closes the open watch of post_id (at version, when given). *closed (optional)
// says whether it was open.
bool CloseWatch(sqlite3* db, const std::string& post_id, const std::optional<std::string>& version,
                const std::string& decision, const std::string& actor, int64_t now,
                std::string* error, bool* closed = nullptr) {
  Stmt close(db, version ? "UPDATE forum_watch SET decided_at = ?, decided_by = ?, decision = ? "
                           "WHERE post_id = ? AND decided_at IS NULL AND version = ?"
                         : "UPDATE forum_watch SET decided_at = ?, decided_by = ?, decision = ? "
                           "WHERE post_id = ? AND decided_at IS NULL");
  close.Bind(1, now).Bind(2, actor).Bind(3, decision).Bind(4, post_id);
  if (version) close.Bind(5, *version);
  if (!close.Run(error)) return false;
  if (closed) *closed = close.Changes() == 1;
  return true;
}

// The columns ReadDue reads.
constexpr const char* kEntryColumns =
    "SELECT id, post_id, kind, payload, attempts, last_error FROM outbox ";

bool ReadDue(Stmt& s, std::vector<OutboxEntry>* out, std::string* error) {
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    OutboxEntry e;
    e.id = s.Int(0);
    e.post_id = s.Text(1);
    e.kind = ActionKindFromName(s.Text(2)).value_or(ActionKind::kHide);
    e.payload = s.Text(3);
    e.attempts = static_cast<int>(s.Int(4));
    e.last_error = s.Text(5);
    out->push_back(std::move(e));
  }
  return !s.Failed(rc, error);
}

AuditEntry ActionAudit(const OutboxEntry& entry, std::string outcome) {
  AuditEntry audit;
  audit.post_id = entry.post_id;
  audit.event = std::string(ActionKindName(entry.kind));
  nlohmann::json payload = nlohmann::json::parse(entry.payload, nullptr, false);
  if (payload.is_object()) audit.clause = payload.value("clause", "");
  audit.outcome = std::move(outcome);
  return audit;
}

// Marks the post's unsent notices as never to be sent, each with its audit row
// ("notify", outcome "cancelled: " + why).
bool CancelNotices(sqlite3* db, const std::string& post_id, const std::string& why, int64_t now,
                   std::string* error) {
  Stmt s(db, (std::string(kEntryColumns) +
             "WHERE post_id = ? AND kind = 'notify' AND state = 'pending'").c_str());
  s.Bind(1, post_id);
  std::vector<OutboxEntry> notices;
  if (!ReadDue(s, &notices, error)) return false;
  for (const OutboxEntry& notice : notices) {
    if (!Stmt(db, "UPDATE outbox SET state = 'failed', done_at = ?, last_error = ? WHERE id = ?")
             .Bind(1, now).Bind(2, "not sent: " + why).Bind(3, notice.id)
             .Run(error) ||
        !InsertAudit(db, ActionAudit(notice, "cancelled: " + why), now, error)) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string_view ActionKindName(ActionKind kind) {
  switch (kind) {
    case ActionKind::kHide: return "hide";
    case ActionKind::kReview: return "review";
    case ActionKind::kNotify: return "notify";
    case ActionKind::kRestore: return "restore";
  }
  return "hide";
}

std::optional<ActionKind> ActionKindFromName(std::string_view name) {
  for (ActionKind k : {ActionKind::kHide, ActionKind::kReview, ActionKind::kNotify,
                       ActionKind::kRestore}) {
    if (ActionKindName(k) == name) return k;
  }
  return std::nullopt;
}

int64_t NowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::unique_ptr<Store> Store::Open(const std::string& path, std::string* error) {
  // SQLite creates a new database 0644 whatever the umask allows, and gives the -wal
  // and -shm files the database's mode. Creating the file first with 0666 lets the
  // umask decide: under the unit's UMask=0007 the whole store is 0660, so moderators
  // in the service's group can record decisions with `modbot review`. A failure
  // here is reported by sqlite3_open_v2 just below.
  if (int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666); fd >= 0) {
    ::close(fd);
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    *error = path + ": " + (db ? sqlite3_errmsg(db) : "cannot open");
    sqlite3_close(db);
    return nullptr;
  }
  std::unique_ptr<Store> store(new Store(db));
  sqlite3_busy_timeout(db, 5000);  // `modbot review` may write while the daemon runs
  // WAL: readers never block the daemon. synchronous=FULL: a committed verdict
  // survives a power cut, so an action done after commit is never forgotten.
  if (!store->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
                   error) ||
      !store->Migrate(error)) {
    *error = path + ": " + *error;
    return nullptr;
  }
  return store;
}

Store::~Store() { sqlite3_close(db_); }

bool Store::Exec(const char* sql, std::string* error) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
  *error = message ? message : "sqlite error";
  sqlite3_free(message);
  return false;
}

namespace {

bool HasTable(sqlite3* db, const char* table, bool* has, std::string* error) {
  Stmt s(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  s.Bind(1, std::string(table));
  int rc = s.Step();
  if (s.Failed(rc, error)) return false;
  *has = rc == SQLITE_ROW;
  return true;
}

bool HasColumn(sqlite3* db, const char* table, const char* column, bool* has,
               std::string* error) {
  Stmt s(db, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
  s.Bind(1, std::string(table)).Bind(2, std::string(column));
  int rc = s.Step();
  if (s.Failed(rc, error)) return false;
  *has = rc == SQLITE_ROW;
  return true;
}

}  // namespace

bool Store::Migrate(std::string* error) {
  Transaction txn(db_, error);
  if (!txn.ok()) return false;
  bool had_verdicts = false, had_watch = false;
  if (!HasTable(db_, "verdicts", &had_verdicts, error) ||
      !HasTable(db_, "forum_watch", &had_watch, error) || !Exec(kSchema, error)) {
    return false;
  }
  for (const AddedColumn& added : kAddedColumns) {
    bool present = false;
    if (!HasColumn(db_, added.table, added.column, &present, error)) return false;
    const std::string sql = std::string("ALTER TABLE ") + added.table + " ADD COLUMN " +
                            added.column + " " + added.type;
    if (!present && !Exec(sql.c_str(), error)) return false;
  }
  if (!MigrateMemory(db_, error) || !MigrateWebhookQueue(db_, error) ||
      !MigrateForumCache(db_, error)) {
    return false;
  }
  if (had_verdicts && !had_watch) {
    // A store from before forum decisions were read back: watch what the forum
    // already did for the bot, as MarkDone would have.
    Stmt done(db_, "SELECT id, done_at FROM outbox WHERE state = 'done' "
                   "AND kind IN ('hide', 'review') ORDER BY id");
    int rc;
    while ((rc = done.Step()) == SQLITE_ROW) {
      if (!Stmt(db_, kStartWatch).Bind(1, done.Int(1)).Bind(2, done.Int(0)).Run(error)) {
        return false;
      }
    }
    if (done.Failed(rc, error)) return false;
  }
  return txn.Commit(error);
}

bool Store::GetCursor(std::string* cursor, std::string* error) {
  Stmt s(db_, "SELECT value FROM state WHERE key = 'cursor'");
  int rc = s.Step();
  if (s.Failed(rc, error)) return false;
  *cursor = rc == SQLITE_ROW ? s.Text(0) : "";
  return true;
}

bool Store::SetCursor(const std::string& cursor, std::string* error) {
  return Stmt(db_,
              "INSERT INTO state (key, value) VALUES ('cursor', ?) "
              "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .Bind(1, cursor)
      .Run(error);
}

bool Store::JudgedVersion(const std::string& post_id, std::optional<std::string>* version,
                          std::string* error) {
  Stmt s(db_, "SELECT version FROM verdicts WHERE post_id = ?");
  s.Bind(1, post_id);
  int rc = s.Step();
  if (s.Failed(rc, error)) return false;
  *version = rc == SQLITE_ROW ? std::optional<std::string>(s.Text(0)) : std::nullopt;
  return true;
}

bool Store::RecordJudgement(const Judgement& j, int64_t now, std::string* error) {
  Transaction txn(db_, error);
  if (!txn.ok()) return false;
  const Verdict& v = j.verdict;
  const std::string clauses = ClauseList(v.clauses);
  if (!Stmt(db_,
            "INSERT INTO verdicts (post_id, version, author, action, clauses, lang, reasons, "
            "url, judged_at, excerpt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (post_id) DO UPDATE SET version = excluded.version, "
            "author = excluded.author, action = excluded.action, clauses = excluded.clauses, "
            "lang = excluded.lang, reasons = excluded.reasons, url = excluded.url, "
            "judged_at = excluded.judged_at, excerpt = excluded.excerpt")
           .Bind(1, j.post_id).Bind(2, j.version).Bind(3, j.author)
           .Bind(4, std::string(ActionName(v.action))).Bind(5, clauses).Bind(6, v.lang)
           .Bind(7, ReasonsJson(v.reasons)).Bind(8, j.url).Bind(9, now).Bind(10, j.excerpt)
           .Run(error)) {
    return false;
  }
  for (const NewAction& action : j.actions) {
    if (!InsertAction(db_, j.post_id, j.version, action, now, error)) return false;
  }
  if (j.local_review &&
      !Stmt(db_,
            "INSERT INTO review_queue (post_id, action, clauses, url, excerpt, created_at, "
            "topic_title, reply_to, post_text, author_age_days, author_post_count, "
            "author_trust_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (post_id) DO UPDATE SET "
            "action = excluded.action, clauses = excluded.clauses, excerpt = excluded.excerpt, "
            "status = 'open', resolved_at = NULL, resolved_by = NULL, note = NULL, "
            "topic_title = excluded.topic_title, reply_to = excluded.reply_to, "
            "post_text = excluded.post_text, author_age_days = excluded.author_age_days, "
            "author_post_count = excluded.author_post_count, "
            "author_trust_level = excluded.author_trust_level")
           .Bind(1, j.post_id).Bind(2, std::string(ActionName(v.action))).Bind(3, clauses)
           .Bind(4, j.url).Bind(5, j.excerpt).Bind(6, now)
           .Bind(7, j.context.topic_title).Bind(8, j.context.reply_to).Bind(9, j.context.text)
           .Bind(10, j.context.author_account_age_days).Bind(11, j.context.author_post_count)
           .Bind(12, j.context.author_trust_level)
           .Run(error)) {
    return false;
  }
  AuditEntry audit{j.post_id, "verdict", "", "", "", j.actor,
                   std::string(ActionName(v.action)) + " (version " + j.version + ")"};
  if (!v.reasons.empty()) {
    audit.clause = std::string(ClauseId(v.reasons[0].clause));
    audit.rule = v.reasons[0].rule;
    audit.evidence = v.reasons[0].evidence;
  }
  if (!InsertAudit(db_, audit, now, error)) return false;
  if (j.fingerprint &&
      !RememberPost(db_, j.post_id, j.author, clauses, *j.fingerprint, now, error)) {
    return false;
  }
  if (j.fingerprint && !j.memory_matches.empty()) {
    std::string matches = "fingerprint " + FingerprintHex(j.fingerprint->bits) + " near";
    for (const std::string& match : j.memory_matches) matches += "; " + match;
    if (!InsertAudit(db_, {j.post_id, "memory", "", "", matches, j.actor, "recalled"}, now,
                     error)) {
      return false;
    }
  }
  if (j.model) {
    if (!InsertAudit(db_, {j.post_id, "model", "", "model v" + std::to_string(j.model->version),
                           SignalSummary(j.model->signal), j.actor, "judged"},
                     now, error)) {
      return false;
    }
  }
  if (j.cursor && !SetCursor(*j.cursor, error)) return false;
  return txn.Commit(error);
}

namespace {

// Pending actions due at a bound time, with an optional extra condition.
// Notices wait for the hides and flags: under a request budget, taking a post
// down comes before telling its author.
std::string DueQuery(const std::string& condition, const std::string& limit) {
  return std::string(kEntryColumns) +
         "WHERE state = 'pending' AND next_attempt_at <= ? AND " kReadyToRun " " +
         condition + " ORDER BY kind = 'notify', id " + limit;
}

}  // namespace

bool Store::DueActions(int64_t now, int limit, std::vector<OutboxEntry>* out,
                       std::string* error) {
  Stmt s(db_, DueQuery("", "LIMIT ?").c_str());
  s.Bind(1, now).Bind(2, limit);
  return ReadDue(s, out, error);
}

bool Store::DueActionsFor(const std::string& post_id, int64_t now, std::vector<OutboxEntry>* out,
                          std::string* error) {
  Stmt s(db_, DueQuery("AND post_id = ?", "").c_str());
  s.Bind(1, now).Bind(2, post_id);
  return ReadDue(s, out, error);
}

bool Store::PendingActionCount(const std::string& post_id, int64_t* count, std::string* error) {
  Stmt s(db_, "SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND post_id = ?");
  s.Bind(1, post_id);
  int rc = s.Step();
  if (s.Failed(rc, error)) return false;
  *count = s.Int(0);
  return true;
}

bool Store::Backlog(StoreBacklog* out, std::string* error) {
  Stmt s(db_, "SELECT COUNT(*), MIN(created_at), "
              "(SELECT COUNT(*) FROM forum_watch WHERE decided_at IS NULL) "
              "FROM outbox WHERE state = 'pending'");
  int rc = s.Step();
  if (s.Failed(rc, error)) return false;
  *out = {s.Int(0), s.IsNull(1) ? std::nullopt : std::optional<int64_t>(s.Int(1)), s.Int(2)};
  return true;
}

bool Store::NextDue(std::optional<int64_t>* at, std::string* error) {
  Stmt s(db_, "SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending' AND "
              kReadyToRun);
  int rc = s.Step();
  if (s.Failed(rc, error)) return false;
  *at = std::nullopt;
  if (rc == SQLITE_ROW && !s.IsNull(0)) *at = s.Int(0);
  return true;
}

bool Store::BeginAttempt(const OutboxEntry& entry, int64_t retry_at, bool* claimed,
                         std::string* error) {
  Stmt claim(db_,
             "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? "
             "WHERE id = ? AND attempts = ? AND state = 'pending'");
  claim.Bind(1, retry_at).Bind(2, entry.id).Bind(3, static_cast<int64_t>(entry.attempts));
  if (!claim.Run(error)) return false;
  *claimed = claim.Changes() == 1;
  return true;
}

bool Store::MarkDone(const OutboxEntry& entry, const std::string& outcome, int64_t now,
                     std::string* error, bool reached_forum) {
  Transaction txn(db_, error);
  if (!txn.ok()) return false;
  if (!Stmt(db_, "UPDATE outbox SET state = 'done', done_at = ?, last_error = '' WHERE id = ?")
           .Bind(1, now).Bind(2, entry.id)
           .Run(error)) {
    return false;
  }
  if (entry.kind == ActionKind::kNotify) {
    nlohmann::json payload = nlohmann::json::parse(entry.payload, nullptr, false);
    std::string username = payload.is_object() ? payload.value("username", "") : "";
    // Plain INSERT: a second notice for a post would violate the primary key, and
    // the transaction would fail loudly rather than record it.
    if (!Stmt(db_, "INSERT INTO notices_sent (post_id, username, sent_at) VALUES (?, ?, ?)")
             .Bind(1, entry.post_id).Bind(2, username).Bind(3, now)
             .Run(error)) {
      return false;
    }
  }
  if (reached_forum && !Stmt(db_, kStartWatch).Bind(1, now).Bind(2, entry.id).Run(error)) {
    return false;
  }
  if (!InsertAudit(db_, ActionAudit(entry, outcome), now, error)) return false;
  return txn.Commit(error);
}

bool Store::MarkRetry(const OutboxEntry& entry, const std::string& reason, int64_t retry_at,
                      int64_t now, std::string* error) {
  Transaction txn(db_, error);
  if (!txn.ok()) return false;
  if (!Stmt(db_, "UPDATE outbox SET next_attempt_at = ?, last_error = ? WHERE id = ?")
           .Bind(1, retry_at).Bind(2, reason).Bind(3, entry.id)
           .Run(error) ||
      !InsertAudit(db_, ActionAudit(entry, "retry: " + reason), now, error)) {
    return false;
  }
  return txn.Commit(error);
}

bool Store::MarkFailed(const OutboxEntry& entry, const std::string& reason, int64_t now,
                       std::string* error) {
  return Close(entry, "failed", reason, "failed: " + reason, "the hide failed", now, error);
}

bool Store::MarkGone(const OutboxEntry& entry, const std::string& reason, int64_t now,
                     std::string* error) {
  return Close(entry, "done", reason, "gone: " + reason,
               "the post was deleted on the forum, not hidden by modbot", now, error);
}

bool Store::Close(const OutboxEntry& entry, const char* state, const std::string& reason,
                  const std::string& outcome, const std::string& notice_fate, int64_t now,
                  std::string* error) {
  Transaction txn(db_, error);
  if (!txn.ok()) return false;
  if (!Stmt(db_, "UPDATE outbox SET state = ?, done_at = ?, last_error = ? WHERE id = ?")
           .Bind(1, std::string(state)).Bind(2, now).Bind(3, reason).Bind(4, entry.id)
           .Run(error) ||
      !InsertAudit(db_, ActionAudit(entry, outcome), now, error)) {
    return false;
  }
  if (entry.kind == ActionKind::kHide &&
      !CancelNotices(db_, entry.post_id, notice_fate, now, error)) {
    return false;
  }
  return txn.Commit(error);
}

bool Store::Audit(const AuditEntry& entry, int64_t now, std::string* error) {
  return InsertAudit(db_, entry, now, error);
}

namespace {

constexpr const char* kReviewColumns =
    "SELECT r.post_id, r.action, r.clauses, r.status, r.url, r.excerpt, r.created_at, "
    "v.version, v.author, v.lang, v.reasons, COALESCE(r.resolved_at, 0), "
    "COALESCE(r.resolved_by, ''), COALESCE(r.note, ''), r.topic_title, r.reply_to, "
    "r.post_text, r.author_age_days, r.author_post_count, r.author_trust_level "
    "FROM review_queue r JOIN verdicts v USING (post_id) ";

std::vector<Reason> ReasonsFromJson(const std::string& text) {
  std::vector<Reason> out;
  nlohmann::json reasons = nlohmann::json::parse(text, nullptr, false);
  if (!reasons.is_array()) return out;
  for (const nlohmann::json& r : reasons) {
    if (!r.is_object()) continue;
    std::optional<Clause> clause = ClauseFromId(r.value("clause", ""));
    if (!clause) continue;
    out.push_back({*clause, r.value("rule", ""), r.value("score", 0.0), r.value("evidence", "")});
  }
  return out;
}

ReviewItem ReadReviewItem(Stmt& s) {
  return {s.Text(0), s.Text(1), s.Text(2),  s.Text(3),  s.Text(4),
          s.Text(5), s.Int(6),  s.Text(7),  s.Text(8),  s.Text(9),
          ReasonsFromJson(s.Text(10)), s.Int(11), s.Text(12), s.Text(13),
          {s.Text(14), s.Text(15), s.Text(16), s.OptionalInt(17), s.OptionalInt(18),
           s.OptionalInt(19)}};
}

}  // namespace

bool Store::ListReview(bool open_only, std::vector<ReviewItem>* out, std::string* error) {
  const std::string sql = std::string(kReviewColumns) +
                          (open_only ? "WHERE r.status = 'open' " : "") +
                          "ORDER BY r.created_at, r.post_id";
  Stmt s(db_, sql.c_str());
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) out->push_back(ReadReviewItem(s));
  return !s.Failed(rc, error);
}

bool Store::ListDecidedReview(size_t limit, std::vector<ReviewItem>* out, std::string* error) {
  const std::string sql = std::string(kReviewColumns) +
                          "WHERE r.status <> 'open' "
                          "ORDER BY r.resolved_at DESC, r.post_id DESC LIMIT ?";
  Stmt s(db_, sql.c_str());
  s.Bind(1, static_cast<int64_t>(limit));
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) out->push_back(ReadReviewItem(s));
  return !s.Failed(rc, error);
}

bool Store::GetReview(const std::string& post_id, std::optional<ReviewItem>* out,
                      std::string* error) {
  const std::string sql = std::string(kReviewColumns) + "WHERE r.post_id = ?";
  Stmt s(db_, sql.c_str());
  s.Bind(1, post_id);
  int rc = s.Step();
  if (s.Failed(rc, error)) return false;
  *out = rc == SQLITE_ROW ? std::optional<ReviewItem>(ReadReviewItem(s)) : std::nullopt;
  return true;
}

bool Store::ResolveReview(const ReviewDecision& d, int64_t now, ReviewOutcome* outcome,
                          std::string* error) {
  Transaction txn(db_, error);
  if (!txn.ok()) return false;
  std::optional<ReviewItem> item;
  if (!GetReview(d.post_id, &item, error)) return false;
  if (!item) {
    *outcome = ReviewOutcome::kNotQueued;
    return true;
  }
  if (item->version != d.version) {
    *outcome = ReviewOutcome::kRejudged;
    return true;
  }
  // The status test is in the UPDATE itself: whatever was read before, only one
  // decision can turn an open post into a decided one.
  Stmt update(db_,
              "UPDATE review_queue SET status = ?, resolved_at = ?, resolved_by = ?, note = ? "
              "WHERE post_id = ? AND status = 'open'");
  update.Bind(1, std::string(d.approve ? "approved" : "removed")).Bind(2, now).Bind(3, d.actor)
      .Bind(4, d.note).Bind(5, d.post_id);
  if (!update.Run(error)) return false;
  if (update.Changes() == 0) {
    *outcome = ReviewOutcome::kAlreadyDecided;
    return true;
  }
  if (!CloseWatch(db_, d.post_id, std::nullopt, d.approve ? "approved" : "removed", d.actor,
                  now, error) ||
      !RememberDecision(db_, d.post_id, d.approve, d.clause, d.actor, now, error)) {
    return false;
  }
  for (const NewAction& action : d.actions) {
    if (!InsertAction(db_, d.post_id, d.version, action, now, error)) return false;
  }
  AuditEntry audit{d.post_id, d.approve ? "approve" : "remove", d.clause, "", d.note, d.actor,
                   d.approve ? "approved" : "removed"};
  if (!InsertAudit(db_, audit, now, error) || !txn.Commit(error)) return false;
  *outcome = ReviewOutcome::kRecorded;
  return true;
}

bool Store::AwaitedDecisions(int64_t not_before, std::vector<AwaitedDecision>* out,
                             std::string* error) {
  Stmt s(db_, "SELECT post_id, version, action, since FROM forum_watch "
              "WHERE decided_at IS NULL AND since >= ? ORDER BY since, post_id");
  s.Bind(1, not_before);
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    out->push_back({s.Text(0), s.Text(1), s.Text(2), s.Int(3)});
  }
  return !s.Failed(rc, error);
}

bool Store::GetJudged(const std::string& post_id, std::optional<JudgedPost>* out,
                      std::string* error) {
  Stmt s(db_, "SELECT post_id, version, author, action, clauses, lang, url, excerpt "
              "FROM verdicts WHERE post_id = ?");
  s.Bind(1, post_id);
  int rc = s.Step();
  if (s.Failed(rc, error)) return false;
  *out = std::nullopt;
  if (rc == SQLITE_ROW) {
    *out = JudgedPost{s.Text(0), s.Text(1), s.Text(2), s.Text(3),
                      s.Text(4), s.Text(5), s.Text(6), s.Text(7)};
  }
  return true;
}

bool Store::RecordForumDecision(const ForumDecisionRecord& d, int64_t now,
                                ReviewOutcome* outcome, std::string* error) {
  Transaction txn(db_, error);
  if (!txn.ok()) return false;
  std::optional<std::string> judged;
  if (!JudgedVersion(d.post_id, &judged, error)) return false;
  if (judged != d.version) {
    *outcome = ReviewOutcome::kRejudged;
    return true;
  }
  const std::string status = d.approve ? "approved" : "removed";
  bool closed = false;
  if (!CloseWatch(db_, d.post_id, d.version, status, d.actor, now, error, &closed)) return false;
  if (!closed) {
    *outcome = ReviewOutcome::kAlreadyDecided;
    return true;
  }
  // A review entry someone already decided would have closed the watch; an open
  // one is decided here, so that `modbot review` shows who decided it and where.
  Stmt update(db_,
              "UPDATE review_queue SET status = ?, resolved_at = ?, resolved_by = ?, note = ? "
              "WHERE post_id = ? AND status = 'open'");
  update.Bind(1, status).Bind(2, now).Bind(3, d.actor).Bind(4, d.how).Bind(5, d.post_id);
  if (!update.Run(error) ||
      !RememberDecision(db_, d.post_id, d.approve, d.clause, d.actor, now, error)) {
    return false;
  }
  for (const NewAction& action : d.actions) {
    if (!InsertAction(db_, d.post_id, d.version, action, now, error)) return false;
  }
  AuditEntry audit{d.post_id, d.approve ? "approve" : "remove", d.clause, "", d.how, d.actor,
                   status + " on the forum"};
  if (!InsertAudit(db_, audit, now, error) || !txn.Commit(error)) return false;
  *outcome = ReviewOutcome::kRecorded;
  return true;
}

bool Store::SupersedeWatch(const std::string& post_id, const std::string& version, int64_t now,
                           std::string* error) {
  return CloseWatch(db_, post_id, version, "superseded", "modbot", now, error);
}

}  // namespace modbot
