// phpBB 3.3's pages as modbot reads and submits them: request builders and
// parsers for the Atom feed and the prosilver style's HTML. No I/O here.
//
// phpBB has no API: every URL, field and marker below is taken from phpBB's own
// source (branch 3.3.x), cited beside each function in phpbb_pages.cc. Only the
// prosilver style and the English and French language packs are recognised.
#ifndef MODBOT_ADAPTERS_PHPBB_PHPBB_PAGES_H_
#define MODBOT_ADAPTERS_PHPBB_PHPBB_PAGES_H_

#include <ctime>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "adapters/http_client.h"

namespace modbot::phpbb {

// --- reading -----------------------------------------------------------------

struct FeedEntry {
  long long post_id = 0;
  std::string author;    // "Anonymous" for a guest's post: see guest
  bool guest = false;    // by a guest: its name is only on the topic page
  std::string title;     // "Forum • Subject" in the overall feed
  std::string category;  // the forum's name, when feed_item_statistics is on
  std::string content;   // rendered HTML of the post (statistics line removed)
  std::time_t published = 0;
  std::time_t updated = 0;  // post_edit_time, or published when never edited
};

// The overall posts feed (app.php/feed), newest first as phpBB sends it.
bool ParseFeed(const std::string& xml, std::vector<FeedEntry>* out, std::string* error);

struct PagePost {
  long long post_id = 0;
  std::string author;
  std::string content;  // inner HTML of div.content
  std::time_t published = 0;
  bool deleted = false;   // soft-deleted (shown to moderators only)
  std::string deleted_by;  // the moderator named in its notice (POST_DELETED_BY), when deleted
  bool reported = false;  // in the report queue
};

struct TopicPage {
  long long topic_id = 0;
  long long forum_id = 0;
  std::string title;
  std::string forum_name;
  std::vector<PagePost> posts;
};

// viewtopic.php: the posts of one page of a topic.
bool ParseTopicPage(const std::string& html, TopicPage* out, std::string* error);

struct ProfileFacts {
  long long user_id = 0;
  std::optional<std::time_t> joined;
  std::optional<int> posts;
};

// memberlist.php?mode=viewprofile.
bool ParseProfile(const std::string& html, ProfileFacts* out, std::string* error);

// ucp.php?i=pm&folder=...: the subjects of the listed private messages.
std::vector<std::string> ParseMessageSubjects(const std::string& html);

struct Form {
  std::string action;  // as written in the page, entities decoded
  std::vector<std::pair<std::string, std::string>> hidden;
  std::map<std::string, std::string> options;  // <option> text -> value, all selects
  std::map<std::string, std::string> submits;  // submit button name -> value
};

// The form with this id (or, when id is "", the first form), or nullopt.
std::optional<Form> ParseForm(const std::string& html, const std::string& id);

// Whether the page was rendered for a logged-in user (prosilver's "Logout" link).
bool IsLoggedIn(const std::string& html);

// The text of a message_body.html page (trigger_error / helper->message), "" when
// the page is not one; of a general error page (E_USER_ERROR, sent with HTTP 503:
// "General Error: Module not accessible"); and the errors shown inside a form
// (<p class="error">).
std::string MessageText(const std::string& html);
std::string GeneralError(const std::string& html);
std::string FormError(const std::string& html);

// What a refusal means. language/en|fr/common.php and posting.php.
bool IsFormInvalid(const std::string& text);  // FORM_INVALID: a stale form token
bool IsFlood(const std::string& text);        // FLOOD_ERROR: wait flood_interval
bool IsAlreadyReported(const std::string& text);  // ALREADY_REPORTED

// The report form's value for the "other" reason (the one for a free text), ""
// when the form has none.
std::string OtherReasonId(const Form& form);

// "2026-11-30 18:53" (the bot account's date format set to "Y-m-d H:i") or
// phpBB's default "D M d, Y g:i a" in English or French ("Mon Nov 30, 2026 6:53 pm",
// "lun. nov. 30, 2026 6:53 pm"), read as UTC.
std::optional<std::time_t> ParseBoardDate(const std::string& text);
// date(DATE_ATOM): "2026-11-30T18:53:43+00:00".
std::optional<std::time_t> ParseAtomDate(const std::string& text);

// A version that is the same whichever page the post was read from: a hash of
// its text with markup and whitespace removed.
std::string ContentVersion(const std::string& html);

// --- requests ----------------------------------------------------------------

struct Site {
  std::string base_url;  // no trailing slash
};

HttpRequest FeedRequest(const Site& site);
HttpRequest TopicPageRequest(const Site& site, long long post_id);
HttpRequest ProfileRequest(const Site& site, const std::string& username);
HttpRequest LoginPageRequest(const Site& site);
HttpRequest LoginRequest(const Site& site, const Form& form, const std::string& username,
                         const std::string& password);
HttpRequest DeletePostRequest(const Site& site, long long post_id, long long topic_id,
                              long long forum_id);
HttpRequest RestorePostRequest(const Site& site, long long post_id, long long forum_id);
// Answers a confirm_box() page (includes/functions.php) with its YES button, sending
// back only the hidden fields that name the action and its posts, and `extra`.
HttpRequest ConfirmRequest(const Site& site, const Form& form,
                           const std::vector<std::pair<std::string, std::string>>& extra);
HttpRequest ReportPageRequest(const Site& site, long long post_id);
HttpRequest ReportRequest(const Site& site, long long post_id, const std::string& reason_id,
                          const std::string& text);
HttpRequest ComposePageRequest(const Site& site, long long user_id);
HttpRequest ComposeRequest(const Site& site, const Form& form, long long user_id,
                           const std::string& subject, const std::string& message);
HttpRequest FolderRequest(const Site& site, const std::string& folder);  // outbox, sentbox

// The absolute URL of a link found in a page ("./mcp.php?..." -> base + "/mcp.php?...").
std::string Absolute(const Site& site, const std::string& link);

std::string DecodeEntities(const std::string& s);

}  // namespace modbot::phpbb

#endif  // MODBOT_ADAPTERS_PHPBB_PHPBB_PAGES_H_
