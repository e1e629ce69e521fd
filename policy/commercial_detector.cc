// Principle 7: promotion of commercial services or products other than City
// sponsors, affiliations or business partners.
//
// Signs of selling come in kinds, each its own lexicon: an offer ("je vends", "I
// deliver", "ma sœur donne des leçons"), a price, a way to buy or get in touch ("DM
// me for prices", "écrivez-moi en privé", or any contact channel: a phone number
// however written, an e-mail, a handle; see contact_channel.h), a deal ("knock off
// 10%", "prix d'ami"), an endorsement of a business ("tell him you're from CSL"),
// spam talk ("doctors hate", "followers"), a call to act ("click here", "reply
// YES"), urgency ("faites vite", "valid 12 hours"), a prize or promised earnings
// ("you have won", "I make $500 a day"), and the comment spammer's pair: the
// author's own channel ("on my channel", "petit youtubeur") and the plea that goes
// with it ("any support means a lot", "I'll sub back").
// One kind alone is ordinary talk: a fee, a thank-you, a question. Two kinds make
// an advertisement for a human to look at; the more kinds, the surer. A link to
// somewhere other than the City next to a sign is one more kind.
// A regular's recommendation never hides on this clause alone; a new account's ad
// with many signs may. The City's own accounts (trust level 4) announce fees,
// deadlines and phone lines as a matter of course and are not judged here.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "policy/contact_channel.h"
#include "policy/detector.h"
#include "policy/domain.h"

namespace modbot {
namespace {

constexpr std::array<std::string_view, 12> kKinds = {
    "commercial_patterns",        "commercial_price_patterns",   "commercial_contact_patterns",
    "commercial_deal_patterns",   "commercial_endorse_patterns", "commercial_hype_patterns",
    "commercial_action_patterns", "commercial_urgency_patterns", "commercial_prize_patterns",
    "commercial_audience_patterns", "commercial_own_channel_patterns", "commercial_plea_patterns",
};

// The kinds that only tell readers to act ("register now", "subscribe to",
// "don't miss"): said of the City's own services they are a public notice.
constexpr std::array<std::string_view, 2> kCallKinds = {
    "commercial_action_patterns", "commercial_urgency_patterns",
};

// Discourse's trust level 4 (leaders): the City's own accounts.
constexpr int kCityTrustLevel = 4;

// Below hide: what a resident of long standing says about a business is for a human.
// Kept well below hide so that another weak reason on the same clause cannot tip a
// review into a hide.
constexpr double kRegularCap = 0.69;

}  // namespace


void DetectCommercial(const PostView& view, Reasons* reasons) {
  // Nor is a warning about a scam link ("don't click it") an advertisement for it.
  if (view.post.author.trust_level.value_or(0) >= kCityTrustLevel ||
      view.own_hits.Has("link_warning_patterns")) {
    return;
  }
  // Links to the City's own sites, never elsewhere, or its services named ("call
  // 311", "the City's newsletter"): a resident passing on a notice, whose calls to
  // act send readers to a public service. A phone number or handle of someone
  // else's still counts.
  const std::vector<std::string> channels = FindContactChannels(view.own.folded);
  bool foreign_link = false, city_link = false;
  for (const Link& link : view.post.body.links) {
    if (link.domain.empty() || link.domain == "magnet") continue;
    const bool trusted = DomainMatches(link.domain, view.settings.trusted_domains);
    city_link |= trusted;
    foreign_link |= !trusted && !DomainMatches(link.domain, view.settings.sponsors);
  }
  const bool city_notice = (city_link || view.own_hits.Has("commercial_city_service_patterns")) &&
                           !foreign_link && channels.empty();
  int kinds = 0;
  std::vector<std::string> evidence;
  for (std::string_view kind : kKinds) {
    if (city_notice && std::find(kCallKinds.begin(), kCallKinds.end(), kind) != kCallKinds.end()) {
      continue;
    }
    const std::vector<std::string>& found = view.own_hits.Of(kind);
    if (found.empty()) continue;
    ++kinds;
    evidence.insert(evidence.end(), found.begin(), found.end());
  }
  // The same words found by two lexicons ("call now" as an action and as urgency)
  // are one sign, though each kind that found them still counts.
  evidence = DistinctMatches(evidence);
  size_t signs = std::max(evidence.size(), static_cast<size_t>(kinds));
  // A channel is a way to get in touch: one more sign of that kind, or the kind.
  const bool reachable = !channels.empty() || view.own_hits.Has("commercial_contact_patterns");
  if (!channels.empty()) {
    kinds += !view.own_hits.Has("commercial_contact_patterns");
    signs += channels.size();
    evidence.insert(evidence.begin(), channels.begin(), channels.end());
  }
  // A trade ("roofing", "garde d'enfants") is a kind of its own only with a way to
  // hire it; named alone it is a resident's recommendation.
  const std::vector<std::string>& trades = view.own_hits.Of("commercial_service_patterns");
  if (reachable && !trades.empty()) {
    ++kinds;
    ++signs;
    evidence.push_back(trades.front());
  }
  if (kinds == 0) return;
  // Thanking or mentioning a City sponsor is what the policy allows, as long as the
  // post does not also send readers somewhere else.
  if (view.own_hits.Has("config_sponsors") && !foreign_link) return;
  if (foreign_link) {
    ++kinds;
    ++signs;
  }
  // Each kind counts fully, each further sign of a kind already seen a little.
  double score = 1.0 - std::pow(0.7, kinds) * std::pow(0.85, static_cast<double>(signs - kinds));
  const bool new_account = IsNewAccount(view.post.author, view.settings.new_account_days);
  if (!new_account) score = std::min(score, kRegularCap);
  reasons->push_back({Clause::kCommercial, "commercial.signs", score, JoinEvidence(evidence)});
  if (new_account && kinds >= 3) {
    reasons->push_back({Clause::kCommercial, "commercial.new_account_ad", 0.5,
                        std::to_string(kinds) + " kinds of selling signs from a new account"});
  }
}

bool HasCommercialSigns(const PostView& view) {
  for (std::string_view kind : kKinds) {
    if (view.own_hits.Has(kind)) return true;
  }
  return false;
}

}  // namespace modbot
