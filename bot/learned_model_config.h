// The daemon's side of the per-forum model in config.toml's [policy]:
//
//   [policy]
//   learned_model = "modbot.model"     # relative to the config file; unset: no model
//   learned_min_decisions = 100        # `modbot learn` refuses to train on fewer
//   learned_review_at = 0.8            # the policy's (ModelSettings, bot/policy_config.h)
//   built_in_model = true              # whether to run the built-in model (bot/built_in_model.h)
//   built_in_model_review_at = 0.98    # the policy's, as learned_review_at
#ifndef MODBOT_BOT_LEARNED_MODEL_CONFIG_H_
#define MODBOT_BOT_LEARNED_MODEL_CONFIG_H_

#include <string>

#include <toml++/toml.h>

#include "bot/config_reader.h"

namespace modbot {

struct LearnedModelConfig {
  std::string path;  // resolved against the config file; "" when unset
  // Fewer human decisions than this teach the model too little to be trusted
  // (bench/learned_replay_bench.cc measures what the default is worth).
  int min_decisions = 100;
  // Whether a forum without a model of its own has the built-in model judge its posts.
  bool built_in = true;
};

// Fills *out from root's [policy]; problems go to reader.
void ParseLearnedModelConfig(const toml::table& root, ConfigReader* reader,
                             LearnedModelConfig* out);

}  // namespace modbot

#endif  // MODBOT_BOT_LEARNED_MODEL_CONFIG_H_
