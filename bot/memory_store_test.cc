// The memory of decisions in a real SQLite store: written with the judgement and
// the decision, recalled by fingerprint, forgotten, migrated from an older store.
#include "bot/memory_store.h"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "bot/store.h"
#include "policy/body_parser.h"
#include "policy/fingerprint.h"
#include "tests/daemon_test_support.h"
#include "tests/forum_fixture.h"

namespace modbot {
namespace {

using testing::Count;
using testing::TempDir;

constexpr const char* kSunglassesSpam = "Cheap Ray-Ban sunglasses, 90% off today only at bit.ly/rb90";
constexpr const char* kVariant = "CHEAP Ray-Ban sunglasses!! 90% off today only at bit.ly/zz41";
constexpr const char* kPoolNotice = "The outdoor pool opens on Saturday at nine, bring a towel.";

Post PostOf(const std::string& id, const std::string& text) {
  Post post;
  post.id = id;
  post.body = ParsePostBody(text, Format::kPlain);
  return post;
}

// A judged post with its fingerprint, queued for local review.
Judgement Judged(const std::string& id, const std::string& text, Action action,
                 Clause clause = Clause::kSpamLinks) {
  Judgement j;
  j.post_id = id;
  j.version = "1";
  j.author = "spammer";
  j.url = "u";
  j.verdict.post_id = id;
  j.verdict.action = action;
  j.verdict.clauses = {clause};
  j.verdict.lang = "en";
  j.local_review = action != Action::kAllow;
  j.context.text = text;
  j.fingerprint = {*TextFingerprint(text), "Parks", 1};
  return j;
}

struct MemoryStore {
  TempDir dir;
  std::string error;
  std::unique_ptr<Store> store = Store::Open(dir.File("s.db"), &error);

  void Record(const Judgement& j, int64_t at = 1000) {
    REQUIRE(store);
    REQUIRE(store->RecordJudgement(j, at, &error));
  }
  void Decide(const std::string& id, bool approve, const std::string& clause = "") {
    ReviewOutcome outcome;
    REQUIRE(store->ResolveReview({id, "1", approve, clause, "anne", "", {}},
                                 1764547200000 /* 2025-12-01 */, &outcome, &error));
    REQUIRE(outcome == ReviewOutcome::kRecorded);
  }
  Recollection RecallText(const std::string& text, int64_t recent_since = 1 << 30) {
    Recollection out;
    REQUIRE(MemoryRecall(store->db()).Recall(PostOf("new", text), recent_since, &out, &error));
    return out;
  }
};

TEST_CASE_METHOD(MemoryStore, "memory: a removed post is recalled by its near-copies only",
                 "[memory_store]") {
  Record(Judged("123", kSunglassesSpam, Action::kReview));
  CHECK(RecallText(kVariant).prior.decided.empty());  // undecided: nothing remembered yet

  Decide("123", false, "spam_links");
  Recollection recalled = RecallText(kVariant);
  REQUIRE(recalled.prior.decided.size() == 1);
  const DecidedCopy& copy = recalled.prior.decided[0];
  CHECK(copy.post_id == "123");
  CHECK(copy.decision == HumanDecision::kRemoved);
  CHECK(copy.clauses == std::vector<Clause>{Clause::kSpamLinks});
  CHECK(copy.moderator == "anne");
  CHECK(copy.decided_on == "2025-12-01");
  CHECK(copy.distance <= kNearCopyDistance);
  REQUIRE(recalled.matches.size() == 1);
  CHECK(recalled.matches[0].rfind("123 removed ", 0) == 0);

  CHECK(RecallText(kPoolNotice).prior.decided.empty());
}

TEST_CASE_METHOD(MemoryStore, "memory: a hide kept is kept_hide, an approval approved",
                 "[memory_store]") {
  Record(Judged("1", kSunglassesSpam, Action::kHide));
  Record(Judged("2", kPoolNotice, Action::kReview, Clause::kAbusive));
  Decide("1", false);
  Decide("2", true);
  Recollection spam = RecallText(kVariant);
  REQUIRE(spam.prior.decided.size() == 1);
  CHECK(spam.prior.decided[0].decision == HumanDecision::kKeptHide);
  Recollection pool = RecallText(kPoolNotice);
  REQUIRE(pool.prior.decided.size() == 1);
  CHECK(pool.prior.decided[0].decision == HumanDecision::kApproved);
  CHECK(pool.prior.decided[0].clauses == std::vector<Clause>{Clause::kAbusive});
}

TEST_CASE_METHOD(MemoryStore, "memory: recent near-copies within the window, not the post itself",
                 "[memory_store]") {
  Judgement first = Judged("11", kSunglassesSpam, Action::kAllow);
  first.fingerprint->topic = "Library";
  Record(first, 5000);
  Record(Judged("12", kVariant, Action::kAllow), 9000);
  Record(Judged("13", kPoolNotice, Action::kAllow), 9000);
  Recollection recalled;
  REQUIRE(MemoryRecall(store->db()).Recall(PostOf("12", kVariant), 4000, &recalled, &error));
  REQUIRE(recalled.prior.recent.size() == 1);
  CHECK(recalled.prior.recent[0].post_id == "11");
  CHECK(recalled.prior.recent[0].topic == "Library");
  CHECK(recalled.prior.recent[0].author == "spammer");
  CHECK(recalled.prior.recent[0].author_account_age_days == 1);
  recalled = {};
  REQUIRE(MemoryRecall(store->db()).Recall(PostOf("12", kVariant), 6000, &recalled, &error));
  CHECK(recalled.prior.recent.empty());  // 11 is older than the window
}

TEST_CASE_METHOD(MemoryStore, "memory: a forgotten post is no longer recalled", "[memory_store]") {
  Record(Judged("123", kSunglassesSpam, Action::kReview));
  Decide("123", false);
  bool found = false;
  REQUIRE(ForgetPost(store->db(), "123", &found, &error));
  CHECK(found);
  CHECK(RecallText(kVariant).prior.decided.empty());
  REQUIRE(ForgetPost(store->db(), "123", &found, &error));
  CHECK_FALSE(found);
}

TEST_CASE_METHOD(MemoryStore, "memory: a long-lived recall sees what other connections decide",
                 "[memory_store]") {
  Record(Judged("123", kSunglassesSpam, Action::kReview));
  MemoryRecall daemon(store->db());
  Recollection before;
  REQUIRE(daemon.Recall(PostOf("new", kVariant), 1 << 30, &before, &error));
  CHECK(before.prior.decided.empty());

  std::unique_ptr<Store> moderator = Store::Open(dir.File("s.db"), &error);
  REQUIRE(moderator);
  ReviewOutcome outcome;
  REQUIRE(moderator->ResolveReview({"123", "1", false, "", "anne", "", {}}, 2000, &outcome, &error));
  Recollection decided;
  REQUIRE(daemon.Recall(PostOf("new", kVariant), 1 << 30, &decided, &error));
  CHECK(decided.prior.decided.size() == 1);

  bool found = false;
  REQUIRE(ForgetPost(moderator->db(), "123", &found, &error));
  Recollection forgotten;
  REQUIRE(daemon.Recall(PostOf("new", kVariant), 1 << 30, &forgotten, &error));
  CHECK(forgotten.prior.decided.empty());
}

TEST_CASE_METHOD(MemoryStore, "memory: the audit names the fingerprints that judged a post",
                 "[memory_store]") {
  Judgement j = Judged("5", kVariant, Action::kReview);
  j.memory_matches = {"123 removed 4 bits"};
  Record(j);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM audit WHERE post_id = '5' AND event = 'memory' "
                           "AND evidence = 'fingerprint " + FingerprintHex(j.fingerprint->bits) +
                           " near; 123 removed 4 bits'") == 1);
}

// A store as modbot wrote it before the fingerprints table: a removed post and an
// approved one in the review queue, with their text.
constexpr const char* kStoreBeforeMemory = R"sql(
CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE verdicts (post_id TEXT PRIMARY KEY, version TEXT NOT NULL, author TEXT NOT NULL,
  action TEXT NOT NULL, clauses TEXT NOT NULL, lang TEXT NOT NULL, reasons TEXT NOT NULL,
  url TEXT NOT NULL, judged_at INTEGER NOT NULL, excerpt TEXT NOT NULL DEFAULT '');
CREATE TABLE review_queue (post_id TEXT PRIMARY KEY, action TEXT NOT NULL, clauses TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open', url TEXT NOT NULL, excerpt TEXT NOT NULL,
  created_at INTEGER NOT NULL, resolved_at INTEGER, resolved_by TEXT, note TEXT,
  topic_title TEXT NOT NULL DEFAULT '', reply_to TEXT NOT NULL DEFAULT '',
  post_text TEXT NOT NULL DEFAULT '', author_age_days INTEGER, author_post_count INTEGER,
  author_trust_level INTEGER);
INSERT INTO verdicts VALUES ('7', 'v1', 'x', 'hide', 'spam_links', 'en', '[]', 'u', 1000, '');
INSERT INTO verdicts VALUES ('8', 'v1', 'y', 'review', 'abusive', 'en', '[]', 'u', 1000, '');
INSERT INTO review_queue VALUES ('7', 'hide', 'spam_links', 'removed', 'u', 'x', 1000, 1764547200000,
  'mod_anne', '', 'Parks', '', 'Cheap Ray-Ban sunglasses, 90% off today only at bit.ly/rb90', 1, 0, 0);
INSERT INTO review_queue VALUES ('8', 'review', 'abusive', 'approved', 'u', 'x', 1000, 1764547200000,
  'mod_bob', '', 'Pool', '', 'The outdoor pool opens on Saturday at nine, bring a towel.', 900, 5, 2);
)sql";

TEST_CASE("memory: a store from before the fingerprints remembers its past decisions",
          "[memory_store]") {
  TempDir dir;
  const std::string path = dir.File("old.db");
  testing::ExecOnFile(path, kStoreBeforeMemory);
  std::string error;
  std::unique_ptr<Store> store = Store::Open(path, &error);
  REQUIRE(store);
  Recollection spam, pool;
  MemoryRecall recall(store->db());
  REQUIRE(recall.Recall(PostOf("new", kVariant), 0, &spam, &error));
  REQUIRE(spam.prior.decided.size() == 1);
  CHECK(spam.prior.decided[0].decision == HumanDecision::kKeptHide);
  CHECK(spam.prior.decided[0].moderator == "mod_anne");
  REQUIRE(recall.Recall(PostOf("new", kPoolNotice), 0, &pool, &error));
  REQUIRE(pool.prior.decided.size() == 1);
  CHECK(pool.prior.decided[0].decision == HumanDecision::kApproved);
  CHECK(Count(store.get(), "SELECT value FROM state WHERE key = 'fingerprint_schema'") == 1);

  // Opening it again neither duplicates nor drops anything.
  store.reset();
  store = Store::Open(path, &error);
  REQUIRE(store);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM fingerprints WHERE decision IS NOT NULL") == 2);
}

TEST_CASE("memory: a store whose fingerprints a newer modbot wrote is refused",
          "[memory_store]") {
  TempDir dir;
  const std::string path = dir.File("new.db");
  std::string error;
  REQUIRE(Store::Open(path, &error));
  testing::ExecOnFile(path, "UPDATE state SET value = '2' WHERE key = 'fingerprint_schema'");
  CHECK_FALSE(Store::Open(path, &error));
  CHECK(error.find("fingerprints table is at schema version 2") != std::string::npos);
}

}  // namespace
}  // namespace modbot
