#include "policy/verdict.h"

namespace modbot {

std::string_view ActionName(Action action) {
  switch (action) {
    case Action::kAllow: return "allow";
    case Action::kReview: return "review";
    case Action::kHide: return "hide";
  }
  return "allow";
}

std::optional<Action> ActionFromName(std::string_view name) {
  if (name == "allow") return Action::kAllow;
  if (name == "review") return Action::kReview;
  if (name == "hide") return Action::kHide;
  return std::nullopt;
}

}  // namespace modbot
