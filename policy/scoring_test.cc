#include "policy/scoring.h"

#include <catch2/catch.hpp>
#include <vector>

namespace modbot {
namespace {

Reason R(Clause clause, double score, const char* rule = "test.rule") {
  return Reason{clause, rule, score, "evidence"};
}

Verdict Score(const std::vector<Reason>& reasons,
              const PolicySettings& settings = PolicySettings::Defaults()) {
  Verdict verdict;
  verdict.post_id = 'p';  // not "p": GCC 12 at -O3 warns on that (-Wrestrict, GCC PR 105329)
  verdict.lang = "fr";
  ScoreReasons(reasons, settings, &verdict);
  return verdict;
}

TEST_CASE("CombinedScore: 1 - product of (1 - s) over the clause's reasons", "[policy]") {
  using Catch::Detail::Approx;
  CHECK(CombinedScore({}, Clause::kAbusive) == 0.0);
  CHECK(CombinedScore({R(Clause::kAbusive, 0.6)}, Clause::kAbusive) == Approx(0.6));
  CHECK(CombinedScore({R(Clause::kAbusive, 0.5), R(Clause::kAbusive, 0.5)}, Clause::kAbusive) ==
        Approx(0.75));
  CHECK(CombinedScore({R(Clause::kAbusive, 0.6), R(Clause::kAbusive, 0.5), R(Clause::kAbusive, 0.2)},
                      Clause::kAbusive) == Approx(1 - 0.4 * 0.5 * 0.8));
}

TEST_CASE("CombinedScore: only the clause's own reasons count", "[policy]") {
  using Catch::Detail::Approx;
  std::vector<Reason> reasons = {R(Clause::kAbusive, 0.6), R(Clause::kThreat, 0.9)};
  CHECK(CombinedScore(reasons, Clause::kAbusive) == Approx(0.6));
  CHECK(CombinedScore(reasons, Clause::kThreat) == Approx(0.9));
  CHECK(CombinedScore(reasons, Clause::kSpamLinks) == 0.0);
}

TEST_CASE("CombinedScore: never leaves 0..1, even with out-of-range scores", "[policy]") {
  CHECK(CombinedScore({R(Clause::kAbusive, 1.0), R(Clause::kAbusive, 1.0)}, Clause::kAbusive) == 1.0);
  CHECK(CombinedScore({R(Clause::kAbusive, 7.0)}, Clause::kAbusive) == 1.0);
  CHECK(CombinedScore({R(Clause::kAbusive, -3.0)}, Clause::kAbusive) == 0.0);
  double many = CombinedScore(std::vector<Reason>(50, R(Clause::kAbusive, 0.9)), Clause::kAbusive);
  CHECK(many <= 1.0);
  CHECK(many > 0.99);
}

TEST_CASE("CapChosenScore: the chosen reasons of a clause add up to at most the cap", "[policy]") {
  using Catch::Detail::Approx;
  auto chosen = [](const Reason& r) { return r.rule == "chosen"; };
  std::vector<Reason> reasons = {R(Clause::kAbusive, 0.95, "chosen"), R(Clause::kAbusive, 0.9, "chosen"),
                                 R(Clause::kAbusive, 0.3, "other"), R(Clause::kThreat, 0.9, "chosen")};
  CapChosenScore(&reasons, Clause::kAbusive, chosen, 0.45);
  CHECK(reasons[0].score == Approx(reasons[1].score));
  CHECK(CombinedScore({reasons[0], reasons[1]}, Clause::kAbusive) == Approx(0.45));
  CHECK(reasons[2].score == 0.3);  // not chosen
  CHECK(reasons[3].score == 0.9);  // another clause
  // A chosen reason already under its share keeps its score.
  std::vector<Reason> weak = {R(Clause::kAbusive, 0.1, "chosen")};
  CapChosenScore(&weak, Clause::kAbusive, chosen, 0.45);
  CHECK(weak[0].score == 0.1);
}

TEST_CASE("ScoreReasons: no reasons, allow with nothing listed", "[policy]") {
  Verdict verdict = Score({});
  CHECK(verdict.action == Action::kAllow);
  CHECK(verdict.clauses.empty());
  CHECK(verdict.reasons.empty());
  CHECK(verdict.post_id == "p");  // left alone
  CHECK(verdict.lang == "fr");
}

TEST_CASE("ScoreReasons: default thresholds, review at 0.5 and hide at 0.85", "[policy]") {
  struct Row {
    double score;
    Action action;
  };
  for (Row row : {Row{0.0, Action::kAllow}, Row{0.49, Action::kAllow}, Row{0.5, Action::kReview},
                  Row{0.84, Action::kReview}, Row{0.85, Action::kHide}, Row{1.0, Action::kHide}}) {
    INFO("score " << row.score);
    Verdict verdict = Score({R(Clause::kAbusive, row.score)});
    CHECK(verdict.action == row.action);
    CHECK(verdict.clauses.size() == (row.action == Action::kAllow ? 0u : 1u));
  }
}

TEST_CASE("ScoreReasons: scores below review are not reported at all", "[policy]") {
  Verdict verdict = Score({R(Clause::kAbusive, 0.3), R(Clause::kThreat, 0.9)});
  CHECK(verdict.clauses == std::vector<Clause>{Clause::kThreat});
  REQUIRE(verdict.reasons.size() == 1);
  CHECK(verdict.reasons[0].clause == Clause::kThreat);
}

TEST_CASE("ScoreReasons: weak reasons add up past a threshold", "[policy]") {
  // 0.4 alone allows; 0.4 and 0.4 make 0.64, a review.
  CHECK(Score({R(Clause::kAbusive, 0.4)}).action == Action::kAllow);
  Verdict verdict = Score({R(Clause::kAbusive, 0.4, "a"), R(Clause::kAbusive, 0.4, "b")});
  CHECK(verdict.action == Action::kReview);
  CHECK(verdict.reasons.size() == 2);
}

TEST_CASE("ScoreReasons: a score exactly at a threshold reaches it", "[policy]") {
  // 1 - (1 - 0.5)(1 - 0.7) = 0.85 exactly on paper, not in floating point.
  Verdict verdict = Score({R(Clause::kAbusive, 0.5), R(Clause::kAbusive, 0.7)});
  CHECK(verdict.action == Action::kHide);
}

TEST_CASE("ScoreReasons: the caps of the default policy never hide", "[policy]") {
  for (Clause clause : {Clause::kOffTopic, Clause::kNotRelevant, Clause::kCandidatePromotion,
                        Clause::kMunicipalCampaign, Clause::kPartisanPolitics}) {
    INFO(ClauseId(clause));
    Verdict verdict = Score({R(clause, 1.0)});
    CHECK(verdict.action == Action::kReview);
    CHECK(verdict.clauses == std::vector<Clause>{clause});
  }
  for (Clause clause : {Clause::kAbusive, Clause::kThreat, Clause::kSpamLinks, Clause::kFrivolous,
                        Clause::kPublicSafety}) {
    INFO(ClauseId(clause));
    CHECK(Score({R(clause, 1.0)}).action == Action::kHide);
  }
}

TEST_CASE("ScoreReasons: max_action caps a clause", "[policy]") {
  PolicySettings settings = PolicySettings::Defaults();
  settings.clauses[static_cast<int>(Clause::kAbusive)].max_action = Action::kReview;
  Verdict verdict = Score({R(Clause::kAbusive, 0.99)}, settings);
  CHECK(verdict.action == Action::kReview);
  CHECK(verdict.clauses == std::vector<Clause>{Clause::kAbusive});

  SECTION("a cap of allow silences the clause") {
    settings.clauses[static_cast<int>(Clause::kAbusive)].max_action = Action::kAllow;
    Verdict silent = Score({R(Clause::kAbusive, 0.99)}, settings);
    CHECK(silent.action == Action::kAllow);
    CHECK(silent.clauses.empty());
    CHECK(silent.reasons.empty());
  }
  SECTION("a cap on one clause leaves another free to hide") {
    Verdict both = Score({R(Clause::kAbusive, 0.99), R(Clause::kThreat, 0.9)}, settings);
    CHECK(both.action == Action::kHide);
    CHECK(both.clauses == std::vector<Clause>{Clause::kAbusive, Clause::kThreat});
  }
}

TEST_CASE("ScoreReasons: custom thresholds", "[policy]") {
  PolicySettings settings = PolicySettings::Defaults();
  ClauseSettings& spam = settings.clauses[static_cast<int>(Clause::kSpamLinks)];
  spam.review_at = 0.2;
  spam.hide_at = 0.4;
  CHECK(Score({R(Clause::kSpamLinks, 0.1)}, settings).action == Action::kAllow);
  CHECK(Score({R(Clause::kSpamLinks, 0.3)}, settings).action == Action::kReview);
  CHECK(Score({R(Clause::kSpamLinks, 0.45)}, settings).action == Action::kHide);
}

TEST_CASE("ScoreReasons: a disabled clause is ignored entirely", "[policy]") {
  PolicySettings settings = PolicySettings::Defaults();
  settings.clauses[static_cast<int>(Clause::kThreat)].enabled = false;
  Verdict verdict = Score({R(Clause::kThreat, 1.0), R(Clause::kAbusive, 0.6)}, settings);
  CHECK(verdict.action == Action::kReview);
  CHECK(verdict.clauses == std::vector<Clause>{Clause::kAbusive});
  for (const Reason& reason : verdict.reasons) CHECK(reason.clause != Clause::kThreat);
}

TEST_CASE("ScoreReasons: the action is the strongest over the clauses", "[policy]") {
  Verdict verdict = Score({R(Clause::kOffTopic, 0.6), R(Clause::kFrivolous, 0.95)});
  CHECK(verdict.action == Action::kHide);
  Verdict reviews = Score({R(Clause::kOffTopic, 0.6), R(Clause::kFrivolous, 0.6)});
  CHECK(reviews.action == Action::kReview);
}

TEST_CASE("ScoreReasons: clauses in policy order, reasons strongest first", "[policy]") {
  Verdict verdict = Score({R(Clause::kFakeAccount, 0.6, "f"), R(Clause::kAbusive, 0.55, "a1"),
                           R(Clause::kSpamLinks, 0.9, "s"), R(Clause::kAbusive, 0.7, "a2"),
                           R(Clause::kOffTopic, 0.5, "o")});
  CHECK(verdict.clauses == std::vector<Clause>{Clause::kOffTopic, Clause::kAbusive,
                                               Clause::kSpamLinks, Clause::kFakeAccount});
  REQUIRE(verdict.reasons.size() == 5);
  for (size_t i = 1; i < verdict.reasons.size(); ++i) {
    CHECK(verdict.reasons[i - 1].score >= verdict.reasons[i].score);
  }
  CHECK(verdict.reasons.front().rule == "s");
  CHECK(verdict.reasons.back().rule == "o");
}

TEST_CASE("ScoreReasons: a weak reason of a listed clause is kept as evidence", "[policy]") {
  Verdict verdict = Score({R(Clause::kAbusive, 0.9, "strong"), R(Clause::kAbusive, 0.1, "weak")});
  REQUIRE(verdict.reasons.size() == 2);
  CHECK(verdict.reasons[1].rule == "weak");
}

TEST_CASE("ScoreReasons: replaces what the verdict held before", "[policy]") {
  Verdict verdict;
  verdict.action = Action::kHide;
  verdict.clauses = {Clause::kThreat};
  verdict.reasons = {R(Clause::kThreat, 1.0)};
  ScoreReasons({}, PolicySettings::Defaults(), &verdict);
  CHECK(verdict.action == Action::kAllow);
  CHECK(verdict.clauses.empty());
  CHECK(verdict.reasons.empty());
}

}  // namespace
}  // namespace modbot
