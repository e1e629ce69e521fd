#include "bot/audit_log.h"

#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/forum_fixture.h"

namespace modbot {
namespace {

using testing::TempDir;

TEST_CASE("CSV fields are quoted as RFC 4180 says", "[audit]") {
  CHECK(CsvField("plain") == "plain");
  CHECK(CsvField("") == "");
  CHECK(CsvField("a,b") == "\"a,b\"");
  CHECK(CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(CsvField("two\nlines") == "\"two\nlines\"");
  CHECK(CsvField("cr\r") == "\"cr\r\"");
}

TEST_CASE("the audit log lists verdicts, actions and decisions in a time range", "[audit]") {
  TempDir dir;
  std::string error;
  std::unique_ptr<Store> store = Store::Open(dir.File("s.db"), &error);
  Judgement j;
  j.post_id = "5";
  j.version = "1";
  j.author = "benoit";
  j.verdict.action = Action::kHide;
  j.verdict.clauses = {Clause::kAbusive};
  j.verdict.reasons = {{Clause::kAbusive, "lexicon.profanity", 0.9, "tabarnak, \"crisse\""}};
  j.actions = {{ActionKind::kHide, R"({"reason":"r","clause":"abusive"})"}};
  REQUIRE(store->RecordJudgement(j, 1000, &error));
  std::vector<OutboxEntry> due;
  REQUIRE(store->DueActions(2000, 10, &due, &error));
  REQUIRE(store->MarkDone(due.at(0), "done", 2000, &error));
  REQUIRE(store->Audit({"5", "approve", "abusive", "", "fine,\nreally", "anne", "approved"}, 3000,
                       &error));

  std::vector<AuditRow> rows;
  REQUIRE(ReadAuditLog(store.get(), std::nullopt, std::nullopt, &rows, &error));
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].entry.event == "verdict");
  CHECK(rows[0].author == "benoit");
  CHECK(rows[0].entry.rule == "lexicon.profanity");
  CHECK(rows[1].entry.event == "hide");
  CHECK(rows[1].entry.outcome == "done");
  CHECK(rows[2].entry.actor == "anne");

  rows.clear();
  REQUIRE(ReadAuditLog(store.get(), 2000, 3000, &rows, &error));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].entry.event == "hide");

  rows.clear();
  REQUIRE(ReadAuditLog(store.get(), std::nullopt, std::nullopt, &rows, &error));
  std::ostringstream csv;
  WriteAuditCsv("https://forum.example.org", rows, csv);
  CHECK(csv.str().rfind("time,forum,post,author,event,clause,rule,evidence,actor,outcome\r\n", 0) == 0);
  CHECK(csv.str().find("1970-01-01T00:00:01Z,https://forum.example.org,5,benoit,verdict,abusive,"
                       "lexicon.profanity,\"tabarnak, \"\"crisse\"\"\",modbot,hide (version 1)\r\n") !=
        std::string::npos);
  CHECK(csv.str().find(",\"fine,\nreally\",anne,approved\r\n") != std::string::npos);

  std::ostringstream json;
  WriteAuditJson("https://forum.example.org", rows, json);
  nlohmann::json parsed = nlohmann::json::parse(json.str());
  REQUIRE(parsed.size() == 3);
  CHECK(parsed[0]["forum"] == "https://forum.example.org");
  CHECK(parsed[0]["evidence"] == "tabarnak, \"crisse\"");
  CHECK(parsed[2]["evidence"] == "fine,\nreally");
  CHECK(parsed[2]["time"] == "1970-01-01T00:00:03Z");
}

}  // namespace
}  // namespace modbot
