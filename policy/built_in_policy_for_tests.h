// For tests: the built-in policy, compiled once per test binary.
#ifndef MODBOT_POLICY_BUILT_IN_POLICY_FOR_TESTS_H_
#define MODBOT_POLICY_BUILT_IN_POLICY_FOR_TESTS_H_

#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "policy/body_parser.h"
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

// A plain-text post by a long-standing member in a general City topic, judged by
// the built-in policy.
inline Verdict JudgeNeighbourPost(const std::string& text) {
  Post post;
  post.id = "neighbour-post";
  post.format = Format::kPlain;
  post.body = ParsePostBody(text, Format::kPlain);
  post.topic = {"Parks, pools and City services", "General"};
  post.author.username = "neighbour";
  post.author.account_age_days = 900;
  post.author.post_count = 40;
  return BuiltInPolicy().Judge(post);
}

}  // namespace modbot

#endif  // MODBOT_POLICY_BUILT_IN_POLICY_FOR_TESTS_H_
