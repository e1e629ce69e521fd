// Detectors: the named rules that turn a post into scored evidence.
//
// Judging a post happens in two passes. First the post is normalised and every
// lexicon is scanned at once (LexiconScanner, one RE2::Set pass per text). Then each
// detector reads that PostView and appends Reasons: a clause, the rule's name, a
// score in 0..1 and the evidence. Detectors never decide an action; scoring.h does.
#ifndef MODBOT_POLICY_DETECTOR_H_
#define MODBOT_POLICY_DETECTOR_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "policy/normalizer.h"
#include "policy/policy_settings.h"
#include "policy/post.h"
#include "policy/verdict.h"

namespace modbot {

// Which lexicon entries a text contains, by lexicon name (the file name under
// policy/lexicons/ without ".txt").
class LexiconHits {
 public:
  void Add(const std::string& lexicon, std::string evidence);
  bool Has(std::string_view lexicon) const;
  // The matched texts of one lexicon, in order found; empty if none.
  const std::vector<std::string>& Of(std::string_view lexicon) const;
  // The first match of a lexicon, or "".
  std::string First(std::string_view lexicon) const;
  // The lexicons with a match, sorted.
  std::vector<std::string_view> Names() const;

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> hits_;
};

// Everything detectors may look at, computed once per post.
struct PostView {
  const Post& post;
  const PolicySettings& settings;
  NormalizedText own;      // the author's own words
  NormalizedText context;  // what the post answers: topic title, replied-to text, quotes
  LexiconHits own_hits;
  LexiconHits context_hits;
  std::string lang;        // "en" or "fr"
  int word_count = 0;      // words in the author's own text, links excluded
};

using Reasons = std::vector<Reason>;

// One detector per family of clauses; each is a pure function of the view. The
// reasons found so far are passed in so that later detectors can build on earlier
// ones (a threat aimed at a City employee is also staff harassment).
using DetectorFn = void (*)(const PostView& view, Reasons* reasons);

void DetectAbuse(const PostView& view, Reasons* reasons);           // abusive
void DetectThreats(const PostView& view, Reasons* reasons);         // threat
void DetectDiscrimination(const PostView& view, Reasons* reasons);  // discrimination
void DetectTargetedHarm(const PostView& view, Reasons* reasons);    // 3-6 by target x predicate
void DetectStaffHarassment(const PostView& view, Reasons* reasons); // staff_harassment
void DetectCommercial(const PostView& view, Reasons* reasons);      // commercial
void DetectPolitics(const PostView& view, Reasons* reasons);        // candidate, municipal, partisan
void DetectIllegalActivity(const PostView& view, Reasons* reasons); // illegal_activity
void DetectLinks(const PostView& view, Reasons* reasons);           // spam_links
void DetectFrivolous(const PostView& view, Reasons* reasons);       // frivolous
void DetectPublicSafety(const PostView& view, Reasons* reasons);    // public_safety
void DetectOwnership(const PostView& view, Reasons* reasons);       // ownership
void DetectRelevance(const PostView& view, Reasons* reasons);       // off_topic, not_relevant
void DetectFakeAccount(const PostView& view, Reasons* reasons);     // fake_account; runs last

// The matches of a lexicon less those that repeat another: the same words found by
// two entries ("sans-dessein" and "sans dessein", "nono" inside "gros nono") are one
// piece of evidence, not two.
std::vector<std::string> DistinctMatches(const std::vector<std::string>& matches);

// Appends one reason for the distinct matches of lexicon in the author's own words,
// scored with RepeatedScore. Returns whether there was any.
bool AddLexiconReason(const PostView& view, std::string_view lexicon, Clause clause,
                      double score, Reasons* reasons);

// The score of a rule that matched count distinct times.
double RepeatedScore(double score, size_t count);

// Up to three matches, comma-separated, for a reason's evidence.
std::string JoinEvidence(const std::vector<std::string>& matches);

// Whether the author's account is younger than new_account_days; unknown is not new.
bool IsNewAccount(const Author& author, int new_account_days);

// Whether a link goes to a trusted domain or a sponsor's.
bool IsTrustedLink(const Link& link, const PolicySettings& settings);

// Scales down the reasons for clause appended since index from, if together they
// score more than cap, keeping their order and names: review-level evidence stays
// review even when another detector adds a weak reason of its own.
void CapClauseScore(Reasons* reasons, size_t from, Clause clause, double cap);

// Whether the author's own words carry any sign of selling (commercial_detector.cc).
bool HasCommercialSigns(const PostView& view);

// The highest score among reasons for clause so far, 0 if none.
double ClauseScoreSoFar(const Reasons& reasons, Clause clause);

}  // namespace modbot

#endif  // MODBOT_POLICY_DETECTOR_H_
