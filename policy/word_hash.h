// WordSet and WordMap: hash containers of words that are looked up by string_view.
//
// The policy looks up every word of every post in several word lists, several
// times a post (the skeleton's repair, the harm grammar's whole text and each of
// its sentences). Node-based containers spent a division and two dependent cache
// misses (bucket, then node) on each look-up: 4.5 % of `classify` for TokenRepair's
// vocabulary alone. These keep one flat table (open addressing, at most half full)
// of each word's full hash and index, so a look-up reads one slot and compares a
// word only when the hashes agree.
#ifndef MODBOT_POLICY_WORD_HASH_H_
#define MODBOT_POLICY_WORD_HASH_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace modbot {

struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
};

// The slots of WordSet and WordMap: which index holds a word of a given hash.
class WordSlots {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // The index whose word is word (is(index) says whether it is), or kNone.
  template <typename Is>
  uint32_t Find(std::string_view word, Is is) const {
    if (slots_.empty()) return kNone;
    const size_t hash = WordHash{}(word);
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.index == kNone) return kNone;
      if (slot.hash == hash && is(slot.index)) return slot.index;
    }
  }

  // Places index, whose word is word; word_of(i) gives the word of each index
  // below it, should the table grow.
  template <typename WordOf>
  void Add(std::string_view word, uint32_t index, WordOf word_of) {
    if ((static_cast<size_t>(index) + 1) * 2 > slots_.size()) {
      slots_.assign(slots_.empty() ? 64 : slots_.size() * 2, Slot{});
      for (uint32_t i = 0; i < index; ++i) Place(WordHash{}(word_of(i)), i);
    }
    Place(WordHash{}(word), index);
  }

 private:
  struct Slot {
    size_t hash = 0;
    uint32_t index = kNone;
  };

  void Place(size_t hash, uint32_t index) {
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i].index != kNone) i = (i + 1) & mask;
    slots_[i] = {hash, index};
  }

  std::vector<Slot> slots_;  // a power of two of them
};

class WordSet {
 public:
  void insert(std::string_view word) {
    if (contains(word)) return;
    words_.emplace_back(word);
    slots_.Add(word, static_cast<uint32_t>(words_.size() - 1),
               [&](uint32_t i) -> std::string_view { return words_[i]; });
  }

  bool contains(std::string_view word) const {
    return slots_.Find(word, [&](uint32_t i) { return words_[i] == word; }) != WordSlots::kNone;
  }

 private:
  WordSlots slots_;
  std::vector<std::string> words_;
};

// Iterated in the order its words were added.
template <typename Value>
class WordMap {
 public:
  using Entry = std::pair<std::string, Value>;
  using iterator = typename std::vector<Entry>::iterator;
  using const_iterator = typename std::vector<Entry>::const_iterator;

  iterator begin() { return entries_.begin(); }
  iterator end() { return entries_.end(); }
  const_iterator begin() const { return entries_.begin(); }
  const_iterator end() const { return entries_.end(); }

  iterator find(std::string_view word) { return entries_.begin() + Index(word); }
  const_iterator find(std::string_view word) const { return entries_.begin() + Index(word); }
  size_t count(std::string_view word) const { return Index(word) != entries_.size(); }

  // Adds word with the value made of args unless it is there; the entry, and
  // whether it was added.
  template <typename... Args>
  std::pair<iterator, bool> try_emplace(std::string_view word, Args&&... args) {
    if (const size_t i = Index(word); i != entries_.size()) return {entries_.begin() + i, false};
    entries_.emplace_back(std::piecewise_construct, std::forward_as_tuple(word),
                          std::forward_as_tuple(std::forward<Args>(args)...));
    slots_.Add(word, static_cast<uint32_t>(entries_.size() - 1),
               [&](uint32_t i) -> std::string_view { return entries_[i].first; });
    return {entries_.end() - 1, true};
  }

  Value& operator[](std::string_view word) { return try_emplace(word).first->second; }

 private:
  // The entry of word, or entries_.size().
  size_t Index(std::string_view word) const {
    const uint32_t i = slots_.Find(word, [&](uint32_t j) { return entries_[j].first == word; });
    return i == WordSlots::kNone ? entries_.size() : i;
  }

  WordSlots slots_;
  std::vector<Entry> entries_;
};

}  // namespace modbot

#endif  // MODBOT_POLICY_WORD_HASH_H_
