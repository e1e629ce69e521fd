#include "policy/token_repair.h"

#include <algorithm>
#include <vector>

#include "policy/lexicon.h"
#include "policy/normalizer.h"

namespace modbot {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool IsPlainWord(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The consonants of a word, each run of one letter counted once: "stupid" and
// "stuupid" are "stpd"; "kill" is "kl".
std::string ConsonantKey(std::string_view word) {
  std::string key;
  for (char c : word) {
    if (!IsVowel(c) && (key.empty() || key.back() != c)) key += c;
  }
  return key;
}

size_t Vowels(std::string_view word) { return std::count_if(word.begin(), word.end(), IsVowel); }

// Whether word is full with its inner vowels left out: its letters in order, and
// a vowel left only at an end ("vrmne", "strngle", "evry"). A vowel left inside
// is often another word ("strip" and "stripe", "return" and "retourne").
bool IsThinnedOut(std::string_view word, std::string_view full) {
  if (full.empty() || Vowels(word) >= Vowels(full)) return false;
  if (std::any_of(word.begin() + 1, word.end() - 1, IsVowel)) return false;
  size_t at = 0;
  for (char c : full) {
    if (at < word.size() && word[at] == c) ++at;
  }
  return at == word.size();
}

// Whether word is full with some of its inner vowels left out: "vermn", "mslims".
// A first or last letter dropped makes another word ("travel" is not "travelo").
bool DropsOnlyVowels(std::string_view word, std::string_view full) {
  if (word.empty() || full.empty() || word.front() != full.front() || word.back() != full.back()) return false;
  size_t at = 0;
  for (char c : full) {
    if (at < word.size() && word[at] == c) {
      ++at;
    } else if (!IsVowel(c)) {
      return false;
    }
  }
  return at == word.size();
}

// The first and last letters with the letters between them sorted: "idoit" and
// "idiot" share the key "idiot".
std::string ShuffleKey(std::string_view word) {
  std::string inner(word.substr(1, word.size() - 2));
  std::sort(inner.begin(), inner.end());
  return std::string(1, word.front()) + inner + word.back();
}

// One letter of each run: "iddiot" and "idiot" are "idiot", "kill" is "kil".
std::string Squeezed(std::string_view word) {
  std::string out;
  for (char c : word) {
    if (out.empty() || out.back() != c) out += c;
  }
  return out;
}

// Letters that are words of their own ("a", "i", "y", "u" for "you"), and so begin
// a run of spaced letters that spells the word after them.
bool IsArticle(char c) { return c == 'a' || c == 'i' || c == 'y' || c == 'u'; }

bool IsSingleLetter(std::string_view word) { return word.size() == 1 && word[0] >= 'a' && word[0] <= 'z'; }

bool IsLetterSeparator(char c) { return c == '.' || c == '-' || c == '*' || c == '_'; }

// "m-o-n-e-y", "w.h.a.t.s.a.p.p": three or more single letters each parted from the
// next by one separator, joined; "" for anything else ("e-mail", "a.m").
std::string JoinSeparatedLetters(std::string_view word) {
  if (word.size() < 5 || word.size() % 2 == 0) return "";
  std::string joined;
  for (size_t i = 0; i < word.size(); ++i) {
    const bool letter = word[i] >= 'a' && word[i] <= 'z';
    if (i % 2 == 0 ? !letter : !IsLetterSeparator(word[i])) return "";
    if (letter) joined += word[i];
  }
  return joined;
}

// "animalzzz" as "animals"; "" for a word not ending in z, or ending in "ez" (French
// "allez", "chez"), or too short to tell from another word ("buzz", "quiz").
std::string PluralOfZ(std::string_view word) {
  constexpr size_t kShortestStem = 4;
  if (!word.ends_with('z')) return "";
  while (word.ends_with('z')) word.remove_suffix(1);
  if (word.size() < kShortestStem || word.ends_with('e')) return "";
  return std::string(word) + 's';
}

}  // namespace

// What a swap never changes: the first and last letters and the length (capped).
size_t TokenRepair::Ends(std::string_view word) {
  const size_t first = static_cast<size_t>(word.front() - 'a');
  const size_t last = static_cast<size_t>(word.back() - 'a');
  return (first * 26 + last) * kEndLengths + std::min<size_t>(word.size(), kEndLengths - 1);
}

namespace {

// Shorter keys name too many ordinary words and text-message spellings ("dt" is
// "idiot", "data" and "diet"; "chk" is "check", not "choke").
constexpr size_t kMinConsonantKey = 4;
// Stretched letters are read through in words this long; in shorter ones a double
// letter is often another word ("ill" is not "il").
constexpr size_t kMinStretchedWord = 5;
// Some vowels dropped and the rest kept ("vermn") is read in words this long.
constexpr size_t kMinPartlyVowelledWord = 5;
// An article is read off only a word this long, so that the rest has four letters.
constexpr size_t kMinArticleWord = 4;

}  // namespace

TokenRepair::TokenRepair(size_t min_shuffled_word) : min_shuffled_word_(min_shuffled_word) {
  for (const std::string& word : LexiconEntries(LexiconText("common_words_list"))) known_.insert(word);
  auto words_of = [](std::string_view text) {
    std::string skeleton = Normalize(text).skeleton;  // " word word "
    return skeleton.size() < 2 ? std::string() : skeleton.substr(1, skeleton.size() - 2);
  };
  for (const std::string& entry : LexiconEntries(LexiconText("text_spellings_list"))) {
    const size_t space = entry.find(' ');
    spelled_out_.try_emplace(words_of(entry.substr(0, space)), words_of(entry.substr(space + 1)));
  }
}

void TokenRepair::Insert(WordMap<std::string>* keys, std::string_view key, std::string_view word) {
  auto [it, inserted] = keys->try_emplace(key, word);
  if (inserted || it->second == word || it->second == kAmbiguous) return;
  // One word and its longer form ("vermin", "vermine") are one word to restore.
  std::string_view known = it->second;
  if (word.substr(0, known.size()) == known) return;
  if (known.substr(0, word.size()) == word) {
    it->second = word;
    return;
  }
  it->second = kAmbiguous;
}

void TokenRepair::AddWord(std::string_view word, bool prefix, bool ordinary) {
  if (!IsPlainWord(word)) return;
  known_.insert(word);
  if (!ordinary) joinable_.insert(word);
  std::string consonants = ConsonantKey(word);
  // A word without vowels is its own key: nothing to restore.
  if (consonants.size() >= kMinConsonantKey && consonants.size() < word.size()) {
    Insert(prefix ? &by_consonant_prefix_ : &by_consonants_, consonants, word);
    // The whole word is also a word its prefix entry stands for.
    if (prefix) Insert(&by_consonants_, consonants, word);
  }
  if (word.size() >= min_shuffled_word_) {
    Insert(&by_shuffle_, ShuffleKey(word), word);
    shuffle_ends_.set(Ends(word));
  }
  Insert(&by_squeeze_, Squeezed(word), word);
}

void TokenRepair::AddGroupName(std::string_view word, bool prefix) {
  // Shorter names are pieces of too many words.
  constexpr size_t kMinGroupName = 4;
  if (!IsPlainWord(word) || word.size() < kMinGroupName) return;
  group_starts_.set(Trigram(word));
  Insert(&group_by_letters_, LettersKey(word), word);
  (prefix ? group_prefixes_ : group_names_).insert(word);
  std::vector<size_t>& lengths = prefix ? prefix_lengths_ : name_lengths_;
  if (std::find(lengths.begin(), lengths.end(), word.size()) == lengths.end()) lengths.push_back(word.size());
}

std::string TokenRepair::LettersKey(std::string_view word) {
  std::string key(word);
  std::sort(key.begin() + 1, key.end());
  return key;
}

namespace {

// Whether word is name with two neighbouring letters swapped: "jwes", "womne".
bool SwapsTwoNeighbours(std::string_view word, std::string_view name) {
  if (word.size() != name.size()) return false;
  size_t first = 0;
  while (first < word.size() && word[first] == name[first]) ++first;
  return first + 1 < word.size() && word[first] == name[first + 1] && word[first + 1] == name[first] &&
         word.substr(first + 2) == name.substr(first + 2);
}

}  // namespace

size_t TokenRepair::Trigram(std::string_view letters) {
  return static_cast<size_t>(letters[0] - 'a') * 26 * 26 + static_cast<size_t>(letters[1] - 'a') * 26 +
         static_cast<size_t>(letters[2] - 'a');
}

bool TokenRepair::BeginsWithOneOf(std::string_view word, const std::vector<size_t>& lengths, const WordSet& names) {
  return std::any_of(lengths.begin(), lengths.end(), [&](size_t length) {
    return word.size() >= length && names.contains(word.substr(0, length));
  });
}

bool TokenRepair::HasGroupNames() const { return !name_lengths_.empty() || !prefix_lengths_.empty(); }

bool TokenRepair::HoldsGroupName(std::string_view word) const {
  for (size_t at = 0; at + 3 <= word.size(); ++at) {
    const std::string_view rest = word.substr(at);
    if (!group_starts_.test(Trigram(rest))) continue;
    if (BeginsWithOneOf(rest, name_lengths_, group_names_) || BeginsWithOneOf(rest, prefix_lengths_, group_prefixes_)) {
      return true;
    }
  }
  return false;
}

bool TokenRepair::NamesGroup(std::string_view word) const {
  if (group_names_.contains(word)) return true;
  if (word.size() > 1 && word.back() == 's' && group_names_.contains(word.substr(0, word.size() - 1))) return true;
  return BeginsWithOneOf(word, prefix_lengths_, group_prefixes_);
}

std::string TokenRepair::RunApart(std::string_view word) const {
  // Shorter runs are most often a word the vocabulary lacks; longer ones are not
  // a sentence with its spaces taken out.
  constexpr size_t kMinRun = 7;
  constexpr size_t kMaxRun = 40;
  constexpr int kMostWords = 4;
  // Most runs hold no group's name: a look at each place for one is cheaper than
  // every way of cutting the run.
  if (word.size() < kMinRun || word.size() > kMaxRun || !HoldsGroupName(word)) return "";
  auto is_word = [&](std::string_view piece) {
    return known_.contains(piece) ||
           (piece.size() > 2 && piece.back() == 's' && known_.contains(piece.substr(0, piece.size() - 1)));
  };
  // fewest[i]: the fewest words word.substr(0, i) splits into (kMostWords + 1: none);
  // cut[i] where the last of them begins; grouped[i] whether one of them names a group.
  const size_t n = word.size();
  std::vector<int> fewest(n + 1, kMostWords + 1);
  std::vector<size_t> cut(n + 1, 0);
  std::vector<bool> grouped(n + 1, false);
  fewest[0] = 0;
  for (size_t end = 1; end <= n; ++end) {
    for (size_t begin = 0; begin < end; ++begin) {
      if (fewest[begin] >= kMostWords) continue;
      const std::string_view piece = word.substr(begin, end - begin);
      // A short word only opens the run ("ihate…", "jhais…"): within a word, two
      // letters are more often its own ending ("negroid" is no "negro id").
      if (begin > 0 && piece.size() < kMinJoinedPart) continue;
      const bool group = piece.size() >= kMinJoinedPart && NamesGroup(piece);
      if (!group && !is_word(piece)) continue;
      const int count = fewest[begin] + 1;
      const bool with_group = group || grouped[begin];
      // Fewer words first; among as many, one holding a group's name.
      if (count < fewest[end] || (count == fewest[end] && with_group && !grouped[end])) {
        fewest[end] = count;
        cut[end] = begin;
        grouped[end] = with_group;
      }
    }
  }
  if (fewest[n] < 2 || fewest[n] > kMostWords || !grouped[n]) return "";
  std::vector<std::string_view> pieces;
  for (size_t end = n; end > 0; end = cut[end]) pieces.push_back(word.substr(cut[end], end - cut[end]));
  std::string out;
  for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) out += (out.empty() ? "" : " ") + std::string(*it);
  return out;
}

std::string TokenRepair::Restore(std::string_view word, Disguise* how) const {
  if (how) *how = Disguise::kNone;
  if (auto it = spelled_out_.find(word); it != spelled_out_.end()) {
    if (how) *how = Disguise::kTextSpelling;
    return it->second;
  }
  if (std::string unmasked = Unmasked(word); !unmasked.empty()) {
    if (how) *how = Disguise::kMasked;
    return unmasked;
  }
  // Most words of a post are none of these disguises; each test below is cheap
  // before any key is built.
  // A word in the vocabulary is itself: most words of a post end here.
  if (word.size() < kMinConsonantKey || !IsPlainWord(word) || known_.contains(word)) return "";
  auto found = [](const WordMap<std::string>& keys, std::string_view key) -> std::string {
    auto it = keys.find(key);
    return it == keys.end() || it->second == kAmbiguous ? "" : it->second;
  };
  // The word its consonants spell: the whole key, or "fcking": the longest prefix
  // entry whose key begins the word's key, with the rest of the word after it.
  auto by_consonants = [&](const std::string& key) {
    std::string spelled = key.size() >= kMinConsonantKey ? found(by_consonants_, key) : "";
    for (size_t n = key.size() - 1; spelled.empty() && n >= kMinConsonantKey && n < key.size(); --n) {
      std::string stem = found(by_consonant_prefix_, key.substr(0, n));
      if (!stem.empty()) spelled = stem + key.substr(n);
    }
    return spelled;
  };
  std::string restored;
  Disguise disguise = Disguise::kNone;
  const bool vowelless = std::none_of(word.begin(), word.end(), IsVowel);
  if (vowelless) {
    disguise = Disguise::kDroppedVowels;
    restored = by_consonants(ConsonantKey(word));
  } else if (word.size() >= kMinStretchedWord &&
             std::adjacent_find(word.begin(), word.end()) != word.end()) {
    disguise = Disguise::kStretched;
    restored = found(by_squeeze_, Squeezed(word));
  }
  if (restored.empty() && !vowelless) {
    // "vrmne", "mslims": some vowels dropped, not all.
    std::string key = ConsonantKey(word);
    std::string spelled = key.size() >= kMinConsonantKey ? found(by_consonants_, key) : "";
    if (spelled.empty() && word.size() >= kMinPartlyVowelledWord) spelled = by_consonants(key);
    if (IsThinnedOut(word, spelled) ||
        (word.size() >= kMinPartlyVowelledWord && DropsOnlyVowels(word, spelled))) {
      disguise = Disguise::kDroppedVowels;
      restored = std::move(spelled);
    }
  }
  if (restored.empty() && word.size() >= min_shuffled_word_ && shuffle_ends_.test(Ends(word))) {
    disguise = Disguise::kSwapped;
    restored = found(by_shuffle_, ShuffleKey(word));
  }
  if (restored.empty() && HasGroupNames()) {
    // A group's name too short for the swaps above, two neighbours swapped: "jwes".
    std::string name = found(group_by_letters_, LettersKey(word));
    if (SwapsTwoNeighbours(word, name)) {
      disguise = Disguise::kSwapped;
      restored = std::move(name);
    }
  }
  if (restored.empty()) {
    if (std::string plural = PluralOfZ(word); !plural.empty() && joinable_.contains(plural)) {
      disguise = Disguise::kPluralZ;
      restored = std::move(plural);
    }
  }
  if (restored.empty() && word.size() > kMinArticleWord && IsArticle(word.front()) &&
      joinable_.contains(word.substr(1))) {
    disguise = Disguise::kJoinedArticle;
    restored = word.substr(1);  // "a m o r o n": the article joined to the word after it
  }
  if (restored.empty() && HasGroupNames()) {
    disguise = Disguise::kRunTogether;
    restored = RunApart(word);
  }
  if (restored.empty()) return "";
  if (how) *how = disguise;
  return restored;
}

std::string TokenRepair::Unmasked(std::string_view word) const {
  // Two masks leave 676 words to look up, three 17,576: a word masked that much is
  // read by the lexicons' own '*' matching (lexicon.h), not restored.
  constexpr size_t kMostMasks = 2;
  const size_t masks = static_cast<size_t>(std::count(word.begin(), word.end(), '*'));
  if (masks == 0 || masks > kMostMasks || word.size() < 3 || word.front() == '*' || word.back() == '*' ||
      !std::all_of(word.begin(), word.end(), [](char c) { return c == '*' || (c >= 'a' && c <= 'z'); })) {
    return "";
  }
  std::string filled(word);
  std::vector<std::string> known;
  // Every way of filling the masks, depth first.
  auto fill = [&](auto&& self, size_t from) -> void {
    const size_t at = filled.find('*', from);
    if (at == std::string::npos) {
      if (known_.contains(filled)) known.push_back(filled);
      return;
    }
    for (char c = 'a'; c <= 'z'; ++c) {
      filled[at] = c;
      self(self, at + 1);
    }
    filled[at] = '*';
  };
  fill(fill, 0);
  if (known.size() == 1) return known.front();
  // A mask hides what the writer would not spell: of "hell", "hall" and "hill",
  // the one a lexicon names ("make her life h*ll").
  std::string named;
  for (const std::string& candidate : known) {
    if (!joinable_.contains(candidate)) continue;
    if (!named.empty()) return "";
    named = candidate;
  }
  return named;
}

std::string TokenRepair::Joined(std::string_view first, std::string_view second) const {
  if (!IsPlainWord(first) || !IsPlainWord(second)) return "";
  // Pieces this short join only when neither is a word: "th e" is "the", but "Cali
  // ce con" is not "calice".
  const bool short_piece = first.size() < kMinJoinedPart || second.size() < kMinJoinedPart;
  if (short_piece && (known_.contains(first) || known_.contains(second))) return "";
  std::string joined(first);
  joined += second;
  if (!known_.contains(joined) || (known_.contains(first) && known_.contains(second))) return "";
  return joined;
}

std::string TokenRepair::Repair(std::string_view skeleton) const {
  std::vector<std::string_view> words;
  for (size_t i = 0; i <= skeleton.size();) {
    const size_t end = std::min(skeleton.find(' ', i), skeleton.size());
    words.push_back(skeleton.substr(i, end - i));  // empty at either end of " a b "
    i = end + 1;
  }
  std::string out;
  out.reserve(skeleton.size() + 16);
  for (size_t w = 0; w < words.size(); ++w) {
    if (w > 0) out += ' ';
    std::string repaired = w + 1 < words.size() ? Joined(words[w], words[w + 1]) : "";
    if (!repaired.empty()) {
      ++w;
    } else {
      repaired = Restore(words[w]);
    }
    out += repaired.empty() ? words[w] : std::string_view(repaired);
  }
  return out;
}


bool TokenRepair::MayHoldLeetOrSpacing(std::string_view folded) {
  auto is_letter = [&](size_t i) { return i < folded.size() && folded[i] >= 'a' && folded[i] <= 'z'; };
  int single_letters = 0;
  for (size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    const bool leet = (c >= '0' && c <= '9') || c == '@' || c == '$' || c == '!' || c == '|' || c == '+';
    if (leet && ((i > 0 && is_letter(i - 1)) || is_letter(i + 1))) return true;
    if (c == '*' && i > 0 && is_letter(i - 1) && is_letter(i + 1)) return true;  // "adr*sse"
    // "carrrds": no word has a letter three times in a row ("www" is no word).
    if (is_letter(i) && c != 'w' && i + 2 < folded.size() && folded[i + 1] == c && folded[i + 2] == c) return true;
    if (is_letter(i) && (i == 0 || folded[i - 1] == ' ') && i + 3 < folded.size() &&
        IsLetterSeparator(folded[i + 1]) && is_letter(i + 2) && IsLetterSeparator(folded[i + 3]) &&
        is_letter(i + 4)) {
      return true;
    }
    if (is_letter(i) && (i == 0 || folded[i - 1] == ' ') && (i + 1 == folded.size() || folded[i + 1] == ' ')) {
      if (++single_letters == 3) return true;
    } else if (c != ' ') {
      single_letters = 0;
    }
  }
  return false;
}

namespace {

// "d's", "t'": a letter and, after an apostrophe, at most two more.
bool EndsAfterApostrophe(std::string_view word) {
  constexpr size_t kLongestEnding = 4;  // "'s", "'ll"
  return word.size() >= 2 && word.size() <= kLongestEnding && word[0] >= 'a' && word[0] <= 'z' && word[1] == '\'' &&
         std::all_of(word.begin() + 2, word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

std::string TokenRepair::Unstretched(std::string_view word) const {
  // Each run of a letter three times or more is the letter twice when that makes
  // a known word ("passss", "offfficer"), else once ("carrrds", "heaaalth").
  std::string once = WithStretchedRuns(word, 1);
  if (once == word) return "";
  std::string twice = WithStretchedRuns(word, 2);
  return known_.contains(twice) && !known_.contains(once) ? twice : once;
}

std::string TokenRepair::SeparateOneLetterWord(const std::string& run) const {
  auto one_letter_word = [](char c) { return c == 'a' || c == 'y'; };
  if (run.size() <= kMinJoinedPart || known_.contains(run)) return run;
  const std::string_view letters(run);
  if (one_letter_word(run.back()) && known_.contains(letters.substr(0, run.size() - 1))) {
    return std::string(letters.substr(0, run.size() - 1)) + " " + run.back();
  }
  if (one_letter_word(run.front()) && known_.contains(letters.substr(1))) {
    return run.front() + (" " + std::string(letters.substr(1)));
  }
  return run;
}

std::string TokenRepair::RepairFolded(std::string_view folded, bool words_restored) const {
  if (!words_restored && !MayHoldLeetOrSpacing(folded)) return "";
  // Chunks between spaces, each split into its punctuation and the word inside.
  struct Chunk {
    std::string_view lead, word, trail;
  };
  auto is_edge = [](char c) {
    return c == '.' || c == '!' || c == ',' || c == ';' || c == ':' || c == '?' || c == '"' || c == '(' ||
           c == ')' || c == '\'' || c == '-';
  };
  std::vector<Chunk> chunks;
  for (size_t i = 0; i <= folded.size();) {
    size_t end = std::min(folded.find(' ', i), folded.size());
    std::string_view chunk = folded.substr(i, end - i);
    size_t a = 0, b = chunk.size();
    while (a < b && is_edge(chunk[a])) ++a;
    while (b > a && is_edge(chunk[b - 1])) --b;
    chunks.push_back({chunk.substr(0, a), chunk.substr(a, b - a), chunk.substr(b)});
    i = end + 1;
  }
  std::string out;
  out.reserve(folded.size() + 16);
  bool changed = false;
  for (size_t c = 0; c < chunks.size();) {
    if (c > 0) out += ' ';
    // "k i l l": a run of three or more single letters is one word.
    size_t run = c;
    // The run's last letter may carry the sentence's punctuation ("c h a n n e l,").
    while (run < chunks.size() && IsSingleLetter(chunks[run].word) && chunks[run].lead.empty()) {
      ++run;
      if (!chunks[run - 1].trail.empty()) break;
    }
    // "f r i e n d's": the run's last letter may carry an ending after an apostrophe.
    std::string_view ending;
    if (run - c >= 2 && run < chunks.size() && chunks[run - 1].trail.empty() && chunks[run].lead.empty() &&
        EndsAfterApostrophe(chunks[run].word)) {
      ending = chunks[run].word.substr(1);
      ++run;
    }
    std::string word;
    if (run - c >= 3) {
      for (size_t k = c; k < run; ++k) word += chunks[k].word.front();
      word = SplitSpacedRun(word);
      word = SeparateOneLetterWord(word);
      word += ending;
    } else {
      // Only a word with something other than letters in it can hold leetspeak.
      const std::string_view core = chunks[c].word;
      word = JoinSeparatedLetters(core);
      if (const size_t dash = core.find('-'); word.empty() && dash != std::string_view::npos) {
        word = Joined(core.substr(0, dash), core.substr(dash + 1));  // "mus-lims"
      }
      if (word.empty()) word = IsPlainWord(core) ? std::string(core) : Unleet(core);
      run = c + 1;
      // "immi grants": nothing but a space between the halves.
      if (run < chunks.size() && chunks[c].trail.empty() && chunks[run].lead.empty()) {
        if (std::string joined = Joined(word, chunks[run].word); !joined.empty()) {
          word = std::move(joined);
          ++run;
        }
      }
    }
    // The word lists match stretched letters themselves; the patterns do not
    // ("carrrds" is "cards" to them).
    std::string restored = Restore(word);
    if (restored.empty()) restored = Unstretched(word);
    if (!restored.empty()) word = std::move(restored);
    changed |= run - c > 1 || word != chunks[c].word;
    out += chunks[c].lead;
    out += word;
    out += chunks[run - 1].trail;
    c = run;
  }
  return changed ? out : "";
}

}  // namespace modbot
