// Post-to-hidden latency on the sample Discourse forum, with webhooks on and
// without: the sample forum, the daemon, its store and its webhook listener run in
// this process and talk over loopback HTTP; the built-in policy judges.
//
//   webhook_latency_bench [--posts N] [--every-ms MS] [--poll-seconds S]
//
// Posts N posts the policy hides, one every MS ms, and prints for each mode the
// median and p99 of the time from a post's creation to its hide, as the forum
// recorded both. Webhooks on: the catch-up poll runs every 300 s (the default), so
// only the webhook can be fast. Without: the poll runs every S s (30, the default).
// The daemon's log goes to stderr.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <unistd.h>

#include "adapters/discourse/discourse_forum.h"
#include "adapters/forum_factory.h"
#include "bot/daemon.h"
#include "bot/webhook_server.h"
#include "policy/policy.h"
#include "sample/discourse/sample_forum.h"

namespace modbot {
namespace {

using Millis = std::chrono::milliseconds;

constexpr const char* kApiKey = "bench-key";
constexpr const char* kSecret = "bench-secret";

struct Options {
  int posts = 40;
  Millis every{1500};
  Millis poll{30000};
};

// Posts the built-in policy hides, told apart by a number so that none is a
// near-copy of another.
std::string HiddenText(int i) {
  return "Make money fast!!! Buy cheap pills now at bit.ly/deal" + std::to_string(i) +
         " and tinyurl.com/win" + std::to_string(i) + " click click click";
}

struct Figures {
  size_t hidden = 0;
  Millis median{0}, p99{0};
};

Figures Measure(const Options& options, bool webhooks, const Judge& judge) {
  sample::SampleForum forum("modbot", kApiKey);
  const int forum_port = forum.Start();
  forum.AddUser({"resident", 200, 1, 12});
  const long long topic = forum.AddTopic("Parks and recreation", "General");
  forum.AddPost(topic, "resident", "When does the pool open this summer?");

  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("webhook_latency_bench." + std::to_string(::getpid()) + (webhooks ? ".on" : ".off"));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  DaemonConfig config;
  config.forum.type = "discourse";
  config.forum.url = "http://127.0.0.1:" + std::to_string(forum_port);
  config.forum.api_username = "modbot";
  config.forum.api_key = kApiKey;
  config.store_path = (dir / "modbot.db").string();
  config.poll_interval = webhooks ? Millis(300000) : options.poll;
  std::string error;
  std::unique_ptr<Store> store = Store::Open(config.store_path, &error);
  if (!store) {
    std::fprintf(stderr, "%s\n", error.c_str());
    std::exit(1);
  }
  DiscourseForum adapter(config.forum);
  Daemon daemon(config, &adapter, store.get(), judge, false);
  WebhookServer listener(NewWebhookReader("discourse", kSecret), [&daemon] { daemon.Wake(); });
  if (webhooks) {
    if (!listener.Start(config.store_path, {"127.0.0.1", 0}, &error)) {
      std::fprintf(stderr, "%s\n", error.c_str());
      std::exit(1);
    }
    forum.SetWebhook("http://127.0.0.1:" + std::to_string(listener.port()) + "/", kSecret);
  }
  std::atomic<bool> stop{false};
  std::thread runner([&] { daemon.Run(false, &stop); });
  std::this_thread::sleep_for(Millis(500));  // the first poll, of the seeded post

  std::vector<long long> ids;
  for (int i = 0; i < options.posts; ++i) {
    ids.push_back(forum.AddPost(topic, "resident", HiddenText(i)));
    std::this_thread::sleep_for(options.every);
  }
  const auto deadline = std::chrono::steady_clock::now() + config.poll_interval + Millis(60000);
  std::vector<Millis> latencies;
  while (std::chrono::steady_clock::now() < deadline) {
    latencies.clear();
    for (const sample::SamplePost& p : forum.Posts()) {
      if (p.hidden_at && std::find(ids.begin(), ids.end(), p.id) != ids.end()) {
        latencies.push_back(std::chrono::duration_cast<Millis>(*p.hidden_at - p.created_at));
      }
    }
    if (latencies.size() == ids.size()) break;
    std::this_thread::sleep_for(Millis(100));
  }
  stop = true;
  runner.join();
  listener.Stop();
  forum.Stop();
  std::filesystem::remove_all(dir);

  Figures figures;
  figures.hidden = latencies.size();
  if (latencies.empty()) return figures;
  std::sort(latencies.begin(), latencies.end());
  figures.median = latencies[latencies.size() / 2];
  // Nearest rank: the smallest latency at or above 99 % of the posts.
  const size_t rank = (latencies.size() * 99 + 99) / 100;
  figures.p99 = latencies[std::max<size_t>(rank, 1) - 1];
  return figures;
}

int Main(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    const int value = std::atoi(argv[i + 1]);
    if (flag == "--posts") options.posts = value;
    else if (flag == "--every-ms") options.every = Millis(value);
    else if (flag == "--poll-seconds") options.poll = Millis(value * 1000);
    else {
      std::fprintf(stderr, "usage: webhook_latency_bench [--posts N] [--every-ms MS] "
                           "[--poll-seconds S]\n");
      return 2;
    }
  }
  std::string error;
  std::shared_ptr<Policy> policy = Policy::Create(PolicySettings::Defaults(), &error);
  if (!policy) {
    std::fprintf(stderr, "policy: %s\n", error.c_str());
    return 1;
  }
  const Judge judge = [policy](const Post& post) { return policy->Judge(post); };
  for (const bool webhooks : {true, false}) {
    const Figures f = Measure(options, webhooks, judge);
    const std::string mode =
        webhooks ? "webhooks on (catch-up poll 300 s)"
                 : "webhooks off (poll every " + std::to_string(options.poll.count() / 1000) + " s)";
    std::printf("%s: %zu/%d posts hidden, post-to-hidden median %.2f s, p99 %.2f s\n",
                mode.c_str(), f.hidden, options.posts, f.median.count() / 1000.0,
                f.p99.count() / 1000.0);
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace
}  // namespace modbot

int main(int argc, char** argv) { return modbot::Main(argc, argv); }
