// Principle 6: content that endorses, promotes or perpetuates discrimination.
//
// Naming a group is not discrimination ("as a gay senior", "je suis musulmane");
// saying that a group should be excluded, or is lesser, is. So a reason needs both a
// protected group and an exclusion close together. How close decides how sure:
// "keep the Muslims out" names the group in the exclusion itself; a group in one
// sentence and "should be banned" two sentences on may be about something else.
#include <set>
#include <string>
#include <vector>

#include "policy/detector.h"

namespace modbot {
namespace {

// Characters between a group and an exclusion for them to be read together: about
// two sentences ("... these immigrants moved in. They don't belong here").
constexpr size_t kNearby = 200;
// About one clause: the exclusion is said of the group.
constexpr size_t kTight = 80;

enum class Distance { kTight, kNear, kFar };

Distance DistanceOf(std::string_view folded, const std::string& a, const std::string& b) {
  size_t pa = folded.find(a), pb = folded.find(b);
  // Leetspeak makes a skeleton match absent from the folded text: assume near.
  if (pa == std::string_view::npos || pb == std::string_view::npos) return Distance::kNear;
  size_t gap = pa > pb ? pa - pb : pb - pa;
  if (gap <= kTight) return Distance::kTight;
  return gap <= kNearby ? Distance::kNear : Distance::kFar;
}

struct Scores {
  double tight, near, far;  // 0: no reason
};

// One reason per kind of group and kind of exclusion, from the closest pair.
void AddGroupExclusion(const PostView& view, std::string_view groups, std::string_view exclusion_lexicon,
                       Scores scores, Reasons* reasons) {
  const std::vector<std::string>& exclusions = view.own_hits.Of(exclusion_lexicon);
  double best = 0;
  std::string evidence;
  for (const std::string& group : view.own_hits.Of(groups)) {
    for (const std::string& exclusion : exclusions) {
      double score = 0;
      switch (DistanceOf(view.own.folded, group, exclusion)) {
        case Distance::kTight: score = scores.tight; break;
        case Distance::kNear: score = scores.near; break;
        case Distance::kFar: score = scores.far; break;
      }
      if (score > best) {
        best = score;
        evidence = group + " … " + exclusion;
      }
    }
  }
  if (best > 0) {
    reasons->push_back({Clause::kDiscrimination,
                        "discrimination." + std::string(groups) + "." + std::string(exclusion_lexicon),
                        best, evidence});
  }
}

// "Keep the X out", "kick the X out": discrimination when X is a protected group
// ("keep the Sikhs out of the arena"), nothing when it is the dogs ("keep the dogs
// out of the women's pool"): only a group named inside the construction counts.
void AddGroupObject(const PostView& view, Reasons* reasons) {
  const std::vector<std::string>& removals = view.own_hits.Of("discrimination_object_patterns");
  double best = 0;
  std::string evidence;
  for (const std::string& group : view.own_hits.Of("protected_groups")) {
    for (const std::string& removal : removals) {
      if (removal.find(group) != std::string::npos) {
        best = 0.9;
        evidence = group + " … " + removal;
      }
    }
  }
  if (best > 0) {
    reasons->push_back({Clause::kDiscrimination, "discrimination.protected_groups.removal", best,
                        evidence});
  }
}

// "No gays at the picnic", "pas de handicapés dans le couloir": a ban whose object
// is a protected group. A rule says the same of sexes or ages ("no men in the
// women's change room"), so alone it is for a human; with name-calling or another
// exclusion beside it ("ces légumes-là", "send them back") it is not in doubt.
void AddGroupBan(const PostView& view, Reasons* reasons) {
  const LexiconHits& hits = view.own_hits;
  std::string evidence;
  // Change rooms, swims and leagues are split by sex as a rule: a ban on men or
  // women says nothing alone.
  static const std::set<std::string> kBySex = {"men", "women", "females", "femmes", "les femmes",
                                               "hommes", "les hommes"};
  for (const std::string& group : hits.Of("protected_groups")) {
    if (kBySex.count(group)) continue;
    for (const std::string& ban : hits.Of("discrimination_ban_patterns")) {
      if (ban.find(group) != std::string::npos) evidence = group + " … " + ban;
    }
  }
  if (evidence.empty()) return;
  bool worse = hits.Has("insults") || hits.Has("abuse_name_calling_patterns") || hits.Has("slurs") ||
               hits.Has("slur_patterns") || hits.Has("exclusion_patterns") ||
               hits.Has("discrimination_object_patterns");
  reasons->push_back({Clause::kDiscrimination, "discrimination.protected_groups.ban", worse ? 0.9 : 0.75,
                      evidence});
}

}  // namespace

void DetectDiscrimination(const PostView& view, Reasons* reasons) {
  const LexiconHits& hits = view.own_hits;
  AddLexiconReason(view, "slurs", Clause::kDiscrimination, 0.9, reasons);
  AddLexiconReason(view, "slur_patterns", Clause::kDiscrimination, 0.9, reasons);
  // Coded hate ("(((they)))", "the great replacement"): a human reads the rest.
  AddLexiconReason(view, "dog_whistle_patterns", Clause::kDiscrimination, 0.6, reasons);
  AddGroupExclusion(view, "protected_groups", "exclusion_patterns", {0.9, 0.75, 0.6}, reasons);
  // "Their own hour", "like everyone else", "pendant que nous autres on paie": said of
  // a group, prejudice a human should look at; said of no group, nothing.
  AddGroupExclusion(view, "protected_groups", "discrimination_weak_patterns", {0.6, 0.55, 0}, reasons);
  AddGroupObject(view, reasons);
  AddGroupBan(view, reasons);
  // Age limits are common and often lawful (seniors' swims, youth leagues): a human
  // tells a rule from a prejudice.
  AddGroupExclusion(view, "age_groups", "exclusion_patterns", {0.6, 0.6, 0.5}, reasons);
  // "They should read in English like everyone else": language and origin, when the
  // demand comes with another sign of exclusion.
  if (hits.Has("discrimination_language_patterns") &&
      (hits.Has("discrimination_weak_patterns") || hits.Has("exclusion_patterns") ||
       hits.Has("protected_groups") || hits.Of("discrimination_language_patterns").size() > 1)) {
    reasons->push_back({Clause::kDiscrimination, "discrimination.language", 0.6,
                        JoinEvidence(hits.Of("discrimination_language_patterns"))});
  }
}

}  // namespace modbot
