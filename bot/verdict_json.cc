#include "bot/verdict_json.h"

#include <cmath>

#include "policy/body_parser.h"

namespace modbot {
namespace {

using nlohmann::json;

std::string StringField(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<int> IntField(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number()) return std::nullopt;
  double value = it->get<double>();
  if (!std::isfinite(value) || value < 0 || value > 1e9) return std::nullopt;
  return static_cast<int>(value);
}

}  // namespace

bool PostFromJsonLine(std::string_view line, Post* post, json* id, std::string* error) {
  *id = nullptr;
  json object;
  try {
    object = json::parse(line);
  } catch (const json::parse_error& e) {
    // e.what() is "[json.exception.parse_error.101] parse error at line 1, column 9:
    // ..."; the part after the tag says where and what.
    std::string_view what = e.what();
    size_t tag_end = what.find("] ");
    *error = "not valid JSON: " + std::string(tag_end == std::string_view::npos ? what : what.substr(tag_end + 2));
    return false;
  }
  if (!object.is_object()) {
    *error = "a post must be a JSON object";
    return false;
  }
  auto id_it = object.find("id");
  if (id_it != object.end() && (id_it->is_string() || id_it->is_number())) *id = *id_it;
  if (id->is_null()) {
    *error = "missing \"id\" (a string or a number)";
    return false;
  }
  auto text_it = object.find("text");
  if (text_it == object.end() || !text_it->is_string()) {
    *error = "missing \"text\" (a string)";
    return false;
  }
  Format format = Format::kPlain;
  if (auto it = object.find("format"); it != object.end() && !it->is_null()) {
    std::optional<Format> named = it->is_string() ? FormatFromName(it->get<std::string>()) : std::nullopt;
    if (!named) {
      *error = "\"format\" must be markdown, bbcode, html or plain";
      return false;
    }
    format = *named;
  }

  post->id = id->is_string() ? id->get<std::string>() : id->dump();
  post->format = format;
  post->body = ParsePostBody(text_it->get<std::string>(), format);
  if (auto it = object.find("topic"); it != object.end() && it->is_object()) {
    post->topic.title = StringField(*it, "title");
    post->topic.category = StringField(*it, "category");
  }
  if (auto it = object.find("reply_to"); it != object.end() && it->is_string()) {
    post->reply_to = it->get<std::string>();
  }
  if (auto it = object.find("author"); it != object.end() && it->is_object()) {
    post->author.username = StringField(*it, "username");
    post->author.account_age_days = IntField(*it, "account_age_days");
    post->author.post_count = IntField(*it, "post_count");
    post->author.trust_level = IntField(*it, "trust_level");
  }
  return true;
}

nlohmann::ordered_json VerdictToJson(const Verdict& verdict) {
  using ordered = nlohmann::ordered_json;
  ordered clauses = ordered::array();
  for (Clause clause : verdict.clauses) clauses.push_back(ClauseId(clause));
  auto reasons_json = [](const std::vector<Reason>& list) {
    ordered reasons = ordered::array();
    for (const Reason& reason : list) {
      reasons.push_back({{"clause", ClauseId(reason.clause)},
                         {"rule", reason.rule},
                         {"score", std::round(reason.score * 100) / 100},
                         {"evidence", reason.evidence}});
    }
    return reasons;
  };
  ordered out = {{"id", verdict.post_id},
                 {"action", ActionName(verdict.action)},
                 {"clauses", clauses},
                 {"lang", verdict.lang},
                 {"reasons", reasons_json(verdict.reasons)}};
  if (!verdict.waived.empty()) out["waived"] = reasons_json(verdict.waived);
  return out;
}

std::string DumpLine(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace modbot
