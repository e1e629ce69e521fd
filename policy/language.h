// Which language a post is written in, for judging it with the right lexicons
// and writing its notice in the author's language.
#ifndef MODBOT_POLICY_LANGUAGE_H_
#define MODBOT_POLICY_LANGUAGE_H_

#include <string>
#include <string_view>

namespace modbot {

// "en" or "fr" for a post's own words; mixed franglais posts get the majority
// language. Counts English and French function words (Québec forms included),
// French elisions (l', d', qu') and accented words; a tie or no signal is "en".
// Any bytes are accepted.
std::string DetectLanguage(std::string_view text);

}  // namespace modbot

#endif  // MODBOT_POLICY_LANGUAGE_H_
