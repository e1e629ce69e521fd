// The daemon end to end against the sample phpBB board: soft delete with the
// reason, a report for review, one private message per hidden post, edits re-judged.
#include <catch2/catch.hpp>

#include "adapters/phpbb/phpbb_forum.h"
#include "tests/daemon_test_support.h"

namespace modbot {
namespace {

using testing::Count;

struct PhpbbWorld : testing::DaemonWorld<testing::PhpbbFixture, PhpbbForum> {
  PhpbbWorld() {
    f.forum.AddPostHtml(topic, "alice",
                        "<blockquote><div><cite>benoit wrote:</cite>SPAM in a quote</div>"
                        "</blockquote>Quoting is fine.");
  }
};

TEST_CASE("phpbb: hidden posts are soft-deleted with the reason, reviews reported, authors told once",
          "[e2e][phpbb]") {
  PhpbbWorld w;
  REQUIRE(w.Step());
  std::vector<sample::PhpbbPost> posts = w.f.forum.Posts();
  CHECK_FALSE(posts[0].deleted);
  CHECK(posts[0].reports.empty());
  CHECK(posts[1].deleted);
  CHECK(posts[1].delete_reason.find("principle 12") != std::string::npos);
  CHECK_FALSE(posts[2].deleted);
  REQUIRE(posts[2].reports.size() == 1);
  CHECK(posts[2].reports[0].find("principle 3") != std::string::npos);
  CHECK_FALSE(posts[3].deleted);  // the spam is in a quote, not the author's words

  std::vector<sample::PhpbbMessage> messages = w.f.forum.Messages();
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].recipient == "benoit");
  CHECK(messages[0].subject == "Votre message n° 2 a été masqué");

  REQUIRE(w.Step());  // nothing new: nothing done again
  CHECK(w.f.forum.Messages().size() == 1);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM verdicts") == 4);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM outbox WHERE state != 'done'") == 0);

  // An edit turns post 1 into spam: judged again, hidden, its author told.
  REQUIRE(w.f.forum.EditPost(1, "Edited: now it is SPAM bit.ly/z"));
  REQUIRE(w.Step());
  CHECK(w.f.forum.Posts()[0].deleted);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM verdicts WHERE post_id = '1' AND action = "
                             "'hide'") == 1);
  CHECK(w.f.forum.Messages().size() == 2);
}

}  // namespace
}  // namespace modbot

namespace modbot {
namespace {

TEST_CASE("phpbb: decisions taken in the MCP are read back and recorded once",
          "[e2e][phpbb][decisions]") {
  PhpbbWorld w;
  w.Step();
  REQUIRE(Count(w.store.get(), "SELECT COUNT(*) FROM forum_watch WHERE decided_at IS NULL") == 2);
  // A moderator restores the post the bot soft-deleted, and deletes the one it reported.
  REQUIRE(w.f.forum.Restore(2));
  REQUIRE(w.f.forum.DeleteAsModerator(3, "mod_anne", "rude"));
  w.Step();
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM audit WHERE post_id = '2' AND event = 'approve' "
                             "AND outcome = 'approved on the forum'") == 1);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM audit WHERE post_id = '3' AND event = 'remove' "
                             "AND actor = 'mod_anne'") == 1);
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM outbox WHERE kind IN ('hide', 'restore') "
                             "AND post_id IN ('2', '3')") == 1);  // the bot's own hide of 2
  // The reported post's author is told once, now that it is down.
  REQUIRE(w.f.forum.Messages().size() == 2);
  CHECK(w.f.forum.Messages()[1].recipient == "alice");
  w.Step();
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM audit WHERE event IN ('approve', 'remove')") == 2);
  CHECK(w.f.forum.Messages().size() == 2);
}

TEST_CASE("phpbb: a closed report leaves the post up and counts as approved",
          "[e2e][phpbb][decisions]") {
  PhpbbWorld w;
  w.Step();
  REQUIRE(w.f.forum.CloseReports(3));
  w.Step();
  std::optional<ReviewItem> item;
  std::string error;
  REQUIRE(w.store->GetReview("3", &item, &error));
  CHECK(item->status == "approved");
  CHECK(item->note == "report closed on the forum, post left up");
}

}  // namespace
}  // namespace modbot
