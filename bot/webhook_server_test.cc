// The webhook listener over real loopback HTTP, with a real store file.
#include "bot/webhook_server.h"

#include <catch2/catch.hpp>

#include <atomic>

#include <nlohmann/json.hpp>

#include "adapters/forum_factory.h"
#include "bot/webhook_queue.h"
#include "sample/discourse/webhook_sender.h"
#include "tests/daemon_test_support.h"
#include "tests/http_client.h"

namespace modbot {
namespace {

using nlohmann::json;
using testing::Count;

constexpr const char* kSecret = "sesame";

// A Post Event body as WebHookPostSerializer writes it (the fields modbot reads).
std::string PostBody(int post_id, const std::string& raw = "hello") {
  return json{{"post",
               {{"id", post_id},
                {"topic_id", 7},
                {"post_number", 2},
                {"username", "alice"},
                {"created_at", "2026-12-06T10:00:00.000Z"},
                {"raw", raw},
                {"post_type", 1},
                {"topic_title", "Parks"},
                {"topic_archetype", "regular"}}}}
      .dump();
}

struct Listener {
  testing::TempDir dir;
  std::string store_path = dir.File("modbot.db");
  std::atomic<int> wakes{0};
  std::unique_ptr<WebhookServer> server;

  Listener() { Restart(); }

  void Restart() {
    server = std::make_unique<WebhookServer>(NewWebhookReader("discourse", kSecret), [this] { ++wakes; });
    std::string error;
    REQUIRE(server->Start(store_path, {"127.0.0.1", 0}, &error));
  }

  testing::Reply Deliver(const std::string& body, const std::string& event_id,
                         const std::optional<std::string>& signature,
                         const std::string& event = "post_created") {
    std::vector<std::string> headers = {"Content-Type: application/json",
                                        "X-Discourse-Event-Type: post",
                                        "X-Discourse-Event: " + event,
                                        "X-Discourse-Event-Id: " + event_id};
    if (signature) headers.push_back("X-Discourse-Event-Signature: " + *signature);
    return testing::Http(server->port(), "/discourse", body, headers);
  }

  long long Queued() {
    std::string error;
    std::unique_ptr<Store> store = Store::Open(store_path, &error);
    REQUIRE(store);
    return Count(store.get(), "SELECT COUNT(*) FROM webhook_queue");
  }

  std::vector<QueuedPost> Drain() {
    std::string error;
    std::unique_ptr<Store> store = Store::Open(store_path, &error);
    REQUIRE(store);
    std::vector<QueuedPost> queued;
    REQUIRE(QueuedWebhookPosts(store->db(), &queued, &error));
    for (const QueuedPost& post : queued) REQUIRE(DropWebhookPost(store->db(), post, &error));
    return queued;
  }
};

TEST_CASE("webhook: a signed post event is queued and wakes the daemon", "[webhook]") {
  Listener l;
  const std::string body = PostBody(42, "first words");
  testing::Reply reply = l.Deliver(body, "101", sample::WebhookSignature(kSecret, body));
  CHECK(reply.status == 200);
  CHECK(reply.body == "queued: post 42\n");
  CHECK(l.wakes == 1);
  std::vector<QueuedPost> queued = l.Drain();
  REQUIRE(queued.size() == 1);
  CHECK(queued[0].post_id == "42");
  CHECK(json::parse(queued[0].post)["raw"] == "first words");

  // An event that is not about a post's text, and a ping, are taken and ignored.
  const std::string ping = R"({"ping":"OK"})";
  reply = l.Deliver(ping, "102", sample::WebhookSignature(kSecret, ping), "ping");
  CHECK(reply.status == 200);
  reply = l.Deliver(body, "103", sample::WebhookSignature(kSecret, body), "post_destroyed");
  CHECK(reply.status == 200);
  CHECK(l.Queued() == 0);
  CHECK(l.wakes == 1);
}

TEST_CASE("webhook: a missing or wrong signature is refused and nothing is queued",
          "[webhook]") {
  Listener l;
  const std::string body = PostBody(42);
  CHECK(l.Deliver(body, "101", std::nullopt).status == 401);
  CHECK(l.Deliver(body, "102", sample::WebhookSignature("not the secret", body)).status == 403);
  CHECK(l.Deliver(body, "103", sample::WebhookSignature(kSecret, PostBody(43))).status == 403);
  CHECK(l.Deliver(body, "104", "sha256=").status == 403);
  CHECK(l.Queued() == 0);
  CHECK(l.wakes == 0);
  // The refused ids were not taken: the forum's next delivery of them counts.
  CHECK(l.Deliver(body, "102", sample::WebhookSignature(kSecret, body)).status == 200);
  CHECK(l.Queued() == 1);
}

TEST_CASE("webhook: a body over 1 MiB is refused unread", "[webhook]") {
  Listener l;
  const std::string body = PostBody(42, std::string(kMaxWebhookBody, 'x'));
  CHECK(l.Deliver(body, "101", sample::WebhookSignature(kSecret, body)).status == 413);
  CHECK(l.Queued() == 0);
  CHECK(l.wakes == 0);
  const std::string fits = PostBody(42, std::string(kMaxWebhookBody - 300, 'x'));
  CHECK(l.Deliver(fits, "102", sample::WebhookSignature(kSecret, fits)).status == 200);
  CHECK(l.Queued() == 1);
}

TEST_CASE("webhook: a repeated event id is dropped, also after a restart", "[webhook]") {
  Listener l;
  const std::string body = PostBody(42);
  const std::string signature = sample::WebhookSignature(kSecret, body);
  CHECK(l.Deliver(body, "101", signature).status == 200);
  REQUIRE(l.Drain().size() == 1);  // judged

  testing::Reply reply = l.Deliver(body, "101", signature);
  CHECK(reply.status == 200);
  CHECK(reply.body == "repeated: event 101 was taken already\n");
  CHECK(l.Queued() == 0);

  l.Restart();
  CHECK(l.Deliver(body, "101", signature).body == "repeated: event 101 was taken already\n");
  CHECK(l.Queued() == 0);
  CHECK(l.wakes == 1);
  // A new event about the same post is a new push.
  CHECK(l.Deliver(body, "102", signature).body == "queued: post 42\n");
  CHECK(l.Queued() == 1);
}

}  // namespace
}  // namespace modbot
