// PriorSignals: what modbot remembers that bears on one post, handed to the policy
// as data.
//
// The policy never looks anything up. Whoever holds the memory (the daemon and
// `modbot check --config`, from the store) finds the post's near-copies by
// fingerprint (fingerprint.h) and fills these in; the policy turns them into
// reasons:
//
//  * a near-copy of a post a moderator removed, or of an automatic hide a moderator
//    kept, gets that post's clauses with rule "memory.near_copy" (score 0.9,
//    evidence "like post 123, removed by anne on 2026-12-01"). On its own it goes no
//    further than MemorySettings::near_copy_action (default review); it hides only
//    when the original was a hide a moderator kept and the author is new.
//  * a near-copy of a post a moderator approved or restored is never flagged again
//    for the clauses that post was flagged for: the verdict lists them in
//    Verdict::waived (rule "memory.approved_copy") instead.
//  * near-copies in MemorySettings::flood_topics topics or more, this one included,
//    by this author, or by new authors when this author is new too, are a
//    cross-post flood: spam_links when the post has links, else frivolous, with rule
//    "memory.cross_post" and the other posts as evidence.
//  * the per-forum model's signal (the daemon's learned model, bot/learned_model.h),
//    when its probability reaches ModelSettings::review_at, is a reason for its
//    clause with rule "model.<clause>", the probability as score and "model vN" as
//    evidence. It may send a post to review, never hide it: no score it adds takes
//    a verdict past review, and an approved near-copy waives its clause too.
//  * the built-in model's signal, given when the forum has no model of its own,
//    does the same from ModelSettings::built_in_review_at, with rule
//    "model.built_in" and its likeliest clause.
//
// An empty PriorSignals (the default) judges a post on its text alone, as the fuzzer
// does; `classify` and the bench hand it the built-in model's signal alone.
#ifndef MODBOT_POLICY_PRIOR_SIGNALS_H_
#define MODBOT_POLICY_PRIOR_SIGNALS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policy/clause.h"

namespace modbot {

// What a moderator made of a post.
enum class HumanDecision {
  kRemoved,   // removed a post modbot sent to review
  kKeptHide,  // kept a post modbot hid
  kApproved,  // approved a post modbot flagged, or restored one it hid
};
std::string_view HumanDecisionName(HumanDecision decision);  // "removed", "kept_hide", "approved"
std::optional<HumanDecision> HumanDecisionFromName(std::string_view name);

// A near-copy of the post that a moderator decided.
struct DecidedCopy {
  std::string post_id;
  HumanDecision decision = HumanDecision::kRemoved;
  // Removed or kept: the clauses it was removed for. Approved: the clauses modbot
  // had flagged it for, which the moderator overruled.
  std::vector<Clause> clauses;
  std::string moderator;
  std::string decided_on;  // UTC date, "2026-12-01"
  int distance = 0;        // fingerprint bits apart from the post judged
};

// A near-copy of the post, posted within the flood window.
struct RecentCopy {
  std::string post_id;
  std::string author;
  std::optional<int> author_account_age_days;  // as it was when that post was judged
  std::string topic;                           // its topic's title
};

// What a model makes of the post: the per-forum model, trained from moderators'
// decisions, gives its likeliest clause; the built-in model (bot/built_in_model.h),
// trained from the project's labelled posts, gives how likely the post is to break
// any clause, and names its likeliest clause as a guess.
struct ModelSignal {
  Clause clause = Clause::kAbusive;
  double probability = 0;
  int model_version = 0;  // as `modbot learn` numbered it
  bool built_in = false;
};

struct PriorSignals {
  std::vector<DecidedCopy> decided;  // nearest first
  std::vector<RecentCopy> recent;    // other posts than the one judged, oldest first
  std::optional<ModelSignal> model;  // none without a model, or when it sees no clause

  bool empty() const { return decided.empty() && recent.empty() && !model; }
};

}  // namespace modbot

#endif  // MODBOT_POLICY_PRIOR_SIGNALS_H_
