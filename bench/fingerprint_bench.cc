// fingerprint_bench: why SimHash-128 over character 4-grams, with kNearCopyDistance
// bits, and how fast the store recalls near-copies among 100k decided posts.
//
//   fingerprint_bench [--gold FILE] [--corpus FILE.jsonl]... [--rows N] [--lookups N]
//
// Separation: for each violation of the gold file, five campaign variants
// (tests/memory_replay.h) and their distance to the original; for every pair of
// unrelated posts (the gold file's, and each --corpus's first 2000 texts), their
// distance. Lookup: a store with --rows decided fingerprints (default 100000: the
// corpora's texts, then random fingerprints), and the time of Recall per post.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "bot/sqlite_statement.h"
#include "policy/fingerprint.h"
#include "tests/memory_replay.h"

namespace {

using modbot::FingerprintDistance;
using modbot::TextFingerprint;

int Percentile(std::vector<int> values, double p) {
  if (values.empty()) return -1;
  std::sort(values.begin(), values.end());
  return values[static_cast<size_t>(p * (values.size() - 1))];
}

void PrintDistances(const char* label, const std::vector<int>& d) {
  const long near = std::count_if(d.begin(), d.end(),
                                  [](int x) { return x <= modbot::kNearCopyDistance; });
  std::printf("%-34s n=%-8zu min=%-3d p1=%-3d p5=%-3d p50=%-3d p95=%-3d max=%-3d  <=%d bits: %ld (%.4f)\n",
              label, d.size(), Percentile(d, 0), Percentile(d, 0.01), Percentile(d, 0.05),
              Percentile(d, 0.5), Percentile(d, 0.95), Percentile(d, 1), modbot::kNearCopyDistance,
              near, d.empty() ? 0.0 : static_cast<double>(near) / d.size());
}

std::vector<std::string> CorpusTexts(const std::string& path, size_t limit) {
  std::vector<std::string> texts;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line) && texts.size() < limit;) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j["text"].is_string()) texts.push_back(j["text"]);
  }
  return texts;
}

std::vector<int> PairDistances(const std::vector<std::string>& texts) {
  std::vector<modbot::Fingerprint> prints;
  for (const std::string& t : texts) {
    if (auto f = TextFingerprint(t)) prints.push_back(*f);
  }
  std::vector<int> out;
  for (size_t i = 0; i < prints.size(); ++i) {
    for (size_t j = i + 1; j < prints.size(); ++j) out.push_back(FingerprintDistance(prints[i], prints[j]));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string gold = "tests/data/gold-dev.jsonl";
  std::vector<std::string> corpora;
  int rows = 100000, lookups = 2000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--gold") gold = argv[i + 1];
    else if (arg == "--corpus") corpora.push_back(argv[i + 1]);
    else if (arg == "--rows") rows = std::stoi(argv[i + 1]);
    else if (arg == "--lookups") lookups = std::stoi(argv[i + 1]);
    else {
      std::fprintf(stderr, "usage: fingerprint_bench [--gold FILE] [--corpus FILE]... [--rows N] [--lookups N]\n");
      return 2;
    }
  }
  size_t half = 0;
  const auto stream = modbot::replay::BuildStream(gold, 11, &half);
  std::mt19937 rng(5);
  std::vector<int> variants;
  std::vector<std::string> gold_texts;
  int unfingerprinted = 0;
  for (const auto& item : stream) {
    if (!item.variant_of.empty()) continue;
    gold_texts.push_back(item.text);
    if (!item.violation) continue;
    auto original = TextFingerprint(item.post.body.own_text);
    if (!original) {
      ++unfingerprinted;
      continue;
    }
    for (int n = 0; n < 5; ++n) {
      const std::string v = modbot::replay::CampaignVariant(item.text, &rng);
      if (auto f = TextFingerprint(modbot::ParsePostBody(v, item.post.format).own_text)) {
        variants.push_back(FingerprintDistance(*original, *f));
      }
    }
  }
  std::printf("SimHash-128 over character 4-grams of the skeleton, near-copy at <= %d bits\n",
              modbot::kNearCopyDistance);
  std::printf("(%d gold violations too short to fingerprint)\n", unfingerprinted);
  PrintDistances("campaign variant vs original", variants);
  PrintDistances("unrelated gold pairs", PairDistances(gold_texts));
  std::vector<std::string> bulk;
  for (const std::string& corpus : corpora) {
    std::vector<std::string> texts = CorpusTexts(corpus, 2000);
    PrintDistances(("pairs in " + std::filesystem::path(corpus).parent_path().filename().string()).c_str(),
                   PairDistances(texts));
    std::vector<std::string> more = CorpusTexts(corpus, rows);
    bulk.insert(bulk.end(), more.begin(), more.end());
  }

  // Lookup: a store with `rows` decided posts.
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "fingerprint_bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::string error;
  auto store = modbot::Store::Open((dir / "s.db").string(), &error);
  if (!store) {
    std::fprintf(stderr, "fingerprint_bench: %s\n", error.c_str());
    return 1;
  }
  sqlite3* db = store->db();
  {
    modbot::Transaction txn(db, &error);
    int written = 0;
    for (int i = 0; written < rows; ++i) {
      std::optional<modbot::Fingerprint> bits;
      auto random64 = [&] { return (uint64_t{rng()} << 32) | rng(); };
      if (static_cast<size_t>(i) < bulk.size()) bits = TextFingerprint(bulk[i]);
      else bits = modbot::Fingerprint{random64(), random64()};
      if (!bits) continue;
      const std::string id = "b" + std::to_string(i);
      if (!modbot::RememberPost(db, id, "someone", "abusive", {*bits, "t", 400}, 1000, &error) ||
          !modbot::Stmt(db, "UPDATE fingerprints SET decision = 'removed', decided_clauses = "
                            "'abusive', decided_by = 'anne', decided_at = 1000 WHERE post_id = ?")
               .Bind(1, id).Run(&error)) {
        std::fprintf(stderr, "fingerprint_bench: %s\n", error.c_str());
        return 1;
      }
      ++written;
    }
    if (!txn.Commit(&error)) return 1;
  }
  size_t recalled = 0;
  modbot::MemoryRecall recall(db);
  modbot::Recollection warm;
  if (!recall.Recall(stream[0].post, 2000, &warm, &error)) return 1;  // reads the decided rows
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < lookups; ++i) {
    modbot::Post post = stream[static_cast<size_t>(i) % stream.size()].post;
    post.id = "lookup";
    modbot::Recollection out;
    if (!recall.Recall(post, 2000, &out, &error)) {
      std::fprintf(stderr, "fingerprint_bench: %s\n", error.c_str());
      return 1;
    }
    recalled += out.prior.decided.size();
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("Recall among %d decided fingerprints: %.3f ms per post (%d lookups, %zu near-copies found)\n",
              rows, ms / lookups, lookups, recalled);
  store.reset();
  std::filesystem::remove_all(dir);
  return 0;
}
