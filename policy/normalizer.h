// Normalisation: the text that detectors match against.
//
// Residents who want to slip a word past a filter write "sh1t", "c@lisse", "f u c k",
// "f.u.c.k", "fuuuck", "f*ck", or swap in Cyrillic look-alikes, full-width forms and
// zero-width characters. Normalize() undoes all of that in two views:
//
//   folded    case- and accent-folded, look-alikes mapped to Latin, invisible
//             characters removed, whitespace collapsed; punctuation and digits kept.
//             For patterns that need punctuation or numbers (phone numbers, codes,
//             "password is ...").
//   skeleton  the words of `folded`, one space between each and one at either end,
//             with leetspeak mapped inside words and spaced-out letters joined.
//             For word and phrase lexicons (see PhraseMatcher in lexicon.h).
//
// Matching whole words of the skeleton is what keeps "assessment", "Essex",
// "cocktail", "conseil" or "habite" from ever matching a shorter bad word.
#ifndef MODBOT_POLICY_NORMALIZER_H_
#define MODBOT_POLICY_NORMALIZER_H_

#include <string>
#include <string_view>

namespace modbot {

struct NormalizedText {
  std::string folded;
  std::string skeleton;
};

NormalizedText Normalize(std::string_view text);

// Only the skeleton step, for text that is already folded (a sentence of `folded`).
std::string Skeleton(std::string_view folded);

// The letter a character stands in for inside a word ("sh1t", "c@lisse", "b!tch"),
// or 0.
char LeetLetter(char c);

// A folded word with leetspeak read as letters ("k1ll" is "kill", "b!tch" "bitch"),
// as the skeleton reads it; a word without letters ("2024") is left alone.
std::string Unleet(std::string_view word);

// The letters of a spaced-out run ("k i l l y o u", joined "killyou") as the words
// they spell when the run crosses a word boundary: an object pronoun at its end is a
// word of its own ("kill you"). Otherwise the joined letters as they are.
std::string SplitSpacedRun(std::string_view joined);

// text with each run of one letter written three times or more written keep times
// instead: no word has a letter three times in a row ("storeee" with 1 is "store",
// "passss" with 2 "pass"). "w" is left alone ("www").
std::string WithStretchedRuns(std::string_view text, size_t keep);

// Only the folding step. Accepts any bytes: an invalid UTF-8 sequence becomes
// U+FFFD and NUL bytes are dropped.
std::string FoldText(std::string_view text);

}  // namespace modbot

#endif  // MODBOT_POLICY_NORMALIZER_H_
