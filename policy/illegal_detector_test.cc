// Illegal activity and public safety by structure (illegal_detector.cc,
// public_safety_detector.cc): an offence offered as a service, an insider selling an
// outcome, a tree killed on purpose, a hydrant opened, an access card handed out.
// Sentences are new, written for these tests, with look-alikes that stay allowed.
#include <catch2/catch.hpp>

#include <string>

#include "policy/built_in_policy_for_tests.h"
#include "policy/policy.h"

namespace modbot {
namespace {

void Expect(const char* text, Clause clause, Action action) {
  const Verdict verdict = JudgeNeighbourPost(text);
  INFO(text << " => " << VerdictSummary(verdict));
  CHECK(VerdictHasClause(verdict, clause));
  CHECK(verdict.action == action);
}

void ExpectNot(const char* text, Clause clause) {
  const Verdict verdict = JudgeNeighbourPost(text);
  INFO(text << " => " << VerdictSummary(verdict));
  CHECK_FALSE(VerdictHasClause(verdict, clause));
}

TEST_CASE("illegal: a false claim or a bought outcome offered as a service hides", "[illegal]") {
  Expect("Need a new fence? My brother's garage writes up snowplow damage you never had, the City pays. DM me.",
         Clause::kIllegalActivity, Action::kHide);
  Expect("Mon cousin à l'urbanisme peut approuver ton permis de piscine en une semaine, 300 $ comptant. "
         "Écris-moi.",
         Clause::kIllegalActivity, Action::kHide);
  ExpectNot("A friend at City Hall told me the permit office can approve pool permits within a week now.",
            Clause::kIllegalActivity);
  ExpectNot("My car had real pothole damage on Kildare; the claim form is on the City site, it took 3 weeks.",
            Clause::kIllegalActivity);
}

TEST_CASE("illegal: killing a tree on purpose, as a fact or as instructions", "[illegal]") {
  Expect("Les frênes de la Ville sur ma rue, si on verse de l'antigel sur les racines ils meurent en un été.",
         Clause::kIllegalActivity, Action::kReview);
  // Told as instructions, it is promotion of the act.
  Expect("Drill a few holes in the base of the City maple and pour in some bleach, it'll die by spring.",
         Clause::kIllegalActivity, Action::kHide);
  ExpectNot("Road salt is hard on the maples along Westminster, the City should plant salt-tolerant trees.",
            Clause::kIllegalActivity);
}

TEST_CASE("illegal and safety: opening a hydrant yourself", "[illegal]") {
  Expect("When the water's cut I just open the hydrant in front of my place with a wrench.",
         Clause::kPublicSafety, Action::kReview);
  Expect("Quand l'eau est coupée, j'ouvre la bouche d'incendie devant chez nous avec une clé.",
         Clause::kIllegalActivity, Action::kReview);
  ExpectNot("Kids opened a hydrant on Baily last night, I called 311.", Clause::kPublicSafety);
}

TEST_CASE("safety: an access card number handed out goes to a human", "[safety]") {
  Expect("Forgot your pass? My pool membership card number is 5560231, just give that at the counter.",
         Clause::kPublicSafety, Action::kReview);
  ExpectNot("The library card renewal took 5 minutes, bring a bill with your address.", Clause::kPublicSafety);
}

TEST_CASE("safety: readers told to do what endangers them, not warned against it", "[safety]") {
  for (const char* text : {"Mix bleach and ammonia to clean the park washrooms faster.",
                           "Disable the smoke detector in the community hall if it beeps during the party.",
                           "Jump off the bridge into the river, it's a blast.",
                           "Mélangez de l'eau de javel avec du vinaigre, ça nettoie deux fois plus vite.",
                           "Skip the flu clinic: drink a capful of bleach in a glass of water every morning.",
                           "Ignorez l'avis d'ébullition, l'eau du robinet est parfaite."}) {
    Expect(text, Clause::kPublicSafety, Action::kReview);
  }
  ExpectNot("Never drink bleach; call poison control if a child swallows some.", Clause::kPublicSafety);
  ExpectNot("Does the boil-water notice still apply on Kildare?", Clause::kPublicSafety);
  ExpectNot("Never mix bleach and ammonia, the fumes are toxic.", Clause::kPublicSafety);
  ExpectNot("Don't block the fire exits at the arena during the show.", Clause::kPublicSafety);
  ExpectNot("The smoke detector beeps, how do I change the battery?", Clause::kPublicSafety);
}

TEST_CASE("safety: a crowd sent to someone's door goes to a human", "[safety]") {
  Expect("Let's all go to his house tonight and show him what we think.", Clause::kPublicSafety, Action::kReview);
  Expect("Allons tous chez lui ce soir pour lui dire ce qu'on pense.", Clause::kPublicSafety, Action::kReview);
  ExpectNot("Let's all go to her place for the potluck and show her the photos.", Clause::kPublicSafety);
  ExpectNot("On va chez elle pour Noël, on va lui dire bonjour.", Clause::kPublicSafety);
}

TEST_CASE("safety: a code or password told in any order hides beside what it opens", "[safety]") {
  Expect("Alarm code at the ACC side entrance hasn't changed in years: 2580. Just so you know.",
         Clause::kPublicSafety, Action::kHide);
  Expect("Le mot de passe du wifi du personnel à l'hôtel de ville c'est Csl2024!, bien plus rapide.",
         Clause::kPublicSafety, Action::kHide);
  Expect("Code du stationnement souterrain de la bibliothèque: 4-4-1-9.", Clause::kPublicSafety, Action::kHide);
  Expect("Key to the tennis court shed is on top of the door frame, been there all summer.",
         Clause::kPublicSafety, Action::kHide);
  // Nothing named that it opens: a human reads it.
  Expect("Staff login for the rec registration site is rec/rec123, I saw it on the monitor.",
         Clause::kPublicSafety, Action::kReview);
  // Codes that open nothing.
  for (const char* text : {"The new building code is 2024 compliant, the inspector said.",
                           "Mon code postal est H4W 1S8, pourquoi je reçois pas le bac brun?",
                           "Le code de conduite du conseil est clair: 3 minutes par intervenant.",
                           "Error code is 0x80070005 when I pay my taxes online.",
                           "The keys are at the front desk, just ask the lifeguard on duty."}) {
    ExpectNot(text, Clause::kPublicSafety);
  }
}

}  // namespace
}  // namespace modbot
