#include "policy/policy.h"

#include <algorithm>
#include <array>

#include "policy/detector.h"
#include "policy/domain.h"
#include "policy/harm_grammar.h"
#include "policy/language.h"
#include "policy/lexicon.h"
#include "policy/memory_rules.h"
#include "policy/normalizer.h"
#include "policy/scoring.h"
#include "policy/token_repair.h"

namespace modbot {
namespace {

// In order: fake_account last, since it weighs what the others found.
constexpr std::array<DetectorFn, 14> kDetectors = {
    DetectAbuse,       DetectThreats,         DetectDiscrimination, DetectTargetedHarm,
    DetectStaffHarassment,
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

int CountSkeletonWords(std::string_view skeleton) {
  int words = 0;
  for (size_t i = 1; i < skeleton.size(); ++i) words += skeleton[i] == ' ';
  return words;
}

// Words of the author's own text less those of the bare URLs in it, so that a
// link alone does not count as something said.
int CountWords(const Post& post, const NormalizedText& own) {
  int words = CountSkeletonWords(own.skeleton);
  for (const Link& link : post.body.links) {
    if (post.body.own_text.find(link.url) == std::string::npos) continue;
    words -= CountSkeletonWords(Normalize(link.url).skeleton);
  }
  return std::max(words, 0);
}

// The lexicons detectors read on the context (what a post answers); the context can
// be long (quotes), so it is not scanned with everything.
constexpr std::array<std::string_view, 2> kContextLexicons = {"municipal_campaign_terms",
                                                              "off_civic_topics"};

// What quoted text may be held against a post for: what it says, not how the
// author behaves (frivolous, relevance, fake accounts) nor what is ordinary to
// quote in a discussion (an ad complained about, a politician's words).
constexpr std::array<Clause, 6> kQuotedClauses = {
    Clause::kAbusive,       Clause::kThreat,          Clause::kStaffHarassment,
    Clause::kDiscrimination, Clause::kIllegalActivity, Clause::kPublicSafety,
};

// Below this many words of their own, an author who quotes is passing the quote
// on rather than discussing it.
constexpr int kMaxWordsForBareQuote = 8;

// The quotes that are not found in the post replied to: nothing shows that
// somebody else wrote them.
std::string UnsourcedQuotes(const Post& post) {
  const std::string source = post.reply_to ? Normalize(*post.reply_to).skeleton : "";
  std::string out;
  for (const std::string& quote : post.body.quotes) {
    const std::string skeleton = Normalize(quote).skeleton;
    if (skeleton.find_first_not_of(' ') == std::string::npos) continue;
    if (!source.empty() && source.find(skeleton) != std::string::npos) continue;
    out += quote + "\n";
  }
  return out;
}

}  // namespace

struct Policy::Compiled {
  PolicySettings settings;
  std::vector<std::string> lexicon_of_id;  // index = id in the sets below
  PatternSet words;     // word lists, matched on skeletons
  PatternSet patterns;  // pattern lists, matched on folded text
  PatternSet context_words;  // kContextLexicons, matched on the context's skeleton
  PatternSet rule_words;  // custom rules; id = index in settings.rules
  PatternSet rule_patterns;
  // Knows the words of every word list, names among them: a swap is read only in
  // words of six letters or more ("marie" stays a name, not "maire").
  TokenRepair repair{6};

  bool AddLexicon(const std::string& name, const std::vector<std::string>& entries,
                  std::string* error) {
    int id = static_cast<int>(lexicon_of_id.size());
    lexicon_of_id.push_back(name);
    for (const std::string& entry : entries) {
      std::string reason;
      bool ok = KindOfLexicon(name) == LexiconKind::kPatterns
                    ? patterns.Add(entry, id, &reason)
                    : AddWord(&words, entry, id, &reason);
      if (ok && KindOfLexicon(name) == LexiconKind::kWords) LearnWords(entry, NamesGroups(name));
      if (ok && KindOfLexicon(name) == LexiconKind::kPatterns) LearnPatternWords(entry);
      if (ok && std::find(kContextLexicons.begin(), kContextLexicons.end(), name) !=
                    kContextLexicons.end()) {
        ok = AddWord(&context_words, entry, id, &reason);
      }
      if (!ok) {
        *error = "lexicon " + name + ": entry '" + entry + "': " + reason;
        return false;
      }
    }
    return true;
  }

  // The lexicons whose one-word entries each name a group of people. Not slurs:
  // short, they hide inside ordinary words ("fifteen").
  static bool NamesGroups(std::string_view lexicon) {
    return lexicon == "protected_groups" || lexicon == "age_groups";
  }

  void LearnWords(std::string_view entry, bool group_name) {
    const bool prefix = !entry.empty() && entry.back() == '*';
    const std::string skeleton = Normalize(prefix ? entry.substr(0, entry.size() - 1) : entry).skeleton;
    for (size_t i = 1; i < skeleton.size();) {
      size_t end = skeleton.find(' ', i);
      const std::string_view word = std::string_view(skeleton).substr(i, end - i);
      const bool last = end + 1 == skeleton.size();
      repair.AddWord(word, prefix && last);
      if (group_name && i == 1 && last) repair.AddGroupName(word, prefix);
      i = end + 1;
    }
  }

  // Disguised pattern words ("wtch", "regrret") read back for the pattern lexicons too.
  void LearnPatternWords(std::string_view pattern) {
    for (const PatternWord& word : PatternWords(pattern)) {
      repair.AddWord(word.text, word.prefix, /*ordinary=*/true);
    }
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

  void Scan(const PatternSet& set, std::string_view text, LexiconHits* hits) const {
    for (Match& match : set.FindAll(text)) {
      hits->Add(lexicon_of_id[match.id], std::move(match.evidence));
    }
  }

  // Every detector's and every custom rule's reasons for post.
  Reasons Collect(const Post& post, const std::string& lang) const;

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
  if (!compiled->AddLexicon("harm_predicates", HarmGrammar::PredicateWords(), error)) return nullptr;
  for (const ConfigList& list : kConfigLists) {
    if (!compiled->AddLexicon(list.lexicon, settings.*(list.list), error)) return nullptr;
  }
  for (size_t id = 0; id < settings.rules.size(); ++id) {
    if (!compiled->AddRule(settings.rules[id], static_cast<int>(id), error)) return nullptr;
  }
  for (PatternSet* set : {&compiled->words, &compiled->patterns, &compiled->context_words,
                          &compiled->rule_words, &compiled->rule_patterns}) {
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
  Verdict verdict = JudgeText(post);
  ApplyPriorSignals(post, compiled_->settings, &verdict);
  return verdict;
}

Verdict Policy::JudgeText(const Post& post) const {
  Verdict verdict;
  verdict.post_id = post.id;
  verdict.lang = DetectLanguage(post.body.own_text);
  ScoreReasons(compiled_->Collect(post, verdict.lang), compiled_->settings, &verdict);
  if (verdict.action != Action::kAllow || post.body.quotes.empty() ||
      CountSkeletonWords(Normalize(post.body.own_text).skeleton) >= kMaxWordsForBareQuote) {
    return verdict;
  }

  const std::string unsourced = UnsourcedQuotes(post);
  if (unsourced.empty()) return verdict;
  Post quoted;
  quoted.body.own_text = unsourced;
  quoted.topic = post.topic;
  quoted.author = post.author;
  Reasons reasons;
  for (Reason& reason : compiled_->Collect(quoted, verdict.lang)) {
    if (std::find(kQuotedClauses.begin(), kQuotedClauses.end(), reason.clause) ==
        kQuotedClauses.end()) {
      continue;
    }
    reason.rule = "quote." + reason.rule;
    reasons.push_back(std::move(reason));
  }
  Verdict from_quotes;
  ScoreReasons(reasons, compiled_->settings, &from_quotes);
  if (from_quotes.action == Action::kAllow) return verdict;
  verdict.action = Action::kReview;
  verdict.clauses = std::move(from_quotes.clauses);
  verdict.reasons = std::move(from_quotes.reasons);
  return verdict;
}

Reasons Policy::Compiled::Collect(const Post& post, const std::string& lang) const {
  NormalizedText own = Normalize(post.body.own_text);
  std::string repaired = repair.Repair(own.skeleton);
  const bool words_restored = repaired != own.skeleton;
  own.skeleton = std::move(repaired);
  int word_count = CountWords(post, own);
  PostView view{post, settings, std::move(own), Normalize(JoinContext(post)), {}, {},
                lang, word_count};
  Scan(words, view.own.skeleton, &view.own_hits);
  Scan(patterns, view.own.folded, &view.own_hits);
  // Disguised words matter to pattern lexicons too ("i'll k1ll you"): what the
  // patterns find in the restored text counts for lexicons they found nothing for.
  if (const std::string restored = repair.RepairFolded(view.own.folded, words_restored);
      !restored.empty()) {
    LexiconHits more;
    Scan(patterns, restored, &more);
    for (std::string_view lexicon : more.Names()) {
      if (view.own_hits.Has(lexicon)) continue;
      for (const std::string& match : more.Of(lexicon)) view.own_hits.Add(std::string(lexicon), match);
    }
  }
  Scan(context_words, view.context.skeleton, &view.context_hits);

  Reasons reasons;
  for (DetectorFn detect : kDetectors) detect(view, &reasons);
  ApplyRules(view, &reasons);
  return reasons;
}

}  // namespace modbot
