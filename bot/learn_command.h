// `modbot learn --config FILE [--with-corpora DIR]`: trains the per-forum model
// (bot/learned_model.h) from the human decisions in the daemon's store.
//
// A fifth of the decisions, chosen by a hash of the post id (the same posts
// whatever order they were decided in), is held out: the model is trained on the
// rest, then its review flags on the held-out part are scored per clause
// (precision, recall) and printed. The model is written to [policy] learned_model
// (else beside the store, as <store>.model) atomically, and recorded in the
// store's learned_models table with its version, hash, decision count and
// held-out precision. Fewer decisions than [policy] learned_min_decisions are
// refused with their count, and nothing is written.
//
// --with-corpora DIR adds the public corpora of DIR/*/data.jsonl
// (../shared/data/train, see its README): toxic, obscene, insult, sexual rows as
// abusive, threat as threat, identity_hate as discrimination, spam as spam_links,
// rows with every label false as allow; at most kCorpusRowsPerLabel rows per set
// and label, in file order, so that no one set outweighs the forum's own.
#ifndef MODBOT_BOT_LEARN_COMMAND_H_
#define MODBOT_BOT_LEARN_COMMAND_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bot/learned_model.h"

struct sqlite3;

namespace modbot {

int LearnCommand(const std::vector<std::string>& args);

// How a model's review flags fared on held-out examples, per clause id.
struct ClauseScore {
  int flagged = 0;  // held-out texts the model flagged for this clause
  int right = 0;    // of those, labelled with it
  int actual = 0;   // held-out texts labelled with it
  std::optional<double> Precision() const;
  std::optional<double> Recall() const;
};
struct HeldOutScore {
  std::map<std::string, ClauseScore> by_clause;
  ClauseScore all;  // a flag is right when its clause is the label
};

// Scores model on held_out: a flag is a clause signal at or above review_at.
HeldOutScore ScoreHeldOut(const LearnedModel& model, const std::vector<LabelledText>& held_out,
                          double review_at);

// Whether post_id's decision is held out of training (one in five, by its hash).
bool HeldOut(const std::string& post_id);

// The training examples of the corpora under dir, as described above; false with
// *error naming the file and line of a row that cannot be read.
bool ReadCorpora(const std::string& dir, std::vector<LabelledText>* out, std::string* error);

// What one training run did.
struct LearnResult {
  int decisions = 0;
  std::vector<LabelledText> held_out;
  std::unique_ptr<LearnedModel> model;
  HeldOutScore score;
};

// Trains a model numbered version from the decisions in db, plus extra examples
// (corpora). Refuses (false, *error with the count) fewer than min_decisions.
bool Learn(sqlite3* db, const std::vector<LabelledText>& extra, int min_decisions,
           double review_at, int version, LearnResult* out, std::string* error);

}  // namespace modbot

#endif  // MODBOT_BOT_LEARN_COMMAND_H_
