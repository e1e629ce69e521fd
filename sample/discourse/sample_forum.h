// SampleForum: a small stand-in for a Discourse site, for the demo and the tests.
//
// It speaks the subset of the Discourse HTTP API that modbot uses, with the same
// paths, fields and status codes as Discourse itself (sources cited beside each
// route in sample_forum.cc), keeps its state in memory, and can misbehave on
// demand: 429 with Retry-After, 500, slow answers, truncated JSON, connections
// closed mid-answer. Sample-only routes live under /admin/sample/.
#ifndef MODBOT_SAMPLE_DISCOURSE_SAMPLE_FORUM_H_
#define MODBOT_SAMPLE_DISCOURSE_SAMPLE_FORUM_H_

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "sample/common/sample_content.h"

namespace httplib {
class Server;
}

namespace modbot::sample {

// Each rate is the probability that one request meets that fault.
struct Faults {
  double rate_429 = 0;
  double rate_500 = 0;
  double rate_slow = 0;
  double rate_truncate = 0;
  double rate_reset = 0;
  int retry_after_seconds = 1;
  int slow_ms = 2000;
  // When > 0, a real limit: more requests than this in a minute get a 429, as
  // Discourse's max_admin_api_reqs_per_minute does.
  int requests_per_minute = 0;
};

struct SamplePost {
  long long id = 0;
  long long topic_id = 0;
  int post_number = 0;
  std::optional<int> reply_to_post_number;
  std::string username;
  std::string raw;
  int version = 1;
  bool hidden = false;
  std::chrono::system_clock::time_point created_at;
  std::chrono::system_clock::time_point last_version_at;  // when `version` last moved
  std::chrono::system_clock::time_point updated_at;
  std::optional<std::chrono::system_clock::time_point> hidden_at;
  std::map<int, std::string> flags;  // post action type id -> message, by the API user
  bool deleted = false;
};

// What a moderator does to a flagged post in the review queue: the actions of
// ReviewableFlaggedPost#build_actions (app/models/reviewable_flagged_post.rb).
enum class ReviewAction { kAgreeAndKeep, kAgreeAndHide, kDisagree, kIgnore, kDeleteAndAgree };

struct SampleMessage {
  long long topic_id = 0;
  std::string recipient;
  std::string title;
  std::string raw;
};

class SampleForum : public ContentSink {
 public:
  SampleForum(std::string api_username, std::string api_key);
  ~SampleForum();

  // Listens on 127.0.0.1:port (0 = any free port) in a background thread.
  // Returns the port, or 0 on failure.
  int Start(int port = 0);
  void Stop();

  void SetFaults(const Faults& faults);
  // Sends a signed webhook to url on each post created or edited (private messages
  // included), as a Discourse webhook with the Post Event does
  // (sample/discourse/webhook_sender.h); "" stops.
  void SetWebhook(std::string url, std::string secret);
  // Webhook deliveries answered 2xx.
  long long WebhooksDelivered() const;

  // State changes, as residents would make them.
  void AddUser(const SampleUser& user) override;
  long long AddTopic(const std::string& title, const std::string& category) override;
  long long AddPost(long long topic_id, const std::string& username, const std::string& raw,
                    std::optional<int> reply_to_post_number = std::nullopt,
                    std::optional<std::chrono::system_clock::time_point> created_at =
                        std::nullopt) override;
  bool EditPost(long long post_id, const std::string& raw);
  // A moderator unlists (or lists again) a topic (topics_controller.rb#status with
  // status "visible"): the topic's posts leave /posts.json while it is unlisted.
  bool SetTopicListed(long long topic_id, bool listed);
  // A staff member deletes the post for good (PostDestroyer#permanently_delete,
  // lib/post_destroyer.rb): from then on every route answers 404 for it.
  bool DeletePost(long long post_id);

  // A moderator at work in the forum's own UI, as Discourse records it: Perform
  // decides the post's pending flag reviewable (false when it has none pending),
  // Unhide is posts_controller.rb#unhide (which records no one), TrashPost deletes it
  // the usual way (PostDestroyer#destroy: deleted_at set, staff can still read it).
  bool Perform(long long post_id, ReviewAction action, const std::string& moderator);
  bool Unhide(long long post_id);
  bool TrashPost(long long post_id);
  // A resident's flag on a post (reopens a decided reviewable, as needs_review! does).
  bool FlagAsResident(long long post_id, const std::string& username, int type_id);
  // Makes a user a moderator (staff) or not; the API user starts as an admin.
  void SetStaff(const std::string& username, bool staff);

  // The shared sample content (sample/common/sample_content.h).
  void SeedDemo() { SeedDemoContent(this); }
  void SeedSynthetic(int n, unsigned seed) { SeedSyntheticContent(this, n, seed); }

  // Copies of the state, for tests and reports.
  std::vector<SamplePost> Posts() const;
  // The private messages the API user sent.
  std::vector<SampleMessage> Messages() const;
  // The system messages Discourse sent on its own (Post#hide!'s post_hidden).
  std::vector<SampleMessage> SystemMessages() const;
  long long requests() const;
  std::map<std::string, long long> RequestsByRoute() const;
  // The whole state as JSON text (also served at GET /admin/sample/state.json).
  std::string StateJson() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace modbot::sample

#endif  // MODBOT_SAMPLE_DISCOURSE_SAMPLE_FORUM_H_
