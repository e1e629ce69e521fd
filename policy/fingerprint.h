// Fingerprint: a 128-bit SimHash of a post's own words, for recognising near-copies.
//
// The text is normalised first (Normalize's skeleton: case, accents, look-alikes,
// leetspeak and spacing tricks undone), then cut into overlapping character
// 4-grams; each distinct 4-gram votes on each of the 128 bits with its hashes. Two
// texts that share most of their 4-grams get fingerprints a few bits apart, so a
// campaign's light edits (a word added or dropped, a typo, a new link suffix, an
// emoji) stay close while unrelated posts land about 64 bits apart.
//
// Why SimHash over character 4-grams (bench/fingerprint_bench.cc measures it on
// gold-dev and the public corpora): two integers per post are cheap to keep for
// every decision and every recent post, and comparing two is two popcounts, so
// 100k fingerprints are scanned in well under a millisecond. Character shingles,
// unlike word shingles, survive typos and spacing tricks. 4-grams separated
// campaign variants from unrelated posts better than 3- or 5-grams. 128 bits
// rather than 64: two unrelated posts fall within 12 of 64 bits with a chance of
// 2e-7 a pair, so against a memory of 100k decided posts a few percent of posts
// matched one by accident (measured: 4 %); within 28 of 128 bits the chance is
// 5e-11, while 96 % of campaign variants stay within it (64 bits at 12: 94 %).
//
// The hash is fixed (FNV-1a then a SplitMix64 finaliser): fingerprints are stored,
// so they must not change between builds or machines.
#ifndef MODBOT_POLICY_FINGERPRINT_H_
#define MODBOT_POLICY_FINGERPRINT_H_

#include <bit>
#include <cstdint>
#include <optional>
#include <string_view>

namespace modbot {

struct Fingerprint {
  uint64_t high = 0;
  uint64_t low = 0;
  bool operator==(const Fingerprint&) const = default;
};

// Posts this many bits apart (of 128) or fewer are near-copies of each other.
inline constexpr int kNearCopyDistance = 28;

// The fingerprint of a post's own words, or nullopt when the text is too short for
// its fingerprint to mean anything (fewer than kMinShingles distinct 4-grams: a
// one-word post is left to the frivolous detector, not to memory).
inline constexpr int kMinShingles = 12;
std::optional<Fingerprint> TextFingerprint(std::string_view own_text);

// Bits in which a and b differ, 0..128.
inline int FingerprintDistance(const Fingerprint& a, const Fingerprint& b) {
  return std::popcount(a.high ^ b.high) + std::popcount(a.low ^ b.low);
}

}  // namespace modbot

#endif  // MODBOT_POLICY_FINGERPRINT_H_
