#include "policy/language.h"

#include <catch2/catch.hpp>
#include <string>

namespace modbot {
namespace {

TEST_CASE("English posts are detected as English", "[language]") {
  const char* posts[] = {
      "The pool on Parkhaven opens at noon on weekends.",
      "Does anyone know when the library reopens?",
      "Thanks!",
      "I think the new bike lanes are a good idea.",
      "It's the third time this week the garbage wasn't picked up.",
      "We should ask the council about the snow removal schedule.",
      "Can you post the link to the minutes?",
      "My kids love the splash pad, great job to the City.",
      "They're fixing the pothole on Mackle tomorrow.",
      "Where is the dog run in Côte Saint-Luc?",
      "Is the arena open during the holidays?",
  };
  for (const char* post : posts) {
    INFO(post);
    CHECK(DetectLanguage(post) == "en");
  }
}

TEST_CASE("French posts are detected as French", "[language]") {
  const char* posts[] = {
      "La piscine est fermée pour la journée à cause de l'orage.",
      "Est-ce que quelqu'un sait quand la bibliothèque rouvre ?",
      "Merci beaucoup!",
      "Je pense que les pistes cyclables sont une bonne idée.",
      "C'est la troisième fois que les vidanges ne sont pas ramassées.",
      "Chu pas mal tanné, pis la rue est jamais déneigée icitte.",
      "Ouin, c'est ben correct pantoute.",
      "Le déneigement de notre rue est fait depuis hier.",
      "Où est-ce qu’on peut payer le compte de taxes ?",
      "Vous avez le lien pour le procès-verbal du conseil?",
      "ÉTÉ TRÈS CHAUD CETTE ANNÉE",
  };
  for (const char* post : posts) {
    INFO(post);
    CHECK(DetectLanguage(post) == "fr");
  }
}

TEST_CASE("Franglais gets the majority language", "[language]") {
  CHECK(DetectLanguage("Le skating du dimanche était full, est-ce qu'on peut ajouter une "
                       "session le samedi?") == "fr");
  CHECK(DetectLanguage("The new schedule is total crap, c'est n'importe quoi, whoever made it "
                       "doesn't live here.") == "en");
  CHECK(DetectLanguage("Les kids ont adoré le face painting, so fun!") == "fr");
  CHECK(DetectLanguage("Anybody know if the lap swim is cancelled? Le lifeguard était absent.") ==
        "en");
}

TEST_CASE("No signal or a tie is English", "[language]") {
  CHECK(DetectLanguage("") == "en");
  CHECK(DetectLanguage("https://bit.ly/abc 123 !!!") == "en");
  CHECK(DetectLanguage("Côte Saint-Luc") == "en");
  CHECK(DetectLanguage("the le") == "en");
}

TEST_CASE("Language detection accepts any bytes", "[language]") {
  using namespace std::string_literals;
  CHECK(DetectLanguage("le \xC3 \xE2\x80 \xFF\x00 la l' ''' \xE2\x80\x99"s) == "fr");
  CHECK(DetectLanguage(std::string(1'000'000, '\'')) == "en");
}

}  // namespace
}  // namespace modbot
