// BBCode (phpBB source) parsing, and the tag scanner that markdown reuses for
// Discourse's BBCode-style [quote] blocks.
#ifndef MODBOT_POLICY_BBCODE_PARSER_H_
#define MODBOT_POLICY_BBCODE_PARSER_H_

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "policy/markup_parser.h"

namespace modbot {

struct BBCodeTag {
  static constexpr std::size_t kNoPartner = static_cast<std::size_t>(-1);

  std::size_t begin = 0;  // text[begin, end) is the tag itself
  std::size_t end = 0;
  std::string name;        // lower-case; "*" for a list item
  std::string_view value;  // after '=', surrounding quotes removed
  bool closing = false;
  std::size_t partner = kNoPartner;  // index of the matching open or close tag
};

// The tags named in `names` (lower-case), in text order, each open tag paired
// with its close the way a stack would (a close pairs with the nearest open tag
// of its name; tags left open in between stay unpaired). The content of a paired
// [code] block is not scanned when "code" is among the names. Linear time.
std::vector<BBCodeTag> ScanBBCodeTags(std::string_view text,
                                      std::initializer_list<std::string_view> names);

// Emits phpBB BBCode into `out`. Unpaired [quote], [url], [img] and [code] tags
// stay in the text as written, as phpBB shows them; formatting tags are dropped.
void ParseBBCode(std::string_view text, BodyBuilder& out);

}  // namespace modbot

#endif  // MODBOT_POLICY_BBCODE_PARSER_H_
