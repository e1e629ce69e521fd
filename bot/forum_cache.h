// ForumCache: what the daemon keeps of the forum across restarts, in the store's
// SQLite file.
//
//   author_facts    an author's facts as the forum last told them (Forum::AuthorFacts),
//                   so that a restart does not fetch every pending author again
//   forum_requests  when the adapter's recent requests went out, so that a restarted
//                   pacer counts them as the forum's own limiter still does
//
// Both are caches: losing them costs requests, never correctness.
#ifndef MODBOT_BOT_FORUM_CACHE_H_
#define MODBOT_BOT_FORUM_CACHE_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "adapters/forum.h"

struct sqlite3;

namespace modbot {

// Creates the cache's tables when missing (called by Store::Open).
bool MigrateForumCache(sqlite3* db, std::string* error);

class ForumCache {
 public:
  using WallClock = std::chrono::system_clock;

  explicit ForumCache(sqlite3* db) : db_(db) {}

  // When username's facts were fetched within max_age of now (ms since the epoch),
  // fills *author with them (account age moved on to now) and sets *found.
  bool LookUpAuthor(const std::string& username, std::chrono::milliseconds max_age, int64_t now,
                    ForumAuthor* author, bool* found, std::string* error);
  // Keeps author's facts as fetched at now; replaces what was kept of that user.
  bool RememberAuthor(const ForumAuthor& author, int64_t now, std::string* error);

  // The request times kept by SaveRequests, oldest first.
  bool LoadRequests(std::vector<WallClock::time_point>* sent, std::string* error);
  // Keeps exactly `sent` (the adapter's recent requests) in place of what was kept.
  bool SaveRequests(const std::vector<WallClock::time_point>& sent, std::string* error);

 private:
  sqlite3* db_;
};

}  // namespace modbot

#endif  // MODBOT_BOT_FORUM_CACHE_H_
