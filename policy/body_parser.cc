#include "policy/body_parser.h"

#include <utf8proc.h>

#include <string>

#include "policy/bbcode_parser.h"
#include "policy/html_parser.h"
#include "policy/markdown_parser.h"
#include "policy/markup_parser.h"

namespace modbot {

namespace {

// Valid UTF-8 with bad sequences replaced by U+FFFD, NULs dropped and line
// endings made "\n", so the parsers only ever see clean text.
std::string Sanitize(std::string_view markup) {
  std::string out;
  out.reserve(markup.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(markup.data());
  std::size_t i = 0;
  while (i < markup.size()) {
    unsigned char c = bytes[i];
    if (c < 0x80) {
      if (c == '\r') {
        if (i + 1 >= markup.size() || markup[i + 1] != '\n') out.push_back('\n');
      } else if (c != 0) {
        out.push_back(static_cast<char>(c));
      }
      ++i;
      continue;
    }
    utf8proc_int32_t code_point;
    utf8proc_ssize_t n =
        utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(markup.size() - i), &code_point);
    if (n > 0) {
      out.append(markup.substr(i, static_cast<std::size_t>(n)));
      i += static_cast<std::size_t>(n);
    } else {
      out.append("\xEF\xBF\xBD");
      ++i;
    }
  }
  return out;
}

}  // namespace

PostBody ParsePostBody(std::string_view markup, Format format) {
  const std::string text = Sanitize(markup);
  BodyBuilder out(/*newline_is_break=*/format != Format::kHtml);
  switch (format) {
    case Format::kMarkdown:
      ParseMarkdown(text, out);
      break;
    case Format::kBBCode:
      ParseBBCode(text, out);
      break;
    case Format::kHtml:
      ParseHtml(text, out);
      break;
    case Format::kPlain:
      out.AddText(text);
      break;
  }
  return std::move(out).Finish();
}

}  // namespace modbot
