// Post: what the policy judges. A forum-neutral view of one post.
//
// An adapter reports a post's markup and its format; ParsePostBody (body_parser.h)
// turns that markup into the author's own words, the text they quoted, their links
// and their images. Quoted text is kept apart because quoting a bad post is not the
// replier's violation.
#ifndef MODBOT_POLICY_POST_H_
#define MODBOT_POLICY_POST_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policy/prior_signals.h"

namespace modbot {

// The markup a post's text is written in.
enum class Format {
  kMarkdown,  // Discourse "raw"
  kBBCode,    // phpBB source
  kHtml,      // rendered ("cooked") HTML
  kPlain,
};

// "markdown", "bbcode", "html", "plain"; nullopt for anything else.
std::optional<Format> FormatFromName(std::string_view name);
std::string_view FormatName(Format format);

struct Link {
  std::string url;     // as written, scheme optional ("bit.ly/x" counts)
  std::string domain;  // lower-case host without "www.", e.g. "bit.ly"
  std::string text;    // anchor text, empty when the URL was bare
};

struct Image {
  std::string src;
  bool animated = false;  // .gif, giphy, tenor, or the forum's own animated marker
};

// The parsed body of a post.
struct PostBody {
  std::string own_text;             // the author's words, markup removed
  std::vector<std::string> quotes;  // text quoted from others, outermost first
  std::vector<Link> links;          // links in the author's own words
  std::vector<Image> images;        // images in the author's own words
};

// Facts the forum knows about the author. Missing facts are unknown, not zero.
struct Author {
  std::string username;
  std::optional<int> account_age_days;
  std::optional<int> post_count;
  std::optional<int> trust_level;  // Discourse 0-4; other forums map onto it
};

struct Topic {
  std::string title;
  std::string category;
};

struct Post {
  std::string id;
  Format format = Format::kPlain;
  PostBody body;
  Topic topic;
  std::optional<std::string> reply_to;  // plain text of the post replied to
  Author author;
  PriorSignals prior;  // what modbot remembers of near-copies; empty: judge the text alone
};

}  // namespace modbot

#endif  // MODBOT_POLICY_POST_H_
