#include "bot/console_config.h"

#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <fstream>

#include "bot/daemon_config.h"
#include "tests/forum_fixture.h"

namespace modbot {
namespace {

using testing::TempDir;

std::string WriteTokens(const TempDir& dir, const std::string& text, mode_t mode = 0600) {
  const std::string path = dir.File("tokens");
  std::ofstream(path) << text;
  chmod(path.c_str(), mode);
  return path;
}

std::vector<std::string> ReadErrors(const std::string& path, std::vector<ModeratorToken>* out) {
  std::vector<ConfigError> errors;
  ReadTokenFile(path, out, &errors);
  std::vector<std::string> lines;
  for (const ConfigError& e : errors) lines.push_back(e.ToString());
  return lines;
}

TEST_CASE("console tokens: one moderator and token a line", "[console][config]") {
  TempDir dir;
  std::vector<ModeratorToken> moderators;
  const std::string path = WriteTokens(
      dir, "# who  token\n\nanne  0123456789abcdef-anne\nmarc.l\t0123456789abcdef-marc\n");
  CHECK(ReadErrors(path, &moderators).empty());
  REQUIRE(moderators.size() == 2);
  CHECK(moderators[1].moderator == "marc.l");
  CHECK(moderators[1].token == "0123456789abcdef-marc");
}

TEST_CASE("console tokens: every mistake named with its line, no token quoted",
          "[console][config]") {
  TempDir dir;
  std::vector<ModeratorToken> moderators;
  const std::string path = WriteTokens(dir,
                                       "anne 0123456789abcdef-anne\n"
                                       "0123456789abcdef-lonely\n"
                                       "bob short-secret\n"
                                       "anne 0123456789abcdef-again\n"
                                       "marc 0123456789abcdef-anne\n"
                                       "l<script> 0123456789abcdef-evil\n");
  std::vector<std::string> errors = ReadErrors(path, &moderators);
  REQUIRE(errors.size() == 5);
  CHECK(errors[0] == path + ":2:1: expected \"moderator-name token\", found 1 word(s)");
  CHECK(errors[1] == path + ":3:1: the token of bob is too short (at least 16 characters)");
  CHECK(errors[2] == path + ":4:1: moderator anne appears twice");
  CHECK(errors[3].rfind(path + ":5:1: the token of marc is also another moderator's", 0) == 0);
  CHECK(errors[4].rfind(path + ":6:1: a moderator name has", 0) == 0);
  for (const std::string& e : errors) {
    CHECK(e.find("short-secret") == std::string::npos);
    CHECK(e.find("0123456789abcdef") == std::string::npos);
  }
}

TEST_CASE("console tokens: missing, empty or world-readable files are refused",
          "[console][config]") {
  TempDir dir;
  std::vector<ModeratorToken> moderators;
  CHECK(ReadErrors(dir.File("nope"), &moderators) ==
        std::vector<std::string>{dir.File("nope") + ": cannot read the console token file"});
  const std::string empty = WriteTokens(dir, "# nobody yet\n");
  CHECK(ReadErrors(empty, &moderators)[0].find("no moderator") != std::string::npos);
  const std::string open = WriteTokens(dir, "anne 0123456789abcdef-anne\n", 0644);
  CHECK(ReadErrors(open, &moderators)[0].find("readable by every user") != std::string::npos);
}

std::vector<std::string> ParseErrors(const TempDir& dir, const std::string& console) {
  std::ofstream(dir.File("key")) << "k\n";
  const std::string path = dir.File("modbot.toml");
  const std::string text =
      "[forum]\ntype = \"discourse\"\nurl = \"https://forum.example.org\"\n"
      "api_username = \"modbot\"\napi_key_file = \"key\"\n[store]\npath = \"modbot.db\"\n" +
      console;
  ConfigReader reader(path);
  std::optional<toml::table> root = ParseToml(text, &reader);
  REQUIRE(root);
  DaemonConfig config;
  ParseDaemonConfig(*root, &reader, &config);
  std::vector<std::string> out;
  for (const ConfigError& e : reader.errors()) out.push_back(e.ToString());
  return out;
}

TEST_CASE("console config: loopback unless allow_remote, token file required when on",
          "[console][config]") {
  TempDir dir;
  WriteTokens(dir, "anne 0123456789abcdef-anne\n");
  CHECK(ParseErrors(dir, "[console]\nenabled = true\ntoken_file = \"tokens\"\n").empty());
  CHECK(ParseErrors(dir, "[console]\nenabled = true\nlisten = \"[::1]:9465\"\n"
                         "token_file = \"tokens\"\n").empty());
  std::vector<std::string> remote = ParseErrors(
      dir, "[console]\nenabled = true\nlisten = \"0.0.0.0:9465\"\ntoken_file = \"tokens\"\n");
  REQUIRE(remote.size() == 1);
  CHECK(remote[0].rfind(dir.File("modbot.toml") + ":10:10: the review console listens on loopback only",
                        0) == 0);
  CHECK(ParseErrors(dir, "[console]\nenabled = true\nlisten = \"0.0.0.0:9465\"\n"
                         "allow_remote = true\ntoken_file = \"tokens\"\n").empty());
  std::vector<std::string> no_tokens = ParseErrors(dir, "[console]\nenabled = true\n");
  REQUIRE(no_tokens.size() == 1);
  CHECK(no_tokens[0].find("missing required key 'token_file'") != std::string::npos);
  // Off, the console needs nothing and reads nothing.
  CHECK(ParseErrors(dir, "[console]\nenabled = false\ntoken_file = \"absent\"\n").empty());
  std::vector<std::string> bad_file =
      ParseErrors(dir, "[console]\nenabled = true\ntoken_file = \"absent\"\n");
  REQUIRE(bad_file.size() == 1);
  CHECK(bad_file[0] == dir.File("absent") + ": cannot read the console token file");
}

}  // namespace
}  // namespace modbot
