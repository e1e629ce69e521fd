// The "host:port" a listener of the daemon binds to ([http] listen, [console]
// listen), read from the config with the position of any mistake.
#ifndef MODBOT_BOT_LISTEN_ADDRESS_H_
#define MODBOT_BOT_LISTEN_ADDRESS_H_

#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "bot/config_reader.h"

namespace modbot {

struct ListenAddress {
  std::string host;  // an IPv4 address, a name, or an IPv6 address (without its [])
  int port = 0;      // 0: no listener
};

// Reads table[key] = "host:port" (required), the host an IPv4 address, a name or
// an IPv6 address in [], the port from 1 to 65535. Returns false, with the error
// added to reader at the value, when it is missing or malformed.
bool ReadListenAddress(const toml::table& table, std::string_view key, ConfigReader* reader,
                       ListenAddress* out);

// True for addresses only this machine can reach: 127.0.0.0/8, ::1, "localhost".
bool IsLoopbackHost(const std::string& host);

}  // namespace modbot

#endif  // MODBOT_BOT_LISTEN_ADDRESS_H_
