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

// File hosts (mega.nz, mediafire, a shared drive folder): neutral on their own.
bool IsFileHost(std::string_view domain) {
  static const std::vector<std::string> hosts = LexiconEntries(LexiconText("ownership_host_domains"));
  return DomainMatches(domain, hosts);
}

// Most that copies alone may score: a human weighs fair use.
constexpr double kCopyCap = 0.69;

}  // namespace


void DetectOwnership(const PostView& view, Reasons* reasons) {
  const Clause ownership = Clause::kOwnership;
  for (const Link& link : view.post.body.links) {
    if (IsTorrent(link)) {
      reasons->push_back({ownership, "ownership.torrent", 0.95, link.url.substr(0, 60)});
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
  // Words alone, however many, are for a human to weigh.
  CapClauseScore(reasons, first, ownership, kCopyCap);
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
