// What the store knows of the per-forum model (bot/learned_model.h): the decisions
// it learns from, the record of each model trained (table `learned_models`), and
// how its review flags fared.
#ifndef MODBOT_BOT_LEARNED_MODEL_STORE_H_
#define MODBOT_BOT_LEARNED_MODEL_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bot/learned_model.h"

struct sqlite3;

namespace modbot {

// One human decision as a training example.
struct DecidedText {
  std::string post_id;
  LabelledText example;  // label: the first clause removed for, or "allow"
};

// Every human decision the store remembers (the `fingerprints` table: review
// approve/remove, console decisions, restores, hides kept, decisions read back from
// the forum), with the post's own words (the review queue's copy, else the
// verdict's excerpt), in post id order. A post `modbot forget` forgot is left out,
// and so is one whose text the store did not keep.
bool ReadDecidedTexts(sqlite3* db, std::vector<DecidedText>* out, std::string* error);

// A trained model as the store records it.
struct ModelRecord {
  int version = 0;
  std::string hash;     // LearnedModel::hash()
  std::string path;     // where it was written
  int64_t decisions = 0;  // human decisions it was trained or tested on
  int64_t held_out = 0;   // of those, held out for its test
  std::optional<double> held_out_precision;  // of its review flags on them; none if it flagged none
  int64_t trained_at = 0;
};

// The version the next model gets: one more than the last recorded.
bool NextModelVersion(sqlite3* db, int* version, std::string* error);
bool RecordModel(sqlite3* db, const ModelRecord& record, std::string* error);
// The last model recorded, or nullopt.
bool LatestModel(sqlite3* db, std::optional<ModelRecord>* out, std::string* error);

// The posts a model sent to review (a "model.*" reason in their verdict), as humans
// decided them.
struct ModelFlagOutcomes {
  int64_t upheld = 0;      // removed, or kept hidden
  int64_t overruled = 0;   // approved or restored
  int64_t undecided = 0;
};
bool ReadModelFlagOutcomes(sqlite3* db, std::optional<int64_t> since, ModelFlagOutcomes* out,
                           std::string* error);

}  // namespace modbot

#endif  // MODBOT_BOT_LEARNED_MODEL_STORE_H_
