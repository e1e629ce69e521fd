// A reason's score as the moderators' commands and console show it: "0.85".
#ifndef MODBOT_BOT_SCORE_TEXT_H_
#define MODBOT_BOT_SCORE_TEXT_H_

#include <cstdio>
#include <string>

namespace modbot {

inline std::string ScoreText(double score) {
  char out[16];
  std::snprintf(out, sizeof out, "%.2f", score);
  return out;
}

}  // namespace modbot

#endif  // MODBOT_BOT_SCORE_TEXT_H_
