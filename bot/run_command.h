// `modbot run --config FILE [--once] [--dry-run] [--log-format text|json]`: the
// daemon's command line. --log-format overrides the config's [log] format.
#ifndef MODBOT_BOT_RUN_COMMAND_H_
#define MODBOT_BOT_RUN_COMMAND_H_

namespace modbot {

// argv[0] is the subcommand ("run"); the options follow. Returns the exit code:
// 0 ok, 1 runtime failure, 2 bad usage or bad config (errors as file:line:col).
int RunCommand(int argc, char** argv);

}  // namespace modbot

#endif  // MODBOT_BOT_RUN_COMMAND_H_
