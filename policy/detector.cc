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

bool AddLexiconReason(const PostView& view, std::string_view lexicon, Clause clause,
                      double score, Reasons* reasons) {
  const std::vector<std::string>& matches = view.own_hits.Of(lexicon);
  if (matches.empty()) return false;
  reasons->push_back({clause, "lexicon." + std::string(lexicon),
                      RepeatedScore(score, matches.size()), JoinEvidence(matches)});
  return true;
}

double ClauseScoreSoFar(const Reasons& reasons, Clause clause) {
  double best = 0;
  for (const Reason& reason : reasons) {
    if (reason.clause == clause) best = std::max(best, reason.score);
  }
  return best;
}

}  // namespace modbot
