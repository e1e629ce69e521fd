#include "bot/webhook_server.h"

#include <httplib.h>

#include "adapters/discourse/discourse_webhook.h"
#include "bot/http_listener.h"
#include "bot/log.h"
#include "bot/webhook_queue.h"

namespace modbot {

WebhookServer::WebhookServer(std::string secret, std::function<void()> on_queued)
    : secret_(std::move(secret)), on_queued_(std::move(on_queued)) {}

WebhookServer::~WebhookServer() { Stop(); }

bool WebhookServer::Start(const std::string& store_path, const ListenAddress& listen,
                          std::string* error) {
  store_ = Store::Open(store_path, error);
  if (!store_) return false;
  server_ = std::make_unique<httplib::Server>();
  // httplib answers 413 itself, before reading a body longer than this.
  server_->set_payload_max_length(kMaxWebhookBody);
  server_->Post(R"(/.*)", [this](const httplib::Request& request, httplib::Response& response) {
    std::string answer;
    response.status = Take(request, &answer);
    response.set_content(answer + "\n", "text/plain");
  });
  port_ = ListenInBackground(server_.get(), listen.host, listen.port, &thread_, error);
  if (port_ == 0) {
    server_.reset();
    return false;
  }
  return true;
}

int WebhookServer::Take(const httplib::Request& request, std::string* answer) {
  const std::string event = request.get_header_value(discourse::kEventHeader);
  const std::string event_id = request.get_header_value(discourse::kEventIdHeader);
  const std::string signature = request.get_header_value(discourse::kSignatureHeader);
  auto refuse = [&](int status, std::string why) {
    LogError("webhook from " + request.remote_addr + " refused (" + std::to_string(status) +
             "): " + why);
    *answer = std::move(why);
    return status;
  };
  if (signature.empty()) {
    return refuse(401, std::string("no ") + discourse::kSignatureHeader +
                           ": set the webhook's secret on the forum");
  }
  if (!discourse::WebhookSignatureValid(secret_, request.body, signature)) {
    return refuse(403, "the signature does not match: the webhook's secret on the forum "
                       "differs from [forum.webhook] secret_file");
  }
  if (event_id.empty()) return refuse(400, std::string("no ") + discourse::kEventIdHeader);
  if (!discourse::IsPostTextEvent(event)) {
    *answer = "ignored: event '" + event + "'";
    return 200;
  }
  discourse::LatestPost post;
  std::string post_json, error;
  bool listed = false;
  if (!discourse::ParseWebhookBody(request.body, &post, &post_json, &listed, &error)) {
    return refuse(400, event + " " + event_id + ": " + error);
  }
  if (!listed) {
    *answer = "ignored: post " + std::to_string(post.id) + " is not in a public topic";
    return 200;
  }
  bool repeated = false;
  {
    std::lock_guard<std::mutex> lock(store_mu_);
    if (!QueueWebhookPost(store_->db(), event_id, std::to_string(post.id), post_json,
                          NowMillis(), &repeated, &error)) {
      LogError("webhook " + event_id + ": store failure: " + error);
      *answer = "store failure";
      return 500;
    }
  }
  if (repeated) {
    *answer = "repeated: event " + event_id + " was taken already";
    return 200;
  }
  on_queued_();
  *answer = "queued: post " + std::to_string(post.id);
  return 200;
}

void WebhookServer::Stop() {
  StopListening(server_.get(), &thread_);
  server_.reset();
}

}  // namespace modbot
