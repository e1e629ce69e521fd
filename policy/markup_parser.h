// BodyBuilder: what every markup parser emits into, so that the rules of a
// PostBody (whitespace, quotes, which links count) live in one place.
//
// Text goes to the author's own words or, between OpenQuote and CloseQuote, to the
// innermost quote. Each quote gets its own entry in PostBody::quotes, in opening
// order (outermost first); quotes nested deeper than kMaxQuoteDepth are flattened
// into the deepest one. Links and images count only in the author's own words.
// Whitespace runs collapse to one space, or to one "\n" when they hold a break.
#ifndef MODBOT_POLICY_MARKUP_PARSER_H_
#define MODBOT_POLICY_MARKUP_PARSER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "policy/post.h"

namespace modbot {

class BodyBuilder {
 public:
  static constexpr std::size_t kMaxQuoteDepth = 32;
  // A post with more links or images than this is spam whatever the rest says;
  // the cap bounds memory for hostile input.
  static constexpr std::size_t kMaxLinks = 10000;

  // newline_is_break: whether '\n' in text is a line break (markdown, BBCode,
  // plain) or just whitespace (HTML).
  explicit BodyBuilder(bool newline_is_break);

  // Text that may hold bare URLs; outside quotes and anchors they become links.
  void AddText(std::string_view text);
  // Text kept as is (code, alt text, a URL already delimited).
  void AddLiteral(std::string_view text);
  // A bare URL already delimited by the caller (see MatchBareUrl).
  void AddBareUrl(std::string_view url);
  void AddBreak();
  void AddSpace();

  // Text added between BeginLink and EndLink is the link's anchor text. A
  // BeginLink while a link is open ends that link first.
  void BeginLink(std::string_view url);
  void EndLink();
  // A link whose text, if any, the caller adds separately.
  void AddLink(std::string_view url, std::string_view text);
  void AddImage(std::string_view src, bool animated_marker);

  void OpenQuote();
  // Ignored when no quote is open.
  void CloseQuote();
  bool InQuote() const { return !open_quotes_.empty(); }

  PostBody Finish() &&;

 private:
  enum class Gap { kNone, kSpace, kBreak };
  struct Sink {
    std::string text;
    Gap gap = Gap::kNone;
  };
  static constexpr std::size_t kOwn = static_cast<std::size_t>(-1);

  std::size_t CurrentSinkIndex() const;
  Sink& SinkAt(std::size_t index);
  void RecordLink(std::string_view url, std::string_view text);

  const bool newline_is_break_;
  Sink own_;
  std::vector<Sink> quotes_;
  std::vector<std::size_t> open_quotes_;  // indices into quotes_, innermost last
  std::size_t flattened_quotes_ = 0;      // opened beyond kMaxQuoteDepth

  bool in_anchor_ = false;
  std::string anchor_url_;
  std::size_t anchor_sink_ = kOwn;
  std::size_t anchor_start_ = 0;

  std::vector<Link> links_;
  std::vector<Image> images_;
};

}  // namespace modbot

#endif  // MODBOT_POLICY_MARKUP_PARSER_H_
