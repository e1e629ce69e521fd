// A forum's webhook deliveries as the daemon's listener (bot/webhook_server.h)
// takes them. Each adapter whose forum pushes posts reads its own wire format
// (headers, signature, body) into a WebhookReading, so that the listener knows
// HTTP and the store, and no forum software.
#ifndef MODBOT_ADAPTERS_WEBHOOK_DELIVERY_H_
#define MODBOT_ADAPTERS_WEBHOOK_DELIVERY_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace modbot {

struct WebhookRequest {
  // The value of the request header `name`, "" when it is absent.
  std::function<std::string(const char* name)> header;
  std::string_view body;
};

struct WebhookReading {
  // A post the delivery pushes, to be queued and judged later.
  struct PushedPost {
    std::string event_id;  // the forum's id of the delivery: a repeat is dropped
    std::string post_id;
    std::string post;  // what Forum::PushedPost reads back
  };

  // The HTTP answer to the forum: 200 when taken or ignored, 4xx when refused.
  int status = 200;
  // Its text: why a delivery was refused or ignored.
  std::string answer;
  std::optional<PushedPost> pushed;
};

// Reads one delivery. Pure: called on the listener's threads, at once.
using WebhookReader = std::function<WebhookReading(const WebhookRequest&)>;

}  // namespace modbot

#endif  // MODBOT_ADAPTERS_WEBHOOK_DELIVERY_H_
