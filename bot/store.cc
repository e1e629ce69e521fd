#include "bot/store.h"

#include <sqlite3.h>

#include <chrono>

#include <nlohmann/json.hpp>

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
  judged_at INTEGER NOT NULL
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
)sql";

// An outbox row may run unless it is a notice whose post is not hidden yet: an
// author is never told of a hide that has not happened (it may still be retrying,
// or have failed for good).
#define kReadyToRun                                                                 \
  "NOT (kind = 'notify' AND EXISTS (SELECT 1 FROM outbox AS hide "                  \
  "WHERE hide.post_id = outbox.post_id AND hide.kind = 'hide' AND hide.state != 'done'))"

// A prepared statement that finalizes itself. Bind indexes are 1-based.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) stmt_ = nullptr;
  }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& Bind(int i, const std::string& s) {
    if (stmt_) sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, int64_t v) {
    if (stmt_) sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE, or an error code.
  int Step() { return stmt_ ? sqlite3_step(stmt_) : SQLITE_ERROR; }
  // Runs a statement that returns no rows.
  bool Run(std::string* error) {
    int rc = Step();
    if (rc == SQLITE_DONE) return true;
    *error = sqlite3_errmsg(db_);
    return false;
  }
  std::string Text(int col) {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  int64_t Int(int col) { return sqlite3_column_int64(stmt_, col); }
  bool IsNull(int col) { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  bool Failed(int rc, std::string* error) {
    if (rc == SQLITE_ROW || rc == SQLITE_DONE) return false;
    *error = sqlite3_errmsg(db_);
    return true;
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless Commit() succeeds.
class Transaction {
 public:
  Transaction(sqlite3* db, std::string* error) : db_(db) {
    begun_ = Exec("BEGIN IMMEDIATE", error);
  }
  ~Transaction() {
    if (begun_ && !committed_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  bool ok() const { return begun_; }
  bool Commit(std::string* error) { return committed_ = Exec("COMMIT", error); }

 private:
  bool Exec(const char* sql, std::string* error) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
    *error = message ? message : "sqlite error";
    sqlite3_free(message);
    return false;
  }
  sqlite3* db_;
  bool begun_ = false;
  bool committed_ = false;
};

std::string ClauseList(const std::vector<Clause>& clauses) {
  std::string out;
  for (Clause c : clauses) {
    if (!out.empty()) out += ' ';
    out += ClauseId(c);
  }
  return out;
}

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

AuditEntry ActionAudit(const OutboxEntry& entry, std::string outcome) {
  AuditEntry audit;
  audit.post_id = entry.post_id;
  audit.event = std::string(ActionKindName(entry.kind));
  nlohmann::json payload = nlohmann::json::parse(entry.payload, nullptr, false);
  if (payload.is_object()) audit.clause = payload.value("clause", "");
  audit.outcome = std::move(outcome);
  return audit;
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
      !store->Exec(kSchema, error)) {
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

bool Store::GetCursor(std::string* cursor, std::string* error) {
  Stmt s(db_, "SELECT value FROM state WHERE key = 'cursor'");
  int rc = s.Step();
  if (s.Failed(rc, error)) return false;
  *cursor = rc == SQLITE_ROW ? s.Text(0) : "";
  return true;
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
            "url, judged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (post_id) DO UPDATE SET version = excluded.version, "
            "author = excluded.author, action = excluded.action, clauses = excluded.clauses, "
            "lang = excluded.lang, reasons = excluded.reasons, url = excluded.url, "
            "judged_at = excluded.judged_at")
           .Bind(1, j.post_id).Bind(2, j.version).Bind(3, j.author)
           .Bind(4, std::string(ActionName(v.action))).Bind(5, clauses).Bind(6, v.lang)
           .Bind(7, ReasonsJson(v.reasons)).Bind(8, j.url).Bind(9, now)
           .Run(error)) {
    return false;
  }
  for (const NewAction& action : j.actions) {
    if (!InsertAction(db_, j.post_id, j.version, action, now, error)) return false;
  }
  if (j.local_review &&
      !Stmt(db_,
            "INSERT INTO review_queue (post_id, action, clauses, url, excerpt, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (post_id) DO UPDATE SET "
            "action = excluded.action, clauses = excluded.clauses, excerpt = excluded.excerpt, "
            "status = 'open', resolved_at = NULL, resolved_by = NULL, note = NULL")
           .Bind(1, j.post_id).Bind(2, std::string(ActionName(v.action))).Bind(3, clauses)
           .Bind(4, j.url).Bind(5, j.excerpt).Bind(6, now)
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
  if (j.cursor &&
      !Stmt(db_,
            "INSERT INTO state (key, value) VALUES ('cursor', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
           .Bind(1, *j.cursor)
           .Run(error)) {
    return false;
  }
  return txn.Commit(error);
}

bool Store::DueActions(int64_t now, int limit, std::vector<OutboxEntry>* out,
                       std::string* error) {
  Stmt s(db_,
         "SELECT id, post_id, kind, payload, attempts, last_error FROM outbox "
         "WHERE state = 'pending' AND next_attempt_at <= ? AND " kReadyToRun " "
         // Under a request budget, taking posts down comes before telling authors.
         "ORDER BY kind = 'notify', id LIMIT ?");
  s.Bind(1, now).Bind(2, limit);
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

bool Store::NextDue(std::optional<int64_t>* at, std::string* error) {
  Stmt s(db_, "SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending' AND "
              kReadyToRun);
  int rc = s.Step();
  if (s.Failed(rc, error)) return false;
  *at = std::nullopt;
  if (rc == SQLITE_ROW && !s.IsNull(0)) *at = s.Int(0);
  return true;
}

bool Store::BeginAttempt(int64_t id, int64_t retry_at, std::string* error) {
  return Stmt(db_, "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?")
      .Bind(1, retry_at).Bind(2, id)
      .Run(error);
}

bool Store::MarkDone(const OutboxEntry& entry, const std::string& outcome, int64_t now,
                     std::string* error) {
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
  Transaction txn(db_, error);
  if (!txn.ok()) return false;
  if (!Stmt(db_, "UPDATE outbox SET state = 'failed', done_at = ?, last_error = ? WHERE id = ?")
           .Bind(1, now).Bind(2, reason).Bind(3, entry.id)
           .Run(error) ||
      !InsertAudit(db_, ActionAudit(entry, "failed: " + reason), now, error)) {
    return false;
  }
  // The post stays up, so its notice would be untrue.
  if (entry.kind == ActionKind::kHide &&
      !Stmt(db_, "UPDATE outbox SET state = 'failed', done_at = ?, last_error = ? "
                 "WHERE post_id = ? AND kind = 'notify' AND state = 'pending'")
           .Bind(1, now).Bind(2, "not sent: the hide failed").Bind(3, entry.post_id)
           .Run(error)) {
    return false;
  }
  return txn.Commit(error);
}

bool Store::Audit(const AuditEntry& entry, int64_t now, std::string* error) {
  return InsertAudit(db_, entry, now, error);
}

bool Store::ListReview(bool open_only, std::vector<ReviewItem>* out, std::string* error) {
  Stmt s(db_,
         open_only ? "SELECT post_id, action, clauses, status, url, excerpt, created_at "
                     "FROM review_queue WHERE status = 'open' ORDER BY created_at, post_id"
                   : "SELECT post_id, action, clauses, status, url, excerpt, created_at "
                     "FROM review_queue ORDER BY created_at, post_id");
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    out->push_back({s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), s.Int(6)});
  }
  return !s.Failed(rc, error);
}

bool Store::ResolveReview(const std::string& post_id, bool approve, const std::string& actor,
                          const std::string& note, int64_t now, std::string* error) {
  Transaction txn(db_, error);
  if (!txn.ok()) return false;
  Stmt find(db_,
            "SELECT r.action, r.clauses, v.version FROM review_queue r "
            "JOIN verdicts v USING (post_id) WHERE r.post_id = ?");
  find.Bind(1, post_id);
  int rc = find.Step();
  if (find.Failed(rc, error)) return false;
  if (rc != SQLITE_ROW) {
    *error = "post " + post_id + " is not in the review queue";
    return false;
  }
  const std::string action = find.Text(0), clauses = find.Text(1), version = find.Text(2);
  if (!Stmt(db_,
            "UPDATE review_queue SET status = ?, resolved_at = ?, resolved_by = ?, note = ? "
            "WHERE post_id = ?")
           .Bind(1, std::string(approve ? "approved" : "removed")).Bind(2, now).Bind(3, actor)
           .Bind(4, note).Bind(5, post_id)
           .Run(error)) {
    return false;
  }
  // Only a decision that differs from what the bot did needs the forum.
  if (approve && action == "hide") {
    if (!InsertAction(db_, post_id, version, {ActionKind::kRestore, "{}"}, now, error)) {
      return false;
    }
  } else if (!approve && action == "review") {
    nlohmann::json payload = {{"reason", "Removed by a moderator: " + clauses},
                              {"clause", clauses.substr(0, clauses.find(' '))}};
    if (!InsertAction(db_, post_id, version, {ActionKind::kHide, payload.dump()}, now, error)) {
      return false;
    }
  }
  AuditEntry audit{post_id, approve ? "approve" : "remove", clauses, "", note, actor, "queued"};
  if (!InsertAudit(db_, audit, now, error)) return false;
  return txn.Commit(error);
}

}  // namespace modbot
