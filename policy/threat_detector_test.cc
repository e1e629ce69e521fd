// Threats read by structure (threat_detector.cc and its lexicons): something to hurt
// with beside a meeting or a dare, a visit to someone's home, harm foretold to a
// person's things, a warning tied to a place. Sentences are new, written for these
// tests; each capability has look-alikes that must stay allowed.
#include <catch2/catch.hpp>

#include <string>

#include "policy/built_in_policy_for_tests.h"
#include "policy/policy.h"

namespace modbot {
namespace {

void ExpectThreat(const char* text, Action action) {
  const Verdict verdict = JudgeNeighbourPost(text);
  INFO(text << " => " << VerdictSummary(verdict));
  CHECK(VerdictHasClause(verdict, Clause::kThreat));
  CHECK(verdict.action == action);
}

void ExpectNoThreat(const char* text) {
  const Verdict verdict = JudgeNeighbourPost(text);
  INFO(text << " => " << VerdictSummary(verdict));
  CHECK_FALSE(VerdictHasClause(verdict, Clause::kThreat));
}

TEST_CASE("threat: a meeting with something to hurt with hides, EN and FR", "[threat]") {
  ExpectThreat("That plow driver buried my car again. I'm going to have a little chat with him, with my hockey stick.",
               Action::kHide);
  ExpectThreat("Le voisin qui a coupé ma haie, m'as aller lui expliquer ça avec mon bat de baseball.",
               Action::kHide);
}

TEST_CASE("threat: the means and a dare, the act unsaid, go to a human", "[threat]") {
  ExpectThreat("I own a shotgun and I'm a patient man. Keep parking on my lawn.", Action::kReview);
  ExpectThreat("J'ai une carabine dans le garage. Continuez comme ça avec vos feux d'artifice.",
               Action::kReview);
}

TEST_CASE("threat: tools, sport and licences with nobody met stay allowed", "[threat]") {
  ExpectNoThreat("I fixed the wobbly bench at the park with my hammer this morning.");
  ExpectNoThreat("I'm going to have a little chat with the councillor about the bike lanes.");
  ExpectNoThreat("J'ai un permis de chasse et je vais au chalet en novembre, quelqu'un arrose mes plantes?");
  ExpectNoThreat("Keep up the good work with the new skating rink, my kids love it with their hockey sticks.");
}

TEST_CASE("threat: going to someone's home is an intimation", "[threat]") {
  ExpectThreat("Si le conseiller vote pour ça, on va aller le visiter chez lui, tout le quartier.",
               Action::kReview);
  ExpectThreat("Cut me off again in the school zone and I'll show up at your house, I know the plate.",
               Action::kReview);
  ExpectThreat("La prochaine fois que tu bloques mon entrée, je te suis jusqu'à chez vous.", Action::kReview);
  ExpectNoThreat("On va aller voir le spectacle chez ma belle-soeur, elle habite en face du parc.");
}

TEST_CASE("threat: holding what finds someone, and a warning, hides", "[threat]") {
  ExpectThreat("To everyone who voted against the dog run: we have your addresses. Final warning.",
               Action::kHide);
  ExpectThreat("Ceux qui se plaignent du bruit, on a vos adresses. Ma patience a des limites.", Action::kHide);
  // Either alone goes to a human, or is nothing.
  ExpectThreat("I've got your plate and I know which building you're in.", Action::kReview);
  ExpectNoThreat("Last warning before the pool closes for the season: bring your passes to the desk.");
}

TEST_CASE("threat: harm foretold, regret promised, a place to avoid", "[threat]") {
  ExpectThreat("Ce serait vraiment dommage qu'il arrive quelque chose à ton beau VUS blanc.", Action::kReview);
  ExpectThreat("That inspector who failed my deck is going to regret it.", Action::kReview);
  ExpectThreat("The crossing guard who yelled at my kid better not be at the corner after school.",
               Action::kReview);
  ExpectThreat("Y va y avoir du sang si la Ville coupe encore les heures de l'aréna.", Action::kReview);
  ExpectNoThreat("Ce serait dommage qu'il pleuve pour la fête au parc samedi.");
  ExpectNoThreat("We are going to regret this budget when the pipes burst.");
  ExpectNoThreat("Do you know what happens to the recycling after pickup?");
  ExpectNoThreat("You'd better not be late for the registration, spots go fast at the pool.");
}

}  // namespace
}  // namespace modbot
