// LoopbackServer: one handler for every request to 127.0.0.1:port, served by
// cpp-httplib in a background thread; what each sample forum shares of serving.
#ifndef MODBOT_SAMPLE_COMMON_LOOPBACK_SERVER_H_
#define MODBOT_SAMPLE_COMMON_LOOPBACK_SERVER_H_

#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace modbot::sample {

class LoopbackServer {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  // GET, POST, PUT and DELETE on any path go to handler; paths are parsed there.
  explicit LoopbackServer(Handler handler);
  ~LoopbackServer();

  // Listens on 127.0.0.1:port (0 = any free port). Returns the port, 0 on failure.
  int Start(int port);
  void Stop();

 private:
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
};

// Text made safe for HTML: & < > " escaped.
std::string EscapeHtml(const std::string& s);

}  // namespace modbot::sample

#endif  // MODBOT_SAMPLE_COMMON_LOOPBACK_SERVER_H_
