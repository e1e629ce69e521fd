#include "sample/discourse/sample_forum.h"

#include <httplib.h>

#include "sample/common/loopback_server.h"
#include "sample/common/utc_time.h"

#include <algorithm>
#include <cctype>
#include <deque>

#include <nlohmann/json.hpp>

namespace modbot::sample {

namespace {

using nlohmann::json;
using SysClock = std::chrono::system_clock;

// Discourse's bodies for its common errors (application_controller.rb,
// rescue_discourse_actions and render_json_error).
const json kNotFound = {{"errors", {"The requested URL or resource could not be found."}},
                        {"error_type", "not_found"}};
const json kInvalidAccess = {{"errors", {"You are not permitted to view the requested resource."}},
                             {"error_type", "invalid_access"}};

std::string Time(SysClock::time_point t) { return FormatUtc(t, "%Y-%m-%dT%H:%M:%S.000Z"); }

std::string Slug(const std::string& title) {
  std::string slug;
  for (unsigned char c : title) {
    if (std::isalnum(c)) {
      slug += static_cast<char>(std::tolower(c));
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "topic" : slug;
}

std::vector<std::string> Split(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  if (!parts.empty()) {
    std::string& last = parts.back();
    if (last.size() > 5 && last.compare(last.size() - 5, 5, ".json") == 0) last.resize(last.size() - 5);
  }
  return parts;
}

std::optional<long long> Number(const std::string& s) {
  if (s.empty() || s.size() > 15 || s.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoll(s);
}

}  // namespace

struct SampleForum::Impl {
  struct Topic {
    long long id = 0;
    std::string title;
    std::string slug;
    long long category_id = 0;
    int next_post_number = 1;
  };

  std::string api_username;
  std::string api_key;

  mutable std::mutex mu;
  std::map<std::string, SampleUser> users;
  std::map<std::string, SysClock::time_point> user_created;
  std::map<long long, std::string> categories;
  std::map<long long, Topic> topics;
  std::map<long long, SamplePost> posts;
  std::vector<SampleMessage> messages;
  std::map<std::string, std::pair<json, std::chrono::steady_clock::time_point>> created;
  long long next_post_id = 1;
  long long next_topic_id = 1;
  Faults faults;
  std::mt19937_64 rng{42};
  std::deque<std::chrono::steady_clock::time_point> recent;  // for the real rate limit
  long long requests = 0;
  std::map<std::string, long long> by_route;

  LoopbackServer server{[this](const httplib::Request& req, httplib::Response& res) {
    Handle(req, res);
  }};

  // --- helpers (mu held) ---

  bool Roll(double rate) {
    return rate > 0 && std::uniform_real_distribution<double>(0, 1)(rng) < rate;
  }

  long long CategoryId(const std::string& name) {
    for (const auto& [id, n] : categories) {
      if (n == name) return id;
    }
    long long id = static_cast<long long>(categories.size()) + 1;
    categories[id] = name;
    return id;
  }

  json UserJson(const SampleUser& u) const {
    // users_controller.rb#show, UserSerializer (openapi.json getUser).
    return {{"user",
             {{"id", std::hash<std::string>()(u.username) % 100000},
              {"username", u.username},
              {"name", u.username},
              {"created_at", Time(user_created.at(u.username))},
              {"trust_level", u.trust_level},
              {"post_count", u.post_count},
              {"moderator", false},
              {"admin", false}}}};
  }

  // PostSerializer's fields that modbot reads, plus the usual neighbours.
  json PostJson(const SamplePost& p) const {
    const Topic& t = topics.at(p.topic_id);
    const SampleUser& u = users.at(p.username);
    json actions = json::array();
    for (int type : {2, 3, 4, 6, 7, 8}) {
      auto flag = p.flags.find(type);
      json a = {{"id", type}, {"can_act", flag == p.flags.end()}};
      if (flag != p.flags.end()) {
        a["acted"] = true;
        a["count"] = 1;
      }
      actions.push_back(a);
    }
    return {{"id", p.id},
            {"name", p.username},
            {"username", p.username},
            {"avatar_template", "/letter_avatar_proxy/v4/letter/x/aaaaaa/{size}.png"},
            {"created_at", Time(p.created_at)},
            {"updated_at", Time(p.updated_at)},
            {"cooked", "<p>" + EscapeHtml(p.raw) + "</p>"},
            {"raw", p.raw},
            {"post_number", p.post_number},
            {"post_type", 1},
            {"reply_to_post_number",
             p.reply_to_post_number ? json(*p.reply_to_post_number) : json(nullptr)},
            {"topic_id", p.topic_id},
            {"topic_slug", t.slug},
            {"topic_title", t.title},
            {"topic_html_title", EscapeHtml(t.title)},
            {"category_id", t.category_id},
            {"version", p.version},
            {"hidden", p.hidden},
            {"trust_level", u.trust_level},
            {"user_id", std::hash<std::string>()(p.username) % 100000},
            {"actions_summary", actions},
            {"post_url", "/t/" + t.slug + "/" + std::to_string(t.id) + "/" +
                             std::to_string(p.post_number)}};
  }

  long long AddPostLocked(long long topic_id, const std::string& username, const std::string& raw,
                          std::optional<int> reply_to, SysClock::time_point at) {
    Topic& t = topics.at(topic_id);
    SamplePost p;
    p.id = next_post_id++;
    p.topic_id = topic_id;
    p.post_number = t.next_post_number++;
    p.reply_to_post_number = reply_to;
    p.username = username;
    p.raw = raw;
    p.created_at = p.last_version_at = p.updated_at = at;
    if (!users.count(username)) {
      users[username] = SampleUser{username};
      user_created[username] = SysClock::now() - std::chrono::hours(24 * 365);
    }
    posts[p.id] = p;
    return p.id;
  }

  // --- the routes ---

  void Reply(httplib::Response& res, int status, const json& body, bool truncate) {
    res.status = status;
    std::string text = body.dump(-1, ' ', false, json::error_handler_t::replace);
    if (truncate && text.size() > 2) text.resize(text.size() / 2);
    res.set_content(text, "application/json; charset=utf-8");
  }

  // Faults and the rate limit, before a request is routed. Returns true when the
  // request has been answered here.
  bool Misbehave(const httplib::Request& req, httplib::Response& res, bool* truncate,
                 int* slow_ms) {
    std::lock_guard<std::mutex> lock(mu);
    ++requests;
    std::vector<std::string> parts = Split(req.path);
    std::string route = req.method + " /" + (parts.empty() ? "" : parts[0]);
    // Fixed second segments only, so that /u/{username} counts as one route.
    if (parts.size() > 1 && (parts[1] == "by_number" || parts[1] == "private-messages-sent" ||
                             parts[1] == "sample")) {
      route += "/" + parts[1];
    }
    ++by_route[route];
    if (req.path.rfind("/admin/sample/", 0) == 0) return false;

    auto rate_limited = [&](int wait) {
      // application_controller.rb: rescue_from RateLimiter::LimitExceeded.
      res.set_header("Retry-After", std::to_string(wait));
      Reply(res, 429,
            {{"errors", {"You’ve performed this action too many times. Please wait " +
                             std::to_string(wait) + " seconds before trying again."}},
             {"error_type", "rate_limit"},
             {"extras", {{"wait_seconds", wait}}}},
            false);
      return true;
    };
    if (faults.requests_per_minute > 0) {
      auto now = std::chrono::steady_clock::now();
      while (!recent.empty() && now - recent.front() > std::chrono::minutes(1)) recent.pop_front();
      if (static_cast<int>(recent.size()) >= faults.requests_per_minute) {
        auto wait = std::chrono::duration_cast<std::chrono::seconds>(
            recent.front() + std::chrono::minutes(1) - now);
        return rate_limited(static_cast<int>(wait.count()) + 1);
      }
      recent.push_back(now);
    }
    if (Roll(faults.rate_429)) return rate_limited(faults.retry_after_seconds);
    if (Roll(faults.rate_500)) {
      res.status = 500;
      res.set_content("<html><body><h1>Internal Server Error</h1></body></html>", "text/html");
      return true;
    }
    if (Roll(faults.rate_reset)) {
      // Promise a body, send a few bytes, then drop the connection.
      res.status = 200;
      res.set_content_provider(4096, "application/json",
                               [](size_t, size_t, httplib::DataSink& sink) {
                                 sink.write("{\"latest_posts\":[{\"id\"", 21);
                                 return false;
                               });
      return true;
    }
    if (Roll(faults.rate_slow)) *slow_ms = faults.slow_ms;
    *truncate = Roll(faults.rate_truncate);
    return false;
  }

  void Handle(const httplib::Request& req, httplib::Response& res) {
    bool truncate = false;
    int slow_ms = 0;
    if (Misbehave(req, res, &truncate, &slow_ms)) return;
    if (slow_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(slow_ms));
    std::lock_guard<std::mutex> lock(mu);
    std::vector<std::string> p = Split(req.path);
    const std::string& m = req.method;
    auto reply = [&](int status, const json& body) { Reply(res, status, body, truncate); };

    // Every route needs the API key (auth/default_current_user_provider.rb
    // reads the Api-Key and Api-Username headers; a bad pair is InvalidAccess).
    if (req.get_header_value("Api-Key") != api_key ||
        req.get_header_value("Api-Username") != api_username) {
      return reply(403, kInvalidAccess);
    }

    if (m == "GET" && p == std::vector<std::string>{"posts"}) return LatestPosts(req, reply);
    if (m == "GET" && p.size() == 2 && p[0] == "posts" && Number(p[1])) {
      // posts_controller.rb#show
      auto it = posts.find(*Number(p[1]));
      return it == posts.end() ? reply(404, kNotFound) : reply(200, PostJson(it->second));
    }
    if (m == "GET" && p.size() == 4 && p[0] == "posts" && p[1] == "by_number" && Number(p[2]) &&
        Number(p[3])) {
      // posts_controller.rb#by_number
      for (const auto& [id, post] : posts) {
        if (post.topic_id == *Number(p[2]) && post.post_number == *Number(p[3])) {
          return reply(200, PostJson(post));
        }
      }
      return reply(404, kNotFound);
    }
    if (m == "GET" && p.size() == 2 && p[0] == "u") {
      auto it = users.find(p[1])  /* httplib decodes the path */;
      return it == users.end() ? reply(404, kNotFound) : reply(200, UserJson(it->second));
    }
    if (m == "GET" && p == std::vector<std::string>{"categories"}) {
      // categories_controller.rb#index: {"category_list":{"categories":[...]}}
      json list = json::array();
      for (const auto& [id, name] : categories) {
        list.push_back({{"id", id}, {"name", name}, {"slug", Slug(name)}});
      }
      return reply(200, {{"category_list", {{"categories", list}}}});
    }
    if (m == "GET" && p.size() == 3 && p[0] == "topics" && p[1] == "private-messages-sent") {
      // list_controller.rb (private_messages_sent), 30 topics a page, newest first.
      json topics_json = json::array();
      for (auto it = messages.rbegin(); it != messages.rend() && topics_json.size() < 30; ++it) {
        topics_json.push_back({{"id", it->topic_id},
                               {"title", it->title},
                               {"fancy_title", EscapeHtml(it->title)},
                               {"slug", Slug(it->title)},
                               {"archetype", "private_message"},
                               {"posts_count", 1}});
      }
      return reply(200, {{"users", json::array()},
                         {"topic_list", {{"per_page", 30}, {"topics", topics_json}}}});
    }
    if (m == "POST" && p == std::vector<std::string>{"post_actions"}) return PostAction(req, reply);
    if (m == "PUT" && p.size() == 3 && p[0] == "posts" && Number(p[1]) && p[2] == "unhide") {
      // posts_controller.rb#unhide: render body: nil
      auto it = posts.find(*Number(p[1]));
      if (it == posts.end()) return reply(404, kNotFound);
      it->second.hidden = false;
      res.status = 200;
      return;
    }
    if (m == "POST" && p == std::vector<std::string>{"posts"}) return CreatePost(req, reply);
    if (p.size() >= 2 && p[0] == "admin" && p[1] == "sample") return Admin(req, p, reply);
    reply(404, kNotFound);
  }

  template <typename ReplyFn>
  void LatestPosts(const httplib::Request& req, ReplyFn& reply) {
    // posts_controller.rb#latest + latest_posts_query.rb: public, visible
    // (not hidden) regular posts, id < before, newest first, PAGE_SIZE 50.
    long long before = std::numeric_limits<long long>::max();
    if (req.has_param("before")) {
      if (std::optional<long long> b = Number(req.get_param_value("before")); b && *b > 0) before = *b;
    }
    json list = json::array();
    for (auto it = posts.lower_bound(before); it != posts.begin() && list.size() < 50;) {
      --it;
      if (!it->second.hidden) list.push_back(PostJson(it->second));
    }
    reply(200, {{"latest_posts", list}});
  }

  template <typename ReplyFn>
  void PostAction(const httplib::Request& req, ReplyFn& reply) {
    // post_actions_controller.rb#create: id and post_action_type_id required.
    std::optional<long long> id = Number(req.get_param_value("id"));
    std::optional<long long> type = Number(req.get_param_value("post_action_type_id"));
    if (!id || !type) {
      return reply(400, {{"errors", {"param is missing or the value is empty"}},
                         {"error_type", "invalid_parameters"}});
    }
    auto it = posts.find(*id);
    if (it == posts.end()) return reply(404, kNotFound);
    SamplePost& post = it->second;
    // guardian.ensure_post_can_act!: the same flag twice is not allowed.
    if (post.flags.count(static_cast<int>(*type))) return reply(403, kInvalidAccess);
    post.flags[static_cast<int>(*type)] = req.get_param_value("message");
    // take_action by staff hides at once for the auto-action flag types
    // (off_topic 3, inappropriate 4, spam 8, illegal 10), never for notify_* ones.
    const bool auto_action = *type == 3 || *type == 4 || *type == 8 || *type == 10;
    if (req.get_param_value("take_action") == "true" && auto_action) {
      post.hidden = true;
      post.hidden_at = SysClock::now();
    }
    reply(200, PostJson(post));
  }

  template <typename ReplyFn>
  void CreatePost(const httplib::Request& req, ReplyFn& reply) {
    // posts_controller.rb#create: only private messages are needed by modbot.
    if (req.get_param_value("archetype") != "private_message") {
      return reply(422, {{"errors", {"the sample forum only accepts private messages"}}});
    }
    std::string to = req.get_param_value("target_recipients");
    std::string title = req.get_param_value("title");
    std::string raw = req.get_param_value("raw");
    if (!users.count(to)) {
      return reply(422, {{"errors", {"Sorry, you can't send a message to that user."}}});
    }
    if (title.size() < 2 || raw.size() < 10) {
      return reply(422, {{"errors", {"Title and body are too short."}}});
    }
    // posts_controller.rb#create memoizes an API create by its parameters for 120
    // seconds (DistributedMemoizer.memoize(signature_for(manager_params), 120)): the
    // same request sent again, say after a timeout, returns the first result.
    const std::string signature = to + '\n' + title + '\n' + raw;
    const auto now = std::chrono::steady_clock::now();
    if (auto memo = created.find(signature);
        memo != created.end() && now - memo->second.second < std::chrono::seconds(120)) {
      return reply(200, memo->second.first);
    }
    long long topic_id = next_topic_id++;
    long long post_id = next_post_id++;  // private posts use ids too, leaving gaps
    messages.push_back({topic_id, to, title, raw});
    json result = {{"id", post_id},
                   {"topic_id", topic_id},
                   {"post_number", 1},
                   {"username", api_username},
                   {"raw", raw},
                   {"created_at", Time(SysClock::now())}};
    created[signature] = {result, now};
    reply(200, result);
  }

  template <typename ReplyFn>
  void Admin(const httplib::Request& req, const std::vector<std::string>& p, ReplyFn& reply) {
    if (req.method == "GET" && p.size() == 3 && p[2] == "state") return reply(200, State());
    if (req.method == "POST" && p.size() == 3 && p[2] == "faults") {
      json f = json::parse(req.body, nullptr, false);
      if (!f.is_object()) return reply(400, {{"errors", {"faults must be a JSON object"}}});
      faults.rate_429 = f.value("rate_429", 0.0);
      faults.rate_500 = f.value("rate_500", 0.0);
      faults.rate_slow = f.value("rate_slow", 0.0);
      faults.rate_truncate = f.value("rate_truncate", 0.0);
      faults.rate_reset = f.value("rate_reset", 0.0);
      faults.retry_after_seconds = f.value("retry_after_seconds", 1);
      faults.slow_ms = f.value("slow_ms", 2000);
      faults.requests_per_minute = f.value("requests_per_minute", 0);
      return reply(200, {{"success", "OK"}});
    }
    if (req.method == "POST" && p.size() == 3 && p[2] == "posts") {
      long long topic_id;
      if (std::optional<long long> t = Number(req.get_param_value("topic_id"));
          t && topics.count(*t)) {
        topic_id = *t;
      } else {
        topic_id = NewTopic(req.get_param_value("title"), req.get_param_value("category"));
      }
      long long id = AddPostLocked(topic_id, req.get_param_value("username"),
                                   req.get_param_value("raw"), std::nullopt, SysClock::now());
      return reply(200, PostJson(posts.at(id)));
    }
    if (req.method == "PUT" && p.size() == 4 && p[2] == "posts" && Number(p[3])) {
      auto it = posts.find(*Number(p[3]));
      if (it == posts.end()) return reply(404, kNotFound);
      Revise(&it->second, req.get_param_value("raw"), SysClock::now());
      return reply(200, PostJson(it->second));
    }
    reply(404, kNotFound);
  }

  // An edit as lib/post_revisor.rb makes it: within editing_grace_period (300 s by
  // default) of the last version and changing at most editing_grace_period_max_diff
  // (100) characters, it is a "ninja edit" that leaves `version` where it was. The
  // characters changed are counted outside the common prefix and suffix, an upper
  // bound of Discourse's ONPDiff count.
  static void Revise(SamplePost* post, const std::string& raw, SysClock::time_point at) {
    const std::string& old = post->raw;
    size_t prefix = 0, suffix = 0;
    while (prefix < old.size() && prefix < raw.size() && old[prefix] == raw[prefix]) ++prefix;
    while (suffix < old.size() - prefix && suffix < raw.size() - prefix &&
           old[old.size() - 1 - suffix] == raw[raw.size() - 1 - suffix]) {
      ++suffix;
    }
    const size_t changed = (old.size() - prefix - suffix) + (raw.size() - prefix - suffix);
    const bool ninja_edit =
        at - post->last_version_at <= std::chrono::seconds(300) && changed <= 100;
    if (!ninja_edit) {
      ++post->version;
      post->last_version_at = at;
    }
    post->raw = raw;
    post->updated_at = at;
  }

  long long NewTopic(const std::string& title, const std::string& category) {
    Topic t;
    t.id = next_topic_id++;
    t.title = title.empty() ? "Untitled" : title;
    t.slug = Slug(t.title);
    t.category_id = CategoryId(category.empty() ? "General" : category);
    topics[t.id] = t;
    return t.id;
  }

  json State() const {
    json posts_json = json::array();
    for (const auto& [id, p] : posts) {
      json flags = json::object();
      for (const auto& [type, message] : p.flags) flags[std::to_string(type)] = message;
      posts_json.push_back({{"id", id},
                            {"username", p.username},
                            {"hidden", p.hidden},
                            {"version", p.version},
                            {"created_at", Time(p.created_at)},
                            {"hide_latency_ms",
                             p.hidden_at ? json(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                    *p.hidden_at - p.created_at).count())
                                         : json(nullptr)},
                            {"flags", flags},
                            {"raw", p.raw}});
    }
    json messages_json = json::array();
    for (const SampleMessage& m : messages) {
      messages_json.push_back({{"to", m.recipient}, {"title", m.title}, {"raw", m.raw}});
    }
    return {{"posts", posts_json},
            {"messages", messages_json},
            {"requests", requests},
            {"requests_by_route", by_route}};
  }
};

SampleForum::SampleForum(std::string api_username, std::string api_key)
    : impl_(std::make_unique<Impl>()) {
  impl_->api_username = std::move(api_username);
  impl_->api_key = std::move(api_key);
  impl_->users[impl_->api_username] = SampleUser{impl_->api_username, 3650, 4, 0};
  impl_->user_created[impl_->api_username] = SysClock::now() - std::chrono::hours(24 * 3650);
}

SampleForum::~SampleForum() { Stop(); }

int SampleForum::Start(int port) { return impl_->server.Start(port); }

void SampleForum::Stop() { impl_->server.Stop(); }

void SampleForum::SetFaults(const Faults& faults) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->faults = faults;
}

void SampleForum::AddUser(const SampleUser& user) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->users[user.username] = user;
  impl_->user_created[user.username] =
      SysClock::now() - std::chrono::hours(24) * user.account_age_days;
}

long long SampleForum::AddTopic(const std::string& title, const std::string& category) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->NewTopic(title, category);
}

long long SampleForum::AddPost(long long topic_id, const std::string& username,
                               const std::string& raw, std::optional<int> reply_to,
                               std::optional<SysClock::time_point> created_at) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->AddPostLocked(topic_id, username, raw, reply_to,
                              created_at.value_or(SysClock::now()));
}

bool SampleForum::EditPost(long long post_id, const std::string& raw) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  auto it = impl_->posts.find(post_id);
  if (it == impl_->posts.end()) return false;
  impl_->Revise(&it->second, raw, SysClock::now());
  return true;
}

bool SampleForum::DeletePost(long long post_id) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->posts.erase(post_id) == 1;
}

std::vector<SamplePost> SampleForum::Posts() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  std::vector<SamplePost> out;
  for (const auto& [id, p] : impl_->posts) out.push_back(p);
  return out;
}

std::vector<SampleMessage> SampleForum::Messages() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->messages;
}

long long SampleForum::requests() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->requests;
}

std::map<std::string, long long> SampleForum::RequestsByRoute() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->by_route;
}

std::string SampleForum::StateJson() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->State().dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace modbot::sample
