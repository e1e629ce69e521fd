// HttpListener: an HTTP server of the daemon ([http], [console], [forum.webhook])
// serving on its own thread, with its own connection to the store. httplib
// answers on several threads, so handlers reach the store under store_mutex().
#ifndef MODBOT_BOT_HTTP_LISTENER_H_
#define MODBOT_BOT_HTTP_LISTENER_H_

#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "bot/store.h"

namespace httplib {
class Server;
}

namespace modbot {

class HttpListener {
 public:
  HttpListener();
  ~HttpListener();  // stops
  HttpListener(const HttpListener&) = delete;
  HttpListener& operator=(const HttpListener&) = delete;

  // Opens the store at store_path and a server to add handlers to.
  bool Open(const std::string& store_path, std::string* error);
  httplib::Server& server() { return *server_; }

  // Binds host:port (port 0: any free port) and serves on a thread of its own.
  bool Listen(const std::string& host, int port, std::string* error);
  int port() const { return port_; }
  void Stop();

  // The store, for a holder of store_mutex().
  Store& store() { return *store_; }
  std::mutex& store_mutex() { return store_mu_; }

 private:
  std::mutex store_mu_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace modbot

#endif  // MODBOT_BOT_HTTP_LISTENER_H_
