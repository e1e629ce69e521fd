#include "adapters/http_client.h"

#include <catch2/catch.hpp>

#include <httplib.h>

#include "sample/common/loopback_server.h"
#include "tests/scripted_http_server.h"

namespace modbot {
namespace {

TEST_CASE("Retry-After is read as seconds or as an HTTP date", "[http]") {
  auto now = std::chrono::system_clock::from_time_t(784111777);  // Sun, 06 Nov 1994 08:49:37 GMT
  CHECK(ParseRetryAfter("120", now) == 120);
  CHECK(ParseRetryAfter("Sun, 06 Nov 1994 08:50:37 GMT", now) == 60);
  CHECK(ParseRetryAfter("Sun, 06 Nov 1994 08:40:37 GMT", now) == 0);  // in the past
  CHECK_FALSE(ParseRetryAfter("soon", now));
  CHECK_FALSE(ParseRetryAfter("", now));
  CHECK_FALSE(ParseRetryAfter("99999999999999", now));
}

TEST_CASE("a refused connection is a transport error, not an exception", "[http]") {
  HttpClient client(HttpClient::Options{std::chrono::milliseconds(500),
                                        std::chrono::milliseconds(500)});
  HttpResponse response = client.Send({"GET", "http://127.0.0.1:1/", {}, ""});
  CHECK(response.status == 0);
  CHECK_FALSE(response.error.empty());
}

TEST_CASE("cookies are kept in memory between requests when asked, redirects are not followed",
          "[http]") {
  sample::LoopbackServer server([](const httplib::Request& req, httplib::Response& res) {
    if (req.path == "/login") {
      res.status = 302;
      res.set_header("Location", "/home");
      res.set_header("Set-Cookie", "phpbb3_abc_sid=s3ss10n; path=/; HttpOnly");
      return;
    }
    res.set_content("cookie=" + req.get_header_value("Cookie"), "text/plain");
  });
  const int port = server.Start(0);
  REQUIRE(port > 0);
  const std::string base = "http://127.0.0.1:" + std::to_string(port);
  for (bool keep : {true, false}) {
    HttpClient::Options options;
    options.keep_cookies = keep;
    HttpClient client(options);
    HttpResponse login = client.Send({"POST", base + "/login", {}, "a=b"});
    CHECK(login.status == 302);
    CHECK(login.location == "/home");
    for (int i = 0; i < 3; ++i) {  // the jar survives the handle's reset between requests
      HttpResponse home = client.Send({"GET", base + "/home", {}, ""});
      CHECK(home.body == (keep ? "cookie=phpbb3_abc_sid=s3ss10n" : "cookie="));
    }
  }
}

// Issue 7: curl 7.88 resends a request by itself when a reused connection dies
// before any answer byte ("Connection died, retrying a fresh connect"), which for a
// write the server carried out sends it twice.
TEST_CASE("a write that meets a dead connection is sent once, its outcome unknown", "[http]") {
  testing::ScriptedHttpServer server([](const testing::ScriptedHttpServer::Request& request)
                                         -> std::optional<std::string> {
    if (request.method == "GET") return testing::ScriptedHttpServer::Json(200, "{}");
    return std::nullopt;  // the write is carried out, then the connection drops
  });
  REQUIRE(server.port() > 0);
  HttpClient client(HttpClient::Options{});
  for (const char* method : {"POST", "PUT", "DELETE"}) {
    // A GET first leaves a live connection in the cache for the write to reuse.
    REQUIRE(client.Send({"GET", server.url() + "/posts.json", {}, ""}).status == 200);
    HttpResponse response = client.Send({method, server.url() + "/posts.json", {}, "raw=hi"});
    CHECK(response.status == 0);
    CHECK_FALSE(response.error.empty());
  }
  std::vector<std::string> writes;
  for (const auto& request : server.Requests()) {
    if (request.method != "GET") writes.push_back(request.method);
  }
  CHECK(writes == std::vector<std::string>{"POST", "PUT", "DELETE"});
}

}  // namespace
}  // namespace modbot
