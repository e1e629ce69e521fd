// `modbot check` and `modbot classify`: the policy on the command line.
//
//   modbot check    [--config FILE] [--json] [--format F] [--topic TITLE] TEXT|-
//   modbot classify [--config FILE] < posts.jsonl > verdicts.jsonl
//
// Without --config both use the built-in policy. --topic names the topic a checked
// text is posted in: without one, neither relevance nor the built-in model judges
// it. Exit codes: 0 ok, 1 runtime failure, 2 bad usage or bad config.
#ifndef MODBOT_BOT_JUDGE_COMMANDS_H_
#define MODBOT_BOT_JUDGE_COMMANDS_H_

#include <iosfwd>
#include <string>
#include <vector>

namespace modbot {

class Policy;

int CheckCommand(const std::vector<std::string>& args);
int ClassifyCommand(const std::vector<std::string>& args);

// The classify loop on streams, for tests and benchmarks: one verdict or error
// object a line, in order, with the built-in model's signal when built_in_model
// ([policy] built_in_model). Returns the number of lines that were errors.
size_t ClassifyStream(const Policy& policy, bool built_in_model, std::istream& in,
                      std::ostream& out);

}  // namespace modbot

#endif  // MODBOT_BOT_JUDGE_COMMANDS_H_
