#include "policy/markup_parser.h"

#include <utility>

#include "policy/ascii.h"
#include "policy/body_parser.h"
#include "policy/url_finder.h"

namespace modbot {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

BodyBuilder::BodyBuilder(bool newline_is_break) : newline_is_break_(newline_is_break) {}

std::size_t BodyBuilder::CurrentSinkIndex() const {
  return open_quotes_.empty() ? kOwn : open_quotes_.back();
}

BodyBuilder::Sink& BodyBuilder::SinkAt(std::size_t index) {
  return index == kOwn ? own_ : quotes_[index];
}

void BodyBuilder::AddText(std::string_view text) {
  if (InQuote() || in_anchor_) {
    AddLiteral(text);
    return;
  }
  std::size_t done = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = MatchBareUrl(text, i);
    if (n == 0) {
      ++i;
      continue;
    }
    AddLiteral(text.substr(done, i - done));
    AddBareUrl(text.substr(i, n));
    i += n;
    done = i;
  }
  AddLiteral(text.substr(done));
}

void BodyBuilder::AddLiteral(std::string_view text) {
  Sink& sink = SinkAt(CurrentSinkIndex());
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    // U+00A0 (from &nbsp; or pasted text) separates words like a space.
    bool nbsp = c == '\xc2' && i + 1 < text.size() && text[i + 1] == '\xa0';
    if (IsAsciiSpace(c) || nbsp) {
      Gap gap = (c == '\n' && newline_is_break_) ? Gap::kBreak : Gap::kSpace;
      if (gap > sink.gap) sink.gap = gap;
      i += nbsp ? 2 : 1;
      continue;
    }
    std::size_t run = i;
    while (i < text.size() && !IsAsciiSpace(text[i]) &&
           !(text[i] == '\xc2' && i + 1 < text.size() && text[i + 1] == '\xa0')) {
      ++i;
    }
    if (!sink.text.empty() && sink.gap != Gap::kNone) {
      sink.text.push_back(sink.gap == Gap::kBreak ? '\n' : ' ');
    }
    sink.gap = Gap::kNone;
    sink.text.append(text.substr(run, i - run));
  }
}

void BodyBuilder::AddBareUrl(std::string_view url) {
  AddLiteral(url);
  if (!InQuote() && !in_anchor_) RecordLink(url, "");
}

void BodyBuilder::AddBreak() { SinkAt(CurrentSinkIndex()).gap = Gap::kBreak; }

void BodyBuilder::AddSpace() {
  Sink& sink = SinkAt(CurrentSinkIndex());
  if (sink.gap == Gap::kNone) sink.gap = Gap::kSpace;
}

void BodyBuilder::BeginLink(std::string_view url) {
  EndLink();
  in_anchor_ = true;
  anchor_url_ = url;
  anchor_sink_ = CurrentSinkIndex();
  anchor_start_ = SinkAt(anchor_sink_).text.size();
}

void BodyBuilder::EndLink() {
  if (!in_anchor_) return;
  in_anchor_ = false;
  if (anchor_sink_ != kOwn) return;
  std::string_view text = Trim(std::string_view(own_.text).substr(anchor_start_));
  RecordLink(anchor_url_, Trim(anchor_url_) == text ? std::string_view() : text);
}

void BodyBuilder::AddLink(std::string_view url, std::string_view text) {
  if (!InQuote()) RecordLink(url, text);
}

void BodyBuilder::RecordLink(std::string_view url, std::string_view text) {
  url = Trim(url);
  std::string domain = DomainOfUrl(url);
  // Relative links (mentions, hashtags, the forum's own pages) lead nowhere new.
  if (domain.empty() || links_.size() >= kMaxLinks) return;
  links_.push_back(Link{std::string(url), std::move(domain), std::string(text)});
}

void BodyBuilder::AddImage(std::string_view src, bool animated_marker) {
  src = Trim(src);
  if (InQuote() || src.empty() || images_.size() >= kMaxLinks) return;
  images_.push_back(Image{std::string(src), animated_marker || IsAnimatedImageSrc(src)});
}

void BodyBuilder::OpenQuote() {
  if (open_quotes_.size() >= kMaxQuoteDepth) {
    ++flattened_quotes_;
    return;
  }
  open_quotes_.push_back(quotes_.size());
  quotes_.emplace_back();
}

void BodyBuilder::CloseQuote() {
  if (flattened_quotes_ > 0) {
    --flattened_quotes_;
  } else if (!open_quotes_.empty()) {
    open_quotes_.pop_back();
  }
}

PostBody BodyBuilder::Finish() && {
  EndLink();
  PostBody body;
  body.own_text = std::move(own_.text);
  for (Sink& quote : quotes_) {
    if (!quote.text.empty()) body.quotes.push_back(std::move(quote.text));
  }
  body.links = std::move(links_);
  body.images = std::move(images_);
  return body;
}

}  // namespace modbot
