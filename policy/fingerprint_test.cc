#include "policy/fingerprint.h"

#include <catch2/catch.hpp>

namespace modbot {
namespace {

int Distance(const char* a, const char* b) {
  std::optional<Fingerprint> fa = TextFingerprint(a), fb = TextFingerprint(b);
  REQUIRE(fa);
  REQUIRE(fb);
  return FingerprintDistance(*fa, *fb);
}

TEST_CASE("fingerprint: a stored fingerprint never changes between builds", "[fingerprint]") {
  // Fingerprints live in the store: a change of hash or shingling would make every
  // remembered decision unrecognisable. Change this only with a store migration.
  CHECK(TextFingerprint("Cheap Ray-Ban sunglasses, 90% off today only at bit.ly/rb90") ==
        Fingerprint{0x1b4e10373d246e9dULL, 0x3f2d0c1981e245b0ULL});
}

TEST_CASE("fingerprint: a campaign's light edits stay near", "[fingerprint]") {
  const char* original = "Cheap Ray-Ban sunglasses, 90% off today only at bit.ly/rb90";
  CHECK(Distance(original, "Cheap Ray-Ban sunglasses, 90% off today only at bit.ly/zz41") <=
        kNearCopyDistance);
  CHECK(Distance(original, "CHEAP Ray-Ban sunglasses!! 90% off today only at bit.ly/rb90") <=
        kNearCopyDistance);
  CHECK(Distance(original, "Cheap Ray-Ban sunglases, 90% off only today at bit.ly/rb90") <=
        kNearCopyDistance);
  // Spelled past a filter: the skeleton undoes it.
  CHECK(Distance(original, "Ch3ap R a y-Ban sunglasses, 90% off today only at bit.ly/rb90") == 0);
}

TEST_CASE("fingerprint: unrelated posts are far apart", "[fingerprint]") {
  CHECK(Distance("Cheap Ray-Ban sunglasses, 90% off today only at bit.ly/rb90",
                 "The outdoor pool opens on Saturday at nine, bring a towel.") >
        kNearCopyDistance);
  CHECK(Distance("The library is closed on Monday for the holiday.",
                 "The library is open on Sunday afternoons for children.") > kNearCopyDistance);
}

TEST_CASE("fingerprint: too short a text has none", "[fingerprint]") {
  CHECK_FALSE(TextFingerprint("lol"));
  CHECK_FALSE(TextFingerprint("First!"));
  CHECK_FALSE(TextFingerprint(""));
}

}  // namespace
}  // namespace modbot
