// The daemon end to end against a real phpBB 3.3.15 board, in English and in
// French: each test starts its boards with the board folder's start-board (PHP's
// built-in server over the board's own SQLite file), posts as the resident through
// the board's own submit_post() (tests/phpbb_board/post.php), runs the modbot
// binary, and reads the outcome from the board's database. Without php the tests
// fail, they never skip: scripts/install-deps installs it.
#include <catch2/catch.hpp>
#include <future>

#include "adapters/phpbb/phpbb_forum.h"
#include "tests/phpbb_real_board.h"

namespace modbot {
namespace {

using testing::kBotPassword;
using testing::ReadFile;
using testing::RealBoard;

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
const nlohmann::json kGuestSpam = {{"guest", "Visiting Val"}, {"topic_id", 3},
                                   {"message", "Cheap watches SPAM bit.ly/w bit.ly/v buy now"}};

TEST_CASE("phpbb real board, English and French: hide, report, one notice, approve restores, "
          "MCP decisions read back, the French bot with only the least-permission role",
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
    ids.push_back(board->Post({kSpam, kInsult, kFine, kGuestSpam}));
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
    // A guest's post: named as the guest signed it (the feed says "Anonymous"),
    // hidden, and no one to tell.
    CHECK(board.Query("SELECT post_visibility FROM phpbb_posts WHERE post_id = " + ids[b][3]) == "2");
    CHECK(testing::Query(board.Store(), "SELECT author FROM verdicts WHERE post_id = '" +
                                            ids[b][3] + "'") == "Visiting Val");
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
