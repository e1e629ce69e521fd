// author_burst_bench: issue 12 item 2, a burst of posts from brand-new accounts.
//
// N posts (default 100) from N accounts made today arrive at once on the sample
// Discourse forum (sample/discourse, real loopback HTTP); one daemon step with the
// built-in policy, a fresh SQLite store and the forum paced at 60 requests a
// minute, Discourse's default max_admin_api_reqs_per_minute. Prints the time to
// the first recorded verdict, to the first post hidden on the forum and to the
// end of the step, and the requests by route. Decisions are not read back.
//
//   author_burst_bench [--posts N] [--rpm R]
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

#include "adapters/discourse/discourse_forum.h"
#include "bot/daemon.h"
#include "bot/store.h"
#include "policy/policy.h"
#include "sample/discourse/sample_forum.h"

namespace {

using Clock = std::chrono::steady_clock;

long long VerdictCount(sqlite3* db) {
  sqlite3_stmt* stmt = nullptr;
  long long n = 0;
  if (sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM verdicts", -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    n = sqlite3_column_int64(stmt, 0);
  }
  sqlite3_finalize(stmt);
  return n;
}

bool AnyHidden(const modbot::sample::SampleForum& forum) {
  for (const auto& post : forum.Posts()) {
    if (post.hidden) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  int posts = 100, rpm = 60;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--posts") {
      posts = std::stoi(argv[i + 1]);
    } else if (arg == "--rpm") {
      rpm = std::stoi(argv[i + 1]);
    } else {
      std::fprintf(stderr, "usage: author_burst_bench [--posts N] [--rpm R]\n");
      return 2;
    }
  }
  modbot::sample::SampleForum forum("modbot", "bench-key");
  const int port = forum.Start();
  if (!port) {
    std::fprintf(stderr, "author_burst_bench: the sample forum did not start\n");
    return 1;
  }
  // One in five breaks a rule, as in the sample's synthetic content.
  const long long topic = forum.AddTopic("Parks and playgrounds", "General");
  for (int i = 0; i < posts; ++i) {
    const std::string name = "fresh" + std::to_string(i);
    forum.AddUser({name, 0, 0, 0});
    const std::string n = std::to_string(i);
    const std::string text =
        i % 5 == 0   ? "Free money here bit.ly/free-" + n + " click now"
        : i % 5 == 1 ? "You are a fucking idiot and a piece of shit, number " + n
                     : "Thanks for the update, very helpful. Question " + n + " answered.";
    forum.AddPost(topic, name, text);
  }

  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "author_burst_bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  modbot::DaemonConfig config;
  config.forum.type = "discourse";
  config.forum.url = "http://127.0.0.1:" + std::to_string(port);
  config.forum.api_username = "modbot";
  config.forum.api_key = "bench-key";
  config.forum.requests_per_minute = rpm;
  config.store_path = (dir / "modbot.db").string();
  config.decisions_interval = std::chrono::milliseconds(0);  // the read-back is not measured here
  std::string error;
  std::unique_ptr<modbot::Store> store = modbot::Store::Open(config.store_path, &error);
  std::unique_ptr<modbot::Policy> policy =
      modbot::Policy::Create(modbot::PolicySettings::Defaults(), &error);
  if (!store || !policy) {
    std::fprintf(stderr, "author_burst_bench: %s\n", error.c_str());
    return 1;
  }
  modbot::DiscourseForum adapter(config.forum);
  modbot::Daemon daemon(config, &adapter, store.get(),
                        [&](const modbot::Post& post) { return policy->Judge(post); }, false);
  sqlite3* watch = nullptr;
  sqlite3_open(config.store_path.c_str(), &watch);

  const Clock::time_point start = Clock::now();
  std::atomic<bool> done{false};
  bool step_ok = false, forum_ok = false;
  std::thread step([&] {
    step_ok = daemon.Step(&forum_ok, &error);
    done = true;
  });
  double first_verdict = -1, first_hidden = -1;
  auto seconds = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  while (!done) {
    if (first_verdict < 0 && VerdictCount(watch) > 0) first_verdict = seconds();
    if (first_hidden < 0 && AnyHidden(forum)) first_hidden = seconds();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  step.join();
  const double all = seconds();
  const long long verdicts = VerdictCount(watch);
  if (first_verdict < 0 && verdicts > 0) first_verdict = all;
  if (first_hidden < 0 && AnyHidden(forum)) first_hidden = all;
  sqlite3_close(watch);
  if (!step_ok || !forum_ok) {
    std::fprintf(stderr, "author_burst_bench: the step failed: %s\n", error.c_str());
    return 1;
  }
  std::printf("%d posts from %d new accounts at %d requests/min\n", posts, posts, rpm);
  std::printf("first verdict %.1f s, first post hidden %.1f s, step done %.1f s "
              "(%lld verdicts)\n",
              first_verdict, first_hidden, all, verdicts);
  for (const auto& [route, count] : forum.RequestsByRoute()) {
    std::printf("  %-28s %lld\n", route.c_str(), count);
  }
  forum.Stop();
  return 0;
}
