#include "adapters/phpbb/phpbb_pages.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "adapters/content_version.h"

namespace modbot::phpbb {
namespace {

// styles/all/template/feed.xml.twig as phpBB 3.3 renders an edited post (note the
// space the template leaves after an edited entry's <updated>) and a new one.
constexpr const char* kFeed = R"(<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-gb">
<link rel="self" type="application/atom+xml" href="https://forum.example.org/app.php/feed" />
<title>Forum</title>
<updated>2026-11-30T18:53:43+00:00</updated>
<id>https://forum.example.org/app.php/feed</id>
<entry>
<author><name><![CDATA[marie]]></name></author>
<updated>2026-11-30T18:55:00+00:00 </updated>
<published>2026-11-30T18:53:43+00:00</published>
<id>https://forum.example.org/viewtopic.php?t=4&amp;p=12#p12</id>
<link href="https://forum.example.org/viewtopic.php?t=4&amp;p=12#p12"/>
<title type="html"><![CDATA[Public Works • Re: Snow removal]]></title>
<category term="Public Works" scheme="https://forum.example.org/viewforum.php?f=2" label="Public Works"/>
<content type="html" xml:base="https://forum.example.org/viewtopic.php?t=4&amp;p=12#p12"><![CDATA[
Plows came <strong>early</strong>.<p>Statistics: Posted by <a href="x">marie</a> — Mon Nov 30, 2026 6:53 pm</p><hr />
]]></content>
</entry>
<entry>
<updated>2026-11-30T13:00:00-05:00</updated>
<published>2026-11-30T13:00:00-05:00</published>
<id>https://forum.example.org/viewtopic.php?t=4&amp;p=11#p11</id>
<title type="html"><![CDATA[Snow removal]]></title>
<content type="html" xml:base="x"><![CDATA[
First<hr />
]]></content>
</entry>
</feed>
)";

TEST_CASE("phpbb feed: ids, times, title, forum and content without the statistics",
          "[phpbb][pages]") {
  std::vector<FeedEntry> entries;
  std::string error;
  REQUIRE(ParseFeed(kFeed, &entries, &error));
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].post_id == 12);
  CHECK(entries[0].author == "marie");
  CHECK(entries[0].title == "Public Works \xE2\x80\xA2 Re: Snow removal");
  CHECK(entries[0].category == "Public Works");
  CHECK(entries[0].content == "Plows came <strong>early</strong>.");
  CHECK(entries[0].updated - entries[0].published == 77);
  CHECK(entries[1].published == ParseAtomDate("2026-11-30T18:00:00Z"));  // -05:00 read
  CHECK(entries[1].author.empty());
  CHECK(entries[1].content == "First");

  CHECK_FALSE(ParseFeed("<html>maintenance</html>", &entries, &error));
  CHECK(error == "not an Atom feed");
  CHECK_FALSE(ParseFeed("<feed><entry><id>x</id></entry></feed>", &entries, &error));
  CHECK(error.find("names no post") != std::string::npos);
}

TEST_CASE("phpbb dates: ISO, the bot's Y-m-d H:i, and the English default", "[phpbb][pages]") {
  const std::time_t t = ParseAtomDate("2026-11-30T18:53:00+00:00").value();
  CHECK(ParseBoardDate("2026-11-30 18:53") == t);
  CHECK(ParseBoardDate("Mon Nov 30, 2026 6:53 pm") == t);
  CHECK(ParseBoardDate("Mon Nov 30, 2026 12:05 am") == t - 18 * 3600 - 48 * 60);
  CHECK_FALSE(ParseBoardDate("lun. 30 nov. 2026 18:53"));
  CHECK_FALSE(ParseAtomDate("yesterday"));
}

TEST_CASE("phpbb forms: hidden fields, options, action, refusals recognised", "[phpbb][pages]") {
  // confirm_delete_body.html after confirm_box(false) (includes/functions.php).
  const std::string html =
      "<form id=\"confirm\" action=\"./mcp.php?i=main&amp;mode=quickmod&amp;confirm_key=ABC\" "
      "method=\"post\"><input class=\"inputbox\" type=\"text\" name=\"delete_reason\" value=\"\" />"
      "<input type=\"hidden\" name=\"post_id_list[0]\" value=\"7\" />"
      "<input type=\"hidden\" name=\"confirm_uid\" value=\"2\" />"
      "<input type=\"hidden\" name=\"sess\" value=\"s1d\" />"
      "<select name=\"reason_id\"><option value=\"1\">Warez</option><option value=\"4\">Other"
      "</option></select><input type=\"submit\" name=\"confirm\" value=\"Yes\" /></form>";
  std::optional<Form> form = ParseForm(html, "confirm");
  REQUIRE(form);
  CHECK(form->action == "./mcp.php?i=main&mode=quickmod&confirm_key=ABC");
  REQUIRE(form->hidden.size() == 3);
  CHECK(form->hidden[0] == std::pair<std::string, std::string>{"post_id_list[0]", "7"});
  CHECK(form->options.at("Other") == "4");
  CHECK_FALSE(ParseForm(html, "postform"));
  Site site{"https://forum.example.org/board"};
  HttpRequest confirm = ConfirmRequest(site, *form, {{"delete_reason", "rule 12 & more"}});
  CHECK(confirm.url == "https://forum.example.org/board/mcp.php?i=main&mode=quickmod&confirm_key=ABC");
  CHECK(confirm.body == "post_id_list%5B0%5D=7&confirm_uid=2&sess=s1d&delete_reason=rule%2012%20%26"
                        "%20more&confirm=Yes");

  CHECK(IsFormInvalid("The submitted form was invalid. Try submitting again."));
  CHECK(IsFlood("You cannot make another post so soon after your last."));
  CHECK_FALSE(IsFlood("This message has been sent successfully."));
  CHECK(MessageText("<div class=\"panel\" id=\"message\"><h2>Information</h2><p>This post has "
                    "already been reported.</p></div>") == "This post has already been reported.");
}

TEST_CASE("phpbb topic page: posts, state classes, topic and forum", "[phpbb][pages]") {
  // viewtopic_body.html / navbar_header.html of prosilver, trimmed to what is read.
  const std::string html =
      "<a href=\"./ucp.php?mode=logout&amp;sid=1\">Logout</a>"
      "<span class=\"crumb\" data-forum-id=\"3\"><a href=\"./viewforum.php?f=3\"><span "
      "itemprop=\"name\">Loisirs &amp; parcs</span></a></span>"
      "<h2 class=\"topic-title\"><a href=\"./viewtopic.php?t=9&amp;start=0\">Piscine</a></h2>"
      "<div id=\"p40\" class=\"post has-profile bg2 deleted\"><div class=\"inner\">"
      "<dl class=\"postprofile\"><dt><a href=\"./memberlist.php?mode=viewprofile&amp;u=5\" "
      "class=\"username-coloured\">léa</a></dt></dl><div class=\"postbody\"><div "
      "id=\"post_content40\"><p class=\"author\"><time datetime=\"2026-11-30T18:00:00+00:00\">"
      "x</time></p><div class=\"content\">Bonjour <div>nested</div> fin</div></div></div></div></div>"
      "<div id=\"p41\" class=\"post has-profile bg1 reported\"><div class=\"content\">Deux</div></div>";
  TopicPage page;
  std::string error;
  REQUIRE(ParseTopicPage(html, &page, &error));
  CHECK(IsLoggedIn(html));
  CHECK(page.topic_id == 9);
  CHECK(page.forum_id == 3);
  CHECK(page.forum_name == "Loisirs & parcs");
  CHECK(page.title == "Piscine");
  REQUIRE(page.posts.size() == 2);
  CHECK(page.posts[0].post_id == 40);
  CHECK(page.posts[0].author == "léa");
  CHECK(page.posts[0].deleted);
  CHECK_FALSE(page.posts[0].reported);
  CHECK(page.posts[0].content == "Bonjour <div>nested</div> fin");
  CHECK(page.posts[0].published == ParseAtomDate("2026-11-30T18:00:00+00:00"));
  CHECK(page.posts[1].reported);
  CHECK_FALSE(ParseTopicPage("<div id=\"message\"><p>Nope</p></div>", &page, &error));
}

TEST_CASE("phpbb version: the same words from the feed and a page, another after an edit",
          "[phpbb][pages]") {
  CHECK(ContentVersion("<a href=\"https://f.org/x\">the  page</a>\n&amp; more") ==
        ContentVersion("<a href=\"./x\">the page</a> & more"));
  CHECK(ContentVersion("the page") != ContentVersion("the page, edited"));
  CHECK(ContentVersion("<p>foobar</p>") == ContentHash("foobar"));  // standard FNV-1a 64
}

TEST_CASE("phpbb profile: id, join date and posts, in English or French", "[phpbb][pages]") {
  ProfileFacts facts;
  std::string error;
  REQUIRE(ParseProfile("<a href=\"./ucp.php?i=pm&amp;mode=compose&amp;u=57\">PM</a><dl><dt>"
                       "Inscription :</dt> <dd>2026-01-02 10:00</dd><dt>Nombre total de messages :</dt><dd>12 | "
                       "<a>Rechercher</a></dd></dl>",
                       &facts, &error));
  CHECK(facts.user_id == 57);
  CHECK(facts.joined == ParseBoardDate("2026-01-02 10:00"));
  CHECK(facts.posts == 12);
  CHECK_FALSE(ParseProfile("<p>The requested user does not exist.</p>", &facts, &error));
}

}  // namespace
}  // namespace modbot::phpbb

// Pages captured from a real phpBB 3.3.15 board, English and French
// (adapters/phpbb/testdata/real-3.3.15/README.md): the facts the sample board
// gives, read from the real thing.
namespace modbot::phpbb {
namespace {

struct RealBoard {
  explicit RealBoard(std::string lang) : lang(std::move(lang)) {
    // Its first line: "# phpBB 3.3.15 lang=en guest=6 deleted=7 reported=8 resident=59".
    std::string first_line = Page("STATUS");
    std::istringstream words(first_line.substr(0, first_line.find('\n')));
    for (std::string word; words >> word;) {
      size_t eq = word.find('=');
      if (eq != std::string::npos) ids[word.substr(0, eq)] = word.substr(eq + 1);
    }
  }
  std::string Page(const std::string& name) const {
    std::ifstream in(std::string(MODBOT_SOURCE_DIR) + "/adapters/phpbb/testdata/real-3.3.15/" +
                     lang + "/" + name);
    REQUIRE(in);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  long long Id(const std::string& key) const { return std::stoll(ids.at(key)); }

  std::string lang;
  std::map<std::string, std::string> ids;
};

TEST_CASE("phpbb real 3.3.15 pages: feed, topic page, profile, folders, refusals",
          "[phpbb][pages][real]") {
  const bool fr = GENERATE(false, true);
  RealBoard board(fr ? "fr" : "en");
  INFO("language " << board.lang);

  std::vector<FeedEntry> feed;
  std::string error;
  REQUIRE(ParseFeed(board.Page("feed.xml"), &feed, &error));
  REQUIRE(feed.size() >= 3);
  CHECK(feed[0].post_id == board.Id("reported"));
  CHECK(feed[0].author == "resident");
  CHECK(feed[0].category == "Your first forum");
  CHECK(feed[0].content == (fr ? "Quelle horreur" : "How rude"));
  CHECK(feed[1].content == "SPAM bit.ly/x");
  CHECK(feed[0].updated == feed[0].published);
  CHECK_FALSE(feed[0].guest);
  auto guest_entry = std::find_if(feed.begin(), feed.end(),
                                  [&](const FeedEntry& e) { return e.post_id == board.Id("guest"); });
  REQUIRE(guest_entry != feed.end());
  CHECK(guest_entry->guest);
  CHECK(guest_entry->author == "Anonymous");  // the feed does not name a guest

  TopicPage page;
  REQUIRE(ParseTopicPage(board.Page("viewtopic.html"), &page, &error));
  CHECK(IsLoggedIn(board.Page("viewtopic.html")));
  CHECK(page.topic_id == 2);
  CHECK(page.forum_id == 2);
  CHECK(page.forum_name == "Your first forum");
  std::map<long long, PagePost> posts;
  for (const PagePost& p : page.posts) posts[p.post_id] = p;
  REQUIRE(posts.count(board.Id("guest")));
  REQUIRE(posts.count(board.Id("deleted")));
  REQUIRE(posts.count(board.Id("reported")));
  const PagePost& guest = posts[board.Id("guest")];
  CHECK(guest.author == (fr ? "Visiteur Val" : "Visiting Val"));
  CHECK(guest.content.find(fr ? "passe</strong>." : "drops</strong> by.") != std::string::npos);
  CHECK_FALSE(guest.deleted);
  const PagePost& deleted = posts[board.Id("deleted")];
  CHECK(deleted.deleted);
  CHECK(deleted.author == "resident");
  CHECK(deleted.deleted_by == "modbot");
  CHECK(deleted.content == "SPAM bit.ly/x");
  CHECK(posts[board.Id("reported")].reported);
  CHECK_FALSE(posts[board.Id("reported")].deleted);
  CHECK(guest.published > 0);

  ProfileFacts profile;
  REQUIRE(ParseProfile(board.Page("memberlist_view.html"), &profile, &error));
  CHECK(profile.user_id == board.Id("resident"));
  CHECK(profile.joined);
  CHECK(profile.posts == 3);

  CHECK(ParseMessageSubjects(board.Page("pm_outbox.html")) ==
        std::vector<std::string>{fr ? "Votre message a été masqué" : "Your post was hidden"});
  CHECK(ParseMessageSubjects(board.Page("pm_sentbox.html")).empty());
  CHECK(ParseForm(board.Page("compose.html"), "postform"));
  CHECK_FALSE(IsLoggedIn(board.Page("login.html")));
  REQUIRE(ParseForm(board.Page("login.html"), "login"));

  CHECK(IsAlreadyReported(MessageText(board.Page("report_again.html"))));
  CHECK_FALSE(IsAlreadyReported(MessageText(board.Page("report_done.html"))));
  const std::string fr_form_invalid =
      "Une erreur est survenue lors de l’envoi du formulaire. Veuillez réessayer.";
  CHECK(IsFormInvalid(fr ? fr_form_invalid : "The submitted form was invalid. Try submitting again."));
  CHECK(IsFlood(fr ? "Vous devez patienter quelques instants avant de publier un nouveau message."
                   : "You cannot make another post so soon after your last."));

  std::optional<Form> confirm = ParseForm(board.Page("delete_confirm.html"), "confirm");
  REQUIRE(confirm);
  confirm->hidden.emplace_back("delete_permanent", "1");  // as a form could carry it
  const std::string body =
      ConfirmRequest(Site{"http://127.0.0.1:1"}, *confirm, {{"delete_reason", "r"}}).body;
  CHECK(body.find("delete_permanent") == std::string::npos);
  CHECK(body.find(fr ? "confirm=Oui" : "confirm=Yes") != std::string::npos);
  std::optional<Form> restore = ParseForm(board.Page("restore_confirm.html"), "confirm");
  REQUIRE(restore);
  CHECK(ConfirmRequest(Site{"http://127.0.0.1:1"}, *restore, {}).body.find(
            fr ? "confirm=Oui" : "confirm=Yes") != std::string::npos);
}

TEST_CASE("phpbb real 3.3.15 pages: the report reason, general errors, statuses",
          "[phpbb][pages][real]") {
  const bool fr = GENERATE(false, true);
  RealBoard board(fr ? "fr" : "en");
  INFO("language " << board.lang);
  std::optional<Form> report = ParseForm(board.Page("report.html"), "report");
  REQUIRE(report);
  CHECK(OtherReasonId(*report) == "4");  // install/schemas/schema_data.sql: 'other' is 4
  // mcp.php without quickmod=1: msg_handler's general error.
  CHECK(GeneralError(board.Page("quickmod_without_flag.html")) ==
        (fr ? "Erreur générale: Le module est inaccessible" : "General Error: Module not accessible"));
  CHECK(GeneralError(board.Page("viewtopic.html")).empty());
  // What the adapter reads from statuses, not from words.
  const std::string status = board.Page("STATUS");
  for (const char* line : {"feed_php.html 301", "quickmod_without_flag.html 503",
                           "viewtopic_missing.html 404", "memberlist_missing.html 404",
                           "report_missing.html 404", "report_deleted.html 200",
                           "login_post.html 302"}) {
    CHECK(status.find(line) != std::string::npos);
  }
  CHECK(ParseForm(board.Page("report_deleted.html"), "report"));  // a deleted post is reportable
}

}  // namespace
}  // namespace modbot::phpbb
