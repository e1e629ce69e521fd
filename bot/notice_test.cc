#include "bot/notice.h"

#include <catch2/catch.hpp>

namespace modbot {
namespace {

NoticeFacts Facts(const std::string& lang) {
  return {"42", "alice", "https://forum/t/x/1/3", lang, {Clause::kSpamLinks, Clause::kCommercial},
          "Buy cheap watches at bit.ly/abc today, best prices in town, limited offer for all"};
}

TEST_CASE("a notice names each principle by number and title, in the post's language",
          "[notice]") {
  NoticeSettings settings;
  settings.excerpt_chars = 30;
  ForumNotice en = RenderNotice(settings, Facts("en"));
  CHECK(en.post_id == "42");
  CHECK(en.username == "alice");
  CHECK(en.title == "Your post #42 was hidden");
  CHECK(en.body.find("- Principle 12: " + std::string(ClauseTitleEn(Clause::kSpamLinks))) !=
        std::string::npos);
  CHECK(en.body.find("- Principle 7: ") != std::string::npos);
  CHECK(en.body.find("> Buy cheap watches at bit.ly/ab…") != std::string::npos);
  CHECK(en.body.find("reply to this message") != std::string::npos);

  ForumNotice fr = RenderNotice(settings, Facts("fr"));
  CHECK(fr.title == "Votre message n° 42 a été masqué");
  CHECK(fr.body.find("- Principe 12 : " + std::string(ClauseTitleFr(Clause::kSpamLinks))) !=
        std::string::npos);

  ForumNotice both = RenderNotice(settings, Facts(""));
  CHECK(both.title == "Your post #42 was hidden / Votre message n° 42 a été masqué");
  CHECK(both.body.find("Principle 12") < both.body.find("Principe 12"));

  settings.language = "fr";
  CHECK(RenderNotice(settings, Facts("en")).title == fr.title);
}

TEST_CASE("templates are overridable and unknown placeholders left as written", "[notice]") {
  NoticeSettings settings;
  settings.en = {"Post {post_id} hidden", "{username}: {principles} {nope}", "Email us."};
  ForumNotice n = RenderNotice(settings, Facts("en"));
  CHECK(n.title == "Post 42 hidden");
  CHECK(n.body.rfind("alice: - Principle 12", 0) == 0);
  CHECK(n.body.find("{nope}") != std::string::npos);
}

TEST_CASE("excerpts cut on character boundaries and collapse whitespace", "[notice]") {
  CHECK(Excerpt("  un   deux\n\ntrois ", 100) == "un deux trois");
  CHECK(Excerpt("été été", 4) == "été…");
  CHECK(Excerpt("abc", 3) == "abc");
  CHECK(Excerpt("", 3).empty());
}

}  // namespace
}  // namespace modbot
