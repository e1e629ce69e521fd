#include "bot/webhook_queue.h"

#include "bot/sqlite_statement.h"

namespace modbot {

namespace {

constexpr const char* kWebhookSchema = R"sql(
CREATE TABLE IF NOT EXISTS webhook_events (
  event_id    TEXT PRIMARY KEY,
  received_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_events_age ON webhook_events (received_at);
CREATE TABLE IF NOT EXISTS webhook_queue (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  post_id TEXT NOT NULL UNIQUE,
  post    TEXT NOT NULL             -- the post object as the forum sent it
);
)sql";

}  // namespace

bool MigrateWebhookQueue(sqlite3* db, std::string* error) {
  char* message = nullptr;
  if (sqlite3_exec(db, kWebhookSchema, nullptr, nullptr, &message) == SQLITE_OK) return true;
  *error = message ? message : "sqlite error";
  sqlite3_free(message);
  return false;
}

bool QueueWebhookPost(sqlite3* db, const std::string& event_id, const std::string& post_id,
                      const std::string& post, int64_t now, bool* repeated, std::string* error) {
  Transaction txn(db, error);
  if (!txn.ok()) return false;
  const int64_t forget_before =
      now - std::chrono::duration_cast<std::chrono::milliseconds>(kWebhookEventMemory).count();
  if (!Stmt(db, "DELETE FROM webhook_events WHERE received_at < ?").Bind(1, forget_before).Run(error)) {
    return false;
  }
  Stmt remember(db, "INSERT INTO webhook_events (event_id, received_at) VALUES (?, ?) "
                    "ON CONFLICT (event_id) DO NOTHING");
  if (!remember.Bind(1, event_id).Bind(2, now).Run(error)) return false;
  *repeated = remember.Changes() == 0;
  if (!*repeated &&
      !Stmt(db, "INSERT OR REPLACE INTO webhook_queue (post_id, post) VALUES (?, ?)")
           .Bind(1, post_id)
           .Bind(2, post)
           .Run(error)) {
    return false;
  }
  return txn.Commit(error);
}

bool QueuedWebhookPosts(sqlite3* db, std::vector<QueuedPost>* out, std::string* error) {
  out->clear();
  Stmt s(db, "SELECT id, post_id, post FROM webhook_queue ORDER BY id");
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) out->push_back({s.Int(0), s.Text(1), s.Text(2)});
  return !s.Failed(rc, error);
}

bool DropWebhookPost(sqlite3* db, const QueuedPost& post, std::string* error) {
  return Stmt(db, "DELETE FROM webhook_queue WHERE id = ?").Bind(1, post.id).Run(error);
}

}  // namespace modbot
