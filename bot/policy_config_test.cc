#include "bot/policy_config.h"

#include <catch2/catch.hpp>
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bot/config_reader.h"
#include "policy/policy.h"

namespace modbot {
namespace {

struct Parsed {
  bool ok = false;
  bool syntax_ok = false;
  PolicySettings settings = PolicySettings::Defaults();
  std::vector<ConfigError> errors;
};

Parsed ParseConfig(std::string_view text) {
  ConfigReader reader("modbot.toml");
  Parsed out;
  std::optional<toml::table> root = ParseToml(text, &reader);
  out.syntax_ok = root.has_value();
  if (root) out.ok = ParsePolicyConfig(*root, &reader, &out.settings);
  out.errors = reader.errors();
  CHECK(out.ok == out.errors.empty());
  return out;
}

std::string AllErrors(const Parsed& parsed) {
  std::string out;
  for (const ConfigError& error : parsed.errors) out += error.ToString() + "\n";
  return out;
}

// The config must give exactly one error, at line:column, whose message contains
// the given words.
void CheckOneError(std::string_view text, int line, int column, std::string_view contains) {
  Parsed parsed = ParseConfig(text);
  INFO("config:\n" << text << "\nerrors:\n" << AllErrors(parsed));
  CHECK_FALSE(parsed.ok);
  REQUIRE(parsed.errors.size() == 1);
  const ConfigError& error = parsed.errors[0];
  CHECK(error.file == "modbot.toml");
  CHECK(error.line == line);
  CHECK(error.column == column);
  CHECK(error.message.find(contains) != std::string::npos);
  CHECK(error.ToString() == "modbot.toml:" + std::to_string(line) + ":" + std::to_string(column) +
                                ": " + error.message);
}

const ClauseSettings& Of(const PolicySettings& settings, Clause clause) {
  return settings.clauses[static_cast<int>(clause)];
}

constexpr std::string_view kValidConfig = R"(# A complete policy half.
[policy]
sponsors = ["Rivard Family Dentistry", "rivarddentistry.ca"]
trusted_domains = ["cslpubliclibrary.ca"]
staff_names = ["Jane Roe"]
departments = ["Aquatics"]
candidates = ["Sarah Kline"]
new_account_days = 14
built_in_model = false
built_in_model_review_at = 0.9

[clauses.spam_links]
review_at = 0.4
hide_at = 0.8
max_action = "review"

[clauses.off_topic]
enabled = false

[clauses.abusive]
hide_at = 0.95

[[rules]]
name = "door-to-door-scam"
clause = "commercial"
phrases = ["driveway sealing special"]
action = "review"

[[rules]]
name = "spam-host"
clause = "spam_links"
domains = ["example-spam.com"]
action = "hide"

[[rules]]
name = "units"
clause = "public_safety"
patterns = ['\bunit \d{3}\b']
score = 0.7

[[rules]]
name = "sealcoat"
clause = "abusive"
words = ["sealcoat", "asphalte*"]
score = 0.3
)";

TEST_CASE("Policy config: a valid config applies every setting", "[cli]") {
  Parsed parsed = ParseConfig(kValidConfig);
  INFO(AllErrors(parsed));
  REQUIRE(parsed.ok);
  const PolicySettings& s = parsed.settings;

  CHECK(s.sponsors == std::vector<std::string>{"Rivard Family Dentistry", "rivarddentistry.ca"});
  CHECK(s.staff_names == std::vector<std::string>{"Jane Roe"});
  CHECK(s.departments == std::vector<std::string>{"Aquatics"});
  CHECK(s.candidates == std::vector<std::string>{"Sarah Kline"});
  CHECK(s.new_account_days == 14);
  CHECK(s.model.built_in_review_at == Approx(0.9));
  // Trusted domains are added to the built-in ones.
  CHECK(std::count(s.trusted_domains.begin(), s.trusted_domains.end(), "cslpubliclibrary.ca") == 1);
  CHECK(std::count(s.trusted_domains.begin(), s.trusted_domains.end(), "cotesaintluc.org") == 1);
  CHECK(std::count(s.trusted_domains.begin(), s.trusted_domains.end(), "elections.ca") == 1);

  CHECK(Of(s, Clause::kSpamLinks).review_at == Approx(0.4));
  CHECK(Of(s, Clause::kSpamLinks).hide_at == Approx(0.8));
  CHECK(Of(s, Clause::kSpamLinks).max_action == Action::kReview);
  CHECK(Of(s, Clause::kSpamLinks).enabled);
  CHECK_FALSE(Of(s, Clause::kOffTopic).enabled);
  CHECK(Of(s, Clause::kAbusive).hide_at == Approx(0.95));
  CHECK(Of(s, Clause::kAbusive).review_at == Approx(0.5));  // untouched default
  CHECK(Of(s, Clause::kThreat).hide_at == Approx(0.85));

  REQUIRE(s.rules.size() == 4);
  CHECK(s.rules[0].name == "door-to-door-scam");
  CHECK(s.rules[0].clause == Clause::kCommercial);
  CHECK(s.rules[0].kind == CustomRule::Kind::kPhrases);
  CHECK(s.rules[0].values == std::vector<std::string>{"driveway sealing special"});
  CHECK(s.rules[0].score == Approx(0.5));  // "review" = the clause's review_at
  CHECK(s.rules[1].kind == CustomRule::Kind::kDomains);
  CHECK(s.rules[1].score == Approx(0.8));  // "hide" = spam_links' configured hide_at
  CHECK(s.rules[2].kind == CustomRule::Kind::kPattern);
  CHECK(s.rules[2].values == std::vector<std::string>{"\\bunit \\d{3}\\b"});
  CHECK(s.rules[2].score == Approx(0.7));
  CHECK(s.rules[3].kind == CustomRule::Kind::kWords);
  CHECK(s.rules[3].values == std::vector<std::string>{"sealcoat", "asphalte*"});
  CHECK(s.rules[3].score == Approx(0.3));

  std::string error;
  CHECK(Policy::Create(s, &error) != nullptr);
  CHECK(error.empty());
}

TEST_CASE("Policy config: an empty config is the built-in policy", "[cli]") {
  Parsed parsed = ParseConfig("# nothing\n");
  REQUIRE(parsed.ok);
  PolicySettings defaults = PolicySettings::Defaults();
  CHECK(parsed.settings.trusted_domains == defaults.trusted_domains);
  CHECK(parsed.settings.rules.empty());
  for (Clause clause : AllClauses()) {
    CHECK(Of(parsed.settings, clause).enabled);
    CHECK(Of(parsed.settings, clause).max_action == Of(defaults, clause).max_action);
  }
}

TEST_CASE("Policy config: a rule's action follows its clause's thresholds", "[cli]") {
  Parsed parsed = ParseConfig(
      "[clauses.threat]\nreview_at = 0.3\nhide_at = 0.6\n\n"
      "[[rules]]\nname = \"a\"\nclause = \"threat\"\nwords = [\"x\"]\naction = \"review\"\n\n"
      "[[rules]]\nname = \"b\"\nclause = \"threat\"\nwords = [\"y\"]\naction = \"hide\"\n");
  INFO(AllErrors(parsed));
  REQUIRE(parsed.ok);
  REQUIRE(parsed.settings.rules.size() == 2);
  CHECK(parsed.settings.rules[0].score == Approx(0.3));
  CHECK(parsed.settings.rules[1].score == Approx(0.6));
}

TEST_CASE("Policy config: an unknown clause id", "[cli]") {
  CheckOneError("[policy]\nnew_account_days = 3\n\n[clauses.spam_linkz]\nenabled = false\n", 4, 1,
                "unknown clause 'spam_linkz'");
}

TEST_CASE("Policy config: an unknown clause in a rule", "[cli]") {
  CheckOneError("[[rules]]\nname = \"r\"\nclause = \"abusiv\"\nwords = [\"x\"]\nscore = 0.5\n", 3, 10,
                "unknown clause 'abusiv'");
}

TEST_CASE("Policy config: values of the wrong type", "[cli]") {
  CheckOneError("[clauses.abusive]\nenabled = \"yes\"\n", 2, 11, "'enabled' must be true or false");
  CheckOneError("[clauses.abusive]\nreview_at = \"high\"\n", 2, 13, "'review_at' must be a number");
  CheckOneError("[policy]\nsponsors = \"Rivard\"\n", 2, 12, "'sponsors' must be a list of strings");
  CheckOneError("[policy]\ncandidates = [\"A\", 3]\n", 2, 20, "'candidates' must contain only strings");
  CheckOneError("[policy]\nnew_account_days = \"7\"\n", 2, 20, "'new_account_days' must be an integer");
  CheckOneError("policy = 3\n", 1, 10, "'policy' must be a table");
}

TEST_CASE("Policy config: thresholds out of range", "[cli]") {
  CheckOneError("[clauses.threat]\nreview_at = 1.5\n", 2, 13, "'review_at' must be between");
  CheckOneError("[clauses.threat]\nhide_at = -0.2\n", 2, 11, "'hide_at' must be between");
  CheckOneError("[policy]\nnew_account_days = -1\n", 2, 20, "'new_account_days' must be between");
  CheckOneError("[policy]\nbuilt_in_model_review_at = 0.3\n", 2, 28,
                "'built_in_model_review_at' must be between");
}

TEST_CASE("Policy config: hide_at below review_at", "[cli]") {
  CheckOneError("# thresholds\n[clauses.threat]\nreview_at = 0.9\nhide_at = 0.5\n", 2, 1,
                "hide_at must not be below review_at");
  // Against the default review_at (0.5) too.
  CheckOneError("[clauses.threat]\nhide_at = 0.4\n", 1, 1, "hide_at must not be below review_at");
  // Equal is allowed.
  CHECK(ParseConfig("[clauses.threat]\nreview_at = 0.7\nhide_at = 0.7\n").ok);
}

TEST_CASE("Policy config: a bad max_action", "[cli]") {
  CheckOneError("[clauses.commercial]\nmax_action = \"delete\"\n", 2, 14, "max_action must be");
  CheckOneError("[clauses.commercial]\nmax_action = 2\n", 2, 14, "'max_action' must be a string");
  Parsed allow = ParseConfig("[clauses.commercial]\nmax_action = \"allow\"\n");
  REQUIRE(allow.ok);
  CHECK(Of(allow.settings, Clause::kCommercial).max_action == Action::kAllow);
}

TEST_CASE("Policy config: a rule needs exactly one kind", "[cli]") {
  CheckOneError(
      "[policy]\n\n[[rules]]\nname = \"r\"\nclause = \"abusive\"\nwords = [\"a\"]\nphrases = [\"b c\"]\n"
      "score = 0.5\n",
      3, 1, "exactly one of words, phrases, patterns or domains");
  CheckOneError("[[rules]]\nname = \"r\"\nclause = \"abusive\"\nscore = 0.5\n", 1, 1,
                "exactly one of words, phrases, patterns or domains");
}

TEST_CASE("Policy config: a rule's list must not be empty", "[cli]") {
  CheckOneError("[[rules]]\nname = \"r\"\nclause = \"abusive\"\nwords = []\nscore = 0.5\n", 4, 9,
                "words is empty");
}

TEST_CASE("Policy config: a rule needs exactly one of score and action", "[cli]") {
  CheckOneError("[[rules]]\nname = \"r\"\nclause = \"abusive\"\nwords = [\"a\"]\nscore = 0.5\naction = \"hide\"\n",
                1, 1, "exactly one of score or action");
  CheckOneError("[[rules]]\nname = \"r\"\nclause = \"abusive\"\nwords = [\"a\"]\n", 1, 1,
                "exactly one of score or action");
}

TEST_CASE("Policy config: a rule's action must be review or hide", "[cli]") {
  CheckOneError("[[rules]]\nname = \"r\"\nclause = \"abusive\"\nwords = [\"a\"]\naction = \"allow\"\n", 5, 10,
                "action must be \"review\" or \"hide\"");
  CheckOneError("[[rules]]\nname = \"r\"\nclause = \"abusive\"\nwords = [\"a\"]\naction = \"ban\"\n", 5, 10,
                "action must be \"review\" or \"hide\"");
}

TEST_CASE("Policy config: a rule's score must be in 0..1", "[cli]") {
  CheckOneError("[[rules]]\nname = \"r\"\nclause = \"abusive\"\nwords = [\"a\"]\nscore = 2\n", 5, 9,
                "'score' must be between");
}

TEST_CASE("Policy config: an invalid RE2 pattern is located at the pattern", "[cli]") {
  CheckOneError(
      "[[rules]]\nname = \"r\"\nclause = \"abusive\"\npatterns = ['\\bok\\b', '(unclosed']\nscore = 0.5\n", 4,
      23, "invalid RE2 pattern");
  // RE2 has no backreferences: a PCRE habit is caught here, not at startup.
  CheckOneError("[[rules]]\nname = \"r\"\nclause = \"abusive\"\npatterns = ['(a)\\1']\nscore = 0.5\n", 4, 13,
                "invalid RE2 pattern");
}

TEST_CASE("Policy config: a rule without name or clause", "[cli]") {
  CheckOneError("[[rules]]\nclause = \"abusive\"\nwords = [\"a\"]\nscore = 0.5\n", 1, 1,
                "missing required key 'name'");
  CheckOneError("[[rules]]\nname = \"r\"\nwords = [\"a\"]\nscore = 0.5\n", 1, 1,
                "missing required key 'clause'");
}

TEST_CASE("Policy config: rules must be [[rules]] tables", "[cli]") {
  CheckOneError("rules = \"none\"\n", 1, 9, "rules must be written as [[rules]] tables");
  CheckOneError("rules = [1]\n", 1, 10, "each entry of rules must be a table");
}

TEST_CASE("Policy config: unknown keys are typos, located at the key", "[cli]") {
  CheckOneError("[policy]\nsponsor = [\"Rivard\"]\n", 2, 1, "unknown key 'sponsor'");
  CheckOneError("[clauses.abusive]\nreview_at = 0.5\nhide_a = 0.9\n", 3, 1, "unknown key 'hide_a'");
  CheckOneError("[[rules]]\nname = \"r\"\nclause = \"abusive\"\nwords = [\"a\"]\nscore = 0.5\n  wieght = 1\n", 6,
                3, "unknown key 'wieght'");
}

TEST_CASE("Policy config: a TOML syntax error", "[cli]") {
  Parsed parsed = ParseConfig("[policy]\nsponsors = [\"a\",\n\n[clauses.abusive\n");
  INFO(AllErrors(parsed));
  CHECK_FALSE(parsed.syntax_ok);
  REQUIRE(parsed.errors.size() == 1);
  CHECK(parsed.errors[0].line == 4);
  CHECK(parsed.errors[0].column >= 1);
  CHECK(parsed.errors[0].ToString().rfind("modbot.toml:4:", 0) == 0);

  Parsed equals = ParseConfig("[policy]\nnew_account_days 7\n");
  REQUIRE(equals.errors.size() == 1);
  CHECK(equals.errors[0].line == 2);
}

TEST_CASE("Policy config: every mistake is reported in one pass", "[cli]") {
  Parsed parsed = ParseConfig(
      "[policy]\n"                     // 1
      "sponsor = []\n"                 // 2  unknown key
      "[clauses.nope]\n"               // 3  unknown clause
      "[clauses.threat]\n"             // 4
      "review_at = 2\n"                // 5  out of range
      "[[rules]]\n"                    // 6  no kind
      "name = \"r\"\n"                 // 7
      "clause = \"abusive\"\n"         // 8
      "score = 0.5\n");                // 9
  INFO(AllErrors(parsed));
  std::vector<int> lines;
  for (const ConfigError& error : parsed.errors) lines.push_back(error.line);
  std::sort(lines.begin(), lines.end());
  CHECK(lines == std::vector<int>{2, 3, 5, 6});
}

}  // namespace
}  // namespace modbot

namespace modbot {
namespace {

TEST_CASE("[memory] sets how far the memory of decisions may go", "[config][memory]") {
  Parsed parsed = ParseConfig(
      "[memory]\nenabled = true\nflood_window_minutes = 30\nnear_copy_action = \"hide\"\n"
      "hide_copies_of_kept_hides = false\nflood_topics = 4\nflood_action = \"hide\"\n");
  INFO(AllErrors(parsed));
  REQUIRE(parsed.ok);
  CHECK(parsed.settings.memory.near_copy_action == Action::kHide);
  CHECK_FALSE(parsed.settings.memory.hide_copies_of_kept_hides);
  CHECK(parsed.settings.memory.flood_topics == 4);
  CHECK(parsed.settings.memory.flood_action == Action::kHide);
  CHECK(ParseConfig("").settings.memory.near_copy_action == Action::kReview);

  CheckOneError("[memory]\nnear_copy_action = \"allow\"\n", 2, 20, "must be \"review\" or \"hide\"");
  CheckOneError("[memory]\nflood_topics = 1\n", 2, 16, "flood_topics");
  CheckOneError("[memory]\nflood_topic = 3\n", 2, 1, "flood_topic");
}

}  // namespace
}  // namespace modbot
