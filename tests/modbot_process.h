// Runs the real modbot binary as a user would, for the end-to-end tests.
#ifndef MODBOT_TESTS_MODBOT_PROCESS_H_
#define MODBOT_TESTS_MODBOT_PROCESS_H_

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/forum_fixture.h"

namespace modbot::testing {

namespace fs = std::filesystem;

inline std::string ReadFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// How many times needle occurs in text (a log line, say).
inline size_t Occurrences(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

inline std::string Quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs modbot with args (each quoted for the shell) and the given standard input.
inline Run Modbot(const std::vector<std::string>& args, const std::string& input = "") {
  TempDir scratch;
  const fs::path dir = scratch.path;
  const fs::path in = dir / "stdin";
  std::ofstream(in, std::ios::binary) << input;
  std::string command = Quote(MODBOT_BINARY);
  for (const std::string& arg : args) {
    command += ' ';
    command += Quote(arg);
  }
  command += " < " + Quote(in) + " > " + Quote(dir / "stdout") + " 2> " +
             Quote(dir / "stderr");
  int status = std::system(command.c_str());
  Run run;
  REQUIRE(status != -1);
  REQUIRE(WIFEXITED(status));
  run.exit_code = WEXITSTATUS(status);
  run.out = ReadFile(dir / "stdout");
  run.err = ReadFile(dir / "stderr");
  return run;
}

// Starts modbot with args in the background, its stdout and stderr appended to
// log. Returns its pid.
inline pid_t SpawnModbot(const std::vector<std::string>& args, const std::string& log) {
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    dup2(fd, 1);
    dup2(fd, 2);
    std::vector<char*> argv = {const_cast<char*>(MODBOT_BINARY)};
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(MODBOT_BINARY, argv.data());
    _exit(127);
  }
  return pid;
}

// The first column of the first row of sql on the store at db_path, read while a
// modbot process may be writing it; "" when there is none (or no store yet).
inline std::string Query(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(db, 2000);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0)) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return out;
}

// Waits up to 20 s for ready() to hold.
template <typename Ready>
bool WaitFor(Ready ready) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!ready()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

// forum_keys for WriteDaemonConfig: a poll every 50 ms, for tests of a running daemon.
constexpr const char* kFastPoll = "poll_interval_seconds = 0.05\n";

// A daemon config in dir for the forum at url, its API key in a file beside it,
// its store "modbot.db" in dir; forum_keys go in [forum], extra is appended (more
// sections).
inline std::string WriteDaemonConfig(const TempDir& dir, const std::string& url,
                                     const std::string& extra = "",
                                     const std::string& forum_keys = "") {
  std::ofstream(dir.File("key")) << kApiKey << "\n";
  const std::string config = dir.File("modbot.toml");
  std::ofstream(config) << "[forum]\ntype = \"discourse\"\nurl = \"" << url << "\"\n"
                        << "api_username = \"" << kApiUser << "\"\n"
                        << "api_key_file = \"key\"\nrequests_per_minute = 0\n"
                        << forum_keys << "[store]\npath = \"modbot.db\"\n"
                        << extra;
  return config;
}

}  // namespace modbot::testing

#endif  // MODBOT_TESTS_MODBOT_PROCESS_H_
