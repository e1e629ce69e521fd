// Policy: judges one post against the City's sixteen principles.
//
//   PolicySettings settings = PolicySettings::Defaults();   // or from config.toml
//   std::string error;
//   auto policy = Policy::Create(settings, &error);         // nullptr + error if bad
//   Verdict verdict = policy->Judge(post);
//
// Judge() is pure and const: no I/O, no clock, no shared mutable state, so one
// Policy may serve any number of threads. Every verdict says why (see verdict.h).
//
// The author's own words decide. Quoted text counts only when nothing shows that
// someone else wrote it (it is not in the post replied to) and the author adds
// next to nothing of their own (fewer than kMaxWordsForBareQuote words): then
// abuse, threats, discrimination, harassment, illegal activity or public-safety
// leaks in it send the post to review, never to hide, with rules named "quote.*".
// Quoting a bad post to object to it stays allowed; posting an insult wrapped in
// "> " does not pass unseen.
#ifndef MODBOT_POLICY_POLICY_H_
#define MODBOT_POLICY_POLICY_H_

#include <memory>
#include <string>

#include "policy/post.h"
#include "policy/policy_settings.h"
#include "policy/verdict.h"

namespace modbot {

class Policy {
 public:
  // Compiles the built-in lexicons together with the settings' lists and rules.
  // Returns nullptr with a message in *error when a custom rule is invalid (an RE2
  // pattern that does not compile, a word with no letters).
  static std::unique_ptr<Policy> Create(PolicySettings settings, std::string* error);

  ~Policy();
  Policy(const Policy&) = delete;
  Policy& operator=(const Policy&) = delete;

  // The post's text judged, then reworked with what modbot remembers of its
  // near-copies (post.prior, see prior_signals.h).
  Verdict Judge(const Post& post) const;

  const PolicySettings& settings() const;

 private:
  struct Compiled;
  explicit Policy(std::unique_ptr<Compiled> compiled);
  // The author's own words and their quotes, without post.prior.
  Verdict JudgeText(const Post& post) const;
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace modbot

#endif  // MODBOT_POLICY_POLICY_H_
