// Principle 16: posts by fake accounts. An account's age alone proves nothing (every
// newcomer starts at day zero), so it only adds weight to what the post itself says.
#include <algorithm>

#include <re2/re2.h>

#include "policy/contact_channel.h"
#include "policy/detector.h"
#include "policy/domain.h"
#include "policy/scoring.h"

namespace modbot {
namespace {

// An advertisement (commercial_detector.cc), and a link rule of review weight
// (link_detector.cc).
constexpr double kAdvertisement = 0.5;
constexpr double kDoubtfulLink = 0.5;

// An address that speaks for the City or a public authority from a free webmail
// account ("mairie.csl.bureau@outlook.com"): whoever posts it is not who it says.
// A residents' club may well be "tennis.csl@gmail.com"; only the authority's own
// titles count.
bool ImpersonatingAddress(std::string_view address) {
  static constexpr std::string_view kAuthorities[] = {
      "mairie", "maire", "mayor", "cityhall", "hoteldeville", "ville", "city", "gouv",
      "gov",    "official", "officiel", "elections", "police", "spvm"};
  static constexpr std::string_view kWebmail[] = {"gmail", "outlook", "hotmail", "yahoo", "live",
                                                  "icloud", "aol", "proton", "protonmail", "gmx"};
  const size_t at = address.find('@');
  if (at == std::string_view::npos) return false;
  const std::vector<std::string_view> host = DomainWords(address.substr(at + 1));
  if (host.empty() || std::find(std::begin(kWebmail), std::end(kWebmail), host.front()) == std::end(kWebmail)) {
    return false;
  }
  // The local part's words, split like a domain's (whose last label DomainWords drops).
  std::string local = std::string(address.substr(0, at)) + ".x";
  std::replace(local.begin(), local.end(), '_', '-');
  for (std::string_view word : DomainWords(local)) {
    if (std::find(std::begin(kAuthorities), std::end(kAuthorities), word) != std::end(kAuthorities)) {
      return true;
    }
  }
  return false;
}

// Posts a day, averaged over the account's life, from which a new account reads as
// a bot; and the fewest posts to tell a pace from a few replies in one thread.
constexpr int kBurstPostsPerDay = 5;
constexpr int kBurstMinPosts = 10;

bool IsPostingBurst(const Author& author) {
  const int posts = author.post_count.value_or(0);
  return posts >= kBurstMinPosts && posts >= kBurstPostsPerDay * (*author.account_age_days + 1);
}

}  // namespace

void DetectFakeAccount(const PostView& view, Reasons* reasons) {
  const Clause fake = Clause::kFakeAccount;
  const Author& author = view.post.author;
  AddLexiconReason(view, "ban_evasion_patterns", fake, 0.9, reasons);

  // What scam and sock-puppet accounts write, including an e-mail address to move
  // the conversation off the forum. Phrases alone never hide: a human decides.
  std::vector<std::string> signs = view.own_hits.Of("fake_account_phrases");
  static const RE2 email(R"(([a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}))");
  std::string address;
  if (RE2::PartialMatch(view.own.folded, email, &address)) signs.push_back(address);
  // Openers of romance, sugar and crypto scams ("looking for a kind gentleman",
  // "consultez mon profil, vous ne serez pas déçus") weigh more than loose phrases.
  // Openers add to the phrases in one reason that they never raise past 0.55, so
  // that scam wording plus another weak signal still only asks a human.
  const std::vector<std::string>& scam = view.own_hits.Of("fake_scam_patterns");
  if (!signs.empty() || !scam.empty()) {
    double phrases = signs.empty() ? 0.0 : RepeatedScore(0.35, signs.size());
    double openers = scam.empty() ? 0.0 : RepeatedScore(0.5, scam.size());
    double score = std::max(phrases, std::min(0.55, 1.0 - (1.0 - phrases) * (1.0 - openers)));
    std::vector<std::string> evidence = scam;
    evidence.insert(evidence.end(), signs.begin(), signs.end());
    reasons->push_back({fake, scam.empty() ? "account.fake_phrases" : "account.scam_opener", score,
                        JoinEvidence(evidence)});
  }

  if (!address.empty() && ImpersonatingAddress(address)) {
    reasons->push_back({fake, "account.impersonated_address", 0.9, address});
  }

  // A romance-scam persona ("surgeon with the UN in Syria") that also seeks a partner
  // and moves the talk off the forum is no resident at all; one sign of it asks a human.
  const std::vector<std::string>& persona = view.own_hits.Of("fake_persona_patterns");
  if (!persona.empty()) {
    // Reaching out: a scam opener, an address, or any way to get in touch ("write
    // me", a number or handle) that an advertisement would give.
    bool reaching_out = !scam.empty() || !address.empty() ||
                        !view.own_hits.Of("fake_account_phrases").empty() ||
                        view.own_hits.Has("commercial_contact_patterns") ||
                        !FindContactChannels(view.own.folded).empty();
    std::vector<std::string> evidence = persona;
    evidence.insert(evidence.end(), scam.begin(), scam.end());
    if (!address.empty()) evidence.push_back(address);
    if (reaching_out && persona.size() >= 2) {
      reasons->push_back({fake, "account.scam_persona", 0.9, JoinEvidence(evidence)});
    } else if (ClauseScoreSoFar(*reasons, fake) == 0) {
      reasons->push_back({fake, "account.scam_persona", 0.45, JoinEvidence(evidence)});
    }
  }

  if (!IsNewAccount(author, view.settings.new_account_days)) return;
  // A new account that says so, yet claims decades of residence and loudly echoes
  // another member ("X is completely right, everyone should back her"): the shape
  // of a sock puppet. The echo without the residence claim only asks a human, and so
  // does the echo signed with a persona by an account the facts show is new
  // ("totally agree. Signed, a concerned resident"); a newcomer who says how long
  // they have lived here is just introducing themselves.
  const std::vector<std::string>& newcomer = view.own_hits.Of("fake_newcomer_patterns");
  const std::vector<std::string>& echo = view.own_hits.Of("fake_echo_patterns");
  const std::vector<std::string>& resident = view.own_hits.Of("fake_residence_patterns");
  int shape = !newcomer.empty() + !echo.empty() + !resident.empty();
  if (!echo.empty() && (!newcomer.empty() || !resident.empty())) {
    std::vector<std::string> evidence = newcomer;
    evidence.insert(evidence.end(), resident.begin(), resident.end());
    evidence.insert(evidence.end(), echo.begin(), echo.end());
    reasons->push_back({fake, "account.sock_puppet", shape == 3 ? 0.9 : 0.5,
                        JoinEvidence(evidence)});
  }
  std::string age = std::to_string(*author.account_age_days) + " days old, " +
                    std::to_string(author.post_count.value_or(0)) + " posts";
  bool brand_new = *author.account_age_days <= 1 && author.post_count.value_or(0) <= 1;
  if (ClauseScoreSoFar(*reasons, fake) > 0) {
    reasons->push_back({fake, "account.new", brand_new ? 0.25 : 0.15, age});
  }
  // A new account posting at a pace no newcomer keeps (a dozen posts on its first
  // day) is the shape of a bot or of a sock puppet seeding agreement: a human looks.
  if (IsPostingBurst(author)) {
    reasons->push_back({fake, "account.posting_burst", 0.5, age});
  }
  // A new account whose post advertises or spams (a doubtful link) is the classic
  // throwaway. Its age alone already
  // raised spam_links ("links.new_account"); that does not count.
  double selling = CombinedScore(*reasons, Clause::kCommercial) >= kAdvertisement ? 1.0 : 0.0;
  // A romance opener's "écrivez-moi en privé" reads as a weak sales sign; it is
  // judged as a scam opener above (a human decides), not as an advert.
  if (!scam.empty() && CombinedScore(*reasons, Clause::kCommercial) < 0.7) selling = 0;
  for (const Reason& reason : *reasons) {
    if (reason.clause == Clause::kSpamLinks && reason.rule != "links.new_account" &&
        reason.score >= kDoubtfulLink) {
      selling = 1.0;
    }
  }
  // So is a new account asking readers for their date of birth, their password or
  // their money.
  if (view.own_hits.Has("pii_request_patterns") || view.own_hits.Has("money_request_patterns")) {
    selling = 1.0;
  }
  if (selling > 0) {
    reasons->push_back({fake, "account.new_and_promoting", 0.9, age});
    return;
  }
  // A new account that offers drugs or sex and gives a way to reach it off the forum
  // ("text 438-…", "DM me") is a throwaway made for that.
  double soliciting = CombinedScore(*reasons, Clause::kIllegalActivity);
  for (const Reason& reason : *reasons) {
    if (reason.clause == Clause::kAbusive &&
        (reason.rule.find("sexual") != std::string::npos ||
         reason.rule.find("solicitation") != std::string::npos)) {
      soliciting = std::max(soliciting, reason.score);
    }
  }
  static const RE2 contact(
      R"(\b(?:dm|pm|text|texte|textez|message|ecris|ecrivez|call|appelle|appelez|snap|add)[- ]?(?:me|moi)\b)"
      R"(|\b(?:whatsapp|telegram|snapchat|kik)\b|\b\d{3}[ .-]\d{3}[ .-]\d{4}\b)");
  if (soliciting >= 0.5 && (!address.empty() || RE2::PartialMatch(view.own.folded, contact) ||
                            RE2::PartialMatch(view.post.body.own_text, contact))) {
    reasons->push_back({fake, "account.new_and_soliciting", 0.9, age});
  }
}

}  // namespace modbot
