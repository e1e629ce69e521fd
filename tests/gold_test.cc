// Quality floor on the hand-labelled sets in tests/data: the engine must keep the
// promises issue #2 measures (no wrongful hide, recall, allow kept, clause hit); and
// what the built-in model adds on labelled posts it never learned from.
// The figures themselves are printed by `scripts/score-gold`; this test only fails
// when a change drops below the floors.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>
#include <openssl/evp.h>

#include "bot/judge_commands.h"
#include "policy/built_in_policy_for_tests.h"
#include "policy/policy.h"

namespace modbot {
namespace {

struct GoldScore {
  int bad = 0, flagged_bad = 0, allow = 0, kept_allow = 0, hidden_allow = 0;
  int hides = 0, correct_hides = 0, clause_hits = 0;
};

std::string ReadWhole(const std::string& path) {
  std::ifstream in(path);
  INFO(path);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// gold_text: labelled posts, one a line, as classify reads them.
GoldScore Score(const std::string& gold_text, bool built_in_model = true) {
  std::istringstream in(gold_text);
  std::ostringstream out;
  REQUIRE(ClassifyStream(BuiltInPolicy(), built_in_model, in, out) == 0);

  GoldScore score;
  std::istringstream gold_lines(gold_text), verdict_lines(out.str());
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
    RequireFloors(Score(ReadWhole(std::string(MODBOT_SOURCE_DIR "/tests/data/") + name + ".jsonl")));
  }
}

// The third of ../shared/data/gold-dev2.jsonl set aside by a hash of the post id,
// as scripts/eval-policy sets it aside: no rule was written from it, and the
// built-in model did not learn from it (scripts/make-built-in-model-examples). It
// shows what the model adds where nothing was tuned. Measured when the model came:
// recall 0.587 without it, 0.780 with it, 42 of 42 innocent posts kept.
bool IsAside(const std::string& post_id) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  REQUIRE(EVP_Digest(post_id.data(), post_id.size(), digest, &size, EVP_sha256(), nullptr));
  return digest[0] % 3 == 0;
}

TEST_CASE("on labelled posts it never learned from, the built-in model adds recall and "
          "hides nothing", "[gold][model]") {
  std::set<std::string> learned;
  std::istringstream examples(ReadWhole(MODBOT_SOURCE_DIR "/bot/built_in_model_examples.jsonl"));
  for (std::string line; std::getline(examples, line);) {
    learned.insert(nlohmann::json::parse(line)["text"].get<std::string>());
  }
  std::istringstream dev2(ReadWhole(MODBOT_SHARED_DATA "/gold-dev2.jsonl"));
  std::string aside;
  for (std::string line; std::getline(dev2, line);) {
    if (line.empty()) continue;
    const nlohmann::json post = nlohmann::json::parse(line);
    if (!IsAside(post["id"].get<std::string>())) continue;
    INFO(post["id"]);
    CHECK_FALSE(learned.count(post["text"].get<std::string>()));
    aside += line + "\n";
  }
  const GoldScore with_model = Score(aside);
  const GoldScore without_model = Score(aside, /*built_in_model=*/false);
  INFO("flagged " << with_model.flagged_bad << " (rules alone " << without_model.flagged_bad
                  << ") of " << with_model.bad << ", kept " << with_model.kept_allow << "/"
                  << with_model.allow);
  REQUIRE(with_model.bad > 100);
  CHECK(with_model.hidden_allow == 0);
  CHECK(with_model.flagged_bad >= 0.70 * with_model.bad);
  CHECK(with_model.flagged_bad - without_model.flagged_bad >= 0.10 * with_model.bad);
  CHECK(with_model.kept_allow >= 0.95 * with_model.allow);
}

}  // namespace
}  // namespace modbot
