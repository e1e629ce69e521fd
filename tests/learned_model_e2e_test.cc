// The per-forum model through the real binary: `modbot learn` on a store of
// scripted decisions, `config check`, `check` and `stats` with its model, and
// `modbot run` going on without a damaged model and taking a new one on SIGHUP.
#include <catch2/catch.hpp>

#include <signal.h>

#include "bot/learned_model.h"
#include "tests/forum_fixture.h"
#include "tests/modbot_process.h"
#include "tests/scripted_decisions.h"

namespace modbot {
namespace {

using testing::ForumFixture;
using testing::kFastPoll;
using testing::Modbot;
using testing::Occurrences;
using testing::Query;
using testing::ReadFile;
using testing::Run;
using testing::TempDir;
using testing::WaitFor;
using testing::WriteDaemonConfig;

TEST_CASE("learn e2e: refused, then trained, checked, used by check and stats",
          "[e2e][learn]") {
  TempDir dir;
  const std::string db = dir.File("modbot.db"), model = dir.File("forum.model");
  const std::string config = WriteDaemonConfig(
      dir, "http://127.0.0.1:9",
      "[policy]\nlearned_model = \"forum.model\"\nlearned_min_decisions = 60\n");
  std::string error;
  {
    std::unique_ptr<Store> store = Store::Open(db, &error);
    REQUIRE(store);
    testing::DecideScriptedPosts(store.get(), 10);
  }
  Run refused = Modbot({"learn", "--config", config});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err ==
        "modbot learn: 30 human decisions in the store, fewer than [policy] "
        "learned_min_decisions = 60: no model trained\n");
  CHECK_FALSE(std::filesystem::exists(model));
  Run missing = Modbot({"config", "check", config});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err == config + ": [policy] learned_model: " + model +
                           ": No such file or directory (modbot run judges without it)\n");

  {
    std::unique_ptr<Store> store = Store::Open(db, &error);
    REQUIRE(store);
    for (int n = 10; n < 30; ++n) {
      testing::DecidePost(store.get(), "i" + std::to_string(n), testing::InsultText(n),
                          Clause::kAbusive, false);
      testing::DecidePost(store.get(), "s" + std::to_string(n), testing::SpamText(n),
                          Clause::kSpamLinks, false);
      testing::DecidePost(store.get(), "q" + std::to_string(n), testing::QuestionText(n),
                          Clause::kAbusive, true);
    }
  }
  Run learned = Modbot({"learn", "--config", config});
  INFO(learned.err);
  REQUIRE(learned.exit_code == 0);
  CHECK(learned.out.find("model v1: trained on 90 human decisions (") == 0);
  CHECK(learned.out.find("clause                flagged  right  actual  precision  recall\n") !=
        std::string::npos);
  CHECK(learned.out.find("\nabusive ") != std::string::npos);
  CHECK(learned.out.find("\nspam_links ") != std::string::npos);
  CHECK(learned.out.find("written to " + model) != std::string::npos);
  CHECK(Query(db, "SELECT version || ' ' || decisions FROM learned_models") == "1 90");
  CHECK(Query(db, "SELECT held_out_precision FROM learned_models") == "1.0");

  Run ok = Modbot({"config", "check", config});
  CHECK(ok.exit_code == 0);

  // `check` shows the model's evidence.
  Run checked = Modbot({"check", "--config", config,
                        "You are a complete idiot and everyone here knows you are an idiot"});
  INFO(checked.out);
  CHECK(checked.out.find("model v1: abusive ") == 0);
  CHECK(checked.out.find("model.abusive") != std::string::npos);
  CHECK(checked.out.find("model v1\n") != std::string::npos);

  Run stats = Modbot({"stats", "--config", config});
  CHECK(stats.out.find("learned model v1: held-out precision 1.00 (") != std::string::npos);

  // A damaged model: reported, and `check` judges without it.
  std::string bytes = ReadFile(model);
  bytes[bytes.size() - 10] ^= 0x20;
  std::ofstream(model, std::ios::binary | std::ios::trunc) << bytes;
  Run damaged = Modbot({"config", "check", config});
  CHECK(damaged.exit_code == 1);
  CHECK(damaged.err.find("model v1 is damaged") != std::string::npos);
  Run without = Modbot({"check", "--config", config, "Bonjour, la piscine ouvre quand ?"});
  CHECK(without.exit_code == 0);
  CHECK(without.err.find("judged without the learned model") != std::string::npos);
}

TEST_CASE("learn e2e: run goes on without a damaged model and takes a new one on SIGHUP",
          "[e2e][learn][reload]") {
  ForumFixture f;
  f.forum.AddUser({"alice", 400, 2, 30});
  const long long topic = f.forum.AddTopic("Parks", "General");
  f.forum.AddPost(topic, "alice", "What time does the pool open on Saturday?");
  TempDir dir;
  const std::string db = dir.File("modbot.db"), log = dir.File("modbot.log");
  const std::string model = dir.File("forum.model");
  std::ofstream(model) << "modbot-learned-model 1 1 0123456789abcdef\ngarbage";
  const std::string config = WriteDaemonConfig(
      dir, f.url(), "[policy]\nlearned_model = \"forum.model\"\n", kFastPoll);
  pid_t pid = testing::SpawnModbot({"run", "--config", config}, log);
  auto count = [&](const char* sql) { return Query(db, sql); };
  REQUIRE(WaitFor([&] { return count("SELECT COUNT(*) FROM verdicts") == "1"; }));
  f.forum.AddPost(topic, "alice", "And on Sunday?");
  REQUIRE(WaitFor([&] { return count("SELECT COUNT(*) FROM verdicts") == "2"; }));
  // Logged once, at the load, not once a post; no post judged by a model.
  CHECK(Occurrences(ReadFile(log), "judging without the learned model") == 1);
  CHECK(count("SELECT COUNT(*) FROM audit WHERE event = 'model'") == "0");

  // A good model in its place, then SIGHUP.
  std::string error;
  REQUIRE(LearnedModel::Train(testing::InsultsAndQuestions(20), 2, &error)->Save(model, &error));
  REQUIRE(kill(pid, SIGHUP) == 0);
  REQUIRE(WaitFor(
      [&] { return ReadFile(log).find("learned model v2 loaded") != std::string::npos; }));
  f.forum.AddPost(topic, "alice",
                  "You are a complete moron and everyone here knows you are a moron");
  REQUIRE(WaitFor([&] { return count("SELECT COUNT(*) FROM verdicts") == "3"; }));
  CHECK(count("SELECT rule FROM audit WHERE event = 'model' AND post_id = '3'") == "model v2");
  CHECK(count("SELECT evidence FROM audit WHERE event = 'model' AND post_id = '3'")
            .rfind("abusive ", 0) == 0);
  CHECK(count("SELECT action FROM verdicts WHERE post_id = '3'") == "review");
  CHECK(count("SELECT reasons FROM verdicts WHERE post_id = '3'").find("\"model.abusive\"") !=
        std::string::npos);

  REQUIRE(kill(pid, SIGTERM) == 0);
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

}  // namespace
}  // namespace modbot
