#include "bot/review_decision.h"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <atomic>
#include <thread>

#include <nlohmann/json.hpp>

#include "tests/daemon_test_support.h"
#include "tests/forum_fixture.h"

namespace modbot {
namespace {

using testing::Count;
using testing::TempDir;

std::string Payload(Store* store, const std::string& post_id, const std::string& kind) {
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(store->db(), "SELECT payload FROM outbox WHERE post_id = ? AND kind = ?",
                             -1, &stmt, nullptr) == SQLITE_OK);
  sqlite3_bind_text(stmt, 1, post_id.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(stmt, 2, kind.c_str(), -1, SQLITE_TRANSIENT);
  std::string out;
  if (sqlite3_step(stmt) == SQLITE_ROW) out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  sqlite3_finalize(stmt);
  return out;
}

// Records what the daemon records for a post the bot hid or queued.
void Queue(Store* store, const std::string& id, Action action, const std::string& version = "1") {
  Judgement j;
  j.post_id = id;
  j.version = version;
  j.author = "benoit";
  j.url = "http://forum/t/parks/1/" + id;
  j.excerpt = "Vous êtes des clowns";
  j.verdict.post_id = id;
  j.verdict.action = action;
  j.verdict.clauses = {Clause::kAbusive};
  j.verdict.lang = "fr";
  j.verdict.reasons = {{Clause::kAbusive, "lexicon.insult", 0.6, "clowns"}};
  if (action == Action::kHide) {
    j.actions = {{ActionKind::kHide, R"({"reason":"r","clause":"abusive"})"},
                 {ActionKind::kNotify, R"({"username":"benoit","title":"t","body":"b"})"}};
  }
  j.local_review = true;
  std::string error;
  REQUIRE(store->RecordJudgement(j, 1000, &error));
}

ReviewOutcome Decide(Store* store, const ModeratorDecision& d) {
  ReviewOutcome outcome = ReviewOutcome::kNotQueued;
  std::string error;
  REQUIRE(DecideReview(store, {}, d, 2000, &outcome, &error));
  return outcome;
}

TEST_CASE("approving a post the bot hid restores it; a queued one is left alone", "[review]") {
  TempDir dir;
  std::string error;
  std::unique_ptr<Store> store = Store::Open(dir.File("s.db"), &error);
  Queue(store.get(), "1", Action::kHide);
  Queue(store.get(), "2", Action::kReview);
  CHECK(Decide(store.get(), {"1", true, "anne", std::nullopt, "a joke between neighbours"}) ==
        ReviewOutcome::kRecorded);
  CHECK(Decide(store.get(), {"2", true, "anne", std::nullopt, ""}) == ReviewOutcome::kRecorded);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM outbox WHERE kind = 'restore' AND post_id = '1'") == 1);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM outbox WHERE post_id = '2'") == 0);

  std::optional<ReviewItem> item;
  REQUIRE(store->GetReview("1", &item, &error));
  REQUIRE(item);
  CHECK(item->status == "approved");
  CHECK(item->resolved_by == "anne");
  CHECK(item->resolved_at == 2000);
  CHECK(item->note == "a joke between neighbours");
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM audit WHERE event = 'approve' AND actor = 'anne' "
                           "AND evidence = 'a joke between neighbours'") == 1);
}

TEST_CASE("removing a queued post hides it and notifies its author once", "[review]") {
  TempDir dir;
  std::string error;
  std::unique_ptr<Store> store = Store::Open(dir.File("s.db"), &error);
  Queue(store.get(), "2", Action::kReview);
  CHECK(Decide(store.get(), {"2", false, "anne", Clause::kStaffHarassment, "insults the lifeguards"}) ==
        ReviewOutcome::kRecorded);
  nlohmann::json hide = nlohmann::json::parse(Payload(store.get(), "2", "hide"));
  CHECK(hide["clause"] == "staff_harassment");
  CHECK(hide["reason"].get<std::string>().find("Removed by moderator anne") != std::string::npos);
  nlohmann::json notice = nlohmann::json::parse(Payload(store.get(), "2", "notify"));
  CHECK(notice["username"] == "benoit");
  CHECK(notice["title"] == "Votre message n° 2 a été masqué");  // the post's language
  CHECK(notice["body"].get<std::string>().find("Principe 5 : ") != std::string::npos);
  CHECK(notice["body"].get<std::string>().find("Vous êtes des clowns") != std::string::npos);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM audit WHERE event = 'remove' AND "
                           "clause = 'staff_harassment' AND actor = 'anne'") == 1);
}

TEST_CASE("removing a post the bot hid sends no second notice and no second hide", "[review]") {
  TempDir dir;
  std::string error;
  std::unique_ptr<Store> store = Store::Open(dir.File("s.db"), &error);
  Queue(store.get(), "1", Action::kHide);
  CHECK(Decide(store.get(), {"1", false, "anne", std::nullopt, ""}) == ReviewOutcome::kRecorded);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM outbox WHERE kind = 'hide'") == 1);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM outbox WHERE kind = 'notify'") == 1);
}

TEST_CASE("unknown, decided and re-judged posts are refused without any action", "[review]") {
  TempDir dir;
  std::string error;
  std::unique_ptr<Store> store = Store::Open(dir.File("s.db"), &error);
  Queue(store.get(), "1", Action::kHide);
  CHECK(Decide(store.get(), {"9", true, "anne", std::nullopt, ""}) == ReviewOutcome::kNotQueued);
  CHECK(Decide(store.get(), {"1", true, "anne", std::nullopt, ""}) == ReviewOutcome::kRecorded);
  CHECK(Decide(store.get(), {"1", false, "marc", std::nullopt, ""}) == ReviewOutcome::kAlreadyDecided);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM outbox WHERE post_id = '1'") == 3);  // hide, notify, restore

  std::optional<ReviewItem> item;
  REQUIRE(store->GetReview("1", &item, &error));
  CHECK(DescribeRefusal("1", ReviewOutcome::kAlreadyDecided, item) ==
        "post 1 was already approved by anne at 1970-01-01T00:00:02Z; nothing changed");

  // The moderator looked at version 1; the author edited it and the bot judged v2.
  Queue(store.get(), "3", Action::kReview, "1");
  ReviewOutcome outcome;
  Queue(store.get(), "3", Action::kReview, "2");
  REQUIRE(store->ResolveReview({"3", "1", false, "abusive", "anne", "", {{ActionKind::kHide, "{}"}}},
                               3000, &outcome, &error));
  CHECK(outcome == ReviewOutcome::kRejudged);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM outbox WHERE post_id = '3'") == 0);
}

TEST_CASE("two moderators deciding the same post at once: exactly one decision", "[review]") {
  TempDir dir;
  std::string error;
  const std::string path = dir.File("s.db");
  {
    std::unique_ptr<Store> store = Store::Open(path, &error);
    for (int i = 0; i < 40; ++i) Queue(store.get(), std::to_string(i), Action::kReview);
  }
  // Two processes' worth of connections, racing on every post.
  std::atomic<int> recorded{0}, refused{0}, failed{0};
  auto moderator = [&](const std::string& name, bool approve) {
    std::string e;
    std::unique_ptr<Store> store = Store::Open(path, &e);
    for (int i = 0; i < 40; ++i) {
      ReviewOutcome outcome;
      if (!DecideReview(store.get(), {}, {std::to_string(i), approve, name, std::nullopt, ""},
                        NowMillis(), &outcome, &e)) {
        ++failed;
      } else if (outcome == ReviewOutcome::kRecorded) {
        ++recorded;
      } else if (outcome == ReviewOutcome::kAlreadyDecided) {
        ++refused;
      }
    }
  };
  std::thread anne(moderator, "anne", false), marc(moderator, "marc", true);
  anne.join();
  marc.join();
  CHECK(failed == 0);
  CHECK(recorded == 40);
  CHECK(refused == 40);
  std::unique_ptr<Store> store = Store::Open(path, &error);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM audit WHERE event IN ('approve', 'remove')") == 40);
  // Every removal, and only those, queued a hide and a notice.
  const long long removed = Count(store.get(), "SELECT COUNT(*) FROM review_queue WHERE status = 'removed'");
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM outbox WHERE kind = 'hide'") == removed);
  CHECK(Count(store.get(), "SELECT COUNT(*) FROM outbox WHERE kind = 'notify'") == removed);
}

}  // namespace
}  // namespace modbot
