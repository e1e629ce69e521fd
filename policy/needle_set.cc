#include "policy/needle_set.h"

#include <algorithm>

#include <re2/re2.h>
#include <re2/set.h>

namespace modbot {

// An RE2::Set of the quoted needles, in Latin-1 so that every byte is a character
// and a needle matches wherever its bytes do, valid UTF-8 or not. Should RE2 run
// out of memory, the needles are looked for one by one: the answer never changes.
class NeedleSet::Impl {
 public:
  explicit Impl(const std::vector<std::string>& needles)
      : needles_(needles), set_(Options(), RE2::UNANCHORED) {
    for (size_t i = 0; i < needles.size(); ++i) {
      if (needles[i].empty()) continue;
      set_.Add(RE2::QuoteMeta(needles[i]), nullptr);
      needle_of_entry_.push_back(static_cast<int>(i));
    }
    compiled_ = !needle_of_entry_.empty() && set_.Compile();
  }

  std::vector<int> Found(std::string_view text) const {
    std::vector<int> found;
    if (needle_of_entry_.empty()) return found;
    std::vector<int> hits;
    RE2::Set::ErrorInfo error{};
    if (compiled_ && (set_.Match(text, &hits, &error) || error.kind == RE2::Set::kNoError)) {
      for (int hit : hits) found.push_back(needle_of_entry_[hit]);
      return found;
    }
    for (int needle : needle_of_entry_) {
      if (text.find(needles_[needle]) != std::string_view::npos) found.push_back(needle);
    }
    return found;
  }

  bool FoundAny(std::string_view text) const {
    if (needle_of_entry_.empty()) return false;
    // Without a vector to fill, RE2::Set::Match returns at the first match.
    if (compiled_) {
      RE2::Set::ErrorInfo error{};
      const bool found = set_.Match(text, nullptr, &error);
      if (found || error.kind == RE2::Set::kNoError) return found;
    }
    return std::any_of(needle_of_entry_.begin(), needle_of_entry_.end(), [&](int needle) {
      return text.find(needles_[needle]) != std::string_view::npos;
    });
  }

 private:
  static RE2::Options Options() {
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);
    options.set_log_errors(false);
    return options;
  }

  std::vector<std::string> needles_;
  RE2::Set set_;
  std::vector<int> needle_of_entry_;  // index in the set -> index in needles_
  bool compiled_ = false;
};

NeedleSet::NeedleSet(const std::vector<std::string>& needles)
    : impl_(std::make_unique<Impl>(needles)) {}
NeedleSet::~NeedleSet() = default;

std::vector<int> NeedleSet::Found(std::string_view text) const { return impl_->Found(text); }
bool NeedleSet::FoundAny(std::string_view text) const { return impl_->FoundAny(text); }

}  // namespace modbot
