// The subset of the Discourse HTTP API that modbot uses: one builder per request and
// one parser per response, with no I/O, so that both can be tested on fixtures.
//
// Each builder names the Discourse source that serves the request (repository
// discourse/discourse). Writes are sent form-encoded, not as JSON: Discourse
// compares some flags as strings (post_actions_controller.rb:
// `params[:queue_for_review] == "true"`), which a JSON boolean would not satisfy.
#ifndef MODBOT_ADAPTERS_DISCOURSE_DISCOURSE_API_H_
#define MODBOT_ADAPTERS_DISCOURSE_DISCOURSE_API_H_

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/http_client.h"

namespace modbot::discourse {

// Post action type ids (app/models/post_action_type.rb; asserted in
// spec/models/post_action_type_view_spec.rb: off_topic 3, inappropriate 4,
// notify_user 6, notify_moderators 7, spam 8, illegal 10).
inline constexpr int kNotifyModerators = 7;

struct Auth {
  std::string base_url;  // no trailing slash
  std::string api_username;
  std::string api_key;
};

// GET /posts.json[?before=ID]: the 50 newest public posts with id < before, newest
// first, with raw (posts_controller.rb#latest, app/queries/latest_posts_query.rb).
HttpRequest LatestPostsRequest(const Auth& auth, std::optional<long long> before);
// GET /u/{username}.json (users_controller.rb#show; UserSerializer).
HttpRequest UserRequest(const Auth& auth, const std::string& username);
// GET /categories.json?include_subcategories=true (categories_controller.rb#index).
HttpRequest CategoriesRequest(const Auth& auth);
// GET /posts/{id}.json (posts_controller.rb#show; PostSerializer).
HttpRequest PostRequest(const Auth& auth, const std::string& post_id);
// GET /posts/by_number/{topic_id}/{post_number}.json (posts_controller.rb#by_number).
HttpRequest PostByNumberRequest(const Auth& auth, long long topic_id, int post_number);
// POST /post_actions with id, post_action_type_id, message and, to hide the post,
// queue_for_review=true (post_actions_controller.rb#create). From staff that hides
// the post at once and leaves its reviewable pending for a moderator, whatever the
// flag type (lib/post_action_creator.rb#auto_hide_if_needed: Post#hide! with
// custom_message :queued_by_staff).
HttpRequest FlagRequest(const Auth& auth, const std::string& post_id, int type_id,
                        const std::string& message, bool hide);
// PUT /posts/{id}/unhide (posts_controller.rb#unhide; config/routes.rb).
HttpRequest UnhideRequest(const Auth& auth, const std::string& post_id);
// POST /posts.json with archetype=private_message, target_recipients, title, raw
// (posts_controller.rb#create and #create_params).
HttpRequest PrivateMessageRequest(const Auth& auth, const std::string& username,
                                  const std::string& title, const std::string& raw);
// GET /topics/private-messages-sent/{api_username}.json (list_controller.rb).
HttpRequest SentMessagesRequest(const Auth& auth);
// GET /review.json?type=ReviewableFlaggedPost&status=all&sort_order=created_at
// &from_date=YYYY-MM-DD[&offset=N]: the flag reviewables created on or after
// from_date, pending and decided, newest first, PER_PAGE (10) a page
// (reviewables_controller.rb#index; Reviewable.list_for in app/models/reviewable.rb:
// "all" is every status, sort_order "created_at" is reviewables.created_at DESC).
HttpRequest FlagReviewablesRequest(const Auth& auth, const std::string& from_date, int offset);
// GET /review/{id}.json: one reviewable, with the version a perform must quote
// (reviewables_controller.rb#show).
HttpRequest ReviewableRequest(const Auth& auth, long long reviewable_id);
// PUT /review/{id}/perform/agree_and_hide?version=V: what a moderator's "Agree and
// hide" does in the review queue (reviewables_controller.rb#perform; staff only,
// ensure_can_see; app/models/reviewable_flagged_post.rb#perform_agree_and_hide
// agrees with the flags and calls Post#hide!). Discourse answers 409 when the
// version has moved (Reviewable#increment_version!, UpdateConflict).
HttpRequest AgreeAndHideRequest(const Auth& auth, long long reviewable_id, int version);

// One entry of "latest_posts" (PostSerializer with add_raw and add_title).
struct LatestPost {
  long long id = 0;
  long long topic_id = 0;
  int post_number = 0;
  std::optional<int> reply_to_post_number;
  std::string username;
  std::string raw;     // empty when the API user may not see raw
  std::string cooked;  // rendered HTML
  std::string topic_title;
  long long category_id = 0;
  int version = 1;
  std::chrono::system_clock::time_point created_at;
  std::string post_url;  // "/t/slug/topic_id/post_number"
  std::optional<int> trust_level;  // the author's (PostSerializer#trust_level)
};

struct UserFacts {
  std::chrono::system_clock::time_point created_at;
  std::optional<int> trust_level;
  std::optional<int> post_count;
  bool admin = false;
  bool moderator = false;
};

struct PostState {
  bool hidden = false;
  bool deleted = false;    // deleted_at set (staff can still read a deleted post)
  std::vector<int> acted;  // post action type ids the API user has taken on it
  int version = 1;
  std::string raw;
  std::string cooked;
  // The post's reviewable, sent to staff only (PostSerializer#include_reviewable_id?:
  // can_review_topic?); nullopt when the post has none or the reader is not staff.
  std::optional<long long> reviewable_id;
};

// Reviewable statuses as they travel (Reviewable.statuses, app/models/reviewable.rb;
// ReviewableSerializer sends status_for_database, the integer).
enum class ReviewableStatus { kPending = 0, kApproved = 1, kRejected = 2, kIgnored = 3, kDeleted = 4 };

// One entry of "reviewables" on a flagged post, with who moved it out of pending.
struct ReviewedFlag {
  long long reviewable_id = 0;
  long long post_id = 0;
  ReviewableStatus status = ReviewableStatus::kPending;
  std::chrono::system_clock::time_point created_at;
  // From the latest reviewable_histories row of type transitioned (1) to a
  // non-pending status (ReviewableHistorySerializer, created_by sideloaded in
  // "users"), else from a reviewable score's reviewed_by (ReviewableScoreSerializer).
  std::string decided_by;  // "" when the body does not say
  std::optional<std::chrono::system_clock::time_point> decided_at;
  // When the post last changed, as sent (ReviewableFlaggedPostSerializer
  // #post_updated_at: the post's updated_at, which Post#unhide! and every save
  // move); "" when the body does not say.
  std::string post_updated_at;
};

// What a perform needs of one reviewable (ReviewableSerializer: status, version).
struct ReviewableState {
  ReviewableStatus status = ReviewableStatus::kPending;
  int version = 0;
};

struct ReviewedFlagPage {
  std::vector<ReviewedFlag> flags;
  // The offset of the next page, from meta.load_more_reviewables (set only when
  // offset + PER_PAGE < total_rows); nullopt on the last page.
  std::optional<int> next_offset;
};

// Each parser returns false with *error set when the body is not what Discourse sends.
bool ParseLatestPosts(const nlohmann::json& body, std::vector<LatestPost>* out,
                      std::string* error);
bool ParseUser(const nlohmann::json& body, UserFacts* out, std::string* error);
bool ParseCategories(const nlohmann::json& body, std::map<long long, std::string>* out,
                     std::string* error);
bool ParsePostState(const nlohmann::json& body, PostState* out, std::string* error);
bool ParseRaw(const nlohmann::json& body, std::string* raw, std::string* error);
bool ParseReviewedFlags(const nlohmann::json& body, ReviewedFlagPage* out, std::string* error);
// {"reviewable":{...}}, the answer to ReviewableRequest.
bool ParseReviewable(const nlohmann::json& body, ReviewableState* out, std::string* error);
bool ParseSentTitles(const nlohmann::json& body, std::vector<std::string>* out,
                     std::string* error);
// Seconds from a 429 body: {"extras":{"wait_seconds":N}} (application_controller.rb,
// rescue_from RateLimiter::LimitExceeded).
std::optional<int> ParseWaitSeconds(const nlohmann::json& body);
// First message of {"errors":[...]} (render_json_error), or "".
std::string ParseErrors(const nlohmann::json& body);

// "2024-05-01T12:34:56.789Z" as Discourse writes times, or with an offset
// ("…-04:00"); nullopt if malformed.
std::optional<std::chrono::system_clock::time_point> ParseTime(std::string_view text);
std::string FormatTime(std::chrono::system_clock::time_point time);
// "2024-05-01", the form from_date takes (reviewables_controller_spec.rb: strftime("%F")).
std::string FormatDate(std::chrono::system_clock::time_point time);

}  // namespace modbot::discourse

#endif  // MODBOT_ADAPTERS_DISCOURSE_DISCOURSE_API_H_
