// Quality floor on the hand-labelled sets in tests/data: the engine must keep the
// promises issue #2 measures (no wrongful hide, recall, allow kept, clause hit).
// The figures themselves are printed by `scripts/score-gold`; this test only fails
// when a change drops below the floors.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "bot/judge_commands.h"
#include "policy/policy.h"

namespace modbot {
namespace {

struct GoldScore {
  int bad = 0, flagged_bad = 0, allow = 0, kept_allow = 0, hidden_allow = 0;
  int hides = 0, correct_hides = 0, clause_hits = 0;
};

GoldScore ScoreFile(const std::string& path) {
  std::string error;
  auto policy = Policy::Create(PolicySettings::Defaults(), &error);
  REQUIRE(policy);
  std::ifstream gold_in(path);
  REQUIRE(gold_in);
  std::stringstream gold_text;
  gold_text << gold_in.rdbuf();
  std::istringstream in(gold_text.str());
  std::ostringstream out;
  REQUIRE(ClassifyStream(*policy, in, out) == 0);

  GoldScore score;
  std::istringstream gold_lines(gold_text.str()), verdict_lines(out.str());
  std::string gold_line, verdict_line;
  while (std::getline(gold_lines, gold_line) && std::getline(verdict_lines, verdict_line)) {
    auto gold = nlohmann::json::parse(gold_line);
    auto verdict = nlohmann::json::parse(verdict_line);
    REQUIRE(verdict["id"] == gold["id"]);
    std::string expected = gold["expected"]["action"], got = verdict["action"];
    if (got == "hide") {
      ++score.hides;
      score.correct_hides += expected == "hide";
    }
    if (expected == "allow") {
      ++score.allow;
      score.kept_allow += got == "allow";
      score.hidden_allow += got == "hide";
      continue;
    }
    ++score.bad;
    if (got == "allow") continue;
    ++score.flagged_bad;
    for (const auto& clause : gold["expected"]["clauses"]) {
      bool hit = false;
      for (const auto& predicted : verdict["clauses"]) hit |= predicted == clause;
      if (hit) {
        ++score.clause_hits;
        break;
      }
    }
  }
  return score;
}

void RequireFloors(const GoldScore& score) {
  INFO("flagged " << score.flagged_bad << "/" << score.bad << ", kept " << score.kept_allow
                  << "/" << score.allow << ", correct hides " << score.correct_hides << "/"
                  << score.hides << ", clause hits " << score.clause_hits);
  CHECK(score.hidden_allow == 0);
  CHECK(score.flagged_bad >= 0.95 * score.bad);
  CHECK(score.kept_allow >= 0.90 * score.allow);
  CHECK(score.correct_hides >= 0.98 * score.hides);
  CHECK(score.clause_hits >= 0.90 * score.flagged_bad);
}

// Every labelled set in tests/data: the development sample and the sets written
// since by people who did not see the engine (each was unseen when first scored).
TEST_CASE("every labelled set stays above the quality floors", "[gold]") {
  for (const char* name : {"gold-dev", "gold-extra", "gold-holdout", "gold-final"}) {
    INFO(name);
    RequireFloors(ScoreFile(std::string(MODBOT_SOURCE_DIR "/tests/data/") + name + ".jsonl"));
  }
}

}  // namespace
}  // namespace modbot
