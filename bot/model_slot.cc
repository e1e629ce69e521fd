#include "bot/model_slot.h"

#include "bot/log.h"

namespace modbot {

bool ModelSlot::Load(const std::string& path) {
  model_.reset();
  problem_.clear();
  if (path.empty()) return true;
  model_ = LearnedModel::Load(path, &problem_);
  if (!model_) {
    LogError("judging without the learned model: " + problem_, {{"event", "model_not_loaded"}});
    return false;
  }
  LogInfo("learned model v" + std::to_string(model_->version()) + " loaded from " + path,
          {{"event", "model_loaded"}, {"version", std::to_string(model_->version())}});
  return true;
}

}  // namespace modbot
