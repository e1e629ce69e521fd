// Principle 11: promotion of illegal activity. Describing a crime to ask for help
// ("I saw someone steal a bike, I called 911") is not promotion; advice to do it,
// or an offer of what needs a licence or a prescription, is.
#include <re2/re2.h>

#include "policy/contact_channel.h"
#include "policy/detector.h"

namespace modbot {
namespace {

// "Don't buy fake permits", "ne coupez pas le scellé": warnings, not tips.
const RE2& NegatedFraudPattern() {
  static const RE2 pattern(
      R"(\b(don'?t|do not|never|avoid|evitez|ne|n'|jamais)\b.{0,25}\b(fake|faux|fausses?|copy|copie|photocop\w*|magnet|aimant|scelle|seal|forged?|falsifi\w*|tamper\w*|trafiqu\w*)\b)");
  return pattern;
}

// "Never bribe an inspector", "someone stole my catalytic converter": warnings and
// reports, not tips.
const RE2& NegatedCrimePattern() {
  static const RE2 pattern(
      R"(\b(don'?t|do not|never|avoid|evitez|jamais|ne (faites|faut) pas|stole|stolen|vole|volee?s?|volees|someone|quelqu'un|watch out|attention|beware|mefiez)\b)");
  return pattern;
}

const RE2& HelpYourselfPattern() {
  static const RE2 pattern(
      R"(\b(servez-vous|servez vous|help yourself|help yourselves|walk right in|just walk in|entrez|allez-y|go ahead and take)\b)");
  return pattern;
}

// Whether the author's words read as an offer: an offer proper ("je vends", "I
// deliver"), or an invitation to get in touch ("text me") with a price or with the
// number or handle to use (contact_channel.h). A number alone may be the police's.
bool OffersSomething(const PostView& view) {
  const LexiconHits& hits = view.own_hits;
  return hits.Has("commercial_patterns") ||
         (hits.Has("commercial_contact_patterns") &&
          (hits.Has("commercial_price_patterns") || hits.Has("commercial_deal_patterns") ||
           !FindContactChannels(view.own.folded).empty()));
}

// Whether readers are told how to reach the author (a number or an address will
// do): a price is not needed for a service that is itself the offence.
bool ReachableSeller(const PostView& view) {
  return view.own_hits.Has("commercial_contact_patterns") || view.own_hits.Has("commercial_patterns") ||
         !FindContactChannels(view.own.folded).empty();
}

// Most the review-level evidence may add up to; see CapClauseScore.
constexpr double kReviewCap = 0.69;

}  // namespace


void DetectIllegalActivity(const PostView& view, Reasons* reasons) {
  const Clause illegal = Clause::kIllegalActivity;
  const size_t first = reasons->size();
  bool act = AddLexiconReason(view, "illegal_patterns", illegal, 0.6, reasons);
  bool encouraged = view.own_hits.Has("encouragement_patterns");
  bool unenforced = view.own_hits.Has("evasion_patterns");
  // "Nobody ever checks" on its own is a complaint about enforcement. After an
  // illegal act it is reassurance; after "do the same" it is an invitation to break
  // whatever rule the post describes.
  // Either way it stays below hide: a human weighs how serious the rule is.
  if (act) {
    AddLexiconReason(view, "evasion_patterns", illegal, 0.2, reasons);
  } else if (unenforced && encouraged) {
    reasons->push_back({illegal, "illegal.encouraged_evasion", 0.6,
                        view.own_hits.First("encouragement_patterns") + " … " +
                            view.own_hits.First("evasion_patterns")});
  }
  // A rule the poster names ("technically there's a fine", "on a pas le droit")
  // and breaks or advises breaking anyway, with the assurance nobody enforces it or
  // as advice: flouting the rule, for a human to weigh.
  if (!act && view.own_hits.Has("rule_acknowledged_patterns") && (unenforced || encouraged)) {
    reasons->push_back({illegal, "illegal.rule_flouted", 0.6,
                        view.own_hits.First("rule_acknowledged_patterns") + " … " +
                            (unenforced ? view.own_hits.First("evasion_patterns")
                                        : view.own_hits.First("encouragement_patterns"))});
  }
  // An access code with "help yourselves" is an invitation to take what it guards.
  std::string invitation;
  if (view.own_hits.Has("secrets_patterns") &&
      RE2::PartialMatch(view.own.folded, HelpYourselfPattern(), &invitation)) {
    reasons->push_back({illegal, "illegal.invited_entry", 0.6,
                        view.own_hits.First("secrets_patterns") + " … " + invitation});
  }
  // "Hop the fence" told to readers: advice to trespass, not a report of it.
  const std::vector<std::string>& trespass = view.own_hits.Of("illegal_trespass_patterns");
  if (!trespass.empty()) {
    reasons->push_back({illegal, "illegal.trespass_advice", 0.6, JoinEvidence(trespass)});
  }
  // A crime against people or the City (a bribe, slashed tires, a stolen catalytic
  // converter) described as a plan: a human looks.
  const std::vector<std::string>& crime = view.own_hits.Of("illegal_crime_patterns");
  const bool crime_negated = RE2::PartialMatch(view.own.folded, NegatedCrimePattern());
  if (!crime.empty() && !crime_negated) {
    reasons->push_back({illegal, "illegal.crime_plan", 0.6, JoinEvidence(crime)});
  }
  // A hydrant or a City valve opened by the writer: how grave depends on the day
  // (a heat wave, a fire nearby), so a human weighs it, tip or not.
  AddLexiconReason(view, "infrastructure_tamper_patterns", illegal, 0.6, reasons);
  CapClauseScore(reasons, first, illegal, kReviewCap);
  // Told as a tip ("easy money", "works every time", "do it at night") and not as
  // a warning, it is promotion of the crime.
  if (!crime.empty() && !crime_negated && (encouraged || unenforced)) {
    reasons->push_back({illegal, "illegal.crime_tip", 0.85,
                        JoinEvidence(crime) + " … " +
                            (encouraged ? view.own_hits.First("encouragement_patterns")
                                        : view.own_hits.First("evasion_patterns"))});
  }
  // Selling what is itself a crime to sell (forged papers, drugs, drugs to minors,
  // untaxed tobacco) is a clear violation: with an offer, it hides.
  const std::vector<std::string>& goods = view.own_hits.Of("illegal_goods_patterns");
  if (!goods.empty() && OffersSomething(view)) {
    reasons->push_back({illegal, "illegal.contraband_offer", 0.85,
                        JoinEvidence(goods) + " … " +
                            (view.own_hits.Has("commercial_patterns")
                                 ? view.own_hits.First("commercial_patterns")
                                 : view.own_hits.First("commercial_contact_patterns"))});
  }
  // Forging a permit or tampering with a meter, handed out as a tip with the
  // assurance nobody checks, is advice to defraud the City; a report of it
  // ("someone sells fake permits") or a warning ("don't") is not.
  // Offered as a service ("a body shop will write up damage you never had, PM for
  // the name") or priced ("a doctor's note for $30") it is the fraud itself on
  // sale, and hides like contraband.
  const std::vector<std::string>& fraud = view.own_hits.Of("illegal_fraud_patterns");
  const bool fraud_warned = !fraud.empty() && RE2::PartialMatch(view.own.folded, NegatedFraudPattern());
  const bool fraud_sold = !fraud.empty() && (ReachableSeller(view) || (view.own_hits.Has("commercial_price_patterns") &&
                                                                       !crime_negated));
  if (!fraud.empty() && !fraud_warned && fraud_sold) {
    reasons->push_back({illegal, "illegal.fraud_offer", 0.85,
                        JoinEvidence(fraud) + " … " + view.own_hits.First("commercial_contact_patterns")});
  } else if (!fraud.empty() && encouraged && unenforced && !fraud_warned) {
    reasons->push_back({illegal, "illegal.fraud_advice", 0.65,
                        view.own_hits.First("encouragement_patterns") + " … " + JoinEvidence(fraud)});
  }
  // Someone inside the City who will change an outcome, for money: a bribe on offer.
  const std::string insider = view.own_hits.First("illegal_insider_patterns");
  if (!insider.empty() && view.own_hits.Has("commercial_price_patterns")) {
    reasons->push_back({illegal, "illegal.bribery_offer", 0.85,
                        insider + " … " + view.own_hits.First("commercial_price_patterns")});
  }
  // With the broken lock that lets them in, it is advice to use a weakness.
  if (!trespass.empty() && view.own_hits.Has("vulnerability_patterns")) {
    reasons->push_back({illegal, "illegal.exploit_weakness", 0.65,
                        view.own_hits.First("vulnerability_patterns")});
  }
}

}  // namespace modbot
