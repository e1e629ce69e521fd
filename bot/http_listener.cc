#include "bot/http_listener.h"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>

namespace modbot {

HttpListener::HttpListener() = default;

HttpListener::~HttpListener() { Stop(); }

bool HttpListener::Open(const std::string& store_path, std::string* error) {
  store_ = Store::Open(store_path, error);
  if (!store_) return false;
  server_ = std::make_unique<httplib::Server>();
  return true;
}

bool HttpListener::Listen(const std::string& host, int port, std::string* error) {
  // SO_REUSEADDR only: a restart may rebind at once, but httplib's default
  // SO_REUSEPORT would let a second daemon share the port and half the requests.
  server_->set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  const int bound =
      port == 0 ? server_->bind_to_any_port(host) : (server_->bind_to_port(host, port) ? port : -1);
  if (bound <= 0) {
    *error = "cannot listen on " + host + ":" + std::to_string(port) +
             " (address in use, or not an address of this machine)";
    server_.reset();
    return false;
  }
  httplib::Server* server = server_.get();
  thread_ = std::thread([server] { server->listen_after_bind(); });
  // stop() before the loop runs would be lost and Stop would wait forever.
  for (int i = 0; i < 2000 && !server->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  port_ = bound;
  return true;
}

void HttpListener::Stop() {
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
}

}  // namespace modbot
