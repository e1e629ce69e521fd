// NewForum: the one place that maps a forum type name to its adapter.
#ifndef MODBOT_ADAPTERS_FORUM_FACTORY_H_
#define MODBOT_ADAPTERS_FORUM_FACTORY_H_

#include <chrono>
#include <memory>
#include <string>

#include "adapters/backoff.h"
#include "adapters/forum.h"
#include "adapters/webhook_delivery.h"

namespace modbot {

struct ForumSettings {
  std::string type;  // "discourse" or "phpbb"
  std::string url;   // base URL, e.g. "https://forum.example.org" (no trailing slash)
  std::string api_username;  // phpBB: the moderator account's username
  // A secret, read from the environment or a file, never logged: the API key
  // (Discourse), or the account's password (phpBB, config keys password_env/_file).
  std::string api_key;

  int requests_per_minute = 60;  // Discourse's default max_admin_api_reqs_per_minute
  int retries = 3;               // extra attempts per read on 429, 5xx, timeouts
  BackoffPolicy backoff;
  std::chrono::milliseconds timeout{30000};
  std::chrono::seconds max_wait{300};  // cap on a forum's Retry-After
  // The most requests one Forum::ReadDecisions may send to look at single posts,
  // beyond the listings it must read; 0: no cap. Set from [forum]
  // decisions_budget_share (bot/daemon_config.h).
  int read_back_requests = 0;
};

// The adapter for settings.type, or nullptr with *error set.
std::unique_ptr<Forum> NewForum(const ForumSettings& settings, std::string* error);

// The reader of the webhooks a forum of this type ("discourse") sends, signed
// with secret; an empty function for a forum type that sends none.
WebhookReader NewWebhookReader(const std::string& type, std::string secret);

}  // namespace modbot

#endif  // MODBOT_ADAPTERS_FORUM_FACTORY_H_
