// Principle 12: spam or irrelevant external links. The bot never fetches a link; it
// judges only what the link says about itself and who posted it: a shortener that
// hides where it goes, a top-level domain that nearly always carries spam, a
// domain that borrows an official name to phish, a program to download, a link
// written so that it is not a link ("hxxp://site[.]xyz", "site point com"), a
// burst of links, a link named for what spam sells, and an author too new to know.
#include <algorithm>

#include <re2/re2.h>

#include "policy/body_parser.h"
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

std::string_view TopLevelDomain(std::string_view domain) {
  size_t dot = domain.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : domain.substr(dot + 1);
}

bool IsOneOf(std::string_view word, const std::vector<std::string>& list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool HasSpamTld(std::string_view domain) {
  static const std::vector<std::string> tlds = LexiconEntries(LexiconText("spam_tld_domains"));
  return IsOneOf(TopLevelDomain(domain), tlds);
}

// A domain that borrows an official name ("snowmap-csl.info.kz",
// "canadapost-redelivery.help") with a login word or an unusual top-level domain.
// The real ones are trusted and never get here.
// The login word may be in the path instead ("deneigement-csl.info/connexion").
bool ImpersonatesOfficialSite(const Link& link) {
  static const std::vector<std::string> names = LexiconEntries(LexiconText("links_impersonated_list"));
  static const std::vector<std::string> phishing = LexiconEntries(LexiconText("links_phishing_list"));
  const std::string_view domain = link.domain;
  bool official = false, asks_login = false;
  for (std::string_view word : DomainWords(domain)) {
    official |= IsOneOf(word, names);
    asks_login |= IsOneOf(word, phishing);
  }
  const size_t scheme = link.url.find("://");
  const size_t after_host = link.url.find_first_of("/?#", scheme == std::string::npos ? 0 : scheme + 3);
  const std::string path =
      after_host == std::string::npos ? "" : Normalize(std::string_view(link.url).substr(after_host)).skeleton;
  for (const std::string& word : phishing) {
    asks_login |= path.find(" " + word + " ") != std::string::npos;
  }
  // A country far from here ("info.kz") is as odd as a spam top-level domain.
  const std::string_view tld = TopLevelDomain(domain);
  const bool far_country = tld.size() == 2 && !IsOneOf(tld, {"ca", "us", "fr", "uk", "be", "ch"});
  return official && (asks_login || far_country || HasSpamTld(domain));
}

// A link whose words show one address and whose target is another
// ("[url=http://collecte-horaire.xyz]www.cotesaintluc.org[/url]"): made to deceive.
bool ShowsAnotherAddress(const Link& link) {
  static const RE2 shown(R"((?i)^\s*(?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?:[/?#]\S*)?\s*$)");
  std::string host;
  if (link.text == link.url || !RE2::FullMatch(link.text, shown, &host)) return false;
  std::transform(host.begin(), host.end(), host.begin(),
                 [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  return !DomainMatches(host, {link.domain}) && !DomainMatches(link.domain, {host});
}

// A program to run, not a page to read.
bool IsExecutable(std::string_view url) {
  url = url.substr(0, url.find_first_of("?#"));
  size_t dot = url.rfind('.');
  if (dot == std::string_view::npos || url.find('/') == std::string_view::npos) return false;
  std::string extension(url.substr(dot + 1));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  return IsOneOf(extension, {"exe", "apk", "scr", "msi", "bat", "cmd", "jar", "vbs", "dmg", "ps1"});
}

// A link named for what spam sells, by its domain or the words shown for it.
bool NamesSpamGoods(const Link& link) {
  static const std::vector<std::string> goods = LexiconEntries(LexiconText("links_goods_list"));
  for (std::string_view word : DomainWords(link.domain)) {
    if (IsOneOf(word, goods)) return true;
  }
  const std::string text = Normalize(link.text).skeleton;
  for (const std::string& word : goods) {
    if (text.find(" " + word + " ") != std::string::npos) return true;
  }
  return false;
}

// Links written so that they are not links: "hxxp://", "h t t p s://", "ht7p://",
// "site[.]xyz", "(dot)", "eau-pure point com". Matched on folded text. A scheme
// spelt right is a link the body parser has found already (DefangedLinks skips it).
const RE2& DefangedLinkPattern() {
  static const RE2 pattern(
      R"((h+[ ._*-]?[tx7]+[ ._*-]?[tx7]+[ ._*-]?p+(?:[ ._*-]?[s5]+)?://[^\s]+)"
      R"(|\b[a-z0-9][a-z0-9-]*(?:(?:\[\.\]|\(\.\)|\[dot\]|\(dot\))[a-z0-9-]+)*(?:\[\.\]|\(\.\)|\[dot\]|\(dot\))[a-z]{2,6}\b[^\s]*)"
      // Spelled out, only after a name with a hyphen or a digit and before a
      // top-level domain that is no French word ("à ce point ça", "un point net",
      // "the dot com bubble" are not links).
      R"(|\b[a-z0-9]+[-0-9][a-z0-9-]*(?: dot | point )(?:com|net|org|info|biz|xyz|fr|shop|online|site|top|live|club)\b(?:/[^\s]*)?))");
  return pattern;
}

// The links hidden that way, refanged ("hxxp://a[.]xyz/x" is http://a.xyz/x,
// "h t t p s://a.xyz" https://a.xyz).
std::vector<Link> DefangedLinks(std::string_view folded) {
  std::vector<Link> links;
  re2::StringPiece input(folded.data(), folded.size());
  std::string written;
  while (RE2::FindAndConsume(&input, DefangedLinkPattern(), &written)) {
    if (written.starts_with("http://") || written.starts_with("https://")) continue;
    std::string url = written;
    RE2::GlobalReplace(&url, R"(\[\.\]|\(\.\)|\[dot\]|\(dot\)| dot | point )", ".");
    RE2::Replace(&url, R"(^[^:]*[s5]://)", "https://") || RE2::Replace(&url, R"(^[^:]*://)", "http://");
    std::string domain = DomainOfUrl(url);
    // "h.t.t.p.s://c o t e s a i n t l u c.org": too broken to tell where it goes.
    if (domain.find('.') == std::string::npos) continue;
    links.push_back(Link{url, std::move(domain), written});
  }
  return links;
}

// Letters parted by dots in a host are one word to a reader:
// "k.i.c.k.a.s.s-torrents.to" is kickass-torrents.to, "canadapost-r.e.d.e.l.i.v.e.r.y.help"
// canadapost-redelivery.help, "www.s.h.o.p.com" www.shop.com. A run of two
// single-letter labels or more joins the word it was cut from ("-r", "s-"), or else
// stands as one label.
std::string JoinDottedLetters(std::string_view domain) {
  std::vector<std::string> labels;
  for (size_t i = 0; i <= domain.size();) {
    const size_t end = std::min(domain.find('.', i), domain.size());
    labels.emplace_back(domain.substr(i, end - i));
    i = end + 1;
  }
  auto single = [](const std::string& label) { return label.size() == 1 && label[0] >= 'a' && label[0] <= 'z'; };
  std::vector<std::string> read;
  for (size_t i = 0; i < labels.size();) {
    size_t run = i;
    while (run < labels.size() && single(labels[run])) ++run;
    if (run - i < 2) {
      read.push_back(labels[i]);
      ++i;
      continue;
    }
    std::string word;
    for (size_t k = i; k < run; ++k) word += labels[k];
    auto cut_at = [](const std::string& label, size_t at) { return label.size() > 2 && label[at] == '-'; };
    if (!read.empty() && cut_at(read.back(), read.back().size() - 2)) {
      read.back() += word;
    } else if (run < labels.size() && cut_at(labels[run], 1)) {
      labels[run] = word + labels[run];
    } else {
      read.push_back(word);
    }
    i = run;
  }
  std::string out;
  for (const std::string& label : read) out += (out.empty() ? "" : ".") + label;
  return out;
}

// A host as a reader reads it: letters parted by dots are one word
// (JoinDottedLetters), a digit between two letters is the letter it looks like
// ("canadapost-redeliv3ry", "sh0p"), and a letter written three times or more is
// one ("storeee"; "www" stays). Only what the link says of itself is
// judged on this reading, never whether it is trusted.
std::string ReadHost(std::string_view domain) {
  auto is_letter = [](char c) { return c >= 'a' && c <= 'z'; };
  std::string unleet = JoinDottedLetters(domain);
  for (size_t i = 1; i + 1 < unleet.size(); ++i) {
    const char letter = LeetLetter(unleet[i]);
    if (letter && is_letter(unleet[i - 1]) && is_letter(unleet[i + 1])) unleet[i] = letter;
  }
  return WithStretchedRuns(unleet, 1);
}

// The link with its host as a reader reads it; its address stays as written, for
// the evidence.
Link AsRead(const Link& link) {
  Link read = link;
  read.domain = ReadHost(link.domain);
  return read;
}

// Discourse's trust level 2 (members): earned by months of reading and posting,
// never by a throwaway.
constexpr int kMemberTrustLevel = 2;

// A link to an unknown site (not trusted, not a video host) sold with a pitch (a
// windfall, a miracle, a prize) and a call to act or get in touch, by someone who
// is not an established member and vouches for no business of their own: comment
// spam that no moderator would keep. A resident's recommendation names a business
// ("they were great") and is judged by DetectCommercial alone.
bool IsSalesPitch(const PostView& view, const std::vector<Link>& unknown) {
  const LexiconHits& hits = view.own_hits;
  const bool pitch = hits.Has("commercial_prize_patterns") || hits.Has("commercial_hype_patterns");
  const bool call = hits.Has("commercial_action_patterns") || hits.Has("commercial_urgency_patterns") ||
                    hits.Has("commercial_contact_patterns") || hits.Has("link_lure_patterns");
  const bool member = view.post.author.trust_level.value_or(0) >= kMemberTrustLevel;
  return pitch && call && !member && !hits.Has("commercial_endorse_patterns") &&
         std::any_of(unknown.begin(), unknown.end(),
                     [](const Link& link) { return !DomainMatches(link.domain, VideoHosts()); });
}

// Three links or more to places other than trusted ones, with hardly a word for
// each: a post made for its links. A resident citing three sources says more.
constexpr size_t kBurstLinks = 3;
constexpr int kWordsPerBurstLink = 4;

}  // namespace


bool IsNewAccount(const Author& author, int new_account_days) {
  return author.account_age_days && *author.account_age_days < new_account_days;
}

bool IsTrustedLink(const Link& link, const PolicySettings& settings) {
  return DomainMatches(link.domain, settings.trusted_domains) ||
         DomainMatches(link.domain, settings.sponsors);
}

void DetectLinks(const PostView& view, Reasons* reasons) {
  // The post's links, then those written so as not to be links.
  std::vector<Link> links = view.post.body.links;
  const std::vector<Link> defanged = DefangedLinks(view.own.folded);
  links.insert(links.end(), defanged.begin(), defanged.end());
  std::vector<std::string> shortened, spammy, external, impostors, programs, goods, disguised, deceptive;
  std::vector<Link> unknown;
  for (size_t i = 0; i < links.size(); ++i) {
    if (links[i].domain.empty() || links[i].domain == "magnet" || IsTrustedLink(links[i], view.settings)) {
      continue;
    }
    const Link link = AsRead(links[i]);
    if (i >= view.post.body.links.size()) disguised.push_back(link.text);
    if (DomainMatches(link.domain, Shorteners())) {
      shortened.push_back(link.url);
    } else if (HasSpamTld(link.domain)) {
      spammy.push_back(link.url);
    }
    if (ImpersonatesOfficialSite(link)) impostors.push_back(link.url);
    if (ShowsAnotherAddress(link)) deceptive.push_back(link.text + " -> " + link.domain);
    if (IsExecutable(link.url)) programs.push_back(link.url);
    if (NamesSpamGoods(link)) goods.push_back(link.url);
    external.push_back(link.url);
    unknown.push_back(link);
  }
  // A warning ("this link is a scam, don't click") names the link to keep readers
  // away from it, often disguised on purpose.
  if (external.empty() || view.own_hits.Has("link_warning_patterns")) return;

  const Clause spam = Clause::kSpamLinks;
  if (!shortened.empty()) {
    reasons->push_back({spam, "links.shortener", RepeatedScore(0.6, shortened.size()),
                        JoinEvidence(shortened)});
  }
  if (!spammy.empty()) {
    reasons->push_back({spam, "links.spam_domain", RepeatedScore(0.6, spammy.size()),
                        JoinEvidence(spammy)});
  }
  if (!impostors.empty()) {
    reasons->push_back({spam, "links.impersonation", 0.8, JoinEvidence(impostors)});
  }
  if (!deceptive.empty()) {
    reasons->push_back({spam, "links.deceptive_text", 0.8, JoinEvidence(deceptive)});
  }
  if (!programs.empty()) {
    reasons->push_back({spam, "links.executable", 0.8, JoinEvidence(programs)});
  }
  if (!goods.empty()) {
    reasons->push_back({spam, "links.spam_goods", 0.6, JoinEvidence(goods)});
    reasons->push_back({Clause::kCommercial, "commercial.link_to_goods", 0.4, JoinEvidence(goods)});
  }
  // A link that hides where it goes, pushed with a lure ("look at this →", "copiez
  // le lien"), is clickbait rather than a resident's source.
  const bool hidden_destination = !shortened.empty() || !spammy.empty() || !disguised.empty();
  if (hidden_destination && view.own_hits.Has("link_lure_patterns")) {
    reasons->push_back({spam, "links.lure", 0.5, view.own_hits.First("link_lure_patterns")});
  }
  if (!disguised.empty()) {
    reasons->push_back({spam, "links.disguised", 0.4, JoinEvidence(disguised)});
  }
  if (external.size() >= kBurstLinks &&
      view.word_count <= kWordsPerBurstLink * static_cast<int>(external.size())) {
    reasons->push_back({spam, "links.burst", 0.75, JoinEvidence(external)});
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
    for (const Link& link : links) {
      if (DomainMatches(link.domain, VideoHosts())) videos.push_back(link.url);
    }
    if (!videos.empty()) {
      reasons->push_back({spam, "links.political_video", 0.55, JoinEvidence(videos)});
    }
  }
  if (IsSalesPitch(view, unknown)) {
    reasons->push_back({spam, "links.sales_pitch", 0.85, JoinEvidence(external)});
  }
  if (view.own_hits.Has("self_promotion_patterns")) {
    reasons->push_back({spam, "links.self_promotion", 0.55,
                        view.own_hits.First("self_promotion_patterns") + ": " + JoinEvidence(external)});
  } else if (HasCommercialSigns(view)) {
    reasons->push_back({spam, "links.promotional", 0.4, JoinEvidence(external)});
  }
}

}  // namespace modbot
