// A sample Discourse forum on a loopback port, for the end-to-end tests.
#ifndef MODBOT_TESTS_FORUM_FIXTURE_H_
#define MODBOT_TESTS_FORUM_FIXTURE_H_

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "adapters/forum.h"
#include "adapters/forum_factory.h"
#include "sample/discourse/sample_forum.h"
#include "sample/phpbb/phpbb_sample.h"

namespace modbot::testing {

inline constexpr const char* kApiUser = "modbot";
inline constexpr const char* kApiKey = "test-key-8f3a";

struct ForumFixture {
  sample::SampleForum forum{kApiUser, kApiKey};
  int port = forum.Start();

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }

  ForumSettings Settings() const { return FastSettings(url()); }

  // Fast settings: no pacing, short backoff, short timeout.
  static ForumSettings FastSettings(const std::string& url) {
    ForumSettings s;
    s.type = "discourse";
    s.url = url;
    s.api_username = kApiUser;
    s.api_key = kApiKey;
    s.requests_per_minute = 0;
    s.retries = 3;
    s.backoff = {std::chrono::milliseconds(1), std::chrono::milliseconds(20)};
    s.timeout = std::chrono::milliseconds(2000);
    s.max_wait = std::chrono::seconds(2);
    return s;
  }
};

inline constexpr const char* kPhpbbPassword = "correct horse 8f3a";

// A sample phpBB board on a loopback port.
struct PhpbbFixture {
  sample::PhpbbSample forum{kApiUser, kPhpbbPassword};
  int port = forum.Start();

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }

  ForumSettings Settings() const {
    ForumSettings s = ForumFixture::FastSettings(url());
    s.type = "phpbb";
    s.api_key = kPhpbbPassword;
    return s;
  }
};

// As if nothing had been judged yet.
inline const Forum::UnjudgedFn kAllUnjudged = [](const std::string&, const std::string&) {
  return true;
};

// The posts' ids, in order.
inline std::vector<long long> PostIds(const std::vector<ForumPost>& posts) {
  std::vector<long long> ids;
  for (const ForumPost& p : posts) ids.push_back(std::stoll(p.id));
  return ids;
}

// An Adapter with settings, for fixture f whose requests now meet faults.
template <typename Adapter, typename Fixture, typename Faults>
Adapter WithFaults(Fixture& f, const Faults& faults, const ForumSettings& settings) {
  f.forum.SetFaults(faults);
  return Adapter(settings);
}

// Polls from the first post, with no recent window, as a daemon would: up to
// `polls` times until one succeeds. The last poll's status.
inline ForumStatus PollFromStart(Forum& forum, PollResult* result, int polls = 1) {
  ForumStatus status;
  for (int i = 0; i < polls; ++i) {
    status = forum.Poll("", std::chrono::minutes(0), kAllUnjudged, result);
    if (status.ok()) break;
  }
  return status;
}

// A fresh directory under the system's temp dir, removed at scope exit.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "modbot-test-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string File(const std::string& name) const { return (path / name).string(); }
};

}  // namespace modbot::testing

#endif  // MODBOT_TESTS_FORUM_FIXTURE_H_
