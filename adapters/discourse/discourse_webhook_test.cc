#include "adapters/discourse/discourse_webhook.h"

#include <catch2/catch.hpp>

#include <cctype>
#include <fstream>
#include <sstream>

namespace modbot::discourse {
namespace {

using nlohmann::json;

// spec/jobs/emit_web_hook_event_spec.rb (discourse/discourse): the ping body under
// the fabricated webhook's secret (spec/fabricators/web_hook_fabricator.rb).
constexpr const char* kSpecSecret = "my_lovely_secret_for_web_hook";
constexpr const char* kSpecBody = R"({"ping":"OK"})";
constexpr const char* kSpecSignature =
    "sha256=162f107f6b5022353274eb1a7197885cfd35744d8d08e5bcea025d309386b7d6";

TEST_CASE("webhook signature: Discourse's own, and nothing near it", "[discourse][webhook]") {
  CHECK(WebhookSignatureValid(kSpecSecret, kSpecBody, kSpecSignature));
  std::string upper = kSpecSignature;
  for (size_t i = 7; i < upper.size(); ++i) upper[i] = static_cast<char>(std::toupper(upper[i]));
  CHECK(WebhookSignatureValid(kSpecSecret, kSpecBody, upper));

  CHECK_FALSE(WebhookSignatureValid("another secret", kSpecBody, kSpecSignature));
  CHECK_FALSE(WebhookSignatureValid(kSpecSecret, R"({"ping":"OK"} )", kSpecSignature));
  std::string flipped = kSpecSignature;
  flipped.back() = '7';
  CHECK_FALSE(WebhookSignatureValid(kSpecSecret, kSpecBody, flipped));
  const std::string hex = std::string(kSpecSignature).substr(7);
  for (const std::string& bad : {hex, "sha1=" + hex, "sha256=" + hex.substr(2),
                                 "sha256=" + hex + "00", "sha256=zz" + hex.substr(2),
                                 std::string()}) {
    INFO(bad);
    CHECK_FALSE(WebhookSignatureValid(kSpecSecret, kSpecBody, bad));
  }
}

TEST_CASE("webhook body: the post parsed as a /posts.json entry", "[discourse][webhook]") {
  // A real PostSerializer answer (tests/data/discourse/post.json), which
  // WebHookPostSerializer extends, with what it adds.
  std::ifstream in(std::string(MODBOT_SOURCE_DIR) + "/tests/data/discourse/post.json");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  json post = json::parse(text.str());
  post["topic_title"] = "Welcome";
  post["topic_archetype"] = "regular";
  post["topic_posts_count"] = 1;
  const std::string body = json{{"post", post}}.dump();

  LatestPost parsed;
  std::string kept, error;
  bool listed = false;
  REQUIRE(ParseWebhookBody(body, &parsed, &kept, &listed, &error));
  CHECK(listed);
  CHECK(parsed.id == 11);
  CHECK(parsed.topic_id == 8);
  CHECK(parsed.username == "system");
  CHECK(parsed.topic_title == "Welcome");
  CHECK(parsed.raw == post["raw"].get<std::string>());
  LatestPost again;
  REQUIRE(ParseWebhookPost(kept, &again, &error));
  CHECK(again.id == parsed.id);
  CHECK(again.raw == parsed.raw);

  post["topic_archetype"] = "private_message";
  REQUIRE(ParseWebhookBody(json{{"post", post}}.dump(), &parsed, &kept, &listed, &error));
  CHECK_FALSE(listed);
  post["topic_archetype"] = "regular";
  post["post_type"] = 3;  // a small action
  REQUIRE(ParseWebhookBody(json{{"post", post}}.dump(), &parsed, &kept, &listed, &error));
  CHECK_FALSE(listed);

  CHECK_FALSE(ParseWebhookBody(kSpecBody, &parsed, &kept, &listed, &error));
  CHECK(error == "the body has no \"post\"");
  CHECK_FALSE(ParseWebhookBody("{\"post\":", &parsed, &kept, &listed, &error));
  CHECK_FALSE(ParseWebhookBody(R"({"post":{"id":1}})", &parsed, &kept, &listed, &error));
}

}  // namespace
}  // namespace modbot::discourse
