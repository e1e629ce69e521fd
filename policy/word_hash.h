// WordSet and WordMap: hash containers of words that are looked up by string_view.
//
// The policy looks up every word of every post in several word lists; a lookup by
// std::string would copy each word first.
#ifndef MODBOT_POLICY_WORD_HASH_H_
#define MODBOT_POLICY_WORD_HASH_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace modbot {

struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
};

using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

template <typename Value>
using WordMap = std::unordered_map<std::string, Value, WordHash, std::equal_to<>>;

}  // namespace modbot

#endif  // MODBOT_POLICY_WORD_HASH_H_
