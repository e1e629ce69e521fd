#include "policy/html_parser.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "policy/ascii.h"
#include "policy/url_finder.h"

namespace modbot {

namespace {

bool IsHexDigit(char c) {
  return IsAsciiDigit(c) || (AsciiLower(c) >= 'a' && AsciiLower(c) <= 'f');
}
// HTML's ASCII whitespace: no \v.
bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

void AppendUtf8(uint32_t cp, std::string& out) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

struct NamedEntity {
  std::string_view name;
  uint32_t code_point;
};

// The references forum software actually emits, plus French letters.
constexpr auto kNamedEntities = std::to_array<NamedEntity>({
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"ldquo", 0x201C},  {"rdquo", 0x201D}, {"laquo", 0xAB},   {"raquo", 0xBB},
    {"copy", 0xA9},    {"reg", 0xAE},      {"trade", 0x2122}, {"euro", 0x20AC},  {"deg", 0xB0},
    {"middot", 0xB7},  {"times", 0xD7},    {"agrave", 0xE0},  {"acirc", 0xE2},   {"ccedil", 0xE7},
    {"egrave", 0xE8},  {"eacute", 0xE9},   {"ecirc", 0xEA},   {"euml", 0xEB},    {"icirc", 0xEE},
    {"iuml", 0xEF},    {"ocirc", 0xF4},    {"ugrave", 0xF9},  {"ucirc", 0xFB},   {"uuml", 0xFC},
    {"oelig", 0x153},  {"Agrave", 0xC0},   {"Ccedil", 0xC7},  {"Eacute", 0xC9},  {"Egrave", 0xC8},
    {"Ecirc", 0xCA},   {"Ocirc", 0xD4},
});

// Decodes the reference at text[pos] == '&' into out; returns its length, 0 if none.
std::size_t DecodeEntityAt(std::string_view text, std::size_t pos, std::string& out) {
  std::size_t i = pos + 1;
  if (i < text.size() && text[i] == '#') {
    ++i;
    bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
    if (hex) ++i;
    std::size_t digits = i;
    uint32_t cp = 0;
    while (i < text.size() && (hex ? IsHexDigit(text[i]) : IsAsciiDigit(text[i]))) {
      char c = AsciiLower(text[i]);
      uint32_t digit = IsAsciiDigit(c) ? c - '0' : c - 'a' + 10;
      cp = std::min<uint32_t>(cp * (hex ? 16 : 10) + digit, 0x110000);
      ++i;
    }
    if (i == digits) return 0;
    if (i < text.size() && text[i] == ';') ++i;
    AppendUtf8(cp, out);
    return i - pos;
  }
  std::size_t name_begin = i;
  while (i < text.size() && i - name_begin < 8 &&
         (IsAsciiAlpha(text[i]) || IsAsciiDigit(text[i]))) {
    ++i;
  }
  if (i >= text.size() || text[i] != ';') return 0;
  std::string_view name = text.substr(name_begin, i - name_begin);
  for (const NamedEntity& entity : kNamedEntities) {
    if (entity.name == name) {
      AppendUtf8(entity.code_point, out);
      return i + 1 - pos;
    }
  }
  return 0;
}

}  // namespace

std::string DecodeHtmlEntities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t done = 0;
  for (std::size_t amp = text.find('&'); amp != std::string_view::npos;
       amp = text.find('&', amp + 1)) {
    out.append(text.substr(done, amp - done));
    std::size_t n = DecodeEntityAt(text, amp, out);
    if (n == 0) {
      out.push_back('&');
      done = amp + 1;
    } else {
      done = amp + n;
      amp = done - 1;
    }
  }
  out.append(text.substr(done));
  return out;
}

std::string_view HtmlTag::Attribute(std::string_view attribute) const {
  for (const auto& [key, value] : attributes) {
    if (key == attribute) return value;
  }
  return {};
}

bool HtmlTag::HasClass(std::string_view name) const {
  std::string_view classes = Attribute("class");
  for (std::size_t i = 0; i < classes.size();) {
    while (i < classes.size() && IsHtmlSpace(classes[i])) ++i;
    std::size_t end = i;
    while (end < classes.size() && !IsHtmlSpace(classes[end])) ++end;
    if (classes.substr(i, end - i) == name) return true;
    i = end;
  }
  return false;
}

std::optional<HtmlTag> HtmlTagReader::ReadAt(std::size_t pos) {
  std::size_t i = pos + 1;
  HtmlTag tag;
  if (i < text_.size() && text_[i] == '/') {
    tag.closing = true;
    ++i;
  }
  if (i >= text_.size() || !IsAsciiAlpha(text_[i])) return std::nullopt;
  if (!gt_known_ || (next_gt_ != std::string_view::npos && next_gt_ < i)) {
    next_gt_ = text_.find('>', i);
    gt_known_ = true;
  }
  if (next_gt_ == std::string_view::npos) return std::nullopt;
  const std::size_t gt = next_gt_;
  std::size_t name_begin = i;
  while (i < gt && (IsAsciiAlpha(text_[i]) || IsAsciiDigit(text_[i]) || text_[i] == '-')) ++i;
  if (i < gt && !IsHtmlSpace(text_[i]) && text_[i] != '/') return std::nullopt;
  tag.name = AsciiLowerCopy(text_.substr(name_begin, i - name_begin));
  while (i < gt) {
    while (i < gt && (IsHtmlSpace(text_[i]) || text_[i] == '/')) ++i;
    std::size_t key_begin = i;
    while (i < gt && !IsHtmlSpace(text_[i]) && text_[i] != '=' && text_[i] != '/') ++i;
    if (i == key_begin) {
      ++i;  // a stray '=' or the like
      continue;
    }
    std::string key = AsciiLowerCopy(text_.substr(key_begin, i - key_begin));
    while (i < gt && IsHtmlSpace(text_[i])) ++i;
    std::string_view value;
    if (i < gt && text_[i] == '=') {
      ++i;
      while (i < gt && IsHtmlSpace(text_[i])) ++i;
      if (i < gt && (text_[i] == '"' || text_[i] == '\'')) {
        std::size_t close = text_.substr(0, gt).find(text_[i], i + 1);
        if (close == std::string_view::npos) close = gt;
        value = text_.substr(i + 1, close - i - 1);
        i = std::min(close + 1, gt);
      } else {
        std::size_t value_begin = i;
        while (i < gt && !IsHtmlSpace(text_[i])) ++i;
        value = text_.substr(value_begin, i - value_begin);
      }
    }
    tag.attributes.emplace_back(std::move(key), DecodeHtmlEntities(value));
  }
  tag.end = gt + 1;
  return tag;
}

namespace {

bool IsBlockElement(std::string_view name) {
  static constexpr auto kBlocks = std::to_array<std::string_view>(
      {"p",       "div",     "li",     "ul",    "ol",        "h1",  "h2",     "h3",
       "h4",      "h5",      "h6",     "tr",    "table",     "pre", "hr",     "section",
       "article", "header",  "footer", "dl",    "dt",        "dd",  "figure", "figcaption",
       "details", "summary", "center", "aside", "blockquote"});
  return std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end();
}

// Finds "</name" case-insensitively from `from`; npos when absent.
std::size_t FindClosingTag(std::string_view text, std::size_t from, std::string_view name) {
  for (std::size_t i = text.find("</", from); i != std::string_view::npos;
       i = text.find("</", i + 2)) {
    std::string_view rest = text.substr(i + 2, name.size());
    if (AsciiLowerCopy(rest) == name) return i;
  }
  return std::string_view::npos;
}

// Walks the tags of one document, keeping what maps HTML structure onto quotes:
// Discourse wraps a quote as <aside class="quote"><div class="title">who
// wrote</div><blockquote>text</blockquote></aside>, which is one quote, not two,
// and whose title is not text.
class HtmlWalker {
 public:
  explicit HtmlWalker(BodyBuilder& out) : out_(out) {}

  void Text(std::string_view raw) {
    if (skip_depth_ > 0) return;
    out_.AddText(DecodeHtmlEntities(raw));
  }

  void Tag(const HtmlTag& tag) {
    if (skip_depth_ > 0) {
      Skipped(tag);
      return;
    }
    const std::string& name = tag.name;
    if (name == "aside" || name == "blockquote") {
      QuoteTag(tag);
    } else if (name == "div" && !tag.closing &&
               ((tag.HasClass("title") && !quotes_.empty() && quotes_.back().name == "aside") ||
                (tag.HasClass("meta") && in_lightbox_))) {
      StartSkip(tag, false);
    } else if (name == "a") {
      if (tag.closing) {
        if (in_lightbox_) {
          in_lightbox_ = false;
        } else {
          out_.EndLink();
        }
      } else if (tag.HasClass("lightbox")) {
        // The lightbox wrapper links to the image it wraps: an image, not a link.
        in_lightbox_ = true;
      } else {
        out_.BeginLink(tag.Attribute("href"));
      }
    } else if (name == "dl") {
      AttachmentList(tag);
    } else if ((name == "dt" || name == "dd") && !tag.closing && IsAttachmentLabel(tag)) {
      StartSkip(tag, false);
    } else if (name == "img" && !tag.closing) {
      if (tag.HasClass("emoji")) {
        std::string_view alt = tag.Attribute("alt");
        out_.AddLiteral(alt.empty() ? tag.Attribute("title") : alt);
      } else {
        std::string_view src = tag.Attribute("src");
        // phpBB serves an attached image from download/file.php?id=N: only its alt,
        // the uploaded file's name, says it is a GIF.
        const bool animated = tag.HasClass("animated") ||
                              (tag.HasClass("postimage") && IsAnimatedImageSrc(tag.Attribute("alt")));
        out_.AddImage(src.empty() ? tag.Attribute("data-src") : src, animated);
      }
    } else if (name == "br") {
      out_.AddBreak();
    } else if (name == "td" || name == "th") {
      out_.AddSpace();
    } else if (IsBlockElement(name)) {
      out_.AddBreak();
    }
  }

 private:
  struct QuoteElement {
    std::string name;
    bool opened = false;              // opened a quote in the builder
    bool absorbs_blockquote = false;  // aside.quote whose blockquote is the same quote
  };

  std::size_t& OpenCount(std::string_view name) {
    return name == "aside" ? open_asides_ : open_blockquotes_;
  }

  void Push(QuoteElement element) {
    ++OpenCount(element.name);
    quotes_.push_back(std::move(element));
  }

  void QuoteTag(const HtmlTag& tag) {
    out_.AddBreak();
    if (tag.closing) {
      if (OpenCount(tag.name) == 0) return;
      while (true) {
        QuoteElement element = std::move(quotes_.back());
        quotes_.pop_back();
        --OpenCount(element.name);
        if (element.opened) out_.CloseQuote();
        if (element.name == tag.name) return;
      }
    }
    if (tag.name == "aside") {
      if (tag.HasClass("onebox")) {
        StartSkip(tag, true);
        AddOneboxLink(tag.Attribute("data-onebox-src"));
      } else if (tag.HasClass("quote")) {
        out_.OpenQuote();
        Push({tag.name, true, true});
      } else {
        Push({tag.name, false, false});
      }
      return;
    }
    if (!quotes_.empty() && quotes_.back().absorbs_blockquote) {
      quotes_.back().absorbs_blockquote = false;
      Push({tag.name, false, false});
    } else {
      out_.OpenQuote();
      Push({tag.name, true, false});
    }
  }

  // phpBB (prosilver attachment.html) lists attachments as
  // <dl class="attachbox"><dt>Attachments</dt><dd><dl class="file"><dt>image</dt>
  // <dd>name (size) Viewed N times</dd></dl></dd></dl>: the labels are the forum's
  // words, not the author's.
  void AttachmentList(const HtmlTag& tag) {
    if (tag.closing) {
      if (!lists_.empty()) lists_.pop_back();
    } else {
      lists_.push_back(tag.HasClass("attachbox") ? kAttachBox : tag.HasClass("file") ? kFile : kOther);
    }
  }

  bool IsAttachmentLabel(const HtmlTag& tag) const {
    if (lists_.empty()) return false;
    return (lists_.back() == kAttachBox && tag.name == "dt") ||
           (lists_.back() == kFile && tag.name == "dd");
  }

  // Drops an element's content. A onebox (a link preview the forum built) still
  // yields the link it previews, but its text is the linked page's, not the author's.
  void StartSkip(const HtmlTag& tag, bool onebox) {
    skip_name_ = tag.name;
    skip_depth_ = 1;
    in_onebox_ = onebox;
    onebox_link_added_ = false;
  }

  void AddOneboxLink(std::string_view url) {
    if (onebox_link_added_ || url.empty()) return;
    out_.AddLink(url, "");
    onebox_link_added_ = true;
  }

  void Skipped(const HtmlTag& tag) {
    if (tag.name == skip_name_) {
      skip_depth_ += tag.closing ? -1 : 1;
    } else if (in_onebox_ && tag.name == "a" && !tag.closing) {
      AddOneboxLink(tag.Attribute("href"));
    }
  }

  BodyBuilder& out_;
  enum ListKind { kAttachBox, kFile, kOther };
  std::vector<ListKind> lists_;  // open <dl> elements
  // Only quote-like elements are tracked; a close pops up to its open element.
  // The counts keep a stray close from popping everything; each element is popped
  // once, so this stays linear.
  std::vector<QuoteElement> quotes_;
  std::size_t open_asides_ = 0;
  std::size_t open_blockquotes_ = 0;
  std::string skip_name_;
  int skip_depth_ = 0;
  bool in_onebox_ = false;
  bool onebox_link_added_ = false;
  bool in_lightbox_ = false;
};

}  // namespace

void ParseHtml(std::string_view text, BodyBuilder& out) {
  HtmlTagReader reader(text);
  HtmlWalker walker(out);
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t lt = text.find('<', i);
    if (lt == std::string_view::npos) {
      walker.Text(text.substr(i));
      break;
    }
    walker.Text(text.substr(i, lt - i));
    std::string_view rest = text.substr(lt);
    if (rest.substr(0, 4) == "<!--") {
      std::size_t close = text.find("-->", lt + 4);
      i = close == std::string_view::npos ? text.size() : close + 3;
      continue;
    }
    if (rest.substr(0, 2) == "<!" || rest.substr(0, 2) == "<?") {
      std::size_t close = text.find('>', lt);
      i = close == std::string_view::npos ? text.size() : close + 1;
      continue;
    }
    std::optional<HtmlTag> tag = reader.ReadAt(lt);
    if (!tag) {
      walker.Text("<");
      i = lt + 1;
      continue;
    }
    i = tag->end;
    if (!tag->closing && (tag->name == "script" || tag->name == "style")) {
      // Raw text: nothing inside is markup or the author's words.
      std::size_t close = FindClosingTag(text, i, tag->name);
      i = close == std::string_view::npos ? text.size() : close;
      continue;
    }
    walker.Tag(*tag);
  }
}

}  // namespace modbot
