// WebhookServer: the daemon's listener for Discourse's webhooks ([forum.webhook]),
// on its own thread with its own store connection.
//
// Any POST path takes a delivery (adapters/discourse/discourse_webhook.h). It is
// answered at once, and judged by the daemon from the store's queue, never here:
//   200  queued (post_created, post_edited), or a repeated event id dropped, or
//        another event (ping, ...) ignored
//   400  no X-Discourse-Event-Id, or a post event whose body is not a post
//   401  no X-Discourse-Event-Signature      403  a signature that does not match
//   413  a body over kMaxWebhookBody         500  the store failed: Discourse retries
// The signature is checked before anything of the body is read.
#ifndef MODBOT_BOT_WEBHOOK_SERVER_H_
#define MODBOT_BOT_WEBHOOK_SERVER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "bot/listen_address.h"
#include "bot/store.h"

namespace httplib {
class Server;
struct Request;
}  // namespace httplib

namespace modbot {

inline constexpr size_t kMaxWebhookBody = 1 << 20;

class WebhookServer {
 public:
  // on_queued is called (on a listener thread) after each post queued.
  WebhookServer(std::string secret, std::function<void()> on_queued);
  ~WebhookServer();
  WebhookServer(const WebhookServer&) = delete;
  WebhookServer& operator=(const WebhookServer&) = delete;

  // Opens the store at store_path and listens on listen (port 0: any free port).
  bool Start(const std::string& store_path, const ListenAddress& listen, std::string* error);
  int port() const { return port_; }
  void Stop();

 private:
  // The status of the answer to request, with its text in *answer.
  int Take(const httplib::Request& request, std::string* answer);

  std::string secret_;
  std::function<void()> on_queued_;
  std::mutex store_mu_;  // httplib answers on several threads; one connection
  std::unique_ptr<Store> store_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace modbot

#endif  // MODBOT_BOT_WEBHOOK_SERVER_H_
