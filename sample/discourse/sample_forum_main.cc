// sample_forum: serve the sample Discourse forum on 127.0.0.1.
//
//   sample_forum --api-key-file FILE [--api-username NAME] [--port N] [--port-file F]
//                [--seed demo|N] [--rate-limit RPM] [--fault-429 P] [--fault-500 P]
//                [--fault-slow P] [--slow-ms MS] [--fault-truncate P] [--fault-reset P]
//                [--retry-after S] [--api-user-staff yes|no]
//                [--webhook-url URL --webhook-secret-file FILE]
//
// --api-user-staff no makes the API user a plain user, as a key of the wrong account
// would be: Discourse then ignores its take_action and refuses its queue_for_review.
//
// --webhook-url sends each post created or edited to URL as a Discourse webhook
// signed with the secret in FILE (modbot's [forum.webhook]).
//
// Runs until SIGINT or SIGTERM. Faults can also be changed while running with
// POST /admin/sample/faults (a JSON object with the same names).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "sample/common/serve.h"
#include "sample/discourse/sample_forum.h"

namespace {

int Usage() {
  std::fprintf(stderr,
               "usage: sample_forum --api-key-file FILE [--api-username NAME] [--port N] "
               "[--port-file F] [--seed demo|N] [--rate-limit RPM] [--fault-429 P] "
               "[--fault-500 P] [--fault-slow P] [--slow-ms MS] [--fault-truncate P] "
               "[--fault-reset P] [--retry-after S] [--api-user-staff yes|no] "
               "[--webhook-url URL --webhook-secret-file FILE]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string key_file, username = "modbot", port_file, seed = "demo", webhook_url,
      webhook_secret_file;
  int port = 0;
  bool staff = true;
  modbot::sample::Faults faults;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (i + 1 >= argc) return Usage();
    const char* value = argv[++i];
    if (arg == "--api-key-file") key_file = value;
    else if (arg == "--api-username") username = value;
    else if (arg == "--port") port = std::atoi(value);
    else if (arg == "--port-file") port_file = value;
    else if (arg == "--seed") seed = value;
    else if (arg == "--rate-limit") faults.requests_per_minute = std::atoi(value);
    else if (arg == "--fault-429") faults.rate_429 = std::atof(value);
    else if (arg == "--fault-500") faults.rate_500 = std::atof(value);
    else if (arg == "--fault-slow") faults.rate_slow = std::atof(value);
    else if (arg == "--slow-ms") faults.slow_ms = std::atoi(value);
    else if (arg == "--fault-truncate") faults.rate_truncate = std::atof(value);
    else if (arg == "--fault-reset") faults.rate_reset = std::atof(value);
    else if (arg == "--retry-after") faults.retry_after_seconds = std::atoi(value);
    else if (arg == "--webhook-url") webhook_url = value;
    else if (arg == "--webhook-secret-file") webhook_secret_file = value;
    else if (arg == "--api-user-staff" && (value == std::string_view("yes") || value == std::string_view("no")))
      staff = value == std::string_view("yes");
    else return Usage();
  }
  std::string key;
  if (std::ifstream in(key_file); !(in >> key)) {
    std::fprintf(stderr, "sample_forum: cannot read the API key from '%s'\n", key_file.c_str());
    return 2;
  }

  std::string webhook_secret;
  if (!webhook_url.empty()) {
    if (std::ifstream in(webhook_secret_file); !(in >> webhook_secret)) {
      std::fprintf(stderr, "sample_forum: cannot read the webhook secret from '%s'\n",
                   webhook_secret_file.c_str());
      return 2;
    }
  }

  modbot::sample::SampleForum forum(username, key);
  forum.SetWebhook(webhook_url, webhook_secret);
  forum.SetFaults(faults);
  forum.SetStaff(username, staff);
  return modbot::sample::SeedAndServe(forum, "sample_forum", "sample forum", seed, port,
                                      port_file);
}
