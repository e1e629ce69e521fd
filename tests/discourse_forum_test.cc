// DiscourseForum over real loopback HTTP against the sample forum.
#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <mutex>
#include <set>

#include "adapters/discourse/discourse_forum.h"
#include "tests/forum_fixture.h"
#include "tests/scripted_http_server.h"

namespace modbot {
namespace {

using testing::ForumFixture;
using testing::kAllUnjudged;
using testing::PollFromStart;
using testing::PostIds;
using testing::WithFaults;

// One poll of five posts with every request hit by faults and a single retry.
ForumStatus PollUnderFaults(ForumFixture& f, const sample::Faults& faults, ForumSettings settings,
                            PollResult* result) {
  f.forum.SeedSynthetic(5, 5);
  settings.retries = 1;
  DiscourseForum forum = WithFaults<DiscourseForum>(f, faults, settings);
  return PollFromStart(forum, result);
}

TEST_CASE("a backlog of 1,200 posts is caught up oldest first, none skipped", "[discourse]") {
  ForumFixture f;
  f.forum.SeedSynthetic(1200, 7);
  DiscourseForum forum(f.Settings());
  PollResult result;
  REQUIRE(PollFromStart(forum, &result).ok());
  REQUIRE(result.new_posts.size() == 1200);
  std::vector<long long> ids = PostIds(result.new_posts);
  for (size_t i = 0; i < ids.size(); ++i) CHECK(ids[i] == static_cast<long long>(i + 1));
  CHECK(result.new_posts.back().cursor == "1200");

  // From a cursor in the middle, only what follows it, with paging back to it.
  REQUIRE(forum.Poll("1100", std::chrono::minutes(0), kAllUnjudged, &result).ok());
  ids = PostIds(result.new_posts);
  REQUIRE(ids.size() == 100);
  CHECK(ids.front() == 1101);
  CHECK(ids.back() == 1200);
}

TEST_CASE("posts carry markup, topic, category, reply text and the listing's author facts",
          "[discourse]") {
  ForumFixture f;
  f.forum.AddUser({"newbie", 2, 0, 1});
  long long topic = f.forum.AddTopic("Snow removal", "Public Works");
  f.forum.AddPost(topic, "newbie", "Is the **plow** coming today?");
  f.forum.AddPost(topic, "newbie", "Thanks, found it on the City site.", 1);
  DiscourseForum forum(f.Settings());
  PollResult result;
  REQUIRE(PollFromStart(forum, &result).ok());
  REQUIRE(result.new_posts.size() == 2);
  const ForumPost& first = result.new_posts[0];
  CHECK(first.markup == "Is the **plow** coming today?");
  CHECK(first.format == "markdown");
  CHECK(first.topic_title == "Snow removal");
  CHECK(first.category == "Public Works");
  CHECK(first.version.rfind("1.", 0) == 0);  // Discourse's version, then the text's hash
  CHECK(first.url == f.url() + "/t/snow-removal/" + std::to_string(topic) + "/1");
  // /posts.json carries the trust level, not the account's age nor its post count
  // (app/serializers/post_serializer.rb): those cost a lookup, left to the caller.
  CHECK(first.author.username == "newbie");
  CHECK(first.author.trust_level == 0);
  CHECK_FALSE(first.author.account_age_days);
  CHECK_FALSE(first.author.post_count);
  CHECK(first.author.more_known);
  const ForumPost& reply = result.new_posts[1];
  REQUIRE(reply.reply_to);
  CHECK(*reply.reply_to == "Is the **plow** coming today?");
  CHECK(f.forum.RequestsByRoute()["GET /u"] == 0);

  ForumAuthor author;
  REQUIRE(forum.AuthorFacts("newbie", &author).ok());
  CHECK(author.account_age_days == 2);
  CHECK(author.trust_level == 0);
  CHECK(author.post_count == 1);
  CHECK_FALSE(author.more_known);
  CHECK(f.forum.RequestsByRoute()["GET /u"] == 1);
}

// Issue 12 item 5: Discourse lists only posts of listed topics in /posts.json
// (Post.public_posts.visible, app/models/post.rb); the sample listed them all.
TEST_CASE("posts of an unlisted topic are not in /posts.json, as on Discourse", "[discourse]") {
  ForumFixture f;
  f.forum.AddUser({"resident", 400, 1, 20});
  const long long listed = f.forum.AddTopic("Parks", "General");
  const long long unlisted = f.forum.AddTopic("Closed matter", "General");
  f.forum.AddPost(listed, "resident", "Seen");
  f.forum.AddPost(unlisted, "resident", "Posted before the topic was unlisted");
  REQUIRE(f.forum.SetTopicListed(unlisted, false));
  f.forum.AddPost(unlisted, "resident", "A reply after it was unlisted");
  DiscourseForum forum(f.Settings());
  PollResult result;
  REQUIRE(PollFromStart(forum, &result).ok());
  CHECK(PostIds(result.new_posts) == std::vector<long long>{1});

  REQUIRE(f.forum.SetTopicListed(unlisted, true));  // listed again: all of it shows
  REQUIRE(PollFromStart(forum, &result).ok());
  CHECK(PostIds(result.new_posts) == std::vector<long long>{1, 2, 3});
}

TEST_CASE("an idle poll costs one request, and edits in the window come back", "[discourse]") {
  ForumFixture f;
  f.forum.SeedSynthetic(30, 3);
  DiscourseForum forum(f.Settings());
  PollResult result;
  REQUIRE(forum.Poll("", std::chrono::minutes(60), kAllUnjudged, &result).ok());
  long long before = f.forum.requests();
  // The first page reaches back past both the cursor and the (empty) window.
  REQUIRE(forum.Poll("30", std::chrono::minutes(0), kAllUnjudged, &result).ok());
  CHECK(f.forum.requests() - before == 1);
  CHECK(result.new_posts.empty());
  CHECK(result.recent_posts.empty());

  REQUIRE(forum.Poll("30", std::chrono::minutes(60), kAllUnjudged, &result).ok());
  CHECK(result.recent_posts.size() == 30);  // all created within the window
  std::map<std::string, std::string> judged;
  for (const ForumPost& post : result.recent_posts) judged[post.id] = post.version;

  REQUIRE(f.forum.EditPost(12, "edited text"));
  const long long before_edit_poll = f.forum.requests();
  auto edited = [&](const std::string& id, const std::string& version) {
    return judged.at(id) != version;
  };
  REQUIRE(forum.Poll("30", std::chrono::minutes(60), edited, &result).ok());
  REQUIRE(result.recent_posts.size() == 1);
  CHECK(result.recent_posts[0].id == "12");
  CHECK(result.recent_posts[0].markup == "edited text");
  CHECK(f.forum.requests() - before_edit_poll == 2);  // the page and the empty one after it
}

TEST_CASE("a ninja edit, which keeps Discourse's version, still reads as a new version",
          "[discourse]") {
  ForumFixture f;
  long long topic = f.forum.AddTopic("Pool hours", "Loisirs");
  f.forum.AddPost(topic, "newbie", "What time does the pool open?");
  DiscourseForum forum(f.Settings());
  PollResult result;
  REQUIRE(forum.Poll("", std::chrono::minutes(60), kAllUnjudged, &result).ok());
  REQUIRE(result.new_posts.size() == 1);
  const std::string judged = result.new_posts[0].version;

  REQUIRE(f.forum.EditPost(1, "What time does the pool open, you idiots?"));
  REQUIRE(f.forum.Posts()[0].version == 1);  // within the grace period: no new revision
  auto unjudged = [&](const std::string&, const std::string& v) { return v != judged; };
  REQUIRE(forum.Poll("1", std::chrono::minutes(60), unjudged, &result).ok());
  REQUIRE(result.recent_posts.size() == 1);
  CHECK(result.recent_posts[0].markup == "What time does the pool open, you idiots?");
}

TEST_CASE("read requests per poll: 1 when idle, 2 for 50 new posts by known authors",
          "[discourse]") {
  ForumFixture f;
  f.forum.SeedSynthetic(1000, 9);
  DiscourseForum forum(f.Settings());
  PollResult result;
  REQUIRE(PollFromStart(forum, &result).ok());
  std::string cursor = result.new_posts.back().cursor;

  long long before = f.forum.requests();
  REQUIRE(forum.Poll(cursor, std::chrono::minutes(0), kAllUnjudged, &result).ok());
  CHECK(f.forum.requests() - before == 1);

  for (int i = 0; i < 50; ++i) f.forum.AddPost(1, "resident" + std::to_string(i), "Merci !");
  before = f.forum.requests();
  REQUIRE(forum.Poll(cursor, std::chrono::minutes(0), kAllUnjudged, &result).ok());
  CHECK(result.new_posts.size() == 50);
  // The page of the 50 new posts, and the next one to see the cursor.
  CHECK(f.forum.requests() - before == 2);
}

TEST_CASE("hide, review, restore and notify change the forum, and repeat safely",
          "[discourse]") {
  ForumFixture f;
  f.forum.SeedSynthetic(3, 1);
  DiscourseForum forum(f.Settings());

  REQUIRE(forum.Hide("1", "principle 12", false).ok());
  REQUIRE(forum.SendToReview("2", "principle 3", false).ok());
  std::vector<sample::SamplePost> posts = f.forum.Posts();
  CHECK(posts[0].hidden);
  // The reason reaches the moderators: Discourse drops the message of an
  // "inappropriate" flag and keeps a notify_moderators one (lib/post_action_creator.rb).
  CHECK(posts[0].flags.at(7) == "principle 12");
  CHECK_FALSE(posts[1].hidden);
  CHECK(posts[1].flags.at(7) == "principle 3");

  // A retry after an attempt that did reach the forum does nothing more.
  CHECK(forum.Hide("1", "principle 12", true).ok());
  CHECK(forum.SendToReview("2", "principle 3", true).ok());
  // Even without the retry hint, Discourse's 422 for a repeated flag is recognised.
  CHECK(forum.SendToReview("2", "principle 3", false).ok());

  REQUIRE(forum.Restore("1", false).ok());
  CHECK_FALSE(f.forum.Posts()[0].hidden);

  ForumNotice notice{"1", f.forum.Posts()[0].username, "Your post #1 was hidden",
                     "Hello, your post was hidden because..."};
  REQUIRE(forum.Notify(notice, false).ok());
  REQUIRE(forum.Notify(notice, true).ok());  // already sent: not sent again
  REQUIRE(f.forum.Messages().size() == 1);
  CHECK(f.forum.Messages()[0].recipient == notice.username);

  CHECK(forum.Hide("999", "x", false).code == ForumStatus::Code::kGone);
}

// Issue 12 item 1: Discourse ignores a non-staff key's take_action and answers 200
// with the post still visible, refuses its queue_for_review, and takes one flag per
// user and post (lib/post_action_creator.rb, lib/guardian/post_guardian.rb).
TEST_CASE("a hide the forum did not carry out is never reported as done", "[discourse]") {
  ForumFixture f;
  f.forum.SeedSynthetic(3, 1);
  DiscourseForum forum(f.Settings());
  REQUIRE(forum.CheckAccount().ok());  // the sample's API user is an admin

  f.forum.SetStaff(testing::kApiUser, false);
  ForumStatus account = forum.CheckAccount();
  CHECK(account.code == ForumStatus::Code::kPermanent);
  CHECK(account.message.find("neither a moderator nor an admin") != std::string::npos);

  ForumStatus hide = forum.Hide("1", "principle 12", false);
  CHECK(hide.code == ForumStatus::Code::kRetry);  // until it is made a moderator again
  CHECK(hide.message.find("moderator or admin") != std::string::npos);
  CHECK(forum.Hide("1", "principle 12", true).code == ForumStatus::Code::kRetry);
  CHECK_FALSE(f.forum.Posts()[0].hidden);
  CHECK(f.forum.SystemMessages().empty());

  f.forum.SetStaff(testing::kApiUser, true);
  REQUIRE(forum.Hide("2", "principle 12", false).ok());
  CHECK(f.forum.Posts()[1].hidden);
  // Post#hide! tells the author itself (app/models/post.rb).
  REQUIRE(f.forum.SystemMessages().size() == 1);
  CHECK(f.forum.SystemMessages()[0].recipient == f.forum.Posts()[1].username);
}

// With review_queue "both", a post the bot flagged for review and a moderator then
// removes with `modbot review remove`: Discourse answers 422 to a second flag from
// the same user (lib/guardian/post_guardian.rb#post_can_act?), so the hide goes
// through the post's reviewable, as "Agree and hide" in Discourse's review queue
// (reviewables_controller.rb#perform, reviewable_flagged_post.rb).
TEST_CASE("a post flagged for review is hidden through its reviewable", "[discourse]") {
  ForumFixture f;
  f.forum.SeedSynthetic(2, 1);
  DiscourseForum forum(f.Settings());
  REQUIRE(forum.SendToReview("1", "principle 3", false).ok());
  REQUIRE(forum.SendToReview("2", "principle 3", false).ok());

  const long long before = f.forum.requests();
  ForumStatus hide = forum.Hide("1", "principle 3", false);
  INFO(hide.message);
  REQUIRE(hide.ok());
  // The refused flag, the post, its reviewable, agree_and_hide, the post again.
  CHECK(f.forum.requests() - before == 5);
  CHECK(f.forum.Posts()[0].hidden);
  // Post#hide! tells the author once (app/models/post.rb).
  REQUIRE(f.forum.SystemMessages().size() == 1);
  CHECK(f.forum.SystemMessages()[0].recipient == f.forum.Posts()[0].username);
  // A retry finds it hidden and does nothing more.
  CHECK(forum.Hide("1", "principle 3", true).ok());
  CHECK(f.forum.SystemMessages().size() == 1);

  // A flag a moderator already ruled on in Discourse is not overruled.
  REQUIRE(f.forum.Perform(2, sample::ReviewAction::kIgnore, "mod_marie"));
  ForumStatus decided = forum.Hide("2", "principle 3", false);
  CHECK(decided.code == ForumStatus::Code::kPermanent);
  CHECK(decided.message.find("already decided") != std::string::npos);
  CHECK_FALSE(f.forum.Posts()[1].hidden);
}

// Issue 12 item 3: Discourse answers 403 to unhiding a post that is not hidden, which
// modbot logged as "check api_username and the API key".
TEST_CASE("restoring a visible post does nothing, and a 403 never blames a good key",
          "[discourse]") {
  ForumFixture f;
  f.forum.SeedSynthetic(2, 1);
  DiscourseForum forum(f.Settings());
  REQUIRE(forum.Hide("2", "principle 12", false).ok());
  REQUIRE(f.forum.Unhide(2));  // a moderator was quicker
  CHECK(forum.Restore("2", false).ok());
  CHECK(forum.Restore("1", false).ok());  // never hidden
  CHECK(f.forum.RequestsByRoute()["PUT /posts"] == 0);

  REQUIRE(forum.Hide("1", "principle 12", false).ok());
  f.forum.SetStaff(testing::kApiUser, false);
  ForumStatus refused = forum.Restore("1", false);
  CHECK(refused.code == ForumStatus::Code::kRetry);
  CHECK(refused.message.find("HTTP 403") != std::string::npos);
  CHECK(refused.message.find("API key") == std::string::npos);
  CHECK(refused.message.find("moderator or admin") != std::string::npos);
  f.forum.SetStaff(testing::kApiUser, true);
  REQUIRE(forum.Restore("1", true).ok());
  CHECK_FALSE(f.forum.Posts()[0].hidden);
}

TEST_CASE("429s are honoured and 5xx, resets and truncated bodies retried", "[discourse]") {
  ForumFixture f;
  f.forum.SeedSynthetic(120, 5);
  sample::Faults faults;
  faults.rate_429 = 0.2;
  faults.rate_500 = 0.2;
  faults.rate_reset = 0.1;
  faults.rate_truncate = 0.1;
  faults.retry_after_seconds = 0;  // keep the test fast; the hint itself is tested below
  ForumSettings settings = f.Settings();
  settings.retries = 30;
  DiscourseForum forum = WithFaults<DiscourseForum>(f, faults, settings);
  PollResult result;
  REQUIRE(PollFromStart(forum, &result).ok());
  CHECK(result.new_posts.size() == 120);
  // Without faults: 4 pages and the categories (author lookups are the caller's).
  CHECK(forum.requests_sent() > 4 + 1);
}

TEST_CASE("a 429's Retry-After holds every request", "[discourse]") {
  ForumFixture f;
  sample::Faults faults;
  faults.rate_429 = 1.0;
  faults.retry_after_seconds = 1;
  PollResult result;
  auto start = std::chrono::steady_clock::now();
  ForumStatus status = PollUnderFaults(f, faults, f.Settings(), &result);
  CHECK(status.code == ForumStatus::Code::kRetry);
  CHECK(status.retry_after_seconds == 1);
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(900));
  CHECK(f.forum.requests() == 2);  // the first try and one retry, a second apart
}

TEST_CASE("slow answers time out and are retried", "[discourse]") {
  ForumFixture f;
  sample::Faults faults;
  faults.rate_slow = 1.0;
  faults.slow_ms = 600;
  ForumSettings settings = f.Settings();
  settings.timeout = std::chrono::milliseconds(200);
  PollResult result;
  ForumStatus status = PollUnderFaults(f, faults, settings, &result);
  CHECK(status.code == ForumStatus::Code::kRetry);
  CHECK(result.new_posts.empty());
}

TEST_CASE("a wrong key is a retryable failure whose message holds no key", "[discourse]") {
  ForumFixture f;
  f.forum.SeedSynthetic(5, 5);
  ForumSettings settings = f.Settings();
  settings.api_key = "wrong-key-c0ffee";
  DiscourseForum forum(settings);
  PollResult result;
  ForumStatus status = PollFromStart(forum, &result);
  CHECK(status.code == ForumStatus::Code::kRetry);
  CHECK(status.message.find("403") != std::string::npos);
  CHECK(status.message.find("check api_username and the API key") != std::string::npos);
  CHECK(status.message.find("c0ffee") == std::string::npos);
  CHECK(f.forum.requests() == 1);  // not hammered
}

// Issue 7, as it happened: the message was created, the connection closed before
// any answer byte, libcurl resent the POST by itself, met a 429, and Call resent it
// once more after the wait, all in one outbox attempt.
TEST_CASE("a notice whose answer was lost is never resent before looking", "[discourse]") {
  using testing::ScriptedHttpServer;
  std::atomic<int> pm_posts{0};
  ScriptedHttpServer server([&](const ScriptedHttpServer::Request& request)
                                -> std::optional<std::string> {
    if (request.method == "GET") return ScriptedHttpServer::Json(200, R"({"latest_posts":[]})");
    if (++pm_posts % 2 == 1) return std::nullopt;  // created, then the connection dropped
    // application_controller.rb, rescue_from RateLimiter::LimitExceeded
    return ScriptedHttpServer::Json(
        429, R"({"errors":["Slow down"],"error_type":"rate_limit","extras":{"wait_seconds":0}})");
  });
  REQUIRE(server.port() > 0);
  DiscourseForum forum(ForumFixture::FastSettings(server.url()));
  PollResult result;
  REQUIRE(PollFromStart(forum, &result).ok());  // leaves a live connection behind
  ForumStatus status = forum.Notify({"7", "newbie", "Your post #7 was hidden", "body text"}, false);
  CHECK(status.code == ForumStatus::Code::kRetry);
  CHECK(pm_posts == 1);
}

// reviewables_controller.rb#perform answers 409 when the reviewable's version moved
// between our read and our perform (Reviewable#increment_version!, UpdateConflict),
// say because a moderator added a note or a resident flagged the post meanwhile.
TEST_CASE("an update conflict on agree_and_hide is retried with the new version",
          "[discourse]") {
  using testing::ScriptedHttpServer;
  std::mutex mu;
  int version = 1;
  bool hidden = false;
  ScriptedHttpServer server([&](const ScriptedHttpServer::Request& request)
                                -> std::optional<std::string> {
    std::lock_guard<std::mutex> lock(mu);
    if (request.method == "POST") {  // lib/guardian/post_guardian.rb#post_can_act?
      return ScriptedHttpServer::Json(422,
                                      R"({"errors":["You have already performed this action."]})");
    }
    if (request.target == "/posts/7.json") {
      return ScriptedHttpServer::Json(
          200, std::string(R"({"id":7,"version":1,"raw":"x","hidden":)") +
                   (hidden ? "true" : "false") +
                   R"(,"actions_summary":[{"id":7,"acted":true}],"reviewable_id":41})");
    }
    if (request.target == "/review/41.json") {
      return ScriptedHttpServer::Json(
          200, R"({"reviewable":{"id":41,"status":0,"version":)" + std::to_string(version) + "}}");
    }
    const std::string perform = "/review/41/perform/agree_and_hide?version=";
    if (request.method == "PUT" && request.target.rfind(perform, 0) == 0) {
      if (request.target != perform + "2") {
        version = 2;  // moved on after our read
        return ScriptedHttpServer::Json(
            409, R"({"errors":["Somebody else has already updated this item."]})");
      }
      hidden = true;
      return ScriptedHttpServer::Json(200, R"({"reviewable_perform_result":{"success":true}})");
    }
    return ScriptedHttpServer::Json(404, R"({"errors":["not found"]})");
  });
  REQUIRE(server.port() > 0);
  DiscourseForum forum(ForumFixture::FastSettings(server.url()));
  ForumStatus first = forum.Hide("7", "principle 3", false);
  CHECK(first.code == ForumStatus::Code::kRetry);
  CHECK(first.message.find("409") != std::string::npos);
  ForumStatus retried = forum.Hide("7", "principle 3", true);
  INFO(retried.message);
  CHECK(retried.ok());
  CHECK(hidden);
}

TEST_CASE("an unreachable forum is a retryable failure", "[discourse]") {
  ForumSettings settings = ForumFixture().Settings();  // the server stops at scope exit
  settings.retries = 0;
  DiscourseForum forum(settings);
  PollResult result;
  CHECK(PollFromStart(forum, &result).code == ForumStatus::Code::kRetry);
}

}  // namespace
}  // namespace modbot
