// What the daemon's end-to-end tests share, whatever the forum: a judge whose
// verdicts are known in advance, a way to count rows in the store, and the world a
// daemon runs in.
#ifndef MODBOT_TESTS_DAEMON_TEST_SUPPORT_H_
#define MODBOT_TESTS_DAEMON_TEST_SUPPORT_H_

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <memory>
#include <string>

#include "bot/daemon.h"
#include "bot/store.h"
#include "policy/post.h"
#include "policy/verdict.h"
#include "tests/forum_fixture.h"

namespace modbot::testing {

// Hides posts that say "SPAM", sends posts that say "RUDE" to review; a post that
// says "bonjour" is French.
inline Verdict KeywordJudge(const Post& post) {
  Verdict v;
  v.lang = post.body.own_text.find("bonjour") != std::string::npos ? "fr" : "en";
  if (post.body.own_text.find("SPAM") != std::string::npos) {
    v.action = Action::kHide;
    v.clauses = {Clause::kSpamLinks};
    v.reasons = {{Clause::kSpamLinks, "links.shortener", 0.97, "bit.ly/x"}};
  } else if (post.body.own_text.find("RUDE") != std::string::npos) {
    v.action = Action::kReview;
    v.clauses = {Clause::kAbusive};
    v.reasons = {{Clause::kAbusive, "lexicon.insult", 0.6, "rude"}};
  }
  return v;
}

inline long long Count(Store* store, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(store->db(), sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  long long n = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  return n;
}

// Runs sql on the SQLite file at path (created if need be) with no Store around
// it: to lay out a store as another modbot version left it.
inline void ExecOnFile(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  INFO(sql);
  CHECK(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

// A restart: a new connection to config's store and a new adapter.
template <typename Adapter>
void Restart(const DaemonConfig& config, std::unique_ptr<Store>* store,
             std::unique_ptr<Adapter>* forum) {
  store->reset();
  std::string error;
  *store = Store::Open(config.store_path, &error);
  REQUIRE(*store);
  *forum = std::make_unique<Adapter>(config.forum);
}

// A sample forum (Fixture: ForumFixture or PhpbbFixture) with two residents and
// three posts in one topic (plain, "SPAM" by benoit in French, "RUDE" by alice),
// its adapter, and a fresh store.
template <typename Fixture, typename Adapter>
struct DaemonWorld {
  Fixture f;
  TempDir dir;
  DaemonConfig config;
  std::unique_ptr<Store> store;
  std::unique_ptr<Adapter> forum;
  long long topic = 0;

  explicit DaemonWorld(ReviewRoute route = ReviewRoute::kBoth) {
    config.forum = f.Settings();
    config.review_route = route;
    config.store_path = dir.File("modbot.db");
    Reopen();
    f.forum.AddUser({"alice", 400, 2, 30});
    f.forum.AddUser({"benoit", 400, 2, 30});
    topic = f.forum.AddTopic("Parks", "General");
    f.forum.AddPost(topic, "alice", "The new playground is great.");
    f.forum.AddPost(topic, "benoit", "bonjour, SPAM SPAM bit.ly/x");
    f.forum.AddPost(topic, "alice", "You are RUDE and wrong.");
  }

  void Reopen() { Restart(config, &store, &forum); }

  // One pass of the daemon (a poll, then the outbox); whether the poll reached the forum.
  bool Step(bool dry_run = false) {
    Daemon daemon(config, forum.get(), store.get(), KeywordJudge, dry_run);
    bool forum_ok = false;
    std::string error;
    REQUIRE(daemon.Step(&forum_ok, &error));
    return forum_ok;
  }
};

}  // namespace modbot::testing

#endif  // MODBOT_TESTS_DAEMON_TEST_SUPPORT_H_
