#include "adapters/phpbb/phpbb_pages.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "adapters/content_version.h"

namespace modbot::phpbb {

namespace {

constexpr const char* kFormType = "application/x-www-form-urlencoded";

std::string Between(const std::string& s, const std::string& open, const std::string& close,
                    size_t from = 0, size_t* end = nullptr) {
  size_t a = s.find(open, from);
  if (a == std::string::npos) return "";
  a += open.size();
  size_t b = s.find(close, a);
  if (b == std::string::npos) return "";
  if (end) *end = b + close.size();
  return s.substr(a, b - a);
}

std::string StripCdata(std::string s) {
  size_t a = s.find("<![CDATA[");
  if (a == std::string::npos) return s;
  size_t b = s.rfind("]]>");
  if (b == std::string::npos || b < a) return s;
  return s.substr(a + 9, b - a - 9);
}

std::string Trim(std::string s) {
  auto space = [](unsigned char c) { return std::isspace(c); };
  while (!s.empty() && space(s.back())) s.pop_back();
  size_t i = 0;
  while (i < s.size() && space(s[i])) ++i;
  return s.substr(i);
}

// Tags removed, entities decoded, runs of white space made one space.
std::string PlainText(const std::string& html) {
  std::string text;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') {
      in_tag = true;
      text += ' ';
    } else if (c == '>') {
      in_tag = false;
    } else if (!in_tag) {
      text += c;
    }
  }
  text = DecodeEntities(text);
  std::string out;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return Trim(out);
}

std::optional<long long> NumberAfter(const std::string& s, const std::string& key,
                                     size_t from = 0) {
  size_t at = s.find(key, from);
  if (at == std::string::npos) return std::nullopt;
  at += key.size();
  size_t end = at;
  while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end]))) ++end;
  if (end == at || end - at > 15) return std::nullopt;
  return std::stoll(s.substr(at, end - at));
}

// The attribute's value in one tag's text ("<input type=\"hidden\" name=...>").
std::string Attribute(const std::string& tag, const std::string& name) {
  for (size_t at = tag.find(name + "=\""); at != std::string::npos;
       at = tag.find(name + "=\"", at + 1)) {
    if (at > 0 && !std::isspace(static_cast<unsigned char>(tag[at - 1]))) continue;
    size_t start = at + name.size() + 2;
    size_t end = tag.find('"', start);
    if (end == std::string::npos) return "";
    return DecodeEntities(tag.substr(start, end - start));
  }
  return "";
}

// The inner HTML of the element whose start tag begins at `open` (a <div>),
// counting nested divs.
std::string InnerDiv(const std::string& html, size_t open) {
  size_t start = html.find('>', open);
  if (start == std::string::npos) return "";
  ++start;
  int depth = 1;
  size_t i = start;
  while (depth > 0) {
    size_t next_open = html.find("<div", i);
    size_t next_close = html.find("</div>", i);
    if (next_close == std::string::npos) return html.substr(start);
    if (next_open != std::string::npos && next_open < next_close) {
      ++depth;
      i = next_open + 4;
    } else {
      --depth;
      i = next_close + 6;
    }
  }
  return html.substr(start, i - 6 - start);
}

std::string Encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += UrlEncode(name) + "=" + UrlEncode(value);
  }
  return body;
}

HttpRequest Get(const Site& site, const std::string& path) {
  return {"GET", site.base_url + path, {}, ""};
}

HttpRequest Post(const std::string& url,
                 const std::vector<std::pair<std::string, std::string>>& fields) {
  return {"POST", url, {{"Content-Type", kFormType}}, Encode(fields)};
}

bool ContainsAny(const std::string& text, std::initializer_list<const char*> needles) {
  return std::any_of(needles.begin(), needles.end(),
                     [&](const char* n) { return text.find(n) != std::string::npos; });
}

}  // namespace

std::string DecodeEntities(const std::string& s) {
  static const std::pair<const char*, const char*> kNamed[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#039;", "'"},
      {"&#39;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "}, {"&raquo;", "\xC2\xBB"}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    bool matched = false;
    if (s[i] == '&') {
      for (const auto& [entity, text] : kNamed) {
        if (s.compare(i, std::strlen(entity), entity) == 0) {
          out += text;
          i += std::strlen(entity);
          matched = true;
          break;
        }
      }
    }
    if (!matched) out += s[i++];
  }
  return out;
}

std::string Absolute(const Site& site, const std::string& link) {
  if (link.rfind("http://", 0) == 0 || link.rfind("https://", 0) == 0) return link;
  std::string path = link;
  if (path.rfind("./", 0) == 0) path = path.substr(1);
  if (path.empty() || path[0] != '/') path = "/" + path;
  return site.base_url + path;
}

std::optional<std::time_t> ParseAtomDate(const std::string& text) {
  // feed/helper.php format_date(): date(\DateTime::ATOM).
  int y, mo, d, h, mi, s, oh = 0, om = 0;
  char sign = '+';
  std::string t = Trim(text);
  if (std::sscanf(t.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%2d:%2d", &y, &mo, &d, &h, &mi, &s, &sign,
                  &oh, &om) < 6) {
    return std::nullopt;
  }
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  std::time_t utc = timegm(&tm);
  const long offset = (oh * 3600L + om * 60L) * (sign == '-' ? -1 : 1);
  return utc - (sign == 'Z' ? 0 : offset);
}

std::optional<std::time_t> ParseBoardDate(const std::string& raw) {
  std::string text = Trim(raw);
  std::tm tm{};
  int y, mo, d, h, mi;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d %2d:%2d", &y, &mo, &d, &h, &mi) == 5) {
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    return timegm(&tm);
  }
  // The installer's "D M d, Y g:i a" with the pack's day and month names
  // (language/en|fr/common.php 'datetime': "Mon Nov 30, 2026 6:53 pm",
  // "lun. nov. 30, 2026 6:53 pm").
  static const char* kMonths[2][12] = {
      {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
      {"janv.", "f\xC3\xA9vr.", "mars", "avr.", "mai", "juin", "juil.", "ao\xC3\xBBt", "sept.",
       "oct.", "nov.", "d\xC3\xA9""c."}};
  char weekday[16], month[16], ampm[4];
  if (std::sscanf(text.c_str(), "%15s %15s %d, %d %d:%d %3s", weekday, month, &d, &y, &h, &mi,
                  ampm) != 7) {
    return std::nullopt;
  }
  int m = -1;
  for (const auto& names : kMonths) {
    for (int i = 0; i < 12; ++i) {
      if (std::strcmp(month, names[i]) == 0) m = i;
    }
  }
  const bool pm = std::strcmp(ampm, "pm") == 0;
  if (m < 0 || h < 1 || h > 12 || (!pm && std::strcmp(ampm, "am") != 0)) return std::nullopt;
  tm.tm_year = y - 1900;
  tm.tm_mon = m;
  tm.tm_mday = d;
  tm.tm_hour = h % 12 + (pm ? 12 : 0);
  tm.tm_min = mi;
  return timegm(&tm);
}

bool ParseFeed(const std::string& xml, std::vector<FeedEntry>* out, std::string* error) {
  // styles/all/template/feed.xml.twig; the fields come from feed/controller/feed.php
  // send_feed_do() and phpbb/feed/post_base.php: the link (and id) is
  // viewtopic.php?p=P#pP since 3.3.5, viewtopic.php?t=T&amp;p=P#pP before.
  out->clear();
  if (xml.find("<feed") == std::string::npos) {
    *error = "not an Atom feed";
    return false;
  }
  size_t pos = 0;
  for (;;) {
    size_t end = 0;
    std::string entry = Between(xml, "<entry>", "</entry>", pos, &end);
    if (end == 0) break;
    pos = end;
    FeedEntry e;
    std::string id = DecodeEntities(Between(entry, "<id>", "</id>"));
    std::optional<long long> post = NumberAfter(id, "?p=");
    if (!post) post = NumberAfter(id, "&p=");
    if (!post) {
      *error = "feed entry id '" + id + "' names no post (viewtopic.php?p=ID)";
      return false;
    }
    e.post_id = *post;
    e.author = StripCdata(Between(entry, "<name>", "</name>"));
    e.title = StripCdata(Between(entry, "<title type=\"html\">", "</title>"));
    size_t category = entry.find("<category ");
    if (category != std::string::npos) {
      e.category = Attribute(entry.substr(category, entry.find('>', category) - category), "label");
    }
    std::optional<std::time_t> published = ParseAtomDate(Between(entry, "<published>", "</published>"));
    std::optional<std::time_t> updated = ParseAtomDate(Between(entry, "<updated>", "</updated>"));
    if (!updated) {
      *error = "feed entry for post " + std::to_string(e.post_id) + " has no valid <updated>";
      return false;
    }
    e.updated = *updated;
    e.published = published.value_or(*updated);
    size_t content_at = entry.find("<content");
    if (content_at == std::string::npos) {
      *error = "feed entry for post " + std::to_string(e.post_id) + " has no <content>";
      return false;
    }
    std::string content = StripCdata(Between(entry, ">", "</content>", content_at));
    // The template appends "<p>{STATISTICS}: …</p>" (feed_item_statistics) and
    // "<hr />"; STATISTICS is language/en/common.php "Statistics", fr "Statistiques".
    content = Trim(content);
    if (content.size() >= 6 && content.compare(content.size() - 6, 6, "<hr />") == 0) {
      content.resize(content.size() - 6);
    }
    for (const char* label : {"<p>Statistics: ", "<p>Statistiques: "}) {
      size_t stats = content.rfind(label);
      if (stats == std::string::npos) continue;
      // feed/post_base.php: the statistics name a member with a link to their
      // profile and a guest by the plain word GUEST; the entry's author is then
      // the anonymous user's name, not the one the guest gave.
      e.guest = content.find("mode=viewprofile", stats) == std::string::npos;
      content.resize(stats);
    }
    e.content = Trim(content);
    out->push_back(std::move(e));
  }
  return true;
}

// The next postrow (<div id="p123" ...), skipping <div id="post_content123">.
size_t NextPostRow(const std::string& html, size_t from) {
  for (size_t at = html.find("<div id=\"p", from); at != std::string::npos;
       at = html.find("<div id=\"p", at + 1)) {
    if (at + 10 < html.size() && std::isdigit(static_cast<unsigned char>(html[at + 10]))) return at;
  }
  return std::string::npos;
}

namespace {

// The moderator named in a soft-deleted post's notice: viewtopic_body.html renders
// it in div#post_hiddenN as L_POST_DELETED_MESSAGE, which viewtopic.php builds
// from POST_DELETED_BY(_REASON) (language/en|fr/common.php): "<strong>%2$s</strong>
// deleted the post by <strong>%1$s</strong> on …", %2$s the moderator. Every
// language pack keeps the moderator first, so the markup names them, not the words.
std::string DeletedBy(const std::string& block, long long post_id) {
  size_t notice = block.find("id=\"post_hidden" + std::to_string(post_id) + "\"");
  if (notice == std::string::npos) return "";
  return PlainText(Between(block, "<strong>", "</strong>", notice));
}

// get_username_string('full') (includes/functions_content.php): a member's name is
// <a … class="username[-coloured]">name</a>, a guest's <span class="username">name</span>.
std::string AuthorName(const std::string& block) {
  size_t author = block.find("class=\"username");
  if (author == std::string::npos) return "";
  return PlainText(Between(block, ">", "</", author));
}

}  // namespace

bool ParseTopicPage(const std::string& html, TopicPage* out, std::string* error) {
  // styles/prosilver/template/viewtopic_body.html and navbar_header.html.
  *out = TopicPage();
  size_t title_at = html.find("<h2 class=\"topic-title\">");
  if (title_at == std::string::npos) {
    *error = "no topic title (h2.topic-title): not a prosilver topic page";
    return false;
  }
  std::string title_link = Between(html, "<a ", "</a>", title_at);
  out->topic_id = NumberAfter(DecodeEntities(title_link), "t=").value_or(0);
  out->title = PlainText(title_link.substr(title_link.find('>') + 1));
  size_t crumb = html.rfind("data-forum-id=\"", title_at);
  if (crumb != std::string::npos) {
    out->forum_id = NumberAfter(html, "data-forum-id=\"", crumb).value_or(0);
    out->forum_name = PlainText(Between(html, "<span itemprop=\"name\">", "</span>", crumb));
  }
  for (size_t at = NextPostRow(html, 0); at != std::string::npos; at = NextPostRow(html, at + 1)) {
    std::string tag = html.substr(at, html.find('>', at) - at);
    std::string classes = " " + Attribute(tag, "class") + " ";
    if (classes.find(" post ") == std::string::npos) continue;
    PagePost post;
    post.post_id = NumberAfter(tag, "id=\"p").value_or(0);
    if (post.post_id == 0) continue;
    post.deleted = classes.find(" deleted ") != std::string::npos;
    post.reported = classes.find(" reported ") != std::string::npos;
    size_t next = NextPostRow(html, at + 1);
    std::string block = html.substr(at, next == std::string::npos ? std::string::npos : next - at);
    post.author = AuthorName(block);
    post.published = ParseAtomDate(Attribute(block.substr(block.find("<time ") == std::string::npos
                                                              ? 0
                                                              : block.find("<time ")),
                                             "datetime"))
                         .value_or(0);
    size_t content = block.find("<div class=\"content\">");
    if (content == std::string::npos) {
      *error = "post " + std::to_string(post.post_id) + " has no div.content";
      return false;
    }
    post.content = Trim(InnerDiv(block, content));
    if (post.deleted) post.deleted_by = DeletedBy(block, post.post_id);
    out->posts.push_back(std::move(post));
  }
  return true;
}

bool ParseProfile(const std::string& html, ProfileFacts* out, std::string* error) {
  // styles/prosilver/template/memberlist_view.html: the PM button links to
  // ucp.php?i=pm&mode=compose&u=ID; JOINED and TOTAL_POSTS are dt/dd pairs
  // (language/en/common.php "Joined", "Total posts"; fr "Inscription", "Nombre
  // total de messages").
  *out = ProfileFacts();
  std::string decoded = DecodeEntities(html);
  std::optional<long long> id = NumberAfter(decoded, "mode=compose&u=");
  if (!id) id = NumberAfter(decoded, "mode=viewprofile&u=");
  if (!id) {
    *error = "no user id on the profile page";
    return false;
  }
  out->user_id = *id;
  for (size_t at = html.find("<dt>"); at != std::string::npos; at = html.find("<dt>", at + 1)) {
    std::string label = PlainText(Between(html, "<dt>", "</dt>", at));
    std::string value = PlainText(Between(html, "<dd>", "</dd>", at));
    if (label.rfind("Joined", 0) == 0 || label.rfind("Inscription", 0) == 0) {
      out->joined = ParseBoardDate(value);
    } else if (label.rfind("Total posts", 0) == 0 ||
               label.rfind("Nombre total de messages", 0) == 0) {
      if (!value.empty() && std::isdigit(static_cast<unsigned char>(value[0]))) {
        out->posts = std::atoi(value.c_str());
      }
    }
  }
  return true;
}

std::vector<std::string> ParseMessageSubjects(const std::string& html) {
  // styles/prosilver/template/ucp_pm_viewfolder.html: <a href=… class="topictitle">.
  std::vector<std::string> subjects;
  for (size_t at = html.find("class=\"topictitle\">"); at != std::string::npos;
       at = html.find("class=\"topictitle\">", at + 1)) {
    subjects.push_back(PlainText(Between(html, ">", "</a>", at)));
  }
  return subjects;
}

std::optional<Form> ParseForm(const std::string& html, const std::string& id) {
  size_t at = id.empty() ? html.find("<form") : html.find("id=\"" + id + "\"");
  if (at == std::string::npos) return std::nullopt;
  at = html.rfind("<form", at);
  if (at == std::string::npos) return std::nullopt;
  size_t end = html.find("</form>", at);
  std::string form_html = html.substr(at, end == std::string::npos ? std::string::npos : end - at);
  Form form;
  form.action = Attribute(form_html.substr(0, form_html.find('>')), "action");
  for (size_t i = form_html.find("<input"); i != std::string::npos;
       i = form_html.find("<input", i + 1)) {
    std::string tag = form_html.substr(i, form_html.find('>', i) - i);
    const std::string type = Attribute(tag, "type");
    if (type == "hidden") {
      form.hidden.emplace_back(Attribute(tag, "name"), Attribute(tag, "value"));
    } else if (type == "submit") {
      form.submits[Attribute(tag, "name")] = Attribute(tag, "value");
    }
  }
  for (size_t i = form_html.find("<option"); i != std::string::npos;
       i = form_html.find("<option", i + 1)) {
    std::string tag = form_html.substr(i, form_html.find('>', i) - i);
    form.options[PlainText(Between(form_html, ">", "</option>", i))] = Attribute(tag, "value");
  }
  return form;
}

bool IsLoggedIn(const std::string& html) {
  // navbar_header.html: the Logout link, ucp.php?mode=logout&sid=…
  return html.find("mode=logout") != std::string::npos;
}

std::string MessageText(const std::string& html) {
  // styles/prosilver/template/message_body.html.
  size_t at = html.find("id=\"message\"");
  if (at == std::string::npos) return "";
  return PlainText(Between(html, "<p>", "</p>", at));
}

std::string GeneralError(const std::string& html) {
  // includes/functions.php msg_handler(), E_USER_ERROR: a page of its own,
  // <body id="errorpage">, the title in <h1> and the message in the next <div>.
  size_t at = html.find("<body id=\"errorpage\"");
  if (at == std::string::npos) return "";
  at = html.find("<div id=\"content\">", at);
  if (at == std::string::npos) return "";
  size_t end = 0;
  std::string title = PlainText(Between(html, "<h1>", "</h1>", at, &end));
  std::string message = end ? PlainText(Between(html, "<div>", "</div>", end)) : "";
  return message.empty() ? title : title + ": " + message;
}

std::string FormError(const std::string& html) {
  std::string errors;
  for (size_t at = html.find("class=\"error\""); at != std::string::npos;
       at = html.find("class=\"error\"", at + 1)) {
    std::string text = PlainText(Between(html, ">", "</", at));
    if (!text.empty()) errors += (errors.empty() ? "" : " ") + text;
  }
  return errors;
}

bool IsFormInvalid(const std::string& text) {
  // FORM_INVALID, language/en|fr/common.php.
  return ContainsAny(text, {"The submitted form was invalid",
                            "Une erreur est survenue lors de l\xE2\x80\x99" "envoi du formulaire"});
}

bool IsFlood(const std::string& text) {
  // FLOOD_ERROR, language/en|fr/posting.php.
  return ContainsAny(text, {"You cannot make another post so soon after your last",
                            "Vous devez patienter quelques instants avant de publier"});
}

bool IsAlreadyReported(const std::string& text) {
  // ALREADY_REPORTED, language/en|fr/mcp.php.
  return ContainsAny(text, {"This post has already been reported",
                            "Ce message a d\xC3\xA9j\xC3\xA0 \xC3\xA9t\xC3\xA9 rapport\xC3\xA9"});
}

std::string OtherReasonId(const Form& form) {
  // report_reasons: the installer's "other" reason (install/schemas/schema_data.sql,
  // reason_title 'other'); report_body.html lists each reason by its description,
  // language/en|fr/mcp.php report_reasons DESCRIPTION OTHER.
  for (const char* description :
       {"The reported message does not fit into any other category",
        "Le message rapport\xC3\xA9 ne correspond \xC3\xA0 aucune cat\xC3\xA9gorie"}) {
    for (const auto& [text, value] : form.options) {
      if (text.rfind(description, 0) == 0) return value;
    }
  }
  return "";
}

std::string ContentVersion(const std::string& html) {
  // The text only: the feed and the topic page render the same post with different
  // URLs (absolute in the feed) but the same words.
  //
  // Upgrading from a modbot whose hash had a wrong offset basis (1469598103934665603,
  // one digit short) changes every stored phpBB version once. Posts older than the
  // edit window are never read again, so nothing happens to them. Each post still in
  // the window reads as edited and is judged again, once; the one-notice-per-post
  // invariant holds (the outbox's unique notice index and notices_sent). The new
  // judgement is otherwise a full one: the outbox keys a hide or a report by version,
  // so a post judged hide that a moderator restored is hidden again, a forum report a
  // moderator closed is filed again, and the post's local review entry reopens.
  return ContentHash(PlainText(html));
}

HttpRequest FeedRequest(const Site& site) {
  // config/default/routing/feed.yml: /feed/{mode} -> overall; app.php/feed is the
  // board-wide posts feed (feed/overall.php, feed_limit_post items).
  return Get(site, "/app.php/feed");
}

HttpRequest TopicPageRequest(const Site& site, long long post_id) {
  // viewtopic.php?p=ID shows the page of the topic that holds the post.
  return Get(site, "/viewtopic.php?p=" + std::to_string(post_id));
}

HttpRequest ProfileRequest(const Site& site, const std::string& username) {
  // memberlist.php: mode=viewprofile with un= (a username) instead of u= (an id).
  return Get(site, "/memberlist.php?mode=viewprofile&un=" + UrlEncode(username));
}

HttpRequest LoginPageRequest(const Site& site) { return Get(site, "/ucp.php?mode=login"); }

HttpRequest LoginRequest(const Site& site, const Form& form, const std::string& username,
                         const std::string& password) {
  // includes/functions.php login_box(): username, password, login (the submit
  // button), and the hidden sid, redirect, creation_time, form_token ('login').
  std::vector<std::pair<std::string, std::string>> fields = form.hidden;
  fields.emplace_back("username", username);
  fields.emplace_back("password", password);
  fields.emplace_back("login", "Login");
  return Post(site.base_url + "/ucp.php?mode=login", fields);
}

HttpRequest DeletePostRequest(const Site& site, long long post_id, long long topic_id,
                              long long forum_id) {
  // mcp.php quickmod, includes/mcp/mcp_main.php 'delete_post' -> mcp_delete_post(),
  // which answers with confirm_box(false, ..., 'confirm_delete_body.html'). mcp.php
  // treats the request as quickmod only when "quickmod" is present; without it the
  // main module refuses (503 "Module not accessible").
  return Get(site, "/mcp.php?i=main&mode=quickmod&quickmod=1&action=delete_post&f=" +
                       std::to_string(forum_id) + "&t=" + std::to_string(topic_id) +
                       "&p=" + std::to_string(post_id));
}

HttpRequest RestorePostRequest(const Site& site, long long post_id, long long forum_id) {
  // includes/mcp/mcp_queue.php, action 'restore' on post_id_list (the "deleted
  // posts" queue); it too answers with a confirm_box().
  return Get(site, "/mcp.php?i=queue&mode=deleted_posts&action=restore&f=" +
                       std::to_string(forum_id) + "&post_id_list%5B%5D=" + std::to_string(post_id));
}

HttpRequest ConfirmRequest(const Site& site, const Form& form,
                           const std::vector<std::pair<std::string, std::string>>& extra) {
  // confirm_box(true) (includes/functions.php) checks confirm == the board
  // language's YES (the form's own "confirm" button: "Yes", "Oui"), confirm_uid ==
  // user id, sess == session id and confirm_key (in the form's action URL) ==
  // user_last_confirm_key. Of the hidden fields only those naming the action and
  // its post go back: never a field this code does not know (mcp_main.php's
  // delete_permanent) and not "redirect", which phpBB refuses when it is not
  // a path it trusts.
  static const char* kMeant[] = {"confirm_uid", "sess", "sid", "i", "mode", "action", "f"};
  std::vector<std::pair<std::string, std::string>> fields;
  for (const auto& [name, value] : form.hidden) {
    const bool meant = name.rfind("post_id_list[", 0) == 0 ||
                       std::any_of(std::begin(kMeant), std::end(kMeant),
                                   [&](const char* m) { return name == m; });
    if (meant) fields.emplace_back(name, value);
  }
  fields.insert(fields.end(), extra.begin(), extra.end());
  auto yes = form.submits.find("confirm");
  fields.emplace_back("confirm", yes == form.submits.end() ? "Yes" : yes->second);
  return Post(Absolute(site, form.action), fields);
}

HttpRequest ReportPageRequest(const Site& site, long long post_id) {
  // config/default/routing/report.yml: /post/{id}/report (phpbb/report/controller).
  return Get(site, "/app.php/post/" + std::to_string(post_id) + "/report");
}

HttpRequest ReportRequest(const Site& site, long long post_id, const std::string& reason_id,
                          const std::string& text) {
  // phpbb/report/controller/report.php handle(): reason_id, report_text, notify,
  // submit. The "other" reason needs a text (EMPTY_REPORT otherwise).
  return Post(site.base_url + "/app.php/post/" + std::to_string(post_id) + "/report",
              {{"reason_id", reason_id}, {"report_text", text}, {"submit", "Submit"}});
}

HttpRequest ComposePageRequest(const Site& site, long long user_id) {
  // includes/ucp/ucp_pm_compose.php: u= puts the user in address_list.
  return Get(site, "/ucp.php?i=pm&mode=compose&u=" + std::to_string(user_id));
}

HttpRequest ComposeRequest(const Site& site, const Form& form, long long user_id,
                           const std::string& subject, const std::string& message) {
  // ucp_pm_compose.php: submit is the "post" button; address_list[u][ID]=to,
  // subject, message; check_form_key('ucp_pm_compose') reads creation_time and
  // form_token from the hidden fields.
  std::vector<std::pair<std::string, std::string>> fields;
  for (const auto& [name, value] : form.hidden) {
    if (name.rfind("address_list", 0) != 0) fields.emplace_back(name, value);
  }
  fields.emplace_back("address_list[u][" + std::to_string(user_id) + "]", "to");
  fields.emplace_back("subject", subject);
  fields.emplace_back("message", message);
  fields.emplace_back("post", "Submit");
  return Post(site.base_url + "/ucp.php?i=pm&mode=compose", fields);
}

HttpRequest FolderRequest(const Site& site, const std::string& folder) {
  // ucp_pm.php: folder=outbox (not yet delivered) or sentbox.
  return Get(site, "/ucp.php?i=pm&folder=" + folder);
}

}  // namespace modbot::phpbb
