#include "policy/body_parser.h"

#include <catch2/catch.hpp>
#include <string>

namespace modbot {
namespace {

using namespace std::string_literals;

const Link* FindLink(const PostBody& body, std::string_view domain) {
  for (const Link& link : body.links) {
    if (link.domain == domain) return &link;
  }
  return nullptr;
}

// --- markdown (Discourse raw) ---

TEST_CASE("markdown: Discourse quotes are kept apart from own words", "[parser]") {
  PostBody body = ParsePostBody(
      "[quote=\"bob, post:3, topic:7\"]\nYou are **wrong**.\n[/quote]\n\nNo, I'm right.",
      Format::kMarkdown);
  CHECK(body.own_text == "No, I'm right.");
  REQUIRE(body.quotes.size() == 1);
  CHECK(body.quotes[0] == "You are wrong.");
}

TEST_CASE("markdown: nested quotes come outermost first", "[parser]") {
  PostBody body = ParsePostBody(
      "[quote=\"a, post:1, topic:2\"]\n[quote=\"b, post:0, topic:2\"]\ninner\n[/quote]\n"
      "outer\n[/quote]\nmine",
      Format::kMarkdown);
  CHECK(body.own_text == "mine");
  REQUIRE(body.quotes.size() == 2);
  CHECK(body.quotes[0] == "outer");
  CHECK(body.quotes[1] == "inner");
}

TEST_CASE("markdown: '>' lines are quotes, with lazy continuation", "[parser]") {
  PostBody body = ParsePostBody("> first\n> second\n>> deeper\n\nreply\n\n> again\nlazy\n\nend",
                                Format::kMarkdown);
  CHECK(body.own_text == "reply\nend");
  REQUIRE(body.quotes.size() == 3);
  CHECK(body.quotes[0] == "first\nsecond");
  CHECK(body.quotes[1] == "deeper");
  CHECK(body.quotes[2] == "again\nlazy");
}

TEST_CASE("markdown: links, images and anchor text", "[parser]") {
  PostBody body = ParsePostBody(
      "See [the minutes](https://www.CoteSaintLuc.org:443/council?id=1 \"title\") and "
      "![pothole](https://forum.example.org/uploads/pothole.png) "
      "![dance](https://media.giphy.com/media/abc/giphy.gif)",
      Format::kMarkdown);
  CHECK(body.own_text == "See the minutes and");
  REQUIRE(body.links.size() == 1);
  CHECK(body.links[0].url == "https://www.CoteSaintLuc.org:443/council?id=1");
  CHECK(body.links[0].domain == "cotesaintluc.org");
  CHECK(body.links[0].text == "the minutes");
  REQUIRE(body.images.size() == 2);
  CHECK_FALSE(body.images[0].animated);
  CHECK(body.images[1].animated);
}

TEST_CASE("markdown: bare URLs with and without scheme", "[parser]") {
  PostBody body = ParsePostBody(
      "Deals at bit.ly/abc, tinyurl.com/x and www.Pharma-Cheap.com! Also "
      "https://a.example.io/p_q_r. "
      "Torrent: magnet:?xt=urn:btih:abc123&dn=movie",
      Format::kMarkdown);
  CHECK(FindLink(body, "bit.ly"));
  CHECK(FindLink(body, "tinyurl.com"));
  CHECK(FindLink(body, "pharma-cheap.com"));
  REQUIRE(FindLink(body, "a.example.io"));
  CHECK(FindLink(body, "a.example.io")->url == "https://a.example.io/p_q_r");
  REQUIRE(FindLink(body, "magnet"));
  CHECK(FindLink(body, "magnet")->url == "magnet:?xt=urn:btih:abc123&dn=movie");
  CHECK(body.links.size() == 5);
  PostBody french = ParsePostBody("Voir «bit.ly/promo» ou (www.spam.ca)… Lien:https://x.org/a",
                                  Format::kMarkdown);
  REQUIRE(french.links.size() == 3);
  CHECK(french.links[0].url == "bit.ly/promo");
  CHECK(french.links[1].url == "www.spam.ca");
  CHECK(french.links[2].url == "https://x.org/a");
  CHECK(body.own_text.find("bit.ly/abc") != std::string::npos);
  CHECK(body.own_text.find("p_q_r") != std::string::npos);
}

TEST_CASE("markdown: abbreviations and numbers are not links", "[parser]") {
  PostBody body = ParsePostBody(
      "Bring e.g. a hat. Mr. Bernard paid 3.5 dollars at 10 a.m. then left.Next week "
      "read file.pdf, mail me at jo@example.com",
      Format::kMarkdown);
  CHECK(body.links.empty());
  // An address's name with a top-level-domain-like ending is not a host.
  CHECK(ParsePostBody("sign up at tennis.csl.club@gmail.com", Format::kPlain).links.empty());
}

TEST_CASE("markdown: emphasis goes, code and masked words stay", "[parser]") {
  PostBody body = ParsePostBody("**Bold** and _it_ ~~gone~~ `x *y*` f*ck 5 * 3 snake_case_name",
                                Format::kMarkdown);
  CHECK(body.own_text == "Bold and it gone x *y* f*ck 5 * 3 snake_case_name");
}

TEST_CASE("markdown: HTML that Discourse allows in raw", "[parser]") {
  PostBody body = ParsePostBody(
      "Look <a href=\"https://shop.example.com/x\">here</a><br><img "
      "src=\"https://i.example.com/a.GIF\">",
      Format::kMarkdown);
  CHECK(body.own_text == "Look here");
  REQUIRE(body.links.size() == 1);
  CHECK(body.links[0].domain == "shop.example.com");
  CHECK(body.links[0].text == "here");
  REQUIRE(body.images.size() == 1);
  CHECK(body.images[0].animated);
}

TEST_CASE("markdown: autolinks, linked images, entities", "[parser]") {
  PostBody body = ParsePostBody(
      "Go <https://a.example.com/x> [![logo](https://b.example.com/l.png)](https://c.example.com) "
      "Tom &amp; Jerry `&amp;`",
      Format::kMarkdown);
  CHECK(body.own_text == "Go https://a.example.com/x Tom & Jerry &amp;");
  REQUIRE(body.links.size() == 2);
  CHECK(body.links[0].domain == "a.example.com");
  CHECK(body.links[1].domain == "c.example.com");
  REQUIRE(body.images.size() == 1);
  CHECK(body.images[0].src == "https://b.example.com/l.png");
}

TEST_CASE("markdown: fenced code is text, unpaired [quote] is text", "[parser]") {
  PostBody body = ParsePostBody("```\n[quote]not a quote\n```\n[quote]open only\n# Title\n- item",
                                Format::kMarkdown);
  CHECK(body.quotes.empty());
  CHECK(body.own_text == "[quote]not a quote\n[quote]open only\nTitle\nitem");
}

TEST_CASE("markdown: the BBCode Discourse cooks is read as BBCode", "[parser]") {
  PostBody body = ParsePostBody(
      "[b]Fireworks[/b] tonight![img]https://media.tenor.com/abc/feux.gif[/img]\n"
      "[url=https://bit.ly/x]cheap [i]pills[/i][/url] [url]http://x.org/p[/url] [s]no[/s]\n"
      "[quote=\"naomi_r\"]Story time was great![/quote]\nNot for me.\n"
      "[img]\nnot inline\n[/img]",
      Format::kMarkdown);
  CHECK(body.own_text == "Fireworks tonight!\ncheap pills http://x.org/p no\nNot for me.\n"
                         "[img]\nnot inline");
  REQUIRE(body.quotes.size() == 1);
  CHECK(body.quotes[0] == "Story time was great!");
  REQUIRE(body.images.size() == 1);
  CHECK(body.images[0].animated);
  REQUIRE(body.links.size() == 2);
  CHECK(body.links[0].domain == "bit.ly");
  CHECK(body.links[0].text == "cheap pills");
  CHECK(body.links[1].url == "http://x.org/p");
}

// --- BBCode (phpBB) ---

TEST_CASE("bbcode: quote forms, nested, outermost first", "[parser]") {
  PostBody body = ParsePostBody(
      "[quote=\"lucie.b\"]Top [quote=marc post_id=12 time=1]deep[/quote] back[/quote]\n"
      "Mine [QUOTE]plain[/QUOTE] end",
      Format::kBBCode);
  CHECK(body.own_text == "Mine end");
  REQUIRE(body.quotes.size() == 3);
  CHECK(body.quotes[0] == "Top back");
  CHECK(body.quotes[1] == "deep");
  CHECK(body.quotes[2] == "plain");
}

TEST_CASE("bbcode: links, images and formatting", "[parser]") {
  PostBody body = ParsePostBody(
      "[b]Bold[/b] [i]it[/i] [u]u[/u] [color=red]red[/color] [size=150]big[/size] "
      "[url=https://www.YouTube.com/watch?v=1]Watch this[/url] [url]http://x.org/p[/url]\n"
      "[list][*]one[*]two[/list][img]https://media.tenor.com/abc/feux.gif[/img]"
      "[img]https://forum.example.org/files/bench.jpg[/img][code]a [b]b[/b][/code]",
      Format::kBBCode);
  CHECK(body.own_text == "Bold it u red big Watch this http://x.org/p\none\ntwo\na [b]b[/b]");
  REQUIRE(body.links.size() == 2);
  CHECK(body.links[0].domain == "youtube.com");
  CHECK(body.links[0].text == "Watch this");
  CHECK(body.links[1].url == "http://x.org/p");
  CHECK(body.links[1].text.empty());
  REQUIRE(body.images.size() == 2);
  CHECK(body.images[0].animated);
  CHECK_FALSE(body.images[1].animated);
}

TEST_CASE("bbcode: bare links, links in quotes do not count", "[parser]") {
  PostBody body = ParsePostBody(
      "[quote]spam at bit.ly/q [url=http://q.com]q[/url][/quote]"
      "mine at tinyurl.com/m",
      Format::kBBCode);
  REQUIRE(body.links.size() == 1);
  CHECK(body.links[0].domain == "tinyurl.com");
  CHECK(body.quotes == std::vector<std::string>{"spam at bit.ly/q q"});
}

TEST_CASE("bbcode: unterminated and mismatched tags keep their text", "[parser]") {
  PostBody body = ParsePostBody("[quote]never closed [b]bold [url=http://a.com]x [i]y[/b] z[/quote",
                                Format::kBBCode);
  CHECK(body.quotes.empty());
  CHECK(body.own_text == "[quote]never closed bold [url=http://a.com]x y z[/quote");
  PostBody mismatched =
      ParsePostBody("[quote]a [url=http://b.com]b[/quote] c[/url] [/img]", Format::kBBCode);
  CHECK(mismatched.quotes == std::vector<std::string>{"a [url=http://b.com]b"});
  CHECK(mismatched.own_text == "c[/url] [/img]");
}

// --- HTML (rendered) ---

TEST_CASE("html: Discourse cooked quotes, title dropped", "[parser]") {
  PostBody body = ParsePostBody(
      "<aside class=\"quote no-group\" data-username=\"bob\" data-post=\"3\">"
      "<div class=\"title\"><img class=\"avatar\" src=\"/a.png\"> bob:</div>"
      "<blockquote><p>Outer</p><aside class=\"quote\"><div class=\"title\">amy:</div>"
      "<blockquote><p>Inner</p></blockquote></aside></blockquote></aside>"
      "<p>My reply</p><blockquote>plain quote</blockquote>",
      Format::kHtml);
  CHECK(body.own_text == "My reply");
  REQUIRE(body.quotes.size() == 3);
  CHECK(body.quotes[0] == "Outer");
  CHECK(body.quotes[1] == "Inner");
  CHECK(body.quotes[2] == "plain quote");
  CHECK(body.images.empty());
}

TEST_CASE("html: entities, breaks, scripts", "[parser]") {
  PostBody body = ParsePostBody(
      "<p>Tom &amp; Jerry&nbsp;&lt;3 it&#39;s &#x27;ok&#x27; &eacute;t&eacute; &bogus; &#0;</p>"
      "<p>line\n one<br/>two</p><script>var x = '<p>evil</p>';</script><style>p{}</style>"
      "<!-- hidden -->end",
      Format::kHtml);
  CHECK(body.own_text ==
        "Tom & Jerry <3 it's 'ok' \xC3\xA9t\xC3\xA9 &bogus; \xEF\xBF\xBD\nline one\ntwo\nend");
}

TEST_CASE("html: links, images, emoji, onebox", "[parser]") {
  PostBody body = ParsePostBody(
      "<p>Hi <img class=\"emoji\" alt=\":smile:\" src=\"/images/emoji/smile.png\"> "
      "<a href=\"https://WWW.Example.COM/a\">the page</a> "
      "<a class=\"mention\" href=\"/u/bob\">@bob</a> "
      "<img src=\"/uploads/x.png\" class=\"animated\"> <img src=\"https://i.example.org/b.png\">"
      "<img src=\"https://media1.giphy.com/media/x/200.webp\"></p>"
      "<aside class=\"onebox\" data-onebox-src=\"https://news.example.ca/story\">"
      "<header><a href=\"https://news.example.ca/story\">news.example.ca</a></header>"
      "<article><h3><a href=\"https://news.example.ca/story\">Their headline</a></h3></article>"
      "</aside>",
      Format::kHtml);
  CHECK(body.own_text == "Hi :smile: the page @bob");
  REQUIRE(body.links.size() == 2);
  CHECK(body.links[0].domain == "example.com");
  CHECK(body.links[0].text == "the page");
  CHECK(body.links[1].url == "https://news.example.ca/story");
  REQUIRE(body.images.size() == 3);
  CHECK(body.images[0].animated);
  CHECK_FALSE(body.images[1].animated);
  CHECK(body.images[2].animated);
}

TEST_CASE("html: phpBB prosilver quotes and attachments", "[parser]") {
  // bbcode.html (quote) and attachment.html of phpBB 3.3's prosilver style.
  PostBody body = ParsePostBody(
      "<blockquote><div><cite><a href=\"./memberlist.php?mode=viewprofile&amp;u=2\">bob</a> "
      "wrote: <a href=\"./viewtopic.php?p=3#p3\">\u2191</a><span class=\"responsive-hide\">"
      "Mon Nov 30, 2026 6:53 pm</span></cite>quoted words</div></blockquote>lol"
      "<dl class=\"attachbox\"><dt>Attachments</dt><dd><dl class=\"file\">"
      "<dt class=\"attach-image\"><img class=\"postimage\" src=\"./download/file.php?id=7\" "
      "alt=\"dance.GIF\" title=\"dance.GIF (1.2 MiB) Viewed 3 times\"></dt>"
      "<dd>dance.GIF (1.2 MiB) Viewed 3 times</dd></dl></dd></dl>"
      "<div class=\"inline-attachment\"><dl class=\"thumbnail\"><dt><a href=\"./download/"
      "file.php?id=8&amp;mode=view\"><img src=\"./download/file.php?id=8&amp;t=1\" "
      "class=\"postimage\" alt=\"map.png\"></a></dt><dd>map.png</dd></dl></div>",
      Format::kHtml);
  CHECK(body.own_text.find("lol") == 0);
  CHECK(body.own_text.find("Attachments") == std::string::npos);
  CHECK(body.own_text.find("Viewed") == std::string::npos);
  REQUIRE(body.quotes.size() == 1);
  CHECK(body.quotes[0].find("quoted words") != std::string::npos);
  REQUIRE(body.images.size() == 2);
  CHECK(body.images[0].animated);
  CHECK_FALSE(body.images[1].animated);
}

TEST_CASE("html: malformed markup keeps its text", "[parser]") {
  PostBody body = ParsePostBody(
      "<p>a < b and <3 <b>bold<i>both</b> </blockquote> <a href=\"http://x.com\">open "
      "<img src=\"unterminated <div",
      Format::kHtml);
  CHECK(body.own_text == "a < b and <3 boldboth\nopen <img src=\"unterminated <div");
  CHECK(body.quotes.empty());
  REQUIRE(body.links.size() == 1);
  CHECK(body.links[0].domain == "x.com");
}

// --- plain ---

TEST_CASE("plain: text as is, bare URLs found", "[parser]") {
  PostBody body = ParsePostBody(
      "  **not markup** [b]x[/b]\n\n\nvisit cheap-pills.biz (see "
      "https://en.wikipedia.org/wiki/Foo_(bar)).",
      Format::kPlain);
  CHECK(body.own_text ==
        "**not markup** [b]x[/b]\nvisit cheap-pills.biz (see "
        "https://en.wikipedia.org/wiki/Foo_(bar)).");
  REQUIRE(body.links.size() == 2);
  CHECK(body.links[0].domain == "cheap-pills.biz");
  CHECK(body.links[1].url == "https://en.wikipedia.org/wiki/Foo_(bar)");
}

TEST_CASE("DomainOfUrl", "[parser]") {
  CHECK(DomainOfUrl("https://user:pw@WWW.Example.com:8080/a?b#c") == "example.com");
  CHECK(DomainOfUrl("bit.ly/abc") == "bit.ly");
  CHECK(DomainOfUrl("www.foo.com") == "foo.com");
  CHECK(DomainOfUrl("//cdn.example.net/x.js") == "cdn.example.net");
  CHECK(DomainOfUrl("magnet:?xt=urn:btih:abc") == "magnet");
  CHECK(DomainOfUrl("mailto:jo@Example.org") == "example.org");
  CHECK(DomainOfUrl("localhost:3000/x") == "localhost");
  CHECK(DomainOfUrl("/u/bob") == "");
  CHECK(DomainOfUrl("javascript:alert(1)") == "");
  CHECK(DomainOfUrl("") == "");
}

// --- hostile input ---

constexpr Format kAllFormats[] = {Format::kMarkdown, Format::kBBCode, Format::kHtml,
                                  Format::kPlain};

TEST_CASE("invalid UTF-8 becomes U+FFFD, NUL is dropped", "[parser]") {
  for (Format format : kAllFormats) {
    PostBody body = ParsePostBody(
        "a\xFF"
        "b\xC3(c\xED\xA0\x80"
        "d\0e\xE2\x82"s,
        format);
    CHECK(body.own_text ==
          "a\xEF\xBF\xBD"
          "b\xEF\xBF\xBD(c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
          "de"
          "\xEF\xBF\xBD\xEF\xBF\xBD");
  }
}

TEST_CASE("deeply nested quotes are capped, not recursed", "[parser]") {
  const int kDepth = 100000;
  std::string bbcode, html, markdown;
  for (int i = 0; i < kDepth; ++i) bbcode += "[quote]";
  bbcode += "deep";
  for (int i = 0; i < kDepth; ++i) bbcode += "[/quote]";
  bbcode += "mine";
  for (int i = 0; i < kDepth; ++i) html += "<blockquote>";
  html += "deep";
  for (int i = 0; i < kDepth; ++i) html += "</blockquote>";
  html += "mine";
  markdown = std::string(kDepth, '>') + " deep\n\nmine";

  for (const auto& [text, format] : {std::pair{bbcode, Format::kBBCode},
                                     {bbcode, Format::kMarkdown},
                                     {html, Format::kHtml},
                                     {markdown, Format::kMarkdown}}) {
    PostBody body = ParsePostBody(text, format);
    CHECK(body.own_text == "mine");
    CHECK(body.quotes.size() == 1);
    CHECK(body.quotes.back() == "deep");
  }
}

TEST_CASE("a 2 MB post parses in every format", "[parser]") {
  // Over 20,000 links: twice the cap, in a post that is still quick to parse under
  // the sanitizers (the pathological cases below are what keep it linear).
  std::string chunk =
      "Hello [b]world[/b] <i>x</i> *em* [q](http://a.com) bit.ly/x [quote]q[/quote] &amp; `c`\n";
  std::string big;
  while (big.size() < 2'000'000) big += chunk;
  for (Format format : kAllFormats) {
    PostBody body = ParsePostBody(big, format);
    CHECK(body.own_text.size() > big.size() / 10);
    CHECK(body.links.size() == 10000);  // capped
  }
}

TEST_CASE("pathological runs of markup characters stay linear", "[parser]") {
  // 256 KB is enough for a quadratic rescan to take minutes, while a linear pass
  // takes milliseconds even in an unoptimised sanitizer build. The guard is the
  // ctest TIMEOUT of this file's tests (tests/CMakeLists.txt), not a clock read
  // here: a wall-clock bound fails on a loaded machine, as it did in CI at 2.07 s.
  for (std::string_view unit : {"[", "<", "`", "](", "[a](x", "<a href=\"", "&#", "a.", "[quote ",
                                "[code]", "https://x/)"}) {
    std::string text;
    while (text.size() < 256 * 1024) text += unit;
    for (Format format : kAllFormats) {
      INFO(unit << " " << static_cast<int>(format));
      PostBody body = ParsePostBody(text, format);
      CHECK(body.own_text.size() <= text.size());
    }
  }
}

}  // namespace
}  // namespace modbot
