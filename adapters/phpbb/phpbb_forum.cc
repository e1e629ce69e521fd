#include "adapters/phpbb/phpbb_forum.h"

#include <algorithm>
#include <set>
#include <thread>

namespace modbot {

namespace {

using phpbb::FeedEntry;
using phpbb::Form;
using phpbb::PagePost;
using phpbb::TopicPage;

constexpr auto kAuthorTtl = std::chrono::hours(1);
// check_form_key() refuses a form whose creation_time is this very second.
constexpr auto kFormMinAge = std::chrono::milliseconds(1100);
// Under phpBB's default form_token_lifetime (7200 s); a shorter setting only costs a
// refused form and a fresh one.
constexpr auto kComposeFormReuse = std::chrono::minutes(15);
// phpBB's default flood_interval: the wait after FLOOD_ERROR (the page does not say).
constexpr int kFloodWaitSeconds = 15;
// posts.post_delete_reason is VARCHAR(255).
constexpr size_t kMaxDeleteReason = 255;

// "POST posting.php?mode=reply": on phpBB the first parameter names the page.
std::string MethodAndPage(const HttpRequest& request, const std::string& base_url) {
  std::string path = request.url.substr(std::min(base_url.size(), request.url.size()));
  return request.method + " " + path.substr(0, path.find('&'));
}

std::optional<long long> PostNumber(const std::string& id) {
  if (id.empty() || id.size() > 15 || id.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoll(id);
}

// Cuts s to at most n bytes without splitting a UTF-8 sequence.
std::string Utf8Prefix(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// "Forum • Re: Subject" -> "Subject" (feed/overall.php adjust_item; the separator
// is feed/base.php's "•").
std::string TopicFromFeedTitle(const std::string& title, std::string* forum) {
  static const std::string kSeparator = " \xE2\x80\xA2 ";
  std::string subject = title;
  size_t sep = title.find(kSeparator);
  if (sep != std::string::npos) {
    if (forum->empty()) *forum = title.substr(0, sep);
    subject = title.substr(sep + kSeparator.size());
  }
  if (subject.rfind("Re: ", 0) == 0) subject = subject.substr(4);
  return subject;
}

std::string PageText(const HttpResponse& response) {
  std::string text = phpbb::MessageText(response.body);
  return text.empty() ? phpbb::FormError(response.body) : text;
}

}  // namespace

PhpbbForum::PhpbbForum(const ForumSettings& settings)
    : settings_(settings),
      site_{settings.url},
      http_([&] {
        HttpClient::Options options{std::chrono::milliseconds(5000), settings.timeout};
        options.keep_cookies = true;
        return options;
      }()),
      pacer_(settings.requests_per_minute) {
  while (!site_.base_url.empty() && site_.base_url.back() == '/') site_.base_url.pop_back();
}

ForumStatus PhpbbForum::Send(const HttpRequest& request, bool idempotent, HttpResponse* response) {
  const std::string what = MethodAndPage(request, site_.base_url);
  for (int attempt = 0;; ++attempt) {
    const bool may_retry = attempt < settings_.retries;
    pacer_.Wait();
    ++requests_sent_;
    *response = http_.Send(request);
    ForumStatus failure;
    const int status = response->status;
    if ((status >= 200 && status < 400) || status == 404 || status == 403) {
      // phpBB renders refusals (trigger_error, http_exception) as pages: the caller
      // reads their message.
      return ForumStatus::Ok();
    }
    if (status == 429 || (status == 503 && response->retry_after_seconds)) {
      // Nothing was carried out (a proxy's limit, or the board disabled): a write
      // may be resent after the wait.
      int wait = std::min<int>(response->retry_after_seconds.value_or(1),
                               static_cast<int>(settings_.max_wait.count()));
      pacer_.HoldFor(std::chrono::seconds(wait));
      failure = ForumStatus::Retry(what + ": HTTP " + std::to_string(status) + ", wait " +
                                       std::to_string(wait) + "s",
                                   wait);
      if (!may_retry) return failure;
      continue;
    }
    if (status == 0 || status >= 500) {
      // phpBB sends its general errors (trigger_error E_USER_ERROR: a refused
      // module, a database error) as 503 pages: their text says what went wrong.
      const std::string general = phpbb::GeneralError(response->body);
      failure = ForumStatus::Retry(
          what + ": " + (status ? "HTTP " + std::to_string(status) : response->error) +
          (general.empty() ? "" : " " + general));
    } else {
      return ForumStatus::Permanent(what + ": HTTP " + std::to_string(status));
    }
    if (!idempotent || !may_retry) return failure;
    std::this_thread::sleep_for(BackoffDelay(settings_.backoff, attempt));
  }
}

ForumStatus PhpbbForum::SendLoggedIn(const HttpRequest& request, bool idempotent,
                                     HttpResponse* response) {
  ForumStatus status = Send(request, idempotent, response);
  if (!status.ok() || phpbb::IsLoggedIn(response->body)) return status;
  // A guest's page: the session expired (session_length) or was never opened.
  status = Login();
  if (!status.ok()) return status;
  status = Send(request, idempotent, response);
  if (status.ok() && !phpbb::IsLoggedIn(response->body)) {
    return ForumStatus::Retry(MethodAndPage(request, site_.base_url) +
                              ": still a guest's page after logging in: " + CookieHint());
  }
  return status;
}

std::string PhpbbForum::CookieHint() const {
  // phpbb/session.php set_cookie() names cookie_domain, the board's own host name:
  // under another name for the same address (localhost for 127.0.0.1) the client
  // drops the session cookies.
  const std::string host = site_.base_url.substr(site_.base_url.find("://") + 3);
  return "the session cookies did not stick; [forum] url must name the board by the host "
         "its cookies are set for (ACP > Cookie settings > Cookie domain), not '" +
         host.substr(0, host.find_first_of(":/")) + "'";
}

ForumStatus PhpbbForum::FetchForm(const HttpRequest& page, const std::string& form_id, Form* form,
                                  std::string* html) {
  HttpResponse response;
  ForumStatus status = SendLoggedIn(page, true, &response);
  if (!status.ok()) return status;
  *html = response.body;
  std::optional<Form> found = phpbb::ParseForm(response.body, form_id);
  if (!found) {
    std::string text = PageText(response);
    if (response.status == 404) return ForumStatus::Gone(MethodAndPage(page, site_.base_url) + ": " + text);
    return ForumStatus::Retry(MethodAndPage(page, site_.base_url) + ": no form '" + form_id + "'" +
                              (text.empty() ? "" : ": " + text));
  }
  *form = std::move(*found);
  std::this_thread::sleep_for(kFormMinAge);
  return ForumStatus::Ok();
}

ForumStatus PhpbbForum::Login() {
  for (int attempt = 0; attempt < 2; ++attempt) {
    HttpResponse response;
    ForumStatus status = Send(phpbb::LoginPageRequest(site_), true, &response);
    if (!status.ok()) return status;
    if (phpbb::IsLoggedIn(response.body)) return ForumStatus::Ok();
    std::optional<Form> form = phpbb::ParseForm(response.body, "login");
    if (!form) return ForumStatus::Retry("GET /ucp.php?mode=login: no login form");
    std::this_thread::sleep_for(kFormMinAge);
    ++logins_;
    status = Send(phpbb::LoginRequest(site_, *form, settings_.api_username, settings_.api_key),
                  false, &response);
    if (!status.ok()) return status;
    // Success is redirect() to the board index with the session cookies set.
    if (response.status == 302 || phpbb::IsLoggedIn(response.body)) return ForumStatus::Ok();
    std::string error = PageText(response);
    if (!phpbb::IsFormInvalid(error)) {
      // Retried later rather than given up, as for a refused API key: queued actions
      // must run once the password is fixed. The text is phpBB's, never the password.
      return ForumStatus::Retry("login as '" + settings_.api_username + "' refused: " + error);
    }
  }
  // A guest's form token is bound to the session (check_form_key()): refused twice,
  // the session cookie did not come back, or the board's clock is off.
  return ForumStatus::Retry("login form refused twice (FORM_INVALID): " + CookieHint() +
                            "; else check the board's clock");
}

// --- reading ---

ForumStatus PhpbbForum::Poll(const std::string& cursor, std::chrono::seconds recent_window,
                             const UnjudgedFn& unjudged, PollResult* out) {
  *out = PollResult();
  long long after = 0;
  if (!cursor.empty()) {
    std::optional<long long> n = PostNumber(cursor);
    if (!n) return ForumStatus::Permanent("cursor '" + cursor + "' is not a phpBB post id");
    after = *n;
  }
  HttpResponse response;
  ForumStatus status = Send(phpbb::FeedRequest(site_), true, &response);
  if (!status.ok()) return status;
  if (response.status == 404) {
    return ForumStatus::Retry("GET /app.php/feed: HTTP 404 (enable feeds and the overall "
                              "posts feed: ACP > Board features > Board feeds)");
  }
  std::vector<FeedEntry> feed;
  std::string error;
  if (!phpbb::ParseFeed(response.body, &feed, &error)) {
    return ForumStatus::Retry("GET /app.php/feed: " + error);
  }

  std::map<long long, ForumPost> fresh;
  std::vector<ForumPost> recent;
  std::set<std::string> guests;  // posts the feed names "Anonymous"
  long long oldest = 0;
  const std::time_t window_start = Clock::to_time_t(Clock::now() - recent_window);
  for (const FeedEntry& entry : feed) {
    oldest = oldest == 0 ? entry.post_id : std::min(oldest, entry.post_id);
    if (entry.guest) guests.insert(std::to_string(entry.post_id));
    if (entry.post_id > after) {
      fresh[entry.post_id] = FromFeed(entry);
    } else if (entry.published >= window_start &&
               unjudged(std::to_string(entry.post_id), phpbb::ContentVersion(entry.content))) {
      recent.push_back(FromFeed(entry));
    }
  }
  if (oldest > after + 1) {
    // The feed does not reach back to the cursor: read the posts in between.
    status = CatchUp(after, oldest, &fresh);
    if (!status.ok()) return status;
  }
  std::sort(recent.begin(), recent.end(), [](const ForumPost& a, const ForumPost& b) {
    return std::stoll(a.id) < std::stoll(b.id);
  });

  PollResult result;
  for (auto& [id, post] : fresh) result.new_posts.push_back(std::move(post));
  result.recent_posts = std::move(recent);
  for (std::vector<ForumPost>* posts : {&result.new_posts, &result.recent_posts}) {
    for (ForumPost& post : *posts) {
      status = guests.count(post.id) ? GuestName(&post)
                                     : Author(post.author.username, &post.author, nullptr);
      if (!status.ok()) return status;
    }
  }
  *out = std::move(result);
  return ForumStatus::Ok();
}

ForumStatus PhpbbForum::CatchUp(long long after, long long before,
                                std::map<long long, ForumPost>* out) {
  std::set<long long> seen;
  for (long long id = after + 1; id < before; ++id) {
    if (seen.count(id)) continue;
    HttpResponse response;
    ForumStatus status = SendLoggedIn(phpbb::TopicPageRequest(site_, id), true, &response);
    if (!status.ok()) return status;
    TopicPage page;
    std::string error;
    if (response.status == 404) continue;  // deleted for good: a gap
    if (!phpbb::ParseTopicPage(response.body, &page, &error)) {
      return ForumStatus::Retry("GET /viewtopic.php?p=" + std::to_string(id) + ": " + error);
    }
    bool found = false;
    for (const PagePost& post : page.posts) {
      seen.insert(post.post_id);
      found |= post.post_id == id;
      if (post.post_id > after && post.post_id < before && !post.deleted) {
        (*out)[post.post_id] =
            MakePost(post.post_id, post.content, post.author, page.title, page.forum_name);
      }
    }
    if (!found) {
      return ForumStatus::Retry("GET /viewtopic.php?p=" + std::to_string(id) +
                                ": the page does not hold the post");
    }
  }
  return ForumStatus::Ok();
}

ForumPost PhpbbForum::MakePost(long long post_id, const std::string& content,
                               const std::string& author, std::string topic_title,
                               std::string category) const {
  ForumPost post;
  post.id = std::to_string(post_id);
  post.cursor = post.id;
  post.version = phpbb::ContentVersion(content);
  post.markup = content;
  post.format = "html";
  post.topic_title = std::move(topic_title);
  post.category = std::move(category);
  post.url = site_.base_url + "/viewtopic.php?p=" + post.id + "#p" + post.id;
  post.author.username = author;
  return post;
}

ForumPost PhpbbForum::FromFeed(const FeedEntry& entry) const {
  std::string category = entry.category;
  std::string topic_title = TopicFromFeedTitle(entry.title, &category);
  return MakePost(entry.post_id, entry.content, entry.author, std::move(topic_title),
                  std::move(category));
}

ForumStatus PhpbbForum::Author(const std::string& username, ForumAuthor* out,
                               long long* user_id) {
  const Clock::time_point now = Clock::now();
  auto it = authors_.find(username);
  if (it == authors_.end() || now - it->second.fetched > kAuthorTtl) {
    HttpResponse response;
    ForumStatus status = SendLoggedIn(phpbb::ProfileRequest(site_, username), true, &response);
    if (!status.ok()) return status;
    CachedAuthor cached;
    cached.fetched = now;
    std::string error;
    // 404 NO_USER (memberlist.php): a guest's or a deleted user's post.
    cached.known = response.status != 404 &&
                   phpbb::ParseProfile(response.body, &cached.facts, &error);
    if (!cached.known && response.status != 404) {
      return ForumStatus::Retry("GET /memberlist.php?mode=viewprofile: " + error);
    }
    it = authors_.insert_or_assign(username, cached).first;
  }
  const CachedAuthor& cached = it->second;
  *out = ForumAuthor{username, {}, {}, {}};
  if (user_id) *user_id = cached.facts.user_id;
  if (!cached.known) return ForumStatus::Ok();
  if (cached.facts.joined) {
    out->account_age_days =
        static_cast<int>((Clock::to_time_t(now) - *cached.facts.joined) / 86400);
  }
  out->post_count = cached.facts.posts;
  return ForumStatus::Ok();
}

ForumStatus PhpbbForum::GuestName(ForumPost* post) {
  // The name a guest gave is on the topic page only (posts.post_username). A guest
  // has no account: no days since joining, no posts under it, the lowest trust
  // level, which is what a brand-new account also shows.
  TopicPage page;
  const PagePost* on_page = nullptr;
  ForumStatus status = PostState(std::stoll(post->id), &page, &on_page);
  if (status.code == ForumStatus::Code::kGone) return ForumStatus::Ok();  // deleted since
  if (!status.ok()) return status;
  post->author = ForumAuthor{on_page->author, 0, 0, 0};
  return ForumStatus::Ok();
}

// --- acting ---

ForumStatus PhpbbForum::PostState(long long post_id, TopicPage* page, const PagePost** post) {
  HttpResponse response;
  ForumStatus status = SendLoggedIn(phpbb::TopicPageRequest(site_, post_id), true, &response);
  if (!status.ok()) return status;
  if (response.status == 404) {  // viewtopic.php: NO_TOPIC, the post is deleted for good
    return ForumStatus::Gone("post " + std::to_string(post_id) + ": " +
                             phpbb::MessageText(response.body));
  }
  std::string error;
  if (!phpbb::ParseTopicPage(response.body, page, &error)) {
    return ForumStatus::Retry("GET /viewtopic.php?p=" + std::to_string(post_id) + ": " + error);
  }
  for (const PagePost& p : page->posts) {
    if (p.post_id == post_id) {
      *post = &p;
      return ForumStatus::Ok();
    }
  }
  return ForumStatus::Gone("post " + std::to_string(post_id) + " is not on its topic page");
}

ForumStatus PhpbbForum::Confirm(const HttpRequest& ask,
                                const std::vector<std::pair<std::string, std::string>>& extra) {
  // confirm_box(false) renders confirm_body.html (or confirm_delete_body.html) with
  // form id="confirm"; the answer goes to its action, which carries confirm_key.
  HttpResponse response;
  ForumStatus status = SendLoggedIn(ask, true, &response);
  if (!status.ok()) return status;
  std::optional<Form> form = phpbb::ParseForm(response.body, "confirm");
  if (!form) {
    std::string text = PageText(response);
    if (response.status == 404) return ForumStatus::Gone(MethodAndPage(ask, site_.base_url) + ": " + text);
    return ForumStatus::Retry(MethodAndPage(ask, site_.base_url) + ": no confirmation form" +
                              (text.empty() ? "" : ": " + text));
  }
  std::this_thread::sleep_for(kFormMinAge);  // as a person would: never within the second
  status = Send(phpbb::ConfirmRequest(site_, *form, extra), false, &response);
  if (!status.ok()) return status;
  if (!phpbb::IsLoggedIn(response.body) && response.status != 302) {
    return ForumStatus::Retry(MethodAndPage(ask, site_.base_url) + ": session lost while confirming");
  }
  return ForumStatus::Ok();
}

ForumStatus PhpbbForum::Hide(const std::string& post_id, const std::string& reason, bool) {
  return SetDeleted(post_id, /*deleted=*/true, reason);
}

ForumStatus PhpbbForum::Restore(const std::string& post_id, bool) {
  return SetDeleted(post_id, /*deleted=*/false, "");
}

ForumStatus PhpbbForum::SetDeleted(const std::string& post_id, bool deleted,
                                   const std::string& reason) {
  // The state is read first whatever `retry` says: the topic and forum ids the MCP
  // needs come from the post's page.
  std::optional<long long> id = PostNumber(post_id);
  if (!id) return ForumStatus::Permanent("'" + post_id + "' is not a phpBB post id");
  TopicPage page;
  const PagePost* post = nullptr;
  ForumStatus status = PostState(*id, &page, &post);
  if (!status.ok()) return status;
  if (post->deleted == deleted) return ForumStatus::Ok();
  status = deleted ? Confirm(phpbb::DeletePostRequest(site_, *id, page.topic_id, page.forum_id),
                             {{"delete_reason", Utf8Prefix(reason, kMaxDeleteReason)}})
                   : Confirm(phpbb::RestorePostRequest(site_, *id, page.forum_id), {});
  if (!status.ok()) return status;
  status = PostState(*id, &page, &post);
  if (!status.ok()) return status;
  if (post->deleted == deleted) return ForumStatus::Ok();
  return ForumStatus::Retry("post " + post_id +
                            (deleted ? " is not soft-deleted after the MCP confirmed (does the "
                                       "account have m_softdelete?)"
                                     : " is still deleted after the MCP confirmed (does the "
                                       "account have m_approve?)"));
}

ForumStatus PhpbbForum::SendToReview(const std::string& post_id, const std::string& reason,
                                     bool) {
  std::optional<long long> id = PostNumber(post_id);
  if (!id) return ForumStatus::Permanent("'" + post_id + "' is not a phpBB post id");
  // The post's state first, retry or not: phpBB lets a moderator report a post
  // that is soft-deleted (phpbb/report/report_handler_post.php checks only that
  // it exists), and such a post is no longer up for review.
  TopicPage page;
  const PagePost* post = nullptr;
  ForumStatus status = PostState(*id, &page, &post);
  if (!status.ok()) return status;
  if (post->deleted) return ForumStatus::Gone("post " + post_id + " was deleted");
  if (post->reported) return ForumStatus::Ok();
  if (!report_reason_id_) {
    // report_body.html lists the board's reasons (report_reasons table) by their
    // descriptions; "other" is the one for the reporter's own text.
    Form form;
    std::string html;
    status = FetchForm(phpbb::ReportPageRequest(site_, *id), "report", &form, &html);
    if (!status.ok()) {
      if (phpbb::IsAlreadyReported(phpbb::MessageText(html))) return ForumStatus::Ok();
      return status;
    }
    const std::string other = phpbb::OtherReasonId(form);
    if (other.empty()) {
      return ForumStatus::Permanent("the report form has no \"other\" reason to carry the text");
    }
    report_reason_id_ = other;
  }
  HttpResponse response;
  status =
      SendLoggedIn(phpbb::ReportRequest(site_, *id, *report_reason_id_, reason), false, &response);
  if (!status.ok()) return status;
  std::string text = PageText(response);
  // phpbb/report/controller/report.php: 404 POST_NOT_EXIST, 403 no f_report.
  if (response.status == 404) return ForumStatus::Gone("post " + post_id + ": " + text);
  if (response.status >= 400) return ForumStatus::Permanent("report refused: " + text);
  if (!phpbb::FormError(response.body).empty()) {
    return ForumStatus::Permanent("report refused: " + phpbb::FormError(response.body));
  }
  return ForumStatus::Ok();  // POST_REPORTED_SUCCESS, or ALREADY_REPORTED: in the queue
}

bool PhpbbForum::InMessageFolder(const std::string& title, ForumStatus* status) {
  // A message waits in the outbox until its recipient's folders are updated, then
  // moves to the sent folder (ucp_pm.php, PRIVMSGS_OUTBOX / PRIVMSGS_SENTBOX).
  for (const char* folder : {"outbox", "sentbox"}) {
    HttpResponse response;
    *status = SendLoggedIn(phpbb::FolderRequest(site_, folder), true, &response);
    if (!status->ok()) return false;
    std::vector<std::string> subjects = phpbb::ParseMessageSubjects(response.body);
    if (std::find(subjects.begin(), subjects.end(), title) != subjects.end()) return true;
  }
  return false;
}

ForumStatus PhpbbForum::Notify(const ForumNotice& notice, bool retry) {
  ForumStatus status;
  if (retry) {
    if (InMessageFolder(notice.title, &status) || !status.ok()) return status;
    // An earlier attempt that timed out may still be running on the board (phpBB
    // has no idempotency key): give it one request timeout to land, and look again.
    std::this_thread::sleep_for(settings_.timeout);
    if (InMessageFolder(notice.title, &status) || !status.ok()) return status;
  }
  ForumAuthor author;
  long long user_id = 0;
  status = Author(notice.username, &author, &user_id);
  if (!status.ok()) return status;
  if (user_id == 0) return ForumStatus::Gone("no member named '" + notice.username + "'");
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!compose_form_ || std::chrono::steady_clock::now() - compose_fetched_ > kComposeFormReuse) {
      Form form;
      std::string html;
      status = FetchForm(phpbb::ComposePageRequest(site_, user_id), "postform", &form, &html);
      if (!status.ok()) return status;
      compose_form_ = form;
      compose_fetched_ = std::chrono::steady_clock::now();
    }
    HttpResponse response;
    status = SendLoggedIn(
        phpbb::ComposeRequest(site_, *compose_form_, user_id, notice.title, notice.body), false,
        &response);
    if (!status.ok()) return status;
    if (response.status == 302) return ForumStatus::Ok();
    std::string error = phpbb::FormError(response.body);
    if (error.empty()) return ForumStatus::Ok();  // MESSAGE_STORED
    if (phpbb::IsFlood(error)) {
      return ForumStatus::Retry("private message: flood limit (" + error + ")", kFloodWaitSeconds);
    }
    if (!phpbb::IsFormInvalid(error)) return ForumStatus::Permanent("private message refused: " + error);
    compose_form_.reset();  // the token outlived form_token_lifetime: a fresh form
  }
  return ForumStatus::Retry("private message: form refused twice (FORM_INVALID)");
}

ForumStatus PhpbbForum::ReadDecisions(const std::vector<AwaitedPost>& awaited,
                                      std::vector<ForumDecision>* out) {
  out->clear();
  // The topic page shows a moderator each post's state (viewtopic.php with
  // content_visibility: a soft-deleted post stays listed with its "deleted"
  // notice; a post with an open report has post_reported = 1, shown as
  // "reported"). Closing a report (mcp_reports.php close_report) clears
  // post_reported and leaves the post up; deleting or restoring a post
  // (mcp_main.php, mcp_queue.php) changes post_visibility (ITEM_DELETED 2,
  // ITEM_APPROVED 1, includes/constants.php). phpBB shows who deleted a post but
  // records who restored it or closed a report only in the moderator log, so
  // those decisions carry no name. Posts on one topic page cost one request.
  std::map<long long, phpbb::PagePost> seen;
  std::vector<ForumDecision> found;
  for (const AwaitedPost& awaited_post : awaited) {
    const std::string& id = awaited_post.post_id;
    if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos) {
      return ForumStatus::Permanent("post id '" + id + "' is not a phpBB post id");
    }
    const long long post_id = std::stoll(id);
    ForumDecision decision;
    decision.post_id = id;
    decision.at = Clock::now();
    if (!seen.count(post_id)) {
      TopicPage page;
      const PagePost* post = nullptr;
      ForumStatus status = PostState(post_id, &page, &post);
      if (status.code == ForumStatus::Code::kGone) {  // deleted for good
        decision.kind = ForumDecision::Kind::kUpheld;
        decision.how = "post deleted permanently on the forum";
        decision.visible = false;
        found.push_back(std::move(decision));
        continue;
      }
      if (!status.ok()) return status;
      for (const PagePost& p : page.posts) seen[p.post_id] = p;
    }
    const PagePost& post = seen.at(post_id);
    decision.version = phpbb::ContentVersion(post.content);
    decision.visible = !post.deleted;
    if (awaited_post.hidden && !post.deleted) {
      decision.kind = ForumDecision::Kind::kOverruled;
      decision.how = "post restored on the forum";
    } else if (!awaited_post.hidden && post.deleted) {
      decision.kind = ForumDecision::Kind::kUpheld;
      decision.how = "reported post deleted on the forum";
      decision.moderator = post.deleted_by;
    } else if (!awaited_post.hidden && !post.reported) {
      decision.kind = ForumDecision::Kind::kOverruled;
      decision.how = "report closed on the forum, post left up";
    } else {
      continue;  // still hidden, or still reported: nobody decided yet
    }
    found.push_back(std::move(decision));
  }
  *out = std::move(found);
  return ForumStatus::Ok();
}

}  // namespace modbot
