// For tests: the built-in policy, compiled once per test binary.
#ifndef MODBOT_POLICY_BUILT_IN_POLICY_FOR_TESTS_H_
#define MODBOT_POLICY_BUILT_IN_POLICY_FOR_TESTS_H_

#include <algorithm>
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

// A verdict on one line for a test's message: the action, then each reason's rule,
// score and evidence.
inline std::string VerdictSummary(const Verdict& verdict) {
  std::string out(ActionName(verdict.action));
  for (const Reason& reason : verdict.reasons) {
    out += " " + reason.rule + "=" + std::to_string(reason.score) + " [" + reason.evidence + "]";
  }
  return out;
}

inline bool VerdictHasClause(const Verdict& verdict, Clause clause) {
  return std::find(verdict.clauses.begin(), verdict.clauses.end(), clause) != verdict.clauses.end();
}

}  // namespace modbot

#endif  // MODBOT_POLICY_BUILT_IN_POLICY_FOR_TESTS_H_
