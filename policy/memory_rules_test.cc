// The policy's use of PriorSignals: near-copies of decided posts, and floods.
#include "policy/memory_rules.h"

#include <catch2/catch.hpp>

#include "policy/body_parser.h"
#include "policy/built_in_policy_for_tests.h"
#include "policy/policy.h"

namespace modbot {
namespace {

constexpr const char* kBland = "Does anyone know when the new bike racks arrive at the library?";

Post MakePost(const std::string& text, std::optional<int> account_age_days = 400,
              const std::string& topic = "Library") {
  Post post;
  post.id = "p9";
  post.body = ParsePostBody(text, Format::kPlain);
  post.topic.title = topic;
  post.author = {"zed", account_age_days, 3, 1};
  return post;
}

DecidedCopy Decided(HumanDecision decision, std::vector<Clause> clauses) {
  return {"123", decision, std::move(clauses), "anne", "2026-12-01", 3};
}

const Reason* Find(const std::vector<Reason>& reasons, const std::string& rule) {
  for (const Reason& r : reasons) {
    if (r.rule == rule) return &r;
  }
  return nullptr;
}

TEST_CASE("memory: a near-copy of a removed post gets its clause, for review", "[memory]") {
  Post post = MakePost(kBland);
  REQUIRE(BuiltInPolicy().Judge(post).action == Action::kAllow);
  post.prior.decided = {Decided(HumanDecision::kRemoved, {Clause::kAbusive})};
  Verdict verdict = BuiltInPolicy().Judge(post);
  CHECK(verdict.action == Action::kReview);
  CHECK(verdict.clauses == std::vector<Clause>{Clause::kAbusive});
  const Reason* reason = Find(verdict.reasons, "memory.near_copy");
  REQUIRE(reason);
  CHECK(reason->score == 0.9);
  CHECK(reason->evidence == "like post 123, removed by anne on 2026-12-01");
}

TEST_CASE("memory: a near-copy of a kept hide hides only a new author's post", "[memory]") {
  Post post = MakePost(kBland, 1);
  post.prior.decided = {Decided(HumanDecision::kKeptHide, {Clause::kSpamLinks})};
  Verdict verdict = BuiltInPolicy().Judge(post);
  CHECK(verdict.action == Action::kHide);
  CHECK(Find(verdict.reasons, "memory.near_copy")->evidence ==
        "like post 123, hidden by modbot, kept by anne on 2026-12-01");

  post.author.account_age_days = 400;
  CHECK(BuiltInPolicy().Judge(post).action == Action::kReview);

  // A removal (not a kept hide) never hides on memory alone, new author or not.
  post.author.account_age_days = 1;
  post.prior.decided = {Decided(HumanDecision::kRemoved, {Clause::kSpamLinks})};
  CHECK(BuiltInPolicy().Judge(post).action == Action::kReview);
}

TEST_CASE("memory: near_copy_action sets how far memory alone goes", "[memory]") {
  PolicySettings settings = PolicySettings::Defaults();
  settings.memory.near_copy_action = Action::kHide;
  std::string error;
  std::unique_ptr<Policy> policy = Policy::Create(settings, &error);
  REQUIRE(policy);
  Post post = MakePost(kBland);
  post.prior.decided = {Decided(HumanDecision::kRemoved, {Clause::kAbusive})};
  CHECK(policy->Judge(post).action == Action::kHide);
}

TEST_CASE("memory: a near-copy of an approved post is not flagged again for that clause",
          "[memory]") {
  Post post = MakePost("This shit is awesome, best Canada Day ever.");
  Verdict alone = BuiltInPolicy().Judge(post);
  REQUIRE(alone.action == Action::kReview);
  REQUIRE(alone.clauses == std::vector<Clause>{Clause::kAbusive});

  post.prior.decided = {Decided(HumanDecision::kApproved, {Clause::kAbusive})};
  Verdict verdict = BuiltInPolicy().Judge(post);
  CHECK(verdict.action == Action::kAllow);
  CHECK(verdict.clauses.empty());
  REQUIRE(verdict.waived.size() == 1);
  CHECK(verdict.waived[0].clause == Clause::kAbusive);
  CHECK(verdict.waived[0].rule == "memory.approved_copy");
  CHECK(verdict.waived[0].evidence == "like post 123, approved by anne on 2026-12-01");

  // Approved for another clause: abusive still stands, and nothing is waived.
  post.prior.decided = {Decided(HumanDecision::kApproved, {Clause::kCommercial})};
  verdict = BuiltInPolicy().Judge(post);
  CHECK(verdict.clauses == std::vector<Clause>{Clause::kAbusive});
  CHECK(verdict.waived.empty());
}

TEST_CASE("memory: an approval outweighs a removal of a near-copy for the same clause",
          "[memory]") {
  Post post = MakePost(kBland);
  post.prior.decided = {Decided(HumanDecision::kRemoved, {Clause::kAbusive}),
                        Decided(HumanDecision::kApproved, {Clause::kAbusive})};
  Verdict verdict = BuiltInPolicy().Judge(post);
  CHECK(verdict.action == Action::kAllow);
  CHECK(verdict.waived.size() == 1);
}

TEST_CASE("memory: the same text by one author in three topics is a flood", "[memory]") {
  Post post = MakePost("Everyone should come see what I found, it is worth it", 400, "Pool");
  post.prior.recent = {{"11", "zed", 400, "Library"}, {"12", "zed", 400, "Parks"}};
  Verdict verdict = BuiltInPolicy().Judge(post);
  CHECK(verdict.action == Action::kReview);
  CHECK(verdict.clauses == std::vector<Clause>{Clause::kFrivolous});
  const Reason* reason = Find(verdict.reasons, "memory.cross_post");
  REQUIRE(reason);
  CHECK(reason->evidence == "also posted as 11 by zed in \"Library\"; 12 by zed in \"Parks\"");

  SECTION("with a link it is spam_links") {
    post.body = ParsePostBody("Everyone come see what I found example.org/x", Format::kPlain);
    CHECK(BuiltInPolicy().Judge(post).clauses == std::vector<Clause>{Clause::kSpamLinks});
  }
  SECTION("two topics are not a flood") {
    post.prior.recent.pop_back();
    CHECK(BuiltInPolicy().Judge(post).action == Action::kAllow);
  }
  SECTION("copies in the same topic do not count") {
    post.prior.recent[1].topic = "Pool";
    CHECK(BuiltInPolicy().Judge(post).action == Action::kAllow);
  }
}

TEST_CASE("memory: new authors posting the same text in several topics are a flood",
          "[memory]") {
  Post post = MakePost("Everyone should come see what I found, it is worth it", 1, "Pool");
  post.prior.recent = {{"11", "amy", 2, "Library"}, {"12", "bob", 0, "Parks"}};
  CHECK(BuiltInPolicy().Judge(post).clauses == std::vector<Clause>{Clause::kFrivolous});

  // Established residents who happen to repeat a new author are no flood, nor is an
  // established author who repeats new ones.
  post.prior.recent = {{"11", "amy", 400, "Library"}, {"12", "bob", 400, "Parks"}};
  CHECK(BuiltInPolicy().Judge(post).action == Action::kAllow);
  post.author.account_age_days = 400;
  post.prior.recent = {{"11", "amy", 2, "Library"}, {"12", "bob", 0, "Parks"}};
  CHECK(BuiltInPolicy().Judge(post).action == Action::kAllow);
}

TEST_CASE("model: a sure enough signal sends a post to review, with its evidence",
          "[memory][model]") {
  Post post = MakePost(kBland);
  post.prior.model = ModelSignal{Clause::kAbusive, 0.87, 3};
  Verdict verdict = BuiltInPolicy().Judge(post);
  CHECK(verdict.action == Action::kReview);
  CHECK(verdict.clauses == std::vector<Clause>{Clause::kAbusive});
  const Reason* reason = Find(verdict.reasons, "model.abusive");
  REQUIRE(reason);
  CHECK(reason->score == 0.87);
  CHECK(reason->evidence == "model v3");

  // Under ModelSettings::review_at (0.8) it is no reason at all.
  post.prior.model->probability = 0.79;
  verdict = BuiltInPolicy().Judge(post);
  CHECK(verdict.action == Action::kAllow);
  CHECK(verdict.reasons.empty());
}

TEST_CASE("model: its signal never hides, even on top of the text's own reason",
          "[memory][model]") {
  Post post = MakePost("This shit is awesome, best Canada Day ever.");
  REQUIRE(BuiltInPolicy().Judge(post).action == Action::kReview);
  post.prior.model = ModelSignal{Clause::kAbusive, 0.99, 1};
  Verdict verdict = BuiltInPolicy().Judge(post);
  CHECK(verdict.action == Action::kReview);
  CHECK(Find(verdict.reasons, "model.abusive"));

  // Nor on top of a near-copy of a removed post, which alone goes to review.
  post = MakePost(kBland, 1);
  post.prior.decided = {Decided(HumanDecision::kRemoved, {Clause::kAbusive})};
  post.prior.model = ModelSignal{Clause::kAbusive, 0.99, 1};
  CHECK(BuiltInPolicy().Judge(post).action == Action::kReview);

  // What the text hides alone stays hidden: the model lowers nothing.
  post = MakePost("Die you fucking faggot.");
  REQUIRE(BuiltInPolicy().Judge(post).action == Action::kHide);
  post.prior.model = ModelSignal{Clause::kCommercial, 0.95, 1};
  CHECK(BuiltInPolicy().Judge(post).action == Action::kHide);
}

TEST_CASE("model: the built-in model's signal reviews from its own threshold",
          "[memory][model]") {
  Post post = MakePost(kBland);
  ModelSignal signal{Clause::kOffTopic, 0.99, 1};
  signal.built_in = true;
  post.prior.model = signal;
  Verdict verdict = BuiltInPolicy().Judge(post);
  CHECK(verdict.action == Action::kReview);
  CHECK(verdict.clauses == std::vector<Clause>{Clause::kOffTopic});
  const Reason* reason = Find(verdict.reasons, "model.built_in");
  REQUIRE(reason);
  CHECK(reason->evidence == "built-in model; which principle is a guess: off_topic");

  // 0.9 reaches the per-forum model's review_at but not built_in_review_at (0.98).
  post.prior.model->probability = 0.9;
  CHECK(BuiltInPolicy().Judge(post).action == Action::kAllow);
}

TEST_CASE("model: a moderator's approval of a near-copy waives the model's clause",
          "[memory][model]") {
  Post post = MakePost(kBland);
  post.prior.decided = {Decided(HumanDecision::kApproved, {Clause::kAbusive})};
  post.prior.model = ModelSignal{Clause::kAbusive, 0.95, 2};
  Verdict verdict = BuiltInPolicy().Judge(post);
  CHECK(verdict.action == Action::kAllow);
  REQUIRE(verdict.waived.size() == 1);
  CHECK(verdict.waived[0].clause == Clause::kAbusive);
}

TEST_CASE("model: an approved near-copy waives the built-in model whatever clause it guesses",
          "[memory][model]") {
  Post post = MakePost(kBland);
  post.prior.decided = {Decided(HumanDecision::kApproved, {Clause::kAbusive})};
  ModelSignal signal{Clause::kDiscrimination, 0.99, 1};
  signal.built_in = true;
  post.prior.model = signal;
  Verdict verdict = BuiltInPolicy().Judge(post);
  CHECK(verdict.action == Action::kAllow);
  CHECK_FALSE(Find(verdict.reasons, "model.built_in"));
  REQUIRE(verdict.waived.size() == 1);
  CHECK(verdict.waived[0].clause == Clause::kDiscrimination);

  // A per-forum model names its clause from what moderators removed: it is waived
  // only for the clause approved.
  post.prior.model = ModelSignal{Clause::kDiscrimination, 0.99, 1};
  CHECK(BuiltInPolicy().Judge(post).action == Action::kReview);
}

}  // namespace
}  // namespace modbot
