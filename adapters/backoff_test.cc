#include "adapters/backoff.h"

#include <catch2/catch.hpp>

namespace modbot {
namespace {

using Clock = Pacer::Clock;
using std::chrono::milliseconds;

milliseconds Since(Clock::time_point start) {
  return std::chrono::duration_cast<milliseconds>(Clock::now() - start);
}

TEST_CASE("Pacer: a burst up to the limit goes at once, the next waits for the window",
          "[backoff]") {
  Pacer pacer(3, milliseconds(400));
  const Clock::time_point start = Clock::now();
  for (int i = 0; i < 3; ++i) pacer.Wait();
  CHECK(Since(start) < milliseconds(200));
  pacer.Wait();  // the first request must leave the window first
  CHECK(Since(start) >= milliseconds(400));
}

TEST_CASE("Pacer: a 429's hold stops every request, paced or not", "[backoff]") {
  for (int limit : {0, 100}) {
    Pacer pacer(limit, milliseconds(60000));
    pacer.HoldFor(std::chrono::seconds(1));
    const Clock::time_point start = Clock::now();
    pacer.Wait();
    CHECK(Since(start) >= milliseconds(900));
  }
}

TEST_CASE("Pacer: requests recalled from an earlier process count against the window",
          "[backoff]") {
  Pacer before(3, milliseconds(400));
  for (int i = 0; i < 3; ++i) before.Wait();
  const std::vector<Clock::time_point> booked = before.Booked();
  REQUIRE(booked.size() == 3);

  Pacer after(3, milliseconds(400));
  after.Recall(booked);
  const Clock::time_point start = Clock::now();
  after.Wait();  // the window is still full of the earlier process's requests
  CHECK(Since(start) >= milliseconds(300));

  Pacer stale(3, milliseconds(400));
  stale.Recall({Clock::now() - milliseconds(500)});  // out of the window: forgotten
  CHECK(stale.Booked().empty());
}

TEST_CASE("BackoffDelay: doubles from the first delay, capped, jittered by half", "[backoff]") {
  const BackoffPolicy policy{milliseconds(100), milliseconds(1000)};
  for (int attempt = 0; attempt < 8; ++attempt) {
    const long long full = std::min(100LL << attempt, 1000LL);
    const milliseconds d = BackoffDelay(policy, attempt);
    CHECK(d.count() >= full / 2);
    CHECK(d.count() <= full);
  }
}

}  // namespace
}  // namespace modbot
