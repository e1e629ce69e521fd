// A moderator's decision on a post in the local review queue, turned into what
// the forum must do about it.
//
//   approve  the post stays (or comes back): a post the bot hid is restored; a
//            post the bot only queued is left alone.
//   remove   the post goes: hidden on the forum (a post the bot already hid stays
//            hidden), and its author gets the notice the daemon would have sent,
//            with the same templates; at most one notice per post, ever.
//
// The forum actions go through the outbox like the daemon's own: recorded in the
// same transaction as the decision, carried out after it, retried until done.
#ifndef MODBOT_BOT_REVIEW_DECISION_H_
#define MODBOT_BOT_REVIEW_DECISION_H_

#include <optional>
#include <string>

#include "bot/notice.h"
#include "bot/store.h"
#include "policy/clause.h"

namespace modbot {

struct ModeratorDecision {
  std::string post_id;
  bool approve = false;
  std::string moderator;
  std::optional<Clause> clause;  // remove: the principle broken (default: the bot's)
  std::string note;
  // The version the moderator looked at, when known (the console): a post
  // edited and judged again since is refused with kRejudged.
  std::optional<std::string> version = std::nullopt;
};

struct NoticePolicy {
  bool enabled = true;
  NoticeSettings settings;
};

// Records decision in store. *outcome says whether it was recorded and if not why;
// returns false only on a store failure.
bool DecideReview(Store* store, const NoticePolicy& notices, const ModeratorDecision& decision,
                  int64_t now, ReviewOutcome* outcome, std::string* error);

// Records a decision a person took on the forum about a post the bot acted on
// there (awaited), the way DecideReview records one taken in `modbot review`:
//
//   overruled  approve: the forum shows the post again already, nothing to do.
//   upheld     remove: the forum took the post down already, or the moderator
//              agreed with the flag and chose to leave it up; no hide is queued.
//              Its author gets modbot's notice when the post is no longer
//              visible (at most one per post, ever).
//   ignored    the post is left as it was: approved if the bot only flagged it,
//              confirmed (removed) if the bot hid it.
//
// A decision about a version of the post other than the one the bot acted on
// (edited since) records nothing: the edit is judged anew, and the watch is
// closed as superseded (*outcome = kRejudged).
bool RecordForumDecision(Store* store, const NoticePolicy& notices, const AwaitedDecision& awaited,
                         const ForumDecision& decision, int64_t now, ReviewOutcome* outcome,
                         std::string* error);

// Whether RecordForumDecision records decision about awaited as an approval (the
// post stays up) rather than a removal.
bool ForumDecisionApproves(const AwaitedDecision& awaited, const ForumDecision& decision);

// The actor recorded for a forum decision whose moderator the forum does not name.
inline constexpr const char* kUnnamedForumModerator = "a forum moderator";

// One line saying why an outcome other than kRecorded happened, for the moderator.
std::string DescribeRefusal(const std::string& post_id, ReviewOutcome outcome,
                            const std::optional<ReviewItem>& item);

}  // namespace modbot

#endif  // MODBOT_BOT_REVIEW_DECISION_H_
