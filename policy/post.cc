#include "policy/post.h"

namespace modbot {

std::optional<Format> FormatFromName(std::string_view name) {
  if (name == "markdown") return Format::kMarkdown;
  if (name == "bbcode") return Format::kBBCode;
  if (name == "html") return Format::kHtml;
  if (name == "plain") return Format::kPlain;
  return std::nullopt;
}

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kMarkdown: return "markdown";
    case Format::kBBCode: return "bbcode";
    case Format::kHtml: return "html";
    case Format::kPlain: return "plain";
  }
  return "plain";
}

}  // namespace modbot
