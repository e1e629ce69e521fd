// The target x predicate x frame reading through the whole policy: what it hides,
// and the look-alikes a frame keeps allowed or, at most, sends to a human.
#include <catch2/catch.hpp>

#include <algorithm>
#include <initializer_list>
#include <string>

#include "policy/built_in_policy_for_tests.h"
#include "policy/policy.h"

namespace modbot {
namespace {

std::string Describe(const Verdict& verdict) {
  std::string out(ActionName(verdict.action));
  for (const Reason& reason : verdict.reasons) out += " " + reason.rule + "=" + std::to_string(reason.score);
  return out;
}

// Each text, posted by a neighbour, gets the action want.
void CheckActions(std::initializer_list<const char*> texts, Action want) {
  for (const char* text : texts) {
    const Verdict verdict = JudgeNeighbourPost(text);
    INFO(text << " => " << Describe(verdict));
    CHECK(verdict.action == want);
  }
}

TEST_CASE("targeted harm: hateful statements about a group hide, EN and FR", "[targeted_harm]") {
  CheckActions({"Sikhs are vermin.", "Lesbians shouldn't be allowed to adopt.",
                "I want to kill all the refugees.", "Muslims deserve to die.",
                "Les Juifs sont des rats.", "Les immigrés n'ont pas leur place ici.",
                "Je veux tuer tous les homosexuels.", "Trans people are sc*m",
                "Gays are vrmn", "Les réfugiés sont des p a r a s i t e s"}, Action::kHide);
}

TEST_CASE("targeted harm: threats at a person or staff hide; at objects, nothing", "[targeted_harm]") {
  CheckActions({"If the inspector fines me again I'll strangle him.",
                "Le sauveteur, je vais lui casser la gueule.",
                "Someone should shoot that lifeguard."}, Action::kHide);
  CheckActions({"This printer should be shot.", "Kill the lights when you leave the gym.",
                "I'm going to kill this weed patch tomorrow.", "Je vais tuer le temps au parc.",
                "The new bylaw will kill small businesses."}, Action::kAllow);
}

TEST_CASE("targeted harm: negation, counter-speech and self-reference stay allowed", "[targeted_harm]") {
  CheckActions({"Immigrants are not vermin.", "Les femmes ne sont pas inférieures.",
                "Saying Muslims are rats is disgusting.",
                "My neighbour called the guards idiots. Not okay.",
                "Dire que les gais sont dégoûtants, c'est de l'homophobie.",
                "As a proud dyke, I loved the parade.",
                "A history of the Dutch dykes and the 1953 North Sea flood."}, Action::kAllow);
}

TEST_CASE("targeted harm: each meaning class knows its everyday words, EN and FR",
          "[targeted_harm]") {
  // One sentence a class, none of them a sentence the words were added from.
  CheckActions({"Gypsies are a horde of pests.", "Refugees are dead weight on this town.",
                "Les Arabes, c'est du bétail.", "Muslims are all extremists.",
                "Les gitans sont tous des ivrognes.", "Lesbians should lose the right to adopt.",
                "Les Autochtones ne devraient pas voter."},
               Action::kHide);
  CheckActions({"Somebody should burn down the synagogue.", "Immigrants fill me with disgust.",
                "Les femmes me répugnent."},
               Action::kReview);
}

TEST_CASE("targeted harm: said only in a question, a quotation or a report, a human decides",
          "[targeted_harm]") {
  // Disowned: nothing is held against the post.
  CheckActions({"Je ne dirai jamais que les Noirs sont sales, c'est du racisme.",
                "Ceux qui comparent les Juifs à de la vermine devraient avoir honte."},
               Action::kAllow);
  // The word lists see "leeches" and "rats" beside a group, and a slur; the reading
  // sees them asked or quoted, and no more than review is held against the post.
  for (const char* text : {"\"Immigrants are leeches\"? My grandparents built this street.",
                           "Une affiche disait « les musulmans sont des rats ». Dégoûtant.",
                           "Le voisin crie « fif » à mon fils chaque matin, j'ai porté plainte.",
                           "Yelling \"kike\" at a rabbi is not free speech."}) {
    const Verdict verdict = JudgeNeighbourPost(text);
    INFO(text << " => " << Describe(verdict));
    CHECK(verdict.action != Action::kHide);
  }
  // The same slur said to someone, unquoted, still hides; so does a vulgar insult in
  // a question, which asks nothing of anyone else's words.
  CheckActions({"Get lost, kike.", "You're a fucking idiot, do you ever read the notices?"},
               Action::kHide);
}

TEST_CASE("targeted harm: coded hate goes to a human; exposed in quotes, it is allowed",
          "[targeted_harm]") {
  CheckActions({"The (((bankers))) are at it again.", "Wake up, the great replacement is here.",
                "Le grand remplacement, c'est maintenant."},
               Action::kReview);
  CheckActions({"The 'great replacement' is a racist conspiracy theory.",
                "Le « grand remplacement » est une théorie du complot."},
               Action::kAllow);
}

TEST_CASE("targeted harm: single quotes quote, apostrophes do not", "[targeted_harm]") {
  const Verdict quoted = JudgeNeighbourPost("Someone sprayed 'kike' on the bus shelter on Westminster.");
  INFO(Describe(quoted));
  CHECK(quoted.action != Action::kHide);
  CheckActions({"Get lost kike, you're not welcome."}, Action::kHide);
}

TEST_CASE("targeted harm: a homonym slur alone never hides", "[targeted_harm]") {
  const Verdict verdict = JudgeNeighbourPost("Look at those dykes.");
  INFO(Describe(verdict));
  CHECK(verdict.action != Action::kHide);
}

TEST_CASE("targeted harm: a real word with the letters of a group is read as itself",
          "[targeted_harm]") {
  // "giants" has the letters of "gitans", but is an English word (and a team): it
  // is what the author meant; the group written plainly still hides.
  CheckActions({"Go Giants! What a game by the Giants, trash talk aside.",
                "The giants are trash this year."},
               Action::kAllow);
  CheckActions({"Les gitans sont des ordures."}, Action::kHide);
}

TEST_CASE("targeted harm: a question or a report goes to a human", "[targeted_harm]") {
  CheckActions({"Are immigrants criminals?", "My neighbour said gays are animals."}, Action::kReview);
}

TEST_CASE("targeted harm: the verdict explains target, predicate and frame", "[targeted_harm]") {
  const Verdict verdict = JudgeNeighbourPost("Hindus are cockroaches.");
  bool explained = false;
  for (const Reason& reason : verdict.reasons) {
    explained |= reason.rule == "discrimination.group_dehumanised" &&
                 reason.evidence.find("(target: a religion; predicate: dehumanising comparison; "
                                      "frame: assertion)") != std::string::npos;
  }
  INFO(Describe(verdict));
  CHECK(explained);
}

TEST_CASE("targeted harm: contempt glued to a group, a vulgar name at an employee hide", "[targeted_harm]") {
  CheckActions({"Hindu scum are taking all the parking.",
                "To the prick at the permits counter: enjoy your weekend.",
                "T'es rien qu'un connard, le voisin."}, Action::kHide);
}

TEST_CASE("targeted harm: a sexualised remark about an employee is staff harassment", "[targeted_harm]") {
  const Verdict verdict = JudgeNeighbourPost("The lifeguard at the Westview pool is a total smokeshow.");
  INFO(Describe(verdict));
  CHECK(verdict.action == Action::kReview);
  CHECK(std::find(verdict.clauses.begin(), verdict.clauses.end(), Clause::kStaffHarassment) !=
        verdict.clauses.end());
  bool explained = false;
  for (const Reason& reason : verdict.reasons) {
    explained |= reason.evidence.find("(target: City staff; predicate: sexualised remark; frame: assertion)") !=
                 std::string::npos;
  }
  CHECK(explained);
}

TEST_CASE("targeted harm: bins, schedules and praise near the same words stay allowed", "[targeted_harm]") {
  CheckActions({"Seniors garbage pickup is on Fridays now.", "The clerk at the front desk was lovely.",
                "It was only a matter of time before the arena reopened."}, Action::kAllow);
}

TEST_CASE("targeted harm: discrimination by meaning, hateful statements flag and look-alikes stay",
          "[targeted_harm]") {
  CheckActions({"I really can't stand bisexuals.", "J'ai vu des Roms au parc. Je les déteste."},
               Action::kHide);
  // A generalisation without dehumanisation or violence: a human decides.
  CheckActions({"Les personnes handicapées ne valent rien."}, Action::kReview);
  // The word lists see "vermine", the reading sees it denied; a slur's innocent
  // sense counts once however many lexicons matched it.
  CheckActions({"Les immigrés ne sont pas de la vermine.", "I hate how trans people are treated.",
                "The dykes in the Netherlands hold back the sea.",
                "I'm tired of people saying Mexicans are dangerous."},
               Action::kAllow);
}

TEST_CASE("targeted harm: telling of others naming a group, and disowning it, stays allowed",
          "[targeted_harm]") {
  CheckActions({"I hate it when people call Muslims subhuman.",
                "Nobody deserves to be called vermin, refugees included.",
                "Personne ne mérite d'être traité de vermine, pas même les immigrés.",
                "Mon voisin dit que les Juifs sont paresseux, je lui ai dit qu'il avait tort.",
                "I'm tired of hearing that immigrants are the problem. They aren't.",
                "Calling Sikhs terrorists in this day and age? Seriously?",
                "Calling Jews vermin? Seriously."},
               Action::kAllow);
  // Naming suffered, told in the passive, goes to a human at most.
  for (const char* text : {"Haley was called a raghead by a state senator.",
                           "Mon fils s'est fait traiter de fif à la récré."}) {
    const Verdict verdict = JudgeNeighbourPost(text);
    INFO(text << " => " << Describe(verdict));
    CHECK(verdict.action != Action::kHide);
  }
  // Without the disowning, the naming is still read.
  CheckActions({"Muslims are subhuman.", "Les immigrés sont de la vermine."}, Action::kHide);
}

TEST_CASE("targeted harm: a group named by an adjective and 'people'", "[targeted_harm]") {
  CheckActions({"There are too many gay people in this neighbourhood."}, Action::kReview);
  CheckActions({"I don't want any gay people living next to me."}, Action::kHide);
  CheckActions({"Gay people organised the parade this year."}, Action::kAllow);
}

TEST_CASE("targeted harm: slurs with no other sense hide; a mockery also quoted goes to a human",
          "[targeted_harm]") {
  CheckActions({"These groids went haywire again.", "The holohoax is all they talk about.",
                "Les races de boue envahissent tout."},
               Action::kHide);
  CheckActions({"ok ching chong", "Ching chong, ça veut dire bonjour en chinois ?"}, Action::kReview);
  CheckActions({"On va faire la bamboula au parc samedi."}, Action::kAllow);
}

TEST_CASE("targeted harm: a group at a place is not a group sent there", "[targeted_harm]") {
  CheckActions({"Women in the kitchen at the community centre are volunteers."}, Action::kAllow);
  CheckActions({"Women belong in the kitchen, not in council."}, Action::kHide);
}

TEST_CASE("targeted harm: an opinion denied to everyone, a cleaner's name, a saying called out",
          "[targeted_harm]") {
  CheckActions({"Nobody here thinks trans people are freaks.",
                "Personne ici ne pense que les personnes trans sont des monstres.",
                "Use Spic and Span on the floor.", "When someone says women are stupid, I call it out."},
               Action::kAllow);
  CheckActions({"Trans people are freaks.", "Les personnes trans sont des monstres."}, Action::kHide);
}

TEST_CASE("targeted harm: a group hinted at beside an insinuation goes to a human", "[targeted_harm]") {
  CheckActions({"We all know which community is behind the thefts, I won't spell it out.",
                "Une mère monoparentale de plus au centre, et c'est nous qui payons.",
                "Tout le monde sait quel genre de monde vit là, pas besoin de faire un dessin."},
               Action::kReview);
  CheckActions({"We all know who won the hockey game.", "C'est nous qui payons les taxes, alors on veut des réponses."},
               Action::kAllow);
}

TEST_CASE("targeted harm: a name a group gives its own members is not held against the post",
          "[targeted_harm]") {
  CheckActions({"Entre chums on se traite de fifs, c'est notre affaire.",
                "My friends and I call each other dykes, it's ours to reclaim."},
               Action::kAllow);
  CheckActions({"Les fifs devraient rester chez eux."}, Action::kHide);
}

TEST_CASE("targeted harm: a negation written without its apostrophe is read as one", "[targeted_harm]") {
  CheckActions({"Refugees dont deserve any rights.", "Gays shouldnt be allowed to adopt."}, Action::kHide);
  CheckActions({"Immigrants arent vermin.", "Les immigrés dont je parle sont mes voisins."}, Action::kAllow);
}

TEST_CASE("targeted harm: a plural written with z is read as the plural", "[targeted_harm]") {
  CheckActions({"Somalis are animalzzz.", "Les Roms sont des animalz."}, Action::kHide);
  CheckActions({"Allez chez les Roms du quartier, ils font un jazz fest."}, Action::kAllow);
}

TEST_CASE("targeted harm: reported or quoted hate the post condemns is counter-speech, EN and FR",
          "[targeted_harm]") {
  // Words given to someone else, and disapproval, a complaint or a report to the
  // police anywhere in the post: nothing for a human to look at.
  CheckActions({"Anyone saying Somalis are savages is spreading hate.",
                "Calling lesbians \"freaks\" is homophobia, plain and simple.",
                "\"Gays are animals\" was scrawled on the bus shelter. I reported it to the police.",
                "He yelled \"I will kill you\" at my son. I called the police.",
                "Dire que les femmes sont des idiotes, c'est du sexisme.",
                "Un graffiti disait « les Arabes sont des rats » sur l'école. J'ai appelé la police.",
                "Mon voisin a écrit « bougnoule » sur ma porte, j'ai porté plainte.",
                "Je suis tannée d'entendre que les Haïtiens sont des criminels."},
               Action::kAllow);
}

TEST_CASE("targeted harm: quoted hate not condemned, or agreed with, still goes to a human",
          "[targeted_harm]") {
  CheckActions({"A flyer on Cavendish said \"Muslims are parasites\".",
                "Un graffiti disait « les Arabes sont des rats » sur l'école.",
                // Agreement is no condemnation; neither is one denied.
                "People say Somalis are savages, and they're right.",
                "Mon voisin dit que les Roms sont des voleurs, et il a raison.",
                "People say women are stupid. It's not sexism, it's the truth.",
                // Disapproval said of the group, or falling on it, runs it down.
                "People say \"Muslims are parasites\". Muslims are disgusting.",
                "Mon voisin dit que les immigrés sont des parasites et qu'il faut sanctionner les immigrés."},
               Action::kReview);
}

TEST_CASE("targeted harm: the author's own slur or threat beside a condemnation is not disowned",
          "[targeted_harm]") {
  CheckActions({"The \"great replacement\" is a racist lie, kike.",
                "Ta « liberté d'expression », c'est de la haine, gros fif."},
               Action::kHide);
  // Said after a verb of saying, or beside one, they are at least for a human.
  CheckActions({"Stop saying that, you faggot.", "\"Go back to Africa\" is racist. I will kill whoever wrote it.",
                "Le gars qui a crié « sale Arabe » à mon père, c'est du racisme, je vais le tuer."},
               Action::kReview);
}

TEST_CASE("targeted harm: the slur a child was called, reported and condemned, stays allowed",
          "[targeted_harm]") {
  CheckActions({"My son was called a fag at school today and the principal did nothing.",
                "Ma fille s'est fait traiter de « gouine » en classe. Sérieusement?"},
               Action::kAllow);
  // Reported alone, a human reads it; called in the author's own words, it hides.
  CheckActions({"My son was called a fag at school today."}, Action::kReview);
  CheckActions({"The principal did nothing, that kike."}, Action::kHide);
}

TEST_CASE("targeted harm: an insult that is also a people's name, beside that sense, stays allowed",
          "[targeted_harm]") {
  CheckActions({"L'Empire mongol s'étendait de la Corée jusqu'à la Hongrie.",
                "La langue mongole s'écrit en alphabet cyrillique."},
               Action::kAllow);
  CheckActions({"T'es un mongol.", "Espèce de mongol, retourne dans ta steppe."}, Action::kReview);
}

TEST_CASE("targeted harm: words run together around a group's name are read apart",
          "[targeted_harm]") {
  CheckActions({"IhateMuslims", "Kill all theimmigrants"}, Action::kHide);
  CheckActions({"Will give fifteen min warning.", "Cockburn Street is closed for paving."}, Action::kAllow);
}

}  // namespace
}  // namespace modbot
