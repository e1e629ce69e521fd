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

bool HasCommercialSigns(const PostView& view);  // commercial_detector.cc

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
  if (view.own_hits.Has("self_promotion_patterns")) {
    reasons->push_back({spam, "links.self_promotion", 0.55,
                        view.own_hits.First("self_promotion_patterns") + ": " + JoinEvidence(external)});
  } else if (HasCommercialSigns(view)) {
    reasons->push_back({spam, "links.promotional", 0.4, JoinEvidence(external)});
  }
}

}  // namespace modbot
