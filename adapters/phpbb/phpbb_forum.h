// PhpbbForum: the Forum interface over phpBB 3.3's own pages (phpbb_pages.h).
//
// phpBB has no API, so the adapter works as a moderator at a browser would: it logs
// in with the account's password (ucp.php?mode=login), keeps the session cookies
// (phpbb3_xxxxx_sid, _u, _k) in libcurl's in-memory cookie engine, and logs in again
// whenever a page comes back rendered for a guest (the session expired or was
// killed). Forms carry phpBB's form_token, which check_form_key() accepts only when
// at least one second and at most form_token_lifetime seconds old; the adapter
// waits out the second and fetches a fresh form when the token is refused.
//
// New posts come from the board-wide Atom feed (app.php/feed, feed_limit_post items,
// newest first). When the feed's oldest post lies beyond the cursor (a burst larger
// than the feed holds, or downtime), the posts in between are read from topic
// pages (viewtopic.php?p=ID, ten or so posts a page), so none is skipped. A post's
// version is a hash of its text, the same whichever page it was read from; edits
// come back while the post is still in the feed (its <updated> differs from its
// <published>) and within the recent window.
//
// Hide soft-deletes the post through the MCP with the reason (m_softdelete); review
// reports it into phpBB's report queue; restore restores it from the MCP's deleted
// posts queue (m_approve); notify sends a private message, after looking for its
// title in the outbox and sent folders when retrying. Flood and stale-form refusals
// become kRetry with a wait, never a blind resend.
#ifndef MODBOT_ADAPTERS_PHPBB_PHPBB_FORUM_H_
#define MODBOT_ADAPTERS_PHPBB_PHPBB_FORUM_H_

#include <chrono>
#include <map>
#include <optional>
#include <string>

#include "adapters/backoff.h"
#include "adapters/forum.h"
#include "adapters/forum_factory.h"
#include "adapters/http_client.h"
#include "adapters/phpbb/phpbb_pages.h"

namespace modbot {

class PhpbbForum : public Forum {
 public:
  explicit PhpbbForum(const ForumSettings& settings);

  ForumStatus Poll(const std::string& cursor, std::chrono::seconds recent_window,
                   const UnjudgedFn& unjudged, PollResult* out) override;
  ForumStatus Hide(const std::string& post_id, const std::string& reason, bool retry) override;
  ForumStatus SendToReview(const std::string& post_id, const std::string& reason,
                           bool retry) override;
  ForumStatus Restore(const std::string& post_id, bool retry) override;
  ForumStatus Notify(const ForumNotice& notice, bool retry) override;
  ForumStatus ReadDecisions(const std::vector<AwaitedPost>& awaited,
                            std::vector<ForumDecision>* out) override;

  long long requests_sent() const { return requests_sent_; }
  int logins() const { return logins_; }

 private:
  using Clock = std::chrono::system_clock;

  // One exchange, paced; 429/503 honoured; reads (idempotent) retried with backoff
  // on 5xx and transport failures. Any HTTP answer phpBB renders as a page (2xx,
  // 3xx, 4xx with a message) is returned in *response.
  ForumStatus Send(const HttpRequest& request, bool idempotent, HttpResponse* response);
  // Send, as a logged-in moderator: logs in and asks again when the page came back
  // rendered for a guest.
  ForumStatus SendLoggedIn(const HttpRequest& request, bool idempotent, HttpResponse* response);
  ForumStatus Login();
  // Why a session would not stick, naming the configured host.
  std::string CookieHint() const;
  // A form page fetched now, and the wait check_form_key() needs before it is sent.
  ForumStatus FetchForm(const HttpRequest& page, const std::string& form_id, phpbb::Form* form,
                        std::string* html);

  ForumStatus PostState(long long post_id, phpbb::TopicPage* page, const phpbb::PagePost** post);
  // Hide and Restore: soft-deletes the post (or restores it) through the MCP's
  // confirm step unless it is already so, then reads it again to see that it took.
  ForumStatus SetDeleted(const std::string& post_id, bool deleted, const std::string& reason);
  ForumStatus Confirm(const HttpRequest& ask,
                      const std::vector<std::pair<std::string, std::string>>& extra);
  ForumStatus Author(const std::string& username, ForumAuthor* out, long long* user_id);
  // A guest's post: its author as the topic page names it.
  ForumStatus GuestName(ForumPost* post);
  ForumStatus CatchUp(long long after, long long before, std::map<long long, ForumPost>* out);
  // A post as the daemon sees it, from what the feed or a topic page says of it
  // (content: the rendered HTML).
  ForumPost MakePost(long long post_id, const std::string& content, const std::string& author,
                     std::string topic_title, std::string category) const;
  // The feed's title carries both the forum and the topic: "Forum • Re: Subject".
  ForumPost FromFeed(const phpbb::FeedEntry& entry) const;
  bool InMessageFolder(const std::string& title, ForumStatus* status);

  ForumSettings settings_;
  phpbb::Site site_;
  HttpClient http_;
  Pacer pacer_;
  long long requests_sent_ = 0;
  int logins_ = 0;

  struct CachedAuthor {
    phpbb::ProfileFacts facts;
    bool known = false;  // false: no such member (a guest post or a deleted user)
    Clock::time_point fetched;
  };
  std::map<std::string, CachedAuthor> authors_;
  std::optional<std::string> report_reason_id_;
  // The compose form's token stays valid for form_token_lifetime: reused, so that
  // a notice costs one request and no wait.
  std::optional<phpbb::Form> compose_form_;
  std::chrono::steady_clock::time_point compose_fetched_;
};

}  // namespace modbot

#endif  // MODBOT_ADAPTERS_PHPBB_PHPBB_FORUM_H_
