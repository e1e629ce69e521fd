#include "bot/built_in_model.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

// The model file the build trained (bot/CMakeLists.txt), linked in whole by the
// assembler's .incbin rather than spelled out as a C array (about 10 MB of source
// for its 2 MB).
extern "C" const char modbot_built_in_model_begin[];
extern "C" const char modbot_built_in_model_end[];
asm(".section .rodata\n"
    ".balign 16\n"
    ".global modbot_built_in_model_begin\n"
    "modbot_built_in_model_begin:\n"
    ".incbin \"" MODBOT_BUILT_IN_MODEL "\"\n"
    ".global modbot_built_in_model_end\n"
    "modbot_built_in_model_end:\n"
    ".previous\n");

namespace modbot {

const LearnedModel* BuiltInModel() {
  static const std::unique_ptr<LearnedModel> model = [] {
    const std::string_view file(
        modbot_built_in_model_begin,
        static_cast<size_t>(modbot_built_in_model_end - modbot_built_in_model_begin));
    std::string error;
    return LearnedModel::FromLinkedFile(file, "built-in model", &error);
  }();
  return model.get();
}

std::optional<ModelSignal> ModelSignalFor(const Post& post, const LearnedModel* forum_model,
                                          bool built_in_model) {
  if (forum_model) return forum_model->Signal(post.body.own_text);
  if (!built_in_model) return std::nullopt;
  if (post.topic.title.empty() && post.topic.category.empty()) return std::nullopt;
  const LearnedModel* built_in = BuiltInModel();
  if (!built_in) return std::nullopt;
  std::optional<ModelSignal> signal = built_in->ViolationSignal(post.body.own_text);
  if (signal) signal->built_in = true;
  return signal;
}

}  // namespace modbot
