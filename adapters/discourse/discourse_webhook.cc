#include "adapters/discourse/discourse_webhook.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <vector>

namespace modbot::discourse {

namespace {

using nlohmann::json;

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The post object, read by the parser of /posts.json entries, so that a webhook's
// post and a polled one become the same ForumPost.
bool ParsePostObject(const json& post, LatestPost* out, std::string* error) {
  if (!post.is_object()) {
    *error = "no post object";
    return false;
  }
  std::vector<LatestPost> posts;
  if (!ParseLatestPosts(json{{"latest_posts", json::array({post})}}, &posts, error)) return false;
  *out = std::move(posts.front());
  return true;
}

}  // namespace

bool WebhookSignatureValid(std::string_view secret, std::string_view body,
                           std::string_view signature) {
  constexpr std::string_view kPrefix = "sha256=";
  std::array<unsigned char, 32> given{};
  if (signature.substr(0, kPrefix.size()) != kPrefix ||
      signature.size() != kPrefix.size() + 2 * given.size()) {
    return false;
  }
  for (size_t i = 0; i < given.size(); ++i) {
    const int high = HexDigit(signature[kPrefix.size() + 2 * i]);
    const int low = HexDigit(signature[kPrefix.size() + 2 * i + 1]);
    if (high < 0 || low < 0) return false;
    given[i] = static_cast<unsigned char>(high * 16 + low);
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> expected{};
  unsigned int length = 0;
  if (!HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
            reinterpret_cast<const unsigned char*>(body.data()), body.size(), expected.data(),
            &length) ||
      length != given.size()) {
    return false;
  }
  return CRYPTO_memcmp(expected.data(), given.data(), given.size()) == 0;
}

bool IsPostTextEvent(std::string_view event) {
  return event == "post_created" || event == "post_edited";
}

bool ParseWebhookBody(std::string_view body, LatestPost* post, std::string* post_json,
                      bool* listed, std::string* error) {
  json parsed = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    *error = "the body is not a JSON object";
    return false;
  }
  auto it = parsed.find("post");
  if (it == parsed.end()) {
    *error = "the body has no \"post\"";
    return false;
  }
  if (!ParsePostObject(*it, post, error)) return false;
  *post_json = it->dump();
  const json& p = *it;
  const auto archetype = p.find("topic_archetype");
  const auto type = p.find("post_type");
  *listed = !(archetype != p.end() && *archetype == "private_message") &&
            !(type != p.end() && type->is_number_integer() && *type != 1);
  return true;
}

bool ParseWebhookPost(std::string_view post_json, LatestPost* post, std::string* error) {
  json parsed = json::parse(post_json, nullptr, false);
  if (parsed.is_discarded()) {
    *error = "the queued post is not JSON";
    return false;
  }
  return ParsePostObject(parsed, post, error);
}

WebhookReading ReadWebhook(std::string_view secret, const WebhookRequest& request) {
  const std::string event = request.header(kEventHeader);
  const std::string event_id = request.header(kEventIdHeader);
  const std::string signature = request.header(kSignatureHeader);
  WebhookReading reading;
  auto refuse = [&](int status, std::string why) {
    reading.status = status;
    reading.answer = std::move(why);
    return reading;
  };
  if (signature.empty()) {
    return refuse(401, std::string("no ") + kSignatureHeader +
                           ": set the webhook's secret on the forum");
  }
  if (!WebhookSignatureValid(secret, request.body, signature)) {
    return refuse(403, "the signature does not match: the webhook's secret on the forum "
                       "differs from [forum.webhook] secret_file");
  }
  if (event_id.empty()) return refuse(400, std::string("no ") + kEventIdHeader);
  if (!IsPostTextEvent(event)) {
    reading.answer = "ignored: event '" + event + "'";
    return reading;
  }
  LatestPost post;
  std::string post_json, error;
  bool listed = false;
  if (!ParseWebhookBody(request.body, &post, &post_json, &listed, &error)) {
    return refuse(400, event + " " + event_id + ": " + error);
  }
  if (!listed) {
    reading.answer = "ignored: post " + std::to_string(post.id) + " is not in a public topic";
    return reading;
  }
  reading.pushed = WebhookReading::PushedPost{event_id, std::to_string(post.id), post_json};
  return reading;
}

}  // namespace modbot::discourse
