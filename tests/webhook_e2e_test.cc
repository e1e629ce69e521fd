// Webhooks end to end: the sample forum sends signed Post Events over loopback to
// the daemon's listener, the daemon judges them from the store's queue, and the
// slow poll catches up on what the listener missed.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <fstream>
#include <thread>

#include "adapters/discourse/discourse_forum.h"
#include "adapters/forum_factory.h"
#include "bot/webhook_server.h"
#include "tests/daemon_test_support.h"
#include "tests/modbot_process.h"

namespace modbot {
namespace {

using testing::Count;
using testing::ForumFixture;

constexpr const char* kWebhookSecret = "sesame";

struct WebhookWorld : testing::DaemonWorld<ForumFixture, DiscourseForum> {
  // The daemon runs on its own thread until the world ends.
  Daemon daemon{config, forum.get(), store.get(), testing::KeywordJudge, false};
  WebhookServer listener{NewWebhookReader("discourse", kWebhookSecret), [this] { daemon.Wake(); }};
  std::atomic<bool> stop{false};
  std::thread runner;

  explicit WebhookWorld(std::chrono::milliseconds poll_interval) {
    config.poll_interval = poll_interval;
    daemon.Apply(config, testing::KeywordJudge);
  }
  ~WebhookWorld() { Stop(); }

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

  // Whether post_id reads hidden on the forum within 20 s.
  bool Hidden(long long post_id) {
    return testing::WaitFor([&] {
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
  WebhookWorld w(std::chrono::hours(1));  // only the first poll runs in the test's time
  w.f.forum.SetWebhook("http://127.0.0.1:" + std::to_string(w.Listen()) + "/hook", kWebhookSecret);
  w.Run();
  REQUIRE(w.Hidden(2));  // the seeded SPAM, by the first poll

  const long long spam = w.f.forum.AddPost(w.topic, "alice", "Cheap SPAM at bit.ly/x");
  const long long fine = w.f.forum.AddPost(w.topic, "alice", "See you at the park.");
  const long long kept = w.f.forum.AddPost(w.topic, "alice", "The pool opens in June.");
  CHECK(w.Hidden(spam));
  // An edit is pushed too.
  w.f.forum.EditPost(fine, "See you at the park. SPAM bit.ly/y");
  CHECK(w.Hidden(fine));
  // The notices of the three hides, then the deliveries: the three posts, the edit,
  // and the notices (private messages, pushed too).
  CHECK(testing::WaitFor([&] { return w.f.forum.Messages().size() == 3; }));
  CHECK(testing::WaitFor([&] { return w.f.forum.WebhooksDelivered() == 7; }));
  w.Stop();
  CHECK(w.Verdicts(spam) == 1);
  CHECK(w.Verdicts(fine) == 2);
  CHECK(w.Verdicts(kept) == 1);
  // The notices pushed were not judged: a verdict for each post of the topic only.
  CHECK(Count(w.store.get(), "SELECT COUNT(*) FROM verdicts") ==
        static_cast<long long>(w.f.forum.Posts().size()));

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
  WebhookWorld w(std::chrono::milliseconds(300));
  const int port = w.Listen();
  w.listener.Stop();  // down: the forum's deliveries fail and are lost
  w.f.forum.SetWebhook("http://127.0.0.1:" + std::to_string(port) + "/hook", kWebhookSecret);
  w.Run();
  const long long spam = w.f.forum.AddPost(w.topic, "alice", "Cheap SPAM at bit.ly/x");
  CHECK(w.Hidden(spam));
  w.Stop();
  CHECK(w.f.forum.WebhooksDelivered() == 0);
  CHECK(w.Verdicts(spam) == 1);
}

TEST_CASE("webhook: modbot run takes the forum's webhooks from [forum.webhook]",
          "[e2e][webhook]") {
  ForumFixture f;
  f.forum.AddUser({"resident", 200, 1, 12});
  const long long topic = f.forum.AddTopic("Parks and recreation", "General");
  f.forum.AddPost(topic, "resident", "When does the pool open this summer?");
  int port = 0;
  {  // a free port, for the config
    WebhookServer probe(NewWebhookReader("discourse", kWebhookSecret), [] {});
    testing::TempDir scratch;
    std::string error;
    REQUIRE(probe.Start(scratch.File("probe.db"), {"127.0.0.1", 0}, &error));
    port = probe.port();
  }
  testing::TempDir dir;
  std::ofstream(dir.File("hook.secret")) << kWebhookSecret << "\n";
  const std::string config = testing::WriteDaemonConfig(
      dir, f.url(),
      "[forum.webhook]\nlisten = \"127.0.0.1:" + std::to_string(port) +
          "\"\nsecret_file = \"hook.secret\"\npoll_interval_seconds = 3600\n");
  const std::string log = dir.File("modbot.log");
  const pid_t pid = testing::SpawnModbot({"run", "--config", config}, log);
  const std::string db = dir.File("modbot.db");
  const bool polled =
      testing::WaitFor([&] { return testing::Query(db, "SELECT COUNT(*) FROM verdicts") == "1"; });
  f.forum.SetWebhook("http://127.0.0.1:" + std::to_string(port) + "/", kWebhookSecret);
  // Hidden by the built-in policy (bench/webhook_latency_bench.cc posts the same).
  const long long spam = f.forum.AddPost(
      topic, "resident", "Make money fast!!! Buy cheap pills now at bit.ly/deal1 and "
                         "tinyurl.com/win1 click click click");
  const bool hidden = polled && testing::WaitFor([&] {
    for (const sample::SamplePost& p : f.forum.Posts()) {
      if (p.id == spam && p.hidden) return true;
    }
    return false;
  });
  REQUIRE(kill(pid, SIGTERM) == 0);
  int status = 0;
  waitpid(pid, &status, 0);
  const std::string text = testing::ReadFile(log);
  INFO(text);
  CHECK(polled);
  CHECK(hidden);
  CHECK(text.find("taking the forum's webhooks on http://127.0.0.1:" + std::to_string(port) +
                  "/; polling every 3600 s to catch up") != std::string::npos);
  CHECK(text.find(kWebhookSecret) == std::string::npos);
}

}  // namespace
}  // namespace modbot
