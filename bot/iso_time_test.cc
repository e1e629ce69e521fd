#include "bot/iso_time.h"

#include <catch2/catch.hpp>

namespace modbot {
namespace {

TEST_CASE("ISO 8601 dates and times are read in UTC", "[iso_time]") {
  CHECK(ParseIsoTime("1970-01-01", DateBound::kStart) == 0);
  CHECK(ParseIsoTime("1970-01-01", DateBound::kEnd) == 86400000);
  CHECK(ParseIsoTime("2024-02-29", DateBound::kEnd) == ParseIsoTime("2024-03-01", DateBound::kStart));
  CHECK(ParseIsoTime("2026-05-01T12:00:00Z", DateBound::kStart) == 1777636800000);
  CHECK(ParseIsoTime("2026-05-01T12:00Z", DateBound::kEnd) == 1777636800000);
  CHECK(ParseIsoTime("2026-05-01T12:00:00", DateBound::kStart) == 1777636800000);
  CHECK(ParseIsoTime("2026-05-01T08:00:00-04:00", DateBound::kStart) == 1777636800000);
  CHECK(ParseIsoTime("2026-05-01T12:00:00.250Z", DateBound::kStart) == 1777636800250);
  CHECK(FormatIsoTime(1777636800250) == "2026-05-01T12:00:00Z");
}

TEST_CASE("malformed or impossible dates are refused", "[iso_time]") {
  for (const char* bad : {"", "yesterday", "2026-5-1", "2026-02-30", "2025-02-29", "2026-13-01",
                          "2026-05-01T25:00", "2026-05-01T12", "2026-05-01T12:00:00+4",
                          "2026-05-01T12:00:00Zjunk", "2026-05-01x", "2026-05-01T12:00:00."}) {
    INFO(bad);
    CHECK_FALSE(ParseIsoTime(bad, DateBound::kStart));
  }
}

}  // namespace
}  // namespace modbot
