// Issue 12 item 6: Discourse cooks BBCode inside markdown, so a post written with
// [img] or [url] reaches the daemon as markdown `raw`. Its verdict must be the one
// `classify` gives the same text as BBCode.
#include <catch2/catch.hpp>

#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "bot/judge_commands.h"
#include "policy/built_in_policy_for_tests.h"

namespace modbot {
namespace {

using nlohmann::json;

// Whether every BBCode tag in text is one Discourse cooks in markdown (the
// bbcode-block and bbcode-inline rules of discourse-markdown-it).
bool OnlyTagsDiscourseCooks(const std::string& text) {
  static const std::set<std::string> kCooked = {"quote", "img", "url", "email", "b", "i", "u", "s"};
  bool any = false;
  for (size_t at = text.find('['); at != std::string::npos; at = text.find('[', at + 1)) {
    size_t i = at + 1 + (at + 1 < text.size() && text[at + 1] == '/');
    std::string name;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) {
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i++])));
    }
    if (name.empty() || i >= text.size() || (text[i] != ']' && text[i] != '=')) continue;
    if (!kCooked.count(name)) return false;
    any = true;
  }
  return any;
}

std::string Classify(const std::string& lines) {
  std::istringstream in(lines);
  std::ostringstream out;
  REQUIRE(ClassifyStream(BuiltInPolicy(), /*built_in_model=*/true, in, out) == 0);
  return out.str();
}

TEST_CASE("BBCode in a Discourse post gets the verdict classify gives it as BBCode",
          "[parser][discourse]") {
  std::string as_bbcode, as_markdown;
  int posts = 0;
  for (const char* set : {"gold-dev", "gold-extra", "gold-final", "gold-holdout"}) {
    std::ifstream in(std::string(MODBOT_SOURCE_DIR) + "/tests/data/" + set + ".jsonl");
    REQUIRE(in);
    for (std::string line; std::getline(in, line);) {
      json post = json::parse(line);
      if (post.value("format", "") != "bbcode" || !OnlyTagsDiscourseCooks(post["text"])) continue;
      ++posts;
      as_bbcode += post.dump() + "\n";
      post["format"] = "markdown";
      as_markdown += post.dump() + "\n";
    }
  }
  CHECK(posts >= 150);
  std::istringstream bbcode(Classify(as_bbcode)), markdown(Classify(as_markdown));
  for (std::string b, m; std::getline(bbcode, b) && std::getline(markdown, m);) {
    json expected = json::parse(b), got = json::parse(m);
    INFO(expected["id"]);
    CHECK(got["action"] == expected["action"]);
    CHECK(got["clauses"] == expected["clauses"]);
  }
}

}  // namespace
}  // namespace modbot
