// modbot: moderation for the City of Côte Saint-Luc's forum. See README.md.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "bot/config_command.h"
#include "bot/forget_command.h"
#include "bot/judge_commands.h"
#include "bot/learn_command.h"
#include "bot/report_commands.h"
#include "bot/review_command.h"
#include "bot/run_command.h"

namespace {

constexpr const char* kUsage =
    "usage:\n"
    "  modbot run      --config FILE [--once] [--dry-run] [--log-format text|json]\n"
    "  modbot check    [--config FILE] [--json] [--format F] TEXT|-\n"
    "  modbot classify [--config FILE] < posts.jsonl > verdicts.jsonl\n"
    "  modbot review   --config FILE list | show ID | approve ID | remove ID [--clause C] [--note TEXT]\n"
    "                  [--as NAME (default: $USER)] [--now (act on the forum at once)] [--all]\n"
    "  modbot audit    --config FILE [--since DATE] [--until DATE] [--format csv|json]\n"
    "  modbot stats    --config FILE [--since DATE]\n"
    "  modbot forget   --config FILE [--as NAME] ID   (a post's fingerprint leaves the memory)\n"
    "  modbot learn    --config FILE [--with-corpora DIR]   (train the per-forum model)\n"
    "  modbot config   check FILE\n"
    "DATE is ISO 8601 (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ), UTC unless it names a zone.\n"
    "Exit codes: 0 ok, 1 runtime failure, 2 bad usage or bad config.\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  std::string command = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "run") return modbot::RunCommand(argc - 1, argv + 1);
  if (command == "check") return modbot::CheckCommand(args);
  if (command == "classify") return modbot::ClassifyCommand(args);
  if (command == "config") return modbot::ConfigCommand(args);
  if (command == "review") return modbot::ReviewCommand(args);
  if (command == "audit") return modbot::AuditCommand(args);
  if (command == "stats") return modbot::StatsCommand(args);
  if (command == "forget") return modbot::ForgetCommand(args);
  if (command == "learn") return modbot::LearnCommand(args);
  std::fprintf(stderr, "modbot: unknown command '%s'\n%s", command.c_str(), kUsage);
  return 2;
}
