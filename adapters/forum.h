// Forum: what the daemon needs from a forum, whatever software runs it.
//
// An adapter (adapters/discourse/, adapters/phpbb/, ...) speaks one forum's wire
// format and knows nothing of the policy: it reports posts as markup plus a format
// name, and it carries out moderation actions. The daemon never names a forum
// software; adding one is adding a folder that implements this interface.
//
// Every call returns a ForumStatus value; adapters never throw. Actions are
// idempotent from the caller's point of view: when `retry` is true an earlier
// attempt may have reached the forum (the daemon crashed or the reply was lost), so
// the adapter checks the forum's state before acting again.
#ifndef MODBOT_ADAPTERS_FORUM_H_
#define MODBOT_ADAPTERS_FORUM_H_

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace modbot {

struct ForumStatus {
  enum class Code {
    kOk,
    kRetry,      // transient (429, 5xx, timeout, bad gateway, malformed body)
    kPermanent,  // the forum refused the request as such; retrying will not help
    kGone,       // the post (or user) no longer exists
  };
  Code code = Code::kOk;
  int retry_after_seconds = 0;  // kRetry: the forum's own wait hint, 0 when none
  std::string message;          // for logs; never contains a secret

  static ForumStatus Ok() { return {}; }
  static ForumStatus Retry(std::string message, int after_seconds = 0) {
    return {Code::kRetry, after_seconds, std::move(message)};
  }
  static ForumStatus Permanent(std::string message) {
    return {Code::kPermanent, 0, std::move(message)};
  }
  static ForumStatus Gone(std::string message) { return {Code::kGone, 0, std::move(message)}; }

  bool ok() const { return code == Code::kOk; }
};

// What the forum knows of a post's author. Unknown facts stay empty.
struct ForumAuthor {
  std::string username;
  std::optional<int> account_age_days;
  std::optional<int> post_count;
  std::optional<int> trust_level;  // Discourse 0-4; other forums map onto it
  // The forum can tell more than it sent with the post, at the cost of one request
  // (Forum::AuthorFacts); the caller decides whether the post needs it.
  bool more_known = false;
};

struct ForumPost {
  std::string id;       // the forum's post id, as text
  std::string cursor;   // opaque: the poll cursor that lies just after this post
  std::string version;  // changes whenever the post's text changes
  std::string markup;   // the post as its author wrote it
  std::string format;   // "markdown", "bbcode" or "html"
  std::string topic_title;
  std::string category;
  std::optional<std::string> reply_to;  // markup of the post replied to, when known
  std::string reply_to_format;          // format of reply_to
  std::string url;                      // where a person can read the post
  ForumAuthor author;
};

struct PollResult {
  // Posts after the cursor, oldest first, none skipped.
  std::vector<ForumPost> new_posts;
  // Posts at or before the cursor, created within the recent window, whose
  // current version the caller has not judged (edited since, or late to appear).
  std::vector<ForumPost> recent_posts;
};

// A private message to a post's author about that post. The title is unique per
// post so that an adapter can tell whether it was already sent.
struct ForumNotice {
  std::string post_id;
  std::string username;
  std::string title;
  std::string body;
};

// A post on which the bot acted on the forum (hid it, or flagged it for the forum's
// review queue) and which no human has decided yet.
struct AwaitedPost {
  std::string post_id;
  bool hidden = false;  // the bot hid it; otherwise it flagged it for review
  std::chrono::system_clock::time_point since;  // when the bot's action was done
};

// What a person did on the forum about an awaited post. Facts only: the adapter
// says what happened, the daemon decides what it means.
struct ForumDecision {
  enum class Kind {
    kUpheld,     // the flag was agreed with, or the post deleted by a moderator
    kOverruled,  // the flag was disagreed with, or the hidden post made visible again
    kIgnored,    // the flag was dismissed and the post left as it was
  };
  std::string post_id;
  Kind kind = Kind::kUpheld;
  std::string moderator;  // "" when the forum does not record who did it
  std::chrono::system_clock::time_point at;  // when, as the forum says (or when seen)
  std::string how;         // the forum's own words for it, for the audit log
  // Whether a resident can read the post now; nullopt when not known.
  std::optional<bool> visible;
  // The post's text version now (as ForumPost::version); "" when not read.
  std::string version;
};

class Forum {
 public:
  virtual ~Forum() = default;

  // Says whether this version of a post still needs judging.
  using UnjudgedFn = std::function<bool(const std::string& post_id, const std::string& version)>;

  // New posts after `cursor` ("" = from the first post), and the posts created
  // within `recent_window` for which unjudged(id, version) holds. Facts about a
  // post (the post it replies to) are fetched only for posts returned; author facts
  // are those the listing carries (see ForumAuthor::more_known).
  // On failure *out is left empty.
  virtual ForumStatus Poll(const std::string& cursor, std::chrono::seconds recent_window,
                           const UnjudgedFn& unjudged, PollResult* out) = 0;

  // Every fact the forum knows of username, one request or more. An adapter whose
  // posts carry every fact (more_known never set) keeps this default.
  virtual ForumStatus AuthorFacts(const std::string& username, ForumAuthor* out) {
    out->username = username;
    return ForumStatus::Ok();
  }

  // When the adapter's recent requests went out, oldest first, for the caller to
  // keep across a restart: the forum's own limiter remembers them (Discourse's
  // counts the last 60 s of every admin key), so a restarted adapter that paced
  // from zero would burst into a 429. RecallRequests hands them back at start.
  virtual std::vector<std::chrono::system_clock::time_point> RecentRequests() const {
    return {};
  }
  virtual void RecallRequests(const std::vector<std::chrono::system_clock::time_point>&) {}

  // Whether the account the bot acts as may do what the bot asks of the forum
  // (Discourse: hide posts at once, which needs a moderator or an admin).
  // kPermanent when it may not: the daemon then refuses to run. An adapter whose
  // forum has nothing to check returns Ok.
  virtual ForumStatus CheckAccount() { return ForumStatus::Ok(); }

  // Hides the post at once; `reason` is shown to moderators. Ok only once the
  // post is hidden; kPermanent when the forum took the request but left the post
  // visible.
  virtual ForumStatus Hide(const std::string& post_id, const std::string& reason,
                           bool retry) = 0;
  // Sends the post to the forum's own review queue without hiding it.
  virtual ForumStatus SendToReview(const std::string& post_id, const std::string& reason,
                                   bool retry) = 0;
  // Makes a hidden post visible again (a moderator overruled the bot); Ok at once
  // when it is visible already.
  virtual ForumStatus Restore(const std::string& post_id, bool retry) = 0;
  // Sends notice to the post's author as a private message.
  virtual ForumStatus Notify(const ForumNotice& notice, bool retry) = 0;

  // The post a webhook of the forum pushed (post: the post as the listener queued
  // it, bot/webhook_queue.h), as Poll would report it. kPermanent when the text is
  // not a post of this forum, or the forum pushes nothing.
  virtual ForumStatus PushedPost(const std::string& post, ForumPost* out) {
    (void)post;
    (void)out;
    return ForumStatus::Permanent("this forum sends no webhooks");
  }

  // The decisions people took on the forum about the awaited posts, at most one
  // per post, in no particular order; a post nobody decided yet is left out. Reads
  // only, paced like every other request.
  virtual ForumStatus ReadDecisions(const std::vector<AwaitedPost>& awaited,
                                    std::vector<ForumDecision>* out) = 0;
};

}  // namespace modbot

#endif  // MODBOT_ADAPTERS_FORUM_H_
