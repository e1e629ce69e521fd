// Principle 12: spam or irrelevant external links. The bot never fetches a link; it
// judges only what the link says about itself and who posted it.
#include "policy/detector.h"
#include "policy/domain.h"
#include "policy/lexicon.h"

namespace modbot {
namespace {

const std::vector<std::string>& Shorteners() {
  static const std::vector<std::string> list = LexiconEntries(LexiconText("shortener_domains"));
  return list;
}

// Video and social hosts: a clip shared to argue a side is rarely the topic's.
const std::vector<std::string>& VideoHosts() {
  static const std::vector<std::string> list = LexiconEntries(LexiconText("links_video_domains"));
  return list;
}

bool HasSpamTld(std::string_view domain) {
  static const std::vector<std::string> tlds = LexiconEntries(LexiconText("spam_tld_domains"));
  size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string_view tld = domain.substr(dot + 1);
  for (const std::string& bad : tlds) {
    if (tld == bad) return true;
  }
  return false;
}

}  // namespace


bool IsNewAccount(const Author& author, int new_account_days) {
  return author.account_age_days && *author.account_age_days < new_account_days;
}

bool IsTrustedLink(const Link& link, const PolicySettings& settings) {
  return DomainMatches(link.domain, settings.trusted_domains) ||
         DomainMatches(link.domain, settings.sponsors);
}

void DetectLinks(const PostView& view, Reasons* reasons) {
  std::vector<std::string> shortened, spammy, external;
  for (const Link& link : view.post.body.links) {
    if (link.domain.empty() || link.domain == "magnet" || IsTrustedLink(link, view.settings)) {
      continue;
    }
    if (DomainMatches(link.domain, Shorteners())) {
      shortened.push_back(link.url);
    } else if (HasSpamTld(link.domain)) {
      spammy.push_back(link.url);
    }
    external.push_back(link.url);
  }
  if (external.empty()) return;

  const Clause spam = Clause::kSpamLinks;
  if (!shortened.empty()) {
    reasons->push_back({spam, "links.shortener", RepeatedScore(0.7, shortened.size()),
                        JoinEvidence(shortened)});
  }
  if (!spammy.empty()) {
    reasons->push_back({spam, "links.spam_domain", RepeatedScore(0.6, spammy.size()),
                        JoinEvidence(spammy)});
  }
  if (IsNewAccount(view.post.author, view.settings.new_account_days)) {
    reasons->push_back({spam, "links.new_account", 0.5, JoinEvidence(external)});
  }
  if (view.word_count <= 2) {
    reasons->push_back({spam, "links.link_only", 0.5, JoinEvidence(external)});
  }
  // A video or clip sent round in support of a party or candidate is the campaign's
  // link, not the topic's: a human looks. Elections Québec and Elections Canada are
  // trusted domains and never get here.
  const LexiconHits& hits = view.own_hits;
  if (!hits.Has("election_authority") &&
      (hits.Has("party_terms") || hits.Has("candidate_patterns") ||
       hits.Has("politics_campaign_patterns") || hits.Has("politics_partisan_patterns"))) {
    std::vector<std::string> videos;
    for (const Link& link : view.post.body.links) {
      if (DomainMatches(link.domain, VideoHosts())) videos.push_back(link.url);
    }
    if (!videos.empty()) {
      reasons->push_back({spam, "links.political_video", 0.55, JoinEvidence(videos)});
    }
  }
  if (view.own_hits.Has("self_promotion_patterns")) {
    reasons->push_back({spam, "links.self_promotion", 0.55,
                        view.own_hits.First("self_promotion_patterns") + ": " + JoinEvidence(external)});
  } else if (HasCommercialSigns(view)) {
    reasons->push_back({spam, "links.promotional", 0.4, JoinEvidence(external)});
  }
}

}  // namespace modbot
