// Issue 12 item 8: reading back decisions cost one GET /posts/{id}.json per hidden
// post nobody had decided, every pass (every 5 minutes for 14 days). Now a post is
// read only when the review listing shows it changed, and within a set number of
// requests a pass. DiscourseForum::ReadDecisions against the sample forum over
// loopback; asserted by request counts.
#include <catch2/catch.hpp>

#include "adapters/discourse/discourse_forum.h"
#include "tests/forum_fixture.h"

namespace modbot {
namespace {

using testing::ForumFixture;

ForumSettings WithReadBack(ForumSettings settings, int read_back_requests) {
  settings.read_back_requests = read_back_requests;
  return settings;
}

// n posts hidden by the bot, which nobody has decided yet.
struct HiddenPosts {
  ForumFixture f;
  DiscourseForum forum;
  std::vector<AwaitedPost> awaited;

  HiddenPosts(int n, int read_back_requests)
      : forum(WithReadBack(f.Settings(), read_back_requests)) {
    f.forum.AddUser({"alice", 400, 2, 30});
    const long long topic = f.forum.AddTopic("Parks", "General");
    for (int i = 0; i < n; ++i) {
      const long long id = f.forum.AddPost(topic, "alice", "spam number " + std::to_string(i));
      REQUIRE(forum.Hide(std::to_string(id), "modbot: spam", false).ok());
      awaited.push_back({std::to_string(id), true,
                         std::chrono::system_clock::now() - std::chrono::minutes(5)});
    }
  }

  // One read-back pass: the posts it read one by one, and what it found.
  long long Pass(std::vector<ForumDecision>* decisions) {
    const long long before = f.forum.RequestsByRoute()["GET /posts"];
    REQUIRE(forum.ReadDecisions(awaited, decisions).ok());
    return f.forum.RequestsByRoute()["GET /posts"] - before;
  }
};

TEST_CASE("discourse: an awaited hide is read again only when its post changed",
          "[discourse][decisions]") {
  HiddenPosts h(30, /*read_back_requests=*/0);
  std::vector<ForumDecision> decisions;
  CHECK(h.Pass(&decisions) == 30);  // each looked at once
  CHECK(decisions.empty());
  CHECK(h.Pass(&decisions) == 0);   // nothing changed: the listing alone
  CHECK(decisions.empty());

  // A moderator unhides one from the post's menu: its post_updated_at moves.
  REQUIRE(h.f.forum.Unhide(std::stoll(h.awaited[7].post_id)));
  CHECK(h.Pass(&decisions) == 1);
  REQUIRE(decisions.size() == 1);
  CHECK(decisions[0].post_id == h.awaited[7].post_id);
  CHECK(decisions[0].kind == ForumDecision::Kind::kOverruled);
}

TEST_CASE("discourse: the read-back looks at no more posts a pass than its budget",
          "[discourse][decisions]") {
  HiddenPosts h(30, /*read_back_requests=*/12);
  std::vector<ForumDecision> decisions;
  CHECK(h.Pass(&decisions) == 12);
  CHECK(h.Pass(&decisions) == 12);
  CHECK(h.Pass(&decisions) == 6);  // the ones never looked at came first
  CHECK(h.Pass(&decisions) == 0);

  // An unhide waits at most for the posts never looked at, not for a full round.
  REQUIRE(h.f.forum.Unhide(std::stoll(h.awaited[0].post_id)));
  CHECK(h.Pass(&decisions) == 1);
  REQUIRE(decisions.size() == 1);
  CHECK(decisions[0].kind == ForumDecision::Kind::kOverruled);
}

}  // namespace
}  // namespace modbot
