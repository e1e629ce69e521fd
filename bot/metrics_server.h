// MetricsServer: the daemon's optional HTTP listener ([http] listen), serving
//
//   GET /metrics   Prometheus text exposition format 0.0.4 (bot/metrics.h)
//   GET /healthz   200 "ok" while the store answers and the forum was polled
//                  successfully within stale_after (or the daemon started less
//                  than stale_after ago); 503 with the reason otherwise
//
// on its own thread, with its own read connection to the store. It serves
// nothing else and reads nothing from requests: bind it to loopback, or put a
// proxy with access control in front of it.
#ifndef MODBOT_BOT_METRICS_SERVER_H_
#define MODBOT_BOT_METRICS_SERVER_H_

#include <chrono>
#include <string>

#include "bot/http_listener.h"
#include "bot/metrics.h"

namespace modbot {

class MetricsServer {
 public:
  MetricsServer(Metrics* metrics, std::chrono::milliseconds stale_after);
  ~MetricsServer();
  MetricsServer(const MetricsServer&) = delete;
  MetricsServer& operator=(const MetricsServer&) = delete;

  // Opens the store at store_path and listens on host:port (0: any free port).
  bool Start(const std::string& store_path, const std::string& host, int port,
             std::string* error);
  int port() const { return http_.port(); }
  void Stop();

 private:
  std::string Health(int* status);

  Metrics* metrics_;
  std::chrono::milliseconds stale_after_;
  int64_t started_at_ = 0;
  HttpListener http_;
};

}  // namespace modbot

#endif  // MODBOT_BOT_METRICS_SERVER_H_
