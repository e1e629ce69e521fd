// The abuse family of clauses: abusive (3), threat (4), staff_harassment (5) and
// discrimination (6). Sentences here are written for these tests, in both languages:
// the vocabulary and constructions each clause should catch, how far (review or
// hide), and the ordinary posts that share words with them and must be left alone.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "policy/built_in_policy_for_tests.h"
#include "policy/policy.h"

namespace modbot {
namespace {

bool ListsClause(const Verdict& verdict, Clause clause) {
  return std::find(verdict.clauses.begin(), verdict.clauses.end(), clause) != verdict.clauses.end();
}

std::string DescribeVerdict(const Verdict& verdict) {
  std::string out(ActionName(verdict.action));
  for (const Reason& reason : verdict.reasons) {
    out += ' ';
    out += ClauseId(reason.clause);
    out += ":" + reason.rule + "=" +
           std::to_string(reason.score) + "(" + reason.evidence + ")";
  }
  return out;
}

// Each text must be flagged for clause, at least at action.
void ExpectFlagged(const std::vector<std::string>& texts, Clause clause, Action action) {
  for (const std::string& text : texts) {
    Verdict verdict = JudgeNeighbourPost(text);
    INFO(text << "\n  => " << DescribeVerdict(verdict));
    CHECK(ListsClause(verdict, clause));
    if (action == Action::kHide) {
      CHECK(verdict.action == Action::kHide);
    } else {
      CHECK(verdict.action != Action::kAllow);
    }
  }
}

// Flagged for clause, for a human: review, never hide.
void ExpectReviewOnly(const std::vector<std::string>& texts, Clause clause) {
  for (const std::string& text : texts) {
    Verdict verdict = JudgeNeighbourPost(text);
    INFO(text << "\n  => " << DescribeVerdict(verdict));
    CHECK(ListsClause(verdict, clause));
    CHECK(verdict.action == Action::kReview);
  }
}

// Whether a rule of this family's detectors (lexicons, staff, discrimination) gave a
// reason for clause; the statistical "model." rules are another family's.
bool FamilyRuleFired(const Verdict& verdict, Clause clause) {
  for (const Reason& reason : verdict.reasons) {
    if (reason.clause == clause && reason.rule.rfind("model.", 0) != 0) return true;
  }
  return false;
}

// No rule of the family may fire for any of the four clauses, and nothing may be
// hidden.
void ExpectNoAbuseFamily(const std::vector<std::string>& texts) {
  for (const std::string& text : texts) {
    Verdict verdict = JudgeNeighbourPost(text);
    INFO(text << "\n  => " << DescribeVerdict(verdict));
    CHECK_FALSE(FamilyRuleFired(verdict, Clause::kAbusive));
    CHECK_FALSE(FamilyRuleFired(verdict, Clause::kThreat));
    CHECK_FALSE(FamilyRuleFired(verdict, Clause::kStaffHarassment));
    CHECK_FALSE(FamilyRuleFired(verdict, Clause::kDiscrimination));
    CHECK(verdict.action != Action::kHide);
  }
}

TEST_CASE("abuse family: name-calling in both languages is flagged", "[policy]") {
  ExpectFlagged({"Honestly you're a total nitwit, read the bylaw first.",
                 "What a douchebag move from the guy with the leaf blower.",
                 "Only a brainless scumbag would park across two spots.",
                 "Vous êtes une gang de tarlas, lisez l'avis avant de chialer.",
                 "T'es un gros nono pis tu le sais.",
                 "Espèce de sans-dessein, c'est écrit en gros sur la pancarte.",
                 "Ce gars-là est un crosseur fini."},
                Clause::kAbusive, Action::kReview);
}

TEST_CASE("abuse family: profanity aimed at a person hides", "[policy]") {
  ExpectFlagged({"Shut the fuck up about your hedge, nobody cares about your lawn.",
                 "Fermez-la donc, bande de caves.",
                 "Ostie de niaiseux, tu comprends rien.",
                 "Calisse de menteur, t'étais même pas là.",
                 "You fucking moron, the sign says no parking.",
                 "Those f*cking idiots blocked the whole lane again, what a bunch of pr1cks."},
                Clause::kAbusive, Action::kHide);
}

TEST_CASE("abuse family: a curse said to the reader hides, one wished on a third party goes to a human", "[policy]") {
  ExpectFlagged({"Go to hell, nobody asked for your opinion on the library.",
                 "You can go to hell with your petition.",
                 "Honestly? Kiss my ass, I'll park where I want."},
                Clause::kAbusive, Action::kHide);
  ExpectReviewOnly({"The water company can go to hell with these new meter fees.",
                    "These new parking rules can go to hell, seriously.",
                    "My old landlord can piss off, he never fixed the heat."},
                   Clause::kAbusive);
}

TEST_CASE("abuse family: sacre and curse variants are profanity", "[policy]") {
  ExpectFlagged({"C'est quoi ce tabarnacle de stationnement?",
                 "Calvaire que c'est long, le déneigement.",
                 "What a sh*tshow, the new parking layout.",
                 "This bullcrap about the bin schedule again.",
                 "fck the new meters"},
                Clause::kAbusive, Action::kReview);
}

TEST_CASE("abuse family: explicit threats hide, in both languages", "[policy]") {
  ExpectFlagged({"Park in front of my driveway again and I'm going to knock you out.",
                 "If that inspector tickets me once more I will find him and break his jaw.",
                 "I've got a shotgun at home and I won't hesitate to use it on anyone who touches my car.",
                 "I'll be in the lot after practice with a crowbar, tell the coach.",
                 "Touche encore à mes fleurs pis m'as te péter la face.",
                 "Le voisin qui vole mes pneus, je lui casse les genoux.",
                 "Je vais l'attendre au coin de la rue avec une barre de fer.",
                 "Je vais crever tes pneus ce soir, tu vas comprendre.",
                 "Si vous votez ça, ça va vraiment mal finir pour vous."},
                Clause::kThreat, Action::kHide);
}

TEST_CASE("abuse family: intimidation and veiled threats go to a human", "[policy]") {
  ExpectFlagged({"We know where you live, councillor.",
                 "On sait où tu restes, fais attention.",
                 "Somebody at the permit office is going to have a really bad day.",
                 "Quelqu'un à l'hôtel de ville va passer une très mauvaise journée.",
                 "Coupez encore le budget de la piscine et vous allez voir de quel bois je me chauffe.",
                 "You don't know who you're messing with.",
                 "Keep it up and I'll make you pay, councillor.",
                 "Vous allez payer pour ce que vous avez fait à notre parc.",
                 "Lovely new bike racks. It'd be a shame if anything happened to them.",
                 "Refusez encore notre demande. Un jour vous allez comprendre ce que ça coûte.",
                 "To everyone who signed against the skate park: we have your names and addresses.",
                 "Si le chauffeur recommence, je vais m'occuper personnellement du chauffeur."},
                Clause::kThreat, Action::kReview);
  ExpectNoAbuseFamily({"The bus was late again, I'll take care of it myself next time and drive.",
                       "We have your names on the volunteer list, thank you all!"});
}

TEST_CASE("abuse family: denigrating City employees is staff harassment", "[policy]") {
  ExpectReviewOnly({"The lady at the info desk couldn't find a form if it was taped to her forehead.",
                    "The snowplow operators are slackers who sit in their trucks all night.",
                    "Les gens du service des permis sont des fainéants payés à rien faire.",
                    "Le contremaître de la voirie est un incapable, il devrait être congédié.",
                    "The 311 operators don't know how to do their jobs."},
                   Clause::kStaffHarassment);
}

TEST_CASE("abuse family: abuse aimed at an employee is staff harassment too", "[policy]") {
  ExpectFlagged({"The cashier at the arena is a f*cking idiot.",
                 "La caissière de la piscine, c'est une ostie de vache."},
                Clause::kStaffHarassment, Action::kHide);
}

TEST_CASE("abuse family: exclusion of protected groups is discrimination", "[policy]") {
  ExpectFlagged({"Refugees are vermin and should be kicked out of Côte Saint-Luc.",
                 "Keep the Sikhs out of the arena, they don't belong here.",
                 "Les musulmanes voilées, faudrait les chasser de la piscine.",
                 "Les Haïtiens, c'est toute de la racaille.",
                 "The Jews control this council.",
                 "We don't want any Somalis living on our block.",
                 "Les gais devraient pas enseigner à nos enfants."},
                Clause::kDiscrimination, Action::kHide);
  ExpectReviewOnly({"The autistic kids scare my children, give them their own swim time.",
                    "Les familles sur l'aide sociale ont le camp gratuit pendant que nous autres on paie.",
                    "If they live here they should speak French like everyone else."},
                   Clause::kDiscrimination);
}

TEST_CASE("abuse family: ableist slurs spelled around filters", "[policy]") {
  ExpectFlagged({"No more r3tards on the splash pad, please."}, Clause::kDiscrimination,
                Action::kHide);
}

TEST_CASE("abuse family: hard negatives stay allowed", "[policy]") {
  ExpectNoAbuseFamily({
      "Ma chienne a adoré le nouveau parc à chiens, merci à la Ville!",
      "Le feu d'artifice était malade, les enfants ont capoté.",
      "That concert was hot, can we get the band back next year?",
      "I'd kill for a heated bench at the bus shelter.",
      "On s'est fait massacrer 8-2 samedi, mais les jeunes ont eu du fun.",
      "Careful on Kildare, you'll break your neck on that ice.",
      "Attention, tu vas te casser la gueule sur le trottoir devant l'aréna.",
      "I'm going to cut the hedge myself if nobody from the City comes.",
      "La neige est tellement épaisse que la charrue a de la misère.",
      "Deux heures de retard pour la collecte, c'est normal?",
      "As a Muslim mother I love the women-only swim hours.",
      "Les réfugiés arrivés cet hiver cherchent des bénévoles pour des cours de français.",
      "The lifeguards were great with the kids today, thank you.",
      "Les employés des travaux publics ont fait une job incroyable cette semaine.",
      "Please keep the dogs out of the playground sandbox.",
      "My son needs a new baseball bat for the little league season.",
      "Keep the dogs out of the women's change room, please.",
      "I'll drive the kids back home after the swim meet.",
      "Les toilettes des femmes au chalet sont sales depuis lundi.",
      "Happy holidays to you and your family from all of us on Parkhaven.",
      "The council's budget vote was a mistake and I will say so at the next meeting.",
  });
}

TEST_CASE("abuse family round 2: menace by vandalism, stalking, poison", "[policy]") {
  ExpectFlagged({
      "Whoever keeps blocking my driveway is going to get their tires slashed.",
      "M'as aller péter les vitres des chars de la Ville si ça continue.",
      "I know where she parks and what time her shift finishes at the arena.",
      "Je connais son char pis à quelle heure il finit, qu'il fasse attention.",
      "One more bark from that mutt and I'll poison that dog. You've been warned.",
  }, Clause::kThreat, Action::kHide);
  ExpectFlagged({
      "That's my last warning to the people letting their kids scream all night.",
      "Si ça continue je vais régler ça moi-même, ça sera pas beau.",
      "Keep it up and I'll take matters into my own hands.",
  }, Clause::kThreat, Action::kReview);
}

TEST_CASE("abuse family round 2: more job titles, more kinds of running staff down", "[policy]") {
  ExpectFlagged({
      "The crossing guard on Westminster clearly can't stand kids.",
      "La gérante de la piscine devrait changer de métier, franchement.",
      "The zamboni operator is a freeloader, hire someone who actually wants the job.",
  }, Clause::kStaffHarassment, Action::kReview);
}

TEST_CASE("abuse family round 2: bans and disease tropes about groups", "[policy]") {
  ExpectFlagged({
      "Those refugees bring diseases into the pool, ship them all back.",
      "Les réfugiés, faudrait leur interdire le chalet du parc.",
      "Trop d'immigrants sur Cavendish, qu'ils retournent d'où ils viennent.",
  }, Clause::kDiscrimination, Action::kHide);
  ExpectFlagged({
      "Pas de musulmans dans le comité de quartier, svp.",
      "People on social assistance shouldn't get the same rate as us taxpayers.",
  }, Clause::kDiscrimination, Action::kReview);
}

TEST_CASE("abuse family round 2: insults and sexual solicitation", "[policy]") {
  ExpectFlagged({
      "You're a lying little slut and everyone on this street knows it.",
      "That clerk needs to get laid, she's so bitchy.",
      "Horny cougars in CSL, who wants to hook up tonight? DM me",
  }, Clause::kAbusive, Action::kHide);
  ExpectFlagged({
      "Vous êtes une bande de sans-cervelle, lisez l'avis avant de chialer.",
      "It's people like you who leave the gate open, use your brain.",
  }, Clause::kAbusive, Action::kReview);
}

TEST_CASE("abuse family round 2: hard negatives stay allowed", "[policy]") {
  ExpectNoAbuseFamily({
      "J'ai acheté des tapettes à mouches et des tapettes à souris au Canadian Tire.",
      "No men in the women's change room during the ladies' swim, that's the rule.",
      "Pas de chiens dans la piscine, même en septembre.",
      "The City put rat poison bait boxes along the rail fence, keep your pets on a leash.",
      "Mosquitoes carry diseases, please empty standing water in your yard.",
      "I have her address if anyone wants to send the retiring librarian a card.",
      "Trop de voitures sur Cavendish le matin, il faut un feu de plus.",
      "The zamboni driver did an amazing job between periods tonight.",
      "Ces chaises en plastique, c'est de la cochonnerie, elles ont cassé en une semaine.",
  });
}

}  // namespace
}  // namespace modbot

namespace modbot {
namespace {

TEST_CASE("abuse family round 3: readers sent after an employee", "[policy]") {
  ExpectFlagged({"Everyone call the permits office ten times a day until that new clerk quits.",
                 "Call the library clerk 50 times a day and make her life miserable.",
                 "Appelez le service des permis 20 fois par jour jusqu'à ce que l'inspecteur démissionne."},
                Clause::kStaffHarassment, Action::kHide);
  ExpectReviewOnly({"Let's all call the Parks supervisor and tell him what we think of the new fees."},
                   Clause::kStaffHarassment);
  // A number called often to get an answer, or thanks from everyone, is no campaign.
  ExpectNoAbuseFamily({"Call the permits office 3 times a day if you need to, they're slow but nice.",
                       "Let's all thank the public works crew for the quick plowing.",
                       "J'ai appelé le 311 deux fois par jour jusqu'à ce qu'ils répondent."});
}

TEST_CASE("abuse family round 3: a curse before the name makes it vulgar", "[policy]") {
  ExpectFlagged({"Honnêtement t'es une fucking disgrace pour le quartier.",
                 "You're a fucking idiot and everyone here knows it."},
                Clause::kAbusive, Action::kHide);
  // The curse alone is profanity, for a human; praise with a curse is no insult.
  ExpectReviewOnly({"You're a fucking genius, thanks for fixing the form."}, Clause::kAbusive);
}

TEST_CASE("abuse family round 3: corruption laid at an employee's door", "[policy]") {
  ExpectReviewOnly({"Everyone knows the public works foreman takes kickbacks from the paving contractor.",
                    "L'inspecteur municipal accepte des pots-de-vin, c'est connu."},
                   Clause::kStaffHarassment);
  ExpectNoAbuseFamily({"The council voted a new anti-corruption policy for contracts."});
}

TEST_CASE("abuse family round 3: pattern words read through disguises", "[policy]") {
  ExpectFlagged({"Wattch your back, snitch.", "I knoww where you livve.",
                 "Je saiis où tu habbites."},
                Clause::kThreat, Action::kReview);
  ExpectNoAbuseFamily({"Watch the back door when the rink closes, it sticks."});
}

TEST_CASE("abuse family round 3: the reader dismissed or belittled", "[policy]") {
  ExpectReviewOnly({"Nobody asked for your opinion, go away.", "Who even asked you? Crawl back under your rock.",
                    "You have the IQ of a doorknob.", "T'as le QI d'une huître.",
                    "Tais-toi donc, tu sais même pas de quoi tu parles.",
                    "Retourne jouer dans ton carré de sable."},
                   Clause::kAbusive);
  ExpectFlagged({"Go f yourself."}, Clause::kAbusive, Action::kHide);
  ExpectNoAbuseFamily({"Nobody asked me to shovel but I did it anyway.",
                       "You have the brain of a genius, thanks for the map!"});
}

TEST_CASE("abuse family round 3: consequences promised without saying which", "[policy]") {
  ExpectReviewOnly({"You'll be sorry if you report me again.", "Keep it up and you'll find out what happens.",
                    "Continue comme ça pis tu vas voir ce qui va t'arriver.", "Watch yourself, buddy."},
                   Clause::kThreat);
  ExpectNoAbuseFamily({"You'll be sorry you missed the fireworks!", "Watch your step on the icy stairs."});
}

TEST_CASE("abuse family round 3: more ways to say harm to someone or what they own", "[policy]") {
  ExpectFlagged({"Someone should put a brick through his window.", "I hope someone keys his car tonight.",
                 "Somebody needs to teach that guy a lesson.", "I'm gonna wreck his car."},
                Clause::kThreat, Action::kReview);
  ExpectFlagged({"Il mérite une bonne raclée, ce fonctionnaire-là."}, Clause::kThreat, Action::kHide);
  ExpectReviewOnly({"He'd better not show his face around here again."}, Clause::kThreat);
  ExpectNoAbuseFamily({"I'm gonna wreck my diet at the festival.", "The storm will wreck the fences along the river.",
                       "The team got a beating last night.", "My car got keyed last night, anyone see anything?",
                       "I will clean the window tomorrow."});
}

// Round 4 (issue 9): probes written for each meaning class, EN and FR, with
// look-alikes; every flagged sentence here was allowed before its rule.
TEST_CASE("abuse family round 4: French object pronouns, wishes and consequences are threats", "[policy]") {
  ExpectReviewOnly({"Qu'il crève, le voisin d'en face.", "Il va falloir le faire payer un jour ou l'autre.",
                    "Si je le croise, il va passer un mauvais quart d'heure.",
                    "S'il s'approche encore de mon chien, je le descends, ton pitbull.",
                    "Y'en a qui mériteraient de se faire écraser par la souffleuse, en commençant par toi.",
                    "You won't be so brave when I find you.", "Somebody ought to put him in the hospital.",
                    "That guy deserves to get hit by a bus."},
                   Clause::kThreat);
  ExpectNoAbuseFamily({"Je le descends au sous-sol ce soir.", "S'il pleut, je le descends au garage.",
                       "La batterie va crever si on la laisse dehors.", "Je vais planter le cèdre samedi.",
                       "La ville va leur faire payer le permis.",
                       "You'll regret not coming to the festival, it was great."});
}

TEST_CASE("abuse family round 4: crude names in the forum register of French", "[policy]") {
  ExpectFlagged({"T'es qu'un minable.", "T'es vraiment qu'une grosse larve.", "Sale pute.", "Grosse pédale.",
                 "Petite fiotte va.", "Elle est moche la voisine, une vraie grosse truie.",
                 "Tu vas mourir puceau.", "Casse-toi pauvre tache."},
                Clause::kAbusive, Action::kReview);
  ExpectNoAbuseFamily({"Ma chatte a disparu près du parc, elle est tigrée.", "J'ai une tapette à souris dans le garage.",
                       "La pédale de mon vélo est cassée.", "Il y a des larves dans l'étang du parc.",
                       "Il faut bander la blessure avant d'appeler le 911.", "I'm such an idiot, I forgot my keys at the library.",
                       "Je suis vraiment con, j'ai oublié mes clés.",
                       "My neighbour called me a moron in front of my kids, what can I do?",
                       "Please don't call anyone a moron on this forum."});
  // The author's own name-calling, reported by the author, is still name-calling.
  ExpectFlagged({"I called him an idiot because he is one."}, Clause::kAbusive, Action::kReview);
}

TEST_CASE("abuse family round 4: staff run down by their post, and swarms sent at them", "[policy]") {
  ExpectFlagged({"Est-ce qu'il faut être complètement con pour travailler au service des permis?",
                 "La fille à la réception de l'hôtel de ville est une idiote finie.",
                 "Everyone call the permits office every hour until they quit.",
                 "Inondons le service d'urbanisme d'appels jusqu'à ce qu'ils craquent."},
                Clause::kStaffHarassment, Action::kReview);
  ExpectNoAbuseFamily({"Les crimes commis dans le parc ont baissé.", "Let's flood the council with letters about the crosswalk.",
                       "The clerk at the permit counter was very helpful."});
}

TEST_CASE("abuse family round 4: crowds sent to a door, alarms pulled for convenience", "[policy]") {
  ExpectFlagged({"Everyone go to his house on Kildare tonight and let him know what we think.",
                 "Rendez-vous tous chez lui ce soir, on va lui montrer.",
                 "Just pull the fire alarm to get out of the line faster.",
                 "Enlevez les piles des détecteurs de fumée, ça sonne pour rien."},
                Clause::kPublicSafety, Action::kReview);
  for (const char* text : {"The fire alarm went off at the library today, everyone got out fine.",
                           "Let's all go to the council meeting tonight.", "Test your smoke detector batteries this weekend."}) {
    Verdict verdict = JudgeNeighbourPost(text);
    INFO(text << "\n  => " << DescribeVerdict(verdict));
    CHECK_FALSE(ListsClause(verdict, Clause::kPublicSafety));
  }
}

TEST_CASE("abuse family round 4: veiled harm, where someone lives, the means named for next time", "[policy]") {
  ExpectReviewOnly({"Keep sending me tickets and one day you'll find your tires flat.",
                    "Le prochain qui touche à ma haie, il va y goûter.", "I know where the bylaw officer lives. Just saying.",
                    "Je sais où reste l'inspecteur, je vais aller lui parler en personne.",
                    "One of these days someone's going to hurt that guy and nobody will be sad.",
                    "Il y en a un qui va se ramasser à l'hôpital si ça continue.", "Prends garde à toi, mon grand.",
                    "If I see that dog off leash again it's getting a bullet.",
                    "Next time he blocks my driveway I'm bringing the bat."},
                   Clause::kThreat);
  ExpectNoAbuseFamily({"I swear this pothole is going to eat my car.", "Prends soin de toi, mon grand.",
                       "I'm bringing the bat and gloves for the softball game.",
                       "If the city cuts down my maple, I'll plant a new one myself."});
}

TEST_CASE("abuse family round 4: insinuation, drinking and idling said of staff", "[policy]") {
  ExpectReviewOnly({"Mme Tremblay de l'urbanisme, tout le monde sait qu'elle boit au travail.",
                    "The parks foreman is a drunk, smell his breath next time.",
                    "Les cols bleus passent plus de temps chez Tim qu'à travailler.",
                    "City workers: professional coffee drinkers since 1950.",
                    "Everybody knows the director only got promoted because she's sleeping with the DG.",
                    "The clerk clearly can't read, maybe hire someone with a brain next time.",
                    "Whoever approved this in Engineering should be fired on the spot."},
                   Clause::kStaffHarassment);
  ExpectNoAbuseFamily({"City workers were out early clearing the snow, thank you.",
                       "The director presented the budget at the meeting last night.",
                       "La réceptionniste m'a aidé à remplir le formulaire."});
}

TEST_CASE("abuse family round 4: where and when to find someone, and a crowd sent there", "[policy]") {
  for (const char* text : {"The inspector parks her car on Wavell every morning at 7, you know what to do.",
                           "Her kid gets out of Merton school at 3:15 every day, go wait for him.",
                           "Allons tous chez le conseiller ce soir, il habite au coin de Cavendish."}) {
    Verdict verdict = JudgeNeighbourPost(text);
    INFO(text << "\n  => " << DescribeVerdict(verdict));
    CHECK(ListsClause(verdict, Clause::kPublicSafety));
    CHECK(verdict.action == Action::kReview);
  }
}

TEST_CASE("abuse family round 4: rape, a shot, a hope or a promise of harm, and death as the alternative", "[policy]") {
  ExpectFlagged({"You're cute. I will rape you.", "He is so arrogant, I'm hoping to stab him soon.",
                 "Je vais te tirer dans la tête si tu reviens."},
                Clause::kThreat, Action::kHide);
  ExpectFlagged({"Stop editing my posts or die.", "Arrête de me suivre ou tu meurs."}, Clause::kThreat, Action::kReview);
  ExpectFlagged({"Espèce de pédé, va.", "Je vous emmerde tous les deux.", "Stay out of this, fat boy."},
                Clause::kAbusive, Action::kReview);
  ExpectNoAbuseFamily({"I'm hoping to beat the traffic tomorrow.", "You look great in that photo!",
                       "It's a do or die game for the Alouettes tonight.", "We'll blow up balloons for the party."});
}

}  // namespace
}  // namespace modbot
