#include "bot/daemon_config.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "tests/forum_fixture.h"

namespace modbot {
namespace {

std::vector<std::string> Errors(const std::string& text, DaemonConfig* config,
                                const std::string& file = "modbot.toml") {
  ConfigReader reader(file);
  std::optional<toml::table> root = ParseToml(text, &reader);
  REQUIRE(root);
  ParseDaemonConfig(*root, &reader, config);
  std::vector<std::string> out;
  for (const ConfigError& e : reader.errors()) out.push_back(e.ToString());
  return out;
}

TEST_CASE("a complete daemon config is read, the key from the environment", "[config]") {
  setenv("MODBOT_TEST_KEY", "s3cret", 1);
  DaemonConfig c;
  std::vector<std::string> errors = Errors(R"(
[forum]
type = "discourse"
url = "https://forum.example.org/"
api_username = "modbot"
api_key_env = "MODBOT_TEST_KEY"
poll_interval_seconds = 15
requests_per_minute = 50
edit_window_minutes = 30
edit_scan_interval_seconds = 120
review_queue = "local"
[store]
path = "state/modbot.db"
[notices]
language = "both"
[notices.fr]
subject = "Message {post_id} masqué"
[policy]
learned_model = "models/forum.model"
built_in_model = false
)", &c, "/etc/modbot/modbot.toml");
  CHECK(errors.empty());
  CHECK(c.forum.url == "https://forum.example.org");
  CHECK(c.forum.api_key == "s3cret");
  CHECK(c.forum.requests_per_minute == 50);
  CHECK(c.poll_interval == std::chrono::seconds(15));
  CHECK(c.edit_window == std::chrono::minutes(30));
  CHECK(c.edit_scan_interval == std::chrono::seconds(120));
  CHECK(c.review_route == ReviewRoute::kLocal);
  CHECK(c.store_path == "/etc/modbot/state/modbot.db");
  CHECK(c.notices.language == "both");
  CHECK(c.notices.fr.subject == "Message {post_id} masqué");
  CHECK(c.notices.en.subject == NoticeSettings::DefaultEnglish().subject);
  // decisions_budget_share 0.1 of 50 a minute over the default 300 s between passes.
  CHECK(c.forum.read_back_requests == 25);
  CHECK(c.learned.path == "/etc/modbot/models/forum.model");
  CHECK_FALSE(c.learned.built_in);
  CHECK(DaemonConfig().learned.built_in);
}

TEST_CASE("decisions_budget_share sets the read-back's requests a pass", "[config]") {
  setenv("MODBOT_TEST_KEY", "s3cret", 1);
  const auto with = [](const std::string& keys) {
    return R"(
[forum]
type = "discourse"
url = "https://forum.example.org/"
api_username = "modbot"
api_key_env = "MODBOT_TEST_KEY"
)" + keys + "[store]\npath = \"modbot.db\"\n";
  };
  DaemonConfig c;
  CHECK(Errors(with("decisions_budget_share = 0.5\ndecisions_interval_seconds = 60\n"), &c)
            .empty());
  CHECK(c.forum.read_back_requests == 30);
  DaemonConfig unpaced;
  CHECK(Errors(with("requests_per_minute = 0\n"), &unpaced).empty());
  CHECK(unpaced.forum.read_back_requests == 0);  // no budget, no cap
  DaemonConfig bad;
  const std::vector<std::string> errors = Errors(with("decisions_budget_share = 2\n"), &bad);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("modbot.toml:7:") == 0);
}

TEST_CASE("bad daemon configs are reported at file:line:col", "[config]") {
  unsetenv("MODBOT_TEST_MISSING");
  DaemonConfig c;
  std::vector<std::string> errors = Errors(R"([forum]
type = "discourse"
url = "forum.example.org"
api_username = "modbot"
api_key_env = "MODBOT_TEST_MISSING"
review_queue = "sometimes"
[store]
path = "x.db"
[notices.en]
subject = "Your post was hidden"
)", &c);
  REQUIRE(errors.size() == 4);
  CHECK(errors[0] == "modbot.toml:3:7: url 'forum.example.org' must start with http:// or https://");
  CHECK(errors[1] ==
        "modbot.toml:5:15: environment variable MODBOT_TEST_MISSING (the API key) is not set");
  CHECK(errors[2].rfind("modbot.toml:6:16: review_queue must be", 0) == 0);
  CHECK(errors[3].rfind("modbot.toml:10:11: subject must contain {post_id}", 0) == 0);

  errors = Errors("[forum]\ntype = \"discourse\"\nurl = \"http://f\"\napi_username = \"m\"\n"
                  "api_key = \"abc\"\n[store]\npath = \"x\"\n", &c);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].rfind("modbot.toml:5:11: the API key must not be written in the config", 0) == 0);
  CHECK(errors[1].find("missing API key") != std::string::npos);

  CHECK(Errors("[policy]\n", &c).size() == 2);  // no [forum], no [store]
}

TEST_CASE("the API key may come from a file beside the config", "[config]") {
  testing::TempDir dir;
  std::ofstream(dir.File("key")) << "from-file\n";
  DaemonConfig c;
  CHECK(Errors("[forum]\ntype = \"discourse\"\nurl = \"http://127.0.0.1:8080\"\n"
               "api_username = \"m\"\napi_key_file = \"key\"\n[store]\npath = \"x\"\n",
               &c, dir.File("modbot.toml"))
            .empty());
  CHECK(c.forum.api_key == "from-file");
}

TEST_CASE("phpbb logs in with a password from a file, never an API key", "[config]") {
  testing::TempDir dir;
  std::ofstream(dir.File("password")) << "hunter2\n";
  DaemonConfig c;
  CHECK(Errors("[forum]\ntype = \"phpbb\"\nurl = \"http://127.0.0.1:8080/forum\"\n"
               "api_username = \"modbot\"\npassword_file = \"password\"\n[store]\npath = \"x\"\n",
               &c, dir.File("modbot.toml"))
            .empty());
  CHECK(c.forum.type == "phpbb");
  CHECK(c.forum.api_key == "hunter2");

  std::vector<std::string> errors =
      Errors("[forum]\ntype = \"phpbb\"\nurl = \"http://f\"\napi_username = \"m\"\n"
             "api_key_env = \"K\"\npassword = \"x\"\n[store]\npath = \"x\"\n",
             &c);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0] == "modbot.toml:5:15: api_key_env does not apply to type \"phpbb\": use "
                     "password_env or password_file");
  CHECK(errors[1].rfind("modbot.toml:6:12: the password must not be written in the config", 0) ==
        0);
  CHECK(errors[2].find("missing password") != std::string::npos);

  errors = Errors("[forum]\ntype = \"phorum\"\nurl = \"http://f\"\napi_username = \"m\"\n"
                  "api_key_env = \"PATH\"\n[store]\npath = \"x\"\n",
                  &c);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "modbot.toml:2:8: unknown forum type 'phorum' (known: discourse, phpbb)");
}

TEST_CASE("moderators' commands read the config without the API key", "[config]") {
  unsetenv("MODBOT_TEST_UNSET_KEY");
  const std::string text = "[forum]\ntype = \"discourse\"\nurl = \"http://f\"\napi_username = \"m\"\n"
                           "api_key_env = \"MODBOT_TEST_UNSET_KEY\"\n[store]\npath = \"x\"\n";
  ConfigReader reader("modbot.toml");
  std::optional<toml::table> root = ParseToml(text, &reader);
  REQUIRE(root);
  DaemonConfig c;
  CHECK(ParseDaemonConfig(*root, &reader, &c, /*read_secret=*/false));
  CHECK(c.forum.api_key.empty());
  CHECK(c.forum.url == "http://f");
  // The daemon itself still insists on it.
  CHECK(Errors(text, &c).size() == 1);
}

TEST_CASE("[http] listen and [log] format are checked where they are written", "[config]") {
  setenv("MODBOT_TEST_KEY", "s3cret", 1);
  const std::string base = "[forum]\ntype = \"discourse\"\nurl = \"http://f\"\napi_username = \"m\"\n"
                           "api_key_env = \"MODBOT_TEST_KEY\"\n[store]\npath = \"x\"\n";
  DaemonConfig c;
  CHECK(Errors(base, &c).empty());
  CHECK(c.http_port == 0);  // no listener unless asked
  CHECK(c.log_format == LogFormat::kText);
  CHECK(Errors(base + "[http]\nlisten = \"127.0.0.1:9464\"\n[log]\nformat = \"json\"\n", &c).empty());
  CHECK(c.http_host == "127.0.0.1");
  CHECK(c.http_port == 9464);
  CHECK(c.log_format == LogFormat::kJson);
  CHECK(Errors(base + "[http]\nlisten = \"[::1]:80\"\n", &c).empty());
  CHECK(c.http_host == "::1");

  for (const char* bad : {"9464", "127.0.0.1:", "127.0.0.1:70000", ":9464", "127.0.0.1:94a"}) {
    INFO(bad);
    std::vector<std::string> errors = Errors(base + "[http]\nlisten = \"" + bad + "\"\n", &c);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rfind("modbot.toml:9:10: listen must be \"host:port\"", 0) == 0);
  }
  std::vector<std::string> errors = Errors(base + "[http]\nlisten = \"127.0.0.1:1\"\nport = 3\n", &c);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "modbot.toml:10:1: unknown key 'port'");
  errors = Errors(base + "[log]\nformat = \"xml\"\n", &c);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "modbot.toml:9:10: format must be \"text\" or \"json\", not \"xml\"");
}

TEST_CASE("[forum.webhook] reads its secret from a file and slows the poll to a catch-up",
          "[config][webhook]") {
  testing::TempDir dir;
  std::ofstream(dir.File("key")) << "k\n";
  const std::string base = "[forum]\ntype = \"discourse\"\nurl = \"http://f\"\napi_username = \"m\"\n"
                           "api_key_file = \"key\"\npoll_interval_seconds = 5\n"
                           "[store]\npath = \"x\"\n";
  const std::string config = dir.File("modbot.toml");
  DaemonConfig c;
  CHECK(Errors(base, &c, config).empty());
  CHECK(c.webhook.listen.port == 0);  // off unless given
  CHECK(c.poll_interval == std::chrono::seconds(5));

  std::ofstream(dir.File("hook.secret")) << "sesame\n";
  c = DaemonConfig();
  CHECK(Errors(base + "[forum.webhook]\nlisten = \"127.0.0.1:9465\"\nsecret_file = \"hook.secret\"\n",
               &c, config)
            .empty());
  CHECK(c.webhook.listen.host == "127.0.0.1");
  CHECK(c.webhook.listen.port == 9465);
  CHECK(c.webhook.secret == "sesame");
  CHECK(c.poll_interval == std::chrono::seconds(300));  // the catch-up's default

  std::vector<std::string> errors = Errors(
      base + "[forum.webhook]\nlisten = \"127.0.0.1:9465\"\nsecret_file = \"missing.secret\"\n",
      &c, config);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == config + ":11:15: cannot read the webhook secret from '" +
                         dir.File("missing.secret") + "'");
  errors = Errors(base + "[forum.webhook]\nlisten = \"127.0.0.1:9465\"\n", &c, config);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find(":9:1: missing required key 'secret_file'") != std::string::npos);
}

}  // namespace
}  // namespace modbot
