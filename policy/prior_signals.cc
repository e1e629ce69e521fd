#include "policy/prior_signals.h"

#include <array>

namespace modbot {

namespace {

constexpr std::array<HumanDecision, 3> kDecisions = {
    HumanDecision::kRemoved, HumanDecision::kKeptHide, HumanDecision::kApproved};

}  // namespace

std::string_view HumanDecisionName(HumanDecision decision) {
  switch (decision) {
    case HumanDecision::kRemoved: return "removed";
    case HumanDecision::kKeptHide: return "kept_hide";
    case HumanDecision::kApproved: return "approved";
  }
  return "removed";
}

std::optional<HumanDecision> HumanDecisionFromName(std::string_view name) {
  for (HumanDecision decision : kDecisions) {
    if (HumanDecisionName(decision) == name) return decision;
  }
  return std::nullopt;
}

}  // namespace modbot
