// Fuzz target for the policy library: every entry point that takes a post's
// untrusted text gets the same bytes. Add a line per new entry point.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "policy/body_parser.h"
#include "policy/language.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  for (modbot::Format format : {modbot::Format::kMarkdown, modbot::Format::kBBCode,
                                modbot::Format::kHtml, modbot::Format::kPlain}) {
    modbot::PostBody body = modbot::ParsePostBody(input, format);
    modbot::DetectLanguage(body.own_text);
  }
  modbot::DetectLanguage(input);
  return 0;
}
