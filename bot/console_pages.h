// The review console's pages, rendered on the server as plain HTML with a little
// inline CSS and no script. Everything that comes from a post, the forum or a
// moderator is HTML-escaped; a reason's evidence is shown inside <mark>.
#ifndef MODBOT_BOT_CONSOLE_PAGES_H_
#define MODBOT_BOT_CONSOLE_PAGES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/console_strings.h"
#include "bot/store.h"

namespace modbot {

struct QueueView {
  std::string moderator;
  std::string csrf_token;               // carried by every form
  std::vector<ReviewItem> to_review;    // open, queued by the bot, oldest first
  std::vector<ReviewItem> hides;        // open, hidden by the bot, newest first
  std::vector<ReviewItem> decided;      // decided by a human, newest first
  std::optional<std::string> flash;     // the outcome of the last decision
};

std::string HtmlEscape(std::string_view text);

// text, escaped, with every occurrence of each evidence string (ASCII case
// ignored) wrapped in <mark>.
std::string HighlightEvidence(std::string_view text, const std::vector<std::string>& evidence);

std::string RenderLoginPage(const ConsoleStrings& s, bool bad_token);
std::string RenderQueuePage(const ConsoleStrings& s, UiLang lang, const QueueView& view);
// A page saying why nothing was done, with a link back to the queue.
std::string RenderMessagePage(const ConsoleStrings& s, std::string_view heading,
                              std::string_view message);

}  // namespace modbot

#endif  // MODBOT_BOT_CONSOLE_PAGES_H_
