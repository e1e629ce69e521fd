#include "bot/judge_commands.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "bot/built_in_model.h"
#include "bot/command_line.h"
#include "bot/config.h"
#include "bot/config_reader.h"
#include "bot/learned_model.h"
#include "bot/learned_model_config.h"
#include "bot/store.h"
#include "bot/verdict_json.h"
#include "policy/body_parser.h"
#include "policy/policy.h"

namespace modbot {
namespace {

// The policy from --config, or the built-in one; nullptr after printing why.
// *learned gets the config's models ([policy] learned_model, built_in_model) and
// *store_path (optional) its [store] path, when it names one.
std::unique_ptr<Policy> PolicyFor(const CommandLine& command_line, LearnedModelConfig* learned,
                                  std::string* store_path = nullptr) {
  PolicySettings settings = PolicySettings::Defaults();
  std::optional<std::string> path = command_line.Value("--config");
  if (path) {
    std::vector<ConfigError> errors;
    std::optional<LoadedConfig> config = LoadConfig(*path, &errors);
    if (!config) {
      for (const ConfigError& error : errors) std::fprintf(stderr, "%s\n", error.ToString().c_str());
      return nullptr;
    }
    settings = std::move(config->policy);
    ConfigReader reader(*path);
    const auto store = config->root["store"]["path"];
    if (store_path && store.is_string()) *store_path = reader.Resolve(*store.value<std::string>());
    ParseLearnedModelConfig(config->root, &reader, learned);
  }
  std::string error;
  std::unique_ptr<Policy> policy = Policy::Create(std::move(settings), &error);
  if (!policy) std::fprintf(stderr, "%s: %s\n", path.value_or("built-in policy").c_str(), error.c_str());
  return policy;
}

void PrintExplanation(const Verdict& verdict) {
  std::printf("%s (language: %s)\n", std::string(ActionName(verdict.action)).c_str(),
              verdict.lang.c_str());
  for (const Reason& waived : verdict.waived) {
    std::printf("  not held against it: principle %d, %s\n    %-34s       %s\n",
                ClauseNumber(waived.clause), std::string(ClauseId(waived.clause)).c_str(),
                waived.rule.c_str(), waived.evidence.c_str());
  }
  if (verdict.clauses.empty()) {
    std::printf("  no principle broken\n");
    return;
  }
  for (Clause clause : verdict.clauses) {
    std::printf("  principle %d, %s: %s\n", ClauseNumber(clause),
                std::string(ClauseId(clause)).c_str(), std::string(ClauseTitleEn(clause)).c_str());
    for (const Reason& reason : verdict.reasons) {
      if (reason.clause != clause) continue;
      std::printf("    %-34s %.2f  %s\n", reason.rule.c_str(), reason.score, reason.evidence.c_str());
    }
  }
}

}  // namespace

int CheckCommand(const std::vector<std::string>& args) {
  std::string error;
  std::optional<CommandLine> command_line =
      ParseCommandLine(args, {"--config", "--format", "--topic"}, {"--json"}, &error);
  if (command_line && command_line->positional.size() != 1) {
    error = "give exactly one TEXT, or - to read standard input";
    command_line.reset();
  }
  if (!command_line) {
    std::fprintf(stderr, "modbot check: %s\nusage: modbot check [--config FILE] [--json] [--format F] [--topic TITLE] TEXT|-\n",
                 error.c_str());
    return 2;
  }
  Format format = Format::kPlain;
  if (std::optional<std::string> name = command_line->Value("--format")) {
    std::optional<Format> named = FormatFromName(*name);
    if (!named) {
      std::fprintf(stderr, "modbot check: --format must be markdown, bbcode, html or plain, not '%s'\n",
                   name->c_str());
      return 2;
    }
    format = *named;
  }
  std::string store_path;
  LearnedModelConfig learned;
  std::unique_ptr<Policy> policy = PolicyFor(*command_line, &learned, &store_path);
  if (!policy) return 2;

  std::string text = command_line->positional[0];
  if (text == "-") text.assign(std::istreambuf_iterator<char>(std::cin), {});
  Post post;
  post.id = "check";
  post.format = format;
  post.body = ParsePostBody(text, format);
  // The topic it is posted in, for the principles that depend on it and for the
  // built-in model, which judges only posts in a topic.
  post.topic.title = command_line->Value("--topic").value_or("");
  // With the daemon's store, the memory of decisions weighs in as it would in the
  // daemon (floods aside: a checked text was posted nowhere).
  Recollection recalled;
  if (!store_path.empty() && std::filesystem::exists(store_path)) {
    std::unique_ptr<Store> store = Store::Open(store_path, &error);
    if (!store || !MemoryRecall(store->db()).Recall(post, NowMillis() + 1, &recalled, &error)) {
      std::fprintf(stderr, "modbot check: %s\n", error.c_str());
      return 1;
    }
    post.prior = recalled.prior;
  }
  // The learned model too, as the daemon runs it; a model that cannot be read is
  // reported and the text judged without it, as the daemon would.
  std::string model_line;
  std::unique_ptr<LearnedModel> model;
  if (!learned.path.empty()) {
    model = LearnedModel::Load(learned.path, &error);
    if (!model) {
      std::fprintf(stderr, "modbot check: judged without the learned model: %s\n", error.c_str());
    }
  }
  post.prior.model = ModelSignalFor(post, model.get(), learned.built_in);
  if (model) {
    model_line = "model v" + std::to_string(model->version()) + ": " +
                 SignalSummary(post.prior.model) + "\n";
  } else if (post.prior.model) {
    char probability[16];
    std::snprintf(probability, sizeof probability, "%.2f", post.prior.model->probability);
    model_line = std::string("built-in model: ") + probability +
                 " likely to break a principle (guess: " +
                 std::string(ClauseId(post.prior.model->clause)) + ")\n";
  }
  Verdict verdict = policy->Judge(post);
  if (!command_line->Has("--json")) std::fputs(model_line.c_str(), stdout);
  if (recalled.fingerprint && !recalled.matches.empty() && !command_line->Has("--json")) {
    std::printf("memory: fingerprint %s near", FingerprintHex(*recalled.fingerprint).c_str());
    for (const std::string& match : recalled.matches) std::printf(" %s;", match.c_str());
    std::printf("\n");
  }
  if (command_line->Has("--json")) {
    std::printf("%s\n", DumpLine(VerdictToJson(verdict)).c_str());
  } else {
    PrintExplanation(verdict);
  }
  return 0;
}

size_t ClassifyStream(const Policy& policy, bool built_in_model, std::istream& in,
                      std::ostream& out) {
  size_t errors = 0;
  std::string line;
  while (std::getline(in, line)) {
    Post post;
    nlohmann::json id;
    std::string error;
    // A blank line still gets its own output line, so that callers may pair input
    // and output lines by position.
    const bool blank = line.find_first_not_of(" \t\r") == std::string::npos;
    if (blank) error = "empty line";
    if (!blank && PostFromJsonLine(line, &post, &id, &error)) {
      post.prior.model = ModelSignalFor(post, nullptr, built_in_model);
      out << DumpLine(VerdictToJson(policy.Judge(post))) << '\n';
    } else {
      ++errors;
      nlohmann::ordered_json failure = {{"id", id}, {"error", error}};
      out << DumpLine(failure) << '\n';
    }
  }
  out.flush();
  return errors;
}

int ClassifyCommand(const std::vector<std::string>& args) {
  std::string error;
  std::optional<CommandLine> command_line = ParseCommandLine(args, {"--config"}, {}, &error);
  if (command_line && !command_line->positional.empty()) {
    error = "classify reads posts from standard input and takes no arguments";
    command_line.reset();
  }
  if (!command_line) {
    std::fprintf(stderr, "modbot classify: %s\nusage: modbot classify [--config FILE] < posts.jsonl > verdicts.jsonl\n",
                 error.c_str());
    return 2;
  }
  LearnedModelConfig learned;
  std::unique_ptr<Policy> policy = PolicyFor(*command_line, &learned);
  if (!policy) return 2;
  std::ios::sync_with_stdio(false);
  ClassifyStream(*policy, learned.built_in, std::cin, std::cout);
  if (!std::cout) {
    std::fprintf(stderr, "modbot classify: cannot write the verdicts\n");
    return 1;
  }
  return 0;
}

}  // namespace modbot
