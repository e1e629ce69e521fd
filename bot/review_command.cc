#include "bot/review_command.h"

#include <cstdio>
#include <cstdlib>

#include "adapters/forum_factory.h"
#include "bot/command_line.h"
#include "bot/iso_time.h"
#include "bot/outbox.h"
#include "bot/review_decision.h"
#include "bot/score_text.h"
#include "bot/store_command.h"

namespace modbot {

namespace {

constexpr const char* kReviewUsage =
    "usage: modbot review --config FILE [--all] list\n"
    "       modbot review --config FILE show ID\n"
    "       modbot review --config FILE [--as NAME] [--now] approve ID [--note TEXT]\n"
    "       modbot review --config FILE [--as NAME] [--now] remove ID [--clause C] [--note TEXT]\n"
    "  --as NAME  the moderator recorded with the decision (default: $USER)\n"
    "  --now      carry out the forum actions at once instead of leaving them to the daemon\n";

int ReviewUsage(const std::string& problem) {
  std::fprintf(stderr, "modbot review: %s\n%s", problem.c_str(), kReviewUsage);
  return 2;
}

int StoreFailure(const std::string& error) {
  std::fprintf(stderr, "modbot review: store failure: %s\n", error.c_str());
  return 1;
}

std::string BotAction(const ReviewItem& item) {
  return item.action == "hide" ? "hidden" : "queued";
}

int List(Store* store, bool all) {
  std::vector<ReviewItem> items;
  std::string error;
  if (!store->ListReview(!all, &items, &error)) return StoreFailure(error);
  if (items.empty()) {
    std::printf(all ? "the review queue is empty\n" : "no post waits for review\n");
    return 0;
  }
  auto row = [all](const std::string& id, const std::string& queued, const std::string& bot,
                   const std::string& status, const std::string& clause, const std::string& score,
                   const std::string& evidence, const std::string& excerpt) {
    std::printf("%-8s %-20s %-7s ", id.c_str(), queued.c_str(), bot.c_str());
    if (all) std::printf("%-8s ", status.c_str());
    std::printf("%-20s %5s  %-24s %s\n", clause.c_str(), score.c_str(), evidence.c_str(),
                excerpt.c_str());
  };
  row("ID", "QUEUED", "BOT", "STATUS", "CLAUSE", "SCORE", "EVIDENCE", "EXCERPT");
  for (const ReviewItem& item : items) {
    const Reason* top = item.reasons.empty() ? nullptr : &item.reasons[0];
    row(item.post_id, FormatIsoTime(item.created_at), BotAction(item), item.status,
        top ? std::string(ClauseId(top->clause)) : item.clauses, top ? ScoreText(top->score) : "",
        top ? Excerpt(top->evidence, 24) : "", Excerpt(item.excerpt, 60));
  }
  return 0;
}

void PrintItem(const ReviewItem& item) {
  std::printf("post %s (version %s) by %s, language %s\n", item.post_id.c_str(),
              item.version.c_str(), item.author.c_str(), item.lang.c_str());
  std::printf("  url:     %s\n", item.url.c_str());
  std::printf("  queued:  %s, %s by modbot\n", FormatIsoTime(item.created_at).c_str(),
              BotAction(item).c_str());
  if (item.status == "open") {
    std::printf("  status:  open\n");
  } else {
    std::printf("  status:  %s by %s at %s%s%s\n", item.status.c_str(), item.resolved_by.c_str(),
                FormatIsoTime(item.resolved_at).c_str(), item.note.empty() ? "" : ": ",
                item.note.c_str());
  }
  std::printf("  text:    %s\n", item.excerpt.c_str());
  std::printf("  why:\n");
  std::vector<Clause> shown;
  for (const Reason& r : item.reasons) {
    bool seen = false;
    for (Clause c : shown) seen |= c == r.clause;
    if (!seen) {
      shown.push_back(r.clause);
      std::printf("    principle %d, %s: %s\n", ClauseNumber(r.clause),
                  std::string(ClauseId(r.clause)).c_str(),
                  std::string(ClauseTitleEn(r.clause)).c_str());
    }
    std::printf("      %-34s %.2f  %s\n", r.rule.c_str(), r.score, r.evidence.c_str());
  }
  if (item.reasons.empty()) std::printf("    (no reason recorded: the policy failed on this post)\n");
}

int Show(Store* store, const std::string& post_id) {
  std::optional<ReviewItem> item;
  std::string error;
  if (!store->GetReview(post_id, &item, &error)) return StoreFailure(error);
  if (!item) {
    std::fprintf(stderr, "modbot review: %s\n",
                 DescribeRefusal(post_id, ReviewOutcome::kNotQueued, item).c_str());
    return 1;
  }
  PrintItem(*item);
  return 0;
}

// Carries out the post's queued forum actions now; what fails stays queued.
int RunNow(StoreCommand* command, const std::string& post_id) {
  std::string error;
  std::unique_ptr<Forum> forum = NewForum(command->config.forum, &error);
  if (!forum) {
    std::fprintf(stderr, "modbot review: %s\n", error.c_str());
    return 1;
  }
  Outbox outbox(command->store.get(), forum.get(), command->config.forum.backoff);
  if (!outbox.RunDueFor(post_id, &error)) return StoreFailure(error);
  int64_t left = 0;
  if (!command->store->PendingActionCount(post_id, &left, &error)) return StoreFailure(error);
  if (left == 0) {
    std::printf("the forum has carried it out\n");
  } else {
    std::printf("%lld forum action(s) still pending; the daemon will retry them\n",
                static_cast<long long>(left));
  }
  return 0;
}

int Decide(StoreCommand* command, const CommandLine& line, const ModeratorDecision& decision) {
  ReviewOutcome outcome;
  std::string error;
  if (!DecideReview(command->store.get(), {command->config.notify, command->config.notices},
                    decision, NowMillis(), &outcome, &error)) {
    return StoreFailure(error);
  }
  if (outcome != ReviewOutcome::kRecorded) {
    std::optional<ReviewItem> item;
    command->store->GetReview(decision.post_id, &item, &error);
    std::fprintf(stderr, "modbot review: %s\n",
                 DescribeRefusal(decision.post_id, outcome, item).c_str());
    return 1;
  }
  std::printf("post %s %s by %s\n", decision.post_id.c_str(),
              decision.approve ? "approved" : "removed", decision.moderator.c_str());
  if (line.Has("--now")) return RunNow(command, decision.post_id);
  int64_t queued = 0;
  if (!command->store->PendingActionCount(decision.post_id, &queued, &error)) {
    return StoreFailure(error);
  }
  if (queued > 0) {
    std::printf("%lld forum action(s) queued; the daemon carries them out on its next pass\n",
                static_cast<long long>(queued));
  }
  return 0;
}

}  // namespace

int ReviewCommand(const std::vector<std::string>& args) {
  std::string error;
  std::optional<CommandLine> line = ParseCommandLine(
      args, {"--config", "--as", "--clause", "--note"}, {"--now", "--all"}, &error);
  if (!line) return ReviewUsage(error);
  std::optional<std::string> config = line->Value("--config");
  if (!config) return ReviewUsage("--config FILE is required");
  const std::vector<std::string>& words = line->positional;
  if (words.empty()) return ReviewUsage("say what to do: list, show, approve or remove");
  const std::string& verb = words[0];
  const bool decides = verb == "approve" || verb == "remove";
  if (verb == "list") {
    if (words.size() != 1) return ReviewUsage("list takes no ID");
  } else if (verb == "show" || decides) {
    if (words.size() != 2) return ReviewUsage(verb + " takes exactly one post ID");
  } else {
    return ReviewUsage("unknown review command '" + verb + "'");
  }
  if (!decides) {
    for (const char* option : {"--as", "--clause", "--note"}) {
      if (line->Value(option)) {
        return ReviewUsage(std::string(option) + " applies to approve and remove only");
      }
    }
    if (line->Has("--now")) return ReviewUsage("--now applies to approve and remove only");
  }
  if (verb != "list" && line->Has("--all")) return ReviewUsage("--all applies to list only");

  ModeratorDecision decision;
  if (decides) {
    decision.post_id = words[1];
    decision.approve = verb == "approve";
    decision.note = line->Value("--note").value_or("");
    const char* user = std::getenv("USER");
    decision.moderator = line->Value("--as").value_or(user ? user : "");
    if (decision.moderator.empty()) return ReviewUsage("say who decides with --as NAME ($USER is not set)");
    if (std::optional<std::string> clause = line->Value("--clause")) {
      if (decision.approve) return ReviewUsage("--clause applies to remove only");
      decision.clause = ClauseFromId(*clause);
      if (!decision.clause) {
        std::string known;
        for (Clause c : AllClauses()) {
          known += ' ';
          known += ClauseId(c);
        }
        return ReviewUsage("unknown clause '" + *clause + "' (known:" + known + ")");
      }
    }
  }

  StoreCommand command;
  if (int code = OpenStoreCommand("review", *config, decides && line->Has("--now"), &command)) {
    return code;
  }
  if (verb == "list") return List(command.store.get(), line->Has("--all"));
  if (verb == "show") return Show(command.store.get(), words[1]);
  return Decide(&command, *line, decision);
}

}  // namespace modbot
