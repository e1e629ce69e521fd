// Every parser of discourse_api.h on JSON recorded from real Discourse instances
// (tests/data/discourse: discourse_api's spec/fixtures, MIT, unchanged), each
// accepted with its fields, nulls and old shapes as they are.
#include "adapters/discourse/discourse_api.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

namespace modbot::discourse {
namespace {

using nlohmann::json;

json Fixture(const std::string& name) {
  std::ifstream in(std::string(MODBOT_SOURCE_DIR) + "/tests/data/discourse/" + name);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

TEST_CASE("fixtures: GET /posts.json and ?before=ID", "[discourse][fixtures]") {
  std::vector<LatestPost> latest, before;
  std::string error;
  REQUIRE(ParseLatestPosts(Fixture("posts_latest.json"), &latest, &error));
  REQUIRE(ParseLatestPosts(Fixture("posts_before.json"), &before, &error));
  REQUIRE(latest.size() == 4);
  REQUIRE(before.size() == 3);
  const LatestPost& p = latest[0];
  CHECK(p.id == 15);
  CHECK(p.topic_id == 11);
  CHECK(p.post_number == 2);
  CHECK_FALSE(p.reply_to_post_number);  // null
  CHECK(p.username == "johndoe");
  CHECK(p.raw == "holla bullhonky.");
  CHECK(p.cooked == "<p>holla bullhonky.</p>");
  CHECK(p.topic_title == "This is an uncategorized title");
  CHECK(p.category_id == 1);
  CHECK(p.version == 1);
  CHECK(p.trust_level == 1);
  CHECK(FormatTime(p.created_at) == "2020-01-25T02:10:07.000Z");
  // No post_url in this release: built from topic_slug.
  CHECK(p.post_url == "/t/this-is-an-uncategorized-title/11/2");
  CHECK(latest[2].username == "system");
  CHECK(latest[3].category_id == 3);
  for (size_t i = 0; i < before.size(); ++i) CHECK(before[i].id == latest[i + 1].id);
}

TEST_CASE("fixtures: GET /posts/{id}.json", "[discourse][fixtures]") {
  const json body = Fixture("post.json");
  PostState state;
  std::string error, raw;
  REQUIRE(ParsePostState(body, &state, &error));
  CHECK_FALSE(state.hidden);
  CHECK_FALSE(state.deleted);  // deleted_at: null
  CHECK(state.version == 1);
  CHECK(state.acted.empty());  // actions_summary without "acted"
  CHECK(state.raw.rfind("The first paragraph of this pinned topic", 0) == 0);
  CHECK(state.cooked.rfind("<p>The first paragraph", 0) == 0);
  REQUIRE(ParseRaw(body, &raw, &error));
  CHECK(raw == state.raw);
}

TEST_CASE("fixtures: GET /u/{username}.json, with a time in the site's zone", "[discourse][fixtures]") {
  UserFacts facts;
  std::string error;
  REQUIRE(ParseUser(Fixture("user.json"), &facts, &error));
  CHECK(FormatTime(facts.created_at) == "2014-09-04T12:04:25.000Z");  // 08:04:25-04:00
  CHECK(facts.trust_level == 0);
  CHECK_FALSE(facts.post_count);  // not in this release's UserSerializer
  CHECK_FALSE(facts.admin);
  CHECK_FALSE(facts.moderator);
}

TEST_CASE("fixtures: GET /categories.json", "[discourse][fixtures]") {
  std::map<long long, std::string> categories;
  std::string error;
  REQUIRE(ParseCategories(Fixture("categories.json"), &categories, &error));
  CHECK(categories == std::map<long long, std::string>{{1, "test1"}, {2, "test2"}, {3, "test3"}});
}

TEST_CASE("fixtures: a private message list", "[discourse][fixtures]") {
  // GET /topics/private-messages/{username}.json: the sent list has the same shape
  // (list_controller.rb, TopicListSerializer).
  std::vector<std::string> titles;
  std::string error;
  REQUIRE(ParseSentTitles(Fixture("private_messages.json"), &titles, &error));
  CHECK(titles == std::vector<std::string>{"Welcome to Discourse!"});
}

TEST_CASE("times with an offset or none are read as the instant they name", "[discourse]") {
  CHECK(FormatTime(*ParseTime("2014-09-13T10:27:19.714-04:00")) == "2014-09-13T14:27:19.000Z");
  CHECK(FormatTime(*ParseTime("2014-09-13T10:27:19+0530")) == "2014-09-13T04:57:19.000Z");
  CHECK(FormatTime(*ParseTime("2014-09-13T10:27:19")) == "2014-09-13T10:27:19.000Z");
  CHECK_FALSE(ParseTime("2014-09-13T10:27:19 tomorrow"));
  CHECK_FALSE(ParseTime("2014-09-13T10:27:19+ab:cd"));
}

}  // namespace
}  // namespace modbot::discourse
