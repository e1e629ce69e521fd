#include "policy/normalizer.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <vector>

#include <utf8proc.h>

namespace modbot {
namespace {

using namespace std::string_literals;

struct Case {
  std::string text;
  std::string skeleton;
};

void CheckSkeletons(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    INFO("text: " << c.text);
    CHECK(Normalize(c.text).skeleton == c.skeleton);
  }
}

TEST_CASE("Normalize: case and accents are folded, French included", "[policy]") {
  CHECK(FoldText("CÂLISSE") == "calisse");
  CHECK(FoldText("Élections Québec") == "elections quebec");
  CHECK(FoldText("Côte Saint-Luc, ÇA VA") == "cote saint-luc, ca va");
  CHECK(FoldText("Ça m'écœure, ŒUVRE, Cæsar") == "ca m'ecoeure, oeuvre, caesar");
  CheckSkeletons({
      {"CÂLISSE", " calisse "},
      {"Tabarnak!", " tabarnak "},
      {"déneigement", " deneigement "},
  });
}

TEST_CASE("Normalize: the folded view keeps punctuation and digits", "[policy]") {
  CHECK(FoldText("Door code: #4521") == "door code: #4521");
  CHECK(FoldText("Call 514-555-0199.") == "call 514-555-0199.");
}

TEST_CASE("Normalize: whitespace runs collapse to one space", "[policy]") {
  CHECK(FoldText("one \t\n  two\r\nthree") == "one two three");
  CHECK(Normalize("  one   two  ").skeleton == " one two ");
}

TEST_CASE("Normalize: leetspeak inside words maps to letters", "[policy]") {
  CheckSkeletons({
      {"sh1t", " shit "},
      {"c@lisse", " calisse "},
      {"m0r0ns", " morons "},
      {"b!tch", " bitch "},
      {"sh!t", " shit "},
      {"$hit", " shit "},
      {"a$$hole", " asshole "},
      {"you are 4 m0r0n", " you are 4 moron "},
  });
}

TEST_CASE("Normalize: tokens of digits only are left alone", "[policy]") {
  CheckSkeletons({
      {"514", " 514 "},
      {"4111", " 4111 "},
      {"Route 138 and 40", " route 138 and 40 "},
  });
}

TEST_CASE("Normalize: spaced, dotted and dashed letters are joined", "[policy]") {
  CheckSkeletons({
      {"f u c k", " fuck "},
      {"f.u.c.k", " fuck "},
      {"f-u-c-k", " fuck "},
      {"f_u_c_k", " fuck "},
      {"what the f u c k man", " what the fuck man "},
      {"f. u. c. k", " fuck "},
  });
}

TEST_CASE("Normalize: a run of spaced letters keeps one spacer", "[policy]") {
  // The dot that ends a dotted word also ends its sentence.
  CheckSkeletons({
      {"devrait être i.n.t.e.r.d.i.t. E l l e s comprennent", " devrait etre interdit elles comprennent "},
      {"the l.a.s.t t i m e", " the last time "},
  });
}

TEST_CASE("Normalize: two single letters are not joined", "[policy]") {
  // Only runs of three or more single letters are a spelled-out word.
  CheckSkeletons({
      {"a b", " a b "},
      {"plan B or C", " plan b or c "},
  });
}

TEST_CASE("Normalize: a masking '*' is kept in the word", "[policy]") {
  CheckSkeletons({
      {"f*ck", " f*ck "},
      {"m*rde", " m*rde "},
  });
}

TEST_CASE("Normalize: Cyrillic and Greek look-alikes become Latin", "[policy]") {
  CheckSkeletons({
      {"fu\u0441k", " fuck "},           // Cyrillic с
      {"\u0441\u0430t", " cat "},         // Cyrillic с, а
      {"\u0421\u041E\u0420", " cop "},    // Cyrillic capitals С О Р
      {"id\u03B9\u03BFt", " idiot "},     // Greek ι ο
  });
}

TEST_CASE("Normalize: full-width letters become ASCII", "[policy]") {
  CheckSkeletons({
      {"\uFF46\uFF55\uFF43\uFF4B", " fuck "},  // ｆｕｃｋ
      {"\uFF26\uFF35\uFF23\uFF2B", " fuck "},  // ＦＵＣＫ
  });
}

TEST_CASE("Normalize: zero-width characters inside a word are removed", "[policy]") {
  CheckSkeletons({
      {"fu\u200Bck", " fuck "},
      {"sh\u200Di\uFEFFt", " shit "},
  });
  CHECK(FoldText("fu\u200Bck") == "fuck");
}

TEST_CASE("Normalize: emoji and symbols are not words", "[policy]") {
  CheckSkeletons({
      {"\U0001F602\U0001F602\U0001F602", " "},
      {"great \U0001F44D", " great "},
      {"\U0001F4A9 city \u2192 council", " city council "},
  });
}

TEST_CASE("Normalize: trailing and leading punctuation is dropped", "[policy]") {
  CheckSkeletons({
      {"great!!!", " great "},
      {"@mayor", " mayor "},
      {"(really?)", " really "},
      {"\"Hello,\" she said.", " hello she said "},
  });
}

TEST_CASE("FoldText: invalid sequences become U+FFFD", "[policy]") {
  const std::string kReplacement = "\xEF\xBF\xBD";
  CHECK(FoldText("ok") == "ok");
  CHECK(FoldText("a\xFF" "b") == "a" + kReplacement + "b");
  CHECK(FoldText("\xC3") == kReplacement);          // truncated 2-byte sequence
  CHECK(FoldText("\xED\xA0\x80").find(kReplacement) == 0);  // UTF-16 surrogate
  CHECK(FoldText("caf\xC3\xA9") == "cafe");        // valid é folded, not replaced
}

// utf8proc's fold of text with FoldText's options, lower-cased, without the
// look-alike map (which maps no ASCII letter or digit).
std::string Utf8procFold(const std::string& text) {
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
      &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                     UTF8PROC_IGNORE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK));
  REQUIRE(n >= 0);
  std::string out(reinterpret_cast<char*>(mapped), static_cast<size_t>(n));
  std::free(mapped);
  return out;
}

TEST_CASE("FoldText: the ASCII fast path agrees with utf8proc", "[policy]") {
  for (int c = 0; c < 0x80; ++c) {
    const std::string text(1, static_cast<char>(c));
    INFO("code point " << c);
    if (c == 0 || c == ' ' || (c >= '\t' && c <= '\r')) {
      // NUL is dropped; whitespace alone collapses to nothing (no word to separate).
      CHECK(FoldText(text).empty());
    } else if (c == '`') {
      // Read as an apostrophe, as U+2018 and U+2019 are: "t`es" is "t'es".
      CHECK(FoldText(text) == FoldText("\xE2\x80\x99"));
    } else {
      CHECK(FoldText(text) == Utf8procFold(text));
    }
    // utf8proc's path (COMPAT, then FoldText's own rules) folds the full-width
    // form of each printable character to what the fast path makes of it.
    if (c > ' ' && c < 0x7F) {
      const char32_t wide = 0xFF01 + (c - '!');
      const std::string full_width = {static_cast<char>(0xE0 | (wide >> 12)),
                                      static_cast<char>(0x80 | ((wide >> 6) & 0x3F)),
                                      static_cast<char>(0x80 | (wide & 0x3F))};
      CHECK(FoldText(full_width) == FoldText(text));
    }
  }
  // Mixed ASCII and not, single-spaced: the same as utf8proc's fold (ligatures,
  // which FoldText spells out and utf8proc keeps, aside).
  for (const std::string& mixed : {"Caf\xC3\xA9 CR\xC3\x88" "ME Br\xC3\xBB" "L\xC3\xA9" "E"s,
                                   "\xEF\xBC\xA6ull-WIDTH \xEF\xBD\x86orms 123"s,
                                   "zero\xE2\x80\x8Bwidth JOIN \xC5\xB8vette"s}) {
    INFO("text: " << mixed);
    CHECK(FoldText(mixed) == Utf8procFold(mixed));
  }
}

TEST_CASE("FoldText: NUL bytes are dropped", "[policy]") {
  CHECK(FoldText("a\0b"s) == "ab");
  CHECK(FoldText("\0\0"s).empty());
}

TEST_CASE("Normalize: never fails on arbitrary bytes", "[policy]") {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  bytes += "\xF0\x9F" "sh1t\xC0\x80 f u c k\xFF";
  NormalizedText out = Normalize(bytes);
  CHECK(out.skeleton.front() == ' ');
  CHECK(out.skeleton.back() == ' ');
  CHECK(out.skeleton.find(" fuck ") != std::string::npos);
  CHECK(out.folded.find('\0') == std::string::npos);
  CHECK(Normalize("").skeleton == " ");
  CHECK(Normalize(""s).folded.empty());
}

bool IsValidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  for (size_t i = 0; i < text.size();) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0 || cp == 0) return false;
    i += static_cast<size_t>(n);
  }
  return true;
}

TEST_CASE("Normalize: output is valid UTF-8 whatever the input", "[policy]") {
  for (const std::string& input : {"\xFF\xFE"s, "abc\xE2\x82"s, "\x80\x80\x80 word"s, "x\0y"s}) {
    NormalizedText out = Normalize(input);
    INFO("input size " << input.size());
    CHECK(IsValidUtf8(out.folded));
    CHECK(IsValidUtf8(out.skeleton));
  }
}

TEST_CASE("Normalize: spaced letters across a word boundary split at an object pronoun", "[policy]") {
  CheckSkeletons({{"i will k i l l y o u", " i will kill you "},
                  {"je vais b u t e r t o i", " je vais buter toi "},
                  {"s-h-o-o-t-h-i-m", " shoot him "},
                  // "them" with too little before it is a word that ends so.
                  {"a n t h e m", " anthem "},
                  {"t h e m", " them "}});
}

TEST_CASE("WithStretchedRuns: a letter three times or more is written as often as asked", "[policy]") {
  CHECK(WithStretchedRuns("storeee", 1) == "store");
  CHECK(WithStretchedRuns("passss", 2) == "pass");
  CHECK(WithStretchedRuns("www.bookkeeper.com", 1) == "www.bookkeeper.com");  // doubles and "www" stay
}

}  // namespace
}  // namespace modbot
