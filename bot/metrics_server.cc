#include "bot/metrics_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include "adapters/http_client.h"

namespace modbot {

MetricsServer::MetricsServer(Metrics* metrics, std::chrono::milliseconds stale_after)
    : metrics_(metrics), stale_after_(stale_after) {}

MetricsServer::~MetricsServer() { Stop(); }

bool MetricsServer::Start(const std::string& store_path, const std::string& host, int port,
                          std::string* error) {
  store_ = Store::Open(store_path, error);
  if (!store_) return false;
  started_at_ = NowMillis();
  server_ = std::make_unique<httplib::Server>();
  // SO_REUSEADDR only: a restart may rebind at once, but httplib's default
  // SO_REUSEPORT would let a second daemon share the port and half the scrapes.
  server_->set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server_->Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    OutboxBacklog backlog;
    std::string store_error;
    {
      std::lock_guard<std::mutex> lock(store_mu_);
      if (!store_->Backlog(&backlog, &store_error)) {
        res.status = 500;
        res.set_content("store failure: " + store_error + "\n", "text/plain");
        return;
      }
    }
    res.set_content(metrics_->Render(NowMillis(), backlog, HttpResponseCounts()),
                    "text/plain; version=0.0.4; charset=utf-8");
  });
  server_->Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
    int status = 200;
    std::string body = Health(&status);
    res.status = status;
    res.set_content(body, "text/plain");
  });
  port_ = port == 0 ? server_->bind_to_any_port(host) : (server_->bind_to_port(host, port) ? port : -1);
  if (port_ <= 0) {
    *error = "cannot listen on " + host + ":" + std::to_string(port) +
             " (address in use, or not an address of this machine)";
    server_.reset();
    return false;
  }
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // stop() before the loop runs would be lost and Stop() would wait forever.
  for (int i = 0; i < 2000 && !server_->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

std::string MetricsServer::Health(int* status) {
  OutboxBacklog backlog;
  std::string error;
  {
    std::lock_guard<std::mutex> lock(store_mu_);
    if (!store_->Backlog(&backlog, &error)) {
      *status = 503;
      return "store failure: " + error + "\n";
    }
  }
  const int64_t now = NowMillis();
  const int64_t since = metrics_->last_successful_poll().value_or(started_at_);
  if (now - since > stale_after_.count()) {
    *status = 503;
    return "no successful poll of the forum for " + std::to_string((now - since) / 1000) + " s\n";
  }
  *status = 200;
  return "ok\n";
}

void MetricsServer::Stop() {
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
}

}  // namespace modbot
