// What the daemon's end-to-end tests share, whatever the forum: a judge whose
// verdicts are known in advance and a way to count rows in the store.
#ifndef MODBOT_TESTS_DAEMON_TEST_SUPPORT_H_
#define MODBOT_TESTS_DAEMON_TEST_SUPPORT_H_

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <string>

#include "bot/store.h"
#include "policy/post.h"
#include "policy/verdict.h"

namespace modbot::testing {

// Hides posts that say "SPAM", sends posts that say "RUDE" to review; a post that
// says "bonjour" is French.
inline Verdict KeywordJudge(const Post& post) {
  Verdict v;
  v.lang = post.body.own_text.find("bonjour") != std::string::npos ? "fr" : "en";
  if (post.body.own_text.find("SPAM") != std::string::npos) {
    v.action = Action::kHide;
    v.clauses = {Clause::kSpamLinks};
    v.reasons = {{Clause::kSpamLinks, "links.shortener", 0.97, "bit.ly/x"}};
  } else if (post.body.own_text.find("RUDE") != std::string::npos) {
    v.action = Action::kReview;
    v.clauses = {Clause::kAbusive};
    v.reasons = {{Clause::kAbusive, "lexicon.insult", 0.6, "rude"}};
  }
  return v;
}

inline long long Count(Store* store, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(store->db(), sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  long long n = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  return n;
}

}  // namespace modbot::testing

#endif  // MODBOT_TESTS_DAEMON_TEST_SUPPORT_H_
