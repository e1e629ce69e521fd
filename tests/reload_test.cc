// SIGHUP: the real `modbot run` takes a new config without losing its place, and
// refuses a broken one while the old one stays in force.
#include <catch2/catch.hpp>

#include <signal.h>

#include "tests/forum_fixture.h"
#include "tests/modbot_process.h"

namespace modbot {
namespace {

using testing::ForumFixture;
using testing::kFastPoll;
using testing::Query;
using testing::ReadFile;
using testing::TempDir;
using testing::WaitFor;
using testing::WriteDaemonConfig;

constexpr const char* kSealcoatRule =
    "[[rules]]\nname = \"sealcoat\"\nclause = \"commercial\"\nwords = [\"sealcoat\"]\n"
    "action = \"review\"\n";

TEST_CASE("SIGHUP reloads the config; a broken one is refused", "[e2e][reload]") {
  ForumFixture f;
  f.forum.AddUser({"alice", 400, 2, 30});
  const long long topic = f.forum.AddTopic("Driveways", "General");
  f.forum.AddPost(topic, "alice", "Sealcoat deals this week, who has tried them?");
  TempDir dir;
  const std::string db = dir.File("modbot.db"), log = dir.File("modbot.log");
  const std::string config = WriteDaemonConfig(dir, f.url(), "", kFastPoll);
  pid_t pid = testing::SpawnModbot({"run", "--config", config}, log);
  auto count = [&](const char* sql) { return Query(db, sql); };
  REQUIRE(WaitFor([&] { return count("SELECT COUNT(*) FROM verdicts") == "1"; }));
  CHECK(count("SELECT action FROM verdicts WHERE post_id = '1'") == "allow");

  // A config with a mistake: refused, named with file:line:col, and the daemon
  // goes on with the old one.
  WriteDaemonConfig(dir, f.url(), "[[rules]]\nname = \"x\"\nclause = \"rudeness\"\nwords = [\"a\"]\n", kFastPoll);
  REQUIRE(kill(pid, SIGHUP) == 0);
  REQUIRE(WaitFor([&] { return ReadFile(log).find("reload refused") != std::string::npos; }));
  INFO(ReadFile(log));
  CHECK(ReadFile(log).find(config + ":12:10: ") != std::string::npos);
  f.forum.AddPost(topic, "alice", "More sealcoat deals next week.");
  REQUIRE(WaitFor([&] { return count("SELECT COUNT(*) FROM verdicts") == "2"; }));
  CHECK(count("SELECT action FROM verdicts WHERE post_id = '2'") == "allow");

  // A good one: the new rule judges the next posts; nothing is judged again.
  WriteDaemonConfig(dir, f.url(), kSealcoatRule, kFastPoll);
  REQUIRE(kill(pid, SIGHUP) == 0);
  REQUIRE(WaitFor([&] { return ReadFile(log).find("reloaded the config") != std::string::npos; }));
  f.forum.AddPost(topic, "alice", "Sealcoat deals, last chance.");
  REQUIRE(WaitFor([&] { return count("SELECT COUNT(*) FROM verdicts") == "3"; }));
  CHECK(count("SELECT action FROM verdicts WHERE post_id = '3'") == "review");
  CHECK(count("SELECT COUNT(*) FROM audit WHERE event = 'verdict'") == "3");
  CHECK(count("SELECT value FROM state WHERE key = 'cursor'") == "3");

  REQUIRE(kill(pid, SIGTERM) == 0);
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(ReadFile(log).find(testing::kApiKey) == std::string::npos);
}

}  // namespace
}  // namespace modbot
