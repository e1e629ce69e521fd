// WebhookServer: the daemon's listener for the forum's webhooks ([forum.webhook]),
// on its own thread with its own store connection.
//
// Any POST path takes a delivery, read by the forum's adapter (a WebhookReader:
// adapters/webhook_delivery.h). It is answered at once, and judged by the daemon
// from the store's queue, never here:
//   200  a post queued, or a repeated event id dropped, or an event ignored
//   4xx  refused by the reader (no or a wrong signature, not a post event's body)
//   413  a body over kMaxWebhookBody         500  the store failed: the forum retries
#ifndef MODBOT_BOT_WEBHOOK_SERVER_H_
#define MODBOT_BOT_WEBHOOK_SERVER_H_

#include <cstddef>
#include <functional>
#include <string>

#include "adapters/webhook_delivery.h"
#include "bot/http_listener.h"
#include "bot/listen_address.h"

namespace httplib {
struct Request;
}  // namespace httplib

namespace modbot {

inline constexpr size_t kMaxWebhookBody = 1 << 20;

class WebhookServer {
 public:
  // on_queued is called (on a listener thread) after each post queued.
  WebhookServer(WebhookReader reader, std::function<void()> on_queued);
  WebhookServer(const WebhookServer&) = delete;
  WebhookServer& operator=(const WebhookServer&) = delete;

  // Opens the store at store_path and listens on listen (port 0: any free port).
  bool Start(const std::string& store_path, const ListenAddress& listen, std::string* error);
  int port() const { return http_.port(); }
  void Stop() { http_.Stop(); }

 private:
  // The status of the answer to request, with its text in *answer.
  int Take(const httplib::Request& request, std::string* answer);

  WebhookReader reader_;
  std::function<void()> on_queued_;
  HttpListener http_;
};

}  // namespace modbot

#endif  // MODBOT_BOT_WEBHOOK_SERVER_H_
