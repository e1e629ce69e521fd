#include "bot/metrics_server.h"

#include <httplib.h>

#include "adapters/http_client.h"

namespace modbot {

MetricsServer::MetricsServer(Metrics* metrics, std::chrono::milliseconds stale_after)
    : metrics_(metrics), stale_after_(stale_after) {}

MetricsServer::~MetricsServer() { Stop(); }

bool MetricsServer::Start(const std::string& store_path, const std::string& host, int port,
                          std::string* error) {
  if (!http_.Open(store_path, error)) return false;
  started_at_ = NowMillis();
  http_.server().Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    StoreBacklog backlog;
    std::string store_error;
    {
      std::lock_guard<std::mutex> lock(http_.store_mutex());
      if (!http_.store().Backlog(&backlog, &store_error)) {
        res.status = 500;
        res.set_content("store failure: " + store_error + "\n", "text/plain");
        return;
      }
    }
    res.set_content(metrics_->Render(NowMillis(), backlog, HttpResponseCounts(),
                                     HttpRequestsInLastMinute()),
                    "text/plain; version=0.0.4; charset=utf-8");
  });
  http_.server().Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
    int status = 200;
    std::string body = Health(&status);
    res.status = status;
    res.set_content(body, "text/plain");
  });
  return http_.Listen(host, port, error);
}

std::string MetricsServer::Health(int* status) {
  StoreBacklog backlog;
  std::string error;
  {
    std::lock_guard<std::mutex> lock(http_.store_mutex());
    if (!http_.store().Backlog(&backlog, &error)) {
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

void MetricsServer::Stop() { http_.Stop(); }

}  // namespace modbot
