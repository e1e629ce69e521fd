// The memory of moderators' decisions, kept in the store (table `fingerprints`).
//
// Every judged post leaves a row: its fingerprint (policy/fingerprint.h), author,
// topic and the clauses modbot flagged. A human decision on the post (a review
// approve or remove, in `modbot review`, the console or on the forum) marks the
// row removed, kept_hide (modbot hid it and the human kept it hidden) or approved,
// in the transaction that records the decision. The decided rows are the memory;
// the recent rows are what a flood is made of. `modbot forget` deletes a row.
//
// The table carries its own schema version (state key "fingerprint_schema"). A
// store from before the table existed gets it on opening, filled from the decided
// posts of its review queue whose text it kept; a store written by a newer modbot
// is refused rather than misread.
#ifndef MODBOT_BOT_MEMORY_STORE_H_
#define MODBOT_BOT_MEMORY_STORE_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "policy/fingerprint.h"
#include "policy/post.h"

struct sqlite3;

namespace modbot {

// The fingerprint row of a judged post, written with its judgement.
struct PostFingerprint {
  Fingerprint bits;
  std::string topic;
  std::optional<int> author_account_age_days;
};

// The SQL function hamming(high, low, other_high, other_low) on the connection, and the table brought up to
// the current schema. Called by Store::Open inside its migration transaction.
bool MigrateMemory(sqlite3* db, std::string* error);

// Within a Store transaction: the row of a judged post (replacing an older
// version's row, and its decision: an edited post is a new text).
bool RememberPost(sqlite3* db, const std::string& post_id, const std::string& author,
                  const std::string& clauses, const PostFingerprint& fingerprint, int64_t now,
                  std::string* error);
// Within a Store transaction: a human decision on post_id. A removal is for
// `clause` when given, else for every clause modbot flagged.
bool RememberDecision(sqlite3* db, const std::string& post_id, bool approve,
                      const std::string& clause, const std::string& actor, int64_t now,
                      std::string* error);

// What the memory knows that bears on a post.
struct Recollection {
  std::optional<Fingerprint> fingerprint;  // none when the text is too short
  PriorSignals prior;
  // One line a match for the audit: "123 removed 3 bits", "11 recent 0 bits".
  std::vector<std::string> matches;
};

// Reads the memory of one store connection for the posts judged one after another.
// The decided fingerprints are kept in an array, read again whenever a decision was
// recorded since (state key "memory_generation", moved in the decision's
// transaction, by whichever process): a lookup among 100k decided posts is one pass
// of popcounts, not a table scan. A row forgotten or re-judged since is checked
// against the table and left out.
class MemoryRecall {
 public:
  explicit MemoryRecall(sqlite3* db) : db_(db) {}

  // post's decided near-copies (any age) and its near-copies judged at or after
  // recent_since, the post itself left out.
  bool Recall(const Post& post, int64_t recent_since, Recollection* out, std::string* error);

 private:
  bool Refresh(std::string* error);

  sqlite3* db_;
  std::optional<std::string> generation_;  // of the two below; nullopt before the first read
  std::vector<Fingerprint> decided_;       // the decided rows' fingerprints
  std::vector<int64_t> decided_rowids_;    // and their rowids, index for index
};

// Deletes post_id's row: its decision is no longer remembered. *found says whether
// there was one.
bool ForgetPost(sqlite3* db, const std::string& post_id, bool* found, std::string* error);

// The fingerprint as 32 hex digits, as the audit and `modbot check` show it.
std::string FingerprintHex(const Fingerprint& fingerprint);

}  // namespace modbot

#endif  // MODBOT_BOT_MEMORY_STORE_H_
