#include "bot/memory_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <bit>
#include <cstdio>

#include "bot/clause_list.h"
#include "bot/iso_time.h"
#include "bot/sqlite_statement.h"
#include "policy/fingerprint.h"

namespace modbot {

namespace {

// Version 1: SimHash-128 over character 4-grams of the skeleton (policy/fingerprint.h).
// A new fingerprint function is a new version, and its migration recomputes the
// fingerprints from the texts the store kept.
constexpr int kFingerprintSchema = 1;

constexpr const char* kMemorySchema = R"sql(
CREATE TABLE IF NOT EXISTS fingerprints (
  post_id         TEXT PRIMARY KEY,
  fingerprint     INTEGER NOT NULL,  -- policy/fingerprint.h: its high 64 bits, as signed
  fingerprint_low INTEGER NOT NULL,  -- and its low 64 bits
  author          TEXT NOT NULL,
  author_age_days INTEGER,           -- as it was when the post was judged
  topic           TEXT NOT NULL,     -- the topic's title
  clauses         TEXT NOT NULL,     -- what modbot flagged, space-separated clause ids
  judged_at       INTEGER NOT NULL,
  decision        TEXT CHECK (decision IN ('removed', 'kept_hide', 'approved')),  -- NULL: none
  decided_clauses TEXT,              -- removed/kept: what for; approved: what was overruled
  decided_by      TEXT,
  decided_at      INTEGER
);
CREATE INDEX IF NOT EXISTS fingerprints_decided ON fingerprints (fingerprint, fingerprint_low)
  WHERE decision IS NOT NULL;
CREATE INDEX IF NOT EXISTS fingerprints_recent ON fingerprints (judged_at);
)sql";

int64_t AsColumn(uint64_t bits) { return std::bit_cast<int64_t>(bits); }
uint64_t FromColumn(int64_t value) { return std::bit_cast<uint64_t>(value); }

Fingerprint FromColumns(int64_t high, int64_t low) { return {FromColumn(high), FromColumn(low)}; }

extern "C" void HammingFunction(sqlite3_context* context, int, sqlite3_value** args) {
  sqlite3_result_int(context, FingerprintDistance(FromColumns(sqlite3_value_int64(args[0]),
                                                              sqlite3_value_int64(args[1])),
                                                  FromColumns(sqlite3_value_int64(args[2]),
                                                              sqlite3_value_int64(args[3]))));
}

bool Exec(sqlite3* db, const std::string& sql, std::string* error) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return true;
  *error = message ? message : "sqlite error";
  sqlite3_free(message);
  return false;
}

// The schema version of the fingerprints table: 0 when there is none.
bool SchemaVersion(sqlite3* db, int* version, std::string* error) {
  Stmt s(db, "SELECT value FROM state WHERE key = 'fingerprint_schema'");
  int rc = s.Step();
  if (s.Failed(rc, error)) return false;
  *version = rc == SQLITE_ROW ? std::atoi(s.Text(0).c_str()) : 0;
  return true;
}

// Fingerprints the decided posts of a store from before the table: their own
// words as the review queue kept them, or else the verdict's excerpt.
bool Backfill(sqlite3* db, std::string* error) {
  Stmt decided(db,
               "SELECT v.post_id, v.author, v.clauses, COALESCE(r.topic_title, ''), "
               "COALESCE(NULLIF(r.post_text, ''), v.excerpt), r.author_age_days, "
               "r.status = 'approved', r.resolved_by, r.resolved_at, v.judged_at "
               "FROM review_queue r JOIN verdicts v USING (post_id) WHERE r.status <> 'open'");
  int rc;
  while ((rc = decided.Step()) == SQLITE_ROW) {
    std::optional<Fingerprint> bits = TextFingerprint(decided.Text(4));
    if (!bits) continue;
    const std::string post_id = decided.Text(0);
    if (!RememberPost(db, post_id, decided.Text(1), decided.Text(2),
                      {*bits, decided.Text(3), decided.OptionalInt(5)}, decided.Int(9), error) ||
        !RememberDecision(db, post_id, decided.Int(6) != 0, "", decided.Text(7), decided.Int(8),
                          error)) {
      return false;
    }
  }
  return !decided.Failed(rc, error);
}

// The indexes of the prints within kNearCopyDistance of target. Built twice, and
// picked when the program loads: with the popcnt instruction, which nearly every
// x86-64 CPU since 2008 has but the baseline x86-64 target leaves out (a library
// call instead, ten times slower over 100k prints), and without it.
#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target_clones("popcnt", "default")))
#endif
std::vector<size_t> NearCopies(const std::vector<Fingerprint>& prints, Fingerprint target) {
  std::vector<size_t> near;
  for (size_t i = 0; i < prints.size(); ++i) {
    if (FingerprintDistance(prints[i], target) <= kNearCopyDistance) near.push_back(i);
  }
  return near;
}

}  // namespace

std::string FingerprintHex(const Fingerprint& fingerprint) {
  char out[33];
  std::snprintf(out, sizeof out, "%016llx%016llx",
                static_cast<unsigned long long>(fingerprint.high),
                static_cast<unsigned long long>(fingerprint.low));
  return out;
}

bool MigrateMemory(sqlite3* db, std::string* error) {
  if (sqlite3_create_function(db, "hamming", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                              HammingFunction, nullptr, nullptr) != SQLITE_OK) {
    *error = std::string("cannot register hamming(): ") + sqlite3_errmsg(db);
    return false;
  }
  int version = 0;
  if (!SchemaVersion(db, &version, error)) return false;
  if (version > kFingerprintSchema) {
    *error = "the fingerprints table is at schema version " + std::to_string(version) +
             ", newer than this modbot's " + std::to_string(kFingerprintSchema) +
             ": use the modbot that wrote it";
    return false;
  }
  if (version == kFingerprintSchema) return true;
  return Exec(db, kMemorySchema, error) && Backfill(db, error) &&
         Stmt(db, "INSERT INTO state (key, value) VALUES ('fingerprint_schema', ?) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
             .Bind(1, std::to_string(kFingerprintSchema))
             .Run(error);
}

bool RememberPost(sqlite3* db, const std::string& post_id, const std::string& author,
                  const std::string& clauses, const PostFingerprint& fingerprint, int64_t now,
                  std::string* error) {
  return Stmt(db,
              "INSERT OR REPLACE INTO fingerprints (post_id, fingerprint, fingerprint_low, author, "
              "author_age_days, topic, clauses, judged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .Bind(1, post_id).Bind(2, AsColumn(fingerprint.bits.high))
      .Bind(3, AsColumn(fingerprint.bits.low)).Bind(4, author)
      .Bind(5, fingerprint.author_account_age_days).Bind(6, fingerprint.topic).Bind(7, clauses)
      .Bind(8, now)
      .Run(error);
}

bool RememberDecision(sqlite3* db, const std::string& post_id, bool approve,
                      const std::string& clause, const std::string& actor, int64_t now,
                      std::string* error) {
  // Every MemoryRecall, in this process or another, reads the decided rows again.
  if (!Exec(db, "INSERT INTO state (key, value) VALUES ('memory_generation', 1) "
                "ON CONFLICT (key) DO UPDATE SET value = value + 1",
            error)) {
    return false;
  }
  // A hide a human keeps is worth more than a removal: modbot and a person agreed.
  return Stmt(db,
              "UPDATE fingerprints SET "
              "decision = CASE WHEN ?1 THEN 'approved' "
              "  WHEN (SELECT action FROM verdicts v WHERE v.post_id = fingerprints.post_id) "
              "       = 'hide' THEN 'kept_hide' ELSE 'removed' END, "
              "decided_clauses = CASE WHEN ?1 OR ?2 = '' THEN clauses ELSE ?2 END, "
              "decided_by = ?3, decided_at = ?4 WHERE post_id = ?5")
      .Bind(1, int64_t{approve}).Bind(2, clause).Bind(3, actor).Bind(4, now).Bind(5, post_id)
      .Run(error);
}

bool MemoryRecall::Refresh(std::string* error) {
  Stmt version(db_, "SELECT value FROM state WHERE key = 'memory_generation'");
  int rc = version.Step();
  if (version.Failed(rc, error)) return false;
  const std::string generation = rc == SQLITE_ROW ? version.Text(0) : "";
  if (generation_ == generation) return true;
  std::vector<Fingerprint> decided;
  std::vector<int64_t> rowids;
  Stmt rows(db_, "SELECT fingerprint, fingerprint_low, rowid FROM fingerprints "
                 "WHERE decision IS NOT NULL");
  while ((rc = rows.Step()) == SQLITE_ROW) {
    decided.push_back(FromColumns(rows.Int(0), rows.Int(1)));
    rowids.push_back(rows.Int(2));
  }
  if (rows.Failed(rc, error)) return false;
  decided_ = std::move(decided);
  decided_rowids_ = std::move(rowids);
  generation_ = generation;
  return true;
}

bool MemoryRecall::Recall(const Post& post, int64_t recent_since, Recollection* out,
                          std::string* error) {
  sqlite3* db = db_;
  out->fingerprint = TextFingerprint(post.body.own_text);
  if (!out->fingerprint) return true;
  const Fingerprint fingerprint = *out->fingerprint;
  const std::string& post_id = post.id;
  if (!Refresh(error)) return false;
  for (size_t candidate : NearCopies(decided_, fingerprint)) {
    Stmt row(db,
             "SELECT post_id, decision, decided_clauses, decided_by, decided_at, "
             "hamming(fingerprint, fingerprint_low, ?1, ?2) FROM fingerprints "
             "WHERE rowid = ?3 AND decision IS NOT NULL AND post_id <> ?4 "
             "AND hamming(fingerprint, fingerprint_low, ?1, ?2) <= ?5");
    row.Bind(1, AsColumn(fingerprint.high)).Bind(2, AsColumn(fingerprint.low))
        .Bind(3, decided_rowids_[candidate]).Bind(4, post_id).Bind(5, int64_t{kNearCopyDistance});
    const int rc = row.Step();
    if (row.Failed(rc, error)) return false;
    if (rc != SQLITE_ROW) continue;  // forgotten or re-judged since
    DecidedCopy copy;
    copy.post_id = row.Text(0);
    copy.decision = HumanDecisionFromName(row.Text(1)).value_or(HumanDecision::kRemoved);
    copy.clauses = ClausesOf(row.Text(2));
    copy.moderator = row.Text(3);
    copy.decided_on = FormatIsoTime(row.Int(4)).substr(0, 10);
    copy.distance = static_cast<int>(row.Int(5));
    out->matches.push_back(copy.post_id + " " + row.Text(1) + " " +
                           std::to_string(copy.distance) + " bits");
    out->prior.decided.push_back(std::move(copy));
  }
  // Nearest first.
  std::stable_sort(out->prior.decided.begin(), out->prior.decided.end(),
                   [](const DecidedCopy& a, const DecidedCopy& b) { return a.distance < b.distance; });

  Stmt recent(db,
              "SELECT post_id, author, author_age_days, topic, "
              "hamming(fingerprint, fingerprint_low, ?1, ?2) FROM fingerprints "
              "WHERE judged_at >= ?3 AND post_id <> ?4 "
              "AND hamming(fingerprint, fingerprint_low, ?1, ?2) <= ?5 ORDER BY judged_at, post_id");
  recent.Bind(1, AsColumn(fingerprint.high)).Bind(2, AsColumn(fingerprint.low))
      .Bind(3, recent_since).Bind(4, post_id).Bind(5, int64_t{kNearCopyDistance});
  int rc;
  while ((rc = recent.Step()) == SQLITE_ROW) {
    out->prior.recent.push_back(
        {recent.Text(0), recent.Text(1), recent.OptionalInt(2), recent.Text(3)});
    out->matches.push_back(recent.Text(0) + " recent " + std::to_string(recent.Int(4)) + " bits");
  }
  return !recent.Failed(rc, error);
}

bool ForgetPost(sqlite3* db, const std::string& post_id, bool* found, std::string* error) {
  Stmt forget(db, "DELETE FROM fingerprints WHERE post_id = ?");
  forget.Bind(1, post_id);
  if (!forget.Run(error)) return false;
  *found = forget.Changes() == 1;
  return true;
}

}  // namespace modbot
