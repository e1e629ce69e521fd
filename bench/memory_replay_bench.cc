// memory_replay_bench: the memory replay of issue 11 (tests/memory_replay.h), memory
// on and off, with its figures: recall on campaign variants, false hides and
// flags, review load.
//
//   memory_replay_bench [--gold FILE] [--seed S]   (default tests/data/gold-dev.jsonl, 11)
#include <cstdio>
#include <filesystem>
#include <string>

#include "tests/memory_replay.h"

namespace {

void Print(const char* label, const modbot::replay::Figures& f) {
  auto ratio = [](int a, int b) { return b ? static_cast<double>(a) / b : 0.0; };
  std::printf("%-11s variants caught %3d/%-3d (%.2f)  of decided originals %3d/%-3d (%.2f)  "
              "by a memory rule %3d\n",
              label, f.variants_caught, f.variants, ratio(f.variants_caught, f.variants),
              f.decided_variants_caught, f.decided_variants,
              ratio(f.decided_variants_caught, f.decided_variants), f.caught_by_memory);
  std::printf("%-11s clean posts %d: false hides %d, false flags %d; review load %d; "
              "verdicts with a waived clause %d\n",
              "", f.clean, f.false_hides, f.false_flags, f.review_load, f.waived);
}

}  // namespace

int main(int argc, char** argv) {
  std::string gold = "tests/data/gold-dev.jsonl";
  unsigned seed = 11;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--gold") {
      gold = argv[i + 1];
    } else if (arg == "--seed") {
      seed = static_cast<unsigned>(std::stoul(argv[i + 1]));
    } else {
      std::fprintf(stderr, "usage: memory_replay_bench [--gold FILE] [--seed S]\n");
      return 2;
    }
  }
  size_t first_half = 0;
  const auto stream = modbot::replay::BuildStream(gold, seed, &first_half);
  if (stream.empty()) {
    std::fprintf(stderr, "memory_replay_bench: cannot read %s\n", gold.c_str());
    return 1;
  }
  std::string error;
  auto policy = modbot::Policy::Create(modbot::PolicySettings::Defaults(), &error);
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "memory_replay_bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::printf("%zu posts: %zu decided by the scripted moderator, then %zu judged\n",
              stream.size(), first_half, stream.size() - first_half);
  for (bool memory : {false, true}) {
    modbot::replay::Figures figures;
    if (!modbot::replay::Replay(*policy, stream, first_half, memory,
                                (dir / (memory ? "on.db" : "off.db")).string(), &figures,
                                &error)) {
      std::fprintf(stderr, "memory_replay_bench: %s\n", error.c_str());
      return 1;
    }
    Print(memory ? "memory on" : "memory off", figures);
  }
  std::filesystem::remove_all(dir);
  return 0;
}
