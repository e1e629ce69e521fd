#include "bot/learn_command.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "adapters/content_version.h"
#include "bot/command_line.h"
#include "bot/config.h"
#include "bot/learned_model_store.h"
#include "bot/store_command.h"
#include "policy/clause.h"

namespace modbot {

namespace {

constexpr const char* kUsage = "usage: modbot learn --config FILE [--with-corpora DIR]\n";

// Enough of each corpus and label to teach the words of abuse and spam in both
// languages, few enough that the forum's own decisions still count.
constexpr int kCorpusRowsPerLabel = 500;

// The corpus labels (../shared/data/train/README.md) as clauses, strongest first:
// a row that is both hateful and toxic teaches discrimination.
constexpr std::pair<const char*, const char*> kCorpusLabels[] = {
    {"identity_hate", "discrimination"}, {"threat", "threat"},   {"spam", "spam_links"},
    {"toxic", "abusive"},                {"obscene", "abusive"}, {"insult", "abusive"},
    {"sexual", "abusive"},
};

// The row's label, or "" when it says too little (a true label that is no clause,
// or no label at all).
std::string CorpusLabel(const nlohmann::json& labels) {
  for (const auto& [key, clause] : kCorpusLabels) {
    if (labels.contains(key) && labels[key] == true) return clause;
  }
  const bool all_false = !labels.empty() && std::all_of(labels.begin(), labels.end(),
                                                        [](const auto& v) { return v == false; });
  return all_false ? std::string(kAllowLabel) : "";
}

bool ReadCorpus(const std::filesystem::path& file, std::vector<LabelledText>* out,
                std::string* error) {
  std::ifstream in(file);
  std::map<std::string, int> taken;
  int line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    const nlohmann::json row = nlohmann::json::parse(line, nullptr, false);
    if (!row.is_object() || !row.contains("text") || !row["text"].is_string() ||
        !row.contains("labels") || !row["labels"].is_object()) {
      *error = file.string() + ":" + std::to_string(line_number) +
               ": not a corpus row ({\"text\": \"...\", \"labels\": {...}})";
      return false;
    }
    const std::string label = CorpusLabel(row["labels"]);
    if (label.empty() || taken[label] >= kCorpusRowsPerLabel) continue;
    ++taken[label];
    out->push_back({row["text"].get<std::string>(), label});
  }
  return true;
}

void PrintScoreRow(const std::string& name, const ClauseScore& score) {
  auto ratio = [](std::optional<double> r) {
    char text[16] = "n/a";
    if (r) std::snprintf(text, sizeof text, "%.2f", *r);
    return std::string(text);
  };
  std::printf("%-20s %8d %6d %7d %10s %7s\n", name.c_str(), score.flagged, score.right,
              score.actual, ratio(score.Precision()).c_str(), ratio(score.Recall()).c_str());
}

void PrintScore(const HeldOutScore& score) {
  std::printf("%-20s %8s %6s %7s %10s %7s\n", "clause", "flagged", "right", "actual",
              "precision", "recall");
  for (const auto& [clause, clause_score] : score.by_clause) PrintScoreRow(clause, clause_score);
  PrintScoreRow("all", score.all);
}

}  // namespace

std::optional<double> ClauseScore::Precision() const {
  return flagged ? std::optional<double>(static_cast<double>(right) / flagged) : std::nullopt;
}

std::optional<double> ClauseScore::Recall() const {
  return actual ? std::optional<double>(static_cast<double>(right) / actual) : std::nullopt;
}

bool HeldOut(const std::string& post_id) { return Fnv1a64(post_id) % 5 == 0; }

HeldOutScore ScoreHeldOut(const LearnedModel& model, const std::vector<LabelledText>& held_out,
                          double review_at) {
  HeldOutScore score;
  for (const LabelledText& example : held_out) {
    const bool violation = example.label != kAllowLabel;
    if (violation) {
      ++score.by_clause[example.label].actual;
      ++score.all.actual;
    }
    const std::optional<ModelSignal> signal = model.Signal(example.text);
    if (!signal || signal->probability < review_at) continue;
    const std::string clause(ClauseId(signal->clause));
    const bool right = clause == example.label;
    ClauseScore& by_clause = score.by_clause[clause];
    ++by_clause.flagged;
    by_clause.right += right;
    ++score.all.flagged;
    score.all.right += right;
  }
  return score;
}

bool ReadCorpora(const std::string& dir, std::vector<LabelledText>* out, std::string* error) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::filesystem::path data = entry.path() / "data.jsonl";
    if (std::filesystem::is_regular_file(data)) files.push_back(data);
  }
  if (ec) {
    *error = dir + ": " + ec.message();
    return false;
  }
  if (files.empty()) {
    *error = dir + ": no corpus here (no */data.jsonl)";
    return false;
  }
  std::sort(files.begin(), files.end());  // the same examples in the same order, every run
  for (const auto& file : files) {
    if (!ReadCorpus(file, out, error)) return false;
  }
  return true;
}

bool Learn(sqlite3* db, const std::vector<LabelledText>& extra, int min_decisions,
           double review_at, int version, LearnResult* out, std::string* error) {
  std::vector<DecidedText> decided;
  if (!ReadDecidedTexts(db, &decided, error)) return false;
  out->decisions = static_cast<int>(decided.size());
  if (out->decisions < min_decisions) {
    *error = std::to_string(out->decisions) + " human decisions in the store, fewer than " +
             "[policy] learned_min_decisions = " + std::to_string(min_decisions) +
             ": no model trained";
    return false;
  }
  std::vector<LabelledText> training = extra;
  for (DecidedText& d : decided) {
    (HeldOut(d.post_id) ? out->held_out : training).push_back(std::move(d.example));
  }
  out->model = LearnedModel::Train(training, version, error);
  if (!out->model) return false;
  out->score = ScoreHeldOut(*out->model, out->held_out, review_at);
  return true;
}

int LearnCommand(const std::vector<std::string>& args) {
  std::string error;
  std::optional<CommandLine> line =
      ParseCommandLine(args, {"--config", "--with-corpora"}, {}, &error);
  if (line && !line->positional.empty()) {
    error = "unexpected argument '" + line->positional[0] + "'";
  }
  std::optional<std::string> config_path = line ? line->Value("--config") : std::nullopt;
  if (line && error.empty() && !config_path) error = "--config FILE is required";
  if (!error.empty()) {
    std::fprintf(stderr, "modbot learn: %s\n%s", error.c_str(), kUsage);
    return 2;
  }
  std::vector<ConfigError> errors;
  std::optional<LoadedConfig> loaded = LoadConfig(*config_path, &errors);
  if (!loaded) {
    for (const ConfigError& e : errors) std::fprintf(stderr, "%s\n", e.ToString().c_str());
    return 2;
  }
  StoreCommand command;
  if (int code = OpenStoreCommand("learn", *config_path, /*read_secret=*/false, &command)) {
    return code;
  }
  std::vector<LabelledText> corpora;
  if (std::optional<std::string> dir = line->Value("--with-corpora")) {
    if (!ReadCorpora(*dir, &corpora, &error)) {
      std::fprintf(stderr, "modbot learn: %s\n", error.c_str());
      return 1;
    }
  }
  sqlite3* db = command.store->db();
  const LearnedModelConfig& learned = command.config.learned;
  int version = 0;
  LearnResult result;
  if (!NextModelVersion(db, &version, &error) ||
      !Learn(db, corpora, learned.min_decisions, loaded->policy.model.review_at, version,
             &result, &error)) {
    std::fprintf(stderr, "modbot learn: %s\n", error.c_str());
    return 1;
  }
  const std::string path = !learned.path.empty()
                               ? learned.path
                               : std::filesystem::path(command.config.store_path)
                                     .replace_extension(".model")
                                     .string();
  ModelRecord record{version, result.model->hash(), path, result.decisions,
                     static_cast<int64_t>(result.held_out.size()),
                     result.score.all.Precision(), NowMillis()};
  if (!result.model->Save(path, &error) || !RecordModel(db, record, &error)) {
    std::fprintf(stderr, "modbot learn: %s\n", error.c_str());
    return 1;
  }
  std::printf("model v%d: trained on %d human decisions (%zu held out)", version,
              result.decisions, result.held_out.size());
  if (!corpora.empty()) std::printf(" and %zu corpus rows", corpora.size());
  std::printf("\nheld-out review flags (probability >= %.2f):\n", loaded->policy.model.review_at);
  PrintScore(result.score);
  std::printf("written to %s (hash %s)\n", path.c_str(), result.model->hash().c_str());
  if (learned.path.empty()) {
    std::printf("set [policy] learned_model = \"%s\" for modbot run to use it\n", path.c_str());
  }
  return 0;
}

}  // namespace modbot
