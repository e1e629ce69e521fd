// HttpClient: one blocking HTTP/1.1 exchange at a time over libcurl.
//
// Small on purpose: a request in, a response value out, no exceptions, no retries
// (callers decide what a 429 or a 503 means for them). The connection is kept alive
// between reads; a write (any method but GET) goes on a connection of its own and
// is sent exactly once, so a transport error on a write means its outcome is
// unknown. Header values are never logged, so an API key passed as a header
// cannot leak through this class.
#ifndef MODBOT_ADAPTERS_HTTP_CLIENT_H_
#define MODBOT_ADAPTERS_HTTP_CLIENT_H_

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace modbot {

struct HttpRequest {
  std::string method = "GET";  // GET, POST, PUT, DELETE
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // sent as is; set a Content-Type header to match
};

struct HttpResponse {
  int status = 0;  // 0 when no response arrived; see error
  std::string body;
  // From the Retry-After header (delay-seconds or an HTTP-date), when present.
  std::optional<int> retry_after_seconds;
  std::string error;  // transport failure (refused, reset, timeout), "" otherwise
  bool timed_out = false;
  std::string location;  // the Location header of a redirect, "" when none
};

class HttpClient {
 public:
  struct Options {
    std::chrono::milliseconds connect_timeout{5000};
    std::chrono::milliseconds timeout{30000};  // whole exchange
    std::string user_agent = "modbot/0.1";
    size_t max_body_bytes = 16 << 20;  // a bigger answer is treated as a failure
    // Keep cookies between requests, in memory only (libcurl's cookie engine): for
    // forums whose session is a cookie (phpBB). Cookie values are never logged.
    bool keep_cookies = false;
  };

  explicit HttpClient(Options options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResponse Send(const HttpRequest& request);

 private:
  Options options_;
  void* curl_;  // CURL*, kept for connection reuse
  void* cookies_ = nullptr;  // CURLSH* holding the cookie jar, with keep_cookies
};

// Exchanges completed by every HttpClient of the process, by HTTP status (0: no
// response arrived), for the daemon's metrics.
std::map<int, uint64_t> HttpResponseCounts();
// Exchanges attempted by every HttpClient of the process in the last 60 seconds,
// answered or not: what counts against a forum's per-minute API limit.
size_t HttpRequestsInLastMinute();

// Percent-encodes s for a URL query value or a form field.
std::string UrlEncode(const std::string& s);

// Seconds until the time named by a Retry-After header value; nullopt if invalid.
std::optional<int> ParseRetryAfter(const std::string& value,
                                   std::chrono::system_clock::time_point now);

}  // namespace modbot

#endif  // MODBOT_ADAPTERS_HTTP_CLIENT_H_
