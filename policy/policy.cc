#include "policy/policy.h"

#include <array>

#include "policy/detector.h"
#include "policy/domain.h"
#include "policy/language.h"
#include "policy/lexicon.h"
#include "policy/normalizer.h"
#include "policy/scoring.h"

namespace modbot {
namespace {

// In order: fake_account last, since it weighs what the others found.
constexpr std::array<DetectorFn, 13> kDetectors = {
    DetectAbuse,       DetectThreats,         DetectDiscrimination, DetectStaffHarassment,
    DetectCommercial,  DetectPolitics,        DetectIllegalActivity, DetectLinks,
    DetectFrivolous,   DetectPublicSafety,    DetectOwnership,      DetectRelevance,
    DetectFakeAccount,
};

// The moderator's lists from config join the built-in lexicons under these names.
struct ConfigList {
  const char* lexicon;
  std::vector<std::string> PolicySettings::*list;
};
constexpr std::array<ConfigList, 4> kConfigLists = {{
    {"config_sponsors", &PolicySettings::sponsors},
    {"config_staff", &PolicySettings::staff_names},
    {"config_departments", &PolicySettings::departments},
    {"config_candidates", &PolicySettings::candidates},
}};

std::string JoinContext(const Post& post) {
  std::string context = post.topic.title;
  if (post.reply_to) context += "\n" + *post.reply_to;
  for (const std::string& quote : post.body.quotes) context += "\n" + quote;
  return context;
}

// Own words without the URLs, so that a bare link does not count as words.
int CountWords(const Post& post) {
  std::string text = post.body.own_text;
  for (const Link& link : post.body.links) {
    for (size_t at = text.find(link.url); at != std::string::npos; at = text.find(link.url)) {
      text.replace(at, link.url.size(), " ");
    }
  }
  std::string skeleton = Normalize(text).skeleton;
  int words = 0;
  for (size_t i = 1; i < skeleton.size(); ++i) words += skeleton[i] == ' ';
  return words;
}

}  // namespace

struct Policy::Compiled {
  PolicySettings settings;
  std::vector<std::string> lexicon_of_id;  // index = id in the sets below
  PatternSet words;     // word lists, matched on skeletons
  PatternSet patterns;  // pattern lists, matched on folded text
  PatternSet rule_words;  // custom rules; id = index in settings.rules
  PatternSet rule_patterns;

  bool AddLexicon(const std::string& name, const std::vector<std::string>& entries,
                  std::string* error) {
    int id = static_cast<int>(lexicon_of_id.size());
    lexicon_of_id.push_back(name);
    for (const std::string& entry : entries) {
      std::string reason;
      bool ok = KindOfLexicon(name) == LexiconKind::kPatterns
                    ? patterns.Add(entry, id, &reason)
                    : AddWord(&words, entry, id, &reason);
      if (!ok) {
        *error = "lexicon " + name + ": entry '" + entry + "': " + reason;
        return false;
      }
    }
    return true;
  }

  static bool AddWord(PatternSet* set, const std::string& entry, int id, std::string* reason) {
    std::string pattern = PhrasePattern(entry);
    if (pattern.empty()) {
      *reason = "has no letters or digits";
      return false;
    }
    return set->Add(pattern, id, reason);
  }

  bool AddRule(const CustomRule& rule, int id, std::string* error) {
    if (rule.kind == CustomRule::Kind::kDomains) return true;  // matched against links
    for (const std::string& value : rule.values) {
      std::string reason;
      bool ok = rule.kind == CustomRule::Kind::kPattern
                    ? rule_patterns.Add(value, id, &reason)
                    : AddWord(&rule_words, value, id, &reason);
      if (!ok) {
        *error = "rule '" + rule.name + "': '" + value + "': " + reason;
        return false;
      }
    }
    return true;
  }

  void Scan(const NormalizedText& text, LexiconHits* hits) const {
    for (Match& match : words.FindAll(text.skeleton)) {
      hits->Add(lexicon_of_id[match.id], std::move(match.evidence));
    }
    for (Match& match : patterns.FindAll(text.folded)) {
      hits->Add(lexicon_of_id[match.id], std::move(match.evidence));
    }
  }

  void ApplyRules(const PostView& view, Reasons* reasons) const {
    auto add = [&](int id, std::string evidence) {
      const CustomRule& rule = settings.rules[id];
      reasons->push_back({rule.clause, "rule." + rule.name, rule.score, std::move(evidence)});
    };
    for (Match& match : rule_words.FindAll(view.own.skeleton)) add(match.id, match.evidence);
    for (Match& match : rule_patterns.FindAll(view.own.folded)) add(match.id, match.evidence);
    for (size_t id = 0; id < settings.rules.size(); ++id) {
      const CustomRule& rule = settings.rules[id];
      if (rule.kind != CustomRule::Kind::kDomains) continue;
      for (const Link& link : view.post.body.links) {
        if (DomainMatches(link.domain, rule.values)) {
          add(static_cast<int>(id), link.url);
          break;
        }
      }
    }
  }
};

std::unique_ptr<Policy> Policy::Create(PolicySettings settings, std::string* error) {
  auto compiled = std::make_unique<Compiled>();
  for (std::string_view name : LexiconNames()) {
    if (KindOfLexicon(name) == LexiconKind::kList) continue;
    if (!compiled->AddLexicon(std::string(name), LexiconEntries(LexiconText(name)), error)) {
      return nullptr;
    }
  }
  for (const ConfigList& list : kConfigLists) {
    if (!compiled->AddLexicon(list.lexicon, settings.*(list.list), error)) return nullptr;
  }
  for (size_t id = 0; id < settings.rules.size(); ++id) {
    if (!compiled->AddRule(settings.rules[id], static_cast<int>(id), error)) return nullptr;
  }
  for (PatternSet* set : {&compiled->words, &compiled->patterns, &compiled->rule_words,
                          &compiled->rule_patterns}) {
    if (!set->Compile()) {
      *error = "the lexicons are too large for RE2's memory budget";
      return nullptr;
    }
  }
  compiled->settings = std::move(settings);
  return std::unique_ptr<Policy>(new Policy(std::move(compiled)));
}

Policy::Policy(std::unique_ptr<Compiled> compiled) : compiled_(std::move(compiled)) {}
Policy::~Policy() = default;

const PolicySettings& Policy::settings() const { return compiled_->settings; }

Verdict Policy::Judge(const Post& post) const {
  PostView view{post, compiled_->settings, Normalize(post.body.own_text),
                Normalize(JoinContext(post)), {}, {}, DetectLanguage(post.body.own_text),
                CountWords(post)};
  compiled_->Scan(view.own, &view.own_hits);
  compiled_->Scan(view.context, &view.context_hits);

  Reasons reasons;
  for (DetectorFn detect : kDetectors) detect(view, &reasons);
  compiled_->ApplyRules(view, &reasons);

  Verdict verdict;
  verdict.post_id = post.id;
  verdict.lang = view.lang;
  ScoreReasons(reasons, compiled_->settings, &verdict);
  return verdict;
}

}  // namespace modbot
