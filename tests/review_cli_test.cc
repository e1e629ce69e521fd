// `modbot review` as a moderator runs it: the real binary on a real store, and the
// sample forum for --now.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <fstream>

#include "bot/store.h"
#include "tests/forum_fixture.h"
#include "tests/modbot_process.h"

namespace modbot {
namespace {

using testing::ForumFixture;
using testing::Modbot;
using testing::Run;
using testing::TempDir;
using testing::WriteDaemonConfig;

void Queue(Store* store, const std::string& id, Action action, Clause clause,
           const std::string& evidence, const std::string& excerpt, int64_t at) {
  Judgement j;
  j.post_id = id;
  j.version = "1";
  j.author = "alice";
  j.url = "http://forum/t/parks/1/" + id;
  j.excerpt = excerpt;
  j.verdict.action = action;
  j.verdict.clauses = {clause};
  j.verdict.lang = "en";
  j.verdict.reasons = {{clause, "lexicon.test", 0.62, evidence}};
  j.local_review = true;
  std::string error;
  REQUIRE(store->RecordJudgement(j, at, &error));
}

long long Count(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  long long n = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return n;
}

struct Desk {
  TempDir dir;
  std::string config;
  std::string db = dir.File("modbot.db");

  explicit Desk(const std::string& forum_keys = "")
      : config(WriteDaemonConfig(dir, "http://127.0.0.1:9", "", forum_keys)) {
    std::string error;
    std::unique_ptr<Store> store = Store::Open(db, &error);
    REQUIRE(store);
    Queue(store.get(), "12", Action::kReview, Clause::kAbusive, "idiots", "You are all idiots at city hall", 2000);
    Queue(store.get(), "7", Action::kHide, Clause::kSpamLinks, "bit.ly/x", "Cheap pills bit.ly/x", 1000);
  }
  Run Review(std::vector<std::string> args) {
    args.insert(args.begin(), {"review", "--config", config});
    return Modbot(args);
  }
};

TEST_CASE("review list shows the queue oldest first; show explains one post", "[cli][review]") {
  Desk desk;
  Run list = desk.Review({"list"});
  INFO(list.err);
  REQUIRE(list.exit_code == 0);
  const size_t seven = list.out.find("\n7 "), twelve = list.out.find("\n12 ");
  REQUIRE(seven != std::string::npos);
  REQUIRE(twelve != std::string::npos);
  CHECK(seven < twelve);
  CHECK(list.out.find("spam_links") != std::string::npos);
  CHECK(list.out.find("0.62") != std::string::npos);
  CHECK(list.out.find("bit.ly/x") != std::string::npos);
  CHECK(list.out.find("You are all idiots") != std::string::npos);

  Run show = desk.Review({"show", "12"});
  REQUIRE(show.exit_code == 0);
  CHECK(show.out.find("post 12 (version 1) by alice") != std::string::npos);
  CHECK(show.out.find("principle 3, abusive") != std::string::npos);
  CHECK(show.out.find("lexicon.test") != std::string::npos);
  CHECK(show.out.find("status:  open") != std::string::npos);

  Run missing = desk.Review({"show", "99"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("post 99 is not in the review queue") != std::string::npos);
}

TEST_CASE("review approve and remove record the moderator, once", "[cli][review]") {
  Desk desk;
  Run approve = desk.Review({"--as", "anne", "approve", "7", "--note", "the link is the library's"});
  INFO(approve.err);
  REQUIRE(approve.exit_code == 0);
  CHECK(approve.out.find("post 7 approved by anne") != std::string::npos);
  CHECK(approve.out.find("1 forum action(s) queued") != std::string::npos);
  CHECK(Count(desk.db, "SELECT COUNT(*) FROM outbox WHERE post_id = '7' AND kind = 'restore'") == 1);

  setenv("USER", "marc", 1);  // no --as: the login name
  Run remove = desk.Review({"remove", "12", "--clause", "staff_harassment", "--note", "insults staff"});
  INFO(remove.err);
  REQUIRE(remove.exit_code == 0);
  CHECK(remove.out.find("post 12 removed by marc") != std::string::npos);
  // The notice counts too, though it waits for the hide before it can run.
  CHECK(remove.out.find("2 forum action(s) queued") != std::string::npos);
  CHECK(Count(desk.db, "SELECT COUNT(*) FROM review_queue WHERE post_id = '12' AND status = 'removed' "
                       "AND resolved_by = 'marc' AND note = 'insults staff'") == 1);
  CHECK(Count(desk.db, "SELECT COUNT(*) FROM outbox WHERE post_id = '12'") == 2);  // hide + notice

  Run again = desk.Review({"--as", "anne", "approve", "12"});
  CHECK(again.exit_code == 1);
  CHECK(again.err.find("post 12 was already removed by marc") != std::string::npos);
  CHECK(Count(desk.db, "SELECT COUNT(*) FROM outbox WHERE post_id = '12'") == 2);

  Run unknown = desk.Review({"--as", "anne", "remove", "404"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.find("post 404 is not in the review queue") != std::string::npos);

  Run list = desk.Review({"list"});
  CHECK(list.out.find("no post waits for review") != std::string::npos);
  Run all = desk.Review({"--all", "list"});
  CHECK(all.out.find("removed") != std::string::npos);
}

TEST_CASE("review refuses bad usage with exit 2 and changes nothing", "[cli][review]") {
  Desk desk;
  struct Row {
    std::vector<std::string> args;
    const char* stderr_has;
  };
  for (const Row& row : std::vector<Row>{
           {{"remove", "12", "--clause", "rudeness", "--as", "anne"}, "unknown clause 'rudeness'"},
           {{"approve", "12", "--clause", "abusive", "--as", "anne"}, "--clause applies to remove only"},
           {{"approve", "--as", "anne"}, "approve takes exactly one post ID"},
           {{"list", "12"}, "list takes no ID"},
           {{"ban", "12"}, "unknown review command 'ban'"},
           {{}, "say what to do"},
           {{"show", "12", "--note", "x"}, "--note applies to approve and remove only"},
           {{"remove", "12", "--as"}, "--as needs a value"},
       }) {
    Run run = desk.Review(row.args);
    INFO(run.err);
    CHECK(run.exit_code == 2);
    CHECK(run.err.find(row.stderr_has) != std::string::npos);
  }
  Run no_config = Modbot({"review", "list"});
  CHECK(no_config.exit_code == 2);
  CHECK(no_config.err.find("--config FILE is required") != std::string::npos);
  CHECK(Count(desk.db, "SELECT COUNT(*) FROM review_queue WHERE status != 'open'") == 0);
  CHECK(Count(desk.db, "SELECT COUNT(*) FROM outbox") == 0);

  TempDir empty;
  Run no_store = Modbot({"review", "--config", WriteDaemonConfig(empty, "http://127.0.0.1:9"), "list"});
  CHECK(no_store.exit_code == 1);
  CHECK(no_store.err.find("no store at") != std::string::npos);
}

TEST_CASE("review --now with the forum down leaves the hide and its notice pending",
          "[cli][review]") {
  Desk desk("retries = 0\n");  // its forum is 127.0.0.1:9, where nothing listens
  Run run = desk.Review({"--as", "anne", "--now", "remove", "12"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("2 forum action(s) still pending") != std::string::npos);
  CHECK(Count(desk.db, "SELECT COUNT(*) FROM outbox WHERE post_id = '12' AND state = 'pending'") == 2);
}

TEST_CASE("review --now carries the removal out on the forum at once", "[cli][review][e2e]") {
  ForumFixture f;
  f.forum.AddUser({"alice", 400, 2, 30});
  long long topic = f.forum.AddTopic("Parks", "General");
  f.forum.AddPost(topic, "alice", "The new playground is great.");
  f.forum.AddPost(topic, "alice", "You are all idiots at city hall");
  TempDir dir;
  const std::string config = WriteDaemonConfig(dir, f.url());
  {
    std::string error;
    std::unique_ptr<Store> store = Store::Open(dir.File("modbot.db"), &error);
    Queue(store.get(), "2", Action::kReview, Clause::kAbusive, "idiots", "You are all idiots at city hall", 1000);
  }
  Run run = Modbot({"review", "--config", config, "--as", "anne", "--now", "remove", "2"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("the forum has carried it out") != std::string::npos);
  CHECK(f.forum.Posts()[1].hidden);
  REQUIRE(f.forum.Messages().size() == 1);
  CHECK(f.forum.Messages()[0].recipient == "alice");
  CHECK(f.forum.Messages()[0].raw.find("Principle 3: ") != std::string::npos);
  CHECK(Count(dir.File("modbot.db"), "SELECT COUNT(*) FROM outbox WHERE state != 'done'") == 0);
}

}  // namespace
}  // namespace modbot
