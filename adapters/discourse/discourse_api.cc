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

bool BoolOr(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_boolean() && it->get<bool>();
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
                        const std::string& message, bool hide) {
  std::vector<std::pair<std::string, std::string>> fields = {
      {"id", post_id}, {"post_action_type_id", std::to_string(type_id)}, {"message", message}};
  if (hide) fields.emplace_back("queue_for_review", "true");
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

HttpRequest FlagReviewablesRequest(const Auth& auth, const std::string& from_date, int offset) {
  std::string path = "/review.json?type=ReviewableFlaggedPost&status=all&sort_order=created_at"
                     "&from_date=" + UrlEncode(from_date);
  if (offset > 0) path += "&offset=" + std::to_string(offset);
  return Request(auth, "GET", path);
}

HttpRequest ReviewableRequest(const Auth& auth, long long reviewable_id) {
  return Request(auth, "GET", "/review/" + std::to_string(reviewable_id) + ".json");
}

HttpRequest AgreeAndHideRequest(const Auth& auth, long long reviewable_id, int version) {
  // The route constrains action_id to /[a-z_]+/ (config/routes.rb), so no ".json":
  // the Accept header asks for JSON.
  return FormRequest(auth, "PUT",
                     "/review/" + std::to_string(reviewable_id) +
                         "/perform/agree_and_hide?version=" + std::to_string(version),
                     {});
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
      // Releases before post_url was added send topic_slug (PostSerializer).
      if (post.post_url.empty() && !StringOr(p, "topic_slug").empty()) {
        post.post_url = "/t/" + StringOr(p, "topic_slug") + "/" + std::to_string(post.topic_id) +
                        "/" + std::to_string(post.post_number);
      }
      post.trust_level = IntOf(p, "trust_level");
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
    out->admin = BoolOr(*user, "admin");
    out->moderator = BoolOr(*user, "moderator");
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
    out->hidden = BoolOr(body, "hidden");
    auto deleted = body.find("deleted_at");
    out->deleted = deleted != body.end() && deleted->is_string();
    out->version = IntOf(body, "version").value_or(1);
    out->raw = StringOr(body, "raw");
    out->cooked = StringOr(body, "cooked");
    if (auto reviewable = body.find("reviewable_id"); reviewable != body.end()) {
      out->reviewable_id = LooseInt(*reviewable);
    }
    if (auto summary = body.find("actions_summary"); summary != body.end() && summary->is_array()) {
      for (const json& a : *summary) {
        if (a.is_object() && BoolOr(a, "acted")) {
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

namespace {

// The sideloaded records of a rest_serializer answer ("users", "reviewable_histories",
// ...), by id.
std::map<long long, const json*> ById(const json& body, const char* key) {
  std::map<long long, const json*> out;
  auto list = body.find(key);
  if (list == body.end() || !list->is_array()) return out;
  for (const json& item : *list) {
    if (!item.is_object()) continue;
    if (auto it = item.find("id"); it != item.end()) {
      if (std::optional<long long> id = LooseInt(*it)) out[*id] = &item;
    }
  }
  return out;
}

std::optional<ReviewableStatus> StatusOf(const json& value) {
  static const char* const kNames[] = {"pending", "approved", "rejected", "ignored", "deleted"};
  std::optional<long long> code = LooseInt(value);
  if (!code && value.is_string()) {
    for (int i = 0; i < 5; ++i) {
      if (value.get_ref<const std::string&>() == kNames[i]) code = i;
    }
  }
  if (!code || *code < 0 || *code > 4) return std::nullopt;
  return static_cast<ReviewableStatus>(*code);
}

std::vector<const json*> Linked(const json& reviewable, const char* ids_key,
                                const std::map<long long, const json*>& records) {
  std::vector<const json*> out;
  auto ids = reviewable.find(ids_key);
  if (ids == reviewable.end() || !ids->is_array()) return out;
  for (const json& id : *ids) {
    std::optional<long long> n = LooseInt(id);
    if (!n) continue;
    if (auto it = records.find(*n); it != records.end()) out.push_back(it->second);
  }
  return out;
}

// Who moved the reviewable out of pending, and when.
void FindDecider(const json& reviewable, const std::map<long long, const json*>& histories,
                 const std::map<long long, const json*>& scores,
                 const std::map<long long, const json*>& users, ReviewedFlag* flag) {
  constexpr int kTransitioned = 1;  // ReviewableHistory types: created 0, transitioned 1
  auto username = [&](const json& record, const char* key) -> std::string {
    std::optional<int> id = IntOf(record, key);
    if (!id) return "";
    auto user = users.find(*id);
    return user == users.end() ? "" : StringOr(*user->second, "username");
  };
  for (const json* h : Linked(reviewable, "reviewable_history_ids", histories)) {
    std::optional<ReviewableStatus> status = h->contains("status") ? StatusOf((*h)["status"])
                                                                   : std::nullopt;
    std::optional<std::chrono::system_clock::time_point> at = ParseTime(StringOr(*h, "created_at"));
    if (IntOf(*h, "reviewable_history_type") != kTransitioned || !status ||
        *status == ReviewableStatus::kPending || !at) {
      continue;
    }
    if (!flag->decided_at || *at >= *flag->decided_at) {
      flag->decided_at = at;
      flag->decided_by = username(*h, "created_by_id");
    }
  }
  if (!flag->decided_by.empty()) return;
  for (const json* s : Linked(reviewable, "reviewable_score_ids", scores)) {
    std::string by = username(*s, "reviewed_by_id");
    if (by.empty()) continue;
    flag->decided_by = by;
    flag->decided_at = ParseTime(StringOr(*s, "reviewed_at"));
  }
}

}  // namespace

bool ParseReviewedFlags(const json& body, ReviewedFlagPage* out, std::string* error) {
  return Guard("review list", error, [&] {
    auto list = body.find("reviewables");
    if (!body.is_object() || list == body.end() || !list->is_array()) {
      *error = "no reviewables array";
      return false;
    }
    const auto users = ById(body, "users");
    const auto histories = ById(body, "reviewable_histories");
    const auto scores = ById(body, "reviewable_scores");
    for (const json& r : *list) {
      ReviewedFlag flag;
      std::optional<int> id = r.is_object() ? IntOf(r, "id") : std::nullopt;
      std::optional<ReviewableStatus> status =
          id && r.contains("status") ? StatusOf(r["status"]) : std::nullopt;
      std::optional<std::chrono::system_clock::time_point> created =
          id ? ParseTime(StringOr(r, "created_at")) : std::nullopt;
      if (!id || !status || !created) {
        *error = "reviewable without id, status or created_at";
        return false;
      }
      // ReviewableSerializer#attributes adds "post_id" for a Post target; newer
      // versions also send target_type/target_id.
      std::optional<int> post = IntOf(r, "post_id");
      if (!post && StringOr(r, "target_type") == "Post") post = IntOf(r, "target_id");
      if (!post) continue;  // its post was destroyed: nothing left to decide
      flag.reviewable_id = *id;
      flag.post_id = *post;
      flag.status = *status;
      flag.created_at = *created;
      FindDecider(r, histories, scores, users, &flag);
      flag.post_updated_at = StringOr(r, "post_updated_at");
      out->flags.push_back(std::move(flag));
    }
    auto meta = body.find("meta");
    if (meta != body.end() && meta->is_object()) {
      const std::string more = StringOr(*meta, "load_more_reviewables");
      if (size_t at = more.find("offset="); at != std::string::npos) {
        const std::string digits = more.substr(at + 7, more.find('&', at) - at - 7);
        std::optional<long long> offset = LooseInt(json(digits));
        if (!offset || *offset > 1000000) {
          *error = "unreadable meta.load_more_reviewables '" + more + "'";
          return false;
        }
        out->next_offset = static_cast<int>(*offset);
      }
    }
    return true;
  });
}

bool ParseReviewable(const json& body, ReviewableState* out, std::string* error) {
  return Guard("reviewable", error, [&] {
    auto reviewable = body.is_object() ? body.find("reviewable") : body.end();
    std::optional<ReviewableStatus> status;
    std::optional<int> version;
    if (reviewable != body.end() && reviewable->is_object()) {
      if (reviewable->contains("status")) status = StatusOf((*reviewable)["status"]);
      version = IntOf(*reviewable, "version");
    }
    if (!status || !version) {
      *error = "no reviewable with status and version";
      return false;
    }
    out->status = *status;
    out->version = *version;
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
  // Discourse writes UTC ("Z"); older releases wrote the site's zone ("-04:00"), as
  // in the user.json recorded by discourse_api's spec/fixtures.
  std::tm tm{};
  std::string s(text.substr(0, 19));
  if (s.size() != 19 || std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon,
                                    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
    return std::nullopt;
  }
  if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31) return std::nullopt;
  std::string_view zone = text.substr(19);
  if (!zone.empty() && zone.front() == '.') {
    zone.remove_prefix(1);
    while (!zone.empty() && zone.front() >= '0' && zone.front() <= '9') zone.remove_prefix(1);
  }
  long offset_seconds = 0;
  if (zone.size() >= 5 && (zone[0] == '+' || zone[0] == '-')) {
    int hours = 0, minutes = 0;
    const std::string digits(zone.substr(1));
    if (std::sscanf(digits.c_str(), "%2d:%2d", &hours, &minutes) != 2 &&
        std::sscanf(digits.c_str(), "%2d%2d", &hours, &minutes) != 2) {
      return std::nullopt;
    }
    offset_seconds = (zone[0] == '-' ? -1 : 1) * (hours * 3600L + minutes * 60L);
  } else if (!zone.empty() && zone != "Z") {
    return std::nullopt;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return std::chrono::system_clock::from_time_t(timegm(&tm) - offset_seconds);
}

std::string FormatTime(std::chrono::system_clock::time_point time) {
  std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
  return buf;
}

std::string FormatDate(std::chrono::system_clock::time_point time) {
  return FormatTime(time).substr(0, 10);
}

}  // namespace modbot::discourse
