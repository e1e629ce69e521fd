// A store written by an older modbot opens with the current schema, and what the
// forum already did for the bot is watched for decisions taken there.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "bot/store.h"
#include "tests/daemon_test_support.h"
#include "tests/forum_fixture.h"

namespace modbot {
namespace {

// The tables as modbot wrote them before verdicts.excerpt and forum_watch.
constexpr const char* kOldSchema = R"sql(
CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE verdicts (post_id TEXT PRIMARY KEY, version TEXT NOT NULL, author TEXT NOT NULL,
  action TEXT NOT NULL, clauses TEXT NOT NULL, lang TEXT NOT NULL, reasons TEXT NOT NULL,
  url TEXT NOT NULL, judged_at INTEGER NOT NULL);
CREATE TABLE outbox (id INTEGER PRIMARY KEY, post_id TEXT NOT NULL, version TEXT NOT NULL,
  kind TEXT NOT NULL, payload TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL,
  last_error TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, done_at INTEGER,
  UNIQUE (post_id, version, kind));
CREATE TABLE review_queue (post_id TEXT PRIMARY KEY, action TEXT NOT NULL, clauses TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open', url TEXT NOT NULL, excerpt TEXT NOT NULL,
  created_at INTEGER NOT NULL, resolved_at INTEGER, resolved_by TEXT, note TEXT);
INSERT INTO verdicts VALUES ('7', 'v1', 'alice', 'hide', 'spam_links', 'en', '[]', 'u', 1000);
INSERT INTO verdicts VALUES ('8', 'v1', 'alice', 'review', 'abusive', 'en', '[]', 'u', 1000);
INSERT INTO verdicts VALUES ('9', 'v1', 'alice', 'review', 'abusive', 'en', '[]', 'u', 1000);
INSERT INTO outbox (post_id, version, kind, payload, state, next_attempt_at, created_at, done_at)
  VALUES ('7', 'v1', 'hide', '{}', 'done', 1000, 1000, 1100),
         ('8', 'v1', 'review', '{}', 'done', 1000, 1000, 1200),
         ('9', 'v1', 'review', '{}', 'done', 1000, 1000, 1300),
         ('7', 'v1', 'notify', '{}', 'done', 1000, 1000, 1400);
INSERT INTO review_queue VALUES ('9', 'review', 'abusive', 'approved', 'u', 'x', 1000, 1500,
  'mod_anne', '');
)sql";

TEST_CASE("an older store gains verdicts.excerpt and watches the forum's earlier actions",
          "[store]") {
  testing::TempDir dir;
  const std::string path = dir.File("old.db");
  testing::ExecOnFile(path, kOldSchema);
  std::string error;
  std::unique_ptr<Store> store = Store::Open(path, &error);
  REQUIRE(store);
  std::optional<JudgedPost> judged;
  REQUIRE(store->GetJudged("7", &judged, &error));
  CHECK(judged->excerpt.empty());
  std::vector<AwaitedDecision> awaited;
  REQUIRE(store->AwaitedDecisions(0, &awaited, &error));
  // 7 hidden and 8 flagged are awaited; 9 was decided locally already.
  REQUIRE(awaited.size() == 2);
  CHECK(awaited[0].post_id == "7");
  CHECK(awaited[0].action == "hide");
  CHECK(awaited[0].since == 1100);
  CHECK(awaited[1].post_id == "8");

  // Opening it again changes nothing.
  store.reset();
  store = Store::Open(path, &error);
  REQUIRE(store);
  CHECK(testing::Count(store.get(), "SELECT COUNT(*) FROM forum_watch") == 2);
}

}  // namespace
}  // namespace modbot
