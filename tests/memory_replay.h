// The memory replay (issue 11): a labelled stream of posts judged in order on a real
// store, as the daemon judges them (Recall, Policy::Judge, RecordJudgement), while a
// scripted moderator decides the first half's queued posts by their labels. The
// second half carries campaign variants of the first half's posts, so the figures
// say what the moderators' decisions are worth. Shared by the replay test and
// bench/memory_replay_bench.cc; no test framework here.
#ifndef MODBOT_TESTS_MEMORY_REPLAY_H_
#define MODBOT_TESTS_MEMORY_REPLAY_H_

#include <algorithm>
#include <cstdint>
#include <cctype>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bot/learn_command.h"
#include "bot/store.h"
#include "policy/body_parser.h"
#include "policy/fingerprint.h"
#include "policy/policy.h"

namespace modbot::replay {

struct LabelledPost {
  Post post;
  std::string text;  // as written, before parsing
  bool violation = false;
  std::vector<Clause> clauses;  // the label's
  std::string variant_of;       // the original's id, for a campaign variant
};

// A campaign's light edit of text, as spammers vary a message to slip past a
// filter that remembers it: one to three of a filler word added, a word dropped, a
// letter swapped, a word shouted, a trailing emoji or "!!!", a link's path changed.
inline std::string CampaignVariant(const std::string& text, std::mt19937* rng) {
  static const char* const kFillers[] = {"really", "please", "now", "today", "guys", "just"};
  static const char* const kTails[] = {"!!!", ":)", "...", "👍"};
  std::vector<std::string> words;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  if (words.empty()) return text;
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(*rng); };
  const size_t edits = 1 + pick(3);
  for (size_t e = 0; e < edits; ++e) {
    std::string& word = words[pick(words.size())];
    switch (pick(6)) {
      case 0: words.insert(words.begin() + pick(words.size()), kFillers[pick(6)]); break;
      case 1: if (words.size() > 4) words.erase(words.begin() + pick(words.size())); break;
      case 2: if (word.size() > 3) word[1 + pick(word.size() - 2)] = "aeiou"[pick(5)]; break;
      case 3: for (char& c : word) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c))); break;
      case 4: words.push_back(kTails[pick(4)]); break;
      case 5:
        for (std::string& w : words) {
          const size_t slash = w.find('/', w.find('.') == std::string::npos ? w.size() : w.find('.'));
          if (slash != std::string::npos && slash + 1 < w.size()) {
            w = w.substr(0, slash + 1) + "x" + std::to_string(pick(1000));
          }
        }
        break;
    }
  }
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// The labelled posts of a gold file, in file order; empty on a file that cannot be
// read.
inline std::vector<LabelledPost> ReadLabelled(const std::string& gold_path) {
  std::vector<LabelledPost> posts;
  std::ifstream in(gold_path);
  for (std::string line; std::getline(in, line);) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) continue;
    LabelledPost p;
    p.text = j.value("text", "");
    p.post.id = j.value("id", "");
    p.post.format = FormatFromName(j.value("format", "plain")).value_or(Format::kPlain);
    p.post.body = ParsePostBody(p.text, p.post.format);
    if (j.contains("topic") && j["topic"].is_object()) {
      p.post.topic = {j["topic"].value("title", ""), j["topic"].value("category", "")};
    }
    if (j.contains("reply_to") && j["reply_to"].is_string()) p.post.reply_to = j["reply_to"];
    if (j.contains("author") && j["author"].is_object()) {
      const nlohmann::json& a = j["author"];
      p.post.author.username = a.value("username", "");
      if (a.contains("account_age_days")) p.post.author.account_age_days = a["account_age_days"].get<int>();
      if (a.contains("post_count")) p.post.author.post_count = a["post_count"].get<int>();
      if (a.contains("trust_level")) p.post.author.trust_level = a["trust_level"].get<int>();
    }
    p.violation = j["expected"].value("action", "allow") != "allow";
    for (const auto& c : j["expected"]["clauses"]) {
      if (std::optional<Clause> clause = ClauseFromId(c.get<std::string>())) p.clauses.push_back(*clause);
    }
    posts.push_back(std::move(p));
  }
  return posts;
}

// gold-dev's posts in an order shuffled with seed, split in two halves; then the
// second half gains two variants, by new accounts and in other topics, of each
// violation of the first, and one variant of each allowed post of the first (a
// resident repeating a question), and is shuffled again. *first_half is where the
// second half starts. Empty on a file that cannot be read.
inline std::vector<LabelledPost> BuildStream(const std::string& gold_path, unsigned seed,
                                             size_t* first_half) {
  std::vector<LabelledPost> posts = ReadLabelled(gold_path);
  std::mt19937 rng(seed);
  std::shuffle(posts.begin(), posts.end(), rng);
  *first_half = posts.size() / 2;
  std::vector<LabelledPost> second(posts.begin() + *first_half, posts.end());
  int campaign = 0;
  for (size_t i = 0; i < *first_half; ++i) {
    const LabelledPost& original = posts[i];
    for (int n = original.violation ? 2 : 1; n > 0; --n) {
      LabelledPost v = original;
      v.text = CampaignVariant(original.text, &rng);
      v.post.id = original.post.id + "-v" + std::to_string(n);
      v.post.body = ParsePostBody(v.text, v.post.format);
      v.post.topic = posts[std::uniform_int_distribution<size_t>(0, posts.size() - 1)(rng)].post.topic;
      v.variant_of = original.post.id;
      if (original.violation) v.post.author = {"campaign" + std::to_string(++campaign), 1, 0, 0};
      second.push_back(std::move(v));
    }
  }
  std::shuffle(second.begin(), second.end(), rng);
  posts.resize(*first_half);
  posts.insert(posts.end(), second.begin(), second.end());
  return posts;
}

// The per-forum model in a replay: trained when the first half is decided, on the
// scripted moderator's decisions (and corpora), then run on each post of the second.
struct ModelReplay {
  std::vector<LabelledText> corpora;
  // The scripted moderator decides at most this many posts, the first flagged: how
  // many decisions the model learns from.
  size_t decisions = SIZE_MAX;
};

struct Figures {
  int violations = 0;         // posts of the second half labelled a violation
  int violations_caught = 0;  // of those, sent to review or hidden
  int model_flags = 0;        // verdicts of the second half with a model.* reason
  int model_flags_right = 0;  // of those, on a violation
  int model_decisions = 0;    // the decisions the model learned from
  HeldOutScore model_held_out;  // its own test on the held-out part of them
  int variants = 0;          // campaign variants of violations in the second half
  int variants_caught = 0;   // of those, sent to review or hidden
  int decided_variants = 0;  // variants whose original a moderator decided
  int decided_variants_caught = 0;
  int caught_by_memory = 0;  // variants whose verdict has a memory.* reason
  int clean = 0;             // posts of the second half labelled allow
  int false_hides = 0;       // of those, hidden
  int false_flags = 0;       // of those, sent to review
  int review_load = 0;       // posts of the second half sent to review or hidden
  int waived = 0;            // verdicts of the second half with a waived clause
};

// Judges stream in order on a fresh store at store_path, a post a minute, recalling
// from memory (flood window an hour) only when memory is set; the moderator
// decides each queued post of the first first_half posts at once: remove for the
// label's first clause, or approve. With model, a model learned from those
// decisions runs on the second half.
inline bool Replay(const Policy& policy, const std::vector<LabelledPost>& stream,
                   size_t first_half, bool memory, const std::string& store_path, Figures* out,
                   std::string* error, const ModelReplay* model = nullptr) {
  std::unique_ptr<Store> store = Store::Open(store_path, error);
  if (!store) return false;
  constexpr int64_t kMinute = 60'000, kStart = 1'764'547'200'000;  // 2025-12-01
  std::vector<std::string> decided;
  MemoryRecall recall(store->db());
  LearnResult learned;
  for (size_t i = 0; i < stream.size(); ++i) {
    const LabelledPost& item = stream[i];
    const int64_t now = kStart + static_cast<int64_t>(i) * kMinute;
    if (model && i == first_half) {
      if (!Learn(store->db(), model->corpora, 1, policy.settings().model.review_at, 1,
                 &learned, error)) {
        return false;
      }
      out->model_decisions = learned.decisions;
      out->model_held_out = learned.score;
    }
    Post post = item.post;
    Recollection recalled;
    if (memory && !recall.Recall(post, now - 60 * kMinute, &recalled, error)) return false;
    if (!memory) recalled.fingerprint = TextFingerprint(post.body.own_text);
    post.prior = recalled.prior;
    if (learned.model) post.prior.model = learned.model->Signal(post.body.own_text);
    const Verdict verdict = policy.Judge(post);
    Judgement j;
    j.post_id = post.id;
    j.version = "1";
    j.author = post.author.username;
    j.url = post.id;
    j.verdict = verdict;
    j.local_review = verdict.action != Action::kAllow;
    j.context.text = post.body.own_text;
    if (recalled.fingerprint) {
      j.fingerprint = {*recalled.fingerprint, post.topic.title, post.author.account_age_days};
    }
    j.memory_matches = recalled.matches;
    if (!store->RecordJudgement(j, now, error)) return false;

    const bool flagged = verdict.action != Action::kAllow;
    if (i < first_half) {
      if (!flagged || (model && decided.size() >= model->decisions)) continue;
      ReviewOutcome outcome;
      const std::string clause =
          item.violation && !item.clauses.empty() ? std::string(ClauseId(item.clauses[0])) : "";
      if (!store->ResolveReview({post.id, "1", !item.violation, clause, "anne", "", {}}, now,
                                &outcome, error)) {
        return false;
      }
      decided.push_back(post.id);
      continue;
    }
    out->review_load += flagged;
    out->waived += !verdict.waived.empty();
    const bool model_flag =
        std::any_of(verdict.reasons.begin(), verdict.reasons.end(),
                    [](const Reason& r) { return r.rule.rfind("model.", 0) == 0; });
    out->model_flags += model_flag;
    out->model_flags_right += model_flag && item.violation;
    out->violations += item.violation;
    out->violations_caught += item.violation && flagged;
    if (!item.violation) {
      ++out->clean;
      out->false_hides += verdict.action == Action::kHide;
      out->false_flags += verdict.action == Action::kReview;
    }
    if (item.variant_of.empty() || !item.violation) continue;
    ++out->variants;
    out->variants_caught += flagged;
    const bool original_decided =
        std::find(decided.begin(), decided.end(), item.variant_of) != decided.end();
    out->decided_variants += original_decided;
    out->decided_variants_caught += original_decided && flagged;
    out->caught_by_memory +=
        flagged && std::any_of(verdict.reasons.begin(), verdict.reasons.end(),
                               [](const Reason& r) { return r.rule.rfind("memory.", 0) == 0; });
  }
  return true;
}

}  // namespace modbot::replay

#endif  // MODBOT_TESTS_MEMORY_REPLAY_H_
