#include "policy/policy_settings.h"

namespace modbot {

std::array<ClauseSettings, kClauseCount> PolicySettings::DefaultClauseSettings() {
  std::array<ClauseSettings, kClauseCount> clauses{};
  for (ClauseSettings& clause : clauses) {
    clause.review_at = 0.5;
    clause.hide_at = 0.85;
  }
  // Relevance and elections are matters of judgement: a machine may point them out
  // to a moderator but should never remove a resident's words for them on its own.
  for (Clause clause : {Clause::kOffTopic, Clause::kNotRelevant, Clause::kCandidatePromotion,
                        Clause::kMunicipalCampaign, Clause::kPartisanPolitics}) {
    clauses[static_cast<int>(clause)].max_action = Action::kReview;
  }
  return clauses;
}

PolicySettings PolicySettings::Defaults() {
  PolicySettings settings;
  // Public sources a resident may always link to: the City, the agglomeration, the
  // two election authorities the policy names, and other governments' sites.
  settings.trusted_domains = {
      "cotesaintluc.org", "montreal.ca",    "ville.montreal.qc.ca", "electionsquebec.qc.ca",
      "elections.ca",     "quebec.ca",      "canada.ca",            "gc.ca",
      "spvm.qc.ca",       "stm.info",       "gouv.qc.ca",           "assnat.qc.ca",
  };
  return settings;
}

}  // namespace modbot
