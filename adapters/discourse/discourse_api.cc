#include "adapters/discourse/discourse_api.h"

#include <cstdio>
#include <ctime>

namespace modbot::discourse {

namespace {

using nlohmann::json;

HttpRequest Request(const Auth& auth, std::string method, const std::string& path) {
  HttpRequest request;
  request.method = std::move(method);
  request.url = auth.base_url + path;
  // The key travels only in this header; HttpClient never logs headers.
  request.headers = {{"Api-Key", auth.api_key},
                     {"Api-Username", auth.api_username},
                     {"Accept", "application/json"}};
  return request;
}

HttpRequest FormRequest(const Auth& auth, std::string method, const std::string& path,
                        const std::vector<std::pair<std::string, std::string>>& fields) {
  HttpRequest request = Request(auth, std::move(method), path);
  request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  for (const auto& [name, value] : fields) {
    if (!request.body.empty()) request.body += '&';
    request.body += UrlEncode(name) + "=" + UrlEncode(value);
  }
  return request;
}

// Discourse serialises a few integers as strings or null depending on the version
// (openapi.json types reply_to_post_number as ["string","null"]).
std::optional<long long> LooseInt(const json& value) {
  if (value.is_number_integer()) return value.get<long long>();
  if (value.is_string()) {
    const std::string& s = value.get_ref<const std::string&>();
    if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos) {
      return std::nullopt;
    }
    return std::stoll(s);
  }
  return std::nullopt;
}

std::string StringOr(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<int> IntOf(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  std::optional<long long> v = LooseInt(*it);
  if (!v) return std::nullopt;
  return static_cast<int>(*v);
}

// Runs parse, turning a type mismatch in an unexpected body into an error value.
template <typename F>
bool Guard(const char* what, std::string* error, F parse) {
  try {
    return parse();
  } catch (const json::exception& e) {
    *error = std::string("unexpected ") + what + ": " + e.what();
    return false;
  }
}

void CollectCategories(const json& list, std::map<long long, std::string>* out) {
  if (!list.is_array()) return;
  for (const json& c : list) {
    if (!c.is_object()) continue;
    if (std::optional<int> id = IntOf(c, "id")) (*out)[*id] = StringOr(c, "name");
    if (auto sub = c.find("subcategory_list"); sub != c.end()) CollectCategories(*sub, out);
  }
}

}  // namespace

HttpRequest LatestPostsRequest(const Auth& auth, std::optional<long long> before) {
  std::string path = "/posts.json";
  if (before) path += "?before=" + std::to_string(*before);
  return Request(auth, "GET", path);
}

HttpRequest UserRequest(const Auth& auth, const std::string& username) {
  return Request(auth, "GET", "/u/" + UrlEncode(username) + ".json");
}

HttpRequest CategoriesRequest(const Auth& auth) {
  return Request(auth, "GET", "/categories.json?include_subcategories=true");
}

HttpRequest PostRequest(const Auth& auth, const std::string& post_id) {
  return Request(auth, "GET", "/posts/" + UrlEncode(post_id) + ".json");
}

HttpRequest PostByNumberRequest(const Auth& auth, long long topic_id, int post_number) {
  return Request(auth, "GET",
                 "/posts/by_number/" + std::to_string(topic_id) + "/" +
                     std::to_string(post_number) + ".json");
}

HttpRequest FlagRequest(const Auth& auth, const std::string& post_id, int type_id,
                        const std::string& message, bool take_action) {
  std::vector<std::pair<std::string, std::string>> fields = {
      {"id", post_id}, {"post_action_type_id", std::to_string(type_id)}, {"message", message}};
  if (take_action) fields.emplace_back("take_action", "true");
  return FormRequest(auth, "POST", "/post_actions.json", fields);
}

HttpRequest UnhideRequest(const Auth& auth, const std::string& post_id) {
  return FormRequest(auth, "PUT", "/posts/" + UrlEncode(post_id) + "/unhide.json", {});
}

HttpRequest PrivateMessageRequest(const Auth& auth, const std::string& username,
                                  const std::string& title, const std::string& raw) {
  return FormRequest(auth, "POST", "/posts.json",
                     {{"archetype", "private_message"},
                      {"target_recipients", username},
                      {"title", title},
                      {"raw", raw}});
}

HttpRequest SentMessagesRequest(const Auth& auth) {
  return Request(auth, "GET",
                 "/topics/private-messages-sent/" + UrlEncode(auth.api_username) + ".json");
}

bool ParseLatestPosts(const json& body, std::vector<LatestPost>* out, std::string* error) {
  return Guard("latest posts", error, [&] {
    auto list = body.find("latest_posts");
    if (!body.is_object() || list == body.end() || !list->is_array()) {
      *error = "no latest_posts array";
      return false;
    }
    for (const json& p : *list) {
      LatestPost post;
      std::optional<int> id = IntOf(p, "id");
      std::optional<int> topic_id = IntOf(p, "topic_id");
      std::optional<std::chrono::system_clock::time_point> created =
          ParseTime(StringOr(p, "created_at"));
      post.username = StringOr(p, "username");
      if (!id || !topic_id || !created || post.username.empty()) {
        *error = "post without id, topic_id, created_at or username";
        return false;
      }
      post.id = *id;
      post.topic_id = *topic_id;
      post.created_at = *created;
      post.post_number = IntOf(p, "post_number").value_or(0);
      if (auto it = p.find("reply_to_post_number"); it != p.end()) {
        if (std::optional<long long> n = LooseInt(*it)) post.reply_to_post_number = *n;
      }
      post.raw = StringOr(p, "raw");
      post.cooked = StringOr(p, "cooked");
      post.topic_title = StringOr(p, "topic_title");
      post.category_id = IntOf(p, "category_id").value_or(0);
      post.version = IntOf(p, "version").value_or(1);
      post.post_url = StringOr(p, "post_url");
      out->push_back(std::move(post));
    }
    return true;
  });
}

bool ParseUser(const json& body, UserFacts* out, std::string* error) {
  return Guard("user", error, [&] {
    auto user = body.find("user");
    if (!body.is_object() || user == body.end() || !user->is_object()) {
      *error = "no user object";
      return false;
    }
    std::optional<std::chrono::system_clock::time_point> created =
        ParseTime(StringOr(*user, "created_at"));
    if (!created) {
      *error = "user without created_at";
      return false;
    }
    out->created_at = *created;
    out->trust_level = IntOf(*user, "trust_level");
    out->post_count = IntOf(*user, "post_count");
    return true;
  });
}

bool ParseCategories(const json& body, std::map<long long, std::string>* out,
                     std::string* error) {
  return Guard("categories", error, [&] {
    if (!body.is_object() || !body.contains("category_list") ||
        !body["category_list"].contains("categories")) {
      *error = "no category_list.categories";
      return false;
    }
    CollectCategories(body["category_list"]["categories"], out);
    return true;
  });
}

bool ParsePostState(const json& body, PostState* out, std::string* error) {
  return Guard("post", error, [&] {
    if (!body.is_object() || !body.contains("id")) {
      *error = "no post object";
      return false;
    }
    out->hidden = body.value("hidden", false);
    if (auto summary = body.find("actions_summary"); summary != body.end() && summary->is_array()) {
      for (const json& a : *summary) {
        if (a.is_object() && a.value("acted", false)) {
          if (std::optional<int> id = IntOf(a, "id")) out->acted.push_back(*id);
        }
      }
    }
    return true;
  });
}

bool ParseRaw(const json& body, std::string* raw, std::string* error) {
  return Guard("post", error, [&] {
    if (!body.is_object() || !body.contains("raw")) {
      *error = "post without raw";
      return false;
    }
    *raw = StringOr(body, "raw");
    return true;
  });
}

bool ParseSentTitles(const json& body, std::vector<std::string>* out, std::string* error) {
  return Guard("message list", error, [&] {
    if (!body.is_object() || !body.contains("topic_list") ||
        !body["topic_list"].contains("topics") || !body["topic_list"]["topics"].is_array()) {
      *error = "no topic_list.topics";
      return false;
    }
    for (const json& t : body["topic_list"]["topics"]) out->push_back(StringOr(t, "title"));
    return true;
  });
}

std::optional<int> ParseWaitSeconds(const json& body) {
  if (!body.is_object()) return std::nullopt;
  auto extras = body.find("extras");
  if (extras == body.end() || !extras->is_object()) return std::nullopt;
  auto wait = extras->find("wait_seconds");
  if (wait == extras->end() || !wait->is_number()) return std::nullopt;
  double seconds = wait->get<double>();
  if (!(seconds >= 0) || seconds > 86400) return std::nullopt;
  return static_cast<int>(seconds + 0.999);
}

std::string ParseErrors(const json& body) {
  if (!body.is_object()) return "";
  auto errors = body.find("errors");
  if (errors == body.end() || !errors->is_array() || errors->empty() ||
      !(*errors)[0].is_string()) {
    return "";
  }
  return (*errors)[0].get<std::string>();
}

std::optional<std::chrono::system_clock::time_point> ParseTime(std::string_view text) {
  // The fraction and the zone are ignored: Discourse always writes UTC ("Z").
  std::tm tm{};
  std::string s(text.substr(0, 19));
  if (s.size() != 19 || std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon,
                                    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
    return std::nullopt;
  }
  if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31) return std::nullopt;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

std::string FormatTime(std::chrono::system_clock::time_point time) {
  std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
  return buf;
}

}  // namespace modbot::discourse
