#include "sample/phpbb/phpbb_sample.h"

#include <httplib.h>

#include "sample/common/loopback_server.h"
#include "sample/common/utc_time.h"

#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

namespace modbot::sample {

namespace {

using SysClock = std::chrono::system_clock;

constexpr long long kAnonymous = 1;       // includes/constants.php ANONYMOUS
constexpr int kPostsPerPage = 10;         // config posts_per_page default
constexpr int kFormTokenLifetime = 7200;  // config form_token_lifetime default

// date(DATE_ATOM), as feed/helper.php format_date() writes it.
std::string AtomDate(SysClock::time_point t) { return FormatUtc(t, "%Y-%m-%dT%H:%M:%S+00:00"); }

// The English default_dateformat "D M d, Y g:i a" (language/en/common.php), UTC.
std::string BoardDate(SysClock::time_point t) {
  std::time_t tt = SysClock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char day[32];
  std::strftime(day, sizeof day, "%a %b %d, %Y", &tm);
  int hour = tm.tm_hour % 12 == 0 ? 12 : tm.tm_hour % 12;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %d:%02d %s", day, hour, tm.tm_min, tm.tm_hour < 12 ? "am" : "pm");
  return buf;
}

std::string Hex(size_t h) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%016zx", h);
  return buf;
}

}  // namespace

struct PhpbbSample::Impl {
  struct User {
    long long id = 0;
    SampleUser facts;
    std::string form_salt;
    SysClock::time_point joined;
    std::string last_confirm_key;  // users.user_last_confirm_key
    SysClock::time_point last_pm{};
  };
  struct Topic {
    long long id = 0;
    long long forum_id = 0;
    std::string title;
  };
  struct SentMessage {
    PhpbbMessage message;
    SysClock::time_point sent;
  };

  std::string moderator;
  std::string password;
  std::string cookie_name = "phpbb3_k4x9q";  // config cookie_name: "phpbb3_" + 5 random
  mutable std::mutex mu;
  std::map<std::string, User> users;  // by username
  std::map<long long, std::string> forums;
  std::map<long long, Topic> topics;
  std::map<long long, PhpbbPost> posts;
  std::vector<SentMessage> messages;
  std::map<std::string, long long> sessions;  // session id -> user id
  std::map<std::string, std::string> session_agents;  // session id -> User-Agent
  // What clients did, for the tests: every User-Agent seen; the shortest time
  // between a form page served to a session and that session's next POST.
  std::set<std::string> user_agents;
  std::map<std::string, SysClock::time_point> form_served;
  std::chrono::milliseconds shortest_form_wait = std::chrono::milliseconds::max();
  long long next_user = 2, next_post = 1, next_topic = 1;
  PhpbbFaults faults;
  std::mt19937_64 rng{7};
  long long requests = 0;
  int logins = 0;
  std::string base;

  LoopbackServer server{[this](const httplib::Request& req, httplib::Response& res) {
    Handle(req, res);
  }};

  bool Roll(double rate) {
    return rate > 0 && std::uniform_real_distribution<double>(0, 1)(rng) < rate;
  }
  std::string RandomId(int n) {
    static const char* kChars = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string s;
    for (int i = 0; i < n; ++i) s += kChars[rng() % 36];
    return s;
  }

  User* UserById(long long id) {
    for (auto& [name, u] : users) {
      if (u.id == id) return &u;
    }
    return nullptr;
  }

  void AddUserLocked(const SampleUser& facts) {
    User u;
    auto it = users.find(facts.username);
    u.id = it == users.end() ? next_user++ : it->second.id;
    u.facts = facts;
    u.form_salt = RandomId(16);
    u.joined = SysClock::now() - std::chrono::hours(24) * facts.account_age_days;
    users[facts.username] = u;
  }

  long long AddPostLocked(long long topic_id, const std::string& username, const std::string& html,
                          SysClock::time_point at) {
    if (!users.count(username)) AddUserLocked(SampleUser{username});
    PhpbbPost p;
    p.id = next_post++;
    p.topic_id = topic_id;
    p.username = username;
    p.html = html;
    p.created_at = at;
    posts[p.id] = p;
    return p.id;
  }

  // --- sessions (phpbb/session.php: cookies {cookie_name}_sid, _u, _k) ---

  std::string SessionId(const httplib::Request& req) {
    const std::string cookies = req.get_header_value("Cookie");
    const std::string key = cookie_name + "_sid=";
    size_t at = cookies.find(key);
    if (at == std::string::npos) return "";
    size_t end = cookies.find(';', at);
    return cookies.substr(at + key.size(), end == std::string::npos ? std::string::npos
                                                                      : end - at - key.size());
  }

  long long CurrentUser(const std::string& sid) {
    auto it = sessions.find(sid);
    return it == sessions.end() ? kAnonymous : it->second;
  }

  std::string NewSession(httplib::Response& res, long long user_id) {
    std::string sid = RandomId(32);
    sessions[sid] = user_id;
    // phpbb/session.php set_cookie(): "; domain=" cookie_domain, which the
    // installer sets to the server name: 127.0.0.1 here, as on the real test board.
    const std::string attributes = "; domain=127.0.0.1; path=/; HttpOnly";
    res.set_header("Set-Cookie", cookie_name + "_sid=" + sid + attributes);
    res.headers.emplace("Set-Cookie", cookie_name + "_u=" + std::to_string(user_id) + attributes);
    res.headers.emplace("Set-Cookie", cookie_name + "_k=" + attributes);
    return sid;
  }

  // add_form_key() / check_form_key() of includes/functions.php; phpBB hashes with
  // sha1, the sample with std::hash: the token is opaque to clients either way.
  std::string FormToken(long long creation, long long user_id, const std::string& form,
                        const std::string& sid) {
    User* u = UserById(user_id);
    const std::string salt = u ? u->form_salt : "guest-salt";
    const std::string token_sid = user_id == kAnonymous ? sid : "";
    return Hex(std::hash<std::string>()(std::to_string(creation) + salt + form + token_sid));
  }
  std::string FormKeyFields(long long user_id, const std::string& form, const std::string& sid) {
    long long now = SysClock::to_time_t(SysClock::now());
    return "<input type=\"hidden\" name=\"creation_time\" value=\"" + std::to_string(now) +
           "\" />\n<input type=\"hidden\" name=\"form_token\" value=\"" +
           FormToken(now, user_id, form, sid) + "\" />\n";
  }
  bool CheckFormKey(const httplib::Request& req, long long user_id, const std::string& form,
                    const std::string& sid) {
    if (!req.has_param("creation_time") || !req.has_param("form_token")) return false;
    if (Roll(faults.rate_form_invalid)) return false;
    long long creation = std::atoll(req.get_param_value("creation_time").c_str());
    long long diff = SysClock::to_time_t(SysClock::now()) - creation;
    // "If creation_time and the time() now is zero we can assume it was not a human"
    if (diff <= 0 || diff > kFormTokenLifetime) return false;
    return req.get_param_value("form_token") == FormToken(creation, user_id, form, sid);
  }

  // --- pages (styles/prosilver/template) ---

  std::string Page(const std::string& title, const std::string& body, long long user_id,
                   const std::string& sid, const std::string& crumbs = "") {
    // overall_header.html + navbar_header.html: the Logout link only for members.
    std::string account =
        user_id == kAnonymous
            ? "<a href=\"./ucp.php?mode=login&amp;sid=" + sid + "\" title=\"Login\" accesskey=\"x\" "
              "role=\"menuitem\"><i class=\"icon fa-power-off fa-fw\" aria-hidden=\"true\"></i>"
              "<span>Login</span></a>"
            : "<a href=\"./ucp.php?mode=logout&amp;sid=" + sid + "\" title=\"Logout\" "
              "accesskey=\"x\" role=\"menuitem\"><i class=\"icon fa-power-off fa-fw\" "
              "aria-hidden=\"true\"></i><span>Logout [ " + EscapeHtml(UserById(user_id)->facts.username) +
              " ]</span></a>";
    return "<!DOCTYPE html>\n<html dir=\"ltr\" lang=\"en-gb\">\n<head>\n<meta charset=\"utf-8\" />\n"
           "<title>Côte Saint-Luc forum - " + EscapeHtml(title) + "</title>\n</head>\n"
           "<body id=\"phpbb\" class=\"nojs notouch section-index ltr \">\n<div id=\"wrap\" "
           "class=\"wrap\">\n<div class=\"navbar\" role=\"navigation\"><ul id=\"nav-main\" "
           "class=\"nav-main linklist\" role=\"menubar\"><li>" + account + "</li></ul>\n"
           "<ul id=\"nav-breadcrumbs\" class=\"nav-breadcrumbs linklist navlinks\" role=\"menubar\">"
           "<li class=\"breadcrumbs\" itemscope itemtype=\"https://schema.org/BreadcrumbList\">"
           "<span class=\"crumb\" itemtype=\"https://schema.org/ListItem\" itemprop=\"itemListElement\" "
           "itemscope><a itemprop=\"item\" href=\"./index.php\" accesskey=\"h\" data-navbar-reference="
           "\"index\"><span itemprop=\"name\">Board index</span></a></span>" + crumbs +
           "</li></ul></div>\n<div id=\"page-body\" class=\"page-body\" role=\"main\">\n" + body +
           "\n</div>\n</div>\n</body>\n</html>\n";
  }

  // message_body.html, as trigger_error() and controller helper->message() render it.
  void Message(httplib::Response& res, int status, const std::string& title,
               const std::string& text, long long user_id, const std::string& sid) {
    res.status = status;
    res.set_content(Page(title, "<div class=\"panel\" id=\"message\" role=\"alert\">\n<div "
                                "class=\"inner\">\n<h2 class=\"message-title\">" + title +
                                "</h2>\n<p>" + text + "</p>\n</div>\n</div>",
                         user_id, sid),
                    "text/html; charset=UTF-8");
  }

  // includes/functions.php msg_handler(), E_USER_ERROR: HTTP 503 and a bare page.
  void GeneralError(httplib::Response& res, const std::string& text) {
    res.status = 503;
    res.set_content("<!DOCTYPE html><html dir=\"ltr\"><head><meta charset=\"utf-8\"><title>"
                    "General Error</title></head><body id=\"errorpage\"><div id=\"wrap\"><div "
                    "id=\"acp\"><div class=\"panel\"><div id=\"content\"><h1>General Error</h1>"
                    "<div>" + text + "</div></div></div></div></div></body></html>",
                    "text/html; charset=UTF-8");
  }

  void Html(httplib::Response& res, const std::string& html) {
    res.status = 200;
    res.set_content(html, "text/html; charset=UTF-8");
  }

  std::string Subject(const PhpbbPost& p) {
    const Topic& t = topics.at(p.topic_id);
    for (const auto& [id, other] : posts) {
      if (other.topic_id == p.topic_id) return id == p.id ? t.title : "Re: " + t.title;
    }
    return t.title;
  }

  // --- routes ---

  void Handle(const httplib::Request& req, httplib::Response& res) {
    int slow = 0;
    {
      std::lock_guard<std::mutex> lock(mu);
      ++requests;
      if (Roll(faults.rate_503)) {
        res.status = 503;
        res.set_content("<html><body><h1>503 Service Unavailable</h1></body></html>", "text/html");
        return;
      }
      if (Roll(faults.rate_expire_session)) sessions.clear();
      if (Roll(faults.rate_slow)) slow = faults.slow_ms;
    }
    if (slow) std::this_thread::sleep_for(std::chrono::milliseconds(slow));
    std::lock_guard<std::mutex> lock(mu);
    std::string sid = SessionId(req);
    const std::string agent = req.get_header_value("User-Agent");
    user_agents.insert(agent);
    auto seen_agent = session_agents.find(sid);
    if (seen_agent != session_agents.end() && seen_agent->second != agent) {
      // phpbb/session.php session_begin(): browser_check (on by default) ends a
      // session asked for by another User-Agent; the visitor is a guest again.
      sessions.erase(sid);
    }
    if (req.method == "POST" && form_served.count(sid)) {
      shortest_form_wait = std::min(shortest_form_wait, std::chrono::duration_cast<std::chrono::milliseconds>(
                                                            SysClock::now() - form_served[sid]));
    }
    long long user = CurrentUser(sid);
    if (user == kAnonymous && !sessions.count(sid)) sid = NewSession(res, kAnonymous);
    session_agents[sid] = agent;
    Route(req, res, sid, user);
    if (req.method == "GET" && res.body.find("method=\"post\"") != std::string::npos) {
      form_served[sid] = SysClock::now();
    }
  }

  void Route(const httplib::Request& req, httplib::Response& res, const std::string& sid,
             long long user) {
    const std::string& path = req.path;
    auto param = [&](const char* name) { return req.get_param_value(name); };
    auto number = [&](const char* name) { return std::atoll(param(name).c_str()); };

    if (path == "/feed.php") {
      // feed.php (3.3): a 301 to the routed feed, controller feed.yml.
      res.status = 301;
      res.set_header("Location", base + "/app.php/feed");
      return;
    }
    if (path == "/app.php/feed") return Feed(res, user);
    if (path == "/viewtopic.php") return ViewTopic(res, number("p"), user, sid);
    if (path == "/memberlist.php" && param("mode") == "viewprofile") {
      return Profile(res, param("un"), user, sid);
    }
    if (path == "/ucp.php" && param("mode") == "login") return Login(req, res, user, sid);
    if (path == "/ucp.php" && param("i") == "pm") return PrivateMessages(req, res, user, sid);
    if (path == "/mcp.php") return Moderate(req, res, user, sid);
    if (path.rfind("/app.php/post/", 0) == 0 && path.size() > 21 &&
        path.compare(path.size() - 7, 7, "/report") == 0) {
      return Report(req, res, std::atoll(path.c_str() + 14), user, sid);
    }
    // phpbb/controller/helper.php: PAGE_NOT_FOUND as an http_exception.
    Message(res, 404, "Information", "The page you requested does not exist.", user, sid);
  }

  void Feed(httplib::Response& res, long long user) {
    // feed/overall.php + feed.xml.twig: newest feed_limit_post posts; moderators
    // (m_approve) also see soft-deleted ones (content_visibility).
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
        "xml:lang=\"en-gb\">\n<link rel=\"self\" type=\"application/atom+xml\" href=\"" + base +
        "/app.php/feed\" />\n<title>Côte Saint-Luc forum</title>\n<link href=\"" + base +
        "/index.php\" />\n<updated>" + AtomDate(SysClock::now()) + "</updated>\n<author><name>"
        "<![CDATA[Côte Saint-Luc forum]]></name></author>\n<id>" + base + "/app.php/feed</id>\n";
    int n = 0;
    for (auto it = posts.rbegin(); it != posts.rend() && n < faults.feed_limit; ++it) {
      const PhpbbPost& p = it->second;
      if (p.deleted && user == kAnonymous) continue;
      ++n;
      const Topic& t = topics.at(p.topic_id);
      const std::string& forum = forums.at(t.forum_id);
      // phpbb/feed/post_base.php (3.3.5 on): the link names the post only.
      const std::string link =
          base + "/viewtopic.php?p=" + std::to_string(p.id) + "#p" + std::to_string(p.id);
      xml += "<entry>\n<author><name><![CDATA[" + p.username + "]]></name></author>\n<updated>" +
             (p.edited_at ? AtomDate(*p.edited_at) + " " : AtomDate(p.created_at)) +
             "</updated>\n<published>" + AtomDate(p.created_at) + "</published>\n<id>" + link +
             "</id>\n<link href=\"" + link + "\"/>\n<title type=\"html\"><![CDATA[" + forum +
             " \xE2\x80\xA2 " + Subject(p) + "]]></title>\n<category term=\"" + EscapeHtml(forum) +
             "\" scheme=\"" + base + "/viewforum.php?f=" + std::to_string(t.forum_id) +
             "\" label=\"" + EscapeHtml(forum) + "\"/>\n<content type=\"html\" xml:base=\"" + link +
             "\"><![CDATA[\n" + p.html + "<p>Statistics: Posted by <a href=\"" + base +
             "/memberlist.php?mode=viewprofile&amp;u=" + std::to_string(users.at(p.username).id) +
             "\">" + EscapeHtml(p.username) + "</a> — " + BoardDate(p.created_at) +
             "</p><hr />\n]]></content>\n</entry>\n";
    }
    xml += "</feed>\n";
    res.status = 200;
    res.set_content(xml, "application/atom+xml; charset=UTF-8");
  }

  void ViewTopic(httplib::Response& res, long long post_id, long long user,
                 const std::string& sid) {
    auto found = posts.find(post_id);
    if (found == posts.end() || (found->second.deleted && user == kAnonymous)) {
      // viewtopic.php: send_status_line(404) + trigger_error('NO_TOPIC') for a post
      // that does not exist (language/en/common.php NO_TOPIC).
      return Message(res, 404, "Information", "The requested topic does not exist.", user, sid);
    }
    const Topic& t = topics.at(found->second.topic_id);
    std::vector<const PhpbbPost*> in_topic;
    for (const auto& [id, p] : posts) {
      if (p.topic_id == t.id && (!p.deleted || user != kAnonymous)) in_topic.push_back(&p);
    }
    size_t index = 0;
    while (in_topic[index]->id != post_id) ++index;
    const size_t start = index / kPostsPerPage * kPostsPerPage;
    std::string body = "<h2 class=\"topic-title\"><a href=\"./viewtopic.php?t=" +
                       std::to_string(t.id) + "&amp;start=" + std::to_string(start) + "\">" +
                       EscapeHtml(t.title) + "</a></h2>\n";
    for (size_t i = start; i < in_topic.size() && i < start + kPostsPerPage; ++i) {
      const PhpbbPost& p = *in_topic[i];
      const User& u = users.at(p.username);
      const std::string id = std::to_string(p.id);
      const std::string profile =
          "./memberlist.php?mode=viewprofile&amp;u=" + std::to_string(u.id);
      body += "<div id=\"p" + id + "\" class=\"post has-profile " + (i % 2 ? "bg1" : "bg2") +
              (p.reports.empty() ? "" : " reported") + (p.deleted ? " deleted" : "") +
              "\">\n<div class=\"inner\">\n<dl class=\"postprofile\" id=\"profile" + id +
              "\">\n<dt class=\"no-profile-rank no-avatar\"><a href=\"" + profile +
              "\" class=\"username\">" + EscapeHtml(p.username) + "</a></dt>\n<dd class=\"profile-posts\">"
              "<strong>Posts:</strong> <a href=\"./search.php?author_id=" + std::to_string(u.id) +
              "&amp;sr=posts\">" + std::to_string(u.facts.post_count) + "</a></dd>\n<dd "
              "class=\"profile-joined\"><strong>Joined:</strong> " + BoardDate(u.joined) +
              "</dd>\n</dl>\n<div class=\"postbody\">\n<div id=\"post_content" + id + "\">\n"
              "<h3 class=\"first\"><a href=\"./viewtopic.php?p=" + id + "#p" + id + "\">" +
              EscapeHtml(Subject(p)) + "</a></h3>\n<p class=\"author\"><a class=\"unread\" href=\""
              "./viewtopic.php?p=" + id + "#p" + id + "\" title=\"Post\"><i class=\"icon fa-file "
              "fa-fw icon-lightgray icon-md\" aria-hidden=\"true\"></i><span class=\"sr-only\">Post"
              "</span></a> <span class=\"responsive-hide\">by <strong><a href=\"" + profile +
              "\" class=\"username\">" + EscapeHtml(p.username) + "</a></strong> &raquo; </span>"
              "<time datetime=\"" + AtomDate(p.created_at) + "\">" + BoardDate(p.created_at) +
              "</time></p>\n" +
              // viewtopic_body.html's div#post_hiddenN with viewtopic.php's
              // POST_DELETED_BY_REASON (language/en/common.php): the moderator first.
              (p.deleted ? "<div class=\"ignore\" id=\"post_hidden" + id + "\"><strong><a href=\"" +
                               "./memberlist.php?mode=viewprofile&amp;u=" +
                               std::to_string(users.count(p.deleted_by) ? users.at(p.deleted_by).id : 0) +
                               "\" class=\"username\">" + EscapeHtml(p.deleted_by) +
                               "</a></strong> deleted the post by <strong><a href=\"" + profile +
                               "\" class=\"username\">" + EscapeHtml(p.username) + "</a></strong> on " +
                               BoardDate(SysClock::now()) + " for the following reason: " +
                               EscapeHtml(p.delete_reason) + "<br></div>\n"
                         : "") +
              "<div class=\"content\">" + p.html + "</div>\n" +
              (p.edited_at ? "<div class=\"notice\">Last edited by <a href=\"" + profile +
                                 "\" class=\"username\">" + EscapeHtml(p.username) + "</a> on " +
                                 BoardDate(*p.edited_at) + ", edited 1 time in total.</div>\n"
                           : "") +
              "</div>\n</div>\n</div>\n</div>\n<hr class=\"divider\" />\n";
    }
    const std::string crumb =
        "<span class=\"crumb\" itemtype=\"https://schema.org/ListItem\" itemprop=\"itemListElement\" "
        "itemscope data-forum-id=\"" + std::to_string(t.forum_id) + "\"><a itemprop=\"item\" "
        "href=\"./viewforum.php?f=" + std::to_string(t.forum_id) + "\"><span itemprop=\"name\">" +
        EscapeHtml(forums.at(t.forum_id)) + "</span></a></span>";
    Html(res, Page(t.title, body, user, sid, crumb));
  }

  void Profile(httplib::Response& res, const std::string& username, long long user,
               const std::string& sid) {
    auto it = users.find(username);
    if (it == users.end()) {
      // memberlist.php: trigger_error('NO_USER').
      return Message(res, 404, "Information", "The requested user does not exist.", user, sid);
    }
    const User& u = it->second;
    const std::string uid = std::to_string(u.id);
    Html(res, Page("Viewing profile - " + username,
                   "<h2 class=\"memberlist-title\">Viewing profile - " + EscapeHtml(username) +
                       "</h2>\n<div class=\"panel bg1\"><div class=\"inner\">\n<dl class=\"left-box "
                       "details profile-details\"><dt>Username:</dt><dd><span>" + EscapeHtml(username) +
                       "</span></dd></dl>\n<a href=\"./ucp.php?i=pm&amp;mode=compose&amp;u=" + uid +
                       "\" class=\"button\">Send private message</a>\n</div></div>\n<div class=\""
                       "panel bg2\"><div class=\"inner\"><h3>User statistics</h3>\n<dl class=\""
                       "details\">\n<dt>Joined:</dt> <dd>" + BoardDate(u.joined) + "</dd>\n"
                       "<dt>Last active:</dt> <dd>" + BoardDate(SysClock::now()) + "</dd>\n"
                       "<dt>Total posts:</dt>\n<dd>" + std::to_string(u.facts.post_count) +
                       " | <strong><a href=\"./search.php?author_id=" + uid + "&amp;sr=posts\">"
                       "Search user’s posts</a></strong></dd>\n</dl>\n</div></div>",
                   user, sid));
  }

  std::string LoginForm(long long user, const std::string& sid, const std::string& error) {
    // login_body.html; hidden fields from login_box() (sid, redirect) and
    // add_form_key('login') (S_FORM_TOKEN_LOGIN).
    return Page("Login",
                "<form action=\"./ucp.php?mode=login\" method=\"post\" id=\"login\" "
                "data-focus=\"username\">\n<div class=\"panel\"><div class=\"inner\"><div "
                "class=\"content\">\n<h2 class=\"login-title\">Login</h2>\n<fieldset "
                "class=\"fields1\">\n" +
                    (error.empty() ? "" : "<div class=\"error\">" + error + "</div>\n") +
                    "<dl><dt><label for=\"username\">Username:</label></dt><dd><input "
                    "type=\"text\" tabindex=\"1\" name=\"username\" id=\"username\" size=\"25\" "
                    "value=\"\" class=\"inputbox autowidth\" /></dd></dl>\n<dl><dt><label "
                    "for=\"password\">Password:</label></dt><dd><input type=\"password\" "
                    "tabindex=\"2\" id=\"password\" name=\"password\" size=\"25\" class=\"inputbox "
                    "autowidth\" autocomplete=\"off\" /></dd></dl>\n" +
                    FormKeyFields(user, "login", sid) +
                    "<dl><dt>&nbsp;</dt><dd><input type=\"hidden\" name=\"sid\" value=\"" + sid +
                    "\" />\n<input type=\"hidden\" name=\"redirect\" value=\"./ucp.php?mode=login"
                    "\" />\n<input type=\"submit\" name=\"login\" tabindex=\"6\" value=\"Login\" "
                    "class=\"button1\" /></dd></dl>\n</fieldset>\n</div></div></div>\n</form>",
                user, sid);
  }

  void Login(const httplib::Request& req, httplib::Response& res, long long user,
             const std::string& sid) {
    if (req.method != "POST" || !req.has_param("login")) return Html(res, LoginForm(user, sid, ""));
    // login_box(): check_form_key('login') first (FORM_INVALID), then auth->login().
    if (!CheckFormKey(req, user, "login", sid)) {
      return Html(res, LoginForm(user, sid, "The submitted form was invalid. Try submitting again."));
    }
    auto it = users.find(req.get_param_value("username"));
    if (it == users.end() || it->first != moderator || req.get_param_value("password") != password) {
      // language/en/common.php LOGIN_ERROR_PASSWORD.
      return Html(res, LoginForm(user, sid, "You have specified an incorrect password. Please "
                                            "check your password and try again. If you continue "
                                            "to have problems please contact the Board Administrator."));
    }
    ++logins;
    sessions.erase(sid);
    NewSession(res, it->second.id);
    // redirect($redirect): a 302 to the page named in the form.
    res.status = 302;
    res.set_header("Location", base + "/index.php");
  }

  void Moderate(const httplib::Request& req, httplib::Response& res, long long user,
                const std::string& sid) {
    if (user == kAnonymous) {
      // mcp.php: a guest gets login_box() (LOGIN_EXPLAIN_MCP).
      return Html(res, LoginForm(user, sid, ""));
    }
    User& mod = *UserById(user);
    const std::string action = req.get_param_value("action");
    if (req.get_param_value("mode") == "quickmod" && !req.has_param("quickmod")) {
      // mcp.php: without "quickmod" the request goes to the main module's quickmod
      // mode, which has no page: trigger_error('MODULE_NOT_ACCESS', E_USER_ERROR).
      return GeneralError(res, "Module not accessible");
    }
    std::vector<long long> ids;
    if (req.has_param("p")) ids.push_back(std::atoll(req.get_param_value("p").c_str()));
    for (const char* key : {"post_id_list[]", "post_id_list[0]"}) {
      if (req.has_param(key)) ids.push_back(std::atoll(req.get_param_value(key).c_str()));
    }
    if ((action != "delete_post" && action != "restore") || ids.empty()) {
      return Message(res, 200, "Information", "No post selected.", user, sid);
    }
    auto post = posts.find(ids.front());
    if (post == posts.end()) {
      return Message(res, 200, "Information", "The requested post does not exist.", user, sid);
    }
    // confirm_box(true): confirm == YES, confirm_uid, sess and confirm_key all match.
    if (req.method == "POST" && req.get_param_value("confirm") == "Yes") {
      const bool confirmed = req.get_param_value("confirm_uid") == std::to_string(mod.id) &&
                             req.get_param_value("sess") == sid &&
                             !mod.last_confirm_key.empty() &&
                             req.get_param_value("confirm_key") == mod.last_confirm_key;
      mod.last_confirm_key.clear();
      if (!confirmed) {
        res.status = 302;  // confirm_box(true) false: mcp redirects back
        res.set_header("Location", base + "/index.php");
        return;
      }
      if (action == "delete_post") {
        // mcp_delete_post() with $is_soft: confirm set and no delete_permanent.
        post->second.deleted = !req.has_param("delete_permanent");
        post->second.deleted_by = moderator;
        post->second.delete_reason = req.get_param_value("delete_reason");
        return Message(res, 200, "Information", "The post has been deleted successfully.", user, sid);
      }
      post->second.deleted = false;  // mcp_queue.php approve_posts('restore')
      return Message(res, 200, "Information", "The post has been restored successfully.", user, sid);
    }
    // confirm_box(false): a new key, the hidden fields, and the key in the action.
    mod.last_confirm_key = RandomId(10);
    const std::string p = std::to_string(post->first);
    const std::string f = std::to_string(topics.at(post->second.topic_id).forum_id);
    std::string hidden = "<input type=\"hidden\" name=\"post_id_list[0]\" value=\"" + p +
                         "\" />\n<input type=\"hidden\" name=\"f\" value=\"" + f +
                         "\" />\n<input type=\"hidden\" name=\"action\" value=\"" + action +
                         "\" />\n<input type=\"hidden\" name=\"redirect\" value=\"./viewtopic.php?p=" +
                         p + "\" />\n<input type=\"hidden\" name=\"confirm_uid\" value=\"" +
                         std::to_string(mod.id) + "\" />\n<input type=\"hidden\" name=\"sess\" "
                         "value=\"" + sid + "\" />\n<input type=\"hidden\" name=\"sid\" value=\"" +
                         sid + "\" />\n";
    // confirm_box() posts back to the URL it was asked with (build_url), quickmod=1 kept.
    const std::string page =
        action == "delete_post" ? "i=main&amp;mode=quickmod&amp;quickmod=1" : "i=queue&amp;mode=deleted_posts";
    const std::string reason =
        action == "delete_post"
            ? "<dl><dt><label for=\"delete_reason\">Reason:</label></dt><dd><input class=\"inputbox "
              "autowidth\" type=\"text\" name=\"delete_reason\" id=\"delete_reason\" value=\"\" "
              "maxlength=\"255\" size=\"45\" /></dd></dl>\n<dl><dt>&nbsp;</dt><dd><label><input "
              "type=\"checkbox\" name=\"delete_permanent\" value=\"1\" /> Permanently delete</label>"
              "</dd></dl>\n"
            : "";
    Html(res, Page("Confirm",
                   "<form id=\"confirm\" action=\"./mcp.php?" + page + "&amp;action=" + action +
                       "&amp;confirm_key=" + mod.last_confirm_key + "\" method=\"post\">\n<div "
                       "class=\"panel\"><div class=\"inner\">\n<h2 class=\"message-title\">" +
                       (action == "delete_post" ? "Delete post" : "Restore post") +
                       "</h2>\n<p>Are you sure?</p>\n<fieldset>\n" + reason + hidden +
                       "<input type=\"submit\" name=\"confirm\" value=\"Yes\" class=\"button2\" />"
                       "&nbsp;\n<input type=\"submit\" name=\"cancel\" value=\"No\" class=\"button2\" "
                       "/>\n</fieldset>\n</div></div>\n</form>",
                   user, sid));
  }

  void Report(const httplib::Request& req, httplib::Response& res, long long post_id,
              long long user, const std::string& sid) {
    // phpbb/report/controller/report.php and report/report_handler_post.php.
    auto post = posts.find(post_id);
    if (post == posts.end()) {
      // report_handler_post.php: entity_not_found_exception('POST_NOT_EXIST') -> 404.
      return Message(res, 404, "Information", "The post you requested does not exist.", user, sid);
    }
    if (!post->second.reports.empty()) {
      return Message(res, 200, "Information", "This post has already been reported.", user, sid);
    }
    if (req.method == "POST" && req.has_param("submit")) {
      const std::string reason = req.get_param_value("reason_id");
      const std::string text = req.get_param_value("report_text");
      if (reason == "4" && text.empty()) {  // empty_report_exception for "other"
        // language/en/mcp.php EMPTY_REPORT.
        return ReportForm(res, post_id, user, sid,
                          "You must enter a description when selecting this reason.");
      }
      post->second.reports.push_back(reason + ":" + text);
      // language/en/mcp.php POST_REPORTED_SUCCESS.
      return Message(res, 200, "Information", "This post has been successfully reported.", user,
                     sid);
    }
    ReportForm(res, post_id, user, sid, "");
  }

  void ReportForm(httplib::Response& res, long long post_id, long long user,
                  const std::string& sid, const std::string& error) {
    // report_body.html with the default reasons of install/schemas/schema_data.sql,
    // each shown by its description (language/en/mcp.php report_reasons DESCRIPTION).
    Html(res, Page("Report post",
                   "<form method=\"post\" action=\"/app.php/post/" + std::to_string(post_id) +
                       "/report\" id=\"report\">\n<div class=\"panel\"><div class=\"inner\">\n" +
                       (error.empty() ? "" : "<p class=\"error\">" + error + "</p>\n") +
                       "<fieldset>\n<dl><dt><label for=\"reason_id\">Reason:</label></dt><dd>"
                       "<select name=\"reason_id\" id=\"reason_id\" class=\"full\"><option value=\"1\">"
                       "The message contains links to illegal or pirated software.</option><option "
                       "value=\"2\">The reported message has the only purpose to advertise for a "
                       "website or another product.</option><option value=\"3\">The reported "
                       "message is off topic.</option><option value=\"4\">The reported message "
                       "does not fit into any other category, please use the further information "
                       "field.</option></select></dd></dl>\n<dl><dt><label for=\"report_text\">"
                       "Further information:</label></dt><dd><textarea name=\"report_text\" "
                       "id=\"report_text\" rows=\"10\" cols=\"76\" class=\"inputbox\"></textarea>"
                       "</dd></dl>\n</fieldset>\n<input type=\"submit\" name=\"submit\" "
                       "class=\"button1\" value=\"Submit\" />\n</div></div>\n</form>",
                   user, sid));
  }

  void PrivateMessages(const httplib::Request& req, httplib::Response& res, long long user,
                       const std::string& sid) {
    if (user == kAnonymous) return Html(res, LoginForm(user, sid, ""));  // ucp.php: login_box
    User& me = *UserById(user);
    if (req.has_param("folder")) {
      // ucp_pm_viewfolder.html. A message stays in the outbox until its recipient's
      // folders are updated; the sample delivers after two seconds.
      const bool outbox = req.get_param_value("folder") == "outbox";
      std::string rows;
      int n = 0;
      for (const SentMessage& m : messages) {
        const bool delivered = SysClock::now() - m.sent > std::chrono::seconds(2);
        if (delivered == outbox) continue;
        ++n;
        rows += "<li class=\"row bg" + std::to_string(1 + n % 2) + "\"><dl class=\"row-item\"><dt>"
                "<a href=\"./ucp.php?i=pm&amp;f=" + (outbox ? "-2" : "-1") + "&amp;p=" +
                std::to_string(n) + "\" class=\"topictitle\">" + EscapeHtml(m.message.subject) +
                "</a><br />To: " + EscapeHtml(m.message.recipient) + "</dt></dl></li>\n";
      }
      return Html(res, Page("Private messages", "<ul class=\"topiclist cplist pmlist\">\n" + rows +
                                                    "</ul>", user, sid));
    }
    if (req.get_param_value("mode") != "compose") {
      return Message(res, 200, "Information", "No mode.", user, sid);
    }
    long long to = std::atoll(req.get_param_value("u").c_str());
    std::string recipient;
    for (const auto& [key, value] : req.params) {
      if (key.rfind("address_list[u][", 0) == 0) to = std::atoll(key.c_str() + 16);
    }
    if (User* r = UserById(to)) recipient = r->facts.username;
    if (req.method == "POST" && req.has_param("post")) {
      // ucp_pm_compose.php: check_form_key('ucp_pm_compose'), then the flood check.
      std::string error;
      if (!CheckFormKey(req, user, "ucp_pm_compose", sid)) {
        error = "The submitted form was invalid. Try submitting again.";
      } else if (recipient.empty()) {
        error = "You need to specify at least one user or group you want to send this message to.";
      } else if (faults.flood_interval_seconds > 0 &&
                 SysClock::now() - me.last_pm <
                     std::chrono::seconds(faults.flood_interval_seconds)) {
        error = "You cannot make another post so soon after your last.";
      }
      if (error.empty()) {
        me.last_pm = SysClock::now();
        messages.push_back({{recipient, req.get_param_value("subject"), req.get_param_value("message")},
                            SysClock::now()});
        return Message(res, 200, "Information", "This message has been sent successfully.", user, sid);
      }
      return ComposeForm(res, to, user, sid, error);
    }
    ComposeForm(res, to, user, sid, "");
  }

  void ComposeForm(httplib::Response& res, long long to, long long user, const std::string& sid,
                   const std::string& error) {
    // posting_editor.html inside ucp_pm_compose (form id="postform").
    Html(res, Page("Compose message",
                   "<form id=\"postform\" method=\"post\" action=\"./ucp.php?i=pm&amp;mode=compose"
                   "\" enctype=\"multipart/form-data\">\n<div class=\"panel\"><div class=\"inner\">\n" +
                       (error.empty() ? "" : "<p class=\"error\">" + error + "</p>\n") +
                       "<input type=\"hidden\" name=\"address_list[u][" + std::to_string(to) +
                       "]\" value=\"to\" />\n<dl><dt><label for=\"subject\">Subject:</label></dt>"
                       "<dd><input type=\"text\" name=\"subject\" id=\"subject\" size=\"45\" "
                       "maxlength=\"124\" value=\"\" class=\"inputbox autowidth\" /></dd></dl>\n"
                       "<textarea name=\"message\" id=\"message\" rows=\"15\" cols=\"76\" "
                       "class=\"inputbox\"></textarea>\n<input type=\"hidden\" name=\"lastclick\" "
                       "value=\"" + std::to_string(SysClock::to_time_t(SysClock::now())) + "\" />\n" +
                       FormKeyFields(user, "ucp_pm_compose", sid) +
                       "<input type=\"submit\" accesskey=\"s\" tabindex=\"6\" name=\"post\" "
                       "value=\"Submit\" class=\"button1 default-submit-action\" />\n</div></div>\n"
                       "</form>",
                   user, sid));
  }
};

PhpbbSample::PhpbbSample(std::string moderator, std::string password)
    : impl_(std::make_unique<Impl>()) {
  impl_->moderator = std::move(moderator);
  impl_->password = std::move(password);
  impl_->AddUserLocked(SampleUser{impl_->moderator, 3650, 4, 0});
}

PhpbbSample::~PhpbbSample() { Stop(); }

int PhpbbSample::Start(int port) {
  port = impl_->server.Start(port);
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->base = "http://127.0.0.1:" + std::to_string(port);
  return port;
}

void PhpbbSample::Stop() { impl_->server.Stop(); }

void PhpbbSample::SetFaults(const PhpbbFaults& faults) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->faults = faults;
}

void PhpbbSample::AddUser(const SampleUser& user) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->AddUserLocked(user);
}

long long PhpbbSample::AddTopic(const std::string& title, const std::string& forum) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  long long forum_id = 0;
  for (const auto& [id, name] : impl_->forums) {
    if (name == forum) forum_id = id;
  }
  if (forum_id == 0) {
    forum_id = static_cast<long long>(impl_->forums.size()) + 1;
    impl_->forums[forum_id] = forum;
  }
  long long id = impl_->next_topic++;
  impl_->topics[id] = {id, forum_id, title};
  return id;
}

long long PhpbbSample::AddPost(long long topic_id, const std::string& username,
                               const std::string& text, std::optional<int>,
                               std::optional<SysClock::time_point> created_at) {
  // What phpBB's text formatter makes of plain text: escaped, lines as <br>.
  std::string html;
  for (char c : EscapeHtml(text)) html += c == '\n' ? std::string("<br>") : std::string(1, c);
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->AddPostLocked(topic_id, username, html, created_at.value_or(SysClock::now()));
}

long long PhpbbSample::AddPostHtml(long long topic_id, const std::string& username,
                                   const std::string& html) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->AddPostLocked(topic_id, username, html, SysClock::now());
}

bool PhpbbSample::EditPost(long long post_id, const std::string& text) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  auto it = impl_->posts.find(post_id);
  if (it == impl_->posts.end()) return false;
  it->second.html = EscapeHtml(text);
  it->second.edited_at = SysClock::now() + std::chrono::seconds(1);
  return true;
}

bool PhpbbSample::DeleteAsModerator(long long post_id, const std::string& moderator,
                                    const std::string& reason) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  auto it = impl_->posts.find(post_id);
  if (it == impl_->posts.end()) return false;
  it->second.deleted = true;
  it->second.deleted_by = moderator;
  it->second.delete_reason = reason;
  return true;
}

bool PhpbbSample::Restore(long long post_id) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  auto it = impl_->posts.find(post_id);
  if (it == impl_->posts.end()) return false;
  it->second.deleted = false;
  return true;
}

bool PhpbbSample::CloseReports(long long post_id) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  auto it = impl_->posts.find(post_id);
  if (it == impl_->posts.end()) return false;
  it->second.reports.clear();
  return true;
}

void PhpbbSample::ExpireSessions() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->sessions.clear();
}

std::vector<PhpbbPost> PhpbbSample::Posts() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  std::vector<PhpbbPost> out;
  for (const auto& [id, p] : impl_->posts) out.push_back(p);
  return out;
}

std::vector<PhpbbMessage> PhpbbSample::Messages() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  std::vector<PhpbbMessage> out;
  for (const auto& m : impl_->messages) out.push_back(m.message);
  return out;
}

long long PhpbbSample::requests() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->requests;
}

int PhpbbSample::logins() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->logins;
}

std::set<std::string> PhpbbSample::user_agents() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->user_agents;
}

std::chrono::milliseconds PhpbbSample::shortest_form_wait() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->shortest_form_wait;
}

}  // namespace modbot::sample
