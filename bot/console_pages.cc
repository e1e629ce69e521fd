#include "bot/console_pages.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include <utf8proc.h>

#include "bot/iso_time.h"
#include "bot/score_text.h"
#include "policy/clause.h"
#include "policy/normalizer.h"

namespace modbot {

namespace {

constexpr const char* kStyle = R"css(
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:980px;padding:0 1.2em 3em;
color:#1d2330;background:#f6f7f9}
header.top{display:flex;justify-content:space-between;align-items:center;gap:1em;
border-bottom:3px solid #1f5f99;padding:.8em 0;margin-bottom:1em}
header.top h1{font-size:1.3em;margin:0;color:#1f5f99}
header.top form{display:inline}
h2{font-size:1.15em;margin:1.6em 0 .5em}
article{background:#fff;border:1px solid #d5d9e0;border-radius:6px;padding:.8em 1em;margin:.8em 0}
article.hidden-by-bot{border-left:5px solid #b3261e}
article.queued{border-left:5px solid #c77c02}
article h3{margin:0 0 .2em;font-size:1.05em}
.meta,.facts{color:#505a6b;margin:.15em 0;font-size:.92em}
blockquote{margin:.5em 0;padding:.4em .8em;border-left:3px solid #aab3c2;background:#f0f2f5;
color:#3a4354;white-space:pre-wrap}
blockquote b{display:block;font-size:.85em;color:#505a6b}
.text{white-space:pre-wrap;padding:.5em .8em;background:#fcfcfd;border:1px solid #e4e7ec;
border-radius:4px}
mark{background:#ffd54f;padding:0 .1em;border-radius:2px}
table{border-collapse:collapse;margin:.6em 0;width:100%;font-size:.92em}
th,td{text-align:left;padding:.25em .5em;border-bottom:1px solid #e4e7ec;vertical-align:top}
.actions{display:flex;flex-wrap:wrap;gap:.8em;align-items:flex-end;margin-top:.5em}
.actions form{display:flex;gap:.5em;align-items:flex-end;flex-wrap:wrap}
label{display:flex;flex-direction:column;font-size:.85em;color:#505a6b}
select{max-width:24em}
button{font:inherit;padding:.35em .9em;border-radius:4px;border:1px solid #8a94a6;
background:#fff;cursor:pointer}
button.approve{border-color:#2e7d32;color:#2e7d32}
button.remove{border-color:#b3261e;background:#b3261e;color:#fff}
.flash{background:#e8f5e9;border:1px solid #2e7d32;padding:.6em 1em;border-radius:4px}
.error{background:#fdecea;border:1px solid #b3261e;padding:.6em 1em;border-radius:4px}
.empty{color:#505a6b;font-style:italic}
)css";

std::string Page(const ConsoleStrings& s, const std::string& header_extra,
                 const std::string& body) {
  return std::string("<!DOCTYPE html>\n<html lang=\"") + s.lang_code +
         "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
         "content=\"width=device-width,initial-scale=1\"><title>" + HtmlEscape(s.title) +
         "</title><style>" + kStyle + "</style></head><body><header class=\"top\"><h1>" +
         HtmlEscape(s.title) + "</h1><div>" + header_extra + " <a href=\"?lang=" + s.other_code +
         "\" hreflang=\"" + s.other_code + "\">" + HtmlEscape(s.other_lang) +
         "</a></div></header>\n" + body + "</body></html>\n";
}

std::string Fact(const ConsoleStrings& s, const char* name, const std::optional<int>& value,
                 const char* unit = "") {
  const std::string out = std::string(name) + s.colon;
  if (!value) return HtmlEscape(out + s.unknown);
  return HtmlEscape(out + std::to_string(*value) + (*unit ? " " : "") + unit);
}

std::string_view ClauseTitle(Clause c, UiLang lang) {
  return lang == UiLang::kFr ? ClauseTitleFr(c) : ClauseTitleEn(c);
}

std::string Hidden(const char* name, const std::string& value) {
  return std::string("<input type=\"hidden\" name=\"") + name + "\" value=\"" + HtmlEscape(value) +
         "\">";
}

// A form deciding item: decision is "approve" or "remove".
std::string DecisionForm(const QueueView& view, const ReviewItem& item, const char* decision,
                         const char* css, const char* label, const std::string& fields) {
  return "<form method=\"post\" action=\"/decide\">" + Hidden("csrf", view.csrf_token) +
         Hidden("post", item.post_id) + Hidden("version", item.version) + fields +
         "<button type=\"submit\" name=\"decision\" value=\"" + decision + "\" class=\"" + css +
         "\">" + HtmlEscape(label) + "</button></form>";
}

std::string RemovalFields(const ConsoleStrings& s, UiLang lang) {
  std::string out = std::string("<label>") + HtmlEscape(s.clause_label) +
                    "<select name=\"clause\"><option value=\"\">" + HtmlEscape(s.clause_default) +
                    "</option>";
  for (Clause c : AllClauses()) {
    out += "<option value=\"" + std::string(ClauseId(c)) + "\">" +
           std::to_string(ClauseNumber(c)) + ". " + HtmlEscape(ClauseTitle(c, lang)) + "</option>";
  }
  return out + "</select></label><label>" + HtmlEscape(s.note_label) +
         "<input name=\"note\" maxlength=\"500\" size=\"28\"></label>";
}

std::string ItemCard(const ConsoleStrings& s, UiLang lang, const QueueView& view,
                     const ReviewItem& item) {
  const bool hidden = item.action == "hide";
  const PostContext& c = item.context;
  std::string out = "<article id=\"post-" + HtmlEscape(item.post_id) + "\" class=\"" +
                    (hidden ? "hidden-by-bot" : "queued") + "\"><h3>" + HtmlEscape(s.post) + " " +
                    HtmlEscape(item.post_id) + " " + HtmlEscape(s.by) + " <strong>" +
                    HtmlEscape(item.author) + "</strong></h3>";
  out += "<p class=\"facts\">" + Fact(s, s.account_age, c.author_account_age_days, s.days) +
         " · " + Fact(s, s.post_count, c.author_post_count) + " · " +
         Fact(s, s.trust_level, c.author_trust_level) + "</p>";
  out += "<p class=\"meta\">";
  if (!c.topic_title.empty()) {
    out += HtmlEscape(s.topic) + s.colon + "<strong>" +
           HtmlEscape(c.topic_title) + "</strong> · ";
  }
  out += HtmlEscape(s.queued_at) + " " + HtmlEscape(FormatIsoTime(item.created_at)) + ", " +
         HtmlEscape(hidden ? s.hidden_by_bot : s.queued_by_bot);
  if (!item.url.empty()) {
    out += " · <a href=\"" + HtmlEscape(item.url) + "\" rel=\"noreferrer\">" +
           HtmlEscape(s.open_on_forum) + "</a>";
  }
  out += "</p>";
  if (!c.reply_to.empty()) {
    out += "<blockquote class=\"reply\"><b>" + HtmlEscape(s.in_reply_to) + "</b>" +
           HtmlEscape(c.reply_to) + "</blockquote>";
  }
  std::vector<std::string> evidence;
  for (const Reason& r : item.reasons) evidence.push_back(r.evidence);
  const bool has_text = !c.text.empty();
  out += "<div class=\"text\">" + HighlightEvidence(has_text ? c.text : item.excerpt, evidence) +
         "</div>";
  if (!has_text) out += "<p class=\"meta\">" + HtmlEscape(s.no_context) + "</p>";
  out += "<table class=\"why\"><tr><th>" + HtmlEscape(s.principle) + "</th><th>" +
         HtmlEscape(s.rule) + "</th><th>" + HtmlEscape(s.score) + "</th><th>" +
         HtmlEscape(s.evidence) + "</th></tr>";
  for (const Reason& r : item.reasons) {
    out += "<tr><td>" + std::to_string(ClauseNumber(r.clause)) + ". " +
           HtmlEscape(ClauseTitle(r.clause, lang)) + " <small>(" +
           std::string(ClauseId(r.clause)) + ")</small></td><td>" + HtmlEscape(r.rule) +
           "</td><td>" + ScoreText(r.score) + "</td><td><mark>" + HtmlEscape(r.evidence) +
           "</mark></td></tr>";
  }
  out += "</table><div class=\"actions\">";
  if (hidden) {
    out += DecisionForm(view, item, "approve", "approve", s.restore, "");
    out += DecisionForm(view, item, "remove", "", s.keep_hidden, "");
  } else {
    out += DecisionForm(view, item, "approve", "approve", s.approve, "");
    out += DecisionForm(view, item, "remove", "remove", s.remove, RemovalFields(s, lang));
  }
  return out + "</div></article>\n";
}

std::string Section(const ConsoleStrings& s, UiLang lang, const QueueView& view,
                    const char* id, const char* heading, const char* intro, const char* empty,
                    const std::vector<ReviewItem>& items) {
  std::string out = std::string("<section id=\"") + id + "\"><h2>" + HtmlEscape(heading) +
                    " (" + std::to_string(items.size()) + ")</h2>";
  if (intro) out += "<p class=\"meta\">" + HtmlEscape(intro) + "</p>";
  if (items.empty()) out += "<p class=\"empty\">" + HtmlEscape(empty) + "</p>";
  for (const ReviewItem& item : items) out += ItemCard(s, lang, view, item);
  return out + "</section>\n";
}

std::string DecidedTable(const ConsoleStrings& s, const std::vector<ReviewItem>& items) {
  if (items.empty()) return "";
  std::string out = "<section id=\"decided\"><h2>" + HtmlEscape(s.decided_heading) +
                    "</h2><table><tr><th>" + HtmlEscape(s.post) + "</th><th></th><th>" +
                    HtmlEscape(s.by) + "</th><th></th><th>" + HtmlEscape(s.note_label) +
                    "</th></tr>";
  for (const ReviewItem& item : items) {
    out += "<tr><td>" + HtmlEscape(item.post_id) + "</td><td>" +
           HtmlEscape(item.status == "approved" ? s.status_approved : s.status_removed) +
           "</td><td>" + HtmlEscape(item.resolved_by) + "</td><td>" +
           HtmlEscape(FormatIsoTime(item.resolved_at)) + "</td><td>" + HtmlEscape(item.note) +
           "</td></tr>";
  }
  return out + "</table></section>\n";
}

// text folded as the policy folds it (policy/normalizer.h), every run of
// punctuation and spaces made one space; begin[i] and end[i] are the bytes of
// the original text that folded byte i came from.
struct FoldedText {
  std::string text;
  std::vector<size_t> begin, end;
};

FoldedText FoldWithOrigins(std::string_view text) {
  FoldedText out;
  size_t at = 0;
  while (at < text.size()) {
    utf8proc_int32_t code;
    utf8proc_ssize_t length = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at), text.size() - at, &code);
    const size_t n = length > 0 ? static_cast<size_t>(length) : 1;
    // FoldText trims whitespace, which here must stay a word break.
    const bool space = length > 0 && (utf8proc_category(code) == UTF8PROC_CATEGORY_ZS ||
                                      code == '\n' || code == '\t' || code == '\r');
    for (char c : space ? std::string(" ") : FoldText(text.substr(at, n))) {
      const bool word = (c & 0x80) || std::isalnum(static_cast<unsigned char>(c));
      if (!word && (out.text.empty() || out.text.back() == ' ')) continue;
      out.text += word ? c : ' ';
      out.begin.push_back(at);
      out.end.push_back(at + n);
    }
    at += n;
  }
  return out;
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string HighlightEvidence(std::string_view text, const std::vector<std::string>& evidence) {
  // Evidence is quoted from the normalised text (accents and case folded,
  // punctuation dropped: "t es rien" for "t'es rien"), so it is looked for in a
  // folded copy of text that remembers where each of its bytes came from.
  FoldedText folded = FoldWithOrigins(text);
  std::vector<std::pair<size_t, size_t>> spans;  // [begin, end) in text
  for (const std::string& e : evidence) {
    // A reason's evidence may list several matched words: "vote, candidate".
    for (size_t start = 0; start < e.size();) {
      size_t comma = e.find(", ", start);
      if (comma == std::string::npos) comma = e.size();
      std::string needle = FoldWithOrigins(e.substr(start, comma - start)).text;
      start = comma + 2;
      if (!needle.empty() && needle.back() == ' ') needle.pop_back();
      if (needle.empty()) continue;
      const std::string& hay = folded.text;
      for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) {
        const size_t end = at + needle.size();
        const bool whole = (at == 0 || hay[at - 1] == ' ') && (end == hay.size() || hay[end] == ' ');
        if (whole) spans.emplace_back(folded.begin[at], folded.end[end - 1]);
      }
    }
  }
  std::sort(spans.begin(), spans.end());
  std::string out;
  size_t done = 0;
  for (size_t i = 0; i < spans.size();) {
    size_t begin = std::max(spans[i].first, done), end = spans[i].second;
    for (++i; i < spans.size() && spans[i].first <= end; ++i) end = std::max(end, spans[i].second);
    if (begin >= end) continue;
    out += HtmlEscape(text.substr(done, begin - done)) + "<mark>" +
           HtmlEscape(text.substr(begin, end - begin)) + "</mark>";
    done = end;
  }
  return out + HtmlEscape(text.substr(done));
}

std::string RenderLoginPage(const ConsoleStrings& s, bool bad_token) {
  std::string body = "<h2>" + HtmlEscape(s.sign_in_heading) + "</h2>";
  if (bad_token) body += "<p class=\"error\" role=\"alert\">" + HtmlEscape(s.bad_token) + "</p>";
  body += "<form method=\"post\" action=\"/login\"><label>" + HtmlEscape(s.token_label) +
          "<input type=\"password\" name=\"token\" autocomplete=\"current-password\" "
          "required size=\"48\"></label> <button type=\"submit\">" + HtmlEscape(s.sign_in) +
          "</button></form>";
  return Page(s, "", body);
}

std::string RenderQueuePage(const ConsoleStrings& s, UiLang lang, const QueueView& view) {
  const std::string header = HtmlEscape(s.signed_in_as) + " <strong>" +
                             HtmlEscape(view.moderator) +
                             "</strong> <form method=\"post\" action=\"/logout\">" +
                             Hidden("csrf", view.csrf_token) + "<button type=\"submit\">" +
                             HtmlEscape(s.sign_out) + "</button></form>";
  std::string body;
  if (view.flash) body += "<p class=\"flash\" role=\"status\">" + HtmlEscape(*view.flash) + "</p>";
  body += Section(s, lang, view, "queue", s.queue_heading, nullptr, s.queue_empty, view.to_review);
  body += Section(s, lang, view, "hides", s.hides_heading, s.hides_intro, s.hides_empty,
                  view.hides);
  body += DecidedTable(s, view.decided);
  return Page(s, header, body);
}

std::string RenderMessagePage(const ConsoleStrings& s, std::string_view heading,
                              std::string_view message) {
  return Page(s, "", "<h2>" + HtmlEscape(heading) + "</h2><p class=\"error\" role=\"alert\">" +
                         HtmlEscape(message) + "</p><p><a href=\"/\">" + HtmlEscape(s.back) +
                         "</a></p>");
}

}  // namespace modbot
