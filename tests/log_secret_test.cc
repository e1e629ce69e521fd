// The real daemon against the sample forum with a known API key: the key appears
// nowhere in what it logs (text or JSON, in good times and bad) nor in its store.
#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "tests/forum_fixture.h"
#include "tests/modbot_process.h"

namespace modbot {
namespace {

using testing::ForumFixture;
using testing::Modbot;
using testing::ReadFile;
using testing::Run;
using testing::TempDir;
using testing::WriteDaemonConfig;

// Every file of the store: the database, its WAL and shared memory.
std::string StoreBytes(const TempDir& dir) {
  std::string out;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path)) {
    if (entry.path().filename().string().rfind("modbot.db", 0) == 0) out += ReadFile(entry.path());
  }
  return out;
}

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> out;
  for (size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    out.push_back(nlohmann::json::parse(text.substr(start, end - start)));
  }
  return out;
}

TEST_CASE("the API key is in no log line and nowhere in the store", "[e2e][log]") {
  ForumFixture f;
  f.forum.SeedDemo();
  TempDir dir;
  // First a config with a mistake, refused before anything is logged.
  Run refused = Modbot({"run", "--config", WriteDaemonConfig(dir, f.url(), "[log]\nformat = 1\n"),
                        "--once"});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("modbot.toml:10:10: ") != std::string::npos);
  const std::string fixed = WriteDaemonConfig(dir, f.url());

  Run text = Modbot({"run", "--config", fixed, "--once"});
  INFO(text.err);
  REQUIRE(text.exit_code == 0);
  CHECK(text.err.find("modbot[info] post ") != std::string::npos);  // it did log verdicts

  // A flaky forum: errors are logged too.
  sample::Faults faults;
  faults.rate_500 = 0.3;
  faults.rate_truncate = 0.2;
  f.forum.SetFaults(faults);
  f.forum.AddPost(f.forum.AddTopic("Parks", "General"), "alice", "Buy cheap pills bit.ly/3xYzAbc");
  Run json = Modbot({"run", "--config", fixed, "--once", "--log-format", "json"});
  std::vector<nlohmann::json> records = JsonLines(json.err);
  REQUIRE_FALSE(records.empty());
  for (const nlohmann::json& r : records) {
    CHECK(r["time"].is_string());
    CHECK((r["level"] == "info" || r["level"] == "error"));
    CHECK(r["msg"].is_string());
  }

  for (const std::string* log : {&refused.err, &text.err, &text.out, &json.err, &json.out}) {
    CHECK(log->find(testing::kApiKey) == std::string::npos);
  }
  const std::string store = StoreBytes(dir);
  REQUIRE(store.size() > 4096);
  CHECK(store.find(testing::kApiKey) == std::string::npos);
}

TEST_CASE("a wrong API key is refused by the forum and never printed", "[e2e][log]") {
  ForumFixture f;
  f.forum.SeedDemo();
  TempDir dir;
  const std::string config = WriteDaemonConfig(dir, f.url());
  const std::string wrong = "wrong-key-77c1d0";
  std::ofstream(dir.File("key")) << wrong << "\n";
  Run run = Modbot({"run", "--config", config, "--once", "--log-format", "json"});
  CHECK(run.exit_code == 1);  // the forum refused the poll
  CHECK_FALSE(run.err.empty());
  CHECK(run.err.find(wrong) == std::string::npos);
  CHECK(StoreBytes(dir).find(wrong) == std::string::npos);
}

}  // namespace
}  // namespace modbot
