// For tests: the built-in policy, compiled once per test binary.
#ifndef MODBOT_POLICY_BUILT_IN_POLICY_FOR_TESTS_H_
#define MODBOT_POLICY_BUILT_IN_POLICY_FOR_TESTS_H_

#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "policy/policy.h"

namespace modbot {

inline const Policy& BuiltInPolicy() {
  static const std::unique_ptr<Policy> policy = [] {
    std::string error;
    std::unique_ptr<Policy> created = Policy::Create(PolicySettings::Defaults(), &error);
    INFO(error);
    REQUIRE(created != nullptr);
    return created;
  }();
  return *policy;
}

}  // namespace modbot

#endif  // MODBOT_POLICY_BUILT_IN_POLICY_FOR_TESTS_H_
