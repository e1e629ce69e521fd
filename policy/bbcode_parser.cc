#include "policy/bbcode_parser.h"

#include <algorithm>
#include <map>

#include "policy/ascii.h"

namespace modbot {

namespace {

// Tags longer than this are text: real tags are short, and the bound keeps a
// stray '[' from scanning far.
constexpr std::size_t kMaxTagLength = 512;


// Finds "[/code]" case-insensitively from `from`; npos when absent.
std::size_t FindCodeClose(std::string_view text, std::size_t from) {
  for (std::size_t i = text.find("[/", from); i != std::string_view::npos;
       i = text.find("[/", i + 2)) {
    std::string_view rest = text.substr(i + 2);
    if (rest.size() >= 5 && AsciiLower(rest[0]) == 'c' && AsciiLower(rest[1]) == 'o' &&
        AsciiLower(rest[2]) == 'd' && AsciiLower(rest[3]) == 'e' && rest[4] == ']') {
      return i;
    }
  }
  return std::string_view::npos;
}

// Parses the tag starting at text[pos] == '['; false when it is not a tag.
bool ParseTag(std::string_view text, std::size_t pos, BBCodeTag& tag) {
  std::size_t i = pos + 1;
  tag = BBCodeTag();
  tag.begin = pos;
  if (i < text.size() && text[i] == '/') {
    tag.closing = true;
    ++i;
  }
  std::size_t name_begin = i;
  if (i < text.size() && text[i] == '*') {
    ++i;
  } else {
    while (i < text.size() && IsAsciiAlpha(text[i]) && i - pos < kMaxTagLength) ++i;
  }
  if (i == name_begin || i >= text.size()) return false;
  tag.name.resize(i - name_begin);
  std::transform(text.begin() + name_begin, text.begin() + i, tag.name.begin(), AsciiLower);
  std::size_t close = i;
  // A tag ends at the first ']' before any '[' or line break.
  while (close < text.size() && close - pos < kMaxTagLength && text[close] != ']' &&
         text[close] != '[' && text[close] != '\n') {
    ++close;
  }
  if (close >= text.size() || text[close] != ']') return false;
  if (text[i] == '=') {
    std::string_view value = text.substr(i + 1, close - i - 1);
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) {
      std::size_t end_quote = value.find(value.front(), 1);
      value =
          value.substr(1, end_quote == std::string_view::npos ? value.size() - 1 : end_quote - 1);
    }
    tag.value = value;
  } else if (text[i] != ']' && text[i] != ' ') {
    return false;
  }
  tag.end = close + 1;
  return true;
}

}  // namespace

std::vector<BBCodeTag> ScanBBCodeTags(std::string_view text,
                                      std::initializer_list<std::string_view> names) {
  bool scan_code = std::find(names.begin(), names.end(), "code") != names.end();
  bool code_close_seen = true;  // until a search for "[/code]" has failed
  std::vector<BBCodeTag> tags;
  std::vector<std::size_t> stack;
  std::map<std::string, std::size_t, std::less<>> open_count;
  BBCodeTag tag;
  for (std::size_t pos = text.find('['); pos != std::string_view::npos;
       pos = text.find('[', pos + 1)) {
    if (!ParseTag(text, pos, tag) ||
        std::find(names.begin(), names.end(), tag.name) == names.end()) {
      continue;
    }
    pos = tag.end - 1;
    if (tag.name == "*") {
      tags.push_back(std::move(tag));
      continue;
    }
    if (tag.closing) {
      auto count = open_count.find(tag.name);
      if (count != open_count.end() && count->second > 0) {
        while (true) {
          std::size_t open = stack.back();
          stack.pop_back();
          --open_count[tags[open].name];
          if (tags[open].name == tag.name) {
            tags[open].partner = tags.size();
            tag.partner = open;
            break;
          }
        }
      }
      tags.push_back(std::move(tag));
      continue;
    }
    if (scan_code && tag.name == "code" && code_close_seen) {
      std::size_t close = FindCodeClose(text, tag.end);
      if (close == std::string_view::npos) {
        code_close_seen = false;
      } else {
        tag.partner = tags.size() + 1;
        tags.push_back(std::move(tag));
        BBCodeTag closing;
        closing.begin = close;
        closing.end = close + 7;
        closing.name = "code";
        closing.closing = true;
        closing.partner = tags.size() - 1;
        tags.push_back(std::move(closing));
        pos = close + 6;
        continue;
      }
    }
    stack.push_back(tags.size());
    ++open_count[tag.name];
    tags.push_back(std::move(tag));
  }
  return tags;
}

void ParseBBCode(std::string_view text, BodyBuilder& out) {
  const std::vector<BBCodeTag> tags =
      ScanBBCodeTags(text, {"quote", "url",    "img",   "email", "code", "b",      "i", "u",
                            "s",     "strike", "color", "size",  "font", "list",   "*", "center",
                            "left",  "right",  "hr",    "sup",   "sub",  "spoiler"});
  std::size_t done = 0;
  for (std::size_t t = 0; t < tags.size(); ++t) {
    const BBCodeTag& tag = tags[t];
    out.AddText(text.substr(done, tag.begin - done));
    done = tag.end;
    bool paired = tag.partner != BBCodeTag::kNoPartner;
    bool structural = tag.name == "quote" || tag.name == "url" || tag.name == "img" ||
                      tag.name == "email" || tag.name == "code";
    if (structural && !paired) {
      out.AddLiteral(text.substr(tag.begin, tag.end - tag.begin));
      continue;
    }
    if (tag.name == "quote") {
      if (tag.closing) {
        out.CloseQuote();
      } else {
        out.OpenQuote();
      }
    } else if (tag.name == "url" && (tag.closing || !tag.value.empty())) {
      if (tag.closing) {
        out.EndLink();
      } else {
        out.BeginLink(tag.value);
      }
    } else if (structural && !tag.closing) {
      // [url]…[/url], [img]…[/img], [email] and [code]: the content is raw.
      const BBCodeTag& close = tags[tag.partner];
      std::string_view content = text.substr(tag.end, close.begin - tag.end);
      if (tag.name == "img") {
        out.AddImage(content, false);
      } else {
        out.AddLiteral(content);
        if (tag.name == "url") out.AddLink(content, "");
      }
      t = tag.partner;
      done = close.end;
    } else if (tag.name == "list" || tag.name == "*" || tag.name == "center" || tag.name == "hr" ||
               tag.name == "code") {
      out.AddBreak();
    }
  }
  out.AddText(text.substr(done));
}

}  // namespace modbot
