#include "bot/sign_in_throttle.h"

#include <catch2/catch.hpp>

namespace modbot {
namespace {

using std::chrono::milliseconds;

constexpr SignInLimits kLimits{3, 5, milliseconds(1000), milliseconds(5000)};

TEST_CASE("sign-in throttle: a client is locked out after its failures", "[console][throttle]") {
  SignInThrottle t(kLimits);
  CHECK(!t.Wait("10.0.0.1", 0));
  CHECK(t.RecordFailure("10.0.0.1", 0) == Lockout::kNone);
  CHECK(t.RecordFailure("10.0.0.1", 100) == Lockout::kNone);
  CHECK(!t.Wait("10.0.0.1", 100));
  CHECK(t.RecordFailure("10.0.0.1", 200) == Lockout::kClient);
  CHECK(t.Wait("10.0.0.1", 200) == milliseconds(5000));
  CHECK(t.Wait("10.0.0.1", 5199) == milliseconds(1));
  CHECK(!t.Wait("10.0.0.2", 200));  // others are not affected
  CHECK(!t.Wait("10.0.0.1", 5200));
  // The lockout starts a fresh count: one more failure does not lock again.
  CHECK(t.RecordFailure("10.0.0.1", 5200) == Lockout::kNone);
  CHECK(!t.Wait("10.0.0.1", 5200));
}

TEST_CASE("sign-in throttle: failures older than the window are forgotten",
          "[console][throttle]") {
  SignInThrottle t(kLimits);
  CHECK(t.RecordFailure("a", 0) == Lockout::kNone);
  CHECK(t.RecordFailure("a", 500) == Lockout::kNone);
  CHECK(t.RecordFailure("a", 1000) == Lockout::kNone);  // a new window
  CHECK(t.RecordFailure("a", 1500) == Lockout::kNone);
  CHECK(t.RecordFailure("a", 1900) == Lockout::kClient);
}

TEST_CASE("sign-in throttle: a success clears the client's failures", "[console][throttle]") {
  SignInThrottle t({3, 10, milliseconds(1000), milliseconds(5000)});
  t.RecordFailure("a", 0);
  t.RecordFailure("a", 1);
  t.RecordSuccess("a");
  CHECK(t.RecordFailure("a", 2) == Lockout::kNone);
  CHECK(t.RecordFailure("a", 3) == Lockout::kNone);
  CHECK(t.RecordFailure("a", 4) == Lockout::kClient);
}

TEST_CASE("sign-in throttle: many addresses together hit the global cap",
          "[console][throttle]") {
  SignInThrottle t(kLimits);
  for (int i = 0; i < 4; ++i) {
    CHECK(t.RecordFailure("10.0.0." + std::to_string(i), i) == Lockout::kNone);
  }
  CHECK(t.RecordFailure("10.0.0.9", 10) == Lockout::kAllClients);
  CHECK(t.Wait("10.0.0.9", 10) == milliseconds(5000));
  CHECK(t.Wait("192.168.1.1", 10) == milliseconds(5000));  // even one never seen
  CHECK(!t.Wait("192.168.1.1", 5010));
}

TEST_CASE("sign-in throttle: the global count has its own window", "[console][throttle]") {
  SignInThrottle t(kLimits);
  // Appended, not "c" + ...: GCC 12 at -O3 warns on that (-Wrestrict, GCC PR 105651).
  for (int i = 0; i < 4; ++i) t.RecordFailure(std::string("c").append(std::to_string(i)), 0);
  // Four failures, then a quiet window: the fifth starts a new count.
  CHECK(t.RecordFailure("d", 1000) == Lockout::kNone);
  CHECK(!t.Wait("d", 1000));
}

}  // namespace
}  // namespace modbot
