#include "adapters/forum_factory.h"

#include "adapters/discourse/discourse_forum.h"
#include "adapters/discourse/discourse_webhook.h"
#include "adapters/phpbb/phpbb_forum.h"

namespace modbot {

std::unique_ptr<Forum> NewForum(const ForumSettings& settings, std::string* error) {
  if (settings.type == "discourse") return std::make_unique<DiscourseForum>(settings);
  if (settings.type == "phpbb") return std::make_unique<PhpbbForum>(settings);
  *error = "unknown forum type '" + settings.type + "'";
  return nullptr;
}

WebhookReader NewWebhookReader(const std::string& type, std::string secret) {
  if (type != "discourse") return nullptr;
  return [secret = std::move(secret)](const WebhookRequest& request) {
    return discourse::ReadWebhook(secret, request);
  };
}

}  // namespace modbot
