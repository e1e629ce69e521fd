// Finding URLs written as plain text ("bare" URLs), shared by every markup parser.
//
// A bare URL is "https://…", "ftp://…", "magnet:?…", "www.host.tld…", or a
// schemeless "host.tld/path" whose top-level domain is alphabetic (2-24 letters).
// A schemeless host without a path ("montreal.ca") counts only for common
// top-level domains, so that a missing space ("done.Next") or an abbreviation
// ("e.g.", "Mr. Smith", "3.5") is not taken for a link.
#ifndef MODBOT_POLICY_URL_FINDER_H_
#define MODBOT_POLICY_URL_FINDER_H_

#include <cstddef>
#include <string_view>

namespace modbot {

// Length of the bare URL starting at text[pos], or 0 when none starts there.
// A URL only starts at a word boundary: text[pos - 1] must not be a letter, digit
// or URL punctuation. Trailing sentence punctuation is not part of the URL.
// Callers that try every position stay linear: only word starts scan, and a scan
// never crosses the next word start.
std::size_t MatchBareUrl(std::string_view text, std::size_t pos);

// Whether an image source is animated: .gif/.gifv (before any query), GIPHY or
// Tenor hosts, or an inline GIF data URI.
bool IsAnimatedImageSrc(std::string_view src);

}  // namespace modbot

#endif  // MODBOT_POLICY_URL_FINDER_H_
