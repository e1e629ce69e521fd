// Principle 15: content that violates a legal ownership interest of another party:
// pirated films, books and streams, and whole articles pasted from behind a paywall.
#include "policy/detector.h"
#include "policy/domain.h"

namespace modbot {
namespace {

bool IsTorrent(const Link& link) {
  constexpr std::string_view kTorrent = ".torrent";
  return link.domain == "magnet" ||
         (link.url.size() > kTorrent.size() &&
          link.url.compare(link.url.size() - kTorrent.size(), kTorrent.size(), kTorrent) == 0);
}

// Domain names that announce free copies: "ebooks-gratuits-dl.ru", "streamz-live".
bool IsFileSharingDomain(std::string_view domain) {
  for (std::string_view word : {"free", "gratuit", "download", "-dl", "dl-", "stream", "torrent",
                                "pirate", "warez", "leak"}) {
    if (domain.find(word) != std::string_view::npos) return true;
  }
  return false;
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
  if (!AddLexiconReason(view, "ownership_patterns", ownership, 0.6, reasons)) return;
  // Saying "here's the whole book" and linking a file-sharing site is handing it out.
  for (const Link& link : view.post.body.links) {
    if (IsFileSharingDomain(link.domain) && !IsTrustedLink(link, view.settings)) {
      reasons->push_back({ownership, "ownership.sharing_link", 0.6, link.url});
      return;
    }
  }
}

}  // namespace modbot
