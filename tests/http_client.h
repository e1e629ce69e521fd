// Plain HTTP requests over loopback with libcurl, for tests of the daemon's own
// listeners (the review console).
#ifndef MODBOT_TESTS_HTTP_CLIENT_H_
#define MODBOT_TESTS_HTTP_CLIENT_H_

#include <catch2/catch.hpp>
#include <curl/curl.h>

#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace modbot::testing {

struct Reply {
  long status = 0;
  std::multimap<std::string, std::string> headers;  // lower-case names
  std::string body;

  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

inline size_t AppendBody(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

inline size_t AppendHeader(char* data, size_t size, size_t n, void* out) {
  std::string line(data, size * n);
  size_t colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    static_cast<Reply*>(out)->headers.emplace(name, value);
  }
  return size * n;
}

// One request, redirects not followed. form (when given) makes it a POST. from
// (when given) is the loopback address the request leaves from.
inline Reply Http(int port, const std::string& path, const std::optional<std::string>& form,
           const std::vector<std::string>& headers = {}, const std::string& from = "") {
  CURL* curl = curl_easy_init();
  REQUIRE(curl);
  Reply reply;
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + path;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, AppendBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, AppendHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &reply);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 5000L);
  const std::string interface = "host!" + from;
  if (!from.empty()) curl_easy_setopt(curl, CURLOPT_INTERFACE, interface.c_str());
  if (form) curl_easy_setopt(curl, CURLOPT_POSTFIELDS, form->c_str());
  curl_slist* list = nullptr;
  for (const std::string& h : headers) list = curl_slist_append(list, h.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  REQUIRE(curl_easy_perform(curl) == CURLE_OK);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
  curl_slist_free_all(list);
  curl_easy_cleanup(curl);
  return reply;
}

inline std::string Escape(const std::string& text) {
  char* escaped = curl_easy_escape(nullptr, text.c_str(), static_cast<int>(text.size()));
  std::string out = escaped;
  curl_free(escaped);
  return out;
}

}  // namespace modbot::testing

#endif  // MODBOT_TESTS_HTTP_CLIENT_H_
