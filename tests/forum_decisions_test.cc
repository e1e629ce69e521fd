// Decisions taken on the forum, read back: DiscourseForum::ReadDecisions over
// loopback against the sample forum, and the daemon recording them end to end.
#include <catch2/catch.hpp>

#include "adapters/discourse/discourse_forum.h"
#include "bot/daemon.h"
#include "bot/review_decision.h"
#include "bot/review_stats.h"
#include "tests/daemon_test_support.h"
#include "tests/forum_fixture.h"

namespace modbot {
namespace {

using sample::ReviewAction;
using testing::Count;
using testing::DaemonWorld;
using testing::ForumFixture;
using testing::KeywordJudge;
using testing::TempDir;

std::vector<AwaitedPost> Awaiting(std::initializer_list<std::pair<long long, bool>> posts) {
  std::vector<AwaitedPost> out;
  for (auto [id, hidden] : posts) {
    out.push_back({std::to_string(id), hidden, std::chrono::system_clock::now() -
                                                   std::chrono::minutes(5)});
  }
  return out;
}

// Flags every post of a fresh topic for review as the API user would.
std::vector<long long> FlaggedPosts(ForumFixture& f, DiscourseForum& forum, int n) {
  f.forum.AddUser({"alice", 400, 2, 30});
  long long topic = f.forum.AddTopic("Parks", "General");
  std::vector<long long> ids;
  for (int i = 0; i < n; ++i) {
    ids.push_back(f.forum.AddPost(topic, "alice", "post number " + std::to_string(i)));
    REQUIRE(forum.SendToReview(std::to_string(ids.back()), "modbot: look", false).ok());
  }
  return ids;
}

TEST_CASE("discourse: decided flags are read back with the moderator who decided",
          "[discourse][decisions]") {
  ForumFixture f;
  DiscourseForum forum(f.Settings());
  std::vector<long long> ids = FlaggedPosts(f, forum, 4);
  REQUIRE(f.forum.Perform(ids[0], ReviewAction::kAgreeAndHide, "mod_anne"));
  REQUIRE(f.forum.Perform(ids[1], ReviewAction::kDisagree, "mod_bob"));
  REQUIRE(f.forum.Perform(ids[2], ReviewAction::kIgnore, "mod_anne"));
  // ids[3] stays pending: nobody decided it.

  std::vector<ForumDecision> decisions;
  const long long before = forum.requests_sent();
  REQUIRE(forum.ReadDecisions(
                   Awaiting({{ids[0], false}, {ids[1], false}, {ids[2], false}, {ids[3], false}}),
                   &decisions)
              .ok());
  // One listing, then one look at each decided post.
  CHECK(forum.requests_sent() - before == 1 + 3);
  REQUIRE(decisions.size() == 3);
  std::map<std::string, ForumDecision> by_post;
  for (const ForumDecision& d : decisions) by_post[d.post_id] = d;
  const ForumDecision& agreed = by_post.at(std::to_string(ids[0]));
  CHECK(agreed.kind == ForumDecision::Kind::kUpheld);
  CHECK(agreed.moderator == "mod_anne");
  CHECK(agreed.visible == false);  // agree_and_hide
  CHECK(agreed.how.find("flag agreed") != std::string::npos);
  const ForumDecision& disagreed = by_post.at(std::to_string(ids[1]));
  CHECK(disagreed.kind == ForumDecision::Kind::kOverruled);
  CHECK(disagreed.moderator == "mod_bob");
  CHECK(disagreed.visible == true);
  CHECK_FALSE(disagreed.version.empty());
  CHECK(by_post.at(std::to_string(ids[2])).kind == ForumDecision::Kind::kIgnored);
}

TEST_CASE("discourse: the review list is paged only as far as the awaited posts need",
          "[discourse][decisions]") {
  ForumFixture f;
  DiscourseForum forum(f.Settings());
  std::vector<long long> ids = FlaggedPosts(f, forum, 25);
  for (long long id : ids) REQUIRE(f.forum.Perform(id, ReviewAction::kAgreeAndKeep, "mod_anne"));

  // The newest decision is on the first page: one request for the list.
  std::vector<ForumDecision> decisions;
  long long before = forum.requests_sent();
  REQUIRE(forum.ReadDecisions(Awaiting({{ids.back(), false}}), &decisions).ok());
  REQUIRE(decisions.size() == 1);
  CHECK(forum.requests_sent() - before == 1 + 1);

  // The oldest is on the third page (10 a page, newest first).
  before = forum.requests_sent();
  REQUIRE(forum.ReadDecisions(Awaiting({{ids.front(), false}, {ids.back(), false}}), &decisions)
              .ok());
  CHECK(decisions.size() == 2);
  CHECK(forum.requests_sent() - before == 3 + 2);
  CHECK(f.forum.RequestsByRoute().at("GET /review") == 4);
}

TEST_CASE("discourse: a bot hide overruled by unhiding, and one whose post was deleted",
          "[discourse][decisions]") {
  ForumFixture f;
  DiscourseForum forum(f.Settings());
  f.forum.AddUser({"alice", 400, 2, 30});
  long long topic = f.forum.AddTopic("Parks", "General");
  long long unhidden = f.forum.AddPost(topic, "alice", "spam one");
  long long deleted = f.forum.AddPost(topic, "alice", "spam two");
  long long still = f.forum.AddPost(topic, "alice", "spam three");
  for (long long id : {unhidden, deleted, still}) {
    REQUIRE(forum.Hide(std::to_string(id), "modbot: spam", false).ok());
  }
  REQUIRE(f.forum.Unhide(unhidden));
  REQUIRE(f.forum.TrashPost(deleted));

  std::vector<ForumDecision> decisions;
  REQUIRE(forum.ReadDecisions(Awaiting({{unhidden, true}, {deleted, true}, {still, true}}),
                              &decisions)
              .ok());
  // The bot's own agreement with its hide (take_action) is not a decision.
  REQUIRE(decisions.size() == 2);
  std::map<std::string, ForumDecision> by_post;
  for (const ForumDecision& d : decisions) by_post[d.post_id] = d;
  CHECK(by_post.at(std::to_string(unhidden)).kind == ForumDecision::Kind::kOverruled);
  CHECK(by_post.at(std::to_string(unhidden)).moderator.empty());  // Discourse does not say
  CHECK(by_post.at(std::to_string(deleted)).kind == ForumDecision::Kind::kUpheld);
  CHECK(by_post.at(std::to_string(deleted)).visible == false);
}

TEST_CASE("discourse: a malformed review list is a clear retryable error",
          "[discourse][decisions]") {
  ForumFixture f;
  ForumSettings settings = f.Settings();
  settings.retries = 0;
  DiscourseForum forum(settings);
  std::vector<long long> ids = FlaggedPosts(f, forum, 1);
  sample::Faults faults;
  faults.rate_truncate = 1.0;
  f.forum.SetFaults(faults);
  std::vector<ForumDecision> decisions;
  ForumStatus status = forum.ReadDecisions(Awaiting({{ids[0], false}}), &decisions);
  CHECK(status.code == ForumStatus::Code::kRetry);
  CHECK(status.message.find("GET /review.json") != std::string::npos);
  CHECK(decisions.empty());

  ForumStatus bad = forum.ReadDecisions({{"12x", false, {}}}, &decisions);
  CHECK(bad.code == ForumStatus::Code::kPermanent);
  CHECK(bad.message.find("'12x'") != std::string::npos);
}

// The daemon against the sample Discourse: posts 1 fine, 2 and 4 hidden by the
// bot, 3 flagged for review.
struct DecisionWorld : DaemonWorld<ForumFixture, DiscourseForum> {
  explicit DecisionWorld(ReviewRoute route) : DaemonWorld(route) {
    f.forum.AddPost(topic, "alice", "Buy now SPAM tinyurl.com/y");
  }

  void Step() { REQUIRE(DaemonWorld::Step()); }

  ClauseStats Stats(const std::string& clause) {
    ReviewStats stats;
    std::string error;
    REQUIRE(ReadReviewStats(store.get(), std::nullopt, &stats, &error));
    return stats.by_clause[clause];
  }
};

TEST_CASE("discourse e2e: decisions taken in the forum are recorded once, by their moderator",
          "[e2e][decisions]") {
  DecisionWorld w(ReviewRoute::kBoth);
  w.Step();
  REQUIRE(Count(w.store.get(), "SELECT COUNT(*) FROM forum_watch WHERE decided_at IS NULL") == 3);
  REQUIRE(w.f.forum.Messages().size() == 2);  // the two hides' notices

  // A moderator agrees with the flag on post 3 and hides it; another unhides 2.
  REQUIRE(w.f.forum.Perform(3, ReviewAction::kAgreeAndHide, "mod_anne"));
  REQUIRE(w.f.forum.Unhide(2));
  w.Step();

  std::optional<ReviewItem> item;
  std::string error;
  REQUIRE(w.store->GetReview("3", &item, &error));
  CHECK(item->status == "removed");
  CHECK(item->resolved_by == "mod_anne");
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM audit WHERE post_id = '3' AND event = 'remove' "
                             "AND actor = 'mod_anne' AND outcome = 'removed on the forum'") == 1);
  // Removed on the forum already: no hide queued; its author told once, why.
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM outbox WHERE post_id = '3' AND kind = 'hide'") == 0);
  REQUIRE(w.f.forum.Messages().size() == 3);
  CHECK(w.f.forum.Messages()[2].recipient == "alice");
  CHECK(w.f.forum.Messages()[2].title == "Your post #3 was hidden");

  REQUIRE(w.store->GetReview("2", &item, &error));
  CHECK(item->status == "approved");
  CHECK(item->resolved_by == kUnnamedForumModerator);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM audit WHERE post_id = '2' AND event = 'approve' "
                             "AND outcome = 'approved on the forum'") == 1);
  // Restored on the forum already: nothing to restore.
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM outbox WHERE kind = 'restore'") == 0);

  ClauseStats spam = w.Stats("spam_links");
  CHECK(spam.hidden == 2);
  CHECK(spam.restored == 1);
  CHECK(w.Stats("abusive").removed == 1);

  // A restart, and later checks, record nothing again.
  w.Reopen();
  w.Step();
  w.Step();
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM audit WHERE event IN ('approve', 'remove')") == 2);
  CHECK(w.f.forum.Messages().size() == 3);

  // A resident flags the hidden post 4, reopening its reviewable; a moderator
  // disagrees: the restore is recorded under that moderator's name.
  REQUIRE(w.f.forum.FlagAsResident(4, "benoit", 4));
  REQUIRE(w.f.forum.Perform(4, ReviewAction::kDisagree, "mod_bob"));
  w.Step();
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM audit WHERE post_id = '4' AND event = 'approve' "
                             "AND actor = 'mod_bob'") == 1);
  CHECK_FALSE(w.f.forum.Posts()[3].hidden);
  CHECK(w.Stats("spam_links").restored == 2);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM forum_watch WHERE decided_at IS NULL") == 0);
}

TEST_CASE("discourse e2e: forum-only review: a confirmed flag counts in stats",
          "[e2e][decisions]") {
  DecisionWorld w(ReviewRoute::kForum);
  w.Step();
  REQUIRE(Count(w.store.get(), "SELECT COUNT(*) FROM review_queue") == 0);
  REQUIRE(w.f.forum.Perform(3, ReviewAction::kAgreeAndKeep, "mod_anne"));
  w.Step();
  CHECK(w.Stats("abusive").queued == 1);
  CHECK(w.Stats("abusive").removed == 1);
  CHECK(*w.Stats("abusive").ReviewPrecision() == 1.0);
  // Agreed but left up: the author is not told the post was hidden.
  CHECK(w.f.forum.Messages().size() == 2);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM audit WHERE post_id = '3' AND event = 'remove' "
                             "AND actor = 'mod_anne'") == 1);
}

TEST_CASE("discourse e2e: a local decision and a forum decision on one post: one is recorded",
          "[e2e][decisions]") {
  DecisionWorld w(ReviewRoute::kBoth);
  w.Step();
  ReviewOutcome outcome;
  std::string error;
  REQUIRE(DecideReview(w.store.get(), {}, {"3", /*approve=*/true, "mod_local", std::nullopt, "ok"},
                       NowMillis(), &outcome, &error));
  REQUIRE(outcome == ReviewOutcome::kRecorded);
  REQUIRE(w.f.forum.Perform(3, ReviewAction::kAgreeAndHide, "mod_anne"));
  w.Step();
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM audit WHERE post_id = '3' "
                             "AND event IN ('approve', 'remove')") == 1);
  std::optional<ReviewItem> item;
  REQUIRE(w.store->GetReview("3", &item, &error));
  CHECK(item->resolved_by == "mod_local");

  // And the other way round: decided on the forum first, then locally refused.
  REQUIRE(w.f.forum.Unhide(2));
  w.Step();
  REQUIRE(DecideReview(w.store.get(), {}, {"2", /*approve=*/false, "mod_local", std::nullopt, ""},
                       NowMillis(), &outcome, &error));
  CHECK(outcome == ReviewOutcome::kAlreadyDecided);
}

TEST_CASE("discourse e2e: a hidden post its author edited is judged again, not counted as restored",
          "[e2e][decisions]") {
  DecisionWorld w(ReviewRoute::kBoth);
  w.Step();
  REQUIRE(w.f.forum.EditPost(2, "Sorry, removed the links."));
  REQUIRE(w.f.forum.Unhide(2));  // as Discourse does for an author's edit after a hide
  w.Step();
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM audit WHERE post_id = '2' AND event = 'approve'") == 0);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM forum_watch WHERE post_id = '2' "
                             "AND decision = 'superseded'") == 1);
  CHECK(w.Stats("spam_links").restored == 0);
}

}  // namespace
}  // namespace modbot
