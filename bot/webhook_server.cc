#include "bot/webhook_server.h"

#include <httplib.h>

#include "bot/log.h"
#include "bot/webhook_queue.h"

namespace modbot {

WebhookServer::WebhookServer(WebhookReader reader, std::function<void()> on_queued)
    : reader_(std::move(reader)), on_queued_(std::move(on_queued)) {}

bool WebhookServer::Start(const std::string& store_path, const ListenAddress& listen,
                          std::string* error) {
  if (!http_.Open(store_path, error)) return false;
  // httplib answers 413 itself, before reading a body longer than this.
  http_.server().set_payload_max_length(kMaxWebhookBody);
  http_.server().Post(
      R"(/.*)", [this](const httplib::Request& request, httplib::Response& response) {
        std::string answer;
        response.status = Take(request, &answer);
        response.set_content(answer + "\n", "text/plain");
      });
  return http_.Listen(listen.host, listen.port, error);
}

int WebhookServer::Take(const httplib::Request& request, std::string* answer) {
  WebhookReading reading = reader_(
      {[&request](const char* name) { return request.get_header_value(name); }, request.body});
  if (reading.status != 200) {
    LogError("webhook from " + request.remote_addr + " refused (" +
             std::to_string(reading.status) + "): " + reading.answer);
  }
  if (!reading.pushed) {
    *answer = std::move(reading.answer);
    return reading.status;
  }
  const WebhookReading::PushedPost& pushed = *reading.pushed;
  bool repeated = false;
  std::string error;
  {
    std::lock_guard<std::mutex> lock(http_.store_mutex());
    if (!QueueWebhookPost(http_.store().db(), pushed.event_id, pushed.post_id, pushed.post,
                          NowMillis(), &repeated, &error)) {
      LogError("webhook " + pushed.event_id + ": store failure: " + error);
      *answer = "store failure";
      return 500;
    }
  }
  if (repeated) {
    *answer = "repeated: event " + pushed.event_id + " was taken already";
    return 200;
  }
  on_queued_();
  *answer = "queued: post " + pushed.post_id;
  return 200;
}

}  // namespace modbot
