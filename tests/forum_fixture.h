// A sample Discourse forum on a loopback port, for the end-to-end tests.
#ifndef MODBOT_TESTS_FORUM_FIXTURE_H_
#define MODBOT_TESTS_FORUM_FIXTURE_H_

#include <cstdlib>
#include <filesystem>
#include <string>

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
