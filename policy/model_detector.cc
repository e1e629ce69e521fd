// A learned safety net under the lexicons: naive Bayes word weights per clause,
// trained by tools/train_model.py on the labelled posts in tests/data and kept in
// lexicons/model_weights_list.txt. Lexicons say exactly what they match; the model
// catches the same kind of post said in other words. It only ever asks a human: its
// reason alone reaches review, never hide.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "policy/detector.h"
#include "policy/lexicon.h"

namespace modbot {
namespace {

// Must match tools/train_model.py.
constexpr size_t kStemLength = 6;
constexpr size_t kMinWordLength = 3;
// How sure the model must be before it speaks, and what it then adds.
constexpr double kMinProbability = 0.99;
constexpr double kModelScore = 0.5;

struct ClauseModel {
  double prior = 0;
  std::map<std::string, double, std::less<>> weights;
};

const std::map<Clause, ClauseModel>& Models() {
  static const std::map<Clause, ClauseModel> models = [] {
    std::map<Clause, ClauseModel> out;
    for (const std::string& line : LexiconEntries(LexiconText("model_weights_list"))) {
      std::istringstream fields(line);
      std::string clause_id, stem;
      double weight = 0;
      if (!(fields >> clause_id >> stem >> weight)) continue;
      std::optional<Clause> clause = ClauseFromId(clause_id);
      if (!clause) continue;
      if (stem == "prior") {
        out[*clause].prior = weight;
      } else {
        out[*clause].weights.emplace(stem, weight);
      }
    }
    return out;
  }();
  return models;
}

std::set<std::string_view> Stems(std::string_view skeleton) {
  std::set<std::string_view> stems;
  for (size_t i = 1; i < skeleton.size();) {
    size_t end = skeleton.find(' ', i);
    std::string_view word = skeleton.substr(i, end - i);
    i = end + 1;
    bool digits = word.find_first_not_of("0123456789") == std::string_view::npos;
    if (word.size() >= kMinWordLength && !digits) stems.insert(word.substr(0, kStemLength));
  }
  return stems;
}

}  // namespace

void DetectWithModel(const PostView& view, Reasons* reasons) {
  std::set<std::string_view> stems = Stems(view.own.skeleton);
  for (const auto& [clause, model] : Models()) {
    double log_odds = model.prior;
    std::vector<std::pair<double, std::string>> evidence;
    for (std::string_view stem : stems) {
      auto it = model.weights.find(stem);
      if (it == model.weights.end()) continue;
      log_odds += it->second;
      evidence.emplace_back(it->second, it->first);
    }
    double probability = 1.0 / (1.0 + std::exp(-log_odds));
    if (probability < kMinProbability) continue;
    std::sort(evidence.rbegin(), evidence.rend());
    std::vector<std::string> words;
    for (size_t i = 0; i < evidence.size() && i < 3; ++i) words.push_back(evidence[i].second);
    reasons->push_back({clause, "model.words", kModelScore, JoinEvidence(words)});
  }
}

}  // namespace modbot
