// WordSet and WordMap: hash containers of words that are looked up by string_view.
//
// The policy looks up every word of every post in several word lists; a lookup by
// std::string would copy each word first.
#ifndef MODBOT_POLICY_WORD_HASH_H_
#define MODBOT_POLICY_WORD_HASH_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace modbot {

struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
};

// A set of words in one flat table (open addressing, each slot holding a word's
// hash and its index). TokenRepair asks its vocabulary about every word of a post,
// several times a post; a node-based set spent a division and two dependent cache
// misses (bucket, then node) on each look-up, 4.5 % of `classify`.
class WordSet {
 public:
  void insert(std::string_view word) {
    if (contains(word)) return;
    if ((words_.size() + 1) * 2 > slots_.size()) Grow();  // at most half full
    words_.emplace_back(word);
    Place(WordHash{}(word), static_cast<uint32_t>(words_.size() - 1));
  }

  bool contains(std::string_view word) const {
    if (slots_.empty()) return false;
    const size_t hash = WordHash{}(word);
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.index == kEmpty) return false;
      if (slot.hash == hash && words_[slot.index] == word) return true;
    }
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    size_t hash = 0;
    uint32_t index = kEmpty;
  };

  void Place(size_t hash, uint32_t index) {
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i].index != kEmpty) i = (i + 1) & mask;
    slots_[i] = {hash, index};
  }

  void Grow() {
    slots_.assign(slots_.empty() ? 64 : slots_.size() * 2, Slot{});
    for (uint32_t index = 0; index < words_.size(); ++index) Place(WordHash{}(words_[index]), index);
  }

  std::vector<Slot> slots_;  // a power of two of them
  std::vector<std::string> words_;
};

template <typename Value>
using WordMap = std::unordered_map<std::string, Value, WordHash, std::equal_to<>>;

}  // namespace modbot

#endif  // MODBOT_POLICY_WORD_HASH_H_
