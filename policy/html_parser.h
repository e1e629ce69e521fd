// Rendered HTML (Discourse "cooked", phpBB's rendered posts): a small tolerant
// tokenizer, entity decoding, and the mapping of elements onto a PostBody.
#ifndef MODBOT_POLICY_HTML_PARSER_H_
#define MODBOT_POLICY_HTML_PARSER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policy/markup_parser.h"

namespace modbot {

struct HtmlTag {
  std::string name;  // lower-case
  bool closing = false;
  std::vector<std::pair<std::string, std::string>> attributes;  // names lower-case, values decoded
  std::size_t end = 0;                                          // offset just past the '>'

  // The attribute's value, "" when absent.
  std::string_view Attribute(std::string_view attribute) const;
  // Whether the class attribute lists `name` (as a whole class name).
  bool HasClass(std::string_view name) const;
};

// Reads tags out of one text. It remembers where the next '>' is, so trying a
// tag at every '<' of the text stays linear.
class HtmlTagReader {
 public:
  explicit HtmlTagReader(std::string_view text) : text_(text) {}

  // The tag starting at text[pos] == '<', or nullopt when "<" there is text
  // ("a < b", "<3") or no '>' follows. A tag ends at the first '>'.
  std::optional<HtmlTag> ReadAt(std::size_t pos);

 private:
  std::string_view text_;
  std::size_t next_gt_ = 0;
  bool gt_known_ = false;
};

// Decodes character references (&amp; &#39; &#x27; &eacute; …); unknown or
// malformed ones stay as written, invalid code points become U+FFFD.
std::string DecodeHtmlEntities(std::string_view text);

// Emits rendered HTML into `out`.
void ParseHtml(std::string_view text, BodyBuilder& out);

}  // namespace modbot

#endif  // MODBOT_POLICY_HTML_PARSER_H_
