// The judgement part of config.toml: [policy], [clauses.<id>] and [[rules]].
//
//   [policy]
//   sponsors = ["Rivard Family Dentistry", "rivarddentistry.ca"]
//   trusted_domains = ["cslpubliclibrary.ca"]   # added to the built-in ones
//   staff_names = ["Jane Roe"]                  # and departments, candidates
//   new_account_days = 7
//   learned_review_at = 0.8                     # the per-forum model's signal (policy/prior_signals.h)
//   (learned_model, learned_min_decisions: the daemon's, bot/learned_model_config.h)
//
//   [clauses.spam_links]                        # any of the 16 clause ids
//   enabled = true
//   review_at = 0.5
//   hide_at = 0.85
//   max_action = "review"                       # never hide for this clause alone
//
//   [[rules]]                                   # a moderator's own rule
//   name = "door-to-door-scam"
//   clause = "commercial"
//   phrases = ["driveway sealing special"]      # or words, patterns, domains
//   action = "review"                           # or score = 0.0..1.0
//
//   [memory]                                    # near-copies of decided posts, floods
//   near_copy_action = "review"                 # or "hide"
//   hide_copies_of_kept_hides = true
//   flood_topics = 3
//   flood_action = "review"                     # or "hide"
//   (enabled and flood_window_minutes are the daemon's: bot/daemon_config.h)
//
// config.toml.example documents every key.
#ifndef MODBOT_BOT_POLICY_CONFIG_H_
#define MODBOT_BOT_POLICY_CONFIG_H_

#include <toml++/toml.h>

#include "bot/config_reader.h"
#include "policy/policy_settings.h"

namespace modbot {

// Starts from *out (normally PolicySettings::Defaults()) and applies root's policy
// tables. Every problem is added to reader. Returns reader->ok().
bool ParsePolicyConfig(const toml::table& root, ConfigReader* reader, PolicySettings* out);

}  // namespace modbot

#endif  // MODBOT_BOT_POLICY_CONFIG_H_
