// SIGTERM and SIGINT: the real `modbot run` says in its own log that it is
// stopping and why, then that it stopped and what it did, in both log formats.
#include <catch2/catch.hpp>

#include <signal.h>

#include <nlohmann/json.hpp>

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

constexpr const char* kVerdicts = "SELECT COUNT(*) FROM verdicts";

// Runs the daemon until `judged` (a query on the store) says `count`, sends it
// signal, and returns its log; the daemon must exit 0.
std::string RunUntilJudged(const TempDir& dir, const std::string& config, const char* judged,
                           const char* count, int signal,
                           const std::vector<std::string>& extra_args = {}) {
  const std::string log = dir.File(std::string("modbot-") + count + ".log");
  std::vector<std::string> args = {"run", "--config", config};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  pid_t pid = testing::SpawnModbot(args, log);
  const std::string db = dir.File("modbot.db");
  bool done = WaitFor([&] { return Query(db, judged) == count; });
  REQUIRE(kill(pid, signal) == 0);
  int status = 0;
  waitpid(pid, &status, 0);
  INFO(ReadFile(log));
  REQUIRE(done);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  return ReadFile(log);
}

TEST_CASE("SIGTERM and SIGINT: the daemon logs that it stops, and what it did", "[e2e][log]") {
  ForumFixture f;
  f.forum.AddUser({"alice", 400, 2, 30});
  const long long topic = f.forum.AddTopic("Parks", "General");
  f.forum.AddPost(topic, "alice", "The new playground is great.");
  f.forum.AddPost(topic, "alice", "Will the pool open in June?");
  TempDir dir;
  const std::string config = WriteDaemonConfig(dir, f.url(), "", kFastPoll);

  const std::string text = RunUntilJudged(dir, config, kVerdicts, "2", SIGTERM);
  INFO(text);
  // Text records end with their fields (" key=value").
  const size_t stopping = text.find(" modbot[info] stopping (SIGTERM) event=stopping");
  const size_t stopped = text.find(" modbot[info] stopped: 2 post(s) judged this run event=");
  CHECK(stopping != std::string::npos);
  CHECK(stopped != std::string::npos);
  CHECK(stopping < stopped);
  CHECK(text.find('\n', stopped) == text.size() - 1);  // the last line

  // Restarted: only the new post counts for this run.
  f.forum.AddPost(topic, "alice", "Thanks for the new benches.");
  const std::string json =
      RunUntilJudged(dir, config, kVerdicts, "3", SIGINT, {"--log-format", "json"});
  std::vector<nlohmann::json> records;
  for (size_t start = 0, end; (end = json.find('\n', start)) != std::string::npos;
       start = end + 1) {
    records.push_back(nlohmann::json::parse(json.substr(start, end - start)));
  }
  REQUIRE(records.size() >= 2);
  const nlohmann::json& before_last = records[records.size() - 2];
  CHECK(before_last["event"] == "stopping");
  CHECK(before_last["signal"] == "SIGINT");
  CHECK(before_last["msg"] == "stopping (SIGINT)");
  const nlohmann::json& last = records.back();
  CHECK(last["level"] == "info");
  CHECK(last["event"] == "stopped");
  CHECK(last["posts_judged"] == "1");
  CHECK(last["exit_code"] == "0");

  // A dry run judges too, though it records only audit rows.
  f.forum.AddPost(topic, "alice", "The library hours changed.");
  const std::string dry = RunUntilJudged(
      dir, config, "SELECT COUNT(*) FROM audit WHERE actor = 'modbot (dry run)'", "1", SIGTERM,
      {"--dry-run"});
  CHECK(dry.find(" modbot[info] stopped: 1 post(s) judged this run event=") != std::string::npos);
}

}  // namespace
}  // namespace modbot
