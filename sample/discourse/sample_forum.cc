#include "sample/discourse/sample_forum.h"

#include <httplib.h>

#include "sample/common/loopback_server.h"
#include "sample/discourse/webhook_sender.h"
#include "sample/common/utc_time.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
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

// With the milliseconds Rails sends (ActiveSupport's JSON time precision, 3):
// two changes within one second must still read differently.
std::string TimeWithMillis(SysClock::time_point t) {
  char millis[8];
  std::snprintf(millis, sizeof millis, ".%03dZ",
                static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                     t.time_since_epoch()).count() % 1000));
  return FormatUtc(t, "%Y-%m-%dT%H:%M:%S") + millis;
}

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
    bool visible = true;  // topics.visible: false once a moderator unlists it
  };

  std::string api_username;
  std::string api_key;
  WebhookSender webhooks;

  mutable std::mutex mu;
  std::map<std::string, SampleUser> users;
  std::map<std::string, SysClock::time_point> user_created;
  std::map<long long, std::string> categories;
  std::map<long long, Topic> topics;
  std::map<long long, SamplePost> posts;
  std::vector<SampleMessage> messages;
  std::vector<SampleMessage> system_messages;
  std::set<std::string> staff;  // moderators and admins
  std::map<std::string, std::pair<json, std::chrono::steady_clock::time_point>> created;
  long long next_post_id = 1;
  long long next_topic_id = 1;
  Faults faults;
  std::mt19937_64 rng{42};
  std::deque<std::chrono::steady_clock::time_point> recent;  // for the real rate limit
  long long requests = 0;
  std::map<std::string, long long> by_route;

  // The review queue (app/models/reviewable.rb, reviewable_history.rb,
  // reviewable_score.rb), flagged posts only.
  struct Reviewable {
    struct History {
      long long id = 0;
      int type = 0;    // ReviewableHistory types: created 0, transitioned 1
      int status = 0;  // Reviewable.statuses: pending 0, approved 1, rejected 2, ignored 3
      std::string by;
      SysClock::time_point at;
    };
    struct Score {
      long long id = 0;
      std::string user;
      int type = 0;    // the flag's post action type id
      int status = 0;  // ReviewableScore.statuses: pending 0, agreed 1, disagreed 2, ignored 3
      SysClock::time_point at;
      std::string reviewed_by;
      std::optional<SysClock::time_point> reviewed_at;
    };
    long long id = 0;
    long long post_id = 0;
    int status = 0;
    int version = 0;
    SysClock::time_point created_at;
    std::vector<History> histories;
    std::vector<Score> scores;
  };
  std::map<long long, Reviewable> reviewables;
  long long next_reviewable_id = 1;
  long long next_record_id = 1;  // histories and scores

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
              {"moderator", staff.count(u.username) > 0 && u.username != api_username},
              {"admin", staff.count(u.username) > 0 && u.username == api_username}}}};
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
    json out = {{"id", p.id},
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
                {"deleted_at", p.deleted ? json(Time(p.updated_at)) : json(nullptr)},
                {"trust_level", u.trust_level},
                {"user_id", std::hash<std::string>()(p.username) % 100000},
                {"actions_summary", actions},
                {"post_url", "/t/" + t.slug + "/" + std::to_string(t.id) + "/" +
                                 std::to_string(p.post_number)}};
    if (staff.count(api_username)) out["reviewable_id"] = ReviewableIdFor(p.id);
    return out;
  }

  // PostSerializer#reviewable_id, sent to staff only (include_reviewable_id?:
  // can_review_topic?): the post's reviewable whatever its status, or null.
  json ReviewableIdFor(long long post_id) const {
    for (const auto& [id, r] : reviewables) {
      if (r.post_id == post_id) return id;
    }
    return nullptr;
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
    EmitPostHook("post_created", p);
    return p.id;
  }

  // WebHook.enqueue_post_hooks (app/models/web_hook.rb) with WebHookPostSerializer
  // (app/serializers/web_hook_post_serializer.rb): the post with raw, topic_title
  // and category_id, the topic's archetype and post counts, no actions_summary.
  void EmitPostHook(const char* event, const SamplePost& p) {
    json post = PostJson(p);
    post.erase("actions_summary");
    int count = 0;
    for (const auto& [id, other] : posts) count += other.topic_id == p.topic_id && !other.deleted;
    post["topic_posts_count"] = count;
    post["topic_filtered_posts_count"] = count;
    post["topic_archetype"] = "regular";
    webhooks.Send(event, json{{"post", post}}.dump());
  }

  // Post#hide! (app/models/post.rb): hidden, and a system message to the author
  // (Jobs::SendSystemMessage, message_type post_hidden), whatever hid it.
  void Hide(SamplePost* post) {
    post->hidden = true;
    post->hidden_at = SysClock::now();
    const Topic& t = topics.at(post->topic_id);
    system_messages.push_back(
        {next_topic_id++, post->username, "Your post was flagged by the community",
         "Our community members flagged your post in \"" + t.title +
             "\" and it is now hidden. Please edit it to remove the problem."});
  }

  // The post's reviewable, created or reopened for a flag, with the flag's score
  // (Reviewable.needs_review! and #add_score). notify_user (6) opens none.
  Reviewable* NeedsReview(long long post_id, const std::string& by, int type) {
    if (type != 3 && type != 4 && type != 7 && type != 8 && type != 10) return nullptr;
    Reviewable* r = nullptr;
    for (auto& [id, candidate] : reviewables) {
      if (candidate.post_id == post_id) r = &candidate;
    }
    const SysClock::time_point now = SysClock::now();
    if (!r) {
      r = &reviewables[next_reviewable_id];
      r->id = next_reviewable_id++;
      r->post_id = post_id;
      r->created_at = now;
      r->histories.push_back({next_record_id++, 0, 0, by, now});
    } else if (r->status != 0) {
      r->status = 0;
      r->histories.push_back({next_record_id++, 1, 0, by, now});
    }
    r->scores.push_back({next_record_id++, by, type, 0, now, "", std::nullopt});
    return r;
  }

  // Reviewable#transition_to: the status, a transitioned history row, and the
  // pending scores reviewed (ReviewableScore.score_transitions).
  void Transition(Reviewable* r, int status, const std::string& by) {
    if (!r) return;
    const SysClock::time_point now = SysClock::now();
    r->status = status;
    ++r->version;
    r->histories.push_back({next_record_id++, 1, status, by, now});
    for (Reviewable::Score& score : r->scores) {
      if (score.status != 0) continue;
      score.status = status;
      score.reviewed_by = by;
      score.reviewed_at = now;
    }
  }

  Reviewable* PendingFor(long long post_id) {
    for (auto& [id, r] : reviewables) {
      if (r.post_id == post_id && r.status == 0) return &r;
    }
    return nullptr;
  }

  json UserRef(const std::string& username) const {
    // BasicUserSerializer's fields.
    return {{"id", std::hash<std::string>()(username) % 100000},
            {"username", username},
            {"name", username},
            {"avatar_template", "/letter_avatar_proxy/v4/letter/x/aaaaaa/{size}.png"}};
  }

  // ReviewableFlaggedPostSerializer's own fields (ReviewableSerializer and
  // ReviewableFlaggedPostSerializer's raw, cooked and post_version).
  json ReviewableJson(const Reviewable& r) const {
    const SamplePost& post = posts.at(r.post_id);
    return {{"id", r.id},
            {"type", "ReviewableFlaggedPost"},
            {"status", r.status},
            {"topic_id", post.topic_id},
            {"target_type", "Post"},
            {"target_id", r.post_id},
            {"post_id", r.post_id},
            {"created_at", Time(r.created_at)},
            {"score", 6.0 * static_cast<double>(r.scores.size())},
            {"version", r.version},
            {"can_edit", false},
            {"created_by_id", std::hash<std::string>()(r.histories.front().by) % 100000},
            {"target_created_by_id", std::hash<std::string>()(post.username) % 100000},
            {"raw", post.raw},
            {"cooked", "<p>" + EscapeHtml(post.raw) + "</p>"},
            {"post_version", post.version},
            // ReviewableFlaggedPostSerializer#post_updated_at
            {"post_updated_at", TimeWithMillis(post.updated_at)}};
  }

  // reviewables_controller.rb#show: ensure_can_see (the review queue is staff's,
  // Guardian#can_see_review_queue?), then find_reviewable (404 when unknown).
  template <typename ReplyFn>
  void ShowReviewable(long long id, ReplyFn& reply) {
    if (!staff.count(api_username)) return reply(403, kInvalidAccess);
    auto it = reviewables.find(id);
    if (it == reviewables.end()) return reply(404, kNotFound);
    reply(200, {{"reviewable", ReviewableJson(it->second)},
                {"meta", {{"types", {{"created_by", "user"}, {"target_created_by", "user"},
                                     {"reviewed_by", "user"}, {"claimed_by", "user"}}}}}});
  }

  // reviewables_controller.rb#perform, "agree_and_hide" only: version_required
  // (422 without ?version), ensure_can_see (403), find_reviewable (404); then
  // Reviewable#perform: an action the reviewable does not offer is InvalidAction,
  // rendered 403 (ReviewableFlaggedPost#build_actions offers agree_and_hide only
  // while pending and the post visible), and increment_version! with a version
  // that moved is UpdateConflict, rendered 409. perform_agree_and_hide agrees with
  // the flags and calls Post#hide! (app/models/reviewable_flagged_post.rb).
  template <typename ReplyFn>
  void PerformOnReviewable(const httplib::Request& req, long long id, const std::string& action,
                           ReplyFn& reply) {
    std::optional<long long> version = Number(req.get_param_value("version"));
    if (!version) return reply(422, {{"errors", {"Missing version"}}});
    if (!staff.count(api_username)) return reply(403, kInvalidAccess);
    auto it = reviewables.find(id);
    if (it == reviewables.end()) return reply(404, kNotFound);
    Reviewable& r = it->second;
    SamplePost& post = posts.at(r.post_id);
    if (action != "agree_and_hide" || r.status != 0 || post.hidden || post.deleted) {
      return reply(403, kInvalidAccess);
    }
    if (*version != r.version) {
      return reply(409, {{"errors", {"Somebody else has already updated this item."}}});
    }
    Hide(&post);
    Transition(&r, 1, api_username);
    // ReviewablePerformResultSerializer
    reply(200, {{"reviewable_perform_result",
                 {{"success", true}, {"transition_to", "approved"}, {"transition_to_id", 1},
                  {"version", r.version}, {"reviewable_count", 0}}}});
  }

  // reviewables_controller.rb#index over ReviewableFlaggedPostSerializer: the
  // reviewables, with users, reviewable_histories and reviewable_scores sideloaded
  // (ApplicationSerializer: embed :ids, include: true) and the list's meta.
  template <typename ReplyFn>
  void ReviewList(const httplib::Request& req, ReplyFn& reply) {
    static const char* const kStatuses[] = {"pending", "approved", "rejected", "ignored", "deleted"};
    const std::string status = req.has_param("status") ? req.get_param_value("status") : "pending";
    int wanted = -1;  // -1: reviewed (every status but pending), -2: all
    if (status == "reviewed") {
      wanted = -1;
    } else if (status == "all") {
      wanted = -2;
    } else {
      auto it = std::find(std::begin(kStatuses), std::end(kStatuses), status);
      if (it == std::end(kStatuses)) {
        return reply(400, {{"errors", {"status is invalid"}}, {"error_type", "invalid_parameters"}});
      }
      wanted = static_cast<int>(it - std::begin(kStatuses));
    }
    const std::string type = req.get_param_value("type");
    if (!type.empty() && type != "ReviewableFlaggedPost" && type != "ReviewableQueuedPost" &&
        type != "ReviewableUser" && type != "ReviewablePost") {
      return reply(400, {{"errors", {"type is invalid"}}, {"error_type", "invalid_parameters"}});
    }
    const std::string from_date = req.get_param_value("from_date");  // "YYYY-MM-DD"
    const std::string sort = req.get_param_value("sort_order");
    const long long offset = std::max<long long>(0, Number(req.get_param_value("offset")).value_or(0));

    std::vector<const Reviewable*> rows;
    for (const auto& [id, r] : reviewables) {
      const bool status_ok = wanted == -2 || (wanted == -1 ? r.status != 0 : r.status == wanted);
      const bool type_ok = type.empty() || type == "ReviewableFlaggedPost";
      if (status_ok && type_ok && (from_date.empty() || Time(r.created_at).substr(0, 10) >= from_date)) {
        rows.push_back(&r);
      }
    }
    // list_for: "created_at" newest first, "created_at_asc" oldest first; the
    // default orders by score, which is the same for every sample flag.
    std::stable_sort(rows.begin(), rows.end(), [&](const Reviewable* a, const Reviewable* b) {
      return sort == "created_at_asc" ? a->created_at < b->created_at || (a->created_at == b->created_at && a->id < b->id)
                                      : a->created_at > b->created_at || (a->created_at == b->created_at && a->id > b->id);
    });
    constexpr long long kPerPage = 10;  // ReviewablesController::PER_PAGE
    json list = json::array(), users_json = json::array(), histories = json::array(),
         scores = json::array();
    std::set<std::string> users;
    for (long long i = offset; i < static_cast<long long>(rows.size()) && i < offset + kPerPage; ++i) {
      const Reviewable& r = *rows[i];
      const SamplePost& post = posts.at(r.post_id);
      json history_ids = json::array(), score_ids = json::array();
      for (const Reviewable::History& h : r.histories) {
        history_ids.push_back(h.id);
        users.insert(h.by);
        histories.push_back({{"id", h.id},
                             {"created_at", Time(h.at)},
                             {"reviewable_history_type", h.type},
                             {"status", h.status},
                             {"created_by_id", std::hash<std::string>()(h.by) % 100000}});
      }
      for (const Reviewable::Score& sc : r.scores) {
        score_ids.push_back(sc.id);
        users.insert(sc.user);
        json score = {{"id", sc.id},
                      {"score", 6.0},
                      {"status", sc.status},
                      {"created_at", Time(sc.at)},
                      {"reviewed_at", sc.reviewed_at ? json(Time(*sc.reviewed_at)) : json(nullptr)},
                      {"user_id", std::hash<std::string>()(sc.user) % 100000},
                      {"score_type", {{"id", sc.type}}}};
        if (!sc.reviewed_by.empty()) {
          users.insert(sc.reviewed_by);
          score["reviewed_by_id"] = std::hash<std::string>()(sc.reviewed_by) % 100000;
        }
        scores.push_back(score);
      }
      users.insert(post.username);
      json item = ReviewableJson(r);
      item["reviewable_history_ids"] = history_ids;
      item["reviewable_score_ids"] = score_ids;
      list.push_back(std::move(item));
    }
    for (const std::string& u : users) users_json.push_back(UserRef(u));
    json meta = {{"status", status},
                 {"type", type.empty() ? json(nullptr) : json(type)},
                 {"sort_order", sort.empty() ? json(nullptr) : json(sort)},
                 {"from_date", from_date.empty() ? json(nullptr) : json(from_date)},
                 {"total_rows_reviewables", rows.size()},
                 {"types", {{"created_by", "user"}, {"target_created_by", "user"},
                            {"reviewed_by", "user"}, {"claimed_by", "user"}}}};
    if (offset + kPerPage < static_cast<long long>(rows.size())) {
      // review_path(filters.merge(offset: offset + PER_PAGE))
      meta["load_more_reviewables"] =
          "/review?from_date=" + from_date + "&offset=" + std::to_string(offset + kPerPage) +
          "&sort_order=" + sort + "&status=" + status + "&type=" + type;
    }
    reply(200, {{"reviewables", list},
                {"users", users_json},
                {"reviewable_histories", histories},
                {"reviewable_scores", scores},
                {"meta", meta}});
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
    if (m == "GET" && p == std::vector<std::string>{"review"}) return ReviewList(req, reply);
    // config/routes.rb: get "review/:reviewable_id", put
    // "review/:reviewable_id/perform/:action_id" (reviewable_id /\d+/).
    if (m == "GET" && p.size() == 2 && p[0] == "review" && Number(p[1])) {
      return ShowReviewable(*Number(p[1]), reply);
    }
    if (m == "PUT" && p.size() == 4 && p[0] == "review" && Number(p[1]) && p[2] == "perform") {
      return PerformOnReviewable(req, *Number(p[1]), p[3], reply);
    }
    if (m == "PUT" && p.size() == 3 && p[0] == "posts" && Number(p[1]) && p[2] == "unhide") {
      // posts_controller.rb#unhide: guardian.ensure_can_unhide!(post), then render
      // body: nil; lib/guardian/post_guardian.rb: `post.try(:hidden) && is_staff?`.
      auto it = posts.find(*Number(p[1]));
      if (it == posts.end()) return reply(404, kNotFound);
      if (!it->second.hidden || !staff.count(api_username)) return reply(403, kInvalidAccess);
      it->second.hidden = false;
      it->second.updated_at = SysClock::now();  // Post#unhide! saves the post
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
    // (not hidden) regular posts, id < before, newest first, PAGE_SIZE 50. Post's
    // `visible` scope (app/models/post.rb) also joins the topic and keeps only
    // topics.visible = true: an unlisted topic's posts are never listed.
    long long before = std::numeric_limits<long long>::max();
    if (req.has_param("before")) {
      if (std::optional<long long> b = Number(req.get_param_value("before")); b && *b > 0) before = *b;
    }
    json list = json::array();
    for (auto it = posts.lower_bound(before); it != posts.begin() && list.size() < 50;) {
      --it;
      if (!it->second.hidden && !it->second.deleted && topics.at(it->second.topic_id).visible) {
        list.push_back(PostJson(it->second));
      }
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
    const auto is_flag = [](long long t) { return t == 3 || t == 4 || t == 7 || t == 8 || t == 10; };
    // lib/guardian/post_guardian.rb#post_can_act?: one flag per user and post
    // (already_did_flagging), none on a hidden post; PostActionCreator#perform
    // answers with errors, which the controller renders as 422.
    const bool flagged_before = std::any_of(post.flags.begin(), post.flags.end(),
                                            [&](const auto& f) { return is_flag(f.first); });
    if (post.flags.count(static_cast<int>(*type)) ||
        (is_flag(*type) && (flagged_before || post.hidden))) {
      return reply(422, {{"errors", {"You have already performed this action."}},
                         {"error_type", "invalid_parameters"}});
    }
    // lib/post_action_creator.rb#perform: queue_for_review from a user who is not
    // staff is refused; take_action from one is ignored
    // (`@take_action = take_action && guardian.is_staff?`).
    const bool is_staff = staff.count(api_username) > 0;
    const bool queue_for_review = req.get_param_value("queue_for_review") == "true";
    if (queue_for_review && !is_staff) return reply(403, kInvalidAccess);
    // The message is kept (as a message to the moderators) only for notify_user 6,
    // notify_moderators 7, spam 8 and illegal 10; for the others it is dropped.
    const bool keeps_message = *type == 6 || *type == 7 || *type == 8 || *type == 10;
    post.flags[static_cast<int>(*type)] = keeps_message ? req.get_param_value("message") : "";
    const bool take_action = req.get_param_value("take_action") == "true" && is_staff;
    const bool auto_action = *type == 3 || *type == 4 || *type == 8 || *type == 10;
    Reviewable* reviewable = NeedsReview(post.id, api_username, static_cast<int>(*type));
    // auto_hide_if_needed: queue_for_review hides whatever the type and leaves the
    // reviewable pending; take_action hides for the auto-action types only.
    if (queue_for_review) {
      Hide(&post);
    } else if (take_action && auto_action) {
      Hide(&post);
      // Staff taking action agree with the flags at once
      // (reviewable.perform(created_by, :agree_and_keep)).
      Transition(reviewable, 1, api_username);
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
    // Discourse sends post_created for a private message's post too.
    webhooks.Send("post_created",
                  json{{"post",
                        {{"id", post_id}, {"topic_id", topic_id}, {"post_number", 1},
                         {"username", api_username}, {"raw", raw}, {"post_type", 1},
                         {"created_at", Time(SysClock::now())}, {"topic_title", title},
                         {"topic_archetype", "private_message"}}}}
                      .dump());
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
      EmitPostHook("post_edited", it->second);
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
    auto messages_json = [](const std::vector<SampleMessage>& list) {
      json out = json::array();
      for (const SampleMessage& m : list) {
        out.push_back({{"to", m.recipient}, {"title", m.title}, {"raw", m.raw}});
      }
      return out;
    };
    return {{"posts", posts_json},
            {"messages", messages_json(messages)},
            {"system_messages", messages_json(system_messages)},
            {"requests", requests},
            {"requests_by_route", by_route}};
  }
};

SampleForum::SampleForum(std::string api_username, std::string api_key)
    : impl_(std::make_unique<Impl>()) {
  impl_->api_username = std::move(api_username);
  impl_->api_key = std::move(api_key);
  impl_->users[impl_->api_username] = SampleUser{impl_->api_username, 3650, 4, 0};
  impl_->staff.insert(impl_->api_username);
  impl_->user_created[impl_->api_username] = SysClock::now() - std::chrono::hours(24 * 3650);
}

SampleForum::~SampleForum() { Stop(); }

int SampleForum::Start(int port) { return impl_->server.Start(port); }

void SampleForum::Stop() { impl_->server.Stop(); }

void SampleForum::SetWebhook(std::string url, std::string secret) {
  impl_->webhooks.Configure(std::move(url), std::move(secret));
}

long long SampleForum::WebhooksDelivered() const { return impl_->webhooks.delivered(); }

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

bool SampleForum::SetTopicListed(long long topic_id, bool listed) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  auto it = impl_->topics.find(topic_id);
  if (it == impl_->topics.end()) return false;
  it->second.visible = listed;
  return true;
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
  impl_->EmitPostHook("post_edited", it->second);
  return true;
}

bool SampleForum::Perform(long long post_id, ReviewAction action, const std::string& moderator) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  Impl::Reviewable* r = impl_->PendingFor(post_id);
  if (!r) return false;
  SamplePost& post = impl_->posts.at(post_id);
  int status = 1;  // approved: the flag was agreed with
  switch (action) {
    case ReviewAction::kAgreeAndKeep: break;
    case ReviewAction::kAgreeAndHide: impl_->Hide(&post); break;
    case ReviewAction::kDeleteAndAgree: post.deleted = true; post.updated_at = SysClock::now(); break;
    case ReviewAction::kDisagree: post.hidden = false; status = 2; break;  // perform_disagree unhides
    case ReviewAction::kIgnore: status = 3; break;
  }
  impl_->Transition(r, status, moderator);
  return true;
}

bool SampleForum::Unhide(long long post_id) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  auto it = impl_->posts.find(post_id);
  if (it == impl_->posts.end()) return false;
  it->second.hidden = false;
  it->second.updated_at = SysClock::now();  // Post#unhide! (app/models/post.rb) saves the post
  return true;
}

bool SampleForum::TrashPost(long long post_id) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  auto it = impl_->posts.find(post_id);
  if (it == impl_->posts.end()) return false;
  it->second.deleted = true;
  it->second.updated_at = SysClock::now();
  return true;
}

bool SampleForum::FlagAsResident(long long post_id, const std::string& username, int type_id) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  if (!impl_->posts.count(post_id)) return false;
  return impl_->NeedsReview(post_id, username, type_id) != nullptr;
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

std::vector<SampleMessage> SampleForum::SystemMessages() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->system_messages;
}

void SampleForum::SetStaff(const std::string& username, bool staff) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  if (staff) {
    impl_->staff.insert(username);
  } else {
    impl_->staff.erase(username);
  }
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
