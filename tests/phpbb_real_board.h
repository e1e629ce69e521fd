// A real phpBB 3.3.15 board for the end-to-end tests: started with the board
// folder's start-board (PHP's built-in server over the board's own SQLite file) in
// a scratch folder, posted on through phpBB's own submit_post()
// (tests/phpbb_board/post.php), read back from its database, stopped when done.
#ifndef MODBOT_TESTS_PHPBB_REAL_BOARD_H_
#define MODBOT_TESTS_PHPBB_REAL_BOARD_H_

#include <signal.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/modbot_process.h"

namespace modbot::testing {

constexpr const char* kBotPassword = "botpass123";  // start-board's default for "modbot"

// A real board in a scratch folder, stopped (its process group killed) when done.
class RealBoard {
 public:
  // Starts the board; safe to call from another thread (no assertions).
  explicit RealBoard(std::string lang) : lang_(std::move(lang)) {
    const std::string command = Quote(std::string(MODBOT_PHPBB_BOARD) + "/start-board") +
                                " --lang " + lang_ + " " + Quote(scratch_.File("board")) + " > " +
                                Quote(scratch_.File("start.json")) + " 2> " +
                                Quote(scratch_.File("start.log"));
    started_ = std::system(command.c_str()) == 0;
    if (started_) info_ = nlohmann::json::parse(ReadFile(scratch_.File("start.json")), nullptr, false);
  }
  ~RealBoard() {
    if (started_ && info_.contains("pid")) kill(-info_["pid"].get<pid_t>(), SIGTERM);
  }
  RealBoard(const RealBoard&) = delete;
  RealBoard& operator=(const RealBoard&) = delete;

  // Why the board did not start, "" when it did.
  std::string Failure() const {
    if (started_ && info_.is_object()) return "";
    return "start-board --lang " + lang_ + " failed (php8.2 missing? run scripts/install-deps; " +
           "board folder: '" MODBOT_PHPBB_BOARD "'): " + ReadFile(scratch_.File("start.log"));
  }
  std::string url() const { return info_["url"].get<std::string>(); }
  std::string db() const { return info_["db"].get<std::string>(); }
  long long UserId(const char* account) const { return info_[account]["user_id"].get<long long>(); }

  // Posts each JSON line (tests/phpbb_board/post.php) and returns the new post ids.
  std::vector<std::string> Post(const std::vector<nlohmann::json>& posts) const {
    std::string lines;
    for (const nlohmann::json& post : posts) lines += post.dump() + "\n";
    std::ofstream(scratch_.File("posts.jsonl")) << lines;
    const std::string command = "php " + Quote(std::string(MODBOT_SOURCE_DIR) +
                                               "/tests/phpbb_board/post.php") +
                                " " + Quote(scratch_.File("board/board")) + " < " +
                                Quote(scratch_.File("posts.jsonl")) + " > " +
                                Quote(scratch_.File("posted.jsonl"));
    REQUIRE(std::system(command.c_str()) == 0);
    std::vector<std::string> ids;
    std::istringstream posted(ReadFile(scratch_.File("posted.jsonl")));
    for (std::string line; std::getline(posted, line);) {
      ids.push_back(std::to_string(nlohmann::json::parse(line)["post_id"].get<long long>()));
    }
    REQUIRE(ids.size() == posts.size());
    return ids;
  }

  // A member with exactly the role README's phpBB section gives the bot
  // (tests/phpbb_board/least_permission.php); returns its user id.
  std::string AddLeastPermissionUser(const std::string& name, const std::string& password) const {
    const std::string command = "php " + Quote(std::string(MODBOT_SOURCE_DIR) +
                                               "/tests/phpbb_board/least_permission.php") +
                                " " + Quote(scratch_.File("board/board")) + " " + Quote(name) +
                                " " + Quote(password) + " > " + Quote(scratch_.File("least.json"));
    REQUIRE(std::system(command.c_str()) == 0);
    return std::to_string(
        nlohmann::json::parse(ReadFile(scratch_.File("least.json")))["user_id"].get<long long>());
  }

  // The first column of every row of sql on the board's own database.
  std::vector<std::string> Column(const std::string& sql) const {
    std::vector<std::string> out;
    sqlite3* db_handle = nullptr;
    REQUIRE(sqlite3_open_v2(db().c_str(), &db_handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_busy_timeout(db_handle, 2000);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db_handle, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(stmt, 0);
      out.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db_handle);
    return out;
  }

  // The first column of the first row of sql on the board's own database.
  std::string Query(const std::string& sql) const { return testing::Query(db(), sql); }

  // A modbot config for this board as the given account, its store in the scratch folder.
  std::string WriteConfig(const std::string& account, const std::string& password) const {
    std::ofstream(scratch_.File("password")) << password << "\n";
    const std::string config = scratch_.File("modbot.toml");
    std::ofstream(config) << "[forum]\ntype = \"phpbb\"\nurl = \"" << url()
                          << "\"\napi_username = \"" << account
                          << "\"\npassword_file = \"password\"\nrequests_per_minute = 0\n"
                             "[store]\npath = \"modbot.db\"\n";
    return config;
  }
  std::string Store() const { return scratch_.File("modbot.db"); }
  std::string Log() const { return scratch_.File("modbot.log"); }

 private:
  std::string lang_;
  TempDir scratch_;
  bool started_ = false;
  nlohmann::json info_;
};

}  // namespace modbot::testing

#endif  // MODBOT_TESTS_PHPBB_REAL_BOARD_H_
