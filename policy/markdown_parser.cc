#include "policy/markdown_parser.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "policy/ascii.h"
#include "policy/bbcode_parser.h"
#include "policy/html_parser.h"
#include "policy/url_finder.h"

namespace modbot {

namespace {

bool IsSpaceInLine(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool IsAsciiPunct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}
// Letters, digits and any non-ASCII byte (accented letters).
bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsAsciiDigit(c) ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Code spans longer than this are left as text; the bound keeps failed searches
// for a closing run to a few per line.
constexpr std::size_t kMaxCodeFence = 3;

struct Destination {
  std::string_view url;
  std::size_t end;  // just past the ')'
};

// Parses "(url "title")" at text[pos] == '('. The URL stops at whitespace and at
// brackets, so scans from different "](" never overlap.
std::optional<Destination> ParseDestination(std::string_view text, std::size_t pos) {
  std::size_t i = pos + 1;
  while (i < text.size() && IsSpaceInLine(text[i])) ++i;
  std::size_t begin = i;
  std::size_t end;
  if (i < text.size() && text[i] == '<') {
    end = text.find_first_of(">[]", i + 1);
    if (end == std::string_view::npos || text[end] != '>') return std::nullopt;
    ++begin;
    i = end + 1;
  } else {
    int depth = 0;
    while (i < text.size() && !IsSpaceInLine(text[i]) && text[i] != '[' && text[i] != ']' &&
           text[i] != '<' && text[i] != '>' && !(text[i] == ')' && depth == 0)) {
      if (text[i] == '(') ++depth;
      if (text[i] == ')') --depth;
      ++i;
    }
    end = i;
  }
  while (i < text.size() && IsSpaceInLine(text[i])) ++i;
  if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
    std::size_t bracket = text.find_first_of("[]", i + 1);
    std::size_t close = text.substr(0, bracket).find(text[i], i + 1);
    if (close == std::string_view::npos) return std::nullopt;
    i = close + 1;
    while (i < text.size() && IsSpaceInLine(text[i])) ++i;
  }
  if (i >= text.size() || text[i] != ')') return std::nullopt;
  return Destination{text.substr(begin, end - begin), i + 1};
}

// Emits markdown line by line. Quote structure is a stack of two kinds of
// quote: 'T' for a [quote] tag, 'B' for a level of "> " markers. Marker levels
// are relative to the innermost [quote] tag.
class MarkdownWalker {
 public:
  MarkdownWalker(std::string_view text, BodyBuilder& out)
      : text_(text), out_(out), tags_(ScanBBCodeTags(text, {"quote", "img", "url", "email", "b", "i", "u", "s"})), html_(text) {}

  void Run() {
    bool previous_blank = true;
    for (std::size_t begin = 0; begin < text_.size();) {
      std::size_t end = text_.find('\n', begin);
      if (end == std::string_view::npos) end = text_.size();
      previous_blank = Line(begin, end, previous_blank);
      out_.AddBreak();
      begin = end + 1;
    }
  }

 private:
  // Returns whether the line is blank.
  bool Line(std::size_t begin, std::size_t end, bool previous_blank) {
    std::size_t i = begin;
    std::size_t level = 0;
    while (true) {
      std::size_t j = i;
      while (j < end && j - i < 3 && text_[j] == ' ') ++j;
      if (j >= end || text_[j] != '>') break;
      ++level;
      i = j + 1;
      if (i < end && text_[i] == ' ') ++i;
    }
    while (i < end && IsSpaceInLine(text_[i])) ++i;
    bool blank = i == end;

    if (fence_length_ > 0) {
      if (IsFence(i, end, fence_char_, fence_length_)) {
        fence_length_ = 0;
      } else {
        out_.AddLiteral(text_.substr(i, end - i));
      }
      SkipTagsBefore(end);
      return false;
    }
    // A line without markers continues the quote paragraph above it.
    if (level == 0 && !blank && !previous_blank) level = MarkerLevel();
    SetMarkerLevel(std::min(level, BodyBuilder::kMaxQuoteDepth));
    if (blank) return true;

    if (std::size_t n = FenceAt(i, end); n > 0) {
      fence_char_ = text_[i];
      fence_length_ = n;
      SkipTagsBefore(end);
      return false;
    }
    if (IsThematicBreak(i, end)) return false;
    i = SkipBlockMarker(i, end);
    Inline(i, end);
    return false;
  }

  std::size_t FenceAt(std::size_t i, std::size_t end) const {
    if (i >= end || (text_[i] != '`' && text_[i] != '~')) return 0;
    std::size_t n = 0;
    while (i + n < end && text_[i + n] == text_[i]) ++n;
    return n >= 3 ? n : 0;
  }

  bool IsFence(std::size_t i, std::size_t end, char c, std::size_t length) const {
    return i < end && text_[i] == c && FenceAt(i, end) >= length;
  }

  bool IsThematicBreak(std::size_t i, std::size_t end) const {
    char c = text_[i];
    if (c != '-' && c != '*' && c != '_') return false;
    std::size_t count = 0;
    for (; i < end; ++i) {
      if (text_[i] == c) {
        ++count;
      } else if (!IsSpaceInLine(text_[i])) {
        return false;
      }
    }
    return count >= 3;
  }

  // Skips a heading's '#'s or a list item's bullet or number.
  std::size_t SkipBlockMarker(std::size_t i, std::size_t end) const {
    std::size_t j = i;
    if (text_[j] == '#') {
      while (j < end && j - i < 6 && text_[j] == '#') ++j;
    } else if (text_[j] == '-' || text_[j] == '*' || text_[j] == '+') {
      ++j;
    } else {
      while (j < end && j - i < 9 && IsAsciiDigit(text_[j])) ++j;
      if (j == i || j >= end || (text_[j] != '.' && text_[j] != ')')) return i;
      ++j;
    }
    if (j < end && !IsSpaceInLine(text_[j])) return i;
    while (j < end && IsSpaceInLine(text_[j])) ++j;
    return j;
  }

  std::size_t MarkerLevel() const {
    std::size_t n = 0;
    for (auto it = kinds_.rbegin(); it != kinds_.rend() && *it == 'B'; ++it) ++n;
    return n;
  }

  void SetMarkerLevel(std::size_t level) {
    std::size_t current = MarkerLevel();
    for (; current > level; --current) {
      kinds_.pop_back();
      out_.CloseQuote();
    }
    for (; current < level; ++current) {
      kinds_.push_back('B');
      out_.OpenQuote();
    }
  }

  void QuoteTag(const BBCodeTag& tag) {
    if (!tag.closing) {
      kinds_.push_back('T');
      out_.OpenQuote();
      ++open_tags_;
      return;
    }
    if (open_tags_ == 0) return;  // its open tag was inside code
    SetMarkerLevel(0);
    kinds_.pop_back();
    out_.CloseQuote();
    --open_tags_;
  }

  void SkipTagsBefore(std::size_t pos) {
    while (next_tag_ < tags_.size() && tags_[next_tag_].begin < pos) ++next_tag_;
  }

  // The paired BBCode tag whose '[' is at pos, or nullptr.
  const BBCodeTag* TagAt(std::size_t pos) {
    SkipTagsBefore(pos);
    if (next_tag_ < tags_.size() && tags_[next_tag_].begin == pos &&
        tags_[next_tag_].partner != BBCodeTag::kNoPartner) {
      return &tags_[next_tag_];
    }
    return nullptr;
  }

  // Handles the paired BBCode tag at line[tag.begin] as Discourse cooks BBCode
  // inside markdown (the bbcode-block and bbcode-inline rules of discourse-markdown-it):
  // [quote] blocks; [img]src[/img], [url]href[/url] and [email] whose content is on
  // the line; [url=href] links; [b] [i] [u] [s] formatting, dropped. Returns where
  // to continue.
  template <typename Flush>
  std::size_t BBCodeTagAt(std::string_view line, const BBCodeTag& tag, Flush flush) {
    const bool raw_content = tag.name == "img" || tag.name == "email" ||
                             (tag.name == "url" && tag.value.empty());
    if (raw_content && !tag.closing) {
      const BBCodeTag& close = tags_[tag.partner];
      if (close.end > line.size()) return tag.begin + 1;  // not inline: left as text
      const std::string_view content = line.substr(tag.end, close.begin - tag.end);
      flush(tag.begin, close.end);
      if (tag.name == "img") {
        out_.AddImage(content, false);
      } else {
        out_.AddLiteral(content);
        if (tag.name == "url") out_.AddLink(content, "");
      }
      return close.end;
    }
    flush(tag.begin, tag.end);
    if (tag.name == "quote") {
      QuoteTag(tag);
    } else if (tag.name == "url" && !tag.closing) {
      out_.BeginLink(tag.value);
    } else if (tag.name == "url") {
      out_.EndLink();
    }
    return tag.end;
  }

  // Matching ']' for each '[' of the line, sorted by the '[' position.
  std::vector<std::pair<std::size_t, std::size_t>> MatchBrackets(std::size_t begin,
                                                                 std::size_t end) const {
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    std::vector<std::size_t> open;
    for (std::size_t i = begin; i < end; ++i) {
      if (text_[i] == '\\') {
        ++i;
      } else if (text_[i] == '[') {
        open.push_back(i);
      } else if (text_[i] == ']' && !open.empty()) {
        pairs.emplace_back(open.back(), i);
        open.pop_back();
      }
    }
    std::sort(pairs.begin(), pairs.end());
    return pairs;
  }

  void Inline(std::size_t begin, std::size_t end) {
    const std::string_view line = text_.substr(0, end);
    const auto brackets = MatchBrackets(begin, end);
    std::size_t next_bracket = 0;
    auto close_of = [&](std::size_t open) -> std::size_t {
      while (next_bracket < brackets.size() && brackets[next_bracket].first < open) ++next_bracket;
      return next_bracket < brackets.size() && brackets[next_bracket].first == open
                 ? brackets[next_bracket].second
                 : std::string_view::npos;
    };
    std::array<bool, kMaxCodeFence + 1> no_code_close{};
    std::size_t link_close = std::string_view::npos;  // the ']' ending the open link text
    std::size_t link_end = 0;

    std::size_t run = begin;
    auto flush = [&](std::size_t to, std::size_t resume) {
      if (to > run) out_.AddLiteral(DecodeHtmlEntities(line.substr(run, to - run)));
      run = resume;
    };
    for (std::size_t i = begin; i < end;) {
      char c = line[i];
      if (const BBCodeTag* tag = c == '[' ? TagAt(i) : nullptr) {
        i = BBCodeTagAt(line, *tag, flush);
      } else if (c == '\\' && i + 1 < end && IsAsciiPunct(line[i + 1])) {
        flush(i, i + 1);
        i += 2;
      } else if (c == '`') {
        std::size_t n = 1;
        while (i + n < end && line[i + n] == '`') ++n;
        std::size_t close = n <= kMaxCodeFence && !no_code_close[n] ? FindCodeClose(line, i + n, n)
                                                                    : std::string_view::npos;
        if (close == std::string_view::npos) {
          if (n <= kMaxCodeFence) no_code_close[n] = true;
          i += n;
        } else {
          flush(i, close + n);
          out_.AddLiteral(line.substr(i + n, close - i - n));
          i = close + n;
        }
      } else if ((c == '[' && link_close == std::string_view::npos) ||
                 (c == '!' && i + 1 < end && line[i + 1] == '[')) {
        std::size_t open = c == '[' ? i : i + 1;
        std::size_t close = close_of(open);
        std::optional<Destination> dest;
        if (close != std::string_view::npos && close + 1 < end && line[close + 1] == '(') {
          dest = ParseDestination(line, close + 1);
        }
        if (!dest) {
          i = c == '!' ? open : open + 1;  // the '[' may still open a tag or a link
        } else if (c == '!') {
          flush(i, dest->end);
          out_.AddImage(dest->url, false);
          i = dest->end;
        } else {
          flush(i, i + 1);
          out_.BeginLink(dest->url);
          link_close = close;
          link_end = dest->end;
          ++i;
        }
      } else if (c == ']' && i == link_close) {
        flush(i, link_end);
        out_.EndLink();
        link_close = std::string_view::npos;
        i = link_end;
      } else if (c == '<') {
        i = Angle(line, i, [&](std::size_t to, std::size_t resume) { flush(to, resume); });
      } else if (c == '*' || c == '_' || c == '~') {
        std::size_t n = 1;
        while (i + n < end && line[i + n] == c) ++n;
        char before = i > begin ? line[i - 1] : ' ';
        char after = i + n < end ? line[i + n] : ' ';
        bool inside_word = IsWordByte(before) && IsWordByte(after);
        bool standalone = IsSpaceInLine(before) && IsSpaceInLine(after);
        if (!inside_word && !standalone && (c != '~' || n >= 2)) flush(i, i + n);
        i += n;
      } else if (std::size_t n = MatchBareUrl(line, i); n > 0) {
        flush(i, i + n);
        out_.AddBareUrl(line.substr(i, n));
        i += n;
      } else {
        ++i;
      }
    }
    flush(end, end);
    out_.EndLink();
  }

  // The closing run of exactly n backticks at or after `from`, or npos.
  static std::size_t FindCodeClose(std::string_view line, std::size_t from, std::size_t n) {
    for (std::size_t i = line.find('`', from); i != std::string_view::npos;) {
      std::size_t run = 1;
      while (i + run < line.size() && line[i + run] == '`') ++run;
      if (run == n) return i;
      i = line.find('`', i + run);
    }
    return std::string_view::npos;
  }

  // Handles '<' at line[i]: an autolink, an HTML tag Discourse allows, or text.
  // Returns where to continue.
  template <typename Flush>
  std::size_t Angle(std::string_view line, std::size_t i, Flush flush) {
    if (std::size_t n = MatchBareUrl(line, i + 1);
        n > 0 && i + 1 + n < line.size() && line[i + 1 + n] == '>') {
      flush(i, i + n + 2);
      out_.AddBareUrl(line.substr(i + 1, n));
      return i + n + 2;
    }
    std::optional<HtmlTag> tag = html_.ReadAt(i);
    if (!tag || tag->end > line.size()) return i + 1;
    flush(i, tag->end);
    if (tag->name == "a") {
      if (tag->closing) {
        out_.EndLink();
      } else {
        out_.BeginLink(tag->Attribute("href"));
      }
    } else if (tag->name == "img" && !tag->closing) {
      out_.AddImage(tag->Attribute("src"), tag->HasClass("animated"));
    } else if (tag->name == "br" || tag->name == "p" || tag->name == "div") {
      out_.AddBreak();
    }
    return tag->end;
  }

  const std::string_view text_;
  BodyBuilder& out_;
  const std::vector<BBCodeTag> tags_;
  std::size_t next_tag_ = 0;
  std::size_t open_tags_ = 0;
  std::vector<char> kinds_;
  HtmlTagReader html_;
  char fence_char_ = 0;
  std::size_t fence_length_ = 0;  // 0 outside a fenced code block
};

}  // namespace

void ParseMarkdown(std::string_view text, BodyBuilder& out) { MarkdownWalker(text, out).Run(); }

}  // namespace modbot
