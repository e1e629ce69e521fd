#include "bot/store.h"

#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <sys/stat.h>

#include "tests/daemon_test_support.h"
#include "tests/forum_fixture.h"

namespace modbot {
namespace {

using testing::Count;
using testing::TempDir;

Judgement Hidden(const std::string& id, const std::string& version = "1") {
  Judgement j;
  j.post_id = id;
  j.version = version;
  j.author = "alice";
  j.url = "http://forum/t/x/1/" + id;
  j.verdict.post_id = id;
  j.verdict.action = Action::kHide;
  j.verdict.clauses = {Clause::kSpamLinks};
  j.verdict.lang = "en";
  j.verdict.reasons = {{Clause::kSpamLinks, "links.shortener", 0.97, "bit.ly/x"}};
  j.cursor = id;
  j.actions = {{ActionKind::kHide, R"({"reason":"r","clause":"spam_links"})"},
               {ActionKind::kNotify, R"({"username":"alice","title":"t","body":"b"})"}};
  j.local_review = true;
  return j;
}

// A store in a fresh directory; Judge records a post judged hide at time 1000.
struct FreshStore {
  TempDir dir;
  std::string error;
  std::unique_ptr<Store> store = Store::Open(dir.File("s.db"), &error);

  void Judge(const std::string& post_id) {
    REQUIRE(store);
    REQUIRE(store->RecordJudgement(Hidden(post_id), 1000, &error));
  }
};

TEST_CASE("the cursor moves only with the verdict and its actions", "[store]") {
  TempDir dir;
  std::string error, cursor;
  {
    std::unique_ptr<Store> store = Store::Open(dir.File("s.db"), &error);
    REQUIRE(store);
    REQUIRE(store->GetCursor(&cursor, &error));
    CHECK(cursor.empty());
    REQUIRE(store->RecordJudgement(Hidden("7"), 1000, &error));
    REQUIRE(store->GetCursor(&cursor, &error));
    CHECK(cursor == "7");

    // A judgement that fails half way (an action kind the schema refuses) leaves
    // no trace: no verdict, no audit row, no cursor move.
    sqlite3_exec(store->db(), "CREATE TRIGGER fail BEFORE INSERT ON audit WHEN NEW.post_id = '8' "
                              "BEGIN SELECT RAISE(ABORT, 'disk full'); END",
                 nullptr, nullptr, nullptr);
    CHECK_FALSE(store->RecordJudgement(Hidden("8"), 1000, &error));
    CHECK(error == "disk full");
    REQUIRE(store->GetCursor(&cursor, &error));
    CHECK(cursor == "7");
    CHECK(Count(store.get(), "SELECT COUNT(*) FROM verdicts WHERE post_id = '8'") == 0);
    CHECK(Count(store.get(), "SELECT COUNT(*) FROM outbox WHERE post_id = '8'") == 0);
  }
  // Reopened, the store resumes exactly there.
  std::unique_ptr<Store> store = Store::Open(dir.File("s.db"), &error);
  REQUIRE(store);
  REQUIRE(store->GetCursor(&cursor, &error));
  CHECK(cursor == "7");
  std::optional<std::string> version;
  REQUIRE(store->JudgedVersion("7", &version, &error));
  CHECK(version == "1");
  std::vector<OutboxEntry> due;
  REQUIRE(store->DueActions(2000, 10, &due, &error));
  CHECK(due.size() == 1);  // the hide; its notice waits for it
  sqlite3_stmt* mode = nullptr;
  REQUIRE(sqlite3_prepare_v2(store->db(), "PRAGMA journal_mode", -1, &mode, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(mode) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(mode, 0))) == "wal");
  sqlite3_finalize(mode);
}

TEST_CASE_METHOD(FreshStore, "an attempt is counted before it is made, and retried when due",
                 "[store]") {
  Judge("1");
  std::vector<OutboxEntry> due;
  REQUIRE(store->DueActions(1000, 10, &due, &error));
  REQUIRE(due.size() == 1);
  CHECK(due[0].kind == ActionKind::kHide);
  CHECK(due[0].attempts == 0);

  bool claimed = false;
  REQUIRE(store->BeginAttempt(due[0], 5000, &claimed, &error));
  CHECK(claimed);
  // Another executor that read the same entry before the claim does not get it.
  REQUIRE(store->BeginAttempt(due[0], 5000, &claimed, &error));
  CHECK_FALSE(claimed);
  // As after a crash during the attempt: not due before 5000, then due as a retry.
  due.clear();
  REQUIRE(store->DueActions(4999, 10, &due, &error));
  CHECK(due.empty());
  REQUIRE(store->DueActions(5000, 10, &due, &error));
  REQUIRE(due.size() == 1);
  CHECK(due[0].attempts == 1);

  REQUIRE(store->MarkRetry(due[0], "HTTP 500", 9000, 5000, &error));
  std::optional<int64_t> next;
  REQUIRE(store->NextDue(&next, &error));
  CHECK(next == 9000);
  due.clear();
  REQUIRE(store->DueActions(9000, 10, &due, &error));
  REQUIRE(due.size() == 1);
  CHECK(due[0].last_error == "HTTP 500");
  REQUIRE(store->MarkDone(due[0], "done", 9000, &error));
  due.clear();
  REQUIRE(store->DueActions(9000, 10, &due, &error));
  REQUIRE(due.size() == 1);
  CHECK(due[0].kind == ActionKind::kNotify);
  REQUIRE(store->MarkDone(due[0], "done", 9000, &error));
  REQUIRE(store->NextDue(&next, &error));
  CHECK_FALSE(next);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM audit WHERE event = 'hide'") == 2);
}

TEST_CASE_METHOD(FreshStore, "hides go out before notices", "[store]") {
  Judge("1");
  Judge("2");
  std::vector<OutboxEntry> due;
  REQUIRE(store->DueActions(1000, 10, &due, &error));
  REQUIRE(due.size() == 2);  // a notice waits for its post's hide
  CHECK((due[0].post_id == "1" && due[0].kind == ActionKind::kHide));
  CHECK((due[1].post_id == "2" && due[1].kind == ActionKind::kHide));
  for (const OutboxEntry& hide : due) REQUIRE(store->MarkDone(hide, "done", 1000, &error));
  due.clear();
  REQUIRE(store->DueActions(1000, 10, &due, &error));
  REQUIRE(due.size() == 2);
  CHECK((due[0].post_id == "1" && due[0].kind == ActionKind::kNotify));
  CHECK((due[1].post_id == "2" && due[1].kind == ActionKind::kNotify));
}

TEST_CASE_METHOD(FreshStore, "no notice for a hide still retrying or failed for good", "[store]") {
  Judge("1");
  std::vector<OutboxEntry> due;
  REQUIRE(store->DueActions(1000, 10, &due, &error));
  REQUIRE(due.size() == 1);
  const OutboxEntry hide = due[0];
  REQUIRE(store->MarkRetry(hide, "HTTP 502", 5000, 1000, &error));

  due.clear();
  REQUIRE(store->DueActions(2000, 10, &due, &error));
  CHECK(due.empty());  // the notice is older than 5000 but its hide is not done
  std::optional<int64_t> next;
  REQUIRE(store->NextDue(&next, &error));
  CHECK(next == 5000);

  REQUIRE(store->MarkFailed(hide, "HTTP 403", 5000, &error));
  due.clear();
  REQUIRE(store->DueActions(9000, 10, &due, &error));
  CHECK(due.empty());
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM outbox WHERE kind = 'notify' AND "
                           "state = 'failed' AND last_error = 'not sent: the hide failed'") == 1);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM notices_sent") == 0);
}

TEST_CASE_METHOD(FreshStore, "a post's pending actions count the notice waiting for its hide",
                 "[store]") {
  Judge("1");
  Judge("2");
  int64_t pending = 0;
  REQUIRE(store->PendingActionCount("1", &pending, &error));
  CHECK(pending == 2);
  std::vector<OutboxEntry> due;
  REQUIRE(store->DueActionsFor("1", 1000, &due, &error));
  REQUIRE(due.size() == 1);
  REQUIRE(store->MarkRetry(due[0], "HTTP 502", 5000, 1000, &error));
  REQUIRE(store->PendingActionCount("1", &pending, &error));
  CHECK(pending == 2);  // not due, and not ready: still pending
  REQUIRE(store->MarkFailed(due[0], "HTTP 403", 5000, &error));
  REQUIRE(store->PendingActionCount("1", &pending, &error));
  CHECK(pending == 0);  // the failed hide took its notice with it
  REQUIRE(store->PendingActionCount("2", &pending, &error));
  CHECK(pending == 2);
}

TEST_CASE_METHOD(FreshStore,
                 "a gone post's notice is cancelled, a gone author's is not recorded as sent",
                 "[store]") {
  Judge("1");
  Judge("2");
  std::vector<OutboxEntry> due;
  REQUIRE(store->DueActionsFor("1", 1000, &due, &error));
  REQUIRE(due.size() == 1);
  REQUIRE(store->MarkGone(due[0], "HTTP 404", 1000, &error));
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM outbox WHERE post_id = '1' AND state = 'pending'") == 0);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM audit WHERE post_id = '1' AND event = 'notify' AND "
                           "outcome LIKE 'cancelled: %'") == 1);

  due.clear();
  REQUIRE(store->DueActionsFor("2", 1000, &due, &error));
  REQUIRE(store->MarkDone(due[0], "done", 1000, &error));
  due.clear();
  REQUIRE(store->DueActionsFor("2", 1000, &due, &error));
  REQUIRE(due.size() == 1);
  REQUIRE(due[0].kind == ActionKind::kNotify);
  REQUIRE(store->MarkGone(due[0], "no member named alice", 1000, &error));
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM notices_sent") == 0);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM audit WHERE post_id = '2' AND event = 'notify' AND "
                           "outcome = 'gone: no member named alice'") == 1);
}

TEST_CASE_METHOD(FreshStore, "a post's author is notified at most once", "[store]") {
  REQUIRE(store->RecordJudgement(Hidden("1", "1"), 1000, &error));
  // The post is edited and hidden again: a new hide, but no second notice.
  Judgement again = Hidden("1", "2");
  again.cursor.reset();
  REQUIRE(store->RecordJudgement(again, 2000, &error));
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM outbox WHERE kind = 'hide'") == 2);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM outbox WHERE kind = 'notify'") == 1);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM verdicts") == 1);

  OutboxEntry last;  // the notice: it comes due once the hides are done
  for (;;) {
    std::vector<OutboxEntry> due;
    REQUIRE(store->DueActions(3000, 10, &due, &error));
    if (due.empty()) break;
    for (const OutboxEntry& e : due) REQUIRE(store->MarkDone(e, "done", 3000, &error));
    last = due.back();
  }
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM notices_sent WHERE post_id = '1'") == 1);
  // Recording a notice twice is refused by the schema itself.
  OutboxEntry twice = last;
  REQUIRE(twice.kind == ActionKind::kNotify);
  CHECK_FALSE(store->MarkDone(twice, "done", 4000, &error));
}

TEST_CASE_METHOD(FreshStore, "the local review queue: list, approve restores, remove hides",
                 "[store]") {
  Judge("1");
  Judgement review = Hidden("2");
  review.verdict.action = Action::kReview;
  review.actions.clear();
  REQUIRE(store->RecordJudgement(review, 1100, &error));

  std::vector<ReviewItem> items;
  REQUIRE(store->ListReview(true, &items, &error));
  REQUIRE(items.size() == 2);
  CHECK(items[0].action == "hide");
  CHECK(items[1].clauses == "spam_links");

  ReviewOutcome outcome;
  REQUIRE(store->ResolveReview({"1", "1", true, "", "mod", "ok", {{ActionKind::kRestore, "{}"}}},
                               2000, &outcome, &error));
  CHECK(outcome == ReviewOutcome::kRecorded);
  REQUIRE(store->ResolveReview({"2", "1", false, "spam_links", "mod", "spam",
                                {{ActionKind::kHide, R"({"reason":"r"})"}}},
                               2000, &outcome, &error));
  CHECK(outcome == ReviewOutcome::kRecorded);
  REQUIRE(store->ResolveReview({"3", "1", true, "", "mod", "", {}}, 2000, &outcome, &error));
  CHECK(outcome == ReviewOutcome::kNotQueued);
  // Deciding again changes nothing and queues nothing.
  REQUIRE(store->ResolveReview({"2", "1", true, "", "other", "", {{ActionKind::kRestore, "{}"}}},
                               3000, &outcome, &error));
  CHECK(outcome == ReviewOutcome::kAlreadyDecided);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM outbox WHERE kind = 'restore' AND post_id = '2'") == 0);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM outbox WHERE kind = 'restore' AND post_id = '1'") == 1);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM outbox WHERE kind = 'hide' AND post_id = '2'") == 1);
  items.clear();
  REQUIRE(store->ListReview(true, &items, &error));
  CHECK(items.empty());
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM audit WHERE actor = 'mod'") == 2);
}

// The mode of the file at path, permission bits only.
mode_t ModeOf(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

TEST_CASE("a new store's files take their mode from the umask", "[store]") {
  // The systemd unit runs with UMask=0007 so that moderators in the service's group
  // can write the store; SQLite alone would create it 0644 whatever the umask.
  struct UmaskGuard {
    mode_t old;
    explicit UmaskGuard(mode_t mask) : old(::umask(mask)) {}
    ~UmaskGuard() { ::umask(old); }
  };
  TempDir dir;
  std::string error;
  for (auto [mask, expected] : {std::pair<mode_t, mode_t>{0007, 0660}, {0022, 0644}}) {
    UmaskGuard guard(mask);
    std::string path = dir.File("umask-" + std::to_string(mask) + ".db");
    std::unique_ptr<Store> store = Store::Open(path, &error);
    REQUIRE(store);
    REQUIRE(store->RecordJudgement(Hidden("1"), 1000, &error));
    for (const char* suffix : {"", "-wal", "-shm"}) {
      INFO("umask " << mask << ", file " << path + suffix);
      CHECK(ModeOf(path + suffix) == expected);
    }
  }
}

}  // namespace
}  // namespace modbot

namespace modbot {
namespace {

// The review_queue and verdicts tables as the first release created them,
// before the store kept the post in context.
constexpr const char* kFirstReleaseSchema = R"sql(
CREATE TABLE verdicts (post_id TEXT PRIMARY KEY, version TEXT NOT NULL, author TEXT NOT NULL,
  action TEXT NOT NULL, clauses TEXT NOT NULL, lang TEXT NOT NULL, reasons TEXT NOT NULL,
  url TEXT NOT NULL, judged_at INTEGER NOT NULL);
CREATE TABLE review_queue (post_id TEXT PRIMARY KEY,
  action TEXT NOT NULL CHECK (action IN ('review', 'hide')), clauses TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'removed')),
  url TEXT NOT NULL, excerpt TEXT NOT NULL, created_at INTEGER NOT NULL,
  resolved_at INTEGER, resolved_by TEXT, note TEXT);
INSERT INTO verdicts VALUES ('7', '1', 'alice', 'review', 'abusive', 'en',
  '[{"clause":"abusive","rule":"r","score":0.6,"evidence":"rude"}]', 'http://f/7', 1000);
INSERT INTO review_queue (post_id, action, clauses, url, excerpt, created_at)
  VALUES ('7', 'review', 'abusive', 'http://f/7', 'you are rude', 1000);
)sql";

TEST_CASE("a store from before the post context is migrated when opened", "[store]") {
  TempDir dir;
  const std::string path = dir.File("old.db");
  testing::ExecOnFile(path, kFirstReleaseSchema);
  std::string error;
  std::unique_ptr<Store> store = Store::Open(path, &error);
  REQUIRE(store);
  // The old entry is still there, with an empty context.
  std::optional<ReviewItem> old;
  REQUIRE(store->GetReview("7", &old, &error));
  REQUIRE(old);
  CHECK(old->excerpt == "you are rude");
  CHECK(old->context.text.empty());
  CHECK_FALSE(old->context.author_account_age_days);

  // New judgements keep their context, and the file opens again unchanged.
  Judgement j = Hidden("8");
  j.local_review = true;
  j.context = {"Parks", "the post replied to", "the whole text", 3, 0, std::nullopt};
  REQUIRE(store->RecordJudgement(j, 2000, &error));
  store.reset();
  store = Store::Open(path, &error);
  REQUIRE(store);
  std::optional<ReviewItem> item;
  REQUIRE(store->GetReview("8", &item, &error));
  REQUIRE(item);
  CHECK(item->context.topic_title == "Parks");
  CHECK(item->context.reply_to == "the post replied to");
  CHECK(item->context.text == "the whole text");
  CHECK(item->context.author_account_age_days == 3);
  CHECK(item->context.author_post_count == 0);
  CHECK_FALSE(item->context.author_trust_level);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM pragma_table_info('review_queue') "
                           "WHERE name = 'post_text'") == 1);
}

}  // namespace
}  // namespace modbot
