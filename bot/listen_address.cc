#include "bot/listen_address.h"

#include <arpa/inet.h>

namespace modbot {

bool ReadListenAddress(const toml::table& table, std::string_view key, ConfigReader* reader,
                       ListenAddress* out) {
  std::string listen;
  reader->String(table, key, &listen, /*required=*/true);
  const toml::node* node = table.get(key);
  if (!node || !node->is_string()) return false;
  const size_t colon = listen.rfind(':');
  std::string host = colon == std::string::npos ? "" : listen.substr(0, colon);
  const std::string port = colon == std::string::npos ? "" : listen.substr(colon + 1);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const bool port_ok = !port.empty() && port.size() <= 5 &&
                       port.find_first_not_of("0123456789") == std::string::npos &&
                       std::stoi(port) >= 1 && std::stoi(port) <= 65535;
  if (host.empty() || host.find_first_of(" /[]") != std::string::npos || !port_ok) {
    reader->ErrorAt(*node, std::string(key) + " must be \"host:port\" with a port from 1 to 65535 "
                           "(e.g. \"127.0.0.1:9464\"), not \"" + listen + "\"");
    return false;
  }
  *out = {host, std::stoi(port)};
  return true;
}

bool IsLoopbackHost(const std::string& host) {
  if (host == "localhost") return true;
  in_addr v4;
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6;
  return inet_pton(AF_INET6, host.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

}  // namespace modbot
