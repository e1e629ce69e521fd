// ModelSlot: the per-forum model the daemon runs on each post, if any.
//
// Load is called at start and on every SIGHUP. A missing or damaged model file is
// no reason to stop moderating: the slot is left empty, the daemon judges without
// the model, and the reason is logged once, at that load. `modbot config check`
// reports the same reason (LearnedModel::Load's).
#ifndef MODBOT_BOT_MODEL_SLOT_H_
#define MODBOT_BOT_MODEL_SLOT_H_

#include <memory>
#include <string>

#include "bot/learned_model.h"

namespace modbot {

class ModelSlot {
 public:
  // Loads the model at path in place of the current one; "" empties the slot.
  // Returns false when path names a model that cannot be used (the slot is then
  // empty, and problem() says why).
  bool Load(const std::string& path);

  // The model in force, or null.
  const LearnedModel* model() const { return model_.get(); }
  // Why the last Load left the slot empty; "" when it did not fail.
  const std::string& problem() const { return problem_; }

 private:
  std::unique_ptr<LearnedModel> model_;
  std::string problem_;
};

}  // namespace modbot

#endif  // MODBOT_BOT_MODEL_SLOT_H_
