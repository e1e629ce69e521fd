// Runs an httplib::Server of the daemon ([http], [console]) on its own thread.
#ifndef MODBOT_BOT_HTTP_LISTENER_H_
#define MODBOT_BOT_HTTP_LISTENER_H_

#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace modbot {

// Binds server to host:port (port 0: any free port) and serves on *thread.
// Returns the port bound, or 0 with *error set.
int ListenInBackground(httplib::Server* server, const std::string& host, int port,
                       std::thread* thread, std::string* error);

// Stops server and waits for *thread.
void StopListening(httplib::Server* server, std::thread* thread);

}  // namespace modbot

#endif  // MODBOT_BOT_HTTP_LISTENER_H_
