// The part of a post's version that moves whenever its text does.
//
// Adapters put it into ForumPost::version so that an edit the forum itself does not
// count (a Discourse "ninja edit"), or a forum that keeps no version at all (phpBB),
// still yields a new version and so a new judgement.
#ifndef MODBOT_ADAPTERS_CONTENT_VERSION_H_
#define MODBOT_ADAPTERS_CONTENT_VERSION_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace modbot {

// FNV-1a, 64 bits (offset basis 14695981039346656037, prime 1099511628211), as
// published by Fowler, Noll and Vo: not a defence against a chosen collision,
// which nobody gains anything from here.
uint64_t Fnv1a64(std::string_view text);

// Fnv1a64(text) as 16 lowercase hex digits.
std::string ContentHash(std::string_view text);

}  // namespace modbot

#endif  // MODBOT_ADAPTERS_CONTENT_VERSION_H_
