// Matching link domains against lists of domains.
#ifndef MODBOT_POLICY_DOMAIN_H_
#define MODBOT_POLICY_DOMAIN_H_

#include <string>
#include <string_view>
#include <vector>

namespace modbot {

// True if domain is one of list or a subdomain of one ("media.giphy.com" matches
// "giphy.com"). Entries without a dot (sponsor names, say) never match.
bool DomainMatches(std::string_view domain, const std::vector<std::string>& list);

// The words of a domain less its top-level domain, split at dots and hyphens:
// "csl-forum-verify.net" gives csl, forum, verify.
std::vector<std::string_view> DomainWords(std::string_view domain);

}  // namespace modbot

#endif  // MODBOT_POLICY_DOMAIN_H_
