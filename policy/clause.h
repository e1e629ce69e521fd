// The sixteen appropriate-use principles of the City's social-media policy.
//
// The ids ("off_topic", "spam_links", ...) are a stable contract: they appear in
// config files, verdicts, notices, logs and the store. The titles are quoted from
// the policy text itself (English and French) so that a notice to a resident names
// the principle exactly as the City published it.
#ifndef MODBOT_POLICY_CLAUSE_H_
#define MODBOT_POLICY_CLAUSE_H_

#include <array>
#include <optional>
#include <string_view>

namespace modbot {

// In the policy's order; the numeric value + 1 is the principle's number.
enum class Clause {
  kOffTopic,
  kNotRelevant,
  kAbusive,
  kThreat,
  kStaffHarassment,
  kDiscrimination,
  kCommercial,
  kCandidatePromotion,
  kMunicipalCampaign,
  kPartisanPolitics,
  kIllegalActivity,
  kSpamLinks,
  kFrivolous,
  kPublicSafety,
  kOwnership,
  kFakeAccount,
};

inline constexpr int kClauseCount = 16;

// Every clause, in policy order, for iteration.
const std::array<Clause, kClauseCount>& AllClauses();

// 1-based principle number as printed in the policy.
int ClauseNumber(Clause clause);

// The stable id, e.g. "spam_links".
std::string_view ClauseId(Clause clause);

// Inverse of ClauseId; nullopt for an unknown id.
std::optional<Clause> ClauseFromId(std::string_view id);

// The principle's wording in the policy, in English or French.
std::string_view ClauseTitleEn(Clause clause);
std::string_view ClauseTitleFr(Clause clause);

}  // namespace modbot

#endif  // MODBOT_POLICY_CLAUSE_H_
