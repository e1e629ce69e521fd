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
