#include "policy/language.h"

#include <array>
#include <unordered_map>

namespace modbot {

namespace {

// Function words that are frequent in one language and rare in the other.
// Words common to both ("on", "me", "son", "a", "plus") are left out.
constexpr auto kEnglishWords = std::to_array<std::string_view>({
    "the",     "and",   "is",   "are",    "was",    "were",   "be",    "been",  "to",
    "of",      "in",    "it",   "that",   "this",   "for",    "with",  "you",   "i",
    "we",      "they",  "he",   "she",    "not",    "have",   "has",   "had",   "do",
    "does",    "did",   "can",  "will",   "would",  "should", "could", "what",  "which",
    "who",     "my",    "your", "our",    "their",  "at",     "from",  "by",    "but",
    "or",      "if",    "just", "so",     "there",  "here",   "about", "any",   "anyone",
    "anybody", "know",  "yes",  "thanks", "please", "all",    "an",    "how",   "why",
    "when",    "where", "also", "some",   "get",    "its",    "them",  "us",    "no",
    "up",      "out",   "like", "think",  "people", "one",    "more",  "after", "before",
    "again",   "still",
});

constexpr auto kFrenchWords = std::to_array<std::string_view>({
    "le",
    "la",
    "les",
    "des",
    "est",
    "pas",
    "je",
    "que",
    "qui",
    "une",
    "un",
    "du",
    "au",
    "aux",
    "ça",
    "avec",
    "pour",
    "de",
    "et",
    "en",
    "dans",
    "sur",
    "ce",
    "cette",
    "ces",
    "il",
    "elle",
    "ils",
    "elles",
    "nous",
    "vous",
    "mais",
    "ou",
    "où",
    "sont",
    "être",
    "avoir",
    "fait",
    "très",
    "tout",
    "tous",
    "aussi",
    "bien",
    "merci",
    "bonjour",
    "quoi",
    "quand",
    "comment",
    "pourquoi",
    "mon",
    "ma",
    "mes",
    "ton",
    "ta",
    "tes",
    "notre",
    "votre",
    "leur",
    "y",
    "ne",
    "rien",
    "déjà",
    "encore",
    "parce",
    "oui",
    "non",
    "était",
    "ont",
    "va",
    "peut",
    "faut",
    "chez",
    "sans",
    "entre",
    "depuis",
    "lui",
    "moi",
    "toi",
    "cela",
    "aujourd'hui",
    // Québec
    "pis",
    "icitte",
    "chu",
    "chus",
    "pantoute",
    "tsé",
    "ben",
    "faque",
    "astheure",
    "asteure",
    "toé",
    "moé",
    "ouin",
    "ouais",
    "là",
    "c'te",
    "tabarnak",
    "câlisse",
    "ostie",
});

// Elided forms that only French writes: l'été, d'accord, qu'il, c'est, j'ai.
constexpr auto kFrenchElisions = std::to_array<std::string_view>({
    "l",
    "d",
    "j",
    "qu",
    "n",
    "s",
    "c",
    "m",
    "t",
    "jusqu",
    "lorsqu",
    "puisqu",
    "quelqu",
});

// English contraction endings: don't, it's, I'm, we're, I'll, I've, I'd.
constexpr auto kEnglishContractions = std::to_array<std::string_view>({
    "t",
    "s",
    "m",
    "re",
    "ll",
    "ve",
    "d",
});

// Names that carry accents in English posts too, so they are no French signal.
constexpr auto kNeutralWords = std::to_array<std::string_view>({
    "côte",
    "café",
    "montréal",
    "québec",
});

// Which of the lists above a word is on, as bits: every word of a post is looked up
// once in one table rather than once per list.
enum WordList : unsigned {
  kEnglish = 1,
  kFrench = 2,
  kFrenchElision = 4,
  kEnglishContraction = 8,
  kNeutral = 16,
};

const std::unordered_map<std::string_view, unsigned>& ListsByWord() {
  static const auto* const lists = [] {
    auto out = new std::unordered_map<std::string_view, unsigned>;
    auto add = [&](const auto& words, WordList list) {
      for (std::string_view word : words) (*out)[word] |= list;
    };
    add(kEnglishWords, kEnglish);
    add(kFrenchWords, kFrench);
    add(kFrenchElisions, kFrenchElision);
    add(kEnglishContractions, kEnglishContraction);
    add(kNeutralWords, kNeutral);
    return out;
  }();
  return *lists;
}

unsigned ListsOf(std::string_view word) {
  const auto& lists = ListsByWord();
  auto found = lists.find(word);
  return found == lists.end() ? 0 : found->second;
}

// Lower-cases ASCII and the accented capitals of French (two-byte UTF-8, U+00C0
// to U+00DE); "’" becomes "'".
std::string LowerWord(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == 0xC3 && i + 1 < word.size() &&
               static_cast<unsigned char>(word[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(word[i + 1]) <= 0x9E &&
               static_cast<unsigned char>(word[i + 1]) != 0x97) {
      out.push_back(static_cast<char>(c));
      out.push_back(static_cast<char>(static_cast<unsigned char>(word[i + 1]) + 0x20));
      ++i;
    } else if (word.substr(i, 3) == "\xE2\x80\x99") {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

// Letters, apostrophes and any non-ASCII byte make up words; the right single
// quote (U+2019, bytes E2 80 99) is an apostrophe, other punctuation is not.
bool IsWordByte(std::string_view text, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c == 0xE2) return text.substr(i, 3) == "\xE2\x80\x99";
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'' || c >= 0x80;
}

// à â ç è é ê ë î ï ô ù û (U+00E0..U+00FB, UTF-8 C3 A0..BB) and œ (C5 93), by byte
// scan: this runs on every word of every post.
bool HasFrenchAccent(std::string_view word) {
  for (std::size_t i = 0; i + 1 < word.size(); ++i) {
    unsigned char lead = static_cast<unsigned char>(word[i]);
    unsigned char next = static_cast<unsigned char>(word[i + 1]);
    if (lead == 0xC3) {
      switch (next) {
        case 0xA0: case 0xA2: case 0xA7: case 0xA8: case 0xA9: case 0xAA: case 0xAB:
        case 0xAE: case 0xAF: case 0xB4: case 0xB9: case 0xBB:
          return true;
        default:
          break;
      }
    } else if (lead == 0xC5 && next == 0x93) {
      return true;
    }
  }
  return false;
}

struct LanguageScores {
  double english = 0;
  double french = 0;
};

void ScoreWord(std::string_view word, LanguageScores& scores) {
  unsigned lists = ListsOf(word);
  if (lists & kEnglish) scores.english += 1;
  if (lists & kFrench) scores.french += 1;
  // An accent is weaker evidence than a function word: loanwords and names carry them.
  if (!(lists & kNeutral) && HasFrenchAccent(word)) scores.french += 0.5;
}

}  // namespace

std::string DetectLanguage(std::string_view text) {
  LanguageScores scores;
  for (std::size_t i = 0; i < text.size();) {
    if (!IsWordByte(text, i)) {
      ++i;
      continue;
    }
    std::size_t begin = i;
    while (i < text.size() && IsWordByte(text, i)) ++i;
    std::string word = LowerWord(text.substr(begin, i - begin));
    std::string_view rest = word;
    while (!rest.empty() && rest.front() == '\'') rest.remove_prefix(1);
    while (!rest.empty() && rest.back() == '\'') rest.remove_suffix(1);
    // Listed words that hold an apostrophe ("c'te") count whole.
    if (rest.find('\'') != std::string_view::npos && (ListsOf(rest) & kFrench)) {
      scores.french += 1;
      continue;
    }
    std::size_t apostrophe = rest.find('\'');
    if (apostrophe != std::string_view::npos) {
      std::string_view head = rest.substr(0, apostrophe);
      std::string_view tail = rest.substr(apostrophe + 1);
      const bool contraction = ListsOf(tail) & kEnglishContraction;
      if ((ListsOf(head) & kFrenchElision) && !contraction) {
        scores.french += 1;
        rest = tail;
      } else if (contraction) {
        scores.english += 1;
        rest = head;
      }
    }
    ScoreWord(rest, scores);
  }
  return scores.french > scores.english ? "fr" : "en";
}

}  // namespace modbot
