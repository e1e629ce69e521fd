// Notices: the private message that tells an author why their post was hidden.
//
// A notice names each principle broken by its number and its title exactly as the
// policy text writes it (policy/clause.h), quotes a short excerpt of the post, and
// says how to ask for a review. It is written in the post's language, or in both
// English and French when the language is unknown. Templates come from [notices]
// in config.toml; placeholders:
//   {post_id} {username} {url} {principles} {excerpt} {appeal}
// A subject must contain {post_id}: the subject is how a resumed daemon recognises
// a notice it already sent, so it must be unique per post.
#ifndef MODBOT_BOT_NOTICE_H_
#define MODBOT_BOT_NOTICE_H_

#include <string>
#include <string_view>
#include <vector>

#include "adapters/forum.h"
#include "policy/clause.h"

namespace modbot {

struct NoticeTemplate {
  std::string subject;
  std::string body;
  std::string appeal;  // how to ask for a human review
};

struct NoticeSettings {
  std::string language = "auto";  // "auto" (the post's), "en", "fr" or "both"
  int excerpt_chars = 160;
  NoticeTemplate en = DefaultEnglish();
  NoticeTemplate fr = DefaultFrench();

  static NoticeTemplate DefaultEnglish();
  static NoticeTemplate DefaultFrench();
};

struct NoticeFacts {
  std::string post_id;
  std::string username;
  std::string url;
  std::string lang;  // the verdict's: "en", "fr" or "" when unknown
  std::vector<Clause> clauses;
  std::string text;  // the author's own words, plain text
};

ForumNotice RenderNotice(const NoticeSettings& settings, const NoticeFacts& facts);

// The first max_chars characters of text (UTF-8 aware), whitespace collapsed, with
// an ellipsis when cut.
std::string Excerpt(std::string_view text, int max_chars);

// The placeholders a template may use, for config validation.
bool IsNoticePlaceholder(std::string_view name);

}  // namespace modbot

#endif  // MODBOT_BOT_NOTICE_H_
