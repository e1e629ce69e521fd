#include "bot/review_decision.h"

#include "bot/clause_list.h"
#include "bot/iso_time.h"
#include "bot/outbox.h"

namespace modbot {

namespace {

std::string RemovalReason(const std::string& moderator, const std::vector<Clause>& clauses,
                          const std::string& note) {
  std::string out = "Removed by moderator " + moderator + ":";
  for (Clause c : clauses) {
    out += " principle " + std::to_string(ClauseNumber(c)) + " (" + std::string(ClauseId(c)) +
           ") " + std::string(ClauseTitleEn(c)) + ";";
  }
  if (!note.empty()) out += " " + note;
  return out;
}

NewAction NoticeAction(const NoticeSettings& settings, const NoticeFacts& facts,
                       const std::string& clause) {
  return {ActionKind::kNotify, NoticePayload(RenderNotice(settings, facts), clause)};
}

}  // namespace

bool DecideReview(Store* store, const NoticePolicy& notices, const ModeratorDecision& decision,
                  int64_t now, ReviewOutcome* outcome, std::string* error) {
  std::optional<ReviewItem> item;
  if (!store->GetReview(decision.post_id, &item, error)) return false;
  if (!item) {
    *outcome = ReviewOutcome::kNotQueued;
    return true;
  }
  if (item->status != "open") {
    *outcome = ReviewOutcome::kAlreadyDecided;
    return true;
  }
  std::vector<Clause> clauses =
      decision.clause ? std::vector<Clause>{*decision.clause} : ClausesOf(item->clauses);
  ReviewDecision record{item->post_id, decision.version.value_or(item->version), decision.approve,
                        clauses.empty() ? "" : std::string(ClauseId(clauses[0])),
                        decision.moderator, decision.note, {}};
  if (decision.approve) {
    if (item->action == "hide") record.actions.push_back({ActionKind::kRestore, "{}"});
  } else {
    // A post the bot hid is hidden already; hiding it again would only add a row.
    if (item->action == "review") {
      record.actions.push_back(
          {ActionKind::kHide,
           FlagPayload(RemovalReason(decision.moderator, clauses, decision.note), record.clause)});
    }
    if (notices.enabled) {
      // The outbox's one-notice-per-post index drops this one if the daemon
      // already notified the author about the bot's own hide.
      record.actions.push_back(NoticeAction(
          notices.settings,
          {item->post_id, item->author, item->url, item->lang, clauses, item->excerpt},
          record.clause));
    }
  }
  return store->ResolveReview(record, now, outcome, error);
}

bool ForumDecisionApproves(const AwaitedDecision& awaited, const ForumDecision& decision) {
  switch (decision.kind) {
    case ForumDecision::Kind::kOverruled: return true;
    case ForumDecision::Kind::kUpheld: return false;
    case ForumDecision::Kind::kIgnored: return awaited.action != "hide";
  }
  return false;
}

bool RecordForumDecision(Store* store, const NoticePolicy& notices, const AwaitedDecision& awaited,
                         const ForumDecision& decision, int64_t now, ReviewOutcome* outcome,
                         std::string* error) {
  if (!decision.version.empty() && decision.version != awaited.version) {
    *outcome = ReviewOutcome::kRejudged;
    return store->SupersedeWatch(awaited.post_id, awaited.version, now, error);
  }
  std::optional<JudgedPost> post;
  if (!store->GetJudged(awaited.post_id, &post, error)) return false;
  if (!post) {
    *outcome = ReviewOutcome::kNotQueued;
    return true;
  }
  const bool bot_hid = awaited.action == "hide";
  const bool approve = ForumDecisionApproves(awaited, decision);
  std::vector<Clause> clauses = ClausesOf(post->clauses);
  ForumDecisionRecord record{awaited.post_id,
                             awaited.version,
                             approve,
                             clauses.empty() ? "" : std::string(ClauseId(clauses[0])),
                             decision.moderator.empty() ? kUnnamedForumModerator
                                                        : decision.moderator,
                             decision.how,
                             {}};
  // The forum's own messages do not say which of the City's principles the post
  // broke (Discourse's flags_agreed/post_hidden system messages, phpBB's deletion,
  // which sends no message at all), so the author still gets modbot's notice; but
  // only for a post that is down, as the notice says it was hidden. A post the bot
  // hid had its notice sent with the hide, and the outbox drops a second one.
  if (!approve && notices.enabled && !bot_hid && decision.visible == false) {
    record.actions.push_back(NoticeAction(
        notices.settings,
        {post->post_id, post->author, post->url, post->lang, clauses, post->excerpt},
        record.clause));
  }
  return store->RecordForumDecision(record, now, outcome, error);
}

std::string DescribeRefusal(const std::string& post_id, ReviewOutcome outcome,
                            const std::optional<ReviewItem>& item) {
  switch (outcome) {
    case ReviewOutcome::kRecorded:
      return "";
    case ReviewOutcome::kNotQueued:
      return "post " + post_id + " is not in the review queue (see `modbot review list`)";
    case ReviewOutcome::kAlreadyDecided:
      if (item && item->status != "open") {
        return "post " + post_id + " was already " + item->status + " by " + item->resolved_by +
               " at " + FormatIsoTime(item->resolved_at) + "; nothing changed";
      }
      return "post " + post_id + " was already decided; nothing changed";
    case ReviewOutcome::kRejudged:
      return "post " + post_id + " was edited and judged again meanwhile; nothing changed: "
             "look at it again with `modbot review show " + post_id + "`";
  }
  return "";
}

}  // namespace modbot
