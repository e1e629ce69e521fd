// The daemon's part of config.toml: [forum], [store] and [notices].
//
//   [forum]
//   type = "discourse"
//   url = "https://forum.example.org"
//   api_username = "modbot"
//   api_key_env = "MODBOT_FORUM_KEY"      # or api_key_file = "/etc/modbot/forum.key"
//   poll_interval_seconds = 30
//   requests_per_minute = 60               # Discourse's default admin API limit
//   edit_window_minutes = 60               # edits to newer posts are re-judged...
//   edit_scan_interval_seconds = 300       # ...found by a re-scan this often
//   review_queue = "both"                  # "forum", "local" or "both"
//   decisions_interval_seconds = 300       # read back decisions taken on the forum
//   decisions_window_days = 14             # ...about actions at most this old
//   timeout_seconds = 30, retries = 3, retry_initial_ms = 500, retry_max_ms = 60000
//
//   [forum.webhook]                        # optional, Discourse only: webhooks on
//   listen = "127.0.0.1:9465"              # where Discourse POSTs its Post Events
//   secret_file = "/etc/modbot/webhook.secret"
//   poll_interval_seconds = 300            # polling goes on as the catch-up
//
//   [store]
//   path = "modbot.db"                     # relative to the config file
//
//   [notices]
//   enabled = true
//   language = "auto"                      # the post's; "en", "fr" or "both"
//   excerpt_chars = 160
//   [notices.en] / [notices.fr]: subject, body, appeal (see bot/notice.h)
//
//   [log]
//   format = "text"                        # or "json": one JSON object a line (bot/log.h)
//
//   [http]                                 # optional; no listener without it
//   listen = "127.0.0.1:9464"              # /metrics and /healthz (bot/metrics_server.h)
//
//   [console]                              # the review console (bot/console_config.h)
//
// The API key is a secret: it is read here from the environment or from a file and
// is never accepted in the config text.
#ifndef MODBOT_BOT_DAEMON_CONFIG_H_
#define MODBOT_BOT_DAEMON_CONFIG_H_

#include <chrono>
#include <string>

#include <toml++/toml.h>

#include "adapters/forum_factory.h"
#include "bot/config_reader.h"
#include "bot/console_config.h"
#include "bot/learned_model_config.h"
#include "bot/listen_address.h"
#include "bot/log.h"
#include "bot/notice.h"

namespace modbot {

enum class ReviewRoute { kForum, kLocal, kBoth };

// [forum.webhook]: Discourse POSTs post_created and post_edited events to listen,
// signed with secret (bot/webhook_server.h). The post is judged within a second;
// polling goes on at the table's poll_interval_seconds, which replaces [forum]'s,
// so that nothing sent while the listener was down is missed.
struct WebhookConfig {
  ListenAddress listen;  // port 0: no webhook listener
  std::string secret;    // read from secret_file
};

struct DaemonConfig {
  ForumSettings forum;  // forum.api_key holds the secret once parsed
  std::chrono::milliseconds poll_interval{30000};
  std::chrono::minutes edit_window{60};
  // Edits are found by re-reading the posts of the edit window this often, so an
  // edit is re-judged at most edit_scan_interval + poll_interval after it is made.
  std::chrono::milliseconds edit_scan_interval{300000};
  // Decisions people take on the forum about the bot's hides and flags are read
  // back this often (0: never), for actions done within decisions_window.
  std::chrono::milliseconds decisions_interval{300000};
  std::chrono::hours decisions_window{24 * 14};
  ReviewRoute review_route = ReviewRoute::kBoth;
  std::string store_path;
  bool notify = true;
  NoticeSettings notices;
  LogFormat log_format = LogFormat::kText;  // [log] format = "text" | "json"
  std::string http_host;  // [http] listen = "host:port"; port 0: no listener
  int http_port = 0;
  ConsoleConfig console;  // [console]; off unless enabled
  WebhookConfig webhook;  // [forum.webhook]; off unless given
  // [memory] enabled: recall near-copies of decided posts and recent posts from the
  // store for each post judged (policy/prior_signals.h). The rest of [memory] is
  // the policy's (bot/policy_config.h).
  bool memory = true;
  // [memory] flood_window_minutes: how far back a cross-post flood is looked for.
  std::chrono::minutes flood_window{60};
  // [policy] learned_model and learned_min_decisions: the per-forum model.
  LearnedModelConfig learned;
};

// Fills *out from root's [forum], [store] and [notices] tables, reading the API key
// from its environment variable or file unless read_secret is false (the reports
// and `modbot review` work on the store alone, so a moderator needs no key). Every
// problem is added to reader with its file:line:col. Returns reader->ok().
bool ParseDaemonConfig(const toml::table& root, ConfigReader* reader, DaemonConfig* out,
                       bool read_secret = true);

}  // namespace modbot

#endif  // MODBOT_BOT_DAEMON_CONFIG_H_
