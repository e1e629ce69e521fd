// WebhookSender: the sample forum's Jobs::EmitWebHookEvent
// (app/jobs/regular/emit_web_hook_event.rb, repository discourse/discourse): POSTs
// each event body to one payload URL with Discourse's headers (build_webhook_headers)
// and signature, on its own thread, in order. A delivery that fails is not retried,
// as with Discourse's default retry_web_hook_events = false
// (config/site_settings.yml): the event is lost, which is what polling catches up.
#ifndef MODBOT_SAMPLE_DISCOURSE_WEBHOOK_SENDER_H_
#define MODBOT_SAMPLE_DISCOURSE_WEBHOOK_SENDER_H_

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace modbot::sample {

// "sha256=" and the lower-case hex HMAC-SHA256 of body under secret, as
// OpenSSL::HMAC.hexdigest("sha256", secret, body) writes it.
std::string WebhookSignature(const std::string& secret, const std::string& body);

class WebhookSender {
 public:
  WebhookSender();
  // Drops what is not sent yet.
  ~WebhookSender();
  WebhookSender(const WebhookSender&) = delete;
  WebhookSender& operator=(const WebhookSender&) = delete;

  // url: "http://host:port/path" ("" turns the webhook off); secret signs each body.
  void Configure(std::string url, std::string secret);
  // Queues one delivery of body (the JSON text {"post": ...}) as event
  // ("post_created", "post_edited"); nothing when no URL is set.
  void Send(const std::string& event, std::string body);
  // Deliveries answered 2xx so far.
  long long delivered() const;

 private:
  struct Delivery {
    std::string event;
    std::string body;
  };
  void Loop();
  void Deliver(const Delivery& delivery, long long event_id);

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Delivery> queue_;
  std::string url_, secret_;
  bool stopping_ = false;
  long long delivered_ = 0;
  // WebHookEvent ids are database ids, never reused: counting from the start time
  // keeps a restarted sample forum from reusing them.
  long long next_event_id_;
  std::thread thread_;
};

}  // namespace modbot::sample

#endif  // MODBOT_SAMPLE_DISCOURSE_WEBHOOK_SENDER_H_
