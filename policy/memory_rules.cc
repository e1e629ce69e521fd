#include "policy/memory_rules.h"

#include <algorithm>
#include <set>

#include "policy/detector.h"
#include "policy/scoring.h"

namespace modbot {

namespace {

// The weight of a moderator's decision on a near-copy, and of a flood: enough to
// flag on its own; whether it may hide is MemorySettings' call, not the score's.
constexpr double kMemoryScore = 0.9;

// The other posts named in a flood's evidence.
constexpr size_t kFloodEvidencePosts = 3;

std::string Evidence(const DecidedCopy& copy) {
  const char* what = copy.decision == HumanDecision::kApproved   ? "approved"
                     : copy.decision == HumanDecision::kKeptHide ? "hidden by modbot, kept"
                                                                 : "removed";
  return "like post " + copy.post_id + ", " + what + " by " + copy.moderator + " on " +
         copy.decided_on;
}

bool Has(const std::vector<Reason>& reasons, Clause clause) {
  return std::any_of(reasons.begin(), reasons.end(),
                     [&](const Reason& r) { return r.clause == clause; });
}

// One "memory.near_copy" reason per clause of the removed or kept near-copies, from
// the nearest.
Reasons NearCopyReasons(const PriorSignals& prior) {
  Reasons reasons;
  for (const DecidedCopy& copy : prior.decided) {
    if (copy.decision == HumanDecision::kApproved) continue;
    for (Clause clause : copy.clauses) {
      if (!Has(reasons, clause)) {
        reasons.push_back({clause, "memory.near_copy", kMemoryScore, Evidence(copy)});
      }
    }
  }
  return reasons;
}

// The approvals of near-copies, one "memory.approved_copy" reason per clause.
Reasons Approvals(const PriorSignals& prior) {
  Reasons approvals;
  for (const DecidedCopy& copy : prior.decided) {
    if (copy.decision != HumanDecision::kApproved) continue;
    for (Clause clause : copy.clauses) {
      if (!Has(approvals, clause)) approvals.push_back({clause, "memory.approved_copy", 0,
                                                        Evidence(copy)});
    }
  }
  return approvals;
}

// The near-copies in other topics that make post part of a flood, or none: by its
// own author, or by new authors when its author is new too.
std::vector<const RecentCopy*> FloodCopies(const Post& post, const PolicySettings& settings) {
  const bool author_is_new = IsNewAccount(post.author, settings.new_account_days);
  std::vector<const RecentCopy*> copies;
  std::set<std::string> topics, authors = {post.author.username};
  for (const RecentCopy& copy : post.prior.recent) {
    if (copy.topic == post.topic.title) continue;
    const bool same_author = copy.author == post.author.username;
    const bool new_author =
        IsNewAccount({copy.author, copy.author_account_age_days, {}, {}}, settings.new_account_days);
    if (!same_author && !(author_is_new && new_author)) continue;
    copies.push_back(&copy);
    topics.insert(copy.topic);
    authors.insert(copy.author);
  }
  const bool flood = static_cast<int>(topics.size()) + 1 >= settings.memory.flood_topics &&
                     (authors.size() == 1 || author_is_new);
  if (!flood) copies.clear();
  return copies;
}

Reasons FloodReasons(const Post& post, const PolicySettings& settings) {
  const std::vector<const RecentCopy*> copies = FloodCopies(post, settings);
  if (copies.empty()) return {};
  std::string evidence = "also posted as";
  for (size_t i = 0; i < copies.size() && i < kFloodEvidencePosts; ++i) {
    evidence += (i ? "; " : " ") + copies[i]->post_id + " by " + copies[i]->author + " in \"" +
                copies[i]->topic + "\"";
  }
  if (copies.size() > kFloodEvidencePosts) {
    evidence += "; and " + std::to_string(copies.size() - kFloodEvidencePosts) + " more";
  }
  const Clause clause = post.body.links.empty() ? Clause::kFrivolous : Clause::kSpamLinks;
  return {{clause, "memory.cross_post", kMemoryScore, evidence}};
}

// The most memory's reasons may do on their own.
Action MemoryCap(const Post& post, const PolicySettings& settings, const Reasons& near_copies,
                 const Reasons& floods) {
  const MemorySettings& memory = settings.memory;
  Action cap = Action::kAllow;
  if (!near_copies.empty()) cap = memory.near_copy_action;
  const bool kept_hide_copy = std::any_of(
      post.prior.decided.begin(), post.prior.decided.end(),
      [](const DecidedCopy& c) { return c.decision == HumanDecision::kKeptHide; });
  if (kept_hide_copy && memory.hide_copies_of_kept_hides &&
      IsNewAccount(post.author, settings.new_account_days)) {
    cap = Action::kHide;
  }
  if (!floods.empty()) cap = std::max(cap, memory.flood_action);
  return cap;
}

// The model's signal as a reason when it is sure enough: "model.abusive 0.87 model
// v3", or "model.built_in 0.99 built-in model; which principle is a guess: abusive"
// (its guess was right for 10 of the 21 violations only it flagged in dev2-aside).
Reasons ModelReasons(const PriorSignals& prior, const ModelSettings& settings) {
  if (!prior.model) return {};
  const ModelSignal& signal = *prior.model;
  const std::string clause(ClauseId(signal.clause));
  if (signal.built_in) {
    if (signal.probability < settings.built_in_review_at) return {};
    return {{signal.clause, "model.built_in", signal.probability,
             "built-in model; which principle is a guess: " + clause}};
  }
  if (signal.probability < settings.review_at) return {};
  return {{signal.clause, "model." + clause, signal.probability,
           "model v" + std::to_string(signal.model_version)}};
}

Reasons Without(Reasons reasons, const Reasons& waived) {
  std::erase_if(reasons, [&](const Reason& r) { return Has(waived, r.clause); });
  return reasons;
}

}  // namespace

void ApplyPriorSignals(const Post& post, const PolicySettings& settings, Verdict* verdict) {
  if (post.prior.empty()) return;
  const Reasons near_copies = NearCopyReasons(post.prior);
  const Reasons floods = FloodReasons(post, settings);
  const Reasons model = ModelReasons(post.prior, settings.model);

  // An approval waives only what would otherwise have been held against the post.
  const Reasons approvals = Approvals(post.prior);
  Reasons waived;
  for (const Reason& approval : approvals) {
    if (Has(verdict->reasons, approval.clause) || Has(near_copies, approval.clause) ||
        Has(floods, approval.clause) || Has(model, approval.clause)) {
      waived.push_back(approval);
    }
  }

  // What the text alone still says once the waived clauses are gone; never more
  // than it said before (a quoted insult goes to review, not further).
  Verdict text_only;
  ScoreReasons(Without(verdict->reasons, waived), settings, &text_only);
  const Action text_action = std::min(text_only.action, verdict->action);

  Reasons all = text_only.reasons;
  for (const Reasons* memory : {&near_copies, &floods}) {
    Reasons kept = Without(*memory, waived);
    all.insert(all.end(), kept.begin(), kept.end());
  }
  Verdict remembered;
  ScoreReasons(all, settings, &remembered);
  verdict->action =
      std::max(text_action,
               std::min(remembered.action, MemoryCap(post, settings, near_copies, floods)));

  // The built-in model's clause is only a guess: a near-copy a moderator approved
  // waives its signal whatever clause it guessed this time. Only its own reason: the
  // text's rules for that clause were weighed above.
  const bool guess_waived = !model.empty() && post.prior.model->built_in && !approvals.empty();
  if (guess_waived && !Has(waived, model.front().clause)) {
    waived.push_back({model.front().clause, "memory.approved_copy", 0, approvals.front().evidence});
  }
  // The model's reason joins the evidence but takes the verdict no further than
  // review, whatever it adds to a clause's score.
  const Reasons model_kept = guess_waived ? Reasons{} : Without(model, waived);
  all.insert(all.end(), model_kept.begin(), model_kept.end());
  Verdict judged;
  ScoreReasons(all, settings, &judged);
  if (!model_kept.empty()) {
    verdict->action = std::max(verdict->action, std::min(judged.action, Action::kReview));
  }
  verdict->clauses = std::move(judged.clauses);
  verdict->reasons = std::move(judged.reasons);
  verdict->waived = std::move(waived);
}

}  // namespace modbot
