#include "policy/token_repair.h"

#include <catch2/catch.hpp>

namespace modbot {
namespace {

TokenRepair Vocabulary() {
  TokenRepair repair;
  for (const char* word : {"stupid", "vermin", "idiot", "moron", "parasites"}) {
    repair.AddWord(word, false);
  }
  repair.AddWord("bitch", true);
  return repair;
}

TEST_CASE("token repair: dropped vowels read as the lexicon word", "[token_repair]") {
  const TokenRepair repair = Vocabulary();
  CHECK(repair.Restore("stpd") == "stupid");
  CHECK(repair.Restore("vrmn") == "vermin");
  CHECK(repair.Restore("btch") == "bitch");
  CHECK(repair.Restore("prsts") == "parasites");
  // A prefix entry keeps the ending the writer gave it.
  CHECK(repair.Restore("btchy") == "bitchy");
}

TEST_CASE("token repair: swapped inner letters read as the lexicon word", "[token_repair]") {
  const TokenRepair repair = Vocabulary();
  CHECK(repair.Restore("idoit") == "idiot");
  CHECK(repair.Restore("stuipd") == "stupid");
  CHECK(repair.Restore("parasties") == "parasites");
}

TEST_CASE("token repair: a plural written with z reads as the lexicon's plural", "[token_repair]") {
  TokenRepair repair = Vocabulary();
  repair.AddWord("animals", false);
  repair.AddWord("morons", false);
  repair.AddWord("bus", false);
  TokenRepair::Disguise how;
  CHECK(repair.Restore("moronz", &how) == "morons");
  CHECK(how == TokenRepair::Disguise::kPluralZ);
  CHECK(repair.Restore("animalzzz") == "animals");
  // "-ez" is a French verb's ending ("allez"), so "parasitez" is left as written.
  CHECK(repair.Restore("allez").empty());
  CHECK(repair.Restore("parasitez").empty());
  CHECK(repair.Restore("buzz").empty());   // too short a stem to tell
  CHECK(repair.Restore("mooz").empty());   // "moos" is no lexicon word
}

TEST_CASE("token repair: a masked letter reads as the one known word it can hide", "[token_repair]") {
  TokenRepair repair = Vocabulary();
  repair.AddWord("adresse", false, /*ordinary=*/true);
  repair.AddWord("shit", false);
  TokenRepair::Disguise how;
  CHECK(repair.Restore("adr*sse", &how) == "adresse");
  CHECK(how == TokenRepair::Disguise::kMasked);
  CHECK(repair.Restore("p*r*sites") == "parasites");
  // "shot" is a common word too: a mask hides what the writer would not spell.
  CHECK(repair.Restore("sh*t") == "shit");
  repair.AddWord("shut", false);
  CHECK(repair.Restore("sh*t").empty());  // two lexicon words: no telling which
  CHECK(repair.Restore("z*q").empty());         // hides no known word
  CHECK(repair.Restore("*diot").empty());       // a mask at an end is punctuation
  CHECK(repair.Restore("p*r*s*tes").empty());   // three masks: too many to read
  // In folded text the pattern lexicons read the word too.
  CHECK(repair.RepairFolded("j'ai son adr*sse.", false) == "j'ai son adresse.");
}

TEST_CASE("token repair: a word cut in two is joined when a piece is no word", "[token_repair]") {
  const TokenRepair repair = Vocabulary();
  CHECK(repair.Joined("para", "sites") == "parasites");
  CHECK(repair.Joined("ver", "min") == "vermin");
  CHECK(repair.Joined("stu", "pid") == "stupid");
  CHECK(repair.Joined("mor", "ons").empty());      // together no known word
  // A short piece joins only when neither piece is a word: "ce" is one.
  CHECK(repair.Joined("idi", "ot") == "idiot");
  TokenRepair with_calice = Vocabulary();
  with_calice.AddWord("calice", false);
  with_calice.AddWord("ce", false);
  CHECK(with_calice.Joined("cali", "ce").empty());
  CHECK(repair.Repair(" you are stu pid ") == " you are stupid ");
  // The skeleton's repair joined them, so the folded text is read again.
  CHECK(repair.RepairFolded("what a para-sites lot, you stu pid", true) ==
        "what a parasites lot, you stupid");
}

TEST_CASE("token repair: a text-message spelling reads as the words it stands for", "[token_repair]") {
  const TokenRepair repair = Vocabulary();
  TokenRepair::Disguise how;
  CHECK(repair.Restore("ppl", &how) == "people");
  CHECK(how == TokenRepair::Disguise::kTextSpelling);
  CHECK(repair.Restore("jhais") == "je hais");
  CHECK(repair.Repair(" jsuis tanne ") == " je suis tanne ");
  CHECK(repair.Restore("dis").empty());  // French "dis" is a word of its own
}

TEST_CASE("token repair: ordinary words and short keys stay as written", "[token_repair]") {
  const TokenRepair repair = Vocabulary();
  CHECK(repair.Restore("stupid").empty());  // itself
  CHECK(repair.Restore("data").empty());    // has vowels, no anagram
  CHECK(repair.Restore("dt").empty());      // too short a key for "idiot"
  CHECK(repair.Restore("st").empty());
  CHECK(repair.Restore("cbc").empty());
  CHECK(repair.Restore("mrn").empty());  // three letters name too many words ("chk")
  CHECK(repair.Restore("verimn") == "vermin");
  CHECK(repair.Restore("vermni").empty());  // the last letter moved: not a swap inside
}

TEST_CASE("token repair: some vowels dropped, not all", "[token_repair]") {
  TokenRepair repair;
  for (const char* word : {"vermine", "securite", "stripe", "watch"}) repair.AddWord(word, false);
  CHECK(repair.Restore("vrmne") == "vermine");
  CHECK(repair.Restore("scrte") == "securite");
  repair.AddWord("strangle", true);
  CHECK(repair.Restore("strngle") == "strangle");
  // A vowel left inside is often a word of its own.
  CHECK(repair.Restore("strip").empty());
  // The letters must come in the word's order, and a vowel left inside is often
  // another word ("return" is not "retourne").
  CHECK(repair.Restore("vremn").empty());
  repair.AddWord("retourne", false);
  CHECK(repair.Restore("return").empty());
}

TEST_CASE("token repair: an ordinary word is read back from every disguise but an article", "[token_repair]") {
  TokenRepair repair;
  for (const char* word : {"pirate", "watch", "live"}) repair.AddWord(word, false, /*ordinary=*/true);
  CHECK(repair.Restore("wattch") == "watch");
  CHECK(repair.Restore("wtch") == "watch");
  CHECK(repair.Restore("wacth") == "watch");
  CHECK(repair.Restore("partie").empty());  // a word of its own, not "pirate" swapped
  CHECK(repair.Restore("alive").empty());   // not "a live"
  CHECK(repair.Restore("watch").empty());
  // The same words from a word list read through every disguise that makes no
  // real word.
  TokenRepair lexicon;
  for (const char* word : {"pirate", "live"}) lexicon.AddWord(word, false);
  CHECK(lexicon.Restore("piarte") == "pirate");
  CHECK(lexicon.Restore("ulive") == "live");
  CHECK(lexicon.Restore("partie").empty());
  CHECK(lexicon.Restore("alive").empty());
}

TEST_CASE("token repair: a real English or French word is read as itself", "[token_repair]") {
  TokenRepair repair;
  for (const char* word : {"home", "voir", "buter", "tuer"}) repair.AddWord(word, false);
  CHECK(repair.Restore("homme").empty());  // not "home" stretched
  CHECK(repair.Restore("avoir").empty());  // not "a voir"
  CHECK(repair.Restore("butter").empty());  // a word of its own, whatever the language
  CHECK(repair.Restore("hoome") == "home");
  CHECK(repair.Restore("atuer") == "tuer");
}

TEST_CASE("token repair: says which disguise it undid", "[token_repair]") {
  const TokenRepair repair = Vocabulary();
  using Disguise = TokenRepair::Disguise;
  Disguise how = Disguise::kSwapped;
  CHECK(repair.Restore("stpd", &how) == "stupid");
  CHECK(how == Disguise::kDroppedVowels);
  CHECK(repair.Restore("iddiot", &how) == "idiot");
  CHECK(how == Disguise::kStretched);
  CHECK(repair.Restore("idoit", &how) == "idiot");
  CHECK(how == Disguise::kSwapped);
  CHECK(repair.Restore("amoron", &how) == "moron");
  CHECK(how == Disguise::kJoinedArticle);
  // A doubled first letter is a stretch, not an article: "iidiot".
  CHECK(repair.Restore("iidiot", &how) == "idiot");
  CHECK(how == Disguise::kStretched);
  CHECK(repair.Restore("stupid", &how).empty());
  CHECK(how == Disguise::kNone);
  CHECK(repair.Restore("data", &how).empty());
  CHECK(how == Disguise::kNone);
}

TEST_CASE("token repair: a disguise of two words stands for neither", "[token_repair]") {
  TokenRepair repair;
  repair.AddWord("bitch", false);
  repair.AddWord("butch", false);
  CHECK(repair.Restore("btch").empty());
}

TEST_CASE("token repair: a word and its longer form are one word to restore", "[token_repair]") {
  TokenRepair repair;
  repair.AddWord("vermine", false);
  repair.AddWord("vermin", false);
  CHECK(repair.Restore("vrmn") == "vermin");
}

TEST_CASE("token repair: a skeleton keeps its shape", "[token_repair]") {
  const TokenRepair repair = Vocabulary();
  CHECK(repair.Repair(" you are a stpd btch ") == " you are a stupid bitch ");
  CHECK(repair.Repair(" ") == " ");
  CHECK(repair.Repair("") == "");
}

}  // namespace
}  // namespace modbot

namespace modbot {
namespace {

TEST_CASE("token repair: folded text restored in place for the pattern lexicons", "[token_repair]") {
  TokenRepair repair;
  for (const char* word : {"kill", "idiot", "stupid", "live"}) repair.AddWord(word, false);
  CHECK(repair.RepairFolded("i'll k1ll you.", false) == "i'll kill you.");
  CHECK(repair.RepairFolded("i know where you l1ve!", false) == "i know where you live!");
  CHECK(repair.RepairFolded("you k i l l me, \"iddiot\"", false) == "you kill me, \"idiot\"");
  CHECK(repair.RepairFolded("what a stpd idea", true) == "what a stupid idea");
  // No word restored in the skeleton, no leetspeak, no spacing: passed by.
  CHECK(repair.RepairFolded("what a stpd idea", false).empty());
  // Nothing disguised: nothing to scan again.
  CHECK(repair.RepairFolded("call 514-555-0199 at 2am", false).empty());
  CHECK(repair.RepairFolded("", false).empty());
}

TEST_CASE("token repair: a short group name with two neighbours swapped", "[token_repair]") {
  TokenRepair repair;
  repair.AddGroupName("jews", false);
  repair.AddGroupName("women", false);
  TokenRepair::Disguise how;
  CHECK(repair.Restore("jwes", &how) == "jews");
  CHECK(how == TokenRepair::Disguise::kSwapped);
  CHECK(repair.Restore("womne") == "women");
  // The same letters in another order than one swap are no disguise of it.
  CHECK(repair.Restore("wnemo").empty());
}

TEST_CASE("token repair: a letter written three times is read as spelt for the patterns", "[token_repair]") {
  TokenRepair repair;
  repair.AddWord("pass", false);
  CHECK(repair.RepairFolded("heaaalth cccards, top quality", false) == "health cards, top quality");
  CHECK(repair.RepairFolded("passss any scan", false) == "pass any scan");  // twice, when that is a word
  CHECK(repair.RepairFolded("see www.example.com", false).empty());        // "www" is no stretching
}

TEST_CASE("token repair: a spaced run gives back the one-letter word and the ending beside it",
          "[token_repair]") {
  TokenRepair repair;
  for (const char* word : {"print", "friend"}) repair.AddWord(word, false);
  CHECK(repair.RepairFolded("p r i n t a copy", false) == "print a copy");
  CHECK(repair.RepairFolded("of a f r i e n d's permit", false) == "of a friend's permit");
  // A run that makes no word without its first or last letter keeps them.
  CHECK(repair.RepairFolded("a z e b r a", false) == "azebra");
}

TEST_CASE("token repair: an article spaced into the word after it is read off", "[token_repair]") {
  const TokenRepair repair = Vocabulary();
  CHECK(repair.Restore("amoron") == "moron");    // "you're a m o r o n"
  CHECK(repair.Restore("ustupid") == "stupid");  // "u s t u p i d"
  // Only when the rest is a word of the vocabulary, and long enough to be one.
  CHECK(repair.Restore("abandon").empty());
  CHECK(repair.Restore("amass").empty());
}

TEST_CASE("token repair: a spaced run ending in an object pronoun is two words", "[token_repair]") {
  const TokenRepair repair = Vocabulary();
  CHECK(repair.RepairFolded("i'll k i l l y o u tonight", false) == "i'll kill you tonight");
  CHECK(repair.RepairFolded("je vais t u e r v o u s", false) == "je vais tuer vous");
  // A word that merely ends in the letters stays whole.
  CHECK(repair.RepairFolded("sing the a n t h e m", false) == "sing the anthem");
}

TEST_CASE("token repair: letters parted by punctuation are one word", "[token_repair]") {
  TokenRepair repair;
  // A spaced run's last letter carries the sentence's comma; a word's letters parted
  // by dots or hyphens are the word.
  CHECK(repair.RepairFolded("check out my c h a n n e l, new videos", false) ==
        "check out my channel, new videos");
  CHECK(repair.RepairFolded("make m-o-n-e-y fast", false) == "make money fast");
  CHECK(repair.RepairFolded("w.h.a.t.s.a.p.p me", false) == "whatsapp me");
  // Words with a hyphen or an abbreviation's dots are not disguises.
  CHECK(repair.RepairFolded("send an e-mail at 9 a.m. to the x-ray clinic", false).empty());
}

TEST_CASE("token repair: words run together around a group's name are read apart", "[token_repair]") {
  TokenRepair repair = Vocabulary();
  for (const char* word : {"i", "hate", "kill", "all", "the", "teen", "burn", "cock"}) repair.AddWord(word, false);
  repair.AddGroupName("muslim", true);
  repair.AddGroupName("immigrants", false);
  repair.AddGroupName("teen", false);
  TokenRepair::Disguise how;
  CHECK(repair.Restore("ihatemuslims", &how) == "i hate muslims");
  CHECK(how == TokenRepair::Disguise::kRunTogether);
  CHECK(repair.Restore("killalltheimmigrants") == "kill all the immigrants");
  CHECK(repair.Restore("theimmigrants") == "the immigrants");
  // Without a group's name, or with a piece no word, a run stays as written.
  CHECK(repair.Restore("cockburn").empty());
  CHECK(repair.Restore("fifteen").empty());
}

}  // namespace
}  // namespace modbot
