#include "adapters/content_version.h"

#include <catch2/catch.hpp>

namespace modbot {
namespace {

// The FNV authors' published test vectors for FNV-1a 64 (test_fnv.c, fnv1a_64_vector).
TEST_CASE("Fnv1a64 matches the published FNV-1a 64 test vectors", "[content_version]") {
  CHECK(Fnv1a64("") == 0xcbf29ce484222325ull);
  CHECK(Fnv1a64("a") == 0xaf63dc4c8601ec8cull);
  CHECK(Fnv1a64("foobar") == 0x85944171f73967e8ull);
}

TEST_CASE("ContentHash is the hash in 16 lowercase hex digits, zero-padded", "[content_version]") {
  CHECK(ContentHash("") == "cbf29ce484222325");
  CHECK(ContentHash("foobar") == "85944171f73967e8");
  // Found by search for a hash under 2^56, checked with an independent FNV-1a.
  CHECK(ContentHash("baa") == "0039231913392937");
}

}  // namespace
}  // namespace modbot
