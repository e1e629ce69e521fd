// SIGHUP and the review console: the real `modbot run` reads the console's token
// file again; a bad one is refused like any bad config.
#include <catch2/catch.hpp>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "tests/forum_fixture.h"
#include "tests/http_client.h"
#include "tests/modbot_process.h"

namespace modbot {
namespace {

using testing::ForumFixture;
using testing::Http;
using testing::Occurrences;
using testing::ReadFile;
using testing::TempDir;
using testing::WaitFor;

constexpr const char* kAnne = "anne-token-0123456789";
constexpr const char* kMarc = "marc-token-0123456789";
constexpr const char* kPaul = "paul-token-0123456789";

// A loopback port free a moment ago ([console] listen takes no port 0).
int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  socklen_t size = sizeof addr;
  REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size) == 0);
  close(fd);
  return ntohs(addr.sin_port);
}

TEST_CASE("SIGHUP reads the console's token file again", "[e2e][reload][console]") {
  ForumFixture f;
  TempDir dir;
  const std::string log = dir.File("modbot.log"), tokens = dir.File("tokens");
  std::ofstream(tokens) << "anne " << kAnne << "\nmarc " << kMarc << "\n";
  REQUIRE(chmod(tokens.c_str(), 0600) == 0);
  const int port = FreePort();
  const std::string config = testing::WriteDaemonConfig(
      dir, f.url(),
      "[console]\nenabled = true\nlisten = \"127.0.0.1:" + std::to_string(port) +
          "\"\ntoken_file = \"tokens\"\n",
      testing::kFastPoll);
  pid_t pid = testing::SpawnModbot({"run", "--config", config}, log);
  REQUIRE(WaitFor([&] { return ReadFile(log).find("serving the review console") != std::string::npos; }));

  auto sign_in = [&](const char* token) {
    testing::Reply reply = Http(port, "/login", std::string("token=") + token);
    const std::string cookie = reply.Header("set-cookie");
    return reply.status == 303 ? cookie.substr(0, cookie.find(';')) : "";
  };
  auto queue_status = [&](const std::string& cookie) {
    return Http(port, "/", std::nullopt, {"Cookie: " + cookie}).status;
  };
  const std::string anne = sign_in(kAnne), marc = sign_in(kMarc);
  REQUIRE(queue_status(marc) == 200);
  CHECK(sign_in(kPaul) == "");

  // Marc leaves, Paul joins.
  std::ofstream(tokens) << "anne " << kAnne << "\npaul " << kPaul << "\n";
  REQUIRE(kill(pid, SIGHUP) == 0);
  REQUIRE(WaitFor([&] { return ReadFile(log).find("reloaded the config") != std::string::npos; }));
  INFO(ReadFile(log));
  CHECK(ReadFile(log).find("signed out: marc") != std::string::npos);
  CHECK(queue_status(marc) == 303);  // to /login
  CHECK(queue_status(anne) == 200);
  CHECK(sign_in(kMarc) == "");
  const std::string paul = sign_in(kPaul);
  CHECK(queue_status(paul) == 200);

  // A token file with a mistake: refused with where it is; the tokens in force stay.
  std::ofstream(tokens) << "anne " << kAnne << "\npaul short\n";
  REQUIRE(kill(pid, SIGHUP) == 0);
  REQUIRE(WaitFor([&] { return ReadFile(log).find("reload refused") != std::string::npos; }));
  CHECK(ReadFile(log).find(tokens + ":2:1: ") != std::string::npos);
  CHECK(Occurrences(ReadFile(log), "reloaded the config") == 1);
  CHECK(queue_status(paul) == 200);
  CHECK(sign_in(kPaul) != "");

  REQUIRE(kill(pid, SIGTERM) == 0);
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  const std::string text = ReadFile(log);
  CHECK(text.find(kAnne) == std::string::npos);
  CHECK(text.find(kPaul) == std::string::npos);
}

}  // namespace
}  // namespace modbot
