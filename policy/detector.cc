#include "policy/detector.h"

#include <algorithm>
#include <cmath>

namespace modbot {

void LexiconHits::Add(const std::string& lexicon, std::string evidence) {
  hits_[lexicon].push_back(std::move(evidence));
}

bool LexiconHits::Has(std::string_view lexicon) const { return hits_.find(lexicon) != hits_.end(); }

const std::vector<std::string>& LexiconHits::Of(std::string_view lexicon) const {
  static const std::vector<std::string> kNone;
  auto it = hits_.find(lexicon);
  return it == hits_.end() ? kNone : it->second;
}

std::string LexiconHits::First(std::string_view lexicon) const {
  const std::vector<std::string>& all = Of(lexicon);
  return all.empty() ? std::string() : all.front();
}

std::vector<std::string_view> LexiconHits::Names() const {
  std::vector<std::string_view> names;
  for (const auto& [name, matches] : hits_) names.push_back(name);
  return names;
}

double RepeatedScore(double score, size_t count) {
  if (count <= 1) return score;
  // Each further distinct match counts half as much as an independent reason.
  return 1.0 - std::pow(1.0 - score, 1.0 + 0.5 * static_cast<double>(count - 1));
}

std::string JoinEvidence(const std::vector<std::string>& matches) {
  std::string out;
  for (size_t i = 0; i < matches.size() && i < 3; ++i) {
    if (i) out += ", ";
    out += matches[i];
  }
  return out;
}

std::vector<std::string> DistinctMatches(const std::vector<std::string>& matches) {
  std::vector<std::string> out;
  for (size_t i = 0; i < matches.size(); ++i) {
    bool repeat = false;
    for (size_t j = 0; j < matches.size() && !repeat; ++j) {
      if (i == j) continue;
      // Equal to an earlier match, or found inside another one.
      repeat = matches[i] == matches[j] ? j < i : matches[j].find(matches[i]) != std::string::npos;
    }
    if (!repeat) out.push_back(matches[i]);
  }
  return out;
}

bool AddLexiconReason(const PostView& view, std::string_view lexicon, Clause clause,
                      double score, Reasons* reasons) {
  std::vector<std::string> matches = DistinctMatches(view.own_hits.Of(lexicon));
  if (matches.empty()) return false;
  reasons->push_back({clause, "lexicon." + std::string(lexicon),
                      RepeatedScore(score, matches.size()), JoinEvidence(matches)});
  return true;
}

void CapClauseScore(Reasons* reasons, size_t from, Clause clause, double cap) {
  double keep = 1.0;
  for (size_t i = from; i < reasons->size(); ++i) {
    if ((*reasons)[i].clause == clause) keep *= 1.0 - std::clamp((*reasons)[i].score, 0.0, 0.999);
  }
  if (1.0 - keep <= cap || keep <= 0.0 || keep >= 1.0) return;
  const double power = std::log(1.0 - cap) / std::log(keep);
  for (size_t i = from; i < reasons->size(); ++i) {
    Reason& reason = (*reasons)[i];
    if (reason.clause != clause) continue;
    reason.score = 1.0 - std::pow(1.0 - std::clamp(reason.score, 0.0, 0.999), power);
  }
}

double ClauseScoreSoFar(const Reasons& reasons, Clause clause) {
  double best = 0;
  for (const Reason& reason : reasons) {
    if (reason.clause == clause) best = std::max(best, reason.score);
  }
  return best;
}

}  // namespace modbot
