// The modbot binary as residents' moderators run it: exit codes, output shapes.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/modbot_process.h"

namespace {

namespace fs = std::filesystem;
using modbot::testing::Modbot;
using modbot::testing::Run;
using nlohmann::json;

// A scratch directory for one test case, removed at the end.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("modbot_cli_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  fs::path Write(const std::string& name, const std::string& content) const {
    fs::path file = path_ / name;
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void CheckVerdictShape(const json& verdict) {
  INFO(verdict.dump());
  REQUIRE(verdict.is_object());
  CHECK(verdict.contains("id"));
  REQUIRE(verdict.contains("action"));
  CHECK((verdict["action"] == "allow" || verdict["action"] == "review" || verdict["action"] == "hide"));
  REQUIRE(verdict.contains("clauses"));
  CHECK(verdict["clauses"].is_array());
  REQUIRE(verdict.contains("lang"));
  CHECK((verdict["lang"] == "en" || verdict["lang"] == "fr"));
  REQUIRE(verdict.contains("reasons"));
  REQUIRE(verdict["reasons"].is_array());
  for (const json& reason : verdict["reasons"]) {
    CHECK(reason["clause"].is_string());
    CHECK(reason["rule"].is_string());
    CHECK(reason["score"].is_number());
    CHECK(reason["evidence"].is_string());
  }
}

TEST_CASE("cli: check \"lol\" exits 0 and says hide", "[cli]") {
  Run run = Modbot({"check", "lol"});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.out.rfind("hide", 0) == 0);
  CHECK(run.out.find("frivolous") != std::string::npos);
}

TEST_CASE("cli: check on a civil post says allow", "[cli]") {
  Run run = Modbot({"check", "The permit costs $45 at city hall."});
  CHECK(run.exit_code == 0);
  CHECK(run.out.rfind("allow", 0) == 0);
  CHECK(run.out.find("no principle broken") != std::string::npos);
}

TEST_CASE("cli: check --json prints one verdict object", "[cli]") {
  Run run = Modbot({"check", "--json", "Amazing deals here bit.ly/3xYzAbc, vous êtes des clowns"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  std::vector<std::string> lines = Lines(run.out);
  REQUIRE(lines.size() == 1);
  json verdict = json::parse(lines[0]);
  CheckVerdictShape(verdict);
  CHECK(verdict.size() == 5);
  CHECK(verdict["action"] != "allow");
  CHECK_FALSE(verdict["clauses"].empty());
  bool shortener = false;
  for (const json& reason : verdict["reasons"]) {
    shortener |= reason["rule"] == "links.shortener" && reason["clause"] == "spam_links" &&
                 reason["evidence"] == "bit.ly/3xYzAbc";
  }
  CHECK(shortener);
}

TEST_CASE("cli: check - reads the text from standard input", "[cli]") {
  Run run = Modbot({"check", "--json", "-"}, "Je vais te tuer si tu touches à ma clôture.\n");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  json verdict = json::parse(run.out);
  CheckVerdictShape(verdict);
  CHECK(verdict["action"] == "hide");
  CHECK(verdict["lang"] == "fr");
  CHECK(verdict["clauses"] == json::array({"threat"}));
}

TEST_CASE("cli: check --format parses the markup", "[cli]") {
  Run run = Modbot({"check", "--json", "--format", "markdown",
                    "![dance](https://media.giphy.com/media/abc/giphy.gif)"});
  REQUIRE(run.exit_code == 0);
  json verdict = json::parse(run.out);
  CHECK(verdict["action"] == "hide");
  CHECK(verdict["clauses"] == json::array({"frivolous"}));

  Run bad = Modbot({"check", "--format", "rtf", "hello"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--format") != std::string::npos);
}

TEST_CASE("cli: check --topic judges the text in a topic, the built-in model with it",
          "[cli]") {
  const std::string text = "You people at city hall are useless clowns, every one of you";
  Run alone = Modbot({"check", text});
  INFO(alone.err);
  REQUIRE(alone.exit_code == 0);
  CHECK(alone.out.find("built-in model") == std::string::npos);

  Run in_topic = Modbot({"check", "--topic", "Snow removal on Cavendish", text});
  INFO(in_topic.err);
  REQUIRE(in_topic.exit_code == 0);
  CHECK(in_topic.out.rfind("built-in model: ", 0) == 0);
  CHECK(in_topic.out.find("likely to break a principle (guess: abusive)") != std::string::npos);
  CHECK(in_topic.out.find("model.built_in") != std::string::npos);

  TempDir dir;
  const fs::path config = dir.Write("policy.toml", "[policy]\nbuilt_in_model = false\n");
  Run off = Modbot({"check", "--config", config.string(), "--topic", "Snow removal", text});
  INFO(off.err);
  REQUIRE(off.exit_code == 0);
  CHECK(off.out.find("built-in model") == std::string::npos);
  CHECK(off.out.find("model.built_in") == std::string::npos);
}

TEST_CASE("cli: classify writes one line per input line, in order", "[cli]") {
  const std::string input =
      R"({"id":"a","text":"lol"})" "\n"
      "this is not json\n"
      R"({"id":"b","text":"The permit costs $45 at city hall.","author":{"account_age_days":400}})" "\n"
      R"({"id":"c"})" "\n"
      R"({"id":7,"format":"markdown","text":"I'm going to kill you","reply_to":null,"unknown":1})" "\n"
      "\n"
      R"({"id":"d","text":"hello","topic":"Parks"})" "\n";
  Run run = Modbot({"classify"}, input);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  std::vector<std::string> lines = Lines(run.out);
  REQUIRE(lines.size() == 7);

  json a = json::parse(lines[0]);
  CheckVerdictShape(a);
  CHECK(a["id"] == "a");
  CHECK(a["action"] == "hide");

  json bad = json::parse(lines[1]);
  CHECK(bad.size() == 2);
  CHECK(bad["id"].is_null());
  CHECK(bad["error"].is_string());

  json b = json::parse(lines[2]);
  CheckVerdictShape(b);
  CHECK(b["id"] == "b");
  CHECK(b["action"] == "allow");

  json c = json::parse(lines[3]);
  CHECK(c.size() == 2);
  CHECK(c["id"] == "c");
  CHECK(c["error"].get<std::string>().find("text") != std::string::npos);

  json seven = json::parse(lines[4]);
  CheckVerdictShape(seven);
  CHECK(seven["id"] == "7");
  CHECK(seven["action"] == "hide");

  json empty = json::parse(lines[5]);
  CHECK(empty == json({{"id", nullptr}, {"error", "empty line"}}));

  json d = json::parse(lines[6]);
  CHECK(d["id"] == "d");
  CHECK(d["error"].get<std::string>().find("\"topic\"") != std::string::npos);
}

TEST_CASE("cli: classify of nothing writes nothing", "[cli]") {
  Run run = Modbot({"classify"}, "");
  CHECK(run.exit_code == 0);
  CHECK(run.out.empty());
}

TEST_CASE("cli: classify with a valid --config uses it", "[cli]") {
  TempDir dir;
  fs::path config = dir.Write("policy.toml",
                              "[clauses.frivolous]\nenabled = false\n\n"
                              "[[rules]]\nname = \"sealcoat\"\nclause = \"commercial\"\n"
                              "words = [\"sealcoat\"]\naction = \"review\"\n");
  Run run = Modbot({"classify", "--config", config.string()},
                   R"({"id":"a","text":"lol"})" "\n" R"({"id":"b","text":"Sealcoat deals this week"})" "\n");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  std::vector<std::string> lines = Lines(run.out);
  REQUIRE(lines.size() == 2);
  CHECK(json::parse(lines[0])["action"] == "allow");
  json b = json::parse(lines[1]);
  CHECK(b["action"] == "review");
  CHECK(b["reasons"][0]["rule"] == "rule.sealcoat");
}

TEST_CASE("cli: bad usage exits 2", "[cli]") {
  struct Row {
    std::vector<std::string> args;
    const char* stderr_has;
  };
  for (const Row& row : std::vector<Row>{
           {{"frobnicate"}, "unknown command 'frobnicate'"},
           {{}, "usage"},
           {{"check", "--loud", "hello"}, "unknown option --loud"},
           {{"classify", "--verbose"}, "unknown option --verbose"},
           {{"check"}, "exactly one TEXT"},
           {{"check", "one", "two"}, "exactly one TEXT"},
           {{"check", "--config"}, "--config needs a value"},
           {{"classify", "extra"}, "no arguments"},
           {{"config"}, "usage"},
           {{"config", "lint", "x.toml"}, "usage"},
       }) {
    Run run = Modbot(row.args);
    INFO("args: " << json(row.args).dump() << "\nstderr: " << run.err);
    CHECK(run.exit_code == 2);
    CHECK(run.err.find(row.stderr_has) != std::string::npos);
    CHECK(run.out.empty());
  }
}

TEST_CASE("cli: --help exits 0 with the usage on standard output", "[cli]") {
  Run run = Modbot({"--help"});
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("modbot check") != std::string::npos);
}

TEST_CASE("cli: config check locates a mistake as file:line:col", "[cli]") {
  TempDir dir;
  fs::path config = dir.Write("bad.toml",
                              "[policy]\n"
                              "sponsors = [\"Rivard\"]\n"
                              "\n"
                              "[clauses.threat]\n"
                              "review_at = 0.5\n"
                              "hide_at = 1.7\n");
  Run run = Modbot({"config", "check", config.string()});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find(config.string() + ":6:11: ") != std::string::npos);
  CHECK(run.err.find("hide_at") != std::string::npos);
}

TEST_CASE("cli: config check lists every mistake", "[cli]") {
  TempDir dir;
  fs::path config = dir.Write("bad.toml",
                              "[policy]\n"
                              "sponser = [\"Rivard\"]\n"
                              "[clauses.nope]\n"
                              "[polcy]\n");
  Run run = Modbot({"config", "check", config.string()});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find(config.string() + ":2:1: unknown key 'sponser'") != std::string::npos);
  CHECK(run.err.find(config.string() + ":3:1: unknown clause 'nope'") != std::string::npos);
}

TEST_CASE("cli: config check of a TOML syntax error", "[cli]") {
  TempDir dir;
  fs::path config = dir.Write("syntax.toml", "[policy]\nsponsors = [\"a\"\n");
  Run run = Modbot({"config", "check", config.string()});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find(config.string() + ":") == 0);
}

TEST_CASE("cli: config check accepts a policy-only config", "[cli]") {
  TempDir dir;
  fs::path config = dir.Write("policy.toml",
                              "[policy]\n"
                              "sponsors = [\"Rivard Family Dentistry\", \"rivarddentistry.ca\"]\n"
                              "trusted_domains = [\"cslpubliclibrary.ca\"]\n"
                              "candidates = [\"Sarah Kline\"]\n"
                              "\n"
                              "[clauses.spam_links]\n"
                              "max_action = \"review\"\n"
                              "\n"
                              "[[rules]]\n"
                              "name = \"units\"\n"
                              "clause = \"public_safety\"\n"
                              "patterns = ['\\bunit \\d{3}\\b']\n"
                              "score = 0.6\n");
  Run run = Modbot({"config", "check", config.string()});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK(run.out.find("ok") != std::string::npos);
}

TEST_CASE("cli: the shipped config.toml.example is valid once its secret is there", "[cli]") {
  const std::string example = MODBOT_SOURCE_DIR "/config.toml.example";
  ::unsetenv("MODBOT_FORUM_KEY");
  Run without_key = Modbot({"config", "check", example});
  CHECK(without_key.exit_code == 2);
  CHECK(without_key.err.find(example + ":") != std::string::npos);
  CHECK(without_key.err.find("MODBOT_FORUM_KEY") != std::string::npos);

  ::setenv("MODBOT_FORUM_KEY", "example-key", 1);
  Run with_key = Modbot({"config", "check", example});
  ::unsetenv("MODBOT_FORUM_KEY");
  INFO(with_key.err);
  CHECK(with_key.exit_code == 0);
  CHECK(with_key.err.empty());
}

TEST_CASE("cli: a missing config file is bad usage", "[cli]") {
  TempDir dir;
  std::string missing = (dir.path() / "missing.toml").string();
  Run classify = Modbot({"classify", "--config", missing}, R"({"id":"a","text":"hi"})" "\n");
  CHECK(classify.exit_code == 2);
  CHECK(classify.out.empty());
  CHECK(classify.err.find(missing) != std::string::npos);

  Run check = Modbot({"check", "--config", missing, "hello"});
  CHECK(check.exit_code == 2);

  Run config = Modbot({"config", "check", missing});
  CHECK(config.exit_code == 2);
  CHECK(config.err.find(missing) != std::string::npos);
}

TEST_CASE("cli: check and classify refuse a config with an error", "[cli]") {
  TempDir dir;
  fs::path config = dir.Write("bad.toml", "[clauses.abusive]\nmax_action = \"obliterate\"\n");
  Run run = Modbot({"check", "--config", config.string(), "hello"});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find(config.string() + ":2:14: ") != std::string::npos);
  CHECK(run.out.empty());
}

}  // namespace
