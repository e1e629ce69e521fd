// The daemon end to end: sample forum over loopback, a real SQLite store, and a
// judge whose verdicts are known in advance.
#include <catch2/catch.hpp>

#include <algorithm>
#include <thread>

#include "adapters/discourse/discourse_forum.h"
#include "bot/review_decision.h"
#include "bot/webhook_queue.h"
#include "tests/daemon_test_support.h"
#include "tests/modbot_process.h"

namespace modbot {
namespace {

using testing::ForumFixture;
using testing::Count;

struct World : testing::DaemonWorld<ForumFixture, DiscourseForum> {
  explicit World(ReviewRoute route = ReviewRoute::kBoth) : DaemonWorld(route) {
    f.forum.AddPost(topic, "alice", "Buy now SPAM tinyurl.com/y");
  }
};

TEST_CASE("posts are hidden, flagged and notified exactly as the verdicts say", "[e2e][daemon]") {
  World w;
  REQUIRE(w.Step());
  std::vector<sample::SamplePost> posts = w.f.forum.Posts();
  CHECK_FALSE(posts[0].hidden);
  CHECK(posts[0].flags.empty());
  CHECK(posts[1].hidden);
  CHECK(posts[1].flags.count(7));
  CHECK(posts[1].flags.at(7).find("principle 12") != std::string::npos);
  CHECK_FALSE(posts[2].hidden);
  CHECK(posts[2].flags.count(7));
  CHECK(posts[3].hidden);

  std::vector<sample::SampleMessage> messages = w.f.forum.Messages();
  REQUIRE(messages.size() == 2);
  CHECK(messages[0].recipient == "benoit");
  CHECK(messages[0].title == "Votre message n° 2 a été masqué");  // a French post
  CHECK(messages[0].raw.find("Principe 12 : ") != std::string::npos);
  CHECK(messages[1].recipient == "alice");
  CHECK(messages[1].title == "Your post #4 was hidden");

  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM verdicts") == 4);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM outbox WHERE state != 'done'") == 0);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM notices_sent") == 2);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM review_queue") == 3);  // 2 hidden + 1
  std::string cursor, error;
  REQUIRE(w.store->GetCursor(&cursor, &error));
  CHECK(cursor == "4");

  // A second poll finds nothing new and does nothing again.
  REQUIRE(w.Step());
  CHECK(w.f.forum.Messages().size() == 2);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM audit WHERE event = 'verdict'") == 4);
}

// Issue 12 item 1: with a non-staff key modbot logged "hide post 116: done" and
// told 5 authors their visible posts were hidden.
TEST_CASE("a hide the forum ignored is refused, and its author is not told", "[e2e][daemon]") {
  World w;
  w.f.forum.SetStaff(testing::kApiUser, false);
  REQUIRE(w.Step());
  for (const sample::SamplePost& p : w.f.forum.Posts()) CHECK_FALSE(p.hidden);
  CHECK(w.f.forum.Messages().empty());
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM outbox WHERE kind = 'hide' AND state = 'done'") == 0);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM notices_sent") == 0);
}

TEST_CASE("modbot run refuses to start when api_username may not moderate", "[e2e][daemon]") {
  ForumFixture f;
  f.forum.SeedDemo();
  f.forum.SetStaff(testing::kApiUser, false);
  testing::TempDir dir;
  const std::string config = testing::WriteDaemonConfig(dir, f.url());
  testing::Run run = testing::Modbot({"run", "--config", config, "--once"});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("refusing to run: api_username 'modbot' is neither a moderator nor an admin") !=
        std::string::npos);
  CHECK(f.forum.RequestsByRoute()["POST /post_actions"] == 0);

  testing::Run dry = testing::Modbot({"run", "--config", config, "--once", "--dry-run"});
  CHECK(dry.exit_code == 0);
  CHECK(dry.err.find("a real run would refuse") != std::string::npos);
}

TEST_CASE("dry run records verdicts and acts on nothing", "[e2e][daemon]") {
  World w;
  REQUIRE(w.Step(/*dry_run=*/true));
  for (const sample::SamplePost& p : w.f.forum.Posts()) {
    CHECK_FALSE(p.hidden);
    CHECK(p.flags.empty());
  }
  CHECK(w.f.forum.Messages().empty());
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM audit WHERE actor = 'modbot (dry run)'") == 4);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM outbox") == 0);
  std::string cursor, error;
  REQUIRE(w.store->GetCursor(&cursor, &error));
  CHECK(cursor.empty());  // a real run later still sees every post
}

TEST_CASE("a dry run leaves the webhook queue to the real run", "[e2e][daemon]") {
  World w;
  bool repeated = false;
  std::string error;
  REQUIRE(QueueWebhookPost(w.store->db(), "event-1", "1", R"({"id": 1})", 0, &repeated, &error));
  REQUIRE(w.Step(/*dry_run=*/true));
  std::vector<QueuedPost> queued;
  REQUIRE(QueuedWebhookPosts(w.store->db(), &queued, &error));
  CHECK(queued.size() == 1);
}

TEST_CASE("an edited post is judged again", "[e2e][daemon]") {
  World w;
  REQUIRE(w.Step());
  REQUIRE_FALSE(w.f.forum.Posts()[0].hidden);
  REQUIRE(w.f.forum.EditPost(1, "Edited: now it is SPAM bit.ly/z"));
  REQUIRE(w.Step());
  CHECK(w.f.forum.Posts()[0].hidden);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM verdicts WHERE post_id = '1' "
                             "AND action = 'hide'") == 1);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM audit WHERE post_id = '1' "
                             "AND event = 'verdict'") == 2);
  CHECK(w.f.forum.Messages().size() == 3);
}

TEST_CASE("review routing: local only never flags on the forum", "[e2e][daemon]") {
  World w(ReviewRoute::kLocal);
  REQUIRE(w.Step());
  CHECK(w.f.forum.Posts()[2].flags.empty());
  std::vector<ReviewItem> items;
  std::string error;
  REQUIRE(w.store->ListReview(true, &items, &error));
  REQUIRE(items.size() == 3);
  auto rude = std::find_if(items.begin(), items.end(),
                           [](const ReviewItem& item) { return item.post_id == "3"; });
  REQUIRE(rude != items.end());
  CHECK(rude->action == "review");
  // With the post in context, for the review console.
  CHECK(rude->context.topic_title == "Parks");
  CHECK(rude->context.text == "You are RUDE and wrong.");
  CHECK(rude->context.author_account_age_days == 400);

  // A moderator removes it: the daemon hides it on the forum.
  ReviewOutcome outcome;
  REQUIRE(DecideReview(w.store.get(), {}, {"3", /*approve=*/false, "mod_anne", std::nullopt, "rude"},
                       NowMillis(), &outcome, &error));
  REQUIRE(outcome == ReviewOutcome::kRecorded);
  REQUIRE(w.Step());
  CHECK(w.f.forum.Posts()[2].hidden);
  // Its author is told, once, in the words of the daemon's own notices.
  REQUIRE(w.f.forum.Messages().size() == 3);
  CHECK(w.f.forum.Messages()[2].recipient == "alice");
  CHECK(w.f.forum.Messages()[2].title == "Your post #3 was hidden");
  CHECK(w.f.forum.Messages()[2].raw.find("Principle 3: ") != std::string::npos);
  // And restores a post the bot hid.
  REQUIRE(DecideReview(w.store.get(), {}, {"2", /*approve=*/true, "mod_anne", std::nullopt, "fine"},
                       NowMillis(), &outcome, &error));
  REQUIRE(outcome == ReviewOutcome::kRecorded);
  REQUIRE(w.Step());
  CHECK_FALSE(w.f.forum.Posts()[1].hidden);
}

TEST_CASE("a post a person deleted before its hide gets no notice", "[e2e][daemon]") {
  World w(ReviewRoute::kLocal);
  REQUIRE(w.Step());
  const size_t messages = w.f.forum.Messages().size();  // for the two posts hidden at once
  std::string error;
  ReviewOutcome outcome;
  REQUIRE(DecideReview(w.store.get(), {}, {"3", /*approve=*/false, "mod_anne", std::nullopt, "rude"},
                       NowMillis(), &outcome, &error));
  REQUIRE(outcome == ReviewOutcome::kRecorded);
  // Before the daemon carries the removal out, a staff member deletes the post.
  REQUIRE(w.f.forum.DeletePost(3));
  REQUIRE(w.Step());
  CHECK(w.f.forum.Messages().size() == messages);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM outbox WHERE post_id = '3' AND kind = 'notify' "
                             "AND state = 'failed' AND last_error LIKE 'not sent: the post was "
                             "deleted on the forum%'") == 1);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM audit WHERE post_id = '3' AND event = 'hide' "
                             "AND outcome LIKE 'gone: %404%'") == 1);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM audit WHERE post_id = '3' AND event = 'notify' "
                             "AND outcome = 'cancelled: the post was deleted on the forum, not "
                             "hidden by modbot'") == 1);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM notices_sent WHERE post_id = '3'") == 0);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM outbox WHERE state = 'pending'") == 0);
}

TEST_CASE("an outage and a flaky forum cost time, not actions", "[e2e][daemon]") {
  World w;
  w.config.forum.retries = 0;  // let every failure reach the daemon
  w.forum = std::make_unique<DiscourseForum>(w.config.forum);
  sample::Faults down;
  down.rate_500 = 1.0;
  w.f.forum.SetFaults(down);
  CHECK_FALSE(w.Step());
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM verdicts") == 0);

  sample::Faults flaky;
  flaky.rate_500 = 0.3;
  flaky.rate_truncate = 0.2;
  flaky.rate_reset = 0.1;
  w.f.forum.SetFaults(flaky);
  for (int i = 0; i < 300; ++i) {
    w.Step();
    if (Count(w.store.get(), "SELECT COUNT(*) FROM verdicts") == 4 &&
        Count(w.store.get(), "SELECT COUNT(*) FROM outbox WHERE state = 'pending'") == 0) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  std::vector<sample::SamplePost> posts = w.f.forum.Posts();
  CHECK(posts[1].hidden);
  CHECK(posts[2].flags.count(7));
  CHECK(posts[3].hidden);
  CHECK(w.f.forum.Messages().size() == 2);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM outbox WHERE state = 'done'") == 5);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM audit WHERE event = 'verdict'") == 4);
}

}  // namespace
}  // namespace modbot
