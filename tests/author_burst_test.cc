// Issue 12 item 2: a burst of posts from new accounts. Before, the Discourse
// adapter looked up every new author (GET /u/{name}.json, one paced request
// each) before it returned any post, so no post was judged and no hide went out
// until the last author was known; the facts and the pacer's history lived in
// memory only, so a restart fetched the authors again and paced from zero.
// Sample forum over loopback, a real SQLite store; asserted by request counts.
#include <catch2/catch.hpp>

#include <vector>

#include "adapters/discourse/discourse_forum.h"
#include "tests/daemon_test_support.h"

namespace modbot {
namespace {

using testing::Count;
using testing::ForumFixture;
using testing::TempDir;

// Hides "SPAM" whoever wrote it; hides "LINK" from an account under a week old,
// sends it to review when the account's age is unknown, allows it otherwise.
Verdict AgeAwareJudge(const Post& post) {
  Verdict v;
  const std::string& text = post.body.own_text;
  const std::optional<int>& age = post.author.account_age_days;
  const bool link = text.find("LINK") != std::string::npos;
  if (text.find("SPAM") != std::string::npos || (link && age && *age < 7)) {
    v.action = Action::kHide;
    v.clauses = {Clause::kSpamLinks};
  } else if (link && !age) {
    v.action = Action::kReview;
    v.clauses = {Clause::kSpamLinks};
  }
  return v;
}

struct Burst {
  ForumFixture f;
  TempDir dir;
  DaemonConfig config;
  std::unique_ptr<Store> store;
  std::unique_ptr<DiscourseForum> forum;
  long long topic = f.forum.AddTopic("Parks", "General");

  Burst() {
    config.forum = f.Settings();
    config.store_path = dir.File("modbot.db");
    Reopen();
  }

  void Reopen() { testing::Restart(config, &store, &forum); }

  void NewAuthorPosts(int first, int count, const std::string& text) {
    for (int i = first; i < first + count; ++i) {
      const std::string name = "newcomer" + std::to_string(i);
      f.forum.AddUser({name, 0, 0, 0});
      f.forum.AddPost(topic, name, text + " " + std::to_string(i));
    }
  }

  void Step(const Judge& judge) {
    Daemon daemon(config, forum.get(), store.get(), judge, /*dry_run=*/false);
    bool forum_ok = false;
    std::string error;
    REQUIRE(daemon.Step(&forum_ok, &error));
    REQUIRE(forum_ok);
  }

  long long Requests(const std::string& route) { return f.forum.RequestsByRoute()[route]; }
};

TEST_CASE("a burst of new authors is judged before their facts are fetched", "[e2e][daemon]") {
  Burst b;
  b.NewAuthorPosts(0, 6, "a LINK to my shop");  // the verdict depends on the account's age
  b.NewAuthorPosts(6, 1, "SPAM SPAM");          // hidden whoever wrote it
  b.NewAuthorPosts(7, 5, "Lovely park");        // allowed whoever wrote it

  // For each judgement: the author lookups and flags sent before it.
  std::vector<std::pair<long long, long long>> seen;
  const Judge judge = [&](const Post& post) {
    seen.push_back({b.Requests("GET /u"), b.Requests("POST /post_actions")});
    return AgeAwareJudge(post);
  };
  b.Step(judge);

  REQUIRE_FALSE(seen.empty());
  CHECK(seen.front().first == 0);  // the first verdict came before any author lookup
  // Only the six authors whose age decides the verdict were looked up.
  CHECK(b.Requests("GET /u") == 6);
  // The SPAM post's hide went out before the last author lookup, and so before
  // the last of the waiting posts was judged.
  CHECK(seen.back().second >= 1);
  CHECK(seen.back().first == 6);

  // Every post was judged once, with the facts that decide it, and none skipped.
  CHECK(Count(b.store.get(), "SELECT COUNT(*) FROM verdicts") == 12);
  CHECK(Count(b.store.get(), "SELECT COUNT(*) FROM verdicts WHERE action = 'hide'") == 7);
  CHECK(Count(b.store.get(), "SELECT COUNT(*) FROM verdicts WHERE action = 'review'") == 0);
  std::string cursor, error;
  REQUIRE(b.store->GetCursor(&cursor, &error));
  CHECK(cursor == "12");
}

TEST_CASE("a batch cut short by a failed author lookup skips no post and judges none twice",
          "[e2e][daemon]") {
  Burst b;
  b.NewAuthorPosts(0, 1, "Lovely park");
  b.NewAuthorPosts(1, 1, "a LINK to my shop");  // waits for its author
  b.NewAuthorPosts(2, 2, "Lovely park");
  sample::Faults down;
  down.rate_500 = 1;
  // The forum fails from the first judgement on: the author lookup fails.
  const Judge failing = [&](const Post& post) {
    b.f.forum.SetFaults(down);
    return AgeAwareJudge(post);
  };
  b.config.forum.retries = 0;
  b.forum = std::make_unique<DiscourseForum>(b.config.forum);
  b.Step(failing);
  std::string cursor, error;
  REQUIRE(b.store->GetCursor(&cursor, &error));
  CHECK(cursor == "1");  // stops before the post still waiting
  CHECK(Count(b.store.get(), "SELECT COUNT(*) FROM verdicts") == 3);

  b.f.forum.SetFaults(sample::Faults());
  b.Step(AgeAwareJudge);
  REQUIRE(b.store->GetCursor(&cursor, &error));
  CHECK(cursor == "4");
  CHECK(Count(b.store.get(), "SELECT COUNT(*) FROM verdicts") == 4);
  CHECK(Count(b.store.get(), "SELECT COUNT(*) FROM audit WHERE event = 'verdict'") == 4);
  CHECK(b.f.forum.Posts()[1].hidden);
}

TEST_CASE("author facts survive a restart", "[e2e][daemon]") {
  Burst b;
  b.NewAuthorPosts(0, 3, "a LINK to my shop");
  b.Step(AgeAwareJudge);
  REQUIRE(b.Requests("GET /u") == 3);

  b.Reopen();
  for (int i = 0; i < 3; ++i) {
    b.f.forum.AddPost(b.topic, "newcomer" + std::to_string(i), "another LINK " + std::to_string(i));
  }
  b.Step(AgeAwareJudge);
  CHECK(b.Requests("GET /u") == 3);  // no second lookup
  CHECK(Count(b.store.get(), "SELECT COUNT(*) FROM verdicts WHERE action = 'hide'") == 6);
}

TEST_CASE("the pacer's recent requests survive a restart", "[e2e][daemon]") {
  Burst b;
  b.config.forum.requests_per_minute = 1000;  // paced, but never waiting in this test
  b.Reopen();
  b.NewAuthorPosts(0, 3, "a LINK to my shop");
  b.Step(AgeAwareJudge);
  const size_t sent = b.forum->RecentRequests().size();
  REQUIRE(sent >= 5);  // a poll, 3 author lookups, flags

  b.Reopen();
  REQUIRE(b.forum->RecentRequests().empty());
  Daemon daemon(b.config, b.forum.get(), b.store.get(), AgeAwareJudge, false);
  CHECK(b.forum->RecentRequests().size() == sent);
}

}  // namespace
}  // namespace modbot
