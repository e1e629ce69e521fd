#include "bot/forget_command.h"

#include <cstdio>
#include <cstdlib>

#include "bot/command_line.h"
#include "bot/sqlite_statement.h"
#include "bot/store_command.h"

namespace modbot {

namespace {

int Usage(const std::string& why) {
  std::fprintf(stderr, "modbot forget: %s\nusage: modbot forget --config FILE [--as NAME] ID\n",
               why.c_str());
  return 2;
}

}  // namespace

int ForgetCommand(const std::vector<std::string>& args) {
  std::string error;
  std::optional<CommandLine> line = ParseCommandLine(args, {"--config", "--as"}, {}, &error);
  if (!line) return Usage(error);
  if (!line->Value("--config")) return Usage("--config FILE is required");
  if (line->positional.size() != 1) return Usage("give exactly one post ID");
  const char* user = std::getenv("USER");
  const std::string actor = line->Value("--as").value_or(user ? user : "");
  if (actor.empty()) return Usage("say who forgets with --as NAME ($USER is not set)");

  StoreCommand command;
  if (int code = OpenStoreCommand("forget", *line->Value("--config"), false, &command)) {
    return code;
  }
  const std::string& post_id = line->positional[0];
  sqlite3* db = command.store->db();
  bool found = false;
  Transaction txn(db, &error);
  if (!txn.ok() || !ForgetPost(db, post_id, &found, &error) ||
      (found && !command.store->Audit({post_id, "forget", "", "", "fingerprint removed", actor,
                                       "forgotten"},
                                      NowMillis(), &error)) ||
      !txn.Commit(&error)) {
    std::fprintf(stderr, "modbot forget: store failure: %s\n", error.c_str());
    return 1;
  }
  if (!found) {
    std::fprintf(stderr, "modbot forget: no fingerprint for post %s\n", post_id.c_str());
    return 1;
  }
  std::printf("post %s forgotten: its decision no longer weighs on near-copies\n",
              post_id.c_str());
  return 0;
}

}  // namespace modbot
