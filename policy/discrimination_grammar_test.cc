// Discrimination read by meaning (harm_grammar.h), on sentences written for these
// tests in EN and FR: a protected group in any of its forms, what is said of it by
// meaning class (hatred, dehumanisation, generalisation, exclusion, violence,
// profanity), and the look-alikes that must stay allowed: negation, counter-speech,
// hatred of a situation or of the speakers, and homonyms.
#include <catch2/catch.hpp>

#include <algorithm>
#include <initializer_list>
#include <string>

#include "policy/harm_grammar.h"
#include "policy/normalizer.h"

namespace modbot {
namespace {

HarmReading ReadText(const std::string& text) { return HarmGrammar::BuiltIn().Read(FoldText(text)); }

// The strongest discrimination finding the reading makes of text, 0 if none.
double DiscriminationScore(const std::string& text) {
  double best = 0;
  for (const Reason& reason : ReadText(text).reasons) {
    if (reason.clause == Clause::kDiscrimination) best = std::max(best, reason.score);
  }
  return best;
}

void CheckFound(std::initializer_list<const char*> texts, double at_least) {
  for (const char* text : texts) {
    INFO(text);
    CHECK(DiscriminationScore(text) >= at_least);
  }
}

void CheckClear(std::initializer_list<const char*> texts) {
  for (const char* text : texts) {
    INFO(text);
    CHECK(DiscriminationScore(text) == 0);
  }
}

TEST_CASE("discrimination grammar: a bare verb of hatred after 'I', adverbs between", "[harm_grammar]") {
  CheckFound({"I really can't stand lesbians.", "I'm so sick of immigrants.", "We all despise Sikhs.",
              "I absolutely loathe trans people.", "Je ne supporte vraiment pas les musulmans.",
              "J'ai horreur des Roms."},
             0.85);
  // Someone else's feeling, asked about: not the author's hatred.
  CheckClear({"Why do people hate immigrants?", "My neighbour hates Mondays and women's soccer."});
}

TEST_CASE("discrimination grammar: hating a situation or the speakers is not hating a group",
          "[harm_grammar]") {
  CheckClear({"I hate how refugees are treated.", "I hate seeing disabled people suffer.",
              "Je déteste quand on insulte les femmes.", "I hate people who say immigrants should go back.",
              "I'm tired of people saying Jews are dangerous."});
  CHECK(ReadText("I hate people who say immigrants should go back.").frames.counter_speech);
}

TEST_CASE("discrimination grammar: a pronoun stands for the group named before it", "[harm_grammar]") {
  CheckFound({"I have met many Somalis and I hate every single one of them.",
              "J'ai croisé des immigrés ce matin. Je les déteste.",
              "Il y a trop de Roms ici. Il faut les expulser.",
              "Les réfugiés arrivent. On devrait tous les exterminer."},
             0.85);
  // Without a group before it, the pronoun is anyone: nothing about a group.
  CheckClear({"Les moustiques sont partout. Il faut les tuer.", "Je les déteste, ces lundis."});
}

TEST_CASE("discrimination grammar: negative generalisations and dehumanisation by meaning, FR",
          "[harm_grammar]") {
  CheckFound({"Les personnes noires sont une maladie.", "Les Roms ne valent rien.",
              "Les gens du voyage sont des nuisibles.", "Les femmes sont stupides.",
              "Les musulmanes sont répugnantes.", "Ces immigrés sont une plaie pour la société."},
             0.75);
  CheckFound({"Pourquoi les musulmans sont-ils si stupides ?"}, 0.5);
}

TEST_CASE("discrimination grammar: negative generalisations and exclusion by meaning, EN",
          "[harm_grammar]") {
  CheckFound({"Gay men are evil.", "Muslim people are lower than dirt.", "Black folks are a blight.",
              "Immigrants don't deserve any rights.", "Refugees belong in cages.",
              "Disabled people are the worst."},
             0.75);
  // The same predicates said of what is no protected group.
  CheckClear({"Mondays are the worst.", "Landlords are evil.", "This pothole is a blight."});
}

TEST_CASE("discrimination grammar: profanity aimed at a group", "[harm_grammar]") {
  CheckFound({"Fuck all Muslims.", "Nique les juifs."}, 0.85);
  CheckClear({"Fuck yeah, I love Muslims.", "Fuck the snow, the women's league is cancelled again."});
}

TEST_CASE("discrimination grammar: a denied predicate is a frame of its own", "[harm_grammar]") {
  const HarmReading reading = ReadText("Les femmes ne sont pas de la vermine.");
  CHECK(reading.reasons.empty());
  CHECK(reading.frames.negated);
  CHECK_FALSE(ReadText("Les femmes sont de la vermine.").frames.negated);
}

TEST_CASE("discrimination grammar: questions, restrictions and places read as what they say",
          "[harm_grammar]") {
  // A question opening on a negation expects a yes; "ne ... que" restricts.
  CheckFound({"Aren't lesbians just the worst?"}, 0.5);
  CheckFound({"Les musulmans ne sont que des nuisibles.", "Keep Muslims out of our neighbourhood.",
              "Gardez les Roms hors de notre quartier.", "It's time to exterminate refugees.",
              "Je ne respecterai jamais les homosexuels."},
             0.75);
  // Moving out is not being kept out; a plain negation still denies.
  CheckClear({"Many immigrants moved out of our street last year.", "Muslims are not the worst.",
              "Les musulmans ne sont pas des nuisibles."});
}

TEST_CASE("discrimination grammar: an opinion set out to be answered is reported", "[harm_grammar]") {
  for (const char* text : {"If you think Muslims are worthless dirt, you are a bigot.",
                           "Si tu penses que les Noirs sont des déchets, tu es raciste.",
                           "Ton message disant que les Juifs sont des idiots est dégueulasse."}) {
    INFO(text);
    const HarmReading reading = ReadText(text);
    CHECK(reading.frames.counter_speech);
    CHECK(reading.reasons.empty());
  }
}

TEST_CASE("discrimination grammar: a word with some of its vowels dropped", "[harm_grammar]") {
  CheckFound({"I hate Mslims.", "Jews are vermn.", "Les musulmns sont des rats."}, 0.85);
  // Other vowels, or the same consonants in another word: not a disguise.
  CheckClear({"Marines are great.", "Les marins sont des rats de cale."});
}

TEST_CASE("discrimination grammar: the reader addressed as a group, a predicate holding its verb",
          "[harm_grammar]") {
  CheckFound({"Les Somaliens, vous êtes tous dégueulasses.", "You Muslims are vermin.",
              "Sikhs aren't even human.", "Les Haïtiens ne sont même pas humains."},
             0.75);
  CheckClear({"You are welcome here, Muslims and everyone else.", "Sikhs aren't criminals."});
}

TEST_CASE("discrimination grammar: an adverb between the link and what it says", "[harm_grammar]") {
  CheckFound({"Jews are inherently violent.", "Les Nigérians sont naturellement violents."}, 0.75);
  CheckClear({"Jews are inherently generous.", "Some idiot wrote that Jews are a pestilence. Disgusting."});
}

TEST_CASE("discrimination grammar: spoken French without its 'ne'", "[harm_grammar]") {
  CheckFound({"Ceux qui vivent sur le chèque, ils ont pas à donner leur avis sur le budget.",
              "Les immigrés ont pas d'affaire à voter."},
             0.75);
  CheckClear({"Les enfants ont pas à payer pour la piscine."});
}

TEST_CASE("discrimination grammar: news of a law or a plan against a group is reported, for review",
          "[harm_grammar]") {
  for (const char* text : {"L'Italie adopte une loi pour expulser les migrants.",
                           "The government plans to deport the migrants who arrived last month."}) {
    INFO(text);
    const double score = DiscriminationScore(text);
    CHECK(score > 0);
    CHECK(score < 0.75);
  }
  CheckFound({"Deport all the migrants now.", "Migrants should be deported, every last one."}, 0.85);
}

TEST_CASE("discrimination grammar: a pronoun announcing the group the sentence names after it",
          "[harm_grammar]") {
  CheckFound({"Qu'on les renvoie chez eux, les musulmans.", "Je ne peux pas les supporter, ces immigrés.",
              "Les Noirs, je ne peux pas les supporter.", "I hate them all, those refugees."},
             0.75);
  // Nobody of a group named after it, or someone else between.
  CheckClear({"Qu'on les renvoie chez eux, ces touristes bruyants.",
              "Je les déteste, ceux qui insultent les immigrés."});
}

TEST_CASE("discrimination grammar: a group's name cut in two or written with a z", "[harm_grammar]") {
  CheckFound({"mus lims are vermin.", "I hate immi grants.", "Les jui fs sont des rats.",
              "muzlims are parasites.", "Jewz are disgusting.",
              "Ref ugees should all be deported.", "Les musul mans sont des parasites.",
              "mus-lims = terr-orists", "Women are para sites."},
             0.75);
  // Text-message spellings (text_spellings_list).
  CheckFound({"blk ppl r animals lol", "jhais les immigrés", "jsuis tanné des musulmans"}, 0.75);
  // Pieces that join into no group's name, or that are words alone.
  CheckClear({"These mus sels are disgusting.", "Our jazz band is disgusting tonight.",
              "The bus lines are the worst."});
}

TEST_CASE("discrimination grammar: a group barred as a sign bars it", "[harm_grammar]") {
  CheckFound({"No Blacks in this neighbourhood.", "No Muslims allowed.", "Pas de Noirs ici."}, 0.6);
  CheckFound({"Go back to China, chink.", "Immigrants should learn French or leave.",
              "We don't want them here, those refugees."},
             0.75);
  // A "no" that denies, a "no" that counts, and the homonym with nothing said of anyone.
  CheckClear({"No immigrants are criminals.", "No women were hurt in the fire.",
              "There are chinks in the armour of this plan.", "Pas de femmes ont été blessées."});
}

TEST_CASE("discrimination grammar: ranking a group below everything", "[harm_grammar]") {
  CheckFound({"Nothing is worse than Muslims.", "There's nothing worse than trans people.",
              "Rien de pire que les immigrés."},
             0.5);
  CheckClear({"Nothing is worse than traffic.", "Rien de pire que les bouchons du lundi."});
}

TEST_CASE("discrimination grammar: humanity or a mind denied, lives said not to matter", "[harm_grammar]") {
  CheckFound({"Immigrants are less than human.", "Les Juifs sont moins qu'humains.", "Trans people have no brains.",
              "Les Noirs n'ont pas de cerveau.", "Muslim lives don't matter.", "Gay people make me want to puke."},
             0.75);
  CheckFound({"Are refugees even human?", "Est-ce que les musulmans sont vraiment humains ?"}, 0.5);
  CheckClear({"Politicians have no brains.", "Our raccoons are less than human, obviously.",
              "Black lives matter.", "Les immigrés n'ont pas de logement."});
}

TEST_CASE("discrimination grammar: harm wished by its means, refusal of a lease or a job", "[harm_grammar]") {
  CheckFound({"Refugees deserve a bullet.", "Les réfugiés méritent une balle.", "Gays ought to be sterilised.",
              "I will hurt any Muslims I meet.", "Je ne louerai jamais aux immigrés.",
              "J'embaucherai jamais les handicapés."},
             0.75);
  CheckClear({"Immigrants should get a bullet point list of services.",
              "Les réfugiés méritent une balle de soccer neuve.", "Je ne louerai jamais ma maison en été."});
}

TEST_CASE("discrimination grammar: a proposal opening on 'why not' denies nothing", "[harm_grammar]") {
  CheckFound({"Why not just kick out all those Africans?", "Pourquoi ne pas juste virer tous ces Africains ?"}, 0.5);
  CheckClear({"Why not invite all the refugees to the picnic?", "Muslims are not the worst."});
}

TEST_CASE("discrimination grammar: generalisations through 'seem', lacks, and harm done to us",
          "[harm_grammar]") {
  CheckFound({"Blacks seem to have no self control.", "Women are too emotional to lead.",
              "Les immigrés nous volent nos emplois.", "Les femmes sont trop émotives pour diriger."},
             0.75);
  CheckClear({"The raccoons seem to have no self control.", "Les voisins nous volent nos places de stationnement."});
}

TEST_CASE("discrimination grammar: 'they' keeps the group named before when the sentence names one after",
          "[harm_grammar]") {
  CheckFound({"I work with two women. Honestly they are useless, like all women."}, 0.75);
  CheckClear({"I work with two women. Honestly they are brilliant, like all women."});
}

TEST_CASE("discrimination grammar: worth, power and degree said of a whole group", "[harm_grammar]") {
  CheckFound({"Les femmes, c'est bon qu'à faire le ménage.", "Les juifs ils contrôlent tout.",
              "I'm sorry but black people are more violent.", "Tout le monde sait que les Juifs sont avares."},
             0.75);
  CheckClear({"This old printer is only good for scrap.", "Les enfants contrôlent tout à la maison.",
              "Black people are more likely to be stopped by police."});
}

}  // namespace
}  // namespace modbot
