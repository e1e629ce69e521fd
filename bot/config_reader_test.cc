#include "bot/config_reader.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace modbot {
namespace {

// Parses text as "test.toml"; fails the test on a syntax error.
toml::table Parse(std::string_view text, ConfigReader* reader) {
  std::optional<toml::table> root = ParseToml(text, reader);
  INFO(text);
  REQUIRE(root.has_value());
  REQUIRE(reader->ok());
  return std::move(*root);
}

void CheckOneError(const ConfigReader& reader, int line, int column, std::string_view contains) {
  REQUIRE(reader.errors().size() == 1);
  const ConfigError& error = reader.errors()[0];
  INFO(error.ToString());
  CHECK(error.file == "test.toml");
  CHECK(error.line == line);
  CHECK(error.column == column);
  CHECK(error.message.find(contains) != std::string::npos);
}

TEST_CASE("ConfigError::ToString is file:line:col: message", "[cli]") {
  CHECK(ConfigError{"modbot.toml", 12, 7, "unknown key 'x'"}.ToString() ==
        "modbot.toml:12:7: unknown key 'x'");
  // Without a position there is nothing to point at.
  CHECK(ConfigError{"modbot.toml", 0, 0, "cannot open the config file"}.ToString() ==
        "modbot.toml: cannot open the config file");
}

TEST_CASE("ParseToml: a syntax error is located and reported once", "[cli]") {
  ConfigReader reader("test.toml");
  std::optional<toml::table> root = ParseToml("[policy]\nsponsors = [\"a\", \"b\"\nnew_account_days = 3\n", &reader);
  CHECK_FALSE(root.has_value());
  REQUIRE(reader.errors().size() == 1);
  const ConfigError& error = reader.errors()[0];
  CHECK(error.file == "test.toml");
  CHECK(error.line == 3);
  CHECK(error.column >= 1);
  CHECK_FALSE(error.message.empty());
  CHECK(error.ToString().rfind("test.toml:3:", 0) == 0);
}

TEST_CASE("ParseToml: an unterminated table header is located on its line", "[cli]") {
  ConfigReader reader("test.toml");
  CHECK_FALSE(ParseToml("# comment\n\n[policy\n", &reader).has_value());
  REQUIRE(reader.errors().size() == 1);
  CHECK(reader.errors()[0].line == 3);
}

TEST_CASE("ParseToml: valid TOML gives a table and no errors", "[cli]") {
  ConfigReader reader("test.toml");
  std::optional<toml::table> root = ParseToml("a = 1\n[b]\nc = \"d\"\n", &reader);
  REQUIRE(root.has_value());
  CHECK(reader.ok());
  CHECK(root->contains("a"));
  CHECK(root->contains("b"));
}

TEST_CASE("ConfigReader: getters read well-typed values", "[cli]") {
  ConfigReader reader("test.toml");
  toml::table root = Parse(
      "name = \"modbot\"\ncount = 42\nratio = 0.25\nwhole = 1\nflag = true\nlist = [\"a\", \"b\"]\n"
      "[sub]\nx = 1\n",
      &reader);
  std::string name;
  int count = 0;
  double ratio = 0, whole = 0;
  bool flag = false;
  std::vector<std::string> list = {"kept"};
  reader.String(root, "name", &name);
  reader.Int(root, "count", 0, 100, &count);
  reader.Double(root, "ratio", 0.0, 1.0, &ratio);
  reader.Double(root, "whole", 0.0, 1.0, &whole);  // an integer is a number too
  reader.Bool(root, "flag", &flag);
  reader.StringList(root, "list", &list);
  const toml::table* sub = reader.Table(root, "sub");
  CHECK(reader.ok());
  CHECK(name == "modbot");
  CHECK(count == 42);
  CHECK(ratio == 0.25);
  CHECK(whole == 1.0);
  CHECK(flag);
  CHECK(list == std::vector<std::string>{"kept", "a", "b"});  // appended
  REQUIRE(sub != nullptr);
  CHECK(sub->contains("x"));
}

TEST_CASE("ConfigReader: a missing optional key keeps the default", "[cli]") {
  ConfigReader reader("test.toml");
  toml::table root = Parse("other = 1\n", &reader);
  std::string name = "default";
  int count = 7;
  double ratio = 0.5;
  bool flag = true;
  reader.String(root, "name", &name);
  reader.Int(root, "count", 0, 100, &count);
  reader.Double(root, "ratio", 0.0, 1.0, &ratio);
  reader.Bool(root, "flag", &flag);
  CHECK(reader.Table(root, "sub") == nullptr);
  CHECK(reader.ok());
  CHECK(name == "default");
  CHECK(count == 7);
  CHECK(ratio == 0.5);
  CHECK(flag);
}

TEST_CASE("ConfigReader: a missing required key is located at its table", "[cli]") {
  ConfigReader reader("test.toml");
  toml::table root = Parse("x = 1\n\n[forum]\nurl = \"https://forum.example\"\n", &reader);
  std::string key;
  reader.String(*root["forum"].as_table(), "api_key_file", &key, /*required=*/true);
  CheckOneError(reader, 3, 1, "missing required key 'api_key_file'");
}

TEST_CASE("ConfigReader: wrong types are located at the value", "[cli]") {
  std::string s;
  int i = 0;
  double d = 0;
  bool b = false;
  std::vector<std::string> list;
  using Read = std::function<void(ConfigReader&, const toml::table&)>;
  struct Row {
    const char* value;
    Read read;
    const char* message;
  };
  const std::vector<Row> rows = {
      {"5", [&](ConfigReader& r, const toml::table& t) { r.String(t, "v", &s); }, "'v' must be a string"},
      {"\"5\"", [&](ConfigReader& r, const toml::table& t) { r.Int(t, "v", 0, 100, &i); },
       "'v' must be an integer"},
      {"2.5", [&](ConfigReader& r, const toml::table& t) { r.Int(t, "v", 0, 100, &i); },
       "'v' must be an integer"},
      {"\"x\"", [&](ConfigReader& r, const toml::table& t) { r.Double(t, "v", 0, 1, &d); },
       "'v' must be a number"},
      {"1", [&](ConfigReader& r, const toml::table& t) { r.Bool(t, "v", &b); },
       "'v' must be true or false"},
      {"\"a\"", [&](ConfigReader& r, const toml::table& t) { r.StringList(t, "v", &list); },
       "'v' must be a list of strings"},
      {"3", [&](ConfigReader& r, const toml::table& t) { CHECK(r.Table(t, "v") == nullptr); },
       "'v' must be a table"},
  };
  for (const Row& row : rows) {
    INFO("v = " << row.value);
    ConfigReader reader("test.toml");
    toml::table root = Parse(std::string("# header\nv = ") + row.value + "\n", &reader);
    row.read(reader, root);
    CheckOneError(reader, 2, 5, row.message);
  }
  CHECK(s.empty());
  CHECK(i == 0);
  CHECK(d == 0);
  CHECK_FALSE(b);
  CHECK(list.empty());
}

TEST_CASE("ConfigReader: out-of-range numbers are refused, the default kept", "[cli]") {
  ConfigReader reader("test.toml");
  toml::table root = Parse("days = 5000\nratio = 1.5\nneg = -0.1\n", &reader);
  int days = 7;
  double ratio = 0.5, neg = 0.5;
  reader.Int(root, "days", 0, 3650, &days);
  reader.Double(root, "ratio", 0.0, 1.0, &ratio);
  reader.Double(root, "neg", 0.0, 1.0, &neg);
  REQUIRE(reader.errors().size() == 3);
  CHECK(reader.errors()[0].ToString() == "test.toml:1:8: 'days' must be between 0 and 3650, not 5000");
  CHECK(reader.errors()[1].line == 2);
  CHECK(reader.errors()[1].column == 9);
  CHECK(reader.errors()[1].message.find("between") != std::string::npos);
  CHECK(reader.errors()[2].line == 3);
  CHECK(reader.errors()[2].column == 7);
  CHECK(days == 7);
  CHECK(ratio == 0.5);
  CHECK(neg == 0.5);
}

TEST_CASE("ConfigReader: nan is not a number", "[cli]") {
  ConfigReader reader("test.toml");
  toml::table root = Parse("ratio = nan\n", &reader);
  double ratio = 0.5;
  reader.Double(root, "ratio", 0.0, 1.0, &ratio);
  CheckOneError(reader, 1, 9, "must be a number");
  CHECK(ratio == 0.5);
}

TEST_CASE("ConfigReader: a list with a non-string is reported at the item", "[cli]") {
  ConfigReader reader("test.toml");
  toml::table root = Parse("list = [\"a\", 2, \"c\"]\n", &reader);
  std::vector<std::string> list;
  reader.StringList(root, "list", &list);
  CheckOneError(reader, 1, 14, "must contain only strings");
  CHECK(list == std::vector<std::string>{"a", "c"});
}

TEST_CASE("ConfigReader: unknown keys are reported at the key, each one", "[cli]") {
  ConfigReader reader("test.toml");
  toml::table root = Parse("[policy]\nsponsors = []\n  sponsor = [\"typo\"]\nnew_acount_days = 3\n", &reader);
  reader.RejectUnknownKeys(*root["policy"].as_table(), {"sponsors", "new_account_days"});
  REQUIRE(reader.errors().size() == 2);
  std::vector<std::string> got = {reader.errors()[0].ToString(), reader.errors()[1].ToString()};
  std::sort(got.begin(), got.end());
  CHECK(got == std::vector<std::string>{"test.toml:3:3: unknown key 'sponsor'",
                                        "test.toml:4:1: unknown key 'new_acount_days'"});
}

TEST_CASE("ConfigReader: every problem is collected, not just the first", "[cli]") {
  ConfigReader reader("test.toml");
  toml::table root = Parse("a = 1\nb = 2\nc = 3\n", &reader);
  std::string a, b, c;
  reader.String(root, "a", &a);
  reader.String(root, "b", &b);
  reader.String(root, "c", &c);
  REQUIRE(reader.errors().size() == 3);
  for (int i = 0; i < 3; ++i) CHECK(reader.errors()[i].line == i + 1);
  CHECK_FALSE(reader.ok());
}

}  // namespace
}  // namespace modbot
