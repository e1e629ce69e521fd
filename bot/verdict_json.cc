#include "bot/verdict_json.h"

#include <cmath>
#include <optional>
#include <tuple>
#include <utility>

#include "policy/body_parser.h"

namespace modbot {
namespace {

using nlohmann::json;

// One classify line read in a single pass with nlohmann's SAX interface: the fields
// of DESIGN.md are kept as they go by and everything else is skipped, so that no
// document tree is built for a line (a post's text is its only large value).
class PostLineReader : public nlohmann::json_sax<json> {
 public:
  // The root value was an object.
  bool root_is_object() const { return root_is_object_; }
  // The parser's message when the line is not valid JSON, else "".
  const std::string& parse_error() const { return parse_error_; }

  json id;                               // a string or number, else null
  std::optional<std::string> text;       // set only when a string
  json format;                           // as given; null when absent
  std::string topic_type = "null";       // JSON type names of the three
  std::string author_type = "null";      // optional objects, "null" when absent
  std::string reply_to_type = "null";
  std::optional<std::string> reply_to;
  Topic topic;
  Author author;

  bool null() override { return Value(nullptr); }
  bool boolean(bool value) override { return Value(value); }
  bool number_integer(number_integer_t value) override { return Value(value); }
  bool number_unsigned(number_unsigned_t value) override { return Value(value); }
  bool number_float(number_float_t value, const string_t&) override { return Value(value); }
  bool string(string_t& value) override { return Value(std::move(value)); }
  bool binary(binary_t&) override { return Value(json::value_t::binary); }

  bool start_object(std::size_t) override {
    if (depth_ == 0) root_is_object_ = true;
    if (depth_ == 1) {
      SetType("object");
      within_ = key_ == "topic" || key_ == "author" ? key_ : std::string();
    }
    ++depth_;
    return true;
  }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override {
    if (depth_ == 1) SetType("array");
    ++depth_;
    return true;
  }
  bool end_array() override { return Close(); }

  bool key(string_t& name) override {
    if (depth_ == 1) {
      key_ = std::move(name);
    } else if (depth_ == 2) {
      inner_key_ = std::move(name);
    }
    return true;
  }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    // e.what() is "[json.exception.parse_error.101] parse error at line 1, column 9:
    // ..."; the part after the tag says where and what.
    std::string_view what = e.what();
    size_t tag_end = what.find("] ");
    parse_error_ = std::string(tag_end == std::string_view::npos ? what : what.substr(tag_end + 2));
    return false;
  }

 private:
  bool Close() {
    if (--depth_ == 1) within_.clear();
    return true;
  }

  // Records the JSON type of the top-level field now being read.
  void SetType(const char* type) {
    if (key_ == "topic") topic_type = type;
    if (key_ == "author") author_type = type;
    if (key_ == "reply_to") reply_to_type = type;
  }

  bool Value(json value) {
    if (depth_ == 1) {
      SetType(value.type_name());
      if (key_ == "id") id = value.is_string() || value.is_number() ? std::move(value) : json();
      if (key_ == "text") text = value.is_string() ? std::optional(value.get<std::string>()) : std::nullopt;
      if (key_ == "format") format = std::move(value);
      if (key_ == "reply_to") {
        reply_to = value.is_string() ? std::optional(value.get<std::string>()) : std::nullopt;
      }
    } else if (depth_ == 2 && within_ == "topic") {
      if (inner_key_ == "title") topic.title = StringOf(value);
      if (inner_key_ == "category") topic.category = StringOf(value);
    } else if (depth_ == 2 && within_ == "author") {
      if (inner_key_ == "username") author.username = StringOf(value);
      if (inner_key_ == "account_age_days") author.account_age_days = CountOf(value);
      if (inner_key_ == "post_count") author.post_count = CountOf(value);
      if (inner_key_ == "trust_level") author.trust_level = CountOf(value);
    }
    return true;
  }

  static std::string StringOf(const json& value) {
    return value.is_string() ? value.get<std::string>() : std::string();
  }

  // A count or level: a number in 0..1e9, else unknown.
  static std::optional<int> CountOf(const json& value) {
    if (!value.is_number()) return std::nullopt;
    double number = value.get<double>();
    if (!std::isfinite(number) || number < 0 || number > 1e9) return std::nullopt;
    return static_cast<int>(number);
  }

  int depth_ = 0;
  bool root_is_object_ = false;
  std::string parse_error_;
  std::string key_;        // the top-level key being read
  std::string inner_key_;  // the key being read inside topic or author
  std::string within_;     // "topic" or "author" while inside one, else ""
};

}  // namespace

bool PostFromJsonLine(std::string_view line, Post* post, json* id, std::string* error) {
  *id = nullptr;
  PostLineReader reader;
  if (!json::sax_parse(line, &reader)) {
    *error = "not valid JSON: " + reader.parse_error();
    return false;
  }
  if (!reader.root_is_object()) {
    *error = "a post must be a JSON object";
    return false;
  }
  *id = reader.id;
  if (id->is_null()) {
    *error = "missing \"id\" (a string or a number)";
    return false;
  }
  if (!reader.text) {
    *error = "missing \"text\" (a string)";
    return false;
  }
  Format format = Format::kPlain;
  if (!reader.format.is_null()) {
    std::optional<Format> named =
        reader.format.is_string() ? FormatFromName(reader.format.get<std::string>()) : std::nullopt;
    if (!named) {
      *error = "\"format\" must be markdown, bbcode, html or plain";
      return false;
    }
    format = *named;
  }
  // An optional field of the wrong type is refused, not ignored: a caller that sent
  // "topic":"Parks" believes the post was judged against its thread.
  for (const auto& [key, type, want] : {std::tuple{"topic", reader.topic_type, "object"},
                                        std::tuple{"author", reader.author_type, "object"},
                                        std::tuple{"reply_to", reader.reply_to_type, "string"}}) {
    if (type == "null" || type == want) continue;
    *error = std::string("\"") + key + "\" must be " + (std::string(want) == "object" ? "an " : "a ") +
             want + " or null, not " + type;
    return false;
  }

  post->id = id->is_string() ? id->get<std::string>() : id->dump();
  post->format = format;
  post->body = ParsePostBody(*reader.text, format);
  post->topic = std::move(reader.topic);
  post->reply_to = std::move(reader.reply_to);
  post->author = std::move(reader.author);
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
