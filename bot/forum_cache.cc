#include "bot/forum_cache.h"

#include <sqlite3.h>

#include "bot/sqlite_statement.h"

namespace modbot {

namespace {

constexpr int64_t kDayMillis = 24LL * 3600 * 1000;

// account_created is derived from the age the forum gave in whole days, so the
// age read back is the same whole number of days until a day has passed.
constexpr const char* kForumCacheSchema = R"sql(
CREATE TABLE IF NOT EXISTS author_facts (
  username        TEXT PRIMARY KEY COLLATE NOCASE,
  account_created INTEGER,  -- ms since the epoch; NULL: not known
  post_count      INTEGER,
  trust_level     INTEGER,
  fetched_at      INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS forum_requests (
  sent_at INTEGER NOT NULL  -- ms since the epoch
);
)sql";

int64_t Millis(ForumCache::WallClock::time_point at) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
}

}  // namespace

bool MigrateForumCache(sqlite3* db, std::string* error) {
  char* message = nullptr;
  if (sqlite3_exec(db, kForumCacheSchema, nullptr, nullptr, &message) == SQLITE_OK) return true;
  *error = message ? message : "sqlite error";
  sqlite3_free(message);
  return false;
}

bool ForumCache::LookUpAuthor(const std::string& username, std::chrono::milliseconds max_age,
                              int64_t now, ForumAuthor* author, bool* found,
                              std::string* error) {
  Stmt s(db_,
         "SELECT account_created, post_count, trust_level FROM author_facts "
         "WHERE username = ? AND fetched_at >= ?");
  s.Bind(1, username).Bind(2, now - max_age.count());
  const int rc = s.Step();
  if (s.Failed(rc, error)) return false;
  *found = rc == SQLITE_ROW;
  if (!*found) return true;
  author->username = username;
  author->account_age_days = std::nullopt;
  if (!s.IsNull(0)) author->account_age_days = static_cast<int>((now - s.Int(0)) / kDayMillis);
  author->post_count = s.OptionalInt(1);
  author->trust_level = s.OptionalInt(2);
  author->more_known = false;
  return true;
}

bool ForumCache::RememberAuthor(const ForumAuthor& author, int64_t now, std::string* error) {
  Stmt s(db_,
         "INSERT INTO author_facts (username, account_created, post_count, trust_level, "
         "fetched_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO UPDATE SET "
         "account_created = excluded.account_created, post_count = excluded.post_count, "
         "trust_level = excluded.trust_level, fetched_at = excluded.fetched_at");
  s.Bind(1, author.username);
  if (author.account_age_days) {
    s.Bind(2, now - static_cast<int64_t>(*author.account_age_days) * kDayMillis);
  } else {
    s.Bind(2, std::optional<int>());
  }
  return s.Bind(3, author.post_count).Bind(4, author.trust_level).Bind(5, now).Run(error);
}

bool ForumCache::LoadRequests(std::vector<WallClock::time_point>* sent, std::string* error) {
  sent->clear();
  Stmt s(db_, "SELECT sent_at FROM forum_requests ORDER BY sent_at");
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    sent->push_back(WallClock::time_point(std::chrono::milliseconds(s.Int(0))));
  }
  return !s.Failed(rc, error);
}

bool ForumCache::SaveRequests(const std::vector<WallClock::time_point>& sent,
                              std::string* error) {
  Transaction txn(db_, error);
  if (!txn.ok() || !Stmt(db_, "DELETE FROM forum_requests").Run(error)) return false;
  for (WallClock::time_point at : sent) {
    if (!Stmt(db_, "INSERT INTO forum_requests (sent_at) VALUES (?)")
             .Bind(1, Millis(at))
             .Run(error)) {
      return false;
    }
  }
  return txn.Commit(error);
}

}  // namespace modbot
