#include "bot/daemon.h"

#include <csignal>
#include <cstdio>
#include <map>
#include <thread>
#include <utility>

#include "adapters/forum_factory.h"
#include "bot/built_in_model.h"
#include "bot/console_server.h"
#include "bot/log.h"
#include "bot/metrics_server.h"
#include "bot/notice.h"
#include "bot/review_decision.h"
#include "bot/webhook_queue.h"
#include "bot/webhook_server.h"
#include "policy/body_parser.h"
#include "policy/fingerprint.h"

namespace modbot {

namespace {

using Clock = std::chrono::steady_clock;

// Enough of the post replied to for a moderator to see what it answers.
constexpr int kReplyToChars = 400;

// How long an author's facts are taken as they were fetched: a post count
// moves, but not fast enough to matter to a verdict within the hour.
constexpr std::chrono::milliseconds kAuthorFactsTtl = std::chrono::hours(1);

std::atomic<bool> g_stop{false};
std::atomic<int> g_stop_signal{0};  // the signal that set g_stop, for the log
std::atomic<bool> g_reload{false};

extern "C" void OnSignal(int signal) {
  if (signal != SIGHUP) g_stop_signal.store(signal);
  (signal == SIGHUP ? g_reload : g_stop).store(true);
}

const char* SignalName(int signal) {
  switch (signal) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
  }
  return "a signal";
}

std::string DescribeVerdict(const Verdict& v) {
  std::string out(ActionName(v.action));
  for (Clause c : v.clauses) {
    out += ' ';
    out += ClauseId(c);
  }
  if (!v.reasons.empty()) {
    out += " (" + v.reasons[0].rule + ": " + Excerpt(v.reasons[0].evidence, 60) + ")";
  }
  return out;
}

std::string FirstClause(const Verdict& v) {
  return v.clauses.empty() ? "" : std::string(ClauseId(v.clauses[0]));
}

}  // namespace

Post ToPost(const ForumPost& in) {
  Post post;
  post.id = in.id;
  post.format = FormatFromName(in.format).value_or(Format::kPlain);
  post.body = ParsePostBody(in.markup, post.format);
  post.topic = {in.topic_title, in.category};
  if (in.reply_to) {
    post.reply_to =
        ParsePostBody(*in.reply_to, FormatFromName(in.reply_to_format).value_or(Format::kPlain))
            .own_text;
  }
  post.author = {in.author.username, in.author.account_age_days, in.author.post_count,
                 in.author.trust_level};
  return post;
}

std::string FlagReason(const Verdict& verdict) {
  std::string out = "modbot:";
  for (Clause c : verdict.clauses) {
    out += " principle " + std::to_string(ClauseNumber(c)) + " (" + std::string(ClauseId(c)) +
           ") " + std::string(ClauseTitleEn(c)) + ";";
  }
  if (verdict.clauses.empty()) out += " needs a human look;";
  if (!verdict.reasons.empty()) {
    out += " rule " + verdict.reasons[0].rule + ": " + Excerpt(verdict.reasons[0].evidence, 80);
  }
  return out;
}

Daemon::Daemon(const DaemonConfig& config, Forum* forum, Store* store, Judge judge, bool dry_run,
               Metrics* metrics, ConsoleServer* console)
    : config_(config),
      forum_(forum),
      store_(store),
      judge_(std::move(judge)),
      dry_run_(dry_run),
      metrics_(metrics),
      console_(console),
      outbox_(store, forum, config.forum.backoff),
      memory_(store->db()),
      forum_cache_(store->db()) {
  model_.Load(config_.learned.path);
  std::vector<std::chrono::system_clock::time_point> sent;
  std::string error;
  if (forum_cache_.LoadRequests(&sent, &error)) {
    forum_->RecallRequests(sent);
  } else {
    LogError("the forum requests of the last run could not be read, pacing from none: " + error);
  }
}

bool Daemon::JudgePost(const ForumPost& in, Judged* out, std::string* error) {
  out->post = ToPost(in);
  out->recalled = Recollection();
  if (config_.memory) {
    const auto window = std::chrono::duration_cast<std::chrono::milliseconds>(config_.flood_window);
    if (!memory_.Recall(out->post, NowMillis() - window.count(), &out->recalled, error)) {
      return false;
    }
    out->post.prior = out->recalled.prior;
  } else {
    out->recalled.fingerprint = TextFingerprint(out->post.body.own_text);  // remembered all the same
  }
  out->post.prior.model = ModelSignalFor(out->post, model_.model(), config_.learned.built_in);
  out->verdict = Decide(out->post);
  return true;
}

Verdict Daemon::Decide(const Post& post) {
  Verdict verdict;
  try {
    verdict = judge_(post);
  } catch (const std::exception& e) {
    // The policy is meant to be total; if it is not, a human decides.
    LogError("post " + post.id + ": the policy failed (" + e.what() + "); sending to review");
    verdict = Verdict{};
    verdict.action = Action::kReview;
  }
  verdict.post_id = post.id;
  return verdict;
}

bool Daemon::Handle(const ForumPost& in, std::optional<Judged> known,
                    std::optional<std::string> cursor, std::string* error) {
  Judged judged;
  if (known) {
    judged = std::move(*known);
  } else if (!JudgePost(in, &judged, error)) {
    return false;
  }
  const Post& post = judged.post;
  Recollection& recalled = judged.recalled;
  Verdict& verdict = judged.verdict;
  const std::string description = DescribeVerdict(verdict);

  if (dry_run_) {
    std::printf("post %s v%s: %s\n", in.id.c_str(), in.version.c_str(), description.c_str());
    std::fflush(stdout);
    AuditEntry audit{in.id, "verdict", FirstClause(verdict), "", "", "modbot (dry run)",
                     "dry run: would " + std::string(ActionName(verdict.action))};
    if (!verdict.reasons.empty()) {
      audit.rule = verdict.reasons[0].rule;
      audit.evidence = verdict.reasons[0].evidence;
    }
    if (cursor) dry_run_cursor_ = *cursor;
    if (!store_->Audit(audit, NowMillis(), error)) return false;
    if (metrics_) metrics_->RecordVerdict(verdict);
    return true;
  }

  Judgement j;
  j.post_id = in.id;
  j.version = in.version;
  j.author = in.author.username;
  j.url = in.url;
  j.excerpt = Excerpt(post.body.own_text, config_.notices.excerpt_chars);
  j.context = {in.topic_title, Excerpt(post.reply_to.value_or(""), kReplyToChars),
               post.body.own_text, in.author.account_age_days, in.author.post_count,
               in.author.trust_level};
  j.cursor = std::move(cursor);
  if (recalled.fingerprint) {
    j.fingerprint = {*recalled.fingerprint, in.topic_title, in.author.account_age_days};
  }
  j.memory_matches = std::move(recalled.matches);
  if (const LearnedModel* model = model_.model()) j.model = {model->version(), post.prior.model};
  const std::string clause = FirstClause(verdict);
  const bool local = config_.review_route != ReviewRoute::kForum;
  if (verdict.action == Action::kHide) {
    j.actions.push_back({ActionKind::kHide, FlagPayload(FlagReason(verdict), clause)});
    if (config_.notify) {
      ForumNotice notice = RenderNotice(
          config_.notices, {in.id, in.author.username, in.url, verdict.lang, verdict.clauses,
                            post.body.own_text});
      j.actions.push_back({ActionKind::kNotify, NoticePayload(notice, clause)});
    }
    j.local_review = local;  // so that a moderator can restore it from `modbot review`
  } else if (verdict.action == Action::kReview) {
    if (config_.review_route != ReviewRoute::kLocal) {
      j.actions.push_back({ActionKind::kReview, FlagPayload(FlagReason(verdict), clause)});
    }
    j.local_review = local;
  }
  j.verdict = std::move(verdict);
  if (!store_->RecordJudgement(j, NowMillis(), error)) return false;
  if (metrics_) metrics_->RecordVerdict(j.verdict);
  if (j.verdict.action != Action::kAllow) {
    LogInfo("post " + in.id + " v" + in.version + " by " + in.author.username + ": " + description,
            {{"event", "verdict"},
             {"post", in.id},
             {"action", ActionName(j.verdict.action)},
             {"clause", clause}});
  }
  return true;
}

bool Daemon::NeedsAuthor(ForumPost* post, bool* needed, Judged* judged, std::string* error) {
  *needed = false;
  bool cached = false;
  if (post->author.more_known &&
      !forum_cache_.LookUpAuthor(post->author.username, kAuthorFactsTtl, NowMillis(),
                                 &post->author, &cached, error)) {
    return false;
  }
  if (!JudgePost(*post, judged, error)) return false;
  if (!post->author.more_known || cached) return true;
  // The facts still unknown lie between those of an account made today with no
  // post and those of an old, busy one: when both give the verdict the post gets
  // with the facts at hand, no value between can change it. Memory and the model
  // read the text alone, so only the policy runs again.
  Post newest = judged->post, oldest = judged->post;
  newest.author.account_age_days = 0;
  newest.author.post_count = 0;
  oldest.author.account_age_days = 36500;
  oldest.author.post_count = 1000000;
  const Verdict& at_hand = judged->verdict;
  // A post for review waits too: a person reads it later, with its author's facts.
  *needed = at_hand.action == Action::kReview;
  for (const Verdict& v : {Decide(newest), Decide(oldest)}) {
    if (v.action != at_hand.action || v.clauses != at_hand.clauses) *needed = true;
  }
  return true;
}

bool Daemon::HandleOutOfOrder(ForumPost post, bool* judged, std::string* error) {
  bool needed = false;
  *judged = true;
  Judged before_facts;
  if (!NeedsAuthor(&post, &needed, &before_facts, error) ||
      (needed && !FetchAuthor(&post, judged, error))) {
    return false;
  }
  if (!*judged) return true;
  return Handle(post, needed ? std::nullopt : std::optional<Judged>(std::move(before_facts)),
                std::nullopt, error);
}

bool Daemon::JudgePushed(std::string* error) {
  // The queue belongs to the real run: a dry run that took posts off it would leave
  // that run to learn of them only from its next poll.
  if (dry_run_) return true;
  std::vector<QueuedPost> queued;
  if (!QueuedWebhookPosts(store_->db(), &queued, error)) return false;
  for (const QueuedPost& pushed : queued) {
    ForumPost post;
    ForumStatus status = forum_->PushedPost(pushed.post, &post);
    if (status.code == ForumStatus::Code::kRetry) {
      LogError("post " + pushed.post_id + " pushed by the forum, not judged yet: " +
               status.message);
      return true;  // kept in order, for the next wake or step
    }
    if (!status.ok()) {
      LogError("post " + pushed.post_id + " pushed by the forum cannot be judged from the push (" +
               status.message + "); the poll will judge it");
    } else {
      std::optional<std::string> judged;
      if (!store_->JudgedVersion(post.id, &judged, error)) return false;
      bool handled = true;
      if (judged != post.version && !HandleOutOfOrder(post, &handled, error)) return false;
      if (!handled) return true;  // kept in order: its author's facts come next time
    }
    if (!DropWebhookPost(store_->db(), pushed, error)) return false;
  }
  return true;
}

void Daemon::Wake() {
  {
    std::lock_guard<std::mutex> lock(wake_mu_);
    woken_ = true;
  }
  wake_cv_.notify_one();
}

bool Daemon::Sleep(Clock::duration most) {
  std::unique_lock<std::mutex> lock(wake_mu_);
  wake_cv_.wait_for(lock, most, [this] { return woken_; });
  return std::exchange(woken_, false);
}

bool Daemon::FetchAuthor(ForumPost* post, bool* fetched, std::string* error) {
  *fetched = false;
  bool cached = false;  // an earlier post of the batch by the same author
  if (!forum_cache_.LookUpAuthor(post->author.username, kAuthorFactsTtl, NowMillis(),
                                 &post->author, &cached, error)) {
    return false;
  }
  if (cached) {
    *fetched = true;
    return true;
  }
  ForumStatus status = forum_->AuthorFacts(post->author.username, &post->author);
  if (!status.ok()) {
    next_poll_ =
        std::max(next_poll_, Clock::now() + std::chrono::seconds(status.retry_after_seconds));
    LogError("post " + post->id + " waits for its author's facts, judged on the next poll: " +
             status.message);
    return true;
  }
  *fetched = true;
  return dry_run_ || forum_cache_.RememberAuthor(post->author, NowMillis(), error);
}

bool Daemon::HandleNewPosts(std::vector<ForumPost> posts, std::string* error) {
  std::vector<size_t> waiting;  // indexes of the posts that wait for author facts
  for (size_t i = 0; i < posts.size(); ++i) {
    ForumPost& post = posts[i];
    const std::optional<std::string> cursor =
        waiting.empty() ? std::optional<std::string>(post.cursor) : std::nullopt;
    std::optional<std::string> judged;
    if (!store_->JudgedVersion(post.id, &judged, error)) return false;
    if (judged == post.version) {  // recorded by an earlier batch cut short
      if (cursor && !dry_run_ && !store_->SetCursor(*cursor, error)) return false;
      continue;
    }
    bool needed = false;
    Judged judged_now;
    if (!NeedsAuthor(&post, &needed, &judged_now, error)) return false;
    if (needed) {
      waiting.push_back(i);
    } else if (!Handle(post, std::move(judged_now), cursor, error)) {
      return false;
    }
  }
  for (size_t k = 0; k < waiting.size(); ++k) {
    // The hides and notices queued so far go out before the next author lookup.
    if (!dry_run_ && !outbox_.RunDue(error)) return false;
    ForumPost& post = posts[waiting[k]];
    bool fetched = false;
    if (!FetchAuthor(&post, &fetched, error)) return false;
    if (!fetched) return true;  // the cursor stays before this post
    const size_t next = k + 1 < waiting.size() ? waiting[k + 1] : posts.size();
    if (!Handle(post, std::nullopt, posts[next - 1].cursor, error)) return false;
  }
  return true;
}

bool Daemon::SaveForumRequests(std::string* error) {
  return dry_run_ || forum_cache_.SaveRequests(forum_->RecentRequests(), error);
}

bool Daemon::Step(bool* forum_ok, std::string* error) {
  if (!JudgePushed(error)) return false;
  std::string cursor;
  if (dry_run_ && !dry_run_cursor_.empty()) {
    cursor = dry_run_cursor_;
  } else if (!store_->GetCursor(&cursor, error)) {
    return false;
  }
  // Most polls read only what is new; every edit_scan_interval one also re-reads
  // the edit window, which on a busy forum costs a few pages.
  const bool scan = Clock::now() >= next_edit_scan_;
  std::string store_error;
  auto unjudged = [&](const std::string& id, const std::string& version) {
    std::optional<std::string> judged;
    if (!store_->JudgedVersion(id, &judged, &store_error)) return false;
    return judged != version;
  };
  PollResult result;
  ForumStatus status = forum_->Poll(
      cursor, scan ? config_.edit_window : std::chrono::minutes(0), unjudged, &result);
  if (!store_error.empty()) {
    *error = store_error;
    return false;
  }
  *forum_ok = status.ok();
  if (metrics_) metrics_->RecordPoll(status.ok(), NowMillis());
  if (status.ok() && scan) next_edit_scan_ = Clock::now() + config_.edit_scan_interval;
  next_poll_ = Clock::now() + std::max<Clock::duration>(
                                  config_.poll_interval,
                                  std::chrono::seconds(status.retry_after_seconds));
  if (!status.ok()) {
    LogError("poll failed, nothing judged: " + status.message);
  } else {
    if (!HandleNewPosts(std::move(result.new_posts), error)) return false;
    for (ForumPost& post : result.recent_posts) {
      LogInfo("post " + post.id + " version " + post.version + " not judged yet: judging");
      bool judged = true;
      if (!HandleOutOfOrder(std::move(post), &judged, error)) return false;
    }
  }
  if (dry_run_) return true;
  if (config_.decisions_interval.count() > 0 && Clock::now() >= next_decisions_ &&
      !ReadForumDecisions(error)) {
    return false;
  }
  return outbox_.RunDue(error) && SaveForumRequests(error);
}

bool Daemon::ReadForumDecisions(std::string* error) {
  next_decisions_ = Clock::now() + config_.decisions_interval;
  std::vector<AwaitedDecision> awaited;
  const auto window = std::chrono::duration_cast<std::chrono::milliseconds>(config_.decisions_window);
  if (!store_->AwaitedDecisions(NowMillis() - window.count(), &awaited, error)) return false;
  if (awaited.empty()) return true;
  std::vector<AwaitedPost> posts;
  std::map<std::string, const AwaitedDecision*> by_id;
  for (const AwaitedDecision& a : awaited) {
    posts.push_back({a.post_id, a.action == "hide",
                     std::chrono::system_clock::time_point(std::chrono::milliseconds(a.since))});
    by_id[a.post_id] = &a;
  }
  std::vector<ForumDecision> decisions;
  ForumStatus status = forum_->ReadDecisions(posts, &decisions);
  if (!status.ok()) {
    next_decisions_ = std::max(next_decisions_,
                               Clock::now() + std::chrono::seconds(status.retry_after_seconds));
    LogError("reading the decisions taken on the forum failed, will try again: " +
             status.message);
    return true;
  }
  const NoticePolicy notices{config_.notify, config_.notices};
  for (const ForumDecision& decision : decisions) {
    auto it = by_id.find(decision.post_id);
    if (it == by_id.end()) continue;  // not asked about: not ours to record
    ReviewOutcome outcome;
    if (!RecordForumDecision(store_, notices, *it->second, decision, NowMillis(), &outcome,
                             error)) {
      return false;
    }
    if (outcome == ReviewOutcome::kRecorded) {
      if (metrics_) {
        metrics_->RecordForumDecision(ForumDecisionApproves(*it->second, decision) ? "approved"
                                                                                   : "removed");
      }
      const std::string who =
          decision.moderator.empty() ? kUnnamedForumModerator : decision.moderator;
      LogInfo("post " + decision.post_id + ": " + decision.how + " by " + who + ", recorded",
              {{"event", "forum_decision"}, {"post", decision.post_id}, {"actor", who}});
    } else if (outcome == ReviewOutcome::kRejudged) {
      if (metrics_) metrics_->RecordForumDecision("superseded");
      LogInfo("post " + decision.post_id + ": " + decision.how +
              ", but it was edited since the bot acted: judged again instead");
    }
  }
  return true;
}

void Daemon::Apply(DaemonConfig config, Judge judge) {
  auto kept = [&](bool changed, const char* what) {
    if (changed) LogError(std::string("reload: a new ") + what + " needs a restart; keeping the old one");
  };
  const ForumSettings& a = config_.forum;
  const ForumSettings& b = config.forum;
  kept(a.type != b.type || a.url != b.url || a.api_username != b.api_username ||
           a.api_key != b.api_key,
       "[forum] type, url, api_username or API key");
  kept(config.store_path != config_.store_path, "[store] path");
  kept(config.http_host != config_.http_host || config.http_port != config_.http_port,
       "[http] listen");
  config.forum = config_.forum;
  config.store_path = config_.store_path;
  config.http_host = config_.http_host;
  config.http_port = config_.http_port;
  kept(config.webhook.listen.host != config_.webhook.listen.host ||
           config.webhook.listen.port != config_.webhook.listen.port ||
           config.webhook.secret != config_.webhook.secret,
       "[forum.webhook] listen or secret");
  config.webhook = config_.webhook;
  kept(config.console.enabled != config_.console.enabled ||
           config.console.listen.host != config_.console.listen.host ||
           config.console.listen.port != config_.console.listen.port ||
           config.console.session_lifetime != config_.console.session_lifetime,
       "[console] enabled, listen or session_minutes");
  ConsoleConfig console = std::move(config.console);
  config.console = config_.console;
  if (console_ && config.console.enabled) {
    config.console.token_file = console.token_file;
    config.console.moderators = console.moderators;
    console_->Update(std::move(console.moderators), {config.notify, config.notices});
  }
  config_ = std::move(config);
  judge_ = std::move(judge);
  model_.Load(config_.learned.path);
}

int Daemon::Run(bool once, const std::atomic<bool>* stop, std::atomic<bool>* reload,
                const Reload& reload_fn) {
  auto maybe_reload = [&] {
    if (!reload || !reload->exchange(false) || !reload_fn) return;
    DaemonConfig config;
    Judge judge;
    std::string error;
    if (!reload_fn(&config, &judge, &error)) {
      LogError("reload refused, the running config stays in force: " + error);
      return;
    }
    Apply(std::move(config), std::move(judge));
    LogInfo("reloaded the config", {{"event", "reload"}});
  };
  for (;;) {
    maybe_reload();
    bool forum_ok = false;
    std::string error;
    if (!Step(&forum_ok, &error)) {
      LogError("store failure: " + error);
      return 1;
    }
    if (once) return forum_ok ? 0 : 1;
    // Between polls, wake up for stop requests and for actions coming due.
    while (Clock::now() < next_poll_) {
      if (stop && stop->load()) return 0;
      maybe_reload();
      const bool woken = Sleep(std::min<Clock::duration>(std::chrono::milliseconds(100),
                                                         next_poll_ - Clock::now()));
      std::optional<int64_t> due;
      if ((woken && !JudgePushed(&error)) ||
          (!dry_run_ && (!store_->NextDue(&due, &error) ||
                         (due && *due <= NowMillis() &&
                          (!outbox_.RunDue(&error) || !SaveForumRequests(&error)))))) {
        LogError("store failure: " + error);
        return 1;
      }
    }
    if (stop && stop->load()) return 0;
  }
}

void StopOnSignals() {
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  std::signal(SIGHUP, OnSignal);
}

int RunDaemon(const DaemonConfig& config, const Judge& judge, bool once, bool dry_run,
              const Reload& reload) {
  RegisterLogSecret(config.forum.api_key);
  std::string error;
  std::unique_ptr<Store> store = Store::Open(config.store_path, &error);
  if (!store) {
    LogError("cannot open the store: " + error);
    return 1;
  }
  std::unique_ptr<Forum> forum = NewForum(config.forum, &error);
  if (!forum) {
    LogError(error);
    return 1;
  }
  // A bot that may not hide would report hides that never happened.
  if (ForumStatus account = forum->CheckAccount(); !account.ok()) {
    if (account.code != ForumStatus::Code::kPermanent) {
      LogError("cannot check yet whether the forum account may moderate (" + account.message +
               "); each hide is still confirmed on the post itself");
    } else if (dry_run) {
      LogError("a dry run changes nothing, but a real run would refuse: " + account.message);
    } else {
      LogError("refusing to run: " + account.message);
      return 2;
    }
  }
  LogInfo(std::string("watching ") + config.forum.url + " as " + config.forum.api_username +
          (dry_run ? " (dry run: nothing will be changed)" : ""));
  Metrics metrics;
  metrics.SetForumBudget(config.forum.requests_per_minute);
  // /healthz turns unhealthy after ten missed polls, and never within 5 minutes:
  // a forum's Retry-After or a short outage is not worth waking anyone up.
  MetricsServer server(&metrics, std::max<std::chrono::milliseconds>(
                                     10 * config.poll_interval, std::chrono::minutes(5)));
  if (config.http_port != 0) {
    if (!server.Start(config.store_path, config.http_host, config.http_port, &error)) {
      LogError("[http] " + error);
      return 1;
    }
    LogInfo("serving /metrics and /healthz on " + config.http_host + ":" +
            std::to_string(server.port()));
  }
  ConsoleServer console(config.console, {config.notify, config.notices});
  if (config.console.enabled) {
    if (!console.Start(config.store_path, &error)) {
      LogError("[console] " + error);
      return 1;
    }
    LogInfo("serving the review console on http://" + config.console.listen.host + ":" +
            std::to_string(console.port()) + "/ for " +
            std::to_string(config.console.moderators.size()) + " moderator(s)");
  }
  Daemon daemon(config, forum.get(), store.get(), judge, dry_run, &metrics, &console);
  WebhookServer webhook(NewWebhookReader(config.forum.type, config.webhook.secret),
                        [&daemon] { daemon.Wake(); });
  if (config.webhook.listen.port != 0 && dry_run) {
    LogInfo("a dry run takes no webhooks: the forum's deliveries wait for the real run, and "
            "the poll reads every post");
  } else if (config.webhook.listen.port != 0) {
    RegisterLogSecret(config.webhook.secret);
    if (!webhook.Start(config.store_path, config.webhook.listen, &error)) {
      LogError("[forum.webhook] " + error);
      return 1;
    }
    LogInfo("taking the forum's webhooks on http://" + config.webhook.listen.host + ":" +
            std::to_string(webhook.port()) + "/; polling every " +
            std::to_string(config.poll_interval.count() / 1000) + " s to catch up");
  }
  const int exit_code = daemon.Run(once, &g_stop, &g_reload, reload);
  if (const int signal = g_stop_signal.load()) {
    LogInfo(std::string("stopping (") + SignalName(signal) + ")",
            {{"event", "stopping"}, {"signal", SignalName(signal)}});
  }
  webhook.Stop();
  console.Stop();
  server.Stop();
  const std::string judged = std::to_string(metrics.posts_judged());
  LogInfo("stopped: " + judged + " post(s) judged this run" +
              (exit_code == 0 ? "" : ", exit code " + std::to_string(exit_code)),
          {{"event", "stopped"},
           {"posts_judged", judged},
           {"exit_code", std::to_string(exit_code)}});
  return exit_code;
}

}  // namespace modbot
