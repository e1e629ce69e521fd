// `modbot audit` and `modbot stats` on a seeded store, through the real binary.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "bot/iso_time.h"
#include "bot/review_decision.h"
#include "bot/store.h"
#include "tests/modbot_process.h"

namespace modbot {
namespace {

using testing::Modbot;
using testing::Run;
using testing::TempDir;
using testing::WriteDaemonConfig;

constexpr const char* kForum = "https://forum.example.org";

int64_t At(const char* iso) { return *ParseIsoTime(iso, DateBound::kStart); }

// May 1st: a hide (restored by anne on May 2nd); May 3rd: a review, removed by marc.
struct History {
  TempDir dir;
  std::string config = WriteDaemonConfig(dir, kForum);

  History() {
    std::string error;
    std::unique_ptr<Store> store = Store::Open(dir.File("modbot.db"), &error);
    REQUIRE(store);
    Record(store.get(), "1", Action::kHide, Clause::kSpamLinks, "bit.ly/x, \"free\"", At("2026-05-01T10:00:00Z"));
    Record(store.get(), "2", Action::kReview, Clause::kAbusive, "idiots", At("2026-05-03T10:00:00Z"));
    Decide(store.get(), "1", true, "anne", At("2026-05-02T09:00:00Z"));
    Decide(store.get(), "2", false, "marc", At("2026-05-03T11:00:00Z"));
  }
  static void Record(Store* store, const std::string& id, Action action, Clause clause,
                     const std::string& evidence, int64_t at) {
    Judgement j;
    j.post_id = id;
    j.version = "1";
    j.author = "alice";
    j.verdict.action = action;
    j.verdict.clauses = {clause};
    j.verdict.lang = "en";
    j.verdict.reasons = {{clause, "lexicon.test", 0.9, evidence}};
    j.local_review = true;
    std::string error;
    REQUIRE(store->RecordJudgement(j, at, &error));
  }
  static void Decide(Store* store, const std::string& id, bool approve, const std::string& who,
                     int64_t at) {
    ReviewOutcome outcome;
    std::string error;
    REQUIRE(DecideReview(store, {false, {}}, {id, approve, who, std::nullopt, "checked"}, at,
                         &outcome, &error));
    REQUIRE(outcome == ReviewOutcome::kRecorded);
  }
};

TEST_CASE("audit writes every event as RFC 4180 CSV", "[cli][audit]") {
  History h;
  Run run = Modbot({"audit", "--config", h.config});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out ==
        "time,forum,post,author,event,clause,rule,evidence,actor,outcome\r\n"
        "2026-05-01T10:00:00Z,https://forum.example.org,1,alice,verdict,spam_links,lexicon.test,"
        "\"bit.ly/x, \"\"free\"\"\",modbot,hide (version 1)\r\n"
        "2026-05-02T09:00:00Z,https://forum.example.org,1,alice,approve,spam_links,,checked,anne,approved\r\n"
        "2026-05-03T10:00:00Z,https://forum.example.org,2,alice,verdict,abusive,lexicon.test,idiots,"
        "modbot,review (version 1)\r\n"
        "2026-05-03T11:00:00Z,https://forum.example.org,2,alice,remove,abusive,,checked,marc,removed\r\n");
}

TEST_CASE("audit --since/--until select a range; --format json", "[cli][audit]") {
  History h;
  Run day = Modbot({"audit", "--config", h.config, "--since", "2026-05-02", "--until", "2026-05-02",
                    "--format", "json"});
  INFO(day.err);
  REQUIRE(day.exit_code == 0);
  nlohmann::json rows = nlohmann::json::parse(day.out);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["actor"] == "anne");
  CHECK(rows[0]["event"] == "approve");
  CHECK(rows[0]["post"] == "1");

  Run from = Modbot({"audit", "--config", h.config, "--since", "2026-05-03T10:30:00+00:00",
                     "--format", "json"});
  REQUIRE(from.exit_code == 0);
  rows = nlohmann::json::parse(from.out);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["actor"] == "marc");
}

TEST_CASE("audit and stats name a bad date and exit 2", "[cli][audit][stats]") {
  History h;
  Run audit = Modbot({"audit", "--config", h.config, "--since", "2026-02-30"});
  CHECK(audit.exit_code == 2);
  CHECK(audit.err.find("--since '2026-02-30' is not an ISO 8601 date") != std::string::npos);
  CHECK(audit.out.empty());
  Run until = Modbot({"audit", "--config", h.config, "--until", "last tuesday"});
  CHECK(until.exit_code == 2);
  CHECK(until.err.find("--until 'last tuesday'") != std::string::npos);
  Run format = Modbot({"audit", "--config", h.config, "--format", "xml"});
  CHECK(format.exit_code == 2);
  CHECK(format.err.find("--format must be csv or json") != std::string::npos);
  Run stats = Modbot({"stats", "--config", h.config, "--since", "05/01/2026"});
  CHECK(stats.exit_code == 2);
  CHECK(stats.err.find("--since '05/01/2026'") != std::string::npos);
}

TEST_CASE("stats: per clause counts and precision, n/a without a decision", "[cli][stats]") {
  History h;
  {
    std::string error;
    std::unique_ptr<Store> store = Store::Open(h.dir.File("modbot.db"), &error);
    History::Record(store.get(), "3", Action::kReview, Clause::kThreat, "or else", At("2026-05-04T10:00:00Z"));
  }
  Run run = Modbot({"stats", "--config", h.config});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  auto row = [&](const std::string& name) {
    size_t at = run.out.find("\n" + name + " ");
    REQUIRE(at != std::string::npos);
    std::istringstream fields(run.out.substr(at + 1, run.out.find('\n', at + 1) - at - 1));
    std::vector<std::string> out;
    for (std::string f; fields >> f;) out.push_back(f);
    return out;
  };
  // clause hidden queued restored kept removed approved hide-precision review-precision
  CHECK(row("spam_links") == std::vector<std::string>{"spam_links", "1", "0", "1", "0", "0", "0", "0.00", "n/a"});
  CHECK(row("abusive") == std::vector<std::string>{"abusive", "0", "1", "0", "0", "1", "0", "n/a", "1.00"});
  CHECK(row("threat") == std::vector<std::string>{"threat", "0", "1", "0", "0", "0", "0", "n/a", "n/a"});

  Run recent = Modbot({"stats", "--config", h.config, "--since", "2026-05-03"});
  REQUIRE(recent.exit_code == 0);
  CHECK(recent.out.find("\nspam_links ") == std::string::npos);
  CHECK(recent.out.find("\nabusive ") != std::string::npos);
}

}  // namespace
}  // namespace modbot
