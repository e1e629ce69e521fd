// Webhooks end to end: the sample forum sends signed Post Events over loopback to
// the daemon's listener, the daemon judges them from the store's queue, and the
// slow poll catches up on what the listener missed.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "adapters/discourse/discourse_forum.h"
#include "bot/webhook_server.h"
#include "tests/daemon_test_support.h"

namespace modbot {
namespace {

using testing::Count;
using testing::ForumFixture;

constexpr const char* kSecret = "sesame";

struct World : testing::DaemonWorld<ForumFixture, DiscourseForum> {
  // The daemon runs on its own thread until the world ends.
  Daemon daemon{config, forum.get(), store.get(), testing::KeywordJudge, false};
  WebhookServer listener{kSecret, [this] { daemon.Wake(); }};
  std::atomic<bool> stop{false};
  std::thread runner;

  explicit World(std::chrono::milliseconds poll_interval) {
    config.poll_interval = poll_interval;
    daemon.Apply(config, testing::KeywordJudge);
  }
  ~World() { Stop(); }

  int Listen() {
    std::string error;
    REQUIRE(listener.Start(config.store_path, {"127.0.0.1", 0}, &error));
    return listener.port();
  }
  void Run() {
    runner = std::thread([this] { daemon.Run(false, &stop); });
  }
  void Stop() {
    stop = true;
    if (runner.joinable()) runner.join();
    listener.Stop();
  }

  // Whether done() holds within `within`.
  template <typename Done>
  static bool Within(std::chrono::seconds within, Done done) {
    const auto deadline = std::chrono::steady_clock::now() + within;
    while (!done()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
  }

  // Whether post_id reads hidden on the forum within `within`.
  bool HiddenWithin(long long post_id, std::chrono::seconds within) {
    return Within(within, [&] {
      for (const sample::SamplePost& p : f.forum.Posts()) {
        if (p.id == post_id && p.hidden) return true;
      }
      return false;
    });
  }

  long long Verdicts(long long post_id) {
    std::string error;
    std::unique_ptr<Store> reader = Store::Open(config.store_path, &error);
    REQUIRE(reader);
    return Count(reader.get(), "SELECT COUNT(*) FROM audit WHERE event = 'verdict' AND post_id = '" +
                                   std::to_string(post_id) + "'");
  }
};

TEST_CASE("webhook: a post is hidden long before the next poll, and the poll does not "
          "judge it again", "[e2e][webhook]") {
  World w(std::chrono::hours(1));  // only the first poll runs in the test's time
  w.f.forum.SetWebhook("http://127.0.0.1:" + std::to_string(w.Listen()) + "/hook", kSecret);
  w.Run();
  REQUIRE(w.HiddenWithin(2, std::chrono::seconds(20)));  // the seeded SPAM, by the first poll

  const long long spam = w.f.forum.AddPost(w.topic, "alice", "Cheap SPAM at bit.ly/x");
  const long long fine = w.f.forum.AddPost(w.topic, "alice", "See you at the park.");
  const long long kept = w.f.forum.AddPost(w.topic, "alice", "The pool opens in June.");
  CHECK(w.HiddenWithin(spam, std::chrono::seconds(20)));
  // An edit is pushed too.
  w.f.forum.EditPost(fine, "See you at the park. SPAM bit.ly/y");
  CHECK(w.HiddenWithin(fine, std::chrono::seconds(20)));
  CHECK(World::Within(std::chrono::seconds(5), [&] { return w.f.forum.WebhooksDelivered() == 4; }));
  w.Stop();
  CHECK(w.Verdicts(spam) == 1);
  CHECK(w.Verdicts(fine) == 2);
  CHECK(w.Verdicts(kept) == 1);

  // The catch-up poll passes the pushed posts it lists (the visible one: Discourse's
  // /posts.json leaves hidden posts out) without judging them again.
  REQUIRE(w.Step());
  CHECK(w.Verdicts(kept) == 1);
  std::string cursor, error;
  REQUIRE(w.store->GetCursor(&cursor, &error));
  CHECK(cursor == std::to_string(kept));
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM webhook_queue") == 0);
}

TEST_CASE("webhook: a post made while the listener was down is judged by the catch-up poll",
          "[e2e][webhook]") {
  World w(std::chrono::milliseconds(300));
  const int port = w.Listen();
  w.listener.Stop();  // down: the forum's deliveries fail and are lost
  w.f.forum.SetWebhook("http://127.0.0.1:" + std::to_string(port) + "/hook", kSecret);
  w.Run();
  const long long spam = w.f.forum.AddPost(w.topic, "alice", "Cheap SPAM at bit.ly/x");
  CHECK(w.HiddenWithin(spam, std::chrono::seconds(20)));
  w.Stop();
  CHECK(w.f.forum.WebhooksDelivered() == 0);
  CHECK(w.Verdicts(spam) == 1);
}

}  // namespace
}  // namespace modbot
