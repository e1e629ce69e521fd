// Every word the review console shows, in English and in French (Québec). A
// string missing in one language is a compile error: both are one aggregate of
// the same struct.
#ifndef MODBOT_BOT_CONSOLE_STRINGS_H_
#define MODBOT_BOT_CONSOLE_STRINGS_H_

#include <optional>
#include <string>
#include <string_view>

namespace modbot {

enum class UiLang { kEn, kFr };

struct ConsoleStrings {
  const char* lang_code;     // for <html lang>
  const char* other_lang;    // the link to switch to the other language
  const char* other_code;
  const char* colon;         // ": ", or " : " with a no-break space in French
  const char* title;
  const char* sign_in_heading;
  const char* token_label;
  const char* sign_in;
  const char* bad_token;
  const char* signed_in_as;
  const char* sign_out;
  const char* queue_heading;
  const char* queue_empty;
  const char* hides_heading;
  const char* hides_intro;
  const char* hides_empty;
  const char* decided_heading;
  const char* post;
  const char* by;
  const char* topic;
  const char* in_reply_to;
  const char* account_age;
  const char* days;
  const char* post_count;
  const char* trust_level;
  const char* unknown;
  const char* queued_at;
  const char* hidden_by_bot;
  const char* queued_by_bot;
  const char* no_context;
  const char* principle;
  const char* rule;
  const char* score;
  const char* evidence;
  const char* approve;
  const char* remove;
  const char* clause_label;
  const char* clause_default;
  const char* note_label;
  const char* restore;
  const char* keep_hidden;
  const char* open_on_forum;
  const char* status_approved;
  const char* status_removed;
  // Messages; {post}, {status} and {who} are filled in.
  const char* done_approved;
  const char* done_removed;
  const char* done_restored;
  const char* done_kept;
  const char* refused_not_queued;
  const char* refused_already;
  const char* refused_rejudged;
  const char* refused_heading;
  const char* forbidden_heading;
  const char* forbidden_session;
  const char* forbidden_csrf;
  const char* forbidden_origin;
  const char* bad_form;
  const char* failure;
  const char* back;
  const char* throttled_heading;
  const char* throttled;  // {minutes}
};

const ConsoleStrings& ConsoleText(UiLang lang);

// The language of a request: ?lang= first, then the console's cookie, then the
// browser's Accept-Language (highest q among en and fr); English otherwise.
UiLang ChooseLang(std::string_view query_lang, std::string_view cookie_lang,
                  std::string_view accept_language);

std::optional<UiLang> UiLangFromCode(std::string_view code);

// text with each {name} replaced by its value.
std::string Fill(std::string_view text, std::string_view name, std::string_view value);

}  // namespace modbot

#endif  // MODBOT_BOT_CONSOLE_STRINGS_H_
