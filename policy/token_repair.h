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

#include <bitset>
#include <string>
#include <string_view>
#include <vector>

#include "policy/word_hash.h"

namespace modbot {

class TokenRepair {
 public:
  // Words shorter than min_shuffled_word are never read as swapped: among short
  // words a swap is often another word, or a name ("marie" is not "maire").
  // Knows from the start the real English and French words that a disguise key
  // could misread (common_words_list: "homme" is not "home", "avoir" not "a voir").
  explicit TokenRepair(size_t min_shuffled_word = 5);
  // Adds a lexicon word (a skeleton word: lower case, no accents). With prefix, the
  // word also stands for every word it begins ("fuck" for "fucking"). An ordinary
  // word (one a pattern spells: "watch", "code") is never read with an article
  // before it ("alive" is not "a live"). Swapped letters are read back for every
  // word, ordinary or not, since a real word as written is never restored
  // ("partie" stays, "wacth" is "watch").
  void AddWord(std::string_view word, bool prefix, bool ordinary = false);
  // Adds a word that names a group of people (a skeleton word, as for AddWord): a
  // word run together with it is read apart (Restore, kRunTogether).
  void AddGroupName(std::string_view word, bool prefix);

  // How a word was disguised, as Restore read it back.
  enum class Disguise {
    kNone,           // not restored
    kDroppedVowels,  // "stpd", "fcking"
    kStretched,      // "iddiot"
    kSwapped,        // "idoit": the same letters in another order
    kJoinedArticle,  // "amoron": a spaced article joined to the word after it
    kPluralZ,        // "animalzzz": a plural's s written as z
    kMasked,         // "adr*sse": a letter hidden behind '*'
    kTextSpelling,   // "ppl", "jhais": text_spellings_list
    kRunTogether,    // "ihatemuslims": words written without the spaces between
  };

  // The word a skeleton word is a disguise of, or "" when it is not one. A
  // text-message spelling is the words it stands for ("jhais" is "je hais"). A word in
  // the vocabulary is itself, and an ambiguous disguise stands for nothing. Besides
  // dropped vowels and swapped letters, a word of five letters or more may have
  // letters doubled ("iddiot"); in shorter ones a double is often another word.
  // A plural may end in z ("animalzzz"), unless its stem ends in e (French "allez")
  // or is under four letters ("buzz"). An inner letter or two may be masked by '*'
  // ("adr*sse"): the one known word the masks can hide or, when they could hide
  // several, the one of them a lexicon names ("h*ll" is "hell", not "hall"); none if
  // that is still two. A word that is none of these but known words run together,
  // one of them a group's name, is those words ("ihatemuslims" is "i hate muslims",
  // "theimmigrants" "the immigrants"); run together with no group's name, words
  // stay as written ("cockburn" is a name). With how, also says which disguise was
  // undone (kNone when the result is "").
  std::string Restore(std::string_view word, Disguise* how = nullptr) const;

  // The word two neighbours spell together when one of them is no word: "immi
  // grants", "mus-lims", "terr orists". "" when both are words ("some one" stays),
  // or together they are none. A piece shorter than kMinJoinedPart letters joins
  // only when neither piece is a word ("th e"): a short word is most often a word
  // the vocabulary lacks ("Cali ce con" is not "calice").
  std::string Joined(std::string_view first, std::string_view second) const;

  // A skeleton (" word word ") with every disguised word restored and every word
  // split in two joined (Joined).
  std::string Repair(std::string_view skeleton) const;

  // Folded text (normalizer.h) with every disguised word restored in place, its
  // punctuation kept, for the pattern lexicons: leetspeak read as letters ("k1ll"),
  // spaced letters joined ("k i l l"), then Restore ("stpd"); "" if nothing changed.
  // words_restored says whether Repair restored a word of the same text: if not,
  // only leetspeak or spacing can change it, and text without either is passed by.
  std::string RepairFolded(std::string_view folded, bool words_restored) const;

 private:
  static constexpr size_t kMinJoinedPart = 3;
  // Keys that name no single word.
  static constexpr std::string_view kAmbiguous = "\x01";
  // Ends() of a plain word: an index in shuffle_ends_.
  static constexpr size_t kEndLengths = 32;
  static size_t Ends(std::string_view word);
  // Whether folded has a leet character beside a letter, a letter masked by '*', or three
  // single letters in a row.
  static bool MayHoldLeetOrSpacing(std::string_view folded);
  // Restore for a word with a letter or two masked by '*'.
  std::string Unmasked(std::string_view word) const;
  // A word with a letter written three times or more in a row as it is spelt
  // ("carrrds" is "cards", "passss" "pass"); "" for none.
  std::string Unstretched(std::string_view word) const;
  // A spaced run that took in the one-letter word beside it ("p r i n t a", "a f r i e n d")
  // as that word and the run: "print a", "a friend". The run as it is otherwise.
  std::string SeparateOneLetterWord(const std::string& run) const;
  // Restore for words run together, one of them a group's name.
  std::string RunApart(std::string_view word) const;
  bool NamesGroup(std::string_view word) const;
  // Whether a group's name, or a prefix entry's start, stands anywhere in word.
  bool HoldsGroupName(std::string_view word) const;
  bool HasGroupNames() const;
  // Whether word begins with a word of names, whose lengths are lengths.
  static bool BeginsWithOneOf(std::string_view word, const std::vector<size_t>& lengths, const WordSet& names);
  // The first letter, then the others sorted: the key of group_by_letters_.
  static std::string LettersKey(std::string_view word);
  // The first three letters of a plain word as an index in group_starts_.
  static size_t Trigram(std::string_view letters);
  static void Insert(WordMap<std::string>* keys, std::string_view key, std::string_view word);

  size_t min_shuffled_word_;
  WordSet known_;
  WordSet joinable_;  // known_ less the ordinary words
  WordSet group_names_;
  WordSet group_prefixes_;               // "muslim" of "muslim*"
  std::vector<size_t> prefix_lengths_;   // the lengths group_prefixes_ holds
  std::vector<size_t> name_lengths_;     // the lengths group_names_ holds
  std::bitset<26 * 26 * 26> group_starts_;  // Trigram() of every group name and prefix
  WordMap<std::string> group_by_letters_;   // LettersKey() -> group name ("jwes" -> "jews")
  WordMap<std::string> spelled_out_;                 // "ppl" -> "people"
  WordMap<std::string> by_consonants_;               // "stpd" -> "stupid"
  WordMap<std::string> by_consonant_prefix_;         // "fck" -> "fuck"
  WordMap<std::string> by_shuffle_;                  // "fcuk" -> "fuck"
  WordMap<std::string> by_squeeze_;                  // "idiot" <- "iddiot"
  std::bitset<26 * 26 * kEndLengths> shuffle_ends_;  // Ends() of the words in by_shuffle_
};

}  // namespace modbot

#endif  // MODBOT_POLICY_TOKEN_REPAIR_H_
