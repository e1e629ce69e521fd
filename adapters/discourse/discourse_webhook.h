// Discourse's webhooks as they travel, with no I/O: the headers, the signature and
// the body of a Post Event (repository discourse/discourse).
//
// Jobs::EmitWebHookEvent (app/jobs/regular/emit_web_hook_event.rb) POSTs the body
// {"post": {...}} (build_webhook_body: the event type as the only key) with
//   X-Discourse-Event-Type: post
//   X-Discourse-Event: post_created | post_edited | ...
//   X-Discourse-Event-Id: the WebHookEvent row's id, one per delivery
//   X-Discourse-Event-Signature: sha256=<hex of HMAC-SHA256(secret, body)>
// (build_webhook_headers: OpenSSL::HMAC.hexdigest("sha256", secret, body), lower-case
// hex), and {"ping": "OK"} with event "ping" when an admin presses Ping. The post
// is WebHookPostSerializer (app/serializers/web_hook_post_serializer.rb): a
// PostSerializer with raw, topic_title and category_id always included, the same
// fields /posts.json carries.
#ifndef MODBOT_ADAPTERS_DISCOURSE_DISCOURSE_WEBHOOK_H_
#define MODBOT_ADAPTERS_DISCOURSE_DISCOURSE_WEBHOOK_H_

#include <string>
#include <string_view>

#include "adapters/discourse/discourse_api.h"
#include "adapters/webhook_delivery.h"

namespace modbot::discourse {

inline constexpr const char* kEventHeader = "X-Discourse-Event";
inline constexpr const char* kEventIdHeader = "X-Discourse-Event-Id";
inline constexpr const char* kSignatureHeader = "X-Discourse-Event-Signature";

// Whether signature is "sha256=" followed by the hex HMAC-SHA256 of body under
// secret, upper- or lower-case. The digests are compared in constant time, so the
// answer's timing tells nothing of the right signature.
bool WebhookSignatureValid(std::string_view secret, std::string_view body,
                           std::string_view signature);

// Whether Discourse sends this event when a post's text appears or changes
// (config/initializers/012-web_hook_events.rb: post_created, post_edited).
bool IsPostTextEvent(std::string_view event);

// The post of a Post Event body, {"post": {...}}, as ParseLatestPosts reads an
// entry of /posts.json. *post_json is the post object alone, re-serialised, for
// ParseWebhookPost later. *listed says whether /posts.json lists such a post
// (app/queries/latest_posts_query.rb: regular posts in public topics), which a
// private message (topic_archetype "private_message", the bot's own notices among
// them) or a moderator's small action (post_type 3) is not. False with *error
// when the body is not that.
bool ParseWebhookBody(std::string_view body, LatestPost* post, std::string* post_json,
                      bool* listed, std::string* error);
// The post object kept by ParseWebhookBody.
bool ParseWebhookPost(std::string_view post_json, LatestPost* post, std::string* error);

// A delivery as the listener answers it: 401 without a signature, 403 with a
// wrong one (checked before anything of the body is read), 400 without an event
// id or with a post event whose body is not a post; 200 otherwise, with the post
// to queue for post_created and post_edited in a public topic (its post object,
// for ParseWebhookPost), and nothing for other events (ping, ...).
WebhookReading ReadWebhook(std::string_view secret, const WebhookRequest& request);

}  // namespace modbot::discourse

#endif  // MODBOT_ADAPTERS_DISCOURSE_DISCOURSE_WEBHOOK_H_
