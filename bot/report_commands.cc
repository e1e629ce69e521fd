#include "bot/report_commands.h"

#include <cstdio>
#include <iostream>

#include "bot/audit_log.h"
#include "bot/command_line.h"
#include "bot/iso_time.h"
#include "bot/learned_model_store.h"
#include "bot/review_stats.h"
#include "bot/store_command.h"
#include "policy/clause.h"

namespace modbot {

namespace {

constexpr const char* kAuditUsage =
    "usage: modbot audit --config FILE [--since DATE] [--until DATE] [--format csv|json]\n"
    "  DATE: YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM), UTC by default\n";
constexpr const char* kStatsUsage =
    "usage: modbot stats --config FILE [--since DATE]\n"
    "  DATE: YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM), UTC by default\n";

int Usage(const char* command, const std::string& problem, const char* usage) {
  std::fprintf(stderr, "modbot %s: %s\n%s", command, problem.c_str(), usage);
  return 2;
}

// Reads the date option `name` into *out; false with *problem set when malformed.
bool DateOption(const CommandLine& line, const std::string& name, DateBound bound,
                std::optional<int64_t>* out, std::string* problem) {
  std::optional<std::string> text = line.Value(name);
  if (!text) return true;
  *out = ParseIsoTime(*text, bound);
  if (!*out) *problem = name + " '" + *text + "' is not an ISO 8601 date (YYYY-MM-DD) or time";
  return out->has_value();
}

std::string Precision(std::optional<double> value) {
  if (!value) return "n/a";
  char out[16];
  std::snprintf(out, sizeof out, "%.2f", *value);
  return out;
}

void PrintStatsRow(const std::string& name, const ClauseStats& s) {
  std::printf("%-20s %7lld %7lld %9lld %5lld %8lld %9lld %15s %17s\n", name.c_str(),
              static_cast<long long>(s.hidden), static_cast<long long>(s.queued),
              static_cast<long long>(s.restored), static_cast<long long>(s.kept),
              static_cast<long long>(s.removed), static_cast<long long>(s.approved),
              Precision(s.HidePrecision()).c_str(), Precision(s.ReviewPrecision()).c_str());
}

// The learned model's line: its held-out precision, and how moderators decided the
// posts it sent to review. Nothing when no model was ever trained.
bool PrintModelStats(sqlite3* db, std::optional<int64_t> since, std::string* error) {
  std::optional<ModelRecord> latest;
  ModelFlagOutcomes outcomes;
  if (!LatestModel(db, &latest, error) || !ReadModelFlagOutcomes(db, since, &outcomes, error)) {
    return false;
  }
  if (!latest) return true;
  std::printf("learned model v%d: held-out precision %s (%lld of %lld decisions held out); "
              "its review flags: %lld upheld, %lld overruled, %lld undecided\n",
              latest->version, Precision(latest->held_out_precision).c_str(),
              static_cast<long long>(latest->held_out), static_cast<long long>(latest->decisions),
              static_cast<long long>(outcomes.upheld), static_cast<long long>(outcomes.overruled),
              static_cast<long long>(outcomes.undecided));
  return true;
}

}  // namespace

int AuditCommand(const std::vector<std::string>& args) {
  std::string error;
  std::optional<CommandLine> line =
      ParseCommandLine(args, {"--config", "--since", "--until", "--format"}, {}, &error);
  if (!line) return Usage("audit", error, kAuditUsage);
  if (!line->positional.empty()) {
    return Usage("audit", "unexpected argument '" + line->positional[0] + "'", kAuditUsage);
  }
  std::optional<std::string> config = line->Value("--config");
  if (!config) return Usage("audit", "--config FILE is required", kAuditUsage);
  const std::string format = line->Value("--format").value_or("csv");
  if (format != "csv" && format != "json") {
    return Usage("audit", "--format must be csv or json, not '" + format + "'", kAuditUsage);
  }
  std::optional<int64_t> since, until;
  if (!DateOption(*line, "--since", DateBound::kStart, &since, &error) ||
      !DateOption(*line, "--until", DateBound::kEnd, &until, &error)) {
    return Usage("audit", error, kAuditUsage);
  }

  StoreCommand command;
  if (int code = OpenStoreCommand("audit", *config, /*read_secret=*/false, &command)) return code;
  std::vector<AuditRow> rows;
  if (!ReadAuditLog(command.store.get(), since, until, &rows, &error)) {
    std::fprintf(stderr, "modbot audit: store failure: %s\n", error.c_str());
    return 1;
  }
  if (format == "csv") {
    WriteAuditCsv(command.config.forum.url, rows, std::cout);
  } else {
    WriteAuditJson(command.config.forum.url, rows, std::cout);
  }
  std::cout.flush();
  if (!std::cout) {
    std::fprintf(stderr, "modbot audit: cannot write the report\n");
    return 1;
  }
  return 0;
}

int StatsCommand(const std::vector<std::string>& args) {
  std::string error;
  std::optional<CommandLine> line = ParseCommandLine(args, {"--config", "--since"}, {}, &error);
  if (!line) return Usage("stats", error, kStatsUsage);
  if (!line->positional.empty()) {
    return Usage("stats", "unexpected argument '" + line->positional[0] + "'", kStatsUsage);
  }
  std::optional<std::string> config = line->Value("--config");
  if (!config) return Usage("stats", "--config FILE is required", kStatsUsage);
  std::optional<int64_t> since;
  if (!DateOption(*line, "--since", DateBound::kStart, &since, &error)) {
    return Usage("stats", error, kStatsUsage);
  }

  StoreCommand command;
  if (int code = OpenStoreCommand("stats", *config, /*read_secret=*/false, &command)) return code;
  ReviewStats stats;
  if (!ReadReviewStats(command.store.get(), since, &stats, &error)) {
    std::fprintf(stderr, "modbot stats: store failure: %s\n", error.c_str());
    return 1;
  }
  std::printf("%-20s %7s %7s %9s %5s %8s %9s %15s %17s\n", "clause", "hidden", "queued",
              "restored", "kept", "removed", "approved", "hide precision", "review precision");
  auto print = [&](const std::string& name) {
    auto it = stats.by_clause.find(name);
    if (it != stats.by_clause.end()) PrintStatsRow(name, it->second);
  };
  for (Clause c : AllClauses()) print(std::string(ClauseId(c)));
  print("none");
  PrintStatsRow("all posts", stats.all);
  if (!PrintModelStats(command.store->db(), since, &error)) {
    std::fprintf(stderr, "modbot stats: store failure: %s\n", error.c_str());
    return 1;
  }
  std::printf("restored, kept: a human's decision on a post the bot hid; removed, approved: on a\n"
              "post it queued. hide precision = 1 - restored / (restored + kept); review\n"
              "precision = removed / (removed + approved); n/a: no human decision yet.\n"
              "A post that breaks two principles counts under each; \"all posts\" counts it once.\n");
  return 0;
}

}  // namespace modbot
