#include "sample/discourse/webhook_sender.h"

#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <chrono>
#include <cstdio>

namespace modbot::sample {

std::string WebhookSignature(const std::string& secret, const std::string& body) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(body.data()), body.size(), digest, &length);
  std::string out = "sha256=";
  char hex[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(hex, sizeof hex, "%02x", digest[i]);
    out += hex;
  }
  return out;
}

WebhookSender::WebhookSender()
    : next_event_id_(std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count() *
                     1000),
      thread_([this] { Loop(); }) {}

WebhookSender::~WebhookSender() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_one();
  thread_.join();
}

void WebhookSender::Configure(std::string url, std::string secret) {
  std::lock_guard<std::mutex> lock(mu_);
  url_ = std::move(url);
  secret_ = std::move(secret);
}

void WebhookSender::Send(const std::string& event, std::string body) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (url_.empty()) return;
    queue_.push_back({event, std::move(body)});
  }
  cv_.notify_one();
}

long long WebhookSender::delivered() const {
  std::lock_guard<std::mutex> lock(mu_);
  return delivered_;
}

void WebhookSender::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    Delivery delivery = std::move(queue_.front());
    queue_.pop_front();
    const long long event_id = next_event_id_++;
    lock.unlock();
    Deliver(delivery, event_id);
    lock.lock();
  }
}

void WebhookSender::Deliver(const Delivery& delivery, long long event_id) {
  std::string url, secret;
  {
    std::lock_guard<std::mutex> lock(mu_);
    url = url_;
    secret = secret_;
  }
  const size_t path_at = url.find('/', url.find("://") + 3);
  const std::string origin = url.substr(0, path_at);
  const std::string path = path_at == std::string::npos ? "/" : url.substr(path_at);
  httplib::Client client(origin);
  client.set_connection_timeout(std::chrono::seconds(5));
  client.set_read_timeout(std::chrono::seconds(20));  // WebHookEmitter::REQUEST_TIMEOUT
  httplib::Headers headers = {{"Accept", "*/*"},
                              {"User-Agent", "Discourse/sample"},
                              {"X-Discourse-Instance", "http://sample.invalid"},
                              {"X-Discourse-Event-Id", std::to_string(event_id)},
                              {"X-Discourse-Event-Type", "post"},
                              {"X-Discourse-Event", delivery.event}};
  if (!secret.empty()) headers.emplace("X-Discourse-Event-Signature", WebhookSignature(secret, delivery.body));
  httplib::Result result = client.Post(path, headers, delivery.body, "application/json");
  if (result && result->status >= 200 && result->status < 300) {
    std::lock_guard<std::mutex> lock(mu_);
    ++delivered_;
  }
}

}  // namespace modbot::sample
