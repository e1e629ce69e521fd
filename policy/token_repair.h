// TokenRepair: a disguised word read back as the lexicon word it stands for.
//
// The normaliser undoes disguises that keep a word's letters in order (leet,
// look-alikes, spacing, stretching, accents). Two more keep a reader able to read
// the word but change its letters: dropped vowels ("stpd", "vrmn", "fck") and
// swapped inner letters ("idoit", "fcuk"). TokenRepair knows the words of the
// lexicons and maps a skeleton word of either kind back to the one lexicon word it
// can stand for; a word that could stand for several is left alone.
#ifndef MODBOT_POLICY_TOKEN_REPAIR_H_
#define MODBOT_POLICY_TOKEN_REPAIR_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace modbot {

class TokenRepair {
 public:
  TokenRepair() = default;
  // Adds a lexicon word (a skeleton word: lower case, no accents). With prefix, the
  // word also stands for every word it begins ("fuck" for "fucking").
  void AddWord(std::string_view word, bool prefix);

  // The word a skeleton word is a disguise of, or "" when it is not one: a word in
  // the vocabulary is itself, and an ambiguous disguise stands for nothing.
  std::string Restore(std::string_view word) const;

  // A skeleton (" word word ") with every disguised word restored.
  std::string Repair(std::string_view skeleton) const;

 private:
  // Keys that name no single word.
  static constexpr std::string_view kAmbiguous = "\x01";
  static void Insert(std::unordered_map<std::string, std::string>* keys, std::string key,
                     std::string_view word);

  std::unordered_set<std::string> known_;
  std::unordered_map<std::string, std::string> by_consonants_;         // "stpd" -> "stupid"
  std::unordered_map<std::string, std::string> by_consonant_prefix_;   // "fck" -> "fuck"
  std::unordered_map<std::string, std::string> by_shuffle_;            // "fcuk" -> "fuck"
};

}  // namespace modbot

#endif  // MODBOT_POLICY_TOKEN_REPAIR_H_
