#include "adapters/http_client.h"

#include <catch2/catch.hpp>

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

}  // namespace
}  // namespace modbot
