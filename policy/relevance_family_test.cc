// Generalisation tests for the relevance family: off_topic, not_relevant,
// candidate_promotion, municipal_campaign, partisan_politics, frivolous and
// fake_account. Sentences are new (none from the labelled sets), in English, French
// and franglais, with hard negatives that must stay allowed.
#include <catch2/catch.hpp>
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "policy/built_in_policy_for_tests.h"
#include "policy/body_parser.h"
#include "policy/policy.h"

namespace modbot {
namespace {

struct Case {
  std::string text;
  std::string title;
  std::string category;
  std::optional<std::string> reply_to{};
  int age_days = 700;
};

Verdict JudgeCase(const Case& c) {
  Post post;
  post.id = "rf";
  post.format = Format::kMarkdown;
  post.body = ParsePostBody(c.text, Format::kMarkdown);
  post.topic = {c.title, c.category};
  post.reply_to = c.reply_to;
  post.author.username = "resident";
  post.author.account_age_days = c.age_days;
  post.author.post_count = c.age_days < 7 ? 0 : 80;
  return BuiltInPolicy().Judge(post);
}

std::string Describe(const Verdict& v) {
  std::string out = std::string(ActionName(v.action));
  for (const Reason& r : v.reasons) {
    out += ' ';
    out += ClauseId(r.clause);
    out += ":" + r.rule + "(" + r.evidence + ")";
  }
  return out;
}

bool Has(const Verdict& v, Clause clause) {
  return std::find(v.clauses.begin(), v.clauses.end(), clause) != v.clauses.end();
}

void ExpectFlag(const Case& c, Clause clause, Action action = Action::kReview) {
  Verdict v = JudgeCase(c);
  INFO(c.text << " => " << Describe(v));
  CHECK(Has(v, clause));
  CHECK(v.action == action);
}

// The clauses this family owns; a hard negative must raise none of them (other
// families' detectors are tested in their own files).
bool FamilyClause(Clause clause) {
  switch (clause) {
    case Clause::kOffTopic: case Clause::kNotRelevant: case Clause::kCandidatePromotion:
    case Clause::kMunicipalCampaign: case Clause::kPartisanPolitics: case Clause::kFrivolous:
    case Clause::kFakeAccount:
      return true;
    default:
      return false;
  }
}

void ExpectAllow(const Case& c) {
  Verdict v = JudgeCase(c);
  INFO(c.text << " => " << Describe(v));
  for (Clause clause : v.clauses) CHECK_FALSE(FamilyClause(clause));
}

const char* kSnow = "Snow removal – Mackle and Kildare";
const char* kPool = "Piscine extérieure – horaire d'été";
const char* kLibrary = "Library – programs and services";
const char* kCouncil = "Council meeting – agenda and question period";
const char* kPark = "Parc Pierre-Elliott-Trudeau – jeux d'eau";

TEST_CASE("off_topic: unrelated subjects in both languages, never hidden", "[policy]") {
  ExpectFlag({"Does anyone know a good robot vacuum for pet hair? Mine keeps getting stuck.",
              kSnow, "Public Works"}, Clause::kOffTopic);
  ExpectFlag({"Quelqu'un s'en va au Grand Prix cette année? Les billets sont hors de prix.",
              kPool, "Loisirs"}, Clause::kOffTopic);
  ExpectFlag({"Vous avez un bon tout-inclus à recommander pour Cuba en février?", kCouncil,
              "City Council"}, Clause::kOffTopic);
  ExpectFlag({"Who do you think wins the Grey Cup, Alouettes or Bombers?", kLibrary, "Library"},
             Clause::kOffTopic);
  ExpectFlag({"Is it worth buying Ethereum now or should I wait for the dip?", kSnow,
              "Public Works"}, Clause::kOffTopic);
}

TEST_CASE("off_topic: an errand elsewhere, whatever the errand, is queued", "[policy]") {
  ExpectFlag({"Anyone know a reliable electrician in Laval? My sister's panel keeps tripping.",
              kSnow, "Public Works"}, Clause::kOffTopic);
  ExpectFlag({"Je cherche un bon fleuriste à Longueuil pour le mariage de ma cousine, des idées?",
              kPool, "Loisirs"}, Clause::kOffTopic);
  ExpectAllow({"Anyone know a reliable electrician here in Côte Saint-Luc? Our panel keeps tripping.",
               kSnow, "Public Works"});
  ExpectAllow({"Mes parents ont déménagé à Laval, ils s'ennuient de notre piscine, des idées "
               "pour les inviter cet été?",
               kPool, "Loisirs"});
}

TEST_CASE("off_topic: the author says it is off topic", "[policy]") {
  ExpectFlag({"Off topic but who else is watching the World Cup final on Sunday?", kLibrary,
              "Library"}, Clause::kOffTopic);
  ExpectFlag({"Hors sujet mais quelqu'un a essayé ChatGPT pour écrire des lettres?", kPool,
              "Loisirs"}, Clause::kOffTopic);
}

TEST_CASE("off_topic: City events and general threads stay on topic", "[policy]") {
  ExpectAllow({"Le concert de musique classique au parc samedi soir était magnifique, merci à "
               "la Ville!", kPark, "Parcs"});
  ExpectAllow({"Will there be a movie night in the park for Canada Day again this year?", kPark,
               "Parks"});
  ExpectAllow({"Est-ce que la piscine sera ouverte pour la Fête nationale?", kPool, "Loisirs"});
  ExpectAllow({"Who's watching the Habs tonight? Pizza at my place.", "General discussion",
               "General"});
}

TEST_CASE("not_relevant: a reply about another City subject", "[policy]") {
  ExpectFlag({"Les nids-de-poule sur Guelph sont vraiment dangereux pour les vélos.", kPool,
              "Loisirs", std::string("La piscine ferme à 20 h ce soir pour l'entretien.")},
             Clause::kNotRelevant);
  ExpectFlag({"My recycling bin was never emptied this week and nobody answers at 311.",
              kLibrary, "Library", std::string("Is the 3D printer available on weekends?")},
             Clause::kNotRelevant);
  ExpectFlag({"Le prix des cours de natation pour enfants a doublé, c'est ridicule.", kSnow,
              "Public Works", std::string("The sidewalk plows start at 4am.")},
             Clause::kNotRelevant);
}

TEST_CASE("not_relevant: a new post on another City subject than its thread", "[policy]") {
  ExpectFlag({"The streetlight at Kildare and Marc-Chagall has been out for a week, who fixes that?", kLibrary,
              "Library"}, Clause::kNotRelevant);
  ExpectFlag({"Mon compte de taxes foncières est arrivé en retard, est-ce que les frais de retard s'appliquent?",
              kPool, "Loisirs et aquatique"}, Clause::kNotRelevant);
  // The thread's own subject, a near one, or no City subject at all, stays.
  ExpectAllow({"Can we get more lane swim hours on weekday mornings?", kPool, "Loisirs et aquatique"});
  ExpectAllow({"Will the splash pad in the park be open during the summer camp?", kPark, "Parcs"});
  ExpectAllow({"Merci à tous pour l'organisation, c'était super!", kLibrary, "Library"});
}

TEST_CASE("not_relevant: answers, agreement and bilingual equivalents are relevant", "[policy]") {
  ExpectAllow({"Oui, de 13 h à 19 h.", kPool, "Loisirs",
               std::string("Is the pool open on Monday?")});
  ExpectAllow({"Same here on Guelph. Maybe they could add a second sidewalk plow on that route?",
               kSnow, "Public Works", std::string("Les trottoirs de Kildare ne sont pas déneigés.")});
  ExpectAllow({"D'accord, c'est glacial. Ils devraient chauffer le bassin le matin.", kPool,
               "Loisirs", std::string("The outdoor pool is too cold this week.")});
  ExpectAllow({"Tomorrow morning, according to the City's website.", kSnow, "Public Works",
               std::string("When will the snow be cleared on Mackle?")});
  ExpectAllow({"Merci pour l'info, je vais passer jeudi plutôt.", kLibrary, "Library",
               std::string("The library closes early Friday.")});
}

TEST_CASE("politics: candidates, campaigns and parties", "[policy]") {
  ExpectFlag({"Votez Sophie Lalonde pour le district 4, elle écoute les résidents! #Lalonde2029",
              kCouncil, "City Council"}, Clause::kCandidatePromotion);
  ExpectFlag({"Votez Sophie Lalonde pour le district 4, elle écoute les résidents! #Lalonde2029",
              kCouncil, "City Council"}, Clause::kMunicipalCampaign);
  ExpectFlag({"Mark Feldman, Liberal candidate in Mount Royal, will be at the mall Sunday. "
              "Come out and support him!", kCouncil, "City Council"},
             Clause::kCandidatePromotion);
  ExpectFlag({"Martine Roy, candidate bloquiste, sera au marché samedi. Venez l'encourager!",
              kCouncil, "City Council"}, Clause::kCandidatePromotion);
  ExpectFlag({"I'm voting Conservative this time, the current government has done nothing.",
              kCouncil, "City Council", std::string("Provincial election is next month.")},
             Clause::kPartisanPolitics);
  ExpectFlag({"Moi je vais voter pour les libéraux, ce gouvernement actuel m'a déçu.", kCouncil,
              "City Council"}, Clause::kPartisanPolitics);
  ExpectFlag({"Who is running against the incumbent councillor in District 3? No campaign "
              "flyers yet.", kCouncil, "City Council"}, Clause::kMunicipalCampaign);
  ExpectFlag({"Qui se présente contre la conseillère sortante? Aucun dépliant électoral reçu.",
              kCouncil, "City Council"}, Clause::kMunicipalCampaign);
}

TEST_CASE("politics: more races and votes in both languages", "[policy]") {
  ExpectFlag({"Qui va gagner la mairie en novembre selon vous?", kCouncil, "City Council"},
             Clause::kMunicipalCampaign);
  ExpectFlag({"Le maire brigue un troisième mandat, on en a assez.", kCouncil, "City Council"},
             Clause::kMunicipalCampaign);
  ExpectFlag({"I'm voting for Dana Levy in District 6, she actually answers emails.", kCouncil,
              "City Council"}, Clause::kCandidatePromotion);
  ExpectFlag({"I'll never vote Liberal again after what they did.", kCouncil, "City Council"},
             Clause::kPartisanPolitics);
  ExpectAllow({"The council vote on the tree bylaw is Tuesday; bring your questions.", kCouncil,
               "City Council"});
  ExpectAllow({"La subvention provinciale pour la bibliothèque a été confirmée par la députée.",
               kCouncil, "City Council"});
  ExpectAllow({"Is the advance poll at the library? Elections Canada says bring ID.", kCouncil,
               "City Council"});
}

TEST_CASE("politics: places named after politicians and practical election info", "[policy]") {
  ExpectAllow({"Les jeux d'eau du parc Trudeau sont fermés depuis lundi, quelqu'un sait "
               "pourquoi?", kPark, "Parcs"});
  ExpectAllow({"Is the splash pad at Pierre Elliott Trudeau Park open before noon?", kPark,
               "Parks"});
  ExpectAllow({"La clôture du chalet du parc Pierre-Elliott-Trudeau est brisée.", kPark, "Parcs"});
  ExpectAllow({"The federal grant for the pool renovation was announced today, great news.",
               kPool, "Loisirs"});
  ExpectAllow({"Notre équipe de ringuette joue en finale samedi à l'aréna, venez l'encourager!",
               "Minor hockey", "Arena"});
}

TEST_CASE("fake_account: scam openers and bot praise ask a human, evasion hides", "[policy]") {
  ExpectFlag({"Hi everyone, new in town and looking for a generous gentleman to show me "
              "around 😘 check my profile", "General discussion", "General"},
             Clause::kFakeAccount);
  ExpectFlag({"Excellent sujet ! Allez voir mon profil, vous ne serez pas déçus 💋", kCouncil,
              "City Council"}, Clause::kFakeAccount);
  ExpectFlag({"They banned my account again, you can't ban me, I'll keep coming back.",
              kCouncil, "City Council"}, Clause::kFakeAccount, Action::kHide);
  ExpectAllow({"Bonjour, je suis nouvelle en ville. Où est-ce qu'on s'inscrit pour la carte de "
               "bibliothèque?", "General discussion", "General"});
}

TEST_CASE("frivolous: reactions hide, short answers to questions stay", "[policy]") {
  ExpectFlag({"lol same", kCouncil, "City Council", std::string("The meeting is on Tuesday.")},
             Clause::kFrivolous, Action::kHide);
  ExpectFlag({"mdr", kCouncil, "City Council", std::string("The meeting is on Tuesday.")},
             Clause::kFrivolous, Action::kHide);
  ExpectAllow({"Tuesday", kCouncil, "City Council",
               std::string("Which day is better for you, Monday or Tuesday?")});
  ExpectAllow({"Mardi soir", kCouncil, "City Council",
               std::string("Quel soir vous convient le mieux?")});
}

TEST_CASE("round 2 off_topic: private services, spam subjects, announced digressions",
          "[policy]") {
  ExpectFlag({"Anybody have a mechanic they trust? My brakes grind every morning.", kLibrary,
              "Library"}, Clause::kOffTopic);
  ExpectFlag({"Vous me conseillez quel salon de coiffure pour une coupe pas trop chère?", kSnow,
              "Public Works"}, Clause::kOffTopic);
  ExpectFlag({"Switching my cell phone plan, is Koodo any good these days?", kCouncil,
              "City Council"}, Clause::kOffTopic);
  ExpectFlag({"Buy real Instagram followers cheap, 500 for 3 dollars!", "Community events this "
              "month", "Events"}, Clause::kOffTopic);
  ExpectFlag({"Random: does anyone have a sourdough starter to share?", kPark, "Parcs"},
             Clause::kOffTopic);
  ExpectAllow({"My car was towed during the snow clearing even though the signs went up late.",
               kSnow, "Public Works"});
  ExpectAllow({"Sidenote for newcomers: the pool lockers need your own padlock.", kPool,
               "Loisirs"});
}

TEST_CASE("round 2 not_relevant: other City subjects, rebuttals stay relevant", "[policy]") {
  ExpectFlag({"The streetlights on Kellert have been dark for a week now.", kLibrary, "Library",
              std::string("The library opens at noon on holidays.")}, Clause::kNotRelevant);
  ExpectFlag({"Encore une panne de courant sur Wavell, troisième fois ce mois-ci.", kPark,
              "Parcs", std::string("Les jeux d'eau seront fermés mardi pour l'entretien.")},
             Clause::kNotRelevant);
  ExpectFlag({"Water bills keep climbing and the sewer still backs up every spring here.",
              "Community events this month", "Events",
              std::string("The book sale is Sunday afternoon in the gym.")},
             Clause::kNotRelevant);
  ExpectAllow({"C'est injuste, les brigadiers font un travail difficile par tous les temps.",
               kCouncil, "City Council", std::string("Ces gens-là sont tous inutiles.")});
  ExpectAllow({"That's uncalled for, the crews were out before dawn.", kSnow, "Public Works",
               std::string("Public works is a bunch of lazy bums.")});
}

TEST_CASE("round 2 politics: wished-for candidates, debates, signs, and notices stay", "[policy]") {
  ExpectFlag({"Pour notre quartier, c'est Louise Gagnon qu'il nous faut, allez voter!", kPark,
              "Parcs"}, Clause::kCandidatePromotion);
  ExpectFlag({"Honestly Aaron Stein is the one we need, he gets things done.", kCouncil,
              "City Council"}, Clause::kCandidatePromotion);
  ExpectFlag({"Did anyone watch the mayoral debate? Both candidates dodged the budget.", kLibrary,
              "Library"}, Clause::kMunicipalCampaign);
  ExpectFlag({"Les pancartes pour la campagne de ce candidat bloquent la vue au coin de la rue.",
              kSnow, "Public Works"}, Clause::kMunicipalCampaign);
  ExpectAllow({"Advance polls for the municipal election open Sunday at City Hall, 9 to 8; "
               "bring ID.", kCouncil, "City Council"});
  ExpectAllow({"Le débat sur le budget de l'aréna a duré deux heures hier soir.", kCouncil,
               "City Council"});
}

TEST_CASE("round 2 fake_account: sock puppets, scam personas, solicitation by throwaways",
          "[policy]") {
  ExpectFlag({"Brand new account, but I've lived here 35 years: Gloria is absolutely right and "
              "everyone should back her petition.", kCouncil, "City Council", std::nullopt, 0},
             Clause::kFakeAccount, Action::kHide);
  ExpectFlag({"Compte créé aujourd'hui, résident depuis 1979 : Hélène a tout à fait raison, "
              "tout le monde devrait appuyer sa proposition.", kCouncil, "City Council",
              std::nullopt, 0}, Clause::kFakeAccount, Action::kHide);
  ExpectFlag({"Greetings, I am Captain Robert Hale, a surgeon with the army deployed in Yemen, "
              "seeking a sincere woman. Write me at rhale.cpt@example.com", "General discussion",
              "General", std::nullopt, 0}, Clause::kFakeAccount, Action::kHide);
  ExpectFlag({"Oxy and percs available tonight, discreet, text 514 555 0177",
              "General discussion", "General", std::nullopt, 1}, Clause::kFakeAccount,
             Action::kHide);
  ExpectAllow({"First post! I've lived here 20 years and finally joined. When does the outdoor "
               "pool open?", kPool, "Loisirs", std::nullopt, 0});
  ExpectAllow({"Nouveau compte ici. Je suis d'accord avec Marc pour les heures de la piscine.",
               kPool, "Loisirs", std::nullopt, 0});
}

TEST_CASE("round 2 hard negatives: City drives, on-topic asides, romance openers stay review",
          "[policy]") {
  ExpectAllow({"Volunteers needed for the Canada Day parade, sign up at the community centre.",
               "Community events this month", "Events"});
  ExpectAllow({"The mayor's campaign to plant a thousand trees is great, where do I get a "
               "sapling?", kPark, "Parks"});
  ExpectAllow({"Random question about the pool: are kickboards provided or do we bring ours?",
               kPool, "Loisirs"});
  ExpectAllow({"Is the mechanic shop at the public works yard hiring this spring?", kCouncil,
               "City Council"});
  ExpectAllow({"Count me in, we'll bring the grandkids and a blanket.",
               "Community events this month", "Events",
               std::string("The outdoor movie starts at dusk Friday in the park.")});
  ExpectAllow({"Mes enfants vont adorer, merci aux organisateurs!", "Community events this month",
               "Events", std::string("Le spectacle de magie aura lieu dimanche à 14 h.")});
  Verdict v = JudgeCase({"Salut tout le monde, je cherche une femme sincère pour une relation "
                         "durable, écrivez-moi en privé 🌹", "General discussion", "General",
                         std::nullopt, 0});
  INFO(Describe(v));
  CHECK(Has(v, Clause::kFakeAccount));
  CHECK(v.action == Action::kReview);
}

// Round 3: support for a person said by what it wishes (an office, a ballot, a chance),
// the election timing read into City work, and blame laid on a government or a law.
TEST_CASE("round 3 candidate_promotion: wished offices, ballots and volunteer drives",
          "[policy]") {
  ExpectFlag({"Rachel Stern would make a great councillor, she shows up to every meeting.",
              kSnow, "Public Works"}, Clause::kCandidatePromotion);
  ExpectFlag({"Honnêtement, Julie Tremblay ferait un très bon maire. C'est lui qui aura mon vote.",
              kPool, "Loisirs"}, Clause::kCandidatePromotion);
  ExpectFlag({"Allez voter pour lui au fédéral, il connaît vraiment le quartier!", kLibrary,
              "Library"}, Clause::kCandidatePromotion);
  ExpectFlag({"Volunteers wanted for Omar Haddad, District 2: we hand out leaflets Saturday.",
              kSnow, "Public Works"}, Clause::kCandidatePromotion);
  ExpectFlag({"Pour la provinciale, Karim Aziz mérite une chance, il est venu jaser devant chez "
              "nous.", kPool, "Loisirs"}, Clause::kCandidatePromotion);
  ExpectFlag({"Je vais voter pour Conseillère Mendel, elle répond toujours aux courriels.", kSnow,
              "Public Works"}, Clause::kCandidatePromotion);
  ExpectFlag({"Great work on the rinks this year, Mayor. Four more years!", kSnow, "Public Works"},
             Clause::kCandidatePromotion);
  ExpectFlag({"If you can, chip in to her campaign, every ten dollars buys a sign.", kLibrary,
              "Library"}, Clause::kCandidatePromotion);
  ExpectAllow({"Our new lifeguard would make a great swim instructor, the pool should keep her.",
               kPool, "Loisirs"});
  ExpectAllow({"Option B gets my vote for the playground design, the slide looks safer.", kPark,
               "Parks"});
  ExpectAllow({"Bénévoles recherchés pour la fête de quartier, inscrivez-vous au chalet.",
               "Community events this month", "Events"});
}

TEST_CASE("round 3 municipal_campaign: election timing and debates between the teams",
          "[policy]") {
  ExpectFlag({"Funny how the bike lanes get repainted right before the election. Coincidence?",
              kSnow, "Public Works"}, Clause::kMunicipalCampaign);
  ExpectFlag({"Les trottoirs refaits juste au moment où la campagne débute, comme par hasard.",
              kSnow, "Public Works"}, Clause::kMunicipalCampaign);
  ExpectFlag({"Is there going to be a debate between the council slates before the vote?",
              kLibrary, "Library"}, Clause::kMunicipalCampaign);
  ExpectFlag({"Do any of the candidates in our district have a plan for the bike path?",
              kPark, "Parks"}, Clause::kMunicipalCampaign);
  ExpectFlag({"Time for a new mayor. Vote them out and let's start over.", kSnow, "Public Works"},
             Clause::kMunicipalCampaign);
  ExpectAllow({"When is the next municipal election? I want to be sure I can vote.", kCouncil,
               "City Council"});
  ExpectAllow({"The election is in November: polling stations and hours will be on the City "
               "website.", kCouncil, "City Council"});
  ExpectAllow({"La campagne de vaccination commence lundi au centre communautaire.", kPool,
               "Loisirs"});
  ExpectAllow({"The Centraide campaign kicks off Monday at City Hall, drop by the lobby.",
               kCouncil, "City Council"});
  ExpectAllow({"Which district am I in for the election, and where do I vote?", kCouncil,
               "City Council"});
}

TEST_CASE("round 3 politics: surnames, donations, referendums, running again, neutral notices",
          "[policy]") {
  ExpectFlag({"Réélisez Brodeur le 2 novembre, un homme de parole.", kSnow, "Travaux publics"},
             Clause::kCandidatePromotion);
  ExpectFlag({"Contribuez à la campagne de Léa Marchand, chaque dollar aide.", kLibrary,
              "Library"}, Clause::kCandidatePromotion);
  ExpectFlag({"Anita would do a fantastic job as our next mayor, mark my words.", kSnow,
              "Public Works"}, Clause::kCandidatePromotion);
  ExpectFlag({"Vote yes in the referendum on the loan bylaw, the new rink is worth it.", kSnow,
              "Public Works"}, Clause::kMunicipalCampaign);
  ExpectFlag({"Le conseiller du district 3 pense se représenter? Il a rien fait.", kSnow,
              "Travaux publics"}, Clause::kMunicipalCampaign);
  ExpectFlag({"Le Bloc n'a rien fait pour nous à Ottawa, franchement.", kPool, "Loisirs"},
             Clause::kPartisanPolitics);
  ExpectAllow({"Vote now for your favourite mural in the library contest!", kLibrary, "Library"});
  ExpectAllow({"Nomination papers must be filed at City Hall by October 3; the form is online.",
               kCouncil, "City Council"});
  ExpectAllow({"Election results will be posted on the City website after the polls close.",
               kCouncil, "City Council"});
  ExpectAllow({"The referendum register on the loan bylaw is open at City Hall until Friday.",
               kCouncil, "City Council"});
  ExpectAllow({"Our ringette team won the final, go team!", "Minor hockey", "Arena"});
  ExpectAllow({"The mayor came to watch the final, go team!", "Minor hockey", "Arena"});
  ExpectAllow({"The booking site is up and running again after the outage.", kPool, "Loisirs"});
  ExpectAllow({"On a mis un bloc de béton devant la borne-fontaine.", kSnow, "Travaux publics"});
}

TEST_CASE("round 3 politics: candidates' stands, a vote given, parties by their capital",
          "[policy]") {
  ExpectFlag({"Where do the candidates stand on extending Cavendish? Nobody says.", kSnow,
              "Public Works"}, Clause::kMunicipalCampaign);
  ExpectFlag({"Il a clairement mon vote cette fois, il répond à ses courriels.", kSnow,
              "Travaux publics"}, Clause::kCandidatePromotion);
  ExpectFlag({"Marc Dion pour la mairie, enfin quelqu'un de sérieux!", kPool, "Loisirs"},
             Clause::kCandidatePromotion);
  ExpectFlag({"The Liberal government cut the transit money again, typical.", kSnow,
              "Public Works"}, Clause::kPartisanPolitics);
  ExpectFlag({"Worst government this province has had, the premier should resign.", kLibrary,
              "Library"}, Clause::kPartisanPolitics);
  ExpectAllow({"The pool is hiring lifeguards this summer; candidates need their NLS.", kPool,
               "Loisirs"});
  ExpectAllow({"She studied at a Liberal Arts college before joining the library staff.",
               kLibrary, "Library"});
}

TEST_CASE("round 3 relevance: errands elsewhere even under events, car repairs, potholes "
          "under a show", "[policy]") {
  const char* carnival = "Winter carnival – program and fireworks";
  ExpectFlag({"Quelqu'un connaît un bon électricien sur le Plateau? C'est urgent.", kSnow,
              "Travaux publics"}, Clause::kOffTopic);
  ExpectFlag({"Des suggestions pour un gîte dans les Laurentides cet été?", carnival, "Events"},
             Clause::kOffTopic);
  ExpectFlag({"My alternator died again, is it worth fixing on a 2011 Civic?", kLibrary,
              "Library"}, Clause::kOffTopic);
  ExpectFlag({"Huge pothole on Baily, I nearly lost a hubcap this morning.", carnival, "Events"},
             Clause::kNotRelevant);
  ExpectAllow({"Will Westminster Avenue be closed for the parade?", carnival, "Events"});
  ExpectAllow({"Any suggestions for where to watch the fireworks in the park?", carnival,
               "Events"});
}

TEST_CASE("round 3 frivolous: lone assent and emoji-only reactions hide, answers stay",
          "[policy]") {
  ExpectFlag({"Exactement", kCouncil, "City Council", std::string("The meeting is on Tuesday.")},
             Clause::kFrivolous, Action::kHide);
  ExpectFlag({"yep", kSnow, "Public Works", std::string("The plows came by at 4 am.")},
             Clause::kFrivolous, Action::kHide);
  ExpectFlag({"😆😆😆", kPool, "Loisirs", std::string("La piscine ferme à 20 h ce soir.")},
             Clause::kFrivolous, Action::kHide);
  ExpectFlag({"👍", kPool, "Loisirs", std::string("Est-ce que la piscine est ouverte lundi?")},
             Clause::kFrivolous, Action::kReview);
  ExpectAllow({"Oui, jusqu'à 20 h.", kPool, "Loisirs",
               std::string("Est-ce que la piscine est ouverte lundi?")});
}

TEST_CASE("round 3 partisan_politics: blame on a government or a law, neutral mentions stay",
          "[policy]") {
  ExpectFlag({"Bill 21 is the reason my cousin lost her teaching job. Thanks for nothing.",
              kLibrary, "Library"}, Clause::kPartisanPolitics);
  ExpectFlag({"Ottawa takes our tax dollars and gives nothing back to the cities.", kSnow,
              "Public Works"}, Clause::kPartisanPolitics);
  ExpectFlag({"La loi 15, c'est de l'électoralisme pour acheter des votes en région.", kPool,
              "Loisirs"}, Clause::kPartisanPolitics);
  ExpectAllow({"Bill 96 information sessions for local businesses are at the library Tuesday.",
               kLibrary, "Library"});
  ExpectAllow({"Le fédéral a annoncé une subvention pour rénover la piscine.", kPool,
               "Loisirs"});
  ExpectAllow({"We drove to Quebec City for the long weekend, the kids loved the old town walls.",
               "General discussion", "General"});
}

// Round 4: politics by word classes (politics_words_list). Each row is a post and the
// clause it must raise; rows with no clause are look-alikes that must raise none of
// this family's (a motion, a street, a week, a turnout call, a student vote).
struct PoliticsRow {
  Case post;
  std::optional<Clause> clause;
};

void ExpectRows(const std::vector<PoliticsRow>& rows) {
  for (const PoliticsRow& row : rows) {
    if (row.clause) {
      ExpectFlag(row.post, *row.clause);
    } else {
      ExpectAllow(row.post);
    }
  }
}

const char* kBudget = "Budget 2027 consultation";
const char* kElection = "Municipal election 2025";

TEST_CASE("round 4 candidate_promotion: backing or opposing a named person, EN and FR", "[policy]") {
  ExpectRows({
      {{"Support Councillor Adler in District 4 this fall, she earned it.", kBudget, "Council"},
       Clause::kCandidatePromotion},
      {{"Ne votez surtout pas pour Marc Tremblay, un désastre pour le quartier.", kBudget, "Conseil"},
       Clause::kCandidatePromotion},
      {{"Vote against Dida Berku, she never answered about the plowing.", kSnow, "Public works"},
       Clause::kCandidatePromotion},
      {{"Our next mayor has to be Dida Berku. Make it happen on election day.", kSnow, "Public works"},
       Clause::kCandidatePromotion},
      {{"La prochaine mairesse doit être Chantal Roy.", kPool, "Loisirs"}, Clause::kCandidatePromotion},
      {{"Allez tous appuyer Sophie Lévesque aux élections, elle le mérite.", kPool, "Loisirs"},
       Clause::kCandidatePromotion},
      {{"Give your vote to Team Brownstein and keep taxes low.", kBudget, "Council"},
       Clause::kCandidatePromotion},
      {{"Je vote pour Nathalie, point final.", kLibrary, "Library"}, Clause::kCandidatePromotion},
      {{"Il faut réélire Mme Dubé au district 3.", kPool, "Loisirs"}, Clause::kCandidatePromotion},
      {{"Support Councillor Adler's motion on the bike lanes, it makes sense.", kBudget, "Council"},
       std::nullopt},
      {{"J'appuie la motion du conseiller Cohen sur les parcs à chiens.", kBudget, "Conseil"},
       std::nullopt},
      {{"Support Cavendish Boulevard repairs, the potholes are terrible.", kSnow, "Public works"},
       std::nullopt},
      {{"Support Local Business Week runs on Cavendish until Friday.", kSnow, "Public works"},
       std::nullopt},
      {{"Welcome back Sarah Kline, the choir missed you!", "Canada Day", "Events"}, std::nullopt},
      {{"I vote for Tuesday and Thursday for the consultation sessions.", kBudget, "Council"},
       std::nullopt},
      {{"Les élèves vont élire Marie Tremblay présidente du conseil étudiant.", kPool, "Loisirs"},
       std::nullopt},
      {{"The next councillor meeting should be in January, not December.", kSnow, "Public works"},
       std::nullopt},
  });
}

TEST_CASE("round 4 campaigns and parties: slates, ousters, sovereignty; turnout calls stay",
          "[policy]") {
  ExpectRows({
      {{"Elect the whole reform slate and we'll finally get our roads fixed.", kSnow, "Public works"},
       Clause::kCandidatePromotion},
      {{"Time to send the Liberals packing, they wrecked this country.", kLibrary, "Library"},
       Clause::kPartisanPolitics},
      {{"Faut se débarrasser du maire en novembre, il a rien fait pour le district.", kPool, "Loisirs"},
       Clause::kMunicipalCampaign},
      {{"Les souverainistes vont encore nous parler de référendum, votez contre eux.", kPool,
        "Loisirs"},
       Clause::kPartisanPolitics},
      {{"Please vote in the municipal election on November 2nd.", kElection, "Elections"},
       std::nullopt},
      {{"N'oubliez pas d'aller voter le 2 novembre, les bureaux de vote ouvrent à 10 h.", kElection,
        "Élections"},
       std::nullopt},
      {{"The snow has to go before the market on Sunday.", kSnow, "Public works"}, std::nullopt},
      {{"Il faut se débarrasser des pigeons sous le pont.", "Parc Kirwan – pigeons", "Parcs"}, std::nullopt},
      {{"Le Bloc de glace au parc est dangereux, quelqu'un peut le retirer?", kPool, "Parcs"},
       std::nullopt},
      {{"Votez pour le nom du nouveau parc avant le 15 mars!", kPool, "Parcs"}, std::nullopt},
  });
}

TEST_CASE("round 4 relevance: a bylaw's thread is about what it rules; politics abroad is off topic",
          "[policy]") {
  const char* kDogBylaw = "Dog bylaw: leash rules and licences";
  ExpectRows({
      {{"My property tax bill went up 9% this year, who do I call at Finance?", kDogBylaw,
        "Bylaws & Permits"},
       Clause::kNotRelevant},
      {{"La piscine du parc Kirwan ouvre quand cet été?", "Règlement sur le stationnement de nuit",
        "Règlements"},
       Clause::kNotRelevant},
      {{"Trump's tariffs are going to wreck everything, can't believe the White House.", kSnow,
        "Public Works"},
       Clause::kOffTopic},
      {{"La Maison Blanche a encore fait n'importe quoi, incroyable.", kPool, "Loisirs"},
       Clause::kOffTopic},
      {{"Are leashes required in the dog run too or only on the paths?", kDogBylaw, "Bylaws & Permits"},
       std::nullopt},
      {{"The council should review this bylaw, the fines are too high.", kDogBylaw, "Bylaws & Permits"},
       std::nullopt},
      {{"The new bylaw on pool fences is confusing, where can I read it?", kPool, "Loisirs"},
       std::nullopt},
      {{"Est-ce que la médaille est obligatoire pour un chiot de 3 mois?", "Règlement sur les chiens",
        "Règlements"},
       std::nullopt},
  });
}

}  // namespace
}  // namespace modbot
