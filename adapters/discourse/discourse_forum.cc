#include "adapters/discourse/discourse_forum.h"

#include <algorithm>
#include <thread>

#include "adapters/content_version.h"

namespace modbot {

namespace {

using nlohmann::json;

constexpr auto kAuthorTtl = std::chrono::hours(1);
constexpr auto kCategoriesTtl = std::chrono::minutes(10);
constexpr size_t kMaxRawCache = 20000;

// "POST /post_actions.json": enough to read a log line, nothing secret (keys are
// only ever in headers).
std::string Describe(const HttpRequest& request, const std::string& base_url) {
  std::string path = request.url.substr(std::min(base_url.size(), request.url.size()));
  return request.method + " " + path.substr(0, path.find('?'));
}

// Discourse's `version` does not move on a "ninja edit" (lib/post_revisor.rb
// #ninja_edit?: an edit within editing_grace_period, 5 minutes by default, of the
// last version that changes at most 100 characters), so a post could be made
// abusive just after it was judged with its version unchanged. The text's FNV-1a
// hash goes into the version to catch those.
std::string PostVersion(const discourse::LatestPost& post) {
  return std::to_string(post.version) + "." +
         ContentHash(post.raw.empty() ? post.cooked : post.raw);
}

bool Acted(const discourse::PostState& state, int type_id) {
  return std::find(state.acted.begin(), state.acted.end(), type_id) != state.acted.end();
}

}  // namespace

DiscourseForum::DiscourseForum(const ForumSettings& settings)
    : settings_(settings),
      auth_{settings.url, settings.api_username, settings.api_key},
      http_(HttpClient::Options{std::chrono::milliseconds(5000), settings.timeout}),
      pacer_(settings.requests_per_minute) {
  while (!auth_.base_url.empty() && auth_.base_url.back() == '/') auth_.base_url.pop_back();
}

ForumStatus DiscourseForum::Call(const HttpRequest& request, bool idempotent, json* body) {
  const std::string what = Describe(request, auth_.base_url);
  for (int attempt = 0;; ++attempt) {
    const bool may_retry = attempt < settings_.retries;
    pacer_.Wait();
    ++requests_sent_;
    HttpResponse response = http_.Send(request);
    ForumStatus failure;
    if (response.status >= 200 && response.status < 300) {
      if (!body) return ForumStatus::Ok();
      json parsed = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
      if (!parsed.is_discarded()) {
        *body = std::move(parsed);
        return ForumStatus::Ok();
      }
      failure = ForumStatus::Retry(what + ": malformed JSON (" +
                                   std::to_string(response.body.size()) + " bytes)");
    } else if (response.status == 429) {
      // Discourse did not carry the request out, so even a write may be resent.
      json parsed = json::parse(response.body, nullptr, false);
      std::optional<int> body_wait = discourse::ParseWaitSeconds(parsed);
      int wait = response.retry_after_seconds || body_wait
                     ? std::max(response.retry_after_seconds.value_or(0), body_wait.value_or(0))
                     : 1;  // no hint: wait a little anyway
      wait = std::min<int>(wait, static_cast<int>(settings_.max_wait.count()));
      pacer_.HoldFor(std::chrono::seconds(wait));
      failure = ForumStatus::Retry(what + ": HTTP 429, wait " + std::to_string(wait) + "s", wait);
      if (!may_retry) return failure;
      continue;  // the pacer does the waiting
    } else if (response.status == 0 || response.status >= 500) {
      failure = ForumStatus::Retry(
          what + ": " +
          (response.status ? "HTTP " + std::to_string(response.status) : response.error));
    } else if (response.status == 404 || response.status == 410) {
      return ForumStatus::Gone(what + ": HTTP " + std::to_string(response.status));
    } else if (response.status == 401 || response.status == 403) {
      // Retried later rather than given up: a fixed key must let queued actions run.
      json parsed = json::parse(response.body, nullptr, false);
      return ForumStatus::Retry(what + ": HTTP " + std::to_string(response.status) +
                                " (check api_username and the API key) " +
                                discourse::ParseErrors(parsed));
    } else {
      json parsed = json::parse(response.body, nullptr, false);
      return ForumStatus::Permanent(what + ": HTTP " + std::to_string(response.status) + " " +
                                    discourse::ParseErrors(parsed));
    }
    if (!idempotent || !may_retry) return failure;
    std::this_thread::sleep_for(BackoffDelay(settings_.backoff, attempt));
  }
}

ForumStatus DiscourseForum::Poll(const std::string& cursor, std::chrono::seconds recent_window,
                                 const UnjudgedFn& unjudged, PollResult* out) {
  *out = PollResult();
  long long after = 0;
  if (!cursor.empty()) {
    if (cursor.size() > 18 || cursor.find_first_not_of("0123456789") != std::string::npos) {
      return ForumStatus::Permanent("cursor '" + cursor + "' is not a Discourse post id");
    }
    after = std::stoll(cursor);
  }
  const Clock::time_point window_start = Clock::now() - recent_window;

  // Newest first, as Discourse pages them; reversed below.
  std::vector<discourse::LatestPost> fresh, recent;
  std::optional<long long> before;
  for (;;) {
    json body;
    ForumStatus status = Call(discourse::LatestPostsRequest(auth_, before), true, &body);
    if (!status.ok()) return status;
    std::vector<discourse::LatestPost> page;
    std::string error;
    if (!discourse::ParseLatestPosts(body, &page, &error)) {
      return ForumStatus::Retry("GET /posts.json: " + error);
    }
    if (page.empty()) break;
    if (before && page.back().id >= *before) {
      return ForumStatus::Retry("GET /posts.json: page does not go back in time");
    }
    if (raw_by_number_.size() > kMaxRawCache) raw_by_number_.clear();
    for (discourse::LatestPost& post : page) {
      raw_by_number_[{post.topic_id, post.post_number}] = post.raw;
      if (post.id > after) {
        fresh.push_back(std::move(post));
      } else if (post.created_at >= window_start &&
                 unjudged(std::to_string(post.id), PostVersion(post))) {
        recent.push_back(std::move(post));
      }
    }
    const discourse::LatestPost& oldest = page.back();
    if (oldest.id <= after && oldest.created_at < window_start) break;
    before = oldest.id;
  }

  PollResult result;
  for (auto [from, to] : {std::pair{&fresh, &result.new_posts}, {&recent, &result.recent_posts}}) {
    for (auto it = from->rbegin(); it != from->rend(); ++it) {
      ForumPost post;
      ForumStatus status = ToForumPost(*it, &post);
      if (!status.ok()) return status;
      to->push_back(std::move(post));
    }
  }
  *out = std::move(result);
  return ForumStatus::Ok();
}

ForumStatus DiscourseForum::ToForumPost(const discourse::LatestPost& post, ForumPost* out) {
  out->id = std::to_string(post.id);
  out->cursor = out->id;
  out->version = PostVersion(post);
  // raw is what the author typed; cooked is the fallback for keys that cannot see it.
  out->format = post.raw.empty() ? "html" : "markdown";
  out->markup = post.raw.empty() ? post.cooked : post.raw;
  out->topic_title = post.topic_title;
  out->url = auth_.base_url + post.post_url;
  ForumStatus status = CategoryName(post.category_id, &out->category);
  if (status.ok() && post.reply_to_post_number) {
    status = ReplyToRaw(post.topic_id, *post.reply_to_post_number, &out->reply_to);
    out->reply_to_format = "markdown";
  }
  if (status.ok()) status = Author(post.username, &out->author);
  return status;
}

ForumStatus DiscourseForum::Author(const std::string& username, ForumAuthor* out) {
  const Clock::time_point now = Clock::now();
  auto it = authors_.find(username);
  if (it == authors_.end() || now - it->second.fetched > kAuthorTtl) {
    json body;
    ForumStatus status = Call(discourse::UserRequest(auth_, username), true, &body);
    if (status.code == ForumStatus::Code::kGone) {  // a deleted user: facts unknown
      *out = ForumAuthor{username, {}, {}, {}};
      return ForumStatus::Ok();
    }
    if (!status.ok()) return status;
    CachedAuthor cached;
    std::string error;
    if (!discourse::ParseUser(body, &cached.facts, &error)) {
      return ForumStatus::Retry("GET /u/" + username + ".json: " + error);
    }
    cached.fetched = now;
    it = authors_.insert_or_assign(username, cached).first;
  }
  const discourse::UserFacts& facts = it->second.facts;
  out->username = username;
  out->account_age_days = static_cast<int>(
      std::chrono::duration_cast<std::chrono::hours>(now - facts.created_at).count() / 24);
  out->post_count = facts.post_count;
  out->trust_level = facts.trust_level;
  return ForumStatus::Ok();
}

ForumStatus DiscourseForum::CategoryName(long long id, std::string* out) {
  auto it = categories_.find(id);
  if (it == categories_.end() && Clock::now() - categories_fetched_ > kCategoriesTtl) {
    json body;
    ForumStatus status = Call(discourse::CategoriesRequest(auth_), true, &body);
    if (!status.ok()) return status;
    std::string error;
    std::map<long long, std::string> categories;
    if (!discourse::ParseCategories(body, &categories, &error)) {
      return ForumStatus::Retry("GET /categories.json: " + error);
    }
    categories_ = std::move(categories);
    categories_fetched_ = Clock::now();
    it = categories_.find(id);
  }
  *out = it == categories_.end() ? "" : it->second;
  return ForumStatus::Ok();
}

ForumStatus DiscourseForum::ReplyToRaw(long long topic_id, int post_number,
                                       std::optional<std::string>* out) {
  auto it = raw_by_number_.find({topic_id, post_number});
  if (it != raw_by_number_.end()) {
    *out = it->second;
    return ForumStatus::Ok();
  }
  json body;
  ForumStatus status =
      Call(discourse::PostByNumberRequest(auth_, topic_id, post_number), true, &body);
  if (status.code == ForumStatus::Code::kGone) return ForumStatus::Ok();  // deleted since
  if (!status.ok()) return status;
  std::string raw, error;
  if (!discourse::ParseRaw(body, &raw, &error)) {
    return ForumStatus::Retry("GET /posts/by_number: " + error);
  }
  raw_by_number_[{topic_id, post_number}] = raw;
  *out = std::move(raw);
  return ForumStatus::Ok();
}

ForumStatus DiscourseForum::FetchState(const std::string& post_id, discourse::PostState* state) {
  json body;
  ForumStatus status = Call(discourse::PostRequest(auth_, post_id), true, &body);
  if (!status.ok()) return status;
  std::string error;
  if (!discourse::ParsePostState(body, state, &error)) {
    return ForumStatus::Retry("GET /posts/" + post_id + ".json: " + error);
  }
  return ForumStatus::Ok();
}

ForumStatus DiscourseForum::Flag(const std::string& post_id, int type_id,
                                 const std::string& message, bool take_action, bool retry) {
  auto done = [&](const discourse::PostState& state) {
    return Acted(state, type_id) || (take_action && state.hidden);
  };
  discourse::PostState state;
  if (retry) {
    ForumStatus status = FetchState(post_id, &state);
    if (!status.ok()) return status;
    if (done(state)) return ForumStatus::Ok();
  }
  ForumStatus status = Call(
      discourse::FlagRequest(auth_, post_id, type_id, message, take_action), false, nullptr);
  if (status.ok() || status.code == ForumStatus::Code::kGone) return status;
  // A 403 may mean "already flagged"; a timeout may have flagged it anyway. Look.
  state = discourse::PostState();
  if (FetchState(post_id, &state).ok() && done(state)) return ForumStatus::Ok();
  return status;
}

ForumStatus DiscourseForum::Hide(const std::string& post_id, const std::string& reason,
                                 bool retry) {
  return Flag(post_id, discourse::kInappropriate, reason, /*take_action=*/true, retry);
}

ForumStatus DiscourseForum::SendToReview(const std::string& post_id, const std::string& reason,
                                         bool retry) {
  // notify_moderators never hides a post; it opens a reviewable with the message.
  return Flag(post_id, discourse::kNotifyModerators, reason, /*take_action=*/false, retry);
}

ForumStatus DiscourseForum::Restore(const std::string& post_id, bool retry) {
  if (retry) {
    discourse::PostState state;
    ForumStatus status = FetchState(post_id, &state);
    if (!status.ok()) return status;
    if (!state.hidden) return ForumStatus::Ok();
  }
  return Call(discourse::UnhideRequest(auth_, post_id), true, nullptr);
}

ForumStatus DiscourseForum::Notify(const ForumNotice& notice, bool retry) {
  if (retry) {
    // An earlier attempt may have created the message: look for its title, which
    // names the post, among the messages we sent.
    json body;
    ForumStatus status = Call(discourse::SentMessagesRequest(auth_), true, &body);
    if (!status.ok()) return status;
    std::vector<std::string> titles;
    std::string error;
    if (!discourse::ParseSentTitles(body, &titles, &error)) {
      return ForumStatus::Retry("GET /topics/private-messages-sent: " + error);
    }
    if (std::find(titles.begin(), titles.end(), notice.title) != titles.end()) {
      return ForumStatus::Ok();
    }
  }
  return Call(discourse::PrivateMessageRequest(auth_, notice.username, notice.title, notice.body),
              false, nullptr);
}

}  // namespace modbot
