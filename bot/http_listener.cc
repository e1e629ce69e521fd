#include "bot/http_listener.h"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>

namespace modbot {

int ListenInBackground(httplib::Server* server, const std::string& host, int port,
                       std::thread* thread, std::string* error) {
  // SO_REUSEADDR only: a restart may rebind at once, but httplib's default
  // SO_REUSEPORT would let a second daemon share the port and half the requests.
  server->set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  const int bound =
      port == 0 ? server->bind_to_any_port(host) : (server->bind_to_port(host, port) ? port : -1);
  if (bound <= 0) {
    *error = "cannot listen on " + host + ":" + std::to_string(port) +
             " (address in use, or not an address of this machine)";
    return 0;
  }
  *thread = std::thread([server] { server->listen_after_bind(); });
  // stop() before the loop runs would be lost and StopListening would wait forever.
  for (int i = 0; i < 2000 && !server->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return bound;
}

void StopListening(httplib::Server* server, std::thread* thread) {
  if (server) server->stop();
  if (thread->joinable()) thread->join();
}

}  // namespace modbot
