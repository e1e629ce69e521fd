// The daemon end to end against a real phpBB 3.3.15 board, in English and in
// French: each test starts its boards with the board folder's start-board (PHP's
// built-in server over the board's own SQLite file), posts as the resident through
// the board's own submit_post() (tests/phpbb_board/post.php), runs the modbot
// binary, and reads the outcome from the board's database. Without php the tests
// fail, they never skip: scripts/install-deps installs it.
#include <signal.h>

#include <catch2/catch.hpp>
#include <future>
#include <nlohmann/json.hpp>

#include "adapters/phpbb/phpbb_forum.h"
#include "tests/modbot_process.h"

namespace modbot {
namespace {

using testing::Quote;
using testing::ReadFile;
using testing::TempDir;

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

// Runs `modbot run --once` on every config at the same time; each exit code.
std::vector<int> RunOnce(const std::vector<const RealBoard*>& boards,
                         const std::vector<std::string>& configs) {
  std::vector<pid_t> pids;
  for (size_t i = 0; i < boards.size(); ++i) {
    pids.push_back(testing::SpawnModbot({"run", "--config", configs[i], "--once"}, boards[i]->Log()));
  }
  std::vector<int> codes;
  for (pid_t pid : pids) {
    int status = 0;
    waitpid(pid, &status, 0);
    codes.push_back(WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  }
  return codes;
}

std::vector<std::unique_ptr<RealBoard>> StartBoards(const std::vector<std::string>& langs) {
  std::vector<std::future<std::unique_ptr<RealBoard>>> starting;
  for (const std::string& lang : langs) {
    starting.push_back(std::async(std::launch::async,
                                  [lang] { return std::make_unique<RealBoard>(lang); }));
  }
  std::vector<std::unique_ptr<RealBoard>> boards;
  for (auto& board : starting) boards.push_back(board.get());
  for (const auto& board : boards) {
    INFO(board->Failure());
    REQUIRE(board->Failure().empty());
  }
  return boards;
}

const nlohmann::json kSpam = {{"as", "resident"}, {"topic_id", 2},
                              {"message", "Great deals SPAM bit.ly/x bit.ly/y buy now"}};
const nlohmann::json kInsult = {{"as", "resident"}, {"topic_id", 2},
                                {"message", "You are an idiot"}};
const nlohmann::json kFine = {{"as", "resident"}, {"topic_id", 2},
                              {"message", "The pool opens Monday at 9."}};

TEST_CASE("phpbb real board, English and French: hide, report, one notice, approve restores, "
          "MCP decisions read back; the French bot holds only the least-permission role",
          "[e2e][phpbb][real]") {
  std::vector<std::unique_ptr<RealBoard>> boards = StartBoards({"en", "fr"});
  // The English board's bot is start-board's global moderator; the French one's has
  // exactly the role of README's phpBB section, and no m_delete.
  const std::vector<std::string> bots = {std::to_string(boards[0]->UserId("bot")),
                                         boards[1]->AddLeastPermissionUser("leastbot", "leastpass8f3a")};
  std::vector<std::vector<std::string>> ids;
  std::vector<std::string> configs = {boards[0]->WriteConfig("modbot", kBotPassword),
                                      boards[1]->WriteConfig("leastbot", "leastpass8f3a")};
  std::vector<const RealBoard*> all;
  for (const auto& board : boards) {
    ids.push_back(board->Post({kSpam, kInsult, kFine}));
    all.push_back(board.get());
  }
  REQUIRE(RunOnce(all, configs) == std::vector<int>{0, 0});

  for (size_t b = 0; b < boards.size(); ++b) {
    const RealBoard& board = *boards[b];
    const std::string& hidden = ids[b][0];
    const std::string& reported = ids[b][1];
    const std::string& fine = ids[b][2];
    INFO("board " << b << ", modbot log:\n" << ReadFile(board.Log()));
    // Soft-deleted (ITEM_DELETED = 2, includes/constants.php) by the bot, with the reason.
    CHECK(board.Query("SELECT post_visibility FROM phpbb_posts WHERE post_id = " + hidden) == "2");
    CHECK(board.Query("SELECT post_delete_user FROM phpbb_posts WHERE post_id = " + hidden) ==
          bots[b]);
    CHECK(board.Query("SELECT post_delete_reason FROM phpbb_posts WHERE post_id = " + hidden)
              .find("principle 12") != std::string::npos);
    // A report in the queue, the post still up.
    CHECK(board.Query("SELECT post_visibility FROM phpbb_posts WHERE post_id = " + reported) == "1");
    CHECK(board.Query("SELECT COUNT(*) FROM phpbb_reports WHERE report_closed = 0 AND post_id = " +
                      reported) == "1");
    CHECK(board.Query("SELECT post_reported FROM phpbb_posts WHERE post_id = " + fine) == "0");
    CHECK(board.Query("SELECT post_visibility FROM phpbb_posts WHERE post_id = " + fine) == "1");
    // Exactly one private message, to the resident.
    CHECK(board.Query("SELECT COUNT(*) FROM phpbb_privmsgs") == "1");
    CHECK(board.Query("SELECT user_id FROM phpbb_privmsgs_to WHERE user_id != author_id") ==
          std::to_string(board.UserId("resident")));
  }

  // A second poll does nothing again; meanwhile a moderator (the admin, in the MCP)
  // soft-deletes the reported post of each board.
  for (size_t b = 0; b < boards.size(); ++b) {
    ForumSettings admin = testing::ForumFixture::FastSettings(boards[b]->url());
    admin.type = "phpbb";
    admin.api_username = "admin";
    admin.api_key = "adminpass123";
    PhpbbForum mcp(admin);
    REQUIRE(mcp.Hide(ids[b][1], "rude", false).ok());
  }
  REQUIRE(RunOnce(all, configs) == std::vector<int>{0, 0});
  for (size_t b = 0; b < boards.size(); ++b) {
    const RealBoard& board = *boards[b];
    INFO("board " << b << ", modbot log:\n" << ReadFile(board.Log()));
    CHECK(board.Query("SELECT COUNT(*) FROM phpbb_privmsgs") == "2");  // the reported post's author
    CHECK(testing::Query(board.Store(), "SELECT actor FROM audit WHERE event = 'remove' AND "
                                        "post_id = '" + ids[b][1] + "'") == "admin");
    // `review approve` restores the hidden post, on the forum at once.
    testing::Run approve =
        testing::Modbot({"review", "--config", configs[b], "--as", "mod_anne", "--now", "approve", ids[b][0]});
    INFO(approve.err);
    CHECK(approve.exit_code == 0);
    CHECK(board.Query("SELECT post_visibility FROM phpbb_posts WHERE post_id = " + ids[b][0]) == "1");
  }
}

}  // namespace
}  // namespace modbot
