// Turning a post's markup into a PostBody.
//
// Each parser is total: any byte string, valid UTF-8 or not, yields a body (invalid
// sequences become U+FFFD), in time linear in the input, with nesting depth capped so
// that a pathological post cannot exhaust the stack. Quotes nested deeper than 32
// are flattened into the 32nd; links and images past 10,000 each are dropped.
#ifndef MODBOT_POLICY_BODY_PARSER_H_
#define MODBOT_POLICY_BODY_PARSER_H_

#include <string_view>

#include "policy/post.h"

namespace modbot {

PostBody ParsePostBody(std::string_view markup, Format format);

// Host of a URL, lower-cased, without "www." or port; "" when there is none.
std::string DomainOfUrl(std::string_view url);

}  // namespace modbot

#endif  // MODBOT_POLICY_BODY_PARSER_H_
