// /metrics and /healthz over loopback with libcurl, while the daemon works the
// sample forum.
#include <catch2/catch.hpp>

#include <thread>

#include "adapters/discourse/discourse_forum.h"
#include "adapters/http_client.h"
#include "bot/daemon.h"
#include "bot/metrics_server.h"
#include "tests/daemon_test_support.h"
#include "tests/forum_fixture.h"

namespace modbot {
namespace {

using sample::ReviewAction;
using testing::DaemonWorld;
using testing::ForumFixture;
using testing::TempDir;

Verdict SpamJudge(const Post& post) {
  Verdict v;
  v.lang = "en";
  if (post.body.own_text.find("SPAM") != std::string::npos) {
    v.action = Action::kHide;
    v.clauses = {Clause::kSpamLinks};
    v.reasons = {{Clause::kSpamLinks, "links.shortener", 0.97, "bit.ly/x"}};
  }
  return v;
}

HttpResponse Get(int port, const std::string& path) {
  HttpClient client({});
  return client.Send({"GET", "http://127.0.0.1:" + std::to_string(port) + path, {}, ""});
}

// The value of the sample line that starts with series (name and labels).
std::optional<double> Sample(const std::string& text, const std::string& series) {
  size_t at = text.find("\n" + series + " ");
  if (at == std::string::npos) return std::nullopt;
  return std::stod(text.substr(at + series.size() + 2));
}

TEST_CASE("/metrics counts verdicts, forum requests and the outbox", "[e2e][metrics]") {
  ForumFixture f;
  f.forum.AddUser({"alice", 400, 2, 30});
  long long topic = f.forum.AddTopic("Parks", "General");
  f.forum.AddPost(topic, "alice", "The new playground is great.");
  f.forum.AddPost(topic, "alice", "Buy now SPAM bit.ly/x");
  TempDir dir;
  DaemonConfig config;
  config.forum = f.Settings();
  config.store_path = dir.File("modbot.db");
  std::string error;
  std::unique_ptr<Store> store = Store::Open(config.store_path, &error);
  DiscourseForum forum(config.forum);
  Metrics metrics;
  metrics.SetForumBudget(60);
  MetricsServer server(&metrics, std::chrono::minutes(5));
  REQUIRE(server.Start(config.store_path, "127.0.0.1", 0, &error));

  HttpResponse before = Get(server.port(), "/metrics");
  const double sent_before = *Sample(before.body, "modbot_forum_requests_last_minute");
  REQUIRE(before.status == 200);
  CHECK(Sample(before.body, "modbot_posts_judged_total") == 0);

  Daemon daemon(config, &forum, store.get(), SpamJudge, false, &metrics);
  bool forum_ok = false;
  REQUIRE(daemon.Step(&forum_ok, &error));
  REQUIRE(forum_ok);

  HttpResponse after = Get(server.port(), "/metrics");
  REQUIRE(after.status == 200);
  const std::string& m = after.body;
  INFO(m);
  CHECK(m.find("# TYPE modbot_posts_judged_total counter\n") != std::string::npos);
  CHECK(Sample(m, "modbot_posts_judged_total") == 2);
  CHECK(Sample(m, "modbot_verdicts_total{clause=\"spam_links\",action=\"hide\"}") == 1);
  CHECK(Sample(m, "modbot_verdicts_total{clause=\"none\",action=\"allow\"}") == 1);
  CHECK(Sample(m, "modbot_forum_requests_total{status=\"200\"}") >= 3);  // poll, hide, notice
  // Issue 12 item 9: the share of the API budget (this process's other tests add theirs).
  const double sent = *Sample(m, "modbot_forum_requests_last_minute");
  CHECK(sent >= sent_before + 3);
  CHECK(Sample(m, "modbot_forum_budget_per_minute") == 60);
  CHECK(Sample(m, "modbot_forum_budget_used_ratio") == Approx(sent / 60).epsilon(0.01));
  CHECK(Sample(m, "modbot_outbox_pending") == 0);
  CHECK(Sample(m, "modbot_outbox_oldest_pending_age_seconds") == 0);
  CHECK(*Sample(m, "modbot_poll_lag_seconds") < 5);
  CHECK(*Sample(m, "modbot_last_successful_poll_timestamp_seconds") > 1.7e9);
  // Every line is a comment or "series value": the 0.0.4 text format.
  for (size_t start = 0, end; (end = m.find('\n', start)) != std::string::npos; start = end + 1) {
    std::string line = m.substr(start, end - start);
    CHECK((line.rfind("# HELP ", 0) == 0 || line.rfind("# TYPE ", 0) == 0 ||
           (line.rfind("modbot_", 0) == 0 && line.find(' ') != std::string::npos)));
  }

  // A pending action shows in the outbox gauges.
  Judgement j;
  j.post_id = "99";
  j.version = "1";
  j.verdict.action = Action::kHide;
  j.actions = {{ActionKind::kHide, R"({"reason":"r"})"}};
  REQUIRE(store->RecordJudgement(j, NowMillis() - 30000, &error));
  HttpResponse backlog = Get(server.port(), "/metrics");
  CHECK(Sample(backlog.body, "modbot_outbox_pending") == 1);
  CHECK(*Sample(backlog.body, "modbot_outbox_oldest_pending_age_seconds") >= 30);

  HttpResponse health = Get(server.port(), "/healthz");
  CHECK(health.status == 200);
  CHECK(health.body == "ok\n");
  CHECK(Get(server.port(), "/other").status == 404);
}

TEST_CASE("/metrics counts the decisions read back from the forum and those awaited",
          "[e2e][metrics][decisions]") {
  // Post 2 is hidden by the bot, post 3 flagged for review; post 4 hidden too.
  DaemonWorld<ForumFixture, DiscourseForum> w;
  w.f.forum.AddPost(w.topic, "alice", "Buy now SPAM tinyurl.com/y");
  Metrics metrics;
  MetricsServer server(&metrics, std::chrono::minutes(5));
  std::string error;
  REQUIRE(server.Start(w.config.store_path, "127.0.0.1", 0, &error));
  auto step = [&] {
    Daemon daemon(w.config, w.forum.get(), w.store.get(), testing::KeywordJudge, false, &metrics);
    bool forum_ok = false;
    REQUIRE(daemon.Step(&forum_ok, &error));
    REQUIRE(forum_ok);
  };
  step();
  std::string m = Get(server.port(), "/metrics").body;
  CHECK(Sample(m, "modbot_forum_decisions_awaited") == 3);
  CHECK(m.find("modbot_forum_decisions_total{") == std::string::npos);

  // A moderator agrees with the flag on 3; another unhides 2; 4's author edits it
  // (which unhides it on Discourse): judged again, not a decision.
  REQUIRE(w.f.forum.Perform(3, ReviewAction::kAgreeAndHide, "mod_anne"));
  REQUIRE(w.f.forum.Unhide(2));
  REQUIRE(w.f.forum.EditPost(4, "Sorry, removed the links."));
  REQUIRE(w.f.forum.Unhide(4));
  step();
  m = Get(server.port(), "/metrics").body;
  INFO(m);
  CHECK(m.find("# TYPE modbot_forum_decisions_total counter\n") != std::string::npos);
  CHECK(m.find("# TYPE modbot_forum_decisions_awaited gauge\n") != std::string::npos);
  CHECK(Sample(m, "modbot_forum_decisions_total{decision=\"removed\"}") == 1);
  CHECK(Sample(m, "modbot_forum_decisions_total{decision=\"approved\"}") == 1);
  CHECK(Sample(m, "modbot_forum_decisions_total{decision=\"superseded\"}") == 1);
  CHECK(Sample(m, "modbot_forum_decisions_awaited") == 0);

  // Read back again, nothing is counted twice.
  step();
  CHECK(Sample(Get(server.port(), "/metrics").body,
               "modbot_forum_decisions_total{decision=\"removed\"}") == 1);
}

TEST_CASE("/healthz says 503 when the forum has not been polled in time", "[e2e][metrics]") {
  TempDir dir;
  std::string error;
  std::unique_ptr<Store> store = Store::Open(dir.File("modbot.db"), &error);
  Metrics metrics;
  // Each 200 below needs its request answered within stale_after of the start or of
  // the poll: a second, so that a loaded machine (ctest -j, a sanitizer build) does
  // not fail it, as 50 ms could.
  const auto stale_after = std::chrono::seconds(1);
  MetricsServer server(&metrics, stale_after);
  REQUIRE(server.Start(dir.File("modbot.db"), "127.0.0.1", 0, &error));
  CHECK(Get(server.port(), "/healthz").status == 200);  // just started
  std::this_thread::sleep_for(stale_after + std::chrono::milliseconds(100));
  metrics.RecordPoll(false, NowMillis());
  HttpResponse stale = Get(server.port(), "/healthz");
  CHECK(stale.status == 503);
  CHECK(stale.body.find("no successful poll of the forum") != std::string::npos);
  metrics.RecordPoll(true, NowMillis());
  CHECK(Get(server.port(), "/healthz").status == 200);

  // A second listener on the same port is refused with a clear error.
  MetricsServer twin(&metrics, std::chrono::minutes(1));
  CHECK_FALSE(twin.Start(dir.File("modbot.db"), "127.0.0.1", server.port(), &error));
  CHECK(error.find("cannot listen on 127.0.0.1:") != std::string::npos);
}

}  // namespace
}  // namespace modbot
