#include "bot/review_stats.h"

#include <catch2/catch.hpp>

#include "bot/review_decision.h"
#include "tests/forum_fixture.h"

namespace modbot {
namespace {

using testing::TempDir;

void RecordVerdict(Store* store, const std::string& id, Action action, std::vector<Clause> clauses,
                   int64_t at) {
  Judgement j;
  j.post_id = id;
  j.version = '1';  // not "1": GCC 12 at -O3 warns on that (-Wrestrict, GCC PR 105329)
  j.author = "alice";
  j.verdict.action = action;
  j.verdict.clauses = std::move(clauses);
  j.verdict.lang = "en";
  j.local_review = action != Action::kAllow;
  std::string error;
  REQUIRE(store->RecordJudgement(j, at, &error));
}

void Decide(Store* store, const std::string& id, bool approve) {
  ReviewOutcome outcome;
  std::string error;
  NoticePolicy no_notices{false, {}};
  REQUIRE(DecideReview(store, no_notices, {id, approve, "anne", std::nullopt, ""}, 5000, &outcome,
                       &error));
  REQUIRE(outcome == ReviewOutcome::kRecorded);
}

TEST_CASE("stats count the bot's decisions and the humans' verdicts on them", "[stats]") {
  TempDir dir;
  std::string error;
  std::unique_ptr<Store> store = Store::Open(dir.File("s.db"), &error);
  // Four spam hides: one restored, two kept, one undecided.
  for (const char* id : {"1", "2", "3", "4"}) {
    RecordVerdict(store.get(), id, Action::kHide, {Clause::kSpamLinks}, 1000);
  }
  Decide(store.get(), "1", true);
  Decide(store.get(), "2", false);
  Decide(store.get(), "3", false);
  // Three abusive reviews, one of them also commercial: two removed, one approved.
  RecordVerdict(store.get(), "5", Action::kReview, {Clause::kAbusive}, 1000);
  RecordVerdict(store.get(), "6", Action::kReview, {Clause::kAbusive, Clause::kCommercial}, 1000);
  RecordVerdict(store.get(), "7", Action::kReview, {Clause::kAbusive}, 1000);
  Decide(store.get(), "5", false);
  Decide(store.get(), "6", false);
  Decide(store.get(), "7", true);
  // An undecided review, an allowed post, and a hide too old for --since.
  RecordVerdict(store.get(), "8", Action::kReview, {Clause::kThreat}, 1000);
  RecordVerdict(store.get(), "9", Action::kAllow, {}, 1000);
  RecordVerdict(store.get(), "10", Action::kHide, {Clause::kSpamLinks}, 10);

  ReviewStats stats;
  REQUIRE(ReadReviewStats(store.get(), 1000, &stats, &error));
  const ClauseStats& spam = stats.by_clause["spam_links"];
  CHECK(spam.hidden == 4);
  CHECK(spam.restored == 1);
  CHECK(spam.kept == 2);
  CHECK(spam.HidePrecision() == Approx(2.0 / 3));
  CHECK_FALSE(spam.ReviewPrecision());

  const ClauseStats& abusive = stats.by_clause["abusive"];
  CHECK(abusive.queued == 3);
  CHECK(abusive.removed == 2);
  CHECK(abusive.approved == 1);
  CHECK(abusive.ReviewPrecision() == Approx(2.0 / 3));
  CHECK_FALSE(abusive.HidePrecision());
  CHECK(stats.by_clause["commercial"].removed == 1);
  CHECK(stats.by_clause["threat"].queued == 1);
  CHECK_FALSE(stats.by_clause["threat"].ReviewPrecision());
  CHECK(stats.by_clause.count("none") == 0);

  CHECK(stats.all.hidden == 4);
  CHECK(stats.all.queued == 4);  // post 6 once, though it broke two principles
  CHECK(stats.all.removed == 2);

  ReviewStats everything;
  REQUIRE(ReadReviewStats(store.get(), std::nullopt, &everything, &error));
  CHECK(everything.by_clause["spam_links"].hidden == 5);
}

}  // namespace
}  // namespace modbot
