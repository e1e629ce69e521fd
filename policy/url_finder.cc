#include "policy/url_finder.h"

#include <algorithm>
#include <array>
#include <string>

#include "policy/ascii.h"
#include "policy/body_parser.h"

namespace modbot {

namespace {

bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLower(s[i]) != prefix[i]) return false;
  }
  return true;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Characters that continue a word or a URL: a URL cannot start right after one
// (so "user@example.com" or "a.b.com" do not yield a link from their middle).
bool IsUrlJoiner(char c) {
  return IsAsciiAlnum(c) || std::string_view("-._~/@%").find(c) != std::string_view::npos;
}

bool IsHostChar(char c) { return IsAsciiAlnum(c) || c == '-' || c == '.'; }

// Characters allowed after the host. Non-ASCII is allowed (paths with accents).
bool IsPathChar(char c) {
  auto u = static_cast<unsigned char>(c);
  if (u >= 0x80) return true;
  if (u <= 0x20 || u == 0x7f) return false;
  return std::string_view("<>\"`[]{}|\\^").find(c) == std::string_view::npos;
}

// Top-level domains common enough that "host.tld" without a path counts as a link.
bool IsCommonTld(std::string_view tld) {
  static constexpr auto kTlds = std::to_array<std::string_view>(
      {"com", "org",  "net",   "edu", "gov", "ca",  "us",   "uk",    "fr",   "io",     "co",
       "ly",  "me",   "info",  "biz", "ru",  "cn",  "tk",   "xyz",   "club", "online", "site",
       "top", "shop", "store", "app", "dev", "ai",  "tv",   "gl",    "gg",   "be",     "de",
       "eu",  "cc",   "ws",    "su",  "pw",  "win", "loan", "click", "link", "live",   "pro",
       "help", "support", "services", "email", "page", "today", "zone", "website", "tech"});
  std::string lower = AsciiLowerCopy(tld);
  return std::find(kTlds.begin(), kTlds.end(), lower) != kTlds.end();
}

// End of the URL once trailing punctuation that belongs to the sentence is
// dropped; a ')' stays when it closes a '(' of the URL (Wikipedia style).
std::size_t TrimUrlEnd(std::string_view text, std::size_t begin, std::size_t end) {
  std::string_view url = text.substr(begin, end - begin);
  auto opens = std::count(url.begin(), url.end(), '(');
  auto closes = std::count(url.begin(), url.end(), ')');
  while (end > begin) {
    url = text.substr(begin, end - begin);
    char c = url.back();
    if (std::string_view(".,;:!?'\"*_").find(c) != std::string_view::npos) {
      --end;
      continue;
    }
    if (c == ')' && opens < closes) {
      --end;
      --closes;
      continue;
    }
    std::size_t trimmed = end;
    for (std::string_view mark : {"\u00BB", "\u201D", "\u2019", "\u2026"}) {  // » ” ’ …
      if (EndsWith(url, mark)) trimmed = end - mark.size();
    }
    if (trimmed == end) break;
    end = trimmed;
  }
  return end;
}

std::size_t ScanPath(std::string_view text, std::size_t i) {
  while (i < text.size() && IsPathChar(text[i])) ++i;
  return i;
}

}  // namespace

std::size_t MatchBareUrl(std::string_view text, std::size_t pos) {
  if (pos >= text.size() || !IsAsciiAlnum(text[pos])) return 0;
  if (pos > 0 && IsUrlJoiner(text[pos - 1])) return 0;
  std::string_view rest = text.substr(pos);

  if (StartsWithNoCase(rest, "magnet:?")) {
    std::size_t end = TrimUrlEnd(text, pos, ScanPath(text, pos + 8));
    return end > pos + 8 ? end - pos : 0;
  }
  std::size_t host_begin = pos;
  bool has_scheme = false;
  for (std::string_view scheme : {"https://", "http://", "ftp://"}) {
    if (StartsWithNoCase(rest, scheme)) {
      host_begin = pos + scheme.size();
      has_scheme = true;
      break;
    }
  }
  std::size_t host_end = host_begin;
  while (host_end < text.size() && IsHostChar(text[host_end])) ++host_end;
  // A dot ending the host ends the sentence instead.
  while (host_end > host_begin && text[host_end - 1] == '.') --host_end;
  std::string_view host = text.substr(host_begin, host_end - host_begin);
  if (host.empty() || !IsAsciiAlnum(host.front())) return 0;
  // "tennis.csl.club@gmail.com": the part before '@' is an address's name, not a host.
  if (!has_scheme && host_end < text.size() && text[host_end] == '@') return 0;

  std::size_t i = host_end;
  if (i + 1 < text.size() && text[i] == ':' && IsAsciiDigit(text[i + 1])) {
    ++i;
    while (i < text.size() && IsAsciiDigit(text[i])) ++i;
  }
  bool has_path = i < text.size() && (text[i] == '/' || text[i] == '?' || text[i] == '#');

  if (!has_scheme) {
    std::size_t last_dot = host.rfind('.');
    if (last_dot == std::string_view::npos || host.find("..") != std::string_view::npos) return 0;
    std::string_view tld = host.substr(last_dot + 1);
    if (tld.size() < 2 || tld.size() > 24 || !std::all_of(tld.begin(), tld.end(), IsAsciiAlpha)) {
      return 0;
    }
    if (!has_path && !StartsWithNoCase(host, "www.") && !IsCommonTld(tld)) return 0;
  }
  std::size_t end = has_path ? TrimUrlEnd(text, pos, ScanPath(text, i)) : i;
  return end - pos;
}

std::string DomainOfUrl(std::string_view url) {
  while (!url.empty() && (url.front() == ' ' || url.front() == '\t' || url.front() == '\n')) {
    url.remove_prefix(1);
  }
  if (StartsWithNoCase(url, "magnet:")) return "magnet";
  if (StartsWithNoCase(url, "mailto:")) {
    std::size_t at = url.find('@');
    if (at == std::string_view::npos) return "";
    url.remove_prefix(at + 1);
  } else if (std::size_t sep = url.find("://");
             sep != std::string_view::npos && sep > 0 && IsAsciiAlpha(url[0]) &&
             std::all_of(url.begin(), url.begin() + sep, [](char c) {
               return IsAsciiAlnum(c) || c == '+' || c == '-' || c == '.';
             })) {
    url.remove_prefix(sep + 3);
  } else if (url.substr(0, 2) == "//") {
    url.remove_prefix(2);
  } else {
    // Relative paths and schemes without an authority (javascript:, data:) have no host.
    std::size_t colon = url.find(':');
    std::size_t stop = url.find_first_of("/?#");
    if (url.empty() || url[0] == '/' || url[0] == '.' || url[0] == '?' || url[0] == '#') return "";
    if (colon != std::string_view::npos && colon < stop &&
        !(colon + 1 < url.size() && IsAsciiDigit(url[colon + 1]))) {
      return "";
    }
  }
  url = url.substr(0, url.find_first_of("/?#\\ \t\n"));
  if (std::size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  if (!url.empty() && url.front() == '[') {
    url = url.substr(0, url.find(']') == std::string_view::npos ? url.size() : url.find(']') + 1);
  } else {
    url = url.substr(0, url.find(':'));
  }
  while (!url.empty() && url.back() == '.') url.remove_suffix(1);
  std::string host = AsciiLowerCopy(url);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

bool IsAnimatedImageSrc(std::string_view src) {
  std::string lower = AsciiLowerCopy(src);
  if (lower.rfind("data:image/gif", 0) == 0) return true;
  std::string_view path = std::string_view(lower).substr(0, lower.find_first_of("?#"));
  if (EndsWith(path, ".gif") || EndsWith(path, ".gifv")) return true;
  std::string domain = DomainOfUrl(src);
  for (std::string_view host : {"giphy.com", "tenor.com"}) {
    if (domain == host) return true;
    // Appended, not "." + host: GCC 12 at -O3 warns on that (-Wrestrict, a false
    // positive: GCC PR 105651).
    std::string subdomain_suffix(1, '.');
    subdomain_suffix += host;
    if (EndsWith(domain, subdomain_suffix)) return true;
  }
  return false;
}

}  // namespace modbot
