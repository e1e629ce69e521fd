#include "adapters/discourse/discourse_api.h"

#include <catch2/catch.hpp>

namespace modbot::discourse {
namespace {

using nlohmann::json;

const Auth kAuth{"https://forum.example.org", "modbot", "k3y"};

TEST_CASE("request builders follow the Discourse routes", "[discourse]") {
  HttpRequest latest = LatestPostsRequest(kAuth, 1234);
  CHECK(latest.method == "GET");
  CHECK(latest.url == "https://forum.example.org/posts.json?before=1234");
  CHECK(LatestPostsRequest(kAuth, std::nullopt).url == "https://forum.example.org/posts.json");
  CHECK(std::count(latest.headers.begin(), latest.headers.end(),
                   std::pair<std::string, std::string>{"Api-Key", "k3y"}) == 1);
  CHECK(std::count(latest.headers.begin(), latest.headers.end(),
                   std::pair<std::string, std::string>{"Api-Username", "modbot"}) == 1);

  HttpRequest flag = FlagRequest(kAuth, "77", kNotifyModerators, "principle 3 & more", true);
  CHECK(flag.method == "POST");
  CHECK(flag.url == "https://forum.example.org/post_actions.json");
  CHECK(flag.body ==
        "id=77&post_action_type_id=7&message=principle%203%20%26%20more&queue_for_review=true");

  HttpRequest pm = PrivateMessageRequest(kAuth, "alice", "Your post #77 was hidden", "Hello");
  CHECK(pm.url == "https://forum.example.org/posts.json");
  CHECK(pm.body ==
        "archetype=private_message&target_recipients=alice&title=Your%20post%20%2377%20was%20"
        "hidden&raw=Hello");
  CHECK(UnhideRequest(kAuth, "77").method == "PUT");
  CHECK(UnhideRequest(kAuth, "77").url == "https://forum.example.org/posts/77/unhide.json");
  CHECK(UserRequest(kAuth, "jean paul").url == "https://forum.example.org/u/jean%20paul.json");
  CHECK(SentMessagesRequest(kAuth).url ==
        "https://forum.example.org/topics/private-messages-sent/modbot.json");
  CHECK(ReviewableRequest(kAuth, 41).url == "https://forum.example.org/review/41.json");
  HttpRequest agree = AgreeAndHideRequest(kAuth, 41, 3);
  CHECK(agree.method == "PUT");
  CHECK(agree.url == "https://forum.example.org/review/41/perform/agree_and_hide?version=3");
}

TEST_CASE("a reviewable gives its status and version; a post its reviewable id",
          "[discourse]") {
  ReviewableState reviewable;
  std::string error;
  REQUIRE(ParseReviewable(
      json::parse(R"({"reviewable":{"id":41,"type":"ReviewableFlaggedPost","status":0,)"
                  R"("version":3,"post_id":77}})"),
      &reviewable, &error));
  CHECK(reviewable.status == ReviewableStatus::kPending);
  CHECK(reviewable.version == 3);
  CHECK_FALSE(ParseReviewable(json::parse(R"({"reviewable":{"id":41,"status":0}})"), &reviewable,
                              &error));
  CHECK(error.find("version") != std::string::npos);

  PostState state;
  REQUIRE(ParsePostState(json::parse(R"({"id":77,"reviewable_id":41})"), &state, &error));
  CHECK(state.reviewable_id == 41);
  PostState unreviewed;
  REQUIRE(ParsePostState(json::parse(R"({"id":78,"reviewable_id":null})"), &unreviewed, &error));
  CHECK_FALSE(unreviewed.reviewable_id);
}

// Trimmed from the "latest posts" response schema in discourse_api_docs'
// openapi.json (GET /posts.json), which PostSerializer produces.
const char* kLatest = R"({"latest_posts":[
 {"id":12,"name":"Léa","username":"lea","avatar_template":"/a/{size}.png",
  "created_at":"2025-03-01T14:05:06.123Z","cooked":"<p>Bonjour</p>","post_number":2,
  "post_type":1,"updated_at":"2025-03-01T15:00:00.000Z","reply_to_post_number":"1",
  "topic_id":5,"topic_slug":"piscine","topic_title":"Piscine","category_id":3,
  "version":2,"raw":"Bonjour","hidden":false,"trust_level":1,"user_id":9,
  "post_url":"/t/piscine/5/2"},
 {"id":11,"username":"bob","created_at":"2025-03-01T14:00:00.000Z","cooked":"<p>Hi</p>",
  "post_number":1,"reply_to_post_number":null,"topic_id":5,"topic_title":"Piscine",
  "category_id":3,"version":1,"post_url":"/t/piscine/5/1"}]})";

TEST_CASE("latest posts parse, including Discourse's loosely typed fields", "[discourse]") {
  std::vector<LatestPost> posts;
  std::string error;
  REQUIRE(ParseLatestPosts(json::parse(kLatest), &posts, &error));
  REQUIRE(posts.size() == 2);
  CHECK(posts[0].id == 12);
  CHECK(posts[0].reply_to_post_number == 1);  // a string in some versions
  CHECK(posts[0].version == 2);
  CHECK(posts[0].raw == "Bonjour");
  CHECK(FormatTime(posts[0].created_at) == "2025-03-01T14:05:06.000Z");
  CHECK_FALSE(posts[1].reply_to_post_number);
  CHECK(posts[1].raw.empty());  // a key that may not read raw: cooked is used instead
  CHECK(posts[1].cooked == "<p>Hi</p>");

  posts.clear();
  CHECK_FALSE(ParseLatestPosts(json::parse(R"({"latest_posts":[{"id":"x"}]})"), &posts, &error));
  CHECK_FALSE(ParseLatestPosts(json::parse(R"({"errors":["nope"]})"), &posts, &error));
  CHECK_FALSE(ParseLatestPosts(json::parse(R"({"latest_posts":[{"id":1,"topic_id":[]}]})"),
                               &posts, &error));
}

TEST_CASE("users, post state, sent messages and rate-limit bodies parse", "[discourse]") {
  std::string error;
  // openapi.json getUser response (users_controller.rb#show).
  UserFacts user;
  REQUIRE(ParseUser(json::parse(R"({"user_badges":[],"user":{"id":9,"username":"lea",
      "created_at":"2024-01-02T03:04:05.000Z","trust_level":0,"post_count":3}})"),
                    &user, &error));
  CHECK(user.trust_level == 0);
  CHECK(user.post_count == 3);

  // PostSerializer's actions_summary, as in openapi.json getPost.
  PostState state;
  REQUIRE(ParsePostState(json::parse(R"({"id":3,"hidden":true,"actions_summary":[
      {"id":2,"can_act":true},{"id":4,"acted":true,"count":1},{"id":7,"can_act":true}]})"),
                         &state, &error));
  CHECK(state.hidden);
  CHECK(state.acted == std::vector<int>{4});

  std::vector<std::string> titles;
  REQUIRE(ParseSentTitles(json::parse(R"({"topic_list":{"topics":[{"id":1,"title":"A"}]}})"),
                          &titles, &error));
  CHECK(titles == std::vector<std::string>{"A"});

  // application_controller.rb: render_json_error(..., extras: {wait_seconds: ...}).
  CHECK(ParseWaitSeconds(json::parse(
            R"({"errors":["Slow down"],"error_type":"rate_limit","extras":{"wait_seconds":37}})")) ==
        37);
  CHECK_FALSE(ParseWaitSeconds(json::parse(R"({"extras":{"wait_seconds":-1}})")));
  CHECK(ParseErrors(json::parse(R"({"errors":["Slow down"]})")) == "Slow down");
}

TEST_CASE("times parse as UTC and garbage does not", "[discourse]") {
  CHECK(FormatTime(*ParseTime("2025-12-31T23:59:59.999Z")) == "2025-12-31T23:59:59.000Z");
  CHECK_FALSE(ParseTime("yesterday"));
  CHECK_FALSE(ParseTime("2025-13-01T00:00:00Z"));
}

}  // namespace
}  // namespace modbot::discourse
