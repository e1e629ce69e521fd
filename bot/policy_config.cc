#include "bot/policy_config.h"

#include <re2/re2.h>

namespace modbot {
namespace {

void ParseClauses(const toml::table& clauses, ConfigReader* reader, PolicySettings* out) {
  for (const auto& [key, node] : clauses) {
    std::optional<Clause> clause = ClauseFromId(key.str());
    if (!clause) {
      reader->ErrorAt(node, "unknown clause '" + std::string(key.str()) +
                                "' (see the clause ids in config.toml.example)");
      continue;
    }
    const toml::table* table = node.as_table();
    if (!table) {
      reader->ErrorAt(node, "[clauses." + std::string(key.str()) + "] must be a table");
      continue;
    }
    ClauseSettings& settings = out->clauses[static_cast<int>(*clause)];
    reader->RejectUnknownKeys(*table, {"enabled", "review_at", "hide_at", "max_action"});
    reader->Bool(*table, "enabled", &settings.enabled);
    reader->Double(*table, "review_at", 0.0, 1.0, &settings.review_at);
    reader->Double(*table, "hide_at", 0.0, 1.0, &settings.hide_at);
    std::string max_action;
    reader->String(*table, "max_action", &max_action);
    if (!max_action.empty()) {
      std::optional<Action> action = ActionFromName(max_action);
      if (action) {
        settings.max_action = *action;
      } else {
        reader->ErrorAt(*table->get("max_action"), "max_action must be \"allow\", \"review\" or \"hide\"");
      }
    }
    if (settings.hide_at < settings.review_at) {
      reader->ErrorAt(*table, "hide_at must not be below review_at");
    }
  }
}

struct RuleKind {
  const char* key;
  CustomRule::Kind kind;
};
constexpr RuleKind kRuleKinds[] = {
    {"words", CustomRule::Kind::kWords},
    {"phrases", CustomRule::Kind::kPhrases},
    {"patterns", CustomRule::Kind::kPattern},
    {"domains", CustomRule::Kind::kDomains},
};

void ParseRule(const toml::table& table, ConfigReader* reader, PolicySettings* out) {
  reader->RejectUnknownKeys(table, {"name", "clause", "words", "phrases", "patterns", "domains",
                                    "score", "action"});
  CustomRule rule;
  reader->String(table, "name", &rule.name, /*required=*/true);
  std::string clause_id;
  reader->String(table, "clause", &clause_id, /*required=*/true);
  std::optional<Clause> clause = ClauseFromId(clause_id);
  if (!clause_id.empty() && !clause) {
    reader->ErrorAt(*table.get("clause"), "unknown clause '" + clause_id + "'");
  }
  if (clause) rule.clause = *clause;

  int kinds = 0;
  for (const RuleKind& kind : kRuleKinds) {
    if (!table.contains(kind.key)) continue;
    ++kinds;
    rule.kind = kind.kind;
    reader->StringList(table, kind.key, &rule.values);
    if (rule.values.empty()) reader->ErrorAt(*table.get(kind.key), std::string(kind.key) + " is empty");
  }
  if (kinds != 1) {
    reader->ErrorAt(table, "a rule needs exactly one of words, phrases, patterns or domains");
  }
  if (rule.kind == CustomRule::Kind::kPattern) {
    // Check each pattern here so the error points at the config, not at startup.
    const toml::array* patterns = table.get("patterns")->as_array();
    for (size_t i = 0; patterns && i < patterns->size(); ++i) {
      const toml::node& node = *patterns->get(i);
      RE2 re(node.value_or(std::string()), RE2::Quiet);
      if (!re.ok()) reader->ErrorAt(node, "invalid RE2 pattern: " + re.error());
    }
  }

  bool has_score = table.contains("score"), has_action = table.contains("action");
  if (has_score == has_action) {
    reader->ErrorAt(table, "a rule needs exactly one of score or action");
  }
  reader->Double(table, "score", 0.0, 1.0, &rule.score);
  if (has_action) {
    std::string action_name;
    reader->String(table, "action", &action_name);
    std::optional<Action> action = ActionFromName(action_name);
    if (!action || *action == Action::kAllow) {
      reader->ErrorAt(*table.get("action"), "action must be \"review\" or \"hide\"");
    } else {
      // An action is a score that reaches that action's threshold for the clause.
      const ClauseSettings& limits = out->clauses[static_cast<int>(rule.clause)];
      rule.score = *action == Action::kHide ? limits.hide_at : limits.review_at;
    }
  }
  out->rules.push_back(std::move(rule));
}

// An action key of [memory] that may only be "review" or "hide": memory never allows
// a post on its own, and an approval is what waives a clause.
void MemoryAction(const toml::table& memory, const char* key, ConfigReader* reader, Action* out) {
  std::string name;
  reader->String(memory, key, &name);
  if (name.empty()) return;
  std::optional<Action> action = ActionFromName(name);
  if (action && *action != Action::kAllow) {
    *out = *action;
  } else {
    reader->ErrorAt(*memory.get(key), std::string(key) + " must be \"review\" or \"hide\"");
  }
}

void ParseMemory(const toml::table& memory, ConfigReader* reader, MemorySettings* out) {
  reader->RejectUnknownKeys(memory, {"enabled", "flood_window_minutes", "near_copy_action",
                                     "hide_copies_of_kept_hides", "flood_topics",
                                     "flood_action"});
  MemoryAction(memory, "near_copy_action", reader, &out->near_copy_action);
  MemoryAction(memory, "flood_action", reader, &out->flood_action);
  reader->Bool(memory, "hide_copies_of_kept_hides", &out->hide_copies_of_kept_hides);
  reader->Int(memory, "flood_topics", 2, 100, &out->flood_topics);
}

}  // namespace

bool ParsePolicyConfig(const toml::table& root, ConfigReader* reader, PolicySettings* out) {
  if (const toml::table* policy = reader->Table(root, "policy")) {
    // learned_model, learned_min_decisions and built_in_model are the daemon's
    // (learned_model_config.h).
    reader->RejectUnknownKeys(*policy, {"sponsors", "trusted_domains", "staff_names",
                                        "departments", "candidates", "new_account_days",
                                        "learned_model", "learned_min_decisions",
                                        "learned_review_at", "built_in_model",
                                        "built_in_model_review_at"});
    reader->StringList(*policy, "sponsors", &out->sponsors);
    reader->StringList(*policy, "trusted_domains", &out->trusted_domains);
    reader->StringList(*policy, "staff_names", &out->staff_names);
    reader->StringList(*policy, "departments", &out->departments);
    reader->StringList(*policy, "candidates", &out->candidates);
    reader->Int(*policy, "new_account_days", 0, 3650, &out->new_account_days);
    reader->Double(*policy, "learned_review_at", 0.0, 1.0, &out->model.review_at);
    reader->Double(*policy, "built_in_model_review_at", 0.5, 1.0,
                   &out->model.built_in_review_at);
  }
  if (const toml::table* memory = reader->Table(root, "memory")) {
    ParseMemory(*memory, reader, &out->memory);
  }
  // Thresholds first: a rule's action is read against its clause's thresholds.
  if (const toml::table* clauses = reader->Table(root, "clauses")) {
    ParseClauses(*clauses, reader, out);
  }
  if (const toml::node* rules = root.get("rules")) {
    const toml::array* list = rules->as_array();
    if (!list) {
      reader->ErrorAt(*rules, "rules must be written as [[rules]] tables");
    } else {
      for (const toml::node& node : *list) {
        if (const toml::table* table = node.as_table()) {
          ParseRule(*table, reader, out);
        } else {
          reader->ErrorAt(node, "each entry of rules must be a table");
        }
      }
    }
  }
  return reader->ok();
}

}  // namespace modbot
