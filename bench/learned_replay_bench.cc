// learned_replay_bench: the per-forum model in the replay of issue 11
// (tests/memory_replay.h). A gold file in its own order: the scripted moderator
// decides the first half's flagged posts by their labels, `modbot learn`'s Learn
// trains on those decisions (with the corpora when given), and the second half is
// judged with the model's signal, against the same replay without a model. Then
// the same with the moderator stopping after N decisions, for each N of
// --decisions: what a model trained on N decisions is worth, which is what
// [policy] learned_min_decisions should say.
//
//   learned_replay_bench [--gold FILE] [--corpora DIR] [--decisions N,N,...] [--review-at P]
//   (default tests/data/gold-dev.jsonl, no corpora, 25,50,100, learned_review_at's default)
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>

#include "tests/memory_replay.h"

namespace {

using modbot::replay::Figures;

std::string Ratio(int a, int b) {
  if (!b) return "n/a";
  char out[16];
  std::snprintf(out, sizeof out, "%.2f", static_cast<double>(a) / b);
  return out;
}

void Print(const std::string& label, const Figures& f) {
  std::printf("%-26s recall %3d/%-3d (%s)  false hides %d  false flags %3d  review load %3d",
              label.c_str(), f.violations_caught, f.violations,
              Ratio(f.violations_caught, f.violations).c_str(), f.false_hides, f.false_flags,
              f.review_load);
  if (f.model_decisions) {
    const modbot::ClauseScore& held = f.model_held_out.all;
    std::printf("  model flags %3d (right %3d)  trained on %d decisions, held-out precision %s "
                "recall %s",
                f.model_flags, f.model_flags_right, f.model_decisions,
                Ratio(held.right, held.flagged).c_str(),
                Ratio(held.right, held.actual).c_str());
  }
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  std::string gold = "tests/data/gold-dev.jsonl", corpora_dir;
  std::vector<size_t> caps = {25, 50, 100};
  modbot::PolicySettings settings = modbot::PolicySettings::Defaults();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--gold") {
      gold = argv[i + 1];
    } else if (arg == "--corpora") {
      corpora_dir = argv[i + 1];
    } else if (arg == "--review-at") {
      settings.model.review_at = std::stod(argv[i + 1]);
    } else if (arg == "--decisions") {
      caps.clear();
      std::stringstream list(argv[i + 1]);
      for (std::string n; std::getline(list, n, ',');) caps.push_back(std::stoul(n));
    } else {
      std::fprintf(stderr,
                   "usage: learned_replay_bench [--gold FILE] [--corpora DIR] [--decisions N,...] "
                   "[--review-at P]\n");
      return 2;
    }
  }
  const auto stream = modbot::replay::ReadLabelled(gold);
  if (stream.empty()) {
    std::fprintf(stderr, "learned_replay_bench: cannot read %s\n", gold.c_str());
    return 1;
  }
  std::string error;
  modbot::replay::ModelReplay model;
  if (!corpora_dir.empty() && !modbot::ReadCorpora(corpora_dir, &model.corpora, &error)) {
    std::fprintf(stderr, "learned_replay_bench: %s\n", error.c_str());
    return 1;
  }
  auto policy = modbot::Policy::Create(settings, &error);
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "learned_replay_bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const size_t first_half = stream.size() / 2;
  std::printf("%zu posts in order: the first %zu decided by the scripted moderator, then %zu "
              "judged (memory on; %zu corpus rows; model flags at %.2f)\n",
              stream.size(), first_half, stream.size() - first_half, model.corpora.size(),
              settings.model.review_at);
  int run = 0;
  auto replay = [&](const std::string& label, const modbot::replay::ModelReplay* with) {
    Figures figures;
    const std::string store = (dir / ("run" + std::to_string(++run) + ".db")).string();
    if (!modbot::replay::Replay(*policy, stream, first_half, true, store, &figures, &error,
                                with)) {
      std::fprintf(stderr, "learned_replay_bench: %s\n", error.c_str());
      return false;
    }
    Print(label, figures);
    return true;
  };
  if (!replay("model off", nullptr) || !replay("model on, every decision", &model)) return 1;
  for (size_t cap : caps) {
    model.decisions = cap;
    if (!replay("model on, " + std::to_string(cap) + " decisions", &model)) return 1;
  }
  std::filesystem::remove_all(dir);
  return 0;
}
