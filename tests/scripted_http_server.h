// ScriptedHttpServer: a bare HTTP/1.1 server on a loopback socket whose every answer
// a test chooses, down to closing the connection without answering at all, which
// cpp-httplib cannot do (it always writes a status line first). Connections are kept
// alive, as a forum's are, so that a client may reuse one.
#ifndef MODBOT_TESTS_SCRIPTED_HTTP_SERVER_H_
#define MODBOT_TESTS_SCRIPTED_HTTP_SERVER_H_

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace modbot::testing {

class ScriptedHttpServer {
 public:
  struct Request {
    std::string method;
    std::string target;  // path and query
    std::string body;
  };
  // The whole answer's bytes, or nullopt to close the connection without a byte.
  using Script = std::function<std::optional<std::string>(const Request&)>;

  explicit ScriptedHttpServer(Script script) : script_(std::move(script)) {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        listen(listener_, 16) == 0 &&
        getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
      port_ = ntohs(addr.sin_port);
    }
    thread_ = std::thread([this] { Serve(); });
  }
  ~ScriptedHttpServer() {
    stop_ = true;
    thread_.join();
    for (std::thread& t : connections_) t.join();
    close(listener_);
  }

  // 0 when the socket could not be opened.
  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  // Every request read so far, in order.
  std::vector<Request> Requests() const {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }

  // A complete answer with a JSON body.
  static std::string Json(int status, const std::string& body,
                          const std::string& extra_headers = "") {
    return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: application/json\r\n" +
           extra_headers + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  }

 private:
  // Waits up to 50 ms for fd to be readable; false on timeout.
  static bool Readable(int fd) {
    pollfd p{fd, POLLIN, 0};
    return poll(&p, 1, 50) > 0;
  }

  void Serve() {
    while (!stop_) {
      if (!Readable(listener_)) continue;
      int fd = accept(listener_, nullptr, nullptr);
      if (fd < 0) continue;
      connections_.emplace_back([this, fd] {  // one thread a connection, as keep-alive needs
        Converse(fd);
        close(fd);
      });
    }
  }

  // Answers requests on one connection until the peer or the script closes it.
  void Converse(int fd) {
    std::string buffer;
    while (!stop_) {
      size_t head_end;
      while ((head_end = buffer.find("\r\n\r\n")) == std::string::npos) {
        if (!Fill(fd, &buffer)) return;
      }
      Request request;
      const std::string head = buffer.substr(0, head_end);
      const size_t space = head.find(' ');
      request.method = head.substr(0, space);
      request.target = head.substr(space + 1, head.find(' ', space + 1) - space - 1);
      size_t length = 0;
      for (const char* name : {"Content-Length: ", "content-length: "}) {
        if (size_t at = head.find(name); at != std::string::npos) {
          length = std::strtoul(head.c_str() + at + 16, nullptr, 10);
        }
      }
      while (buffer.size() < head_end + 4 + length) {
        if (!Fill(fd, &buffer)) return;
      }
      request.body = buffer.substr(head_end + 4, length);
      buffer.erase(0, head_end + 4 + length);
      {
        std::lock_guard<std::mutex> lock(mu_);
        requests_.push_back(request);
      }
      std::optional<std::string> answer = script_(request);
      if (!answer) return;
      if (write(fd, answer->data(), answer->size()) != static_cast<ssize_t>(answer->size())) return;
    }
  }

  bool Fill(int fd, std::string* buffer) {
    while (!stop_) {
      if (!Readable(fd)) continue;
      char chunk[4096];
      ssize_t n = read(fd, chunk, sizeof chunk);
      if (n <= 0) return false;
      buffer->append(chunk, static_cast<size_t>(n));
      return true;
    }
    return false;
  }

  Script script_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  mutable std::mutex mu_;
  std::vector<Request> requests_;
  std::thread thread_;                    // accepts
  std::vector<std::thread> connections_;  // touched by thread_ only, until it is joined
};

}  // namespace modbot::testing

#endif  // MODBOT_TESTS_SCRIPTED_HTTP_SERVER_H_
