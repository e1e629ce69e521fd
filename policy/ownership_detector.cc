// Principle 15: content that violates a legal ownership interest of another party:
// pirated films, books, software and streams, and whole articles or workbooks
// copied for others.
//
// Two kinds of words: piracy proper (ownership_patterns: "keygen", "I ripped the
// whole audiobook", "PDF complet", "watch every game free") and copies a human
// should weigh (ownership_copy_patterns: a pasted paywalled article, a workbook
// scanned "so you don't have to buy it"). Copies alone stay below hide; piracy
// with a link to a file host or a site named for free copies is handing it out.
#include <algorithm>

#include "policy/detector.h"
#include "policy/domain.h"
#include "policy/lexicon.h"
#include "policy/normalizer.h"

namespace modbot {
namespace {

bool IsTorrent(const Link& link) {
  constexpr std::string_view kTorrent = ".torrent";
  return link.domain == "magnet" ||
         (link.url.size() > kTorrent.size() &&
          link.url.compare(link.url.size() - kTorrent.size(), kTorrent.size(), kTorrent) == 0);
}

// Domain names that announce free copies: "ebooks-gratuits-dl.ru", "streamz-live",
// "office-kg-free.top".
bool IsPiracyDomain(std::string_view domain) {
  for (std::string_view word : {"free", "gratuit", "download", "-dl", "dl-", "stream", "torrent",
                                "pirate", "warez", "leak", "crack", "keygen", "iptv", "-live",
                                "live-", "ebook", "epub", "pdf"}) {
    if (domain.find(word) != std::string_view::npos) return true;
  }
  return false;
}

// Domain names of piracy sites themselves: "kickass-torrents.to", "warez-zone.net".
bool IsPirateSite(std::string_view domain) {
  static constexpr std::string_view kWords[] = {"torrent", "torrents", "warez", "pirate",
                                               "piratebay", "thepiratebay", "keygen", "cracked"};
  for (std::string_view word : DomainWords(domain)) {
    if (std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords)) return true;
  }
  return false;
}

// File hosts (mega.nz, mediafire, a shared drive folder): neutral on their own.
bool IsFileHost(std::string_view domain) {
  static const std::vector<std::string> hosts = LexiconEntries(LexiconText("ownership_host_domains"));
  return DomainMatches(domain, hosts);
}

// Most that copies alone may score: a human weighs fair use.
constexpr double kCopyCap = 0.69;

// A quote this long, from no post of the thread, under a few words of the author's
// own, is a work pasted in (an article, a chapter), not a line answered.
constexpr int kPastedWorkWords = 150;
constexpr int kPastedWorkOwnWords = 40;

int CountWords(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    words += !space && !in_word;
    in_word = !space;
  }
  return words;
}

// The words quoted from outside the thread: quotes not found in the post replied to.
int PastedWords(const PostView& view) {
  const std::string source = view.post.reply_to ? Normalize(*view.post.reply_to).skeleton : "";
  int words = 0;
  for (const std::string& quote : view.post.body.quotes) {
    const std::string skeleton = Normalize(quote).skeleton;
    if (!source.empty() && source.find(skeleton) != std::string::npos) continue;
    words += CountWords(skeleton);
  }
  return words;
}

bool HasSharingLink(const PostView& view) {
  for (const Link& link : view.post.body.links) {
    if (!IsTrustedLink(link, view.settings) && (IsPiracyDomain(link.domain) || IsFileHost(link.domain))) {
      return true;
    }
  }
  return false;
}

// A copy of someone else's work offered to readers ("I'll email you the manual",
// "le fichier .mkv sur mon Dropbox", "version crackée"): a human weighs it. Sold
// (a price next to it) or handed out through a file-sharing link, it is taken.
void DetectCopyOffer(const PostView& view, Reasons* sure, Reasons* doubtful) {
  const std::vector<std::string>& offers = view.own_hits.Of("copy_offer_patterns");
  const std::vector<std::string>& works = view.own_hits.Of("copyright_work_patterns");
  if (offers.empty() || works.empty()) return;
  const std::string evidence = JoinEvidence({offers.front(), works.front()});
  if (view.own_hits.Has("commercial_price_patterns")) {
    sure->push_back({Clause::kOwnership, "ownership.copy_sold", 0.9,
                     evidence + ", " + view.own_hits.First("commercial_price_patterns")});
  } else if (HasSharingLink(view)) {
    sure->push_back({Clause::kOwnership, "ownership.copy_shared", 0.9, evidence});
  } else {
    doubtful->push_back({Clause::kOwnership, "ownership.copy_offered", 0.6, evidence});
  }
}

// Someone else's picture taken for the forum ("from @aerialmtl's Instagram"): a
// human weighs it. With the author's mark removed (a cropped watermark) it is taken.
void DetectTakenPicture(const PostView& view, Reasons* sure, Reasons* doubtful) {
  static const RE2 picture(R"(\b(photos?|shots?|pictures?|pics?|images?|videos?|img)\b)");
  // The City's own page ("on the City's Facebook page") publishes for residents:
  // pointing to it takes nothing.
  static const RE2 city_source(R"(\b(city|ville|municipal\w*|borough|arrondissement)\b)");
  std::vector<std::string> taken;
  for (const std::string& match : view.own_hits.Of("taken_work_patterns")) {
    if (!RE2::PartialMatch(match, city_source)) taken.push_back(match);
  }
  const bool shows_picture = !view.post.body.images.empty() || RE2::PartialMatch(view.own.folded, picture);
  if (taken.empty() || !shows_picture) return;
  if (view.own_hits.Has("attribution_removed_patterns")) {
    sure->push_back({Clause::kOwnership, "ownership.attribution_removed", 0.9,
                        JoinEvidence({taken.front(), view.own_hits.First("attribution_removed_patterns")})});
  } else {
    doubtful->push_back({Clause::kOwnership, "ownership.taken_picture", 0.6, JoinEvidence(taken)});
  }
}

}  // namespace


void DetectOwnership(const PostView& view, Reasons* reasons) {
  const Clause ownership = Clause::kOwnership;
  for (const Link& link : view.post.body.links) {
    if (IsTorrent(link)) {
      reasons->push_back({ownership, "ownership.torrent", 0.95, link.url.substr(0, 60)});
      return;
    }
  }
  for (const Link& link : view.post.body.links) {
    if (!IsTrustedLink(link, view.settings) && IsPirateSite(link.domain)) {
      reasons->push_back({ownership, "ownership.pirate_site", 0.9, link.url.substr(0, 60)});
      return;
    }
  }
  const size_t first = reasons->size();
  bool piracy = AddLexiconReason(view, "ownership_patterns", ownership, 0.6, reasons);
  const std::vector<std::string>& copies = view.own_hits.Of("ownership_copy_patterns");
  if (!copies.empty()) {
    reasons->push_back({ownership, "ownership.copy",
                        std::min(RepeatedScore(0.6, copies.size()), kCopyCap), JoinEvidence(copies)});
  }
  Reasons sure;
  DetectCopyOffer(view, &sure, reasons);
  DetectTakenPicture(view, &sure, reasons);
  if (view.word_count <= kPastedWorkOwnWords && view.post.body.quotes.size() > 0) {
    if (const int pasted = PastedWords(view); pasted >= kPastedWorkWords) {
      reasons->push_back({ownership, "ownership.pasted_work", 0.5,
                          std::to_string(pasted) + " words quoted from outside the thread"});
    }
  }
  // Words alone, however many, are for a human to weigh.
  CapClauseScore(reasons, first, ownership, kCopyCap);
  reasons->insert(reasons->end(), sure.begin(), sure.end());
  if (!piracy) return;
  // Saying "here's the whole book" and linking a file-sharing site is handing it out.
  for (const Link& link : view.post.body.links) {
    if (IsTrustedLink(link, view.settings)) continue;
    if (IsPiracyDomain(link.domain) || IsFileHost(link.domain)) {
      reasons->push_back({ownership, "ownership.sharing_link", 0.65, link.url});
      return;
    }
  }
}

}  // namespace modbot
