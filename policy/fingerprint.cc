#include "policy/fingerprint.h"

#include <array>
#include <string>
#include <unordered_set>

#include "policy/normalizer.h"

namespace modbot {

namespace {

constexpr size_t kShingleChars = 4;

uint64_t Fnv1a(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// SplitMix64's finaliser: FNV-1a alone leaves the high bits of short inputs poorly
// mixed, and SimHash needs every bit to be a fair coin.
uint64_t Mix(uint64_t h) {
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

void Vote(uint64_t hash, int* votes) {
  for (int bit = 0; bit < 64; ++bit) votes[bit] += (hash >> bit) & 1 ? 1 : -1;
}

uint64_t Majority(const int* votes) {
  uint64_t out = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (votes[bit] > 0) out |= uint64_t{1} << bit;
  }
  return out;
}

}  // namespace

std::optional<Fingerprint> TextFingerprint(std::string_view own_text) {
  const std::string skeleton = Normalize(own_text).skeleton;
  if (skeleton.size() < kShingleChars) return std::nullopt;
  std::unordered_set<std::string_view> shingles;
  for (size_t i = 0; i + kShingleChars <= skeleton.size(); ++i) {
    shingles.insert(std::string_view(skeleton).substr(i, kShingleChars));
  }
  if (shingles.size() < static_cast<size_t>(kMinShingles)) return std::nullopt;
  std::array<int, 128> votes{};
  for (std::string_view shingle : shingles) {
    const uint64_t h = Fnv1a(shingle);
    Vote(Mix(h), votes.data());
    Vote(Mix(h ^ 0x9e3779b97f4a7c15ULL), votes.data() + 64);
  }
  return Fingerprint{Majority(votes.data()), Majority(votes.data() + 64)};
}

}  // namespace modbot
