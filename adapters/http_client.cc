#include "adapters/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <deque>
#include <limits>
#include <mutex>

namespace modbot {

namespace {

struct Exchange {
  HttpResponse* response;
  size_t max_body_bytes;
  bool too_big = false;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* exchange = static_cast<Exchange*>(user);
  size_t n = size * count;
  if (exchange->response->body.size() + n > exchange->max_body_bytes) {
    exchange->too_big = true;
    return 0;  // makes curl abort the transfer
  }
  exchange->response->body.append(data, n);
  return n;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* exchange = static_cast<Exchange*>(user);
  size_t n = size * count;
  std::string_view line(data, n);
  size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (name == "retry-after") {
      exchange->response->retry_after_seconds =
          ParseRetryAfter(Trim(line.substr(colon + 1)), std::chrono::system_clock::now());
    } else if (name == "location") {
      exchange->response->location = Trim(line.substr(colon + 1));
    }
  }
  return n;
}

std::mutex g_counts_mu;
std::map<int, uint64_t> g_counts;
std::deque<std::chrono::steady_clock::time_point> g_last_minute;  // oldest first

// Drops what is older than a minute from g_last_minute; g_counts_mu held.
void ForgetBeforeLastMinute(std::chrono::steady_clock::time_point now) {
  while (!g_last_minute.empty() && now - g_last_minute.front() >= std::chrono::minutes(1)) {
    g_last_minute.pop_front();
  }
}

void Count(int status) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(g_counts_mu);
  ++g_counts[status];
  ForgetBeforeLastMinute(now);
  g_last_minute.push_back(now);
}

}  // namespace

std::map<int, uint64_t> HttpResponseCounts() {
  std::lock_guard<std::mutex> lock(g_counts_mu);
  return g_counts;
}

size_t HttpRequestsInLastMinute() {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(g_counts_mu);
  ForgetBeforeLastMinute(now);
  return g_last_minute.size();
}

HttpClient::HttpClient(Options options) : options_(std::move(options)) {
  static std::once_flag global_init;
  std::call_once(global_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  curl_ = curl_easy_init();
  if (options_.keep_cookies) {
    CURLSH* share = curl_share_init();
    curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_COOKIE);
    cookies_ = share;
  }
}

HttpClient::~HttpClient() {
  curl_easy_cleanup(static_cast<CURL*>(curl_));
  if (cookies_) curl_share_cleanup(static_cast<CURLSH*>(cookies_));
}

HttpResponse HttpClient::Send(const HttpRequest& request) {
  HttpResponse response;
  CURL* curl = static_cast<CURL*>(curl_);
  if (!curl) {
    response.error = "libcurl failed to initialise";
    return response;
  }
  curl_easy_reset(curl);  // keeps the connection cache, forgets the last request
  Exchange exchange{&response, options_.max_body_bytes};

  curl_slist* headers = nullptr;
  for (const auto& [name, value] : request.headers) {
    headers = curl_slist_append(headers, (name + ": " + value).c_str());
  }
  headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip

  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  // The jar lives in a share handle, so that it outlives curl_easy_reset; "" turns
  // the cookie engine on without reading a file. The list that option builds is
  // cleared after the exchange (NULL), else each request would leak an entry.
  if (cookies_) {
    curl_easy_setopt(curl, CURLOPT_SHARE, static_cast<CURLSH*>(cookies_));
    curl_easy_setopt(curl, CURLOPT_COOKIEFILE, "");
  }
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // whatever curl can decode
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &exchange);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &exchange);
  if (request.method == "GET") {
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
  } else {
    // libcurl resends a request by itself when a reused connection dies before any
    // answer byte; for a write the server may have carried out, that would do it
    // twice. On a connection of its own, closed afterwards, a write is sent once
    // and a lost answer is a transport error: outcome unknown, for the caller to
    // look into before sending again.
    curl_easy_setopt(curl, CURLOPT_FRESH_CONNECT, 1L);
    curl_easy_setopt(curl, CURLOPT_FORBID_REUSE, 1L);
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body.size()));
  }

  CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  if (cookies_) curl_easy_setopt(curl, CURLOPT_COOKIEFILE, nullptr);
  if (code != CURLE_OK) {
    response.status = 0;
    response.timed_out = code == CURLE_OPERATION_TIMEDOUT;
    response.error = exchange.too_big ? "response body too large" : curl_easy_strerror(code);
    Count(0);
    return response;
  }
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  Count(response.status);
  return response;
}

std::string UrlEncode(const std::string& s) {
  char* escaped = curl_easy_escape(nullptr, s.data(), static_cast<int>(s.size()));
  if (!escaped) return "";
  std::string out(escaped);
  curl_free(escaped);
  return out;
}

std::optional<int> ParseRetryAfter(const std::string& value,
                                   std::chrono::system_clock::time_point now) {
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(),
                  [](unsigned char c) { return std::isdigit(c); })) {
    if (value.size() > 9) return std::nullopt;
    return std::stoi(value);
  }
  time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  long long delta = when - std::chrono::system_clock::to_time_t(now);
  return static_cast<int>(std::clamp<long long>(delta, 0, std::numeric_limits<int>::max()));
}

}  // namespace modbot
