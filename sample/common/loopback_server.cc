#include "sample/common/loopback_server.h"

#include <httplib.h>

#include <chrono>

namespace modbot::sample {

LoopbackServer::LoopbackServer(Handler handler) : server_(std::make_unique<httplib::Server>()) {
  server_->Get(".*", handler);
  server_->Post(".*", handler);
  server_->Put(".*", handler);
  server_->Delete(".*", handler);
  server_->set_keep_alive_max_count(1000);
  server_->set_tcp_nodelay(true);  // no Nagle delay between headers and body
}

LoopbackServer::~LoopbackServer() { Stop(); }

int LoopbackServer::Start(int port) {
  port = port == 0 ? server_->bind_to_any_port("127.0.0.1")
                   : (server_->bind_to_port("127.0.0.1", port) ? port : -1);
  if (port <= 0) return 0;
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // stop() before the accept loop runs would be lost; wait for it.
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return port;
}

void LoopbackServer::Stop() {
  if (thread_.joinable()) {
    server_->stop();
    thread_.join();
  }
}

std::string EscapeHtml(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace modbot::sample
