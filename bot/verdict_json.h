// The JSON shapes of DESIGN.md: a classify input line to a Post, a Verdict to a line.
#ifndef MODBOT_BOT_VERDICT_JSON_H_
#define MODBOT_BOT_VERDICT_JSON_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "policy/post.h"
#include "policy/verdict.h"

namespace modbot {

// Parses one classify input line. On error returns false and sets *error to a
// message and *id to the line's id when it had one (else null).
bool PostFromJsonLine(std::string_view line, Post* post, nlohmann::json* id, std::string* error);

// Keys in the order of DESIGN.md: id, action, clauses, lang, reasons; then "waived"
// (same shape as reasons) when a moderator's approval of a near-copy cleared a clause.
nlohmann::ordered_json VerdictToJson(const Verdict& verdict);

// One line of output, never throwing on odd bytes (invalid UTF-8 becomes U+FFFD).
std::string DumpLine(const nlohmann::ordered_json& json);

}  // namespace modbot

#endif  // MODBOT_BOT_VERDICT_JSON_H_
