// Principles 8, 9 and 10: promotion of political candidates, discussion of
// municipal election campaigns, and discussion of provincial or federal politics
// except general information from Elections Québec and Elections Canada.
//
// All three are capped at review by default (policy_settings.cc): they are matters
// a moderator should weigh, not words a machine should remove.
#include <set>

#include <re2/re2.h>

#include "policy/detector.h"
#include "policy/domain.h"

namespace modbot {
namespace {

// "Vote for Sarah Kline", "votez pour Chantal Boivin", "Support David Mercier":
// a call to back someone named with capitals. Run on the original text, since
// capitals are what tell a name from "votez pour le budget".
const RE2& EndorsementPattern() {
  static const RE2 pattern(
      R"((?:[Vv]ote for|[Vv]otez pour|[Vv]otez|[Ss]upport|[Aa]ppuyez|[Rr]éélisez|[Rr]e-?elect|[Ee]lect|[Éé]lisez|behind) )"
      R"((?:[Cc]ouncillor |[Cc]onseill\w+ |[Mm]ayor |[Mm]adame |[Mm]onsieur |Mr\.? |Mrs\.? |Ms\.? )?)"
      R"((\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)+))");
  return pattern;
}

// "Ruth Greenbaum for mayor", "Paul Roy pour maire": a name put forward for a seat.
const RE2& NameForSeatPattern() {
  static const RE2 pattern(
      R"((\p{Lu}[\p{L}'’-]+ \p{Lu}[\p{L}'’-]+) (?:for|pour) (?:mayor|maire|mairesse|council|conseill\w+|MP|MNA|député\w*|premier ministre|prime minister))");
  return pattern;
}

bool CitesElectionAuthority(const PostView& view) {
  static const std::vector<std::string> kAuthorities = {"elections.ca", "electionsquebec.qc.ca"};
  if (view.own_hits.Has("election_authority")) return true;
  for (const Link& link : view.post.body.links) {
    if (DomainMatches(link.domain, kAuthorities)) return true;
  }
  return false;
}

void DetectCandidatePromotion(const PostView& view, Reasons* reasons) {
  std::string named;
  if (RE2::PartialMatch(view.post.body.own_text, EndorsementPattern(), &named) ||
      RE2::PartialMatch(view.post.body.own_text, NameForSeatPattern(), &named)) {
    reasons->push_back({Clause::kCandidatePromotion, "politics.endorsement", 0.6, named});
  }
  const LexiconHits& hits = view.own_hits;
  AddLexiconReason(view, "candidate_patterns", Clause::kCandidatePromotion, 0.55, reasons);
  if (hits.Has("config_candidates") && hits.Has("municipal_context")) {
    reasons->push_back({Clause::kCandidatePromotion, "politics.known_candidate", 0.55,
                        hits.First("config_candidates")});
  }
  double promotion = ClauseScoreSoFar(*reasons, Clause::kCandidatePromotion);
  if (promotion < 0.5) return;
  // A candidate is in some race: a provincial or federal one if the post says so,
  // otherwise, on a City forum, the municipal one.
  if (hits.Has("political_level") || hits.Has("party_terms")) {
    reasons->push_back({Clause::kPartisanPolitics, "politics.candidate_level", promotion,
                        JoinEvidence(hits.Of("political_level"))});
  } else {
    reasons->push_back({Clause::kMunicipalCampaign, "politics.municipal_candidate", promotion,
                        "candidate in the municipal race"});
  }
}

void DetectMunicipalCampaign(const PostView& view, Reasons* reasons) {
  AddLexiconReason(view, "municipal_campaign_terms", Clause::kMunicipalCampaign, 0.55, reasons);
  if (CitesElectionAuthority(view)) return;
  const std::vector<std::string>& context = view.own_hits.Of("municipal_context");
  std::set<std::string> distinct(context.begin(), context.end());
  // Election words are everyday words one at a time ("vote", "team", "this fall");
  // several together, or in reply to a campaign post, make campaign talk.
  if (distinct.size() >= 3 ||
      (!context.empty() && view.context_hits.Has("municipal_campaign_terms"))) {
    reasons->push_back({Clause::kMunicipalCampaign, "politics.campaign_talk", 0.5,
                        JoinEvidence(context)});
  }
}

void DetectPartisanPolitics(const PostView& view, Reasons* reasons) {
  bool parties = AddLexiconReason(view, "party_terms", Clause::kPartisanPolitics, 0.55, reasons);
  // Where and when to vote, as Elections Québec or Elections Canada say, is allowed.
  if (!parties && CitesElectionAuthority(view)) return;
  AddLexiconReason(view, "election_terms", Clause::kPartisanPolitics, 0.3, reasons);
}

}  // namespace

void DetectPolitics(const PostView& view, Reasons* reasons) {
  DetectCandidatePromotion(view, reasons);
  DetectMunicipalCampaign(view, reasons);
  DetectPartisanPolitics(view, reasons);
}

}  // namespace modbot
