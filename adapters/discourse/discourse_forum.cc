#include "adapters/discourse/discourse_forum.h"

#include <algorithm>
#include <cctype>
#include <thread>

#include "adapters/content_version.h"
#include "adapters/discourse/discourse_webhook.h"

namespace modbot {

namespace {

using nlohmann::json;

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

std::string PostVersion(const discourse::PostState& state) {
  discourse::LatestPost post;
  post.raw = state.raw;
  post.cooked = state.cooked;
  post.version = state.version;
  return PostVersion(post);
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

ForumStatus DiscourseForum::Call(const HttpRequest& request, bool idempotent, json* body,
                                 const std::string& forbidden_hint) {
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
    } else if (response.status == 409) {
      // reviewables_controller.rb#perform: the reviewable's version moved on
      // (Reviewable::UpdateConflict); the same request would conflict again.
      json parsed = json::parse(response.body, nullptr, false);
      return ForumStatus::Retry(what + ": HTTP 409 " + discourse::ParseErrors(parsed));
    } else if (response.status == 404 || response.status == 410) {
      return ForumStatus::Gone(what + ": HTTP " + std::to_string(response.status));
    } else if (response.status == 401 || response.status == 403) {
      // Retried later rather than given up: a fixed key or a restored moderator
      // must let queued actions run.
      json parsed = json::parse(response.body, nullptr, false);
      std::string message = what + ": HTTP " + std::to_string(response.status) + " " +
                            discourse::ParseErrors(parsed);
      if (!forbidden_hint.empty()) message += " (" + forbidden_hint + ")";
      return ForumStatus::Retry(message);
    } else {
      json parsed = json::parse(response.body, nullptr, false);
      return ForumStatus::Permanent(what + ": HTTP " + std::to_string(response.status) + " " +
                                    discourse::ParseErrors(parsed));
    }
    if (!idempotent || !may_retry) return failure;
    std::this_thread::sleep_for(BackoffDelay(settings_.backoff, attempt));
  }
}

ForumStatus DiscourseForum::CheckAccount() {
  const std::string who = "api_username '" + auth_.api_username + "'";
  json body;
  ForumStatus status = Call(discourse::UserRequest(auth_, auth_.api_username), true, &body,
                            "check api_username and the API key");
  if (status.code == ForumStatus::Code::kGone) {
    return ForumStatus::Permanent(who + " is not a user of " + auth_.base_url);
  }
  if (!status.ok()) return status;
  discourse::UserFacts facts;
  std::string error;
  if (!discourse::ParseUser(body, &facts, &error)) {
    return ForumStatus::Retry("GET /u/" + auth_.api_username + ".json: " + error);
  }
  if (!facts.admin && !facts.moderator) {
    // lib/post_action_creator.rb: a queue_for_review flag from a user who is not
    // staff is refused, and take_action ignored; posts_controller.rb#unhide needs
    // staff too (can_unhide?).
    return ForumStatus::Permanent(
        who + " is neither a moderator nor an admin on " + auth_.base_url +
        ": Discourse would take its flags but hide nothing. Make it a moderator, or set "
        "api_username to a moderator's or admin's account");
  }
  return ForumStatus::Ok();
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
    // Any valid key may read the latest posts: a 401 or 403 here is the key's.
    ForumStatus status = Call(discourse::LatestPostsRequest(auth_, before), true, &body,
                              "check api_username and the API key");
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
  // PostSerializer carries the author's trust_level but neither the account's age
  // nor its post count: those wait for AuthorFacts.
  out->author = ForumAuthor{post.username, {}, {}, post.trust_level, /*more_known=*/true};
  return status;
}

ForumStatus DiscourseForum::PushedPost(const std::string& post_json, ForumPost* out) {
  discourse::LatestPost post;
  std::string error;
  if (!discourse::ParseWebhookPost(post_json, &post, &error)) {
    return ForumStatus::Permanent("webhook post: " + error);
  }
  return ToForumPost(post, out);
}

ForumStatus DiscourseForum::AuthorFacts(const std::string& username, ForumAuthor* out) {
  json body;
  ForumStatus status = Call(discourse::UserRequest(auth_, username), true, &body);
  if (status.code == ForumStatus::Code::kGone) {  // a deleted user: facts unknown
    *out = ForumAuthor{username, {}, {}, {}};
    return ForumStatus::Ok();
  }
  if (!status.ok()) return status;
  discourse::UserFacts facts;
  std::string error;
  if (!discourse::ParseUser(body, &facts, &error)) {
    return ForumStatus::Retry("GET /u/" + username + ".json: " + error);
  }
  out->username = username;
  out->account_age_days = static_cast<int>(
      std::chrono::duration_cast<std::chrono::hours>(Clock::now() - facts.created_at).count() /
      24);
  out->post_count = facts.post_count;
  out->trust_level = facts.trust_level;
  out->more_known = false;
  return ForumStatus::Ok();
}

// The pacer counts on the steady clock, which does not survive a restart; the
// caller keeps wall-clock times.
std::vector<DiscourseForum::Clock::time_point> DiscourseForum::RecentRequests() const {
  const Pacer::Clock::time_point steady_now = Pacer::Clock::now();
  const Clock::time_point now = Clock::now();
  std::vector<Clock::time_point> out;
  for (Pacer::Clock::time_point slot : pacer_.Booked()) {
    out.push_back(now + std::chrono::duration_cast<Clock::duration>(slot - steady_now));
  }
  return out;
}

void DiscourseForum::RecallRequests(const std::vector<Clock::time_point>& sent) {
  const Pacer::Clock::time_point steady_now = Pacer::Clock::now();
  const Clock::time_point now = Clock::now();
  std::vector<Pacer::Clock::time_point> slots;
  for (Clock::time_point at : sent) {
    slots.push_back(steady_now + std::chrono::duration_cast<Pacer::Clock::duration>(at - now));
  }
  pacer_.Recall(slots);
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
                                 const std::string& message, bool hide, bool retry) {
  // What the post shows of the flag: done, flagged but left visible (Discourse
  // takes one flag per user and post, lib/guardian/post_guardian.rb#post_can_act?,
  // so the post is hidden through its reviewable), or nothing yet.
  const auto effect = [&](const discourse::PostState& state) -> std::optional<ForumStatus> {
    if (hide ? state.hidden : Acted(state, type_id)) return ForumStatus::Ok();
    if (hide && Acted(state, type_id)) return AgreeAndHide(post_id, state);
    return std::nullopt;
  };
  discourse::PostState state;
  if (retry) {
    ForumStatus status = FetchState(post_id, &state);
    if (!status.ok()) return status;
    if (std::optional<ForumStatus> done = effect(state)) return *done;
  }
  json body;
  ForumStatus status =
      Call(discourse::FlagRequest(auth_, post_id, type_id, message, hide), false, &body,
           "only a moderator or admin may flag for review: is '" + auth_.api_username +
               "' still one?");
  if (status.code == ForumStatus::Code::kGone) return status;
  if (status.ok()) {
    // The answer is the post after the flag (post_actions_controller.rb,
    // render_post_json): a release that does not know queue_for_review leaves it
    // visible with a 200.
    state = discourse::PostState();
    std::string error;
    if (!hide || (discourse::ParsePostState(body, &state, &error) && state.hidden)) {
      return ForumStatus::Ok();
    }
  }
  // In doubt (a refusal such as "already flagged", a lost answer, an answer that
  // does not show the post hidden): look at the post.
  state = discourse::PostState();
  ForumStatus looked = FetchState(post_id, &state);
  if (!looked.ok()) return status.ok() ? looked : status;
  if (std::optional<ForumStatus> done = effect(state)) return *done;
  if (status.ok()) {
    return ForumStatus::Permanent("post " + post_id + " is still visible after our flag: a "
                                  "release without queue_for_review "
                                  "(lib/post_action_creator.rb) does not hide");
  }
  return status;
}

ForumStatus DiscourseForum::AgreeAndHide(const std::string& post_id,
                                         const discourse::PostState& state) {
  if (!state.reviewable_id) {
    return ForumStatus::Permanent("post " + post_id + " carries our flag but is still visible, "
                                  "and Discourse names no reviewable for it");
  }
  const long long reviewable_id = *state.reviewable_id;
  const std::string where = "reviewable " + std::to_string(reviewable_id);
  json body;
  ForumStatus status = Call(discourse::ReviewableRequest(auth_, reviewable_id), true, &body,
                            "only a moderator or admin may read the review queue: is '" +
                                auth_.api_username + "' still one?");
  if (!status.ok()) return status;
  discourse::ReviewableState reviewable;
  std::string error;
  if (!discourse::ParseReviewable(body, &reviewable, &error)) {
    return ForumStatus::Retry("GET /review/" + std::to_string(reviewable_id) + ".json: " + error);
  }
  // ReviewableFlaggedPost#build_actions offers no action once the reviewable is
  // decided: a moderator has ruled on the flag on Discourse, which we do not overrule.
  if (reviewable.status != discourse::ReviewableStatus::kPending) {
    return ForumStatus::Permanent("post " + post_id + " is still visible and its " + where +
                                  " was already decided on Discourse: hide it there");
  }
  status = Call(discourse::AgreeAndHideRequest(auth_, reviewable_id, reviewable.version), false,
                nullptr,
                "only a moderator or admin may agree and hide: is '" + auth_.api_username +
                    "' still one?");
  // Done only once the post reads hidden, whatever the answer (it may have been lost).
  discourse::PostState after;
  ForumStatus looked = FetchState(post_id, &after);
  if (looked.ok() && after.hidden) return ForumStatus::Ok();
  if (!status.ok()) return status;
  if (!looked.ok()) return looked;
  return ForumStatus::Retry("post " + post_id + " is still visible after agree_and_hide on " +
                            where);
}

ForumStatus DiscourseForum::Hide(const std::string& post_id, const std::string& reason,
                                 bool retry) {
  // Discourse keeps a flag's message only for notify_user, notify_moderators, spam
  // and illegal (lib/post_action_creator.rb, additional_message_types | spam illegal):
  // with notify_moderators the reason reaches the moderators, as a message to their
  // group and on the reviewable, which stays pending for one of them to decide.
  return Flag(post_id, discourse::kNotifyModerators, reason, /*hide=*/true, retry);
}

ForumStatus DiscourseForum::SendToReview(const std::string& post_id, const std::string& reason,
                                         bool retry) {
  // notify_moderators never hides a post; it opens a reviewable with the message.
  return Flag(post_id, discourse::kNotifyModerators, reason, /*hide=*/false, retry);
}

ForumStatus DiscourseForum::Restore(const std::string& post_id, bool /*retry*/) {
  // Always looked at first, not only on a retry: posts_controller.rb#unhide answers
  // 403 for a post that is not hidden (lib/guardian/post_guardian.rb#can_unhide?
  // needs post.hidden), and a moderator may have unhidden it already.
  discourse::PostState state;
  ForumStatus status = FetchState(post_id, &state);
  if (!status.ok()) return status;
  if (!state.hidden) return ForumStatus::Ok();
  status = Call(discourse::UnhideRequest(auth_, post_id), true, nullptr,
                "only a moderator or admin may unhide a hidden post: is '" +
                    auth_.api_username + "' still one?");
  if (status.ok() || status.code == ForumStatus::Code::kGone) return status;
  // Unhidden by someone else in between, which is also a 403.
  state = discourse::PostState();
  if (FetchState(post_id, &state).ok() && !state.hidden) return ForumStatus::Ok();
  return status;
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

namespace modbot {

namespace {

// A reviewable is reused for every later flag on its post (Reviewable.needs_review!),
// so it may be dated before the bot's action by a resident's earlier flag: the list
// is read back to the day before the oldest awaited action.
constexpr auto kReviewableSlack = std::chrono::hours(24);
// Bounds the paging whatever a forum answers (PER_PAGE is 10).
constexpr int kMaxReviewPages = 100;

bool SameUser(const std::string& a, const std::string& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

}  // namespace

ForumStatus DiscourseForum::ReadFlagReviewables(std::map<long long, const AwaitedPost*>* waiting,
                                                std::vector<ForumDecision>* out,
                                                std::map<long long, std::string>* pending) {
  Clock::time_point oldest = Clock::now();
  for (const auto& [id, post] : *waiting) oldest = std::min(oldest, post->since);
  const std::string from_date = discourse::FormatDate(oldest - kReviewableSlack);
  // Paged while some awaited post is neither decided nor seen pending.
  const auto unaccounted = [&] {
    return std::any_of(waiting->begin(), waiting->end(),
                       [&](const auto& entry) { return !pending->count(entry.first); });
  };
  int offset = 0;
  for (int page_count = 0; unaccounted(); ++page_count) {
    if (page_count == kMaxReviewPages) {
      return ForumStatus::Retry("GET /review.json: more than " +
                                std::to_string(kMaxReviewPages) + " pages");
    }
    json body;
    ForumStatus status =
        Call(discourse::FlagReviewablesRequest(auth_, from_date, offset), true, &body);
    if (!status.ok()) return status;
    discourse::ReviewedFlagPage page;
    std::string error;
    if (!discourse::ParseReviewedFlags(body, &page, &error)) {
      return ForumStatus::Retry("GET /review.json: " + error);
    }
    for (const discourse::ReviewedFlag& flag : page.flags) {
      auto it = waiting->find(flag.post_id);
      if (it != waiting->end() && flag.status == discourse::ReviewableStatus::kPending) {
        pending->emplace(flag.post_id, flag.post_updated_at);  // the newest comes first
        continue;
      }
      // Only a person's decision counts: the bot's own (from releases or paths
      // where staff flags approve themselves) and the system user's automatic ones
      // (old flags ignored by a job) do not.
      if (it == waiting->end() || flag.decided_by.empty() ||
          SameUser(flag.decided_by, settings_.api_username) || SameUser(flag.decided_by, "system")) {
        continue;
      }
      ForumDecision decision;
      decision.post_id = std::to_string(flag.post_id);
      decision.moderator = flag.decided_by;
      decision.at = flag.decided_at.value_or(Clock::now());
      const std::string reviewable = "reviewable " + std::to_string(flag.reviewable_id);
      switch (flag.status) {
        case discourse::ReviewableStatus::kApproved:
          decision.kind = ForumDecision::Kind::kUpheld;
          decision.how = "flag agreed (" + reviewable + ")";
          break;
        case discourse::ReviewableStatus::kRejected:
          decision.kind = ForumDecision::Kind::kOverruled;
          decision.how = "flag disagreed (" + reviewable + ")";
          break;
        case discourse::ReviewableStatus::kIgnored:
          decision.kind = ForumDecision::Kind::kIgnored;
          decision.how = "flag ignored (" + reviewable + ")";
          break;
        default:  // pending, or deleted: the flag was withdrawn, nobody decided
          continue;
      }
      out->push_back(std::move(decision));
      waiting->erase(it);
    }
    if (!page.next_offset) break;
    if (*page.next_offset <= offset) {
      return ForumStatus::Retry("GET /review.json: load_more_reviewables does not move on");
    }
    offset = *page.next_offset;
  }
  return ForumStatus::Ok();
}

ForumStatus DiscourseForum::LookAtPost(const std::string& post_id, ForumDecision* decision,
                                       bool* decided) {
  discourse::PostState state;
  ForumStatus status = FetchState(post_id, &state);
  const bool gone = status.code == ForumStatus::Code::kGone;
  if (!status.ok() && !gone) return status;
  decision->visible = !gone && !state.deleted && !state.hidden;
  if (!gone) decision->version = PostVersion(state);
  if (*decided) return ForumStatus::Ok();
  // Neither deleting a post nor unhiding it names the moderator in what the API
  // shows (posts_controller.rb#unhide calls post.unhide! and logs nothing).
  decision->post_id = post_id;
  decision->at = Clock::now();
  if (gone || state.deleted) {
    decision->kind = ForumDecision::Kind::kUpheld;
    decision->how = "post deleted on the forum";
    *decided = true;
  } else if (!state.hidden) {
    decision->kind = ForumDecision::Kind::kOverruled;
    decision->how = "post unhidden on the forum";
    *decided = true;
  }
  return ForumStatus::Ok();
}

ForumStatus DiscourseForum::ReadDecisions(const std::vector<AwaitedPost>& awaited,
                                          std::vector<ForumDecision>* out) {
  out->clear();
  std::map<long long, const AwaitedPost*> waiting;
  for (const AwaitedPost& post : awaited) {
    const std::string& id = post.post_id;
    if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos) {
      return ForumStatus::Permanent("post id '" + id + "' is not a Discourse post id");
    }
    waiting[std::stoll(id)] = &post;
  }
  if (waiting.empty()) return ForumStatus::Ok();
  std::vector<ForumDecision> found;
  std::map<long long, std::string> pending;
  ForumStatus status = ReadFlagReviewables(&waiting, &found, &pending);
  if (!status.ok()) return status;
  for (ForumDecision& decision : found) {
    bool decided = true;
    status = LookAtPost(decision.post_id, &decision, &decided);
    if (!status.ok()) return status;
  }
  for (auto it = looked_.begin(); it != looked_.end();) {  // forget what is no longer awaited
    it = waiting.count(it->first) ? std::next(it) : looked_.erase(it);
  }
  // A flag for review is decided in the queue only; a hide may also be undone from
  // the post's menu, which shows in the listing as a new post_updated_at.
  std::vector<std::pair<long long, std::string>> to_look;
  for (const auto& [id, post] : waiting) {
    if (!post->hidden) continue;
    auto mark = pending.find(id);
    auto seen = looked_.find(id);
    if (mark != pending.end() && !mark->second.empty() && seen != looked_.end() &&
        seen->second.post_updated_at == mark->second) {
      continue;  // unchanged since it was looked at
    }
    to_look.emplace_back(id, mark == pending.end() ? "" : mark->second);
  }
  const auto last_look = [&](long long id) {
    auto seen = looked_.find(id);
    return seen == looked_.end() ? Clock::time_point() : seen->second.at;
  };
  std::stable_sort(to_look.begin(), to_look.end(), [&](const auto& a, const auto& b) {
    return last_look(a.first) < last_look(b.first);
  });
  const long long looks_from = requests_sent_;
  for (const auto& [id, mark] : to_look) {
    if (settings_.read_back_requests > 0 &&
        requests_sent_ - looks_from >= settings_.read_back_requests) {
      break;  // the rest wait for the next pass, first in line
    }
    ForumDecision decision;
    bool decided = false;
    status = LookAtPost(std::to_string(id), &decision, &decided);
    if (!status.ok()) return status;
    looked_[id] = {mark, Clock::now()};
    if (decided) found.push_back(std::move(decision));
  }
  *out = std::move(found);
  return ForumStatus::Ok();
}

}  // namespace modbot
