#include "bot/learned_model_config.h"

namespace modbot {

void ParseLearnedModelConfig(const toml::table& root, ConfigReader* reader,
                             LearnedModelConfig* out) {
  const toml::table* policy = root["policy"].as_table();
  if (!policy) return;  // a [policy] that is not a table is reported by ParsePolicyConfig
  reader->String(*policy, "learned_model", &out->path);
  if (!out->path.empty()) out->path = reader->Resolve(out->path);
  reader->Int(*policy, "learned_min_decisions", 1, 10'000'000, &out->min_decisions);
  reader->Bool(*policy, "built_in_model", &out->built_in);
}

}  // namespace modbot
