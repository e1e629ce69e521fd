// Fuzz target for the policy library: every entry point that takes a post's
// untrusted text gets the same bytes. Add a line per new entry point.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "policy/body_parser.h"
#include "policy/language.h"
#include "policy/normalizer.h"
#include "policy/policy.h"

namespace {

const modbot::Policy& BuiltInPolicy() {
  static const std::unique_ptr<modbot::Policy> policy = [] {
    std::string error;
    return modbot::Policy::Create(modbot::PolicySettings::Defaults(), &error);
  }();
  return *policy;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  for (modbot::Format format : {modbot::Format::kMarkdown, modbot::Format::kBBCode,
                                modbot::Format::kHtml, modbot::Format::kPlain}) {
    modbot::Post post;
    post.format = format;
    post.body = modbot::ParsePostBody(input, format);
    post.reply_to = std::string(input.substr(0, size / 2));
    modbot::DetectLanguage(post.body.own_text);
    BuiltInPolicy().Judge(post);
  }
  modbot::DetectLanguage(input);
  modbot::Normalize(input);
  return 0;
}
