// DiscourseForum: the Forum interface over Discourse's HTTP API (discourse_api.h).
//
// New posts come from the site-wide latest-posts list, paged back with ?before=ID
// until the cursor (the highest post id already judged), then handed over oldest
// first: a backlog of thousands after downtime is caught up in order, none skipped.
//
// Edits are found by re-reading the same list back to the start of a recent window
// (posts created in the last edit_window minutes) and comparing each post's version
// with the one judged. Polling stays the path that misses nothing: it needs no
// inbound endpoint on the daemon's host, loses nothing while the daemon is down (a
// webhook fired then is gone), and usually costs nothing: the first page, fetched
// anyway for new posts, already covers the window on a forum of this size. The same
// re-read also catches a post whose id was allocated before the cursor but became
// visible after it. Webhooks ([forum.webhook]) only make it faster: PushedPost
// reads the post a Post Event carries (discourse_webhook.h).
//
// Decisions taken on the forum are read back from the review queue's flags
// (GET /review.json?status=all, newest first, paged until every awaited post is
// found or the list reaches the day before the oldest awaited action); a decided
// one is attributed to the reviewable's last transition (reviewable_histories). A
// hide by the bot is a notify_moderators flag queued for review, so its reviewable
// waits for a moderator to agree or disagree; a moderator may also unhide the post
// from the post's menu (posts_controller.rb#unhide), which Discourse does not
// attribute to anyone and which leaves the reviewable pending. An awaited hide
// whose reviewable is still pending is looked at (GET /posts/{id}.json) only when
// the listing shows its post changed since the last look (post_updated_at), or
// when it was never looked at by this process, within read_back_requests a pass,
// the least recently looked at first.
//
// A post's author facts are those /posts.json carries (the username and trust
// level, app/serializers/post_serializer.rb); account age and post count need
// GET /u/{username}.json, one paced request per author, which the caller asks
// for (AuthorFacts) only where they matter, and caches. Category names are
// cached in memory.
// Requests are paced under requests_per_minute; 429s are honoured (Retry-After and
// extras.wait_seconds); reads are retried on 5xx, timeouts and malformed bodies with
// capped exponential backoff and jitter. Writes that may have reached the forum are
// never blindly repeated: the forum's state is checked first.
#ifndef MODBOT_ADAPTERS_DISCOURSE_DISCOURSE_FORUM_H_
#define MODBOT_ADAPTERS_DISCOURSE_DISCOURSE_FORUM_H_

#include <chrono>
#include <map>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "adapters/backoff.h"
#include "adapters/discourse/discourse_api.h"
#include "adapters/forum.h"
#include "adapters/forum_factory.h"
#include "adapters/http_client.h"

namespace modbot {

class DiscourseForum : public Forum {
 public:
  explicit DiscourseForum(const ForumSettings& settings);

  ForumStatus CheckAccount() override;
  ForumStatus Poll(const std::string& cursor, std::chrono::seconds recent_window,
                   const UnjudgedFn& unjudged, PollResult* out) override;
  ForumStatus Hide(const std::string& post_id, const std::string& reason, bool retry) override;
  ForumStatus SendToReview(const std::string& post_id, const std::string& reason,
                           bool retry) override;
  ForumStatus Restore(const std::string& post_id, bool retry) override;
  ForumStatus Notify(const ForumNotice& notice, bool retry) override;
  ForumStatus ReadDecisions(const std::vector<AwaitedPost>& awaited,
                            std::vector<ForumDecision>* out) override;
  // post: the "post" of a Post Event (adapters/discourse/discourse_webhook.h).
  ForumStatus PushedPost(const std::string& post, ForumPost* out) override;
  ForumStatus AuthorFacts(const std::string& username, ForumAuthor* out) override;
  std::vector<std::chrono::system_clock::time_point> RecentRequests() const override;
  void RecallRequests(const std::vector<std::chrono::system_clock::time_point>& sent) override;

  // Requests sent so far (every attempt counts), for the figures in reports.
  long long requests_sent() const { return requests_sent_; }

 private:
  using Clock = std::chrono::system_clock;

  // Sends request: paced, 429 honoured, and when `idempotent`, retried on transient
  // failures. On success parses the body into *body (when non-null). A 401 or 403
  // is retried later, its message ending with forbidden_hint: what to check, which
  // only the caller knows (Discourse answers 403 for a bad key and for any action
  // its Guardian refuses alike). A 409 (an update conflict) is returned at once as
  // a retry: the caller must read the resource again before resending.
  ForumStatus Call(const HttpRequest& request, bool idempotent, nlohmann::json* body,
                   const std::string& forbidden_hint = "");

  // Flags the post; with `hide`, as staff taking action, and done only once the
  // post is hidden.
  ForumStatus Flag(const std::string& post_id, int type_id, const std::string& message,
                   bool hide, bool retry);
  ForumStatus FetchState(const std::string& post_id, discourse::PostState* state);
  // Hides a post that already carries our flag, which Discourse will not take a
  // second time, as a moderator does in the review queue: "Agree and hide" on its
  // reviewable. Done only once the post reads hidden.
  ForumStatus AgreeAndHide(const std::string& post_id, const discourse::PostState& state);
  // Decisions found in the review queue's decided flags; each found is erased
  // from *waiting (post id -> the awaited post). *pending gets, for each awaited
  // post whose flag is still pending, its post's post_updated_at.
  ForumStatus ReadFlagReviewables(std::map<long long, const AwaitedPost*>* waiting,
                                  std::vector<ForumDecision>* out,
                                  std::map<long long, std::string>* pending);
  // Fills decision's visible and version from the post as it is now; decides an
  // awaited hide from the post alone when *decision has no kind yet.
  ForumStatus LookAtPost(const std::string& post_id, ForumDecision* decision, bool* decided);
  ForumStatus ToForumPost(const discourse::LatestPost& post, ForumPost* out);
  ForumStatus CategoryName(long long id, std::string* out);
  ForumStatus ReplyToRaw(long long topic_id, int post_number, std::optional<std::string>* out);

  ForumSettings settings_;
  discourse::Auth auth_;
  HttpClient http_;
  mutable Pacer pacer_;
  long long requests_sent_ = 0;

  std::map<long long, std::string> categories_;
  Clock::time_point categories_fetched_{};
  std::map<std::pair<long long, int>, std::string> raw_by_number_;  // recent posts' raw
  // Awaited hides looked at: the post_updated_at the listing showed then, and when.
  struct Look {
    std::string post_updated_at;
    Clock::time_point at;
  };
  std::map<long long, Look> looked_;
};

}  // namespace modbot

#endif  // MODBOT_ADAPTERS_DISCOURSE_DISCOURSE_FORUM_H_
