// Fingerprint: a 64-bit SimHash of a post's own words, for recognising near-copies.
//
// The text is normalised first (Normalize's skeleton: case, accents, look-alikes,
// leetspeak and spacing tricks undone), then cut into overlapping character
// 4-grams; each distinct 4-gram votes on each of the 64 bits with its hash. Two
// texts that share most of their 4-grams get fingerprints a few bits apart, so a
// campaign's light edits (a word added or dropped, a typo, a new link suffix, an
// emoji) stay close while unrelated posts land about 32 bits apart.
//
// Why SimHash over character 4-grams (bench/fingerprint_bench.cc measures it on
// gold-dev and the public corpora): one 64-bit integer per post is cheap to keep
// for every decision and every recent post, and comparing two is one popcount, so
// 100k fingerprints are scanned in well under a millisecond. Character shingles,
// unlike word shingles, survive typos and spacing tricks. 4-grams separated
// campaign variants from unrelated posts better than 3- or 5-grams.
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

// Posts this many bits apart or fewer are near-copies of each other.
inline constexpr int kNearCopyDistance = 12;

// The fingerprint of a post's own words, or nullopt when the text is too short for
// its fingerprint to mean anything (fewer than kMinShingles distinct 4-grams: a
// one-word post is left to the frivolous detector, not to memory).
inline constexpr int kMinShingles = 12;
std::optional<uint64_t> TextFingerprint(std::string_view own_text);

// Bits in which a and b differ, 0..64.
inline int FingerprintDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

}  // namespace modbot

#endif  // MODBOT_POLICY_FINGERPRINT_H_
