// NeedleSet: which of many literal strings occur in a text, in one pass.
//
// Detectors that look for a few hundred fixed phrases in every post (the City
// subjects of relevance_subjects_list) would otherwise run one find() per phrase.
// The needles are matched as bytes, exactly as std::string_view::find would.
#ifndef MODBOT_POLICY_NEEDLE_SET_H_
#define MODBOT_POLICY_NEEDLE_SET_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}  // namespace re2

namespace modbot {

class NeedleSet {
 public:
  // Empty needles are never found.
  explicit NeedleSet(const std::vector<std::string>& needles);
  ~NeedleSet();
  NeedleSet(const NeedleSet&) = delete;
  NeedleSet& operator=(const NeedleSet&) = delete;

  // The indexes of the needles that occur in text, in no particular order.
  std::vector<int> Found(std::string_view text) const;

  // Whether any needle occurs in text: stops at the first one found.
  bool FoundAny(std::string_view text) const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace modbot

#endif  // MODBOT_POLICY_NEEDLE_SET_H_
