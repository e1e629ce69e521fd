// A scripted moderator for the tests of `modbot learn`: posts judged into a real
// store as the daemon records them (verdict, review entry, fingerprint), then
// decided as `modbot review` would (Store::ResolveReview): removed for a clause, or
// approved. The texts come from small bilingual templates, varied by index, so a
// model can learn them and a held-out part can be scored.
#ifndef MODBOT_TESTS_SCRIPTED_DECISIONS_H_
#define MODBOT_TESTS_SCRIPTED_DECISIONS_H_

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "bot/learned_model.h"
#include "bot/store.h"
#include "policy/fingerprint.h"

namespace modbot::testing {

// Judges post id (text) as sent to review for clause, then has "anne" decide it:
// approve when approve, else remove for clause.
inline void DecidePost(Store* store, const std::string& id, const std::string& text,
                       Clause clause, bool approve) {
  constexpr int64_t kNow = 1'764'547'200'000;  // 2025-12-01
  Judgement j;
  j.post_id = id;
  j.version = "1";
  j.author = "author" + id;
  j.url = "https://forum.example/p/" + id;
  j.excerpt = text;
  j.verdict.post_id = id;
  j.verdict.action = Action::kReview;
  j.verdict.clauses = {clause};
  j.verdict.lang = "en";
  j.local_review = true;
  j.context.text = text;
  std::optional<Fingerprint> bits = TextFingerprint(text);
  REQUIRE(bits);
  j.fingerprint = {*bits, "Parks", 400};
  std::string error;
  REQUIRE(store->RecordJudgement(j, kNow, &error));
  ReviewOutcome outcome;
  const std::string removed_for = approve ? "" : std::string(ClauseId(clause));
  REQUIRE(store->ResolveReview({id, "1", approve, removed_for, "anne", "", {}}, kNow, &outcome,
                               &error));
  REQUIRE(outcome == ReviewOutcome::kRecorded);
}

// The n-th text of a kind: an insult (abusive), a sales pitch (spam_links) or a
// resident's question (approved), English for even n, French for odd.
inline std::string InsultText(int n) {
  static const char* const kEn[] = {"idiot", "moron", "loser", "clown", "imbecile"};
  static const char* const kFr[] = {"crétin", "abruti", "imbécile", "minable", "nul"};
  const std::string word = n % 2 ? kFr[n / 2 % 5] : kEn[n / 2 % 5];
  return n % 2 ? "Tu es un " + word + " fini, tout le monde ici sait que tu es un " + word
               : "You are a complete " + word + " and everyone here knows you are a " + word;
}
inline std::string SpamText(int n) {
  static const char* const kGoods[] = {"sunglasses", "watches", "sneakers", "handbags", "pills"};
  const std::string goods = kGoods[n % 5], site = "deals" + std::to_string(n) + ".example";
  return n % 2 ? "Achetez des " + goods + " pas chers sur " + site + " offre limitée aujourd'hui"
               : "Buy cheap " + goods + " at " + site + " limited offer today only, click now";
}
inline std::string QuestionText(int n) {
  static const char* const kPlaces[] = {"library", "pool", "arena", "park", "city hall"};
  const std::string place = kPlaces[n % 5], day = std::to_string(1 + n % 28);
  return n % 2 ? "À quelle heure ouvre la " + place + " le " + day + " ? Merci pour l'info"
               : "What time does the " + place + " open on the " + day +
                     "th? Thanks for letting us know";
}

// count posts of each kind, decided: insults removed (abusive), pitches removed
// (spam_links), questions approved. Post ids "i0", "s0", "q0", ...
inline void DecideScriptedPosts(Store* store, int count) {
  for (int n = 0; n < count; ++n) {
    DecidePost(store, "i" + std::to_string(n), InsultText(n), Clause::kAbusive, false);
    DecidePost(store, "s" + std::to_string(n), SpamText(n), Clause::kSpamLinks, false);
    DecidePost(store, "q" + std::to_string(n), QuestionText(n), Clause::kAbusive, true);
  }
}

// Training examples without a store: count insults (abusive) and count questions
// (allow).
inline std::vector<LabelledText> InsultsAndQuestions(int count) {
  std::vector<LabelledText> examples;
  for (int n = 0; n < count; ++n) {
    examples.push_back({InsultText(n), "abusive"});
    examples.push_back({QuestionText(n), std::string(kAllowLabel)});
  }
  return examples;
}

}  // namespace modbot::testing

#endif  // MODBOT_TESTS_SCRIPTED_DECISIONS_H_
