#include "bot/verdict_json.h"

#include <catch2/catch.hpp>
#include <string>

namespace modbot {
namespace {

using nlohmann::json;
using namespace std::string_literals;

struct Result {
  bool ok;
  Post post;
  json id;
  std::string error;
};

Result FromLine(std::string_view line) {
  Result result;
  result.ok = PostFromJsonLine(line, &result.post, &result.id, &result.error);
  return result;
}

TEST_CASE("PostFromJsonLine: a full line becomes a post", "[cli]") {
  Result r = FromLine(
      R"({"id":"p1","format":"markdown","text":"> You are wrong.\n\nNo, see [the minutes](https://cotesaintluc.org/council).",)"
      R"("topic":{"title":"Budget 2025","category":"Council"},"reply_to":"You are wrong.",)"
      R"("author":{"username":"jdoe","account_age_days":3,"post_count":0,"trust_level":1},"extra":{"ignored":true}})");
  INFO(r.error);
  REQUIRE(r.ok);
  CHECK(r.id == "p1");
  CHECK(r.post.id == "p1");
  CHECK(r.post.format == Format::kMarkdown);
  CHECK(r.post.body.own_text == "No, see the minutes.");
  REQUIRE(r.post.body.quotes.size() == 1);
  CHECK(r.post.body.quotes[0] == "You are wrong.");
  REQUIRE(r.post.body.links.size() == 1);
  CHECK(r.post.body.links[0].domain == "cotesaintluc.org");
  CHECK(r.post.topic.title == "Budget 2025");
  CHECK(r.post.topic.category == "Council");
  REQUIRE(r.post.reply_to.has_value());
  CHECK(*r.post.reply_to == "You are wrong.");
  CHECK(r.post.author.username == "jdoe");
  CHECK(r.post.author.account_age_days == 3);
  CHECK(r.post.author.post_count == 0);
  CHECK(r.post.author.trust_level == 1);
}

TEST_CASE("PostFromJsonLine: only id and text are required", "[cli]") {
  Result r = FromLine(R"({"id":"p2","text":"Hello **there**"})");
  REQUIRE(r.ok);
  CHECK(r.post.format == Format::kPlain);
  CHECK(r.post.body.own_text == "Hello **there**");  // plain: no markup removed
  CHECK_FALSE(r.post.reply_to.has_value());
  CHECK(r.post.topic.title.empty());
  // Missing author facts are unknown, not zero.
  CHECK_FALSE(r.post.author.account_age_days.has_value());
  CHECK_FALSE(r.post.author.post_count.has_value());
  CHECK_FALSE(r.post.author.trust_level.has_value());
}

TEST_CASE("PostFromJsonLine: null optional fields are absent fields", "[cli]") {
  Result r = FromLine(R"({"id":"p3","text":"hi","format":null,"reply_to":null,"topic":null,"author":null})");
  REQUIRE(r.ok);
  CHECK(r.post.format == Format::kPlain);
  CHECK_FALSE(r.post.reply_to.has_value());
}

TEST_CASE("PostFromJsonLine: each format is recognised", "[cli]") {
  struct Row {
    const char* name;
    Format format;
  };
  for (Row row : {Row{"markdown", Format::kMarkdown}, Row{"bbcode", Format::kBBCode},
                  Row{"html", Format::kHtml}, Row{"plain", Format::kPlain}}) {
    Result r = FromLine(R"({"id":"p","text":"x","format":")"s + row.name + "\"}");
    INFO(row.name);
    REQUIRE(r.ok);
    CHECK(r.post.format == row.format);
  }
  Result html = FromLine(R"({"id":"p","text":"<p>Hi <b>all</b></p>","format":"html"})");
  REQUIRE(html.ok);
  CHECK(html.post.body.own_text == "Hi all");
}

TEST_CASE("PostFromJsonLine: a numeric id is kept as a number", "[cli]") {
  Result r = FromLine(R"({"id":42,"text":"hello"})");
  REQUIRE(r.ok);
  CHECK(r.id == 42);
  CHECK(r.id.is_number());
  CHECK(r.post.id == "42");
}

TEST_CASE("PostFromJsonLine: a line that is not JSON", "[cli]") {
  for (const char* line : {"not json at all", "{\"id\":\"p1\",\"text\":", "", "{'id':'p1'}"}) {
    Result r = FromLine(line);
    INFO(line);
    CHECK_FALSE(r.ok);
    CHECK(r.id.is_null());
    // The message says what failed and where, after a fixed prefix.
    CHECK(r.error.rfind("not valid JSON: ", 0) == 0);
  }
  CHECK(FromLine("{\"id\":\"p1\",\"text\":").error.find("column 19") != std::string::npos);
}

TEST_CASE("PostFromJsonLine: JSON that is not an object", "[cli]") {
  for (const char* line : {"[1,2]", "\"text\"", "42", "null"}) {
    Result r = FromLine(line);
    INFO(line);
    CHECK_FALSE(r.ok);
    CHECK(r.id.is_null());
    CHECK(r.error.find("object") != std::string::npos);
  }
}

TEST_CASE("PostFromJsonLine: a line without an id", "[cli]") {
  for (const char* line : {R"({"text":"hello"})", R"({"id":null,"text":"hello"})",
                           R"({"id":["p1"],"text":"hello"})", R"({"id":{"x":1},"text":"hello"})"}) {
    Result r = FromLine(line);
    INFO(line);
    CHECK_FALSE(r.ok);
    CHECK(r.id.is_null());
    CHECK(r.error.find("\"id\"") != std::string::npos);
  }
}

TEST_CASE("PostFromJsonLine: a line without text keeps its id for the error", "[cli]") {
  for (const char* line : {R"({"id":"p9"})", R"({"id":"p9","text":null})", R"({"id":"p9","text":7})",
                           R"({"id":"p9","body":"hello"})"}) {
    Result r = FromLine(line);
    INFO(line);
    CHECK_FALSE(r.ok);
    CHECK(r.id == "p9");
    CHECK(r.error.find("\"text\"") != std::string::npos);
  }
}

TEST_CASE("PostFromJsonLine: an unknown format is an error, not a guess", "[cli]") {
  for (const char* line : {R"({"id":"p","text":"x","format":"rtf"})", R"({"id":"p","text":"x","format":3})",
                           R"({"id":"p","text":"x","format":"Markdown "})"}) {
    Result r = FromLine(line);
    INFO(line);
    CHECK_FALSE(r.ok);
    CHECK(r.id == "p");
    CHECK(r.error.find("format") != std::string::npos);
  }
}

TEST_CASE("PostFromJsonLine: topic, author or reply_to of the wrong type is an error", "[cli]") {
  struct Case {
    const char* line;
    const char* field;
  };
  for (const Case& c : {Case{R"({"id":"p","text":"x","topic":"Parks"})", "\"topic\""},
                        Case{R"({"id":"p","text":"x","topic":["Parks"]})", "\"topic\""},
                        Case{R"({"id":"p","text":"x","author":"bob"})", "\"author\""},
                        Case{R"({"id":"p","text":"x","author":3})", "\"author\""},
                        Case{R"({"id":"p","text":"x","reply_to":{"text":"hi"}})", "\"reply_to\""},
                        Case{R"({"id":"p","text":"x","reply_to":false})", "\"reply_to\""}}) {
    Result r = FromLine(c.line);
    INFO(c.line);
    CHECK_FALSE(r.ok);
    CHECK(r.id == "p");
    CHECK(r.error.find(c.field) != std::string::npos);
  }
}

TEST_CASE("PostFromJsonLine: nested and unknown values are skipped, not misread", "[cli]") {
  Result r = FromLine(
      R"({"extra":{"id":"no","text":"no","author":{"username":"no"}},"id":"p","tags":[{"text":"no"}],)"
      R"("topic":{"title":{"deep":"no"},"category":"Parks","more":[1,{"title":"no"}]},)"
      R"("author":{"meta":{"username":"no"},"username":"ana","post_count":3},"text":"yes"})");
  REQUIRE(r.ok);
  CHECK(r.id == "p");
  CHECK(r.post.body.own_text == "yes");
  CHECK(r.post.topic.title.empty());
  CHECK(r.post.topic.category == "Parks");
  CHECK(r.post.author.username == "ana");
  CHECK(r.post.author.post_count == 3);
}

TEST_CASE("PostFromJsonLine: odd author facts are unknown", "[cli]") {
  Result r = FromLine(
      R"({"id":"p","text":"x","author":{"username":5,"account_age_days":-3,"post_count":"many","trust_level":1e12}})");
  REQUIRE(r.ok);
  CHECK(r.post.author.username.empty());
  CHECK_FALSE(r.post.author.account_age_days.has_value());
  CHECK_FALSE(r.post.author.post_count.has_value());
  CHECK_FALSE(r.post.author.trust_level.has_value());
}

TEST_CASE("PostFromJsonLine: invalid UTF-8 never throws", "[cli]") {
  // Raw invalid bytes inside a JSON string: the line is refused, with an error.
  Result raw = FromLine("{\"id\":\"p\",\"text\":\"caf\xC3 \xFF ok\"}");
  CHECK_FALSE(raw.ok);
  CHECK_FALSE(raw.error.empty());
  // A lone surrogate escape is the JSON way to spell a broken character.
  Result escaped = FromLine(R"({"id":"p","text":"bad \ud800 char"})");
  CHECK_FALSE(escaped.ok);
  CHECK_FALSE(escaped.error.empty());
  // A NUL escape is valid JSON; the post body drops it.
  Result nul = FromLine(R"({"id":"p","text":"a\u0000b"})");
  REQUIRE(nul.ok);
  CHECK(nul.post.body.own_text == "ab");
}

Verdict SampleVerdict() {
  Verdict verdict;
  verdict.post_id = "p1";
  verdict.action = Action::kHide;
  verdict.clauses = {Clause::kAbusive, Clause::kSpamLinks};
  verdict.lang = "fr";
  verdict.reasons = {{Clause::kSpamLinks, "links.shortener", 0.97, "bit.ly/abc"},
                     {Clause::kAbusive, "lexicon.profanity", 0.6049, "osti"}};
  return verdict;
}

TEST_CASE("VerdictToJson: the DESIGN.md shape", "[cli]") {
  json out = VerdictToJson(SampleVerdict());
  REQUIRE(out.is_object());
  CHECK(out.size() == 5);
  CHECK(out["id"] == "p1");
  CHECK(out["action"] == "hide");
  CHECK(out["clauses"] == json::array({"abusive", "spam_links"}));
  CHECK(out["lang"] == "fr");
  REQUIRE(out["reasons"].is_array());
  REQUIRE(out["reasons"].size() == 2);
  const json& first = out["reasons"][0];
  CHECK(first.size() == 4);
  CHECK(first["clause"] == "spam_links");
  CHECK(first["rule"] == "links.shortener");
  CHECK(first["score"].get<double>() == Approx(0.97));
  CHECK(first["evidence"] == "bit.ly/abc");
  // Scores are rounded to two decimals for people to read.
  CHECK(out["reasons"][1]["score"].get<double>() == Approx(0.6));
}

TEST_CASE("VerdictToJson: an allow has empty lists, not nulls", "[cli]") {
  // Built whole: assigning "en" to a default-constructed member makes GCC 12 at
  // -O3 warn (-Wmaybe-uninitialized, a false positive).
  const Verdict verdict{"p2", Action::kAllow, {}, "en", {}, {}};
  json out = VerdictToJson(verdict);
  CHECK(out["action"] == "allow");
  CHECK(out["clauses"].is_array());
  CHECK(out["clauses"].empty());
  CHECK(out["reasons"].is_array());
  CHECK(out["reasons"].empty());
  CHECK(json::parse(DumpLine(out)) ==
        json::parse(R"({"id":"p2","action":"allow","clauses":[],"lang":"en","reasons":[]})"));
}

TEST_CASE("DumpLine: one line, and never throws on invalid UTF-8", "[cli]") {
  Verdict verdict = SampleVerdict();
  verdict.post_id = "p\n1";
  verdict.reasons[1].evidence = "bad \xFF\xC3 bytes\nand a newline";
  std::string line;
  REQUIRE_NOTHROW(line = DumpLine(VerdictToJson(verdict)));
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD in place of the bytes
  json back = json::parse(line);
  CHECK(back["id"] == "p\n1");
  CHECK(back["reasons"][1]["evidence"].get<std::string>().find("bytes") != std::string::npos);
}

TEST_CASE("DumpLine: non-ASCII text stays readable", "[cli]") {
  json value = {{"evidence", "câlisse 😀"}};
  CHECK(DumpLine(value) == "{\"evidence\":\"câlisse 😀\"}");
}

TEST_CASE("Round trip: an error line as classify writes it", "[cli]") {
  Result r = FromLine(R"({"id":17})");
  REQUIRE_FALSE(r.ok);
  std::string line = DumpLine({{"id", r.id}, {"error", r.error}});
  json back = json::parse(line);
  CHECK(back["id"] == 17);
  CHECK(back["error"] == r.error);
}

}  // namespace
}  // namespace modbot

namespace modbot {
namespace {

TEST_CASE("VerdictToJson: clauses a moderator's approval waived follow the reasons",
          "[cli][memory]") {
  Verdict verdict{"p3", Action::kAllow, {}, "en", {},
                  {{Clause::kAbusive, "memory.approved_copy", 0, "like post 4, approved by bob"}}};
  const std::string line = DumpLine(VerdictToJson(verdict));
  CHECK(line == R"({"id":"p3","action":"allow","clauses":[],"lang":"en","reasons":[],)"
                R"("waived":[{"clause":"abusive","rule":"memory.approved_copy","score":0.0,)"
                R"("evidence":"like post 4, approved by bob"}]})");
  verdict.waived.clear();
  CHECK(DumpLine(VerdictToJson(verdict)).find("waived") == std::string::npos);
}

}  // namespace
}  // namespace modbot
