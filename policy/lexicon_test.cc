#include "policy/lexicon.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <re2/set.h>

#include "policy/normalizer.h"
#include "policy/policy.h"

namespace modbot {
namespace {

// A PatternSet of word-list entries, ids in order, matched like the policy does:
// against the skeleton of a post.
class WordSet {
 public:
  explicit WordSet(const std::vector<std::string>& entries) {
    for (size_t i = 0; i < entries.size(); ++i) {
      std::string pattern = PhrasePattern(entries[i]);
      REQUIRE_FALSE(pattern.empty());
      std::string error;
      REQUIRE(set_.Add(pattern, static_cast<int>(i), &error));
    }
    REQUIRE(set_.Compile());
  }

  std::vector<int> Ids(const std::string& text) const {
    std::vector<int> ids;
    for (const Match& match : set_.FindAll(Normalize(text).skeleton)) ids.push_back(match.id);
    return ids;
  }
  bool Matches(const std::string& text) const { return !Ids(text).empty(); }

  std::vector<Match> FindAll(const std::string& text) const {
    return set_.FindAll(Normalize(text).skeleton);
  }

 private:
  PatternSet set_;
};

TEST_CASE("LexiconEntries: comments, blanks and trimming", "[policy]") {
  std::vector<std::string> entries = LexiconEntries(
      "# a comment line\n"
      "fuck*\n"
      "\n"
      "   \t  \n"
      "  va chier  \n"
      "shit # trailing comment\n"
      "crisse\t# tab before the comment\n"
      "   # indented comment\n"
      "last-line-without-newline");
  CHECK(entries == std::vector<std::string>{"fuck*", "va chier", "shit", "crisse",
                                            "last-line-without-newline"});
}

TEST_CASE("LexiconEntries: '#' inside a pattern is not a comment", "[policy]") {
  std::vector<std::string> entries =
      LexiconEntries("\\b#[a-z]+4[a-z]+\ncode:#?\\d{4}\n[@#$]+\nx#y # but this is\n");
  CHECK(entries == std::vector<std::string>{"\\b#[a-z]+4[a-z]+", "code:#?\\d{4}", "[@#$]+", "x#y"});
}

TEST_CASE("LexiconEntries: Windows line endings are trimmed", "[policy]") {
  CHECK(LexiconEntries("one\r\ntwo\r\n") == std::vector<std::string>{"one", "two"});
}

TEST_CASE("KindOfLexicon: by the ending of the name", "[policy]") {
  CHECK(KindOfLexicon("profanity") == LexiconKind::kWords);
  CHECK(KindOfLexicon("threat_patterns") == LexiconKind::kPatterns);
  CHECK(KindOfLexicon("shortener_domains") == LexiconKind::kList);
  CHECK(KindOfLexicon("stopwords_list") == LexiconKind::kList);
  CHECK(KindOfLexicon("patterns") == LexiconKind::kWords);  // no "_" prefix: a word list
  CHECK(KindOfLexicon("config_sponsors") == LexiconKind::kWords);
}

TEST_CASE("PhrasePattern: entries without letters or digits give no pattern", "[policy]") {
  CHECK(PhrasePattern("").empty());
  CHECK(PhrasePattern("!!!").empty());
  CHECK(PhrasePattern("   ").empty());
  CHECK_FALSE(PhrasePattern("fuck").empty());
}

TEST_CASE("PatternSet: word entries match whole words only", "[policy]") {
  WordSet set({"ass", "con", "cock", "dick", "cum", "rape", "bite", "cunt", "rapist", "sex"});
  for (const char* clean :
       {"The assessment is due", "Essex and Sussex", "a cocktail party", "Reading Dickens",
        "the passage behind the library", "my class", "conseil municipal", "une consultation",
        "cumulative totals", "grape juice", "il habite ici", "as soon as possible",
        "Scunthorpe", "therapist"}) {
    INFO(clean);
    CHECK(set.Ids(clean).empty());
  }
  CHECK(set.Ids("what an ass") == std::vector<int>{0});
  CHECK(set.Ids("quel con!") == std::vector<int>{1});
  CHECK(set.Ids("ASS.") == std::vector<int>{0});
}

TEST_CASE("PatternSet: 'ass' does not match 'as'", "[policy]") {
  WordSet set({"ass"});
  CHECK_FALSE(set.Matches("as"));
  CHECK_FALSE(set.Matches("as a resident"));
  CHECK(set.Matches("asss"));  // stretched
}

TEST_CASE("PatternSet: a trailing '*' matches any ending", "[policy]") {
  WordSet set({"fuck*"});
  CHECK(set.Matches("fucking hell"));
  CHECK(set.Matches("fucked"));
  CHECK(set.Matches("fuck"));
  CHECK_FALSE(set.Matches("unfucking"));  // still anchored at the start of a word
}

TEST_CASE("PatternSet: without '*' an entry needs the whole word", "[policy]") {
  WordSet set({"fuck"});
  CHECK(set.Matches("fuck"));
  CHECK_FALSE(set.Matches("fucking"));
}

TEST_CASE("PatternSet: stretched, masked and disguised words match", "[policy]") {
  WordSet set({"fuck", "câlisse"});
  for (const char* text : {"fuuuuck", "ffffuck", "fuckkkk", "f*ck", "f**k", "f u c k", "f.u.c.k",
                           "fu\u0441k", "\uFF46\uFF55\uFF43\uFF4B", "fu\u200Bck", "FUCK!!!"}) {
    INFO(text);
    CHECK(set.Ids(text) == std::vector<int>{0});
  }
  for (const char* text : {"calisse", "CÂLISSE", "c@lisse", "câlissse"}) {
    INFO(text);
    CHECK(set.Ids(text) == std::vector<int>{1});
  }
}

TEST_CASE("PatternSet: a '*' cannot stand for the first or last letter", "[policy]") {
  WordSet set({"fuck"});
  CHECK_FALSE(set.Matches("*uck"));
  CHECK_FALSE(set.Matches("fuc*"));
}

TEST_CASE("PatternSet: phrases match across words, in order", "[policy]") {
  WordSet set({"va chier", "fuck off"});
  CHECK(set.Ids("Va  CHIER!") == std::vector<int>{0});
  CHECK(set.Ids("just fuck    off") == std::vector<int>{1});
  CHECK_FALSE(set.Matches("chier va"));
  CHECK_FALSE(set.Matches("fuck, I'm off"));  // other words in between
}

TEST_CASE("PatternSet: evidence is the matched words", "[policy]") {
  WordSet set({"fuck*", "shit"});
  std::vector<Match> found = set.FindAll("well sh1t, what the fucking mess");
  REQUIRE(found.size() == 2);
  for (const Match& match : found) {
    if (match.id == 0) CHECK(match.evidence == "fucking");
    if (match.id == 1) CHECK(match.evidence == "shit");
  }
}

TEST_CASE("PatternSet: reports every id once, and nothing when empty", "[policy]") {
  WordSet set({"shit", "shit", "crisse"});
  std::vector<int> ids = set.Ids("shit shit crisse");
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<int>{0, 1, 2});

  PatternSet empty;
  CHECK(empty.empty());
  CHECK(empty.Compile());
  CHECK(empty.FindAll(" anything ").empty());
}

TEST_CASE("PatternSet: an invalid RE2 pattern is refused with a reason", "[policy]") {
  PatternSet set;
  std::string error;
  CHECK_FALSE(set.Add("(unclosed", 0, &error));
  CHECK(error == "missing ): (unclosed");
  CHECK(set.empty());
  // The set scans "x{2,}", which parses; the exact pattern does not.
  CHECK_FALSE(set.Add("x{2,1001}", 0, &error));
  CHECK(error == "invalid repetition size: {2,1001}");
  CHECK(set.empty());
  CHECK(set.Add("\\bdoor code\\b", 1, &error));
  REQUIRE(set.Compile());
  std::vector<Match> found = set.FindAll("the door code is 1234");
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == 1);
  CHECK(found[0].evidence == "door code");
}

TEST_CASE("LoosenRepeatBounds: opens bounded repetitions only", "[policy]") {
  CHECK(LoosenRepeatBounds("my account.{0,40}banned") == "my account.{0,}banned");
  CHECK(LoosenRepeatBounds("(\\w+ ){0,3}(idiot|moron)") == "(\\w+ ){0,}(idiot|moron)");
  CHECK(LoosenRepeatBounds("\\d{3,4}-x{1,2}?y") == "\\d{3,}-x{1,}?y");
  // Exact counts and open ranges already are what they are.
  CHECK(LoosenRepeatBounds("\\d{3}[- ]\\d{4}") == "\\d{3}[- ]\\d{4}");
  CHECK(LoosenRepeatBounds("[a-z0-9_.]{2,}") == "[a-z0-9_.]{2,}");
  // Braces that are not a repetition: escaped, quoted, in a class, or not "{m,n}".
  CHECK(LoosenRepeatBounds("a\\{1,2}") == "a\\{1,2}");
  CHECK(LoosenRepeatBounds("\\Qa{1,2}\\E{1,2}") == "\\Qa{1,2}\\E{1,}");
  CHECK(LoosenRepeatBounds("[{1,2}]{1,2}") == "[{1,2}]{1,}");
  CHECK(LoosenRepeatBounds("[]{1,2}]x") == "[]{1,2}]x");
  CHECK(LoosenRepeatBounds("[^]{1,2}]x") == "[^]{1,2}]x");
  CHECK(LoosenRepeatBounds("[[:digit:]{1,2}]x") == "[[:digit:]{1,2}]x");
  CHECK(LoosenRepeatBounds("[\\]{1,2}]x") == "[\\]{1,2}]x");
  CHECK(LoosenRepeatBounds("\\p{Greek}{,2}{a,b}{1,}") == "\\p{Greek}{,2}{a,b}{1,}");
  // Unterminated constructs are copied to the end, for RE2 to refuse.
  CHECK(LoosenRepeatBounds("[abc{1,2}") == "[abc{1,2}");
  CHECK(LoosenRepeatBounds("\\Qa{1,2}") == "\\Qa{1,2}");
  CHECK(LoosenRepeatBounds("x{1,2") == "x{1,2");
  CHECK(LoosenRepeatBounds("") == "");
}

TEST_CASE("PatternSet: a bounded gap is honoured exactly", "[policy]") {
  PatternSet set;
  REQUIRE(set.Add("\\bmy account\\b.{0,10}\\bbanned\\b", 7));
  REQUIRE(set.Add("\\bsuch an? (\\w+ ){0,1}idiot\\b", 8));
  REQUIRE(set.Compile());
  std::vector<Match> found = set.FindAll("my account was banned");
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == 7);
  CHECK(found[0].evidence == "my account was banned");
  // The set's loosened patterns match these two; the exact ones do not.
  CHECK(set.FindAll("my account, which i opened in 2019, was banned").empty());
  CHECK(set.FindAll("such a big fat idiot").empty());
  CHECK(set.FindAll("such a big idiot").size() == 1);
}

TEST_CASE("PatternSet: many gapped patterns over several sets are all found", "[policy]") {
  // 300 gaps, three ids: more than one RE2::Set holds them.
  PatternSet set;
  for (int i = 0; i < 300; ++i) {
    REQUIRE(set.Add("\\bw" + std::to_string(i) + "\\b.{0,20}\\bend\\b", i / 100));
  }
  REQUIRE(set.Compile());
  std::vector<Match> found = set.FindAll("w7 then end, w150 end, w299 and then the end");
  std::vector<int> ids;
  for (const Match& match : found) ids.push_back(match.id);
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<int>{0, 1, 2});
  // The candidates include loosened matches the exact patterns refuse.
  std::vector<size_t> candidates;
  CHECK(set.Candidates("w3 " + std::string(30, 'x') + " end", &candidates));
  CHECK(candidates == std::vector<size_t>{3});
  CHECK(set.FindAll("w3 " + std::string(30, 'x') + " end").empty());
}

TEST_CASE("PatternWords: the plain words a pattern spells", "[policy]") {
  auto words = [](std::string_view pattern) {
    std::vector<std::pair<std::string, bool>> out;
    for (const PatternWord& word : PatternWords(pattern)) out.emplace_back(word.text, word.prefix);
    return out;
  };
  using Words = std::vector<std::pair<std::string, bool>>;
  // Escapes are no letters; short runs are no words.
  CHECK(words("\\bwatch (your|ur) back\\b") == Words{{"watch", false}, {"your", false}, {"back", false}});
  // A group or a class going on from a run makes it the start of a word.
  CHECK(words("\\bregrett(er|ais)\\b") == Words{{"regrett", true}});
  CHECK(words("menac[eé]s?") == Words{{"menac", true}});
  // A last letter a quantifier makes optional is left out of the word.
  CHECK(words("\\bidiots?\\b") == Words{{"idiot", true}});
  CHECK(words("kills* you") == Words{{"kill", true}});
  // Letters glued to a group, a class or an accented letter belong to another word.
  CHECK(words("(re)visit") == Words{});
  CHECK(words("[dt]ouche") == Words{});
  CHECK(words("écrase") == Words{});
  CHECK(words("frappé") == Words{});
  CHECK(words("").empty());
}

TEST_CASE("Lexicons: a loosened pattern matches wherever its exact one does", "[policy]") {
  // The posts of every labelled set, folded like the policy folds them.
  std::vector<std::string> texts;
  for (const char* name : {"gold-dev", "gold-extra", "gold-holdout", "gold-final"}) {
    std::ifstream in(std::string(MODBOT_SOURCE_DIR "/tests/data/") + name + ".jsonl");
    REQUIRE(in);
    for (std::string line; std::getline(in, line);) {
      texts.push_back(FoldText(nlohmann::json::parse(line).at("text").get<std::string>()));
    }
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  RE2::Set exact(options, RE2::UNANCHORED), loosened(options, RE2::UNANCHORED);
  std::vector<std::string> patterns;
  for (std::string_view name : LexiconNames()) {
    if (KindOfLexicon(name) != LexiconKind::kPatterns) continue;
    for (const std::string& pattern : LexiconEntries(LexiconText(name))) {
      INFO("pattern " << pattern);
      REQUIRE(exact.Add(pattern, nullptr) == static_cast<int>(patterns.size()));
      REQUIRE(loosened.Add(LoosenRepeatBounds(pattern), nullptr) == static_cast<int>(patterns.size()));
      patterns.push_back(pattern);
    }
  }
  REQUIRE(exact.Compile());
  REQUIRE(loosened.Compile());
  size_t exact_hits = 0;
  for (const std::string& text : texts) {
    std::vector<int> exact_ids, loosened_ids;
    exact.Match(text, &exact_ids);
    loosened.Match(text, &loosened_ids);
    std::sort(loosened_ids.begin(), loosened_ids.end());
    for (int id : exact_ids) {
      INFO("pattern " << patterns[id] << " on " << text);
      CHECK(std::binary_search(loosened_ids.begin(), loosened_ids.end(), id));
    }
    exact_hits += exact_ids.size();
  }
  CHECK(exact_hits > 100);  // the labelled posts do exercise the patterns
}

TEST_CASE("Lexicons: the embedded list has the expected files", "[policy]") {
  const std::vector<std::string_view>& names = LexiconNames();
  REQUIRE_FALSE(names.empty());
  CHECK(std::is_sorted(names.begin(), names.end()));
  for (std::string_view name : {"profanity", "slurs", "threat_patterns", "shortener_domains",
                                "commercial_patterns", "staff"}) {
    INFO(name);
    CHECK(std::find(names.begin(), names.end(), name) != names.end());
    CHECK_FALSE(LexiconText(name).empty());
  }
  CHECK(LexiconText("no_such_lexicon").empty());
}

TEST_CASE("Lexicons: every word entry has a pattern, every pattern compiles", "[policy]") {
  for (std::string_view name : LexiconNames()) {
    INFO("lexicon " << name);
    std::vector<std::string> entries = LexiconEntries(LexiconText(name));
    CHECK_FALSE(entries.empty());
    if (KindOfLexicon(name) == LexiconKind::kList) continue;
    PatternSet set;
    for (const std::string& entry : entries) {
      INFO("entry " << entry);
      std::string error;
      std::string pattern =
          KindOfLexicon(name) == LexiconKind::kPatterns ? entry : PhrasePattern(entry);
      CHECK_FALSE(pattern.empty());
      CHECK(set.Add(pattern, 0, &error));
    }
    CHECK(set.Compile());
  }
}

TEST_CASE("Lexicons: the default policy compiles them all", "[policy]") {
  std::string error;
  std::unique_ptr<Policy> policy = Policy::Create(PolicySettings::Defaults(), &error);
  INFO(error);
  REQUIRE(policy != nullptr);
  CHECK(error.empty());
}

}  // namespace
}  // namespace modbot
