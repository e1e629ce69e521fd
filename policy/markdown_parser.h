// Discourse "raw" markdown: CommonMark as users write it, plus the BBCode Discourse
// cooks inside it ([quote="user, post:3, topic:7"] blocks, [img], [url], [email],
// [b], [i], [u], [s]) and the HTML tags Discourse allows in raw posts.
#ifndef MODBOT_POLICY_MARKDOWN_PARSER_H_
#define MODBOT_POLICY_MARKDOWN_PARSER_H_

#include <string_view>

#include "policy/markup_parser.h"

namespace modbot {

// Emits markdown into `out`. "> " lines and paired [quote] blocks are quotes;
// [img]src[/img] is an image and [url] a link, as in BBCode;
// emphasis markers are dropped (a '*' inside a word, as in "f*ck", is kept);
// code is kept as text; character references (&amp;) are decoded outside code.
void ParseMarkdown(std::string_view text, BodyBuilder& out);

}  // namespace modbot

#endif  // MODBOT_POLICY_MARKDOWN_PARSER_H_
