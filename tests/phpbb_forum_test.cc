// PhpbbForum over real loopback HTTP against the sample phpBB board.
#include <catch2/catch.hpp>

#include "adapters/phpbb/phpbb_forum.h"
#include "tests/forum_fixture.h"

namespace modbot {
namespace {

using testing::kAllUnjudged;
using testing::PhpbbFixture;
using testing::PollFromStart;
using testing::PostIds;

// The status's message shows when it is not ok.
#define REQUIRE_OK(expr)                    \
  do {                                      \
    ForumStatus status_ = (expr);           \
    INFO(status_.message);                  \
    REQUIRE(status_.ok());                  \
  } while (0)

std::vector<long long> Range(long long from, long long to) {
  std::vector<long long> ids;
  for (long long i = from; i <= to; ++i) ids.push_back(i);
  return ids;
}

TEST_CASE("phpbb: a burst beyond the feed is caught up from topic pages, none skipped",
          "[phpbb]") {
  PhpbbFixture f;
  f.forum.SeedSynthetic(95, 5);  // the feed holds the newest 15
  PhpbbForum forum(f.Settings());
  PollResult result;
  REQUIRE_OK(PollFromStart(forum, &result));
  CHECK(PostIds(result.new_posts) == Range(1, 95));
  CHECK(result.new_posts.back().cursor == "95");
  CHECK(forum.logins() == 1);
  // Ten posts a topic page: far fewer requests than posts.
  CHECK(forum.requests_sent() < 95);

  // From a cursor inside the feed: only the feed is read.
  const long long before = f.forum.requests();
  REQUIRE_OK(forum.Poll("90", std::chrono::minutes(0), kAllUnjudged, &result));
  CHECK(PostIds(result.new_posts) == Range(91, 95));
  CHECK(f.forum.requests() - before == 1);

  // A feed shorter than the burst (feed_limit_post = 3) costs pages, not posts.
  sample::PhpbbFaults faults;
  faults.feed_limit = 3;
  f.forum.SetFaults(faults);
  REQUIRE_OK(forum.Poll("40", std::chrono::minutes(0), kAllUnjudged, &result));
  CHECK(PostIds(result.new_posts) == Range(41, 95));
}

TEST_CASE("phpbb: posts carry rendered HTML, topic, forum and the author's profile facts",
          "[phpbb]") {
  PhpbbFixture f;
  f.forum.AddUser({"newbie", 3, 0, 2});
  long long topic = f.forum.AddTopic("Snow removal", "Public Works");
  f.forum.AddPost(topic, "newbie", "Is the plow <coming> today?");
  f.forum.AddPostHtml(topic, "newbie",
                      "<blockquote><div><cite>newbie wrote:</cite>Is the plow coming?</div>"
                      "</blockquote>Found it.");
  PhpbbForum forum(f.Settings());
  PollResult result;
  REQUIRE_OK(PollFromStart(forum, &result));
  REQUIRE(result.new_posts.size() == 2);
  const ForumPost& first = result.new_posts[0];
  CHECK(first.format == "html");
  CHECK(first.markup == "Is the plow &lt;coming&gt; today?");
  CHECK(first.topic_title == "Snow removal");
  CHECK(first.category == "Public Works");
  CHECK(first.url == f.url() + "/viewtopic.php?p=1#p1");
  CHECK(first.author.username == "newbie");
  CHECK(first.author.account_age_days == 3);
  CHECK(first.author.post_count == 2);
  CHECK(result.new_posts[1].topic_title == "Snow removal");  // "Re: " dropped
  CHECK(result.new_posts[1].markup.find("<cite>newbie wrote:</cite>") != std::string::npos);
}

TEST_CASE("phpbb: an edit comes back with a new version, an unchanged post does not",
          "[phpbb]") {
  PhpbbFixture f;
  f.forum.SeedSynthetic(5, 2);
  PhpbbForum forum(f.Settings());
  PollResult result;
  REQUIRE_OK(forum.Poll("", std::chrono::hours(1), kAllUnjudged, &result));
  std::map<std::string, std::string> judged;
  for (const ForumPost& p : result.new_posts) judged[p.id] = p.version;
  auto unjudged = [&](const std::string& id, const std::string& version) {
    return judged[id] != version;
  };
  REQUIRE_OK(forum.Poll("5", std::chrono::hours(1), unjudged, &result));
  CHECK(result.recent_posts.empty());
  REQUIRE(f.forum.EditPost(3, "Edited: now different words"));
  REQUIRE_OK(forum.Poll("5", std::chrono::hours(1), unjudged, &result));
  REQUIRE(result.recent_posts.size() == 1);
  CHECK(result.recent_posts[0].id == "3");
  CHECK(result.recent_posts[0].version != judged["3"]);
}

TEST_CASE("phpbb: hide soft-deletes with the reason, restore restores, both idempotent",
          "[phpbb]") {
  PhpbbFixture f;
  long long topic = f.forum.AddTopic("Parks", "General");
  f.forum.AddPost(topic, "alice", "Buy now");
  PhpbbForum forum(f.Settings());
  REQUIRE_OK(forum.Hide("1", "modbot: principle 7, commercial", false));
  CHECK(f.forum.Posts()[0].deleted);
  CHECK(f.forum.Posts()[0].delete_reason == "modbot: principle 7, commercial");
  REQUIRE_OK(forum.Hide("1", "again", true));
  CHECK(f.forum.Posts()[0].delete_reason == "modbot: principle 7, commercial");

  // The session dies: the adapter logs in again by itself.
  f.forum.ExpireSessions();
  REQUIRE_OK(forum.Restore("1", false));
  CHECK_FALSE(f.forum.Posts()[0].deleted);
  CHECK(forum.logins() == 2);
  REQUIRE_OK(forum.Restore("1", true));

  CHECK(forum.Hide("77", "x", false).code == ForumStatus::Code::kGone);
  CHECK(forum.Hide("abc", "x", false).code == ForumStatus::Code::kPermanent);
}

TEST_CASE("phpbb: review is one report with the reason as its text", "[phpbb]") {
  PhpbbFixture f;
  long long topic = f.forum.AddTopic("Parks", "General");
  f.forum.AddPost(topic, "alice", "You are rude");
  PhpbbForum forum(f.Settings());
  REQUIRE_OK(forum.SendToReview("1", "modbot: principle 3 (abusive), score 0.6", false));
  REQUIRE_OK(forum.SendToReview("1", "modbot: again", true));
  REQUIRE_OK(forum.SendToReview("1", "modbot: again", false));  // ALREADY_REPORTED
  REQUIRE(f.forum.Posts()[0].reports.size() == 1);
  CHECK(f.forum.Posts()[0].reports[0] == "4:modbot: principle 3 (abusive), score 0.6");
}

TEST_CASE("phpbb: a report on a deleted post is gone, soft-deleted or deleted for good",
          "[phpbb]") {
  PhpbbFixture f;
  long long topic = f.forum.AddTopic("Parks", "General");
  f.forum.AddPost(topic, "alice", "You are rude");
  PhpbbForum forum(f.Settings());
  // phpBB lets a moderator report a soft-deleted post (report_handler_post.php).
  REQUIRE(f.forum.DeleteAsModerator(1, "mod_anne", "rude"));
  CHECK(forum.SendToReview("1", "modbot: principle 3", false).code == ForumStatus::Code::kGone);
  CHECK(f.forum.Posts()[0].reports.empty());
  CHECK(forum.SendToReview("99", "modbot: principle 3", false).code == ForumStatus::Code::kGone);
}

TEST_CASE("phpbb: one User-Agent, more than a second between a form and its post, the "
          "configured host",
          "[phpbb]") {
  PhpbbFixture f;
  long long topic = f.forum.AddTopic("Parks", "General");
  f.forum.AddPost(topic, "alice", "Buy now");
  f.forum.AddPost(topic, "alice", "You are rude");
  PhpbbForum forum(f.Settings());
  REQUIRE_OK(forum.Hide("1", "modbot: principle 7", false));
  REQUIRE_OK(forum.Restore("1", false));
  REQUIRE_OK(forum.SendToReview("2", "modbot: principle 3", false));
  REQUIRE_OK(forum.Notify(ForumNotice{"1", "alice", "Your post 1 was hidden", "Sorry."}, false));
  CHECK(f.forum.user_agents().size() == 1);
  CHECK(f.forum.shortest_form_wait() > std::chrono::seconds(1));

  // phpBB's cookies name the board's host (cookie_domain): under another name for
  // the same address the session never sticks, and the error says why.
  ForumSettings other = f.Settings();
  other.url = "http://localhost:" + std::to_string(f.port);
  PhpbbForum elsewhere(other);
  ForumStatus status = elsewhere.Hide("1", "x", false);
  CHECK(status.code == ForumStatus::Code::kRetry);
  INFO(status.message);
  CHECK(status.message.find("'localhost'") != std::string::npos);
}

TEST_CASE("phpbb: a notice is one private message, flood and stale forms mean a wait",
          "[phpbb]") {
  PhpbbFixture f;
  f.forum.AddUser({"alice", 100, 1, 3});
  PhpbbForum forum(f.Settings());
  ForumNotice notice{"1", "alice", "Your post #1 was hidden", "Hello alice, ..."};
  REQUIRE_OK(forum.Notify(notice, false));
  REQUIRE_OK(forum.Notify(notice, true));  // found in the outbox: not sent again
  REQUIRE(f.forum.Messages().size() == 1);
  CHECK(f.forum.Messages()[0].recipient == "alice");
  CHECK(f.forum.Messages()[0].subject == "Your post #1 was hidden");

  sample::PhpbbFaults faults;
  faults.flood_interval_seconds = 60;
  f.forum.SetFaults(faults);
  ForumStatus flood = forum.Notify({"2", "alice", "Your post #2 was hidden", "..."}, false);
  CHECK(flood.code == ForumStatus::Code::kRetry);
  CHECK(flood.retry_after_seconds == 15);

  faults = {};
  faults.rate_form_invalid = 1.0;
  f.forum.SetFaults(faults);
  ForumStatus stale = forum.Notify({"2", "alice", "Your post #2 was hidden", "..."}, false);
  CHECK(stale.code == ForumStatus::Code::kRetry);
  CHECK(stale.message.find("FORM_INVALID") != std::string::npos);
  f.forum.SetFaults({});
  REQUIRE_OK(forum.Notify({"2", "alice", "Your post #2 was hidden", "..."}, true));
  CHECK(f.forum.Messages().size() == 2);
  CHECK(forum.Notify({"3", "nobody", "t", "b"}, false).code == ForumStatus::Code::kGone);
}

TEST_CASE("phpbb: 503s and slow pages cost retries, not posts", "[phpbb]") {
  PhpbbFixture f;
  f.forum.SeedSynthetic(40, 9);
  sample::PhpbbFaults faults;
  faults.rate_503 = 0.2;
  faults.rate_slow = 0.05;
  faults.slow_ms = 300;
  ForumSettings settings = f.Settings();
  settings.retries = 8;
  settings.timeout = std::chrono::milliseconds(200);
  PhpbbForum forum = testing::WithFaults<PhpbbForum>(f, faults, settings);
  PollResult result;
  REQUIRE_OK(PollFromStart(forum, &result, /*polls=*/10));
  CHECK(PostIds(result.new_posts) == Range(1, 40));
}

}  // namespace
}  // namespace modbot
