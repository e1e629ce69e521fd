#include "bot/log.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

namespace modbot {
namespace {

// Captures the records written while it lives.
class Capture {
 public:
  Capture() : file_(std::tmpfile()) { SetLogStream(file_); }
  ~Capture() {
    SetLogStream(nullptr);
    SetLogFormat(LogFormat::kText);
    std::fclose(file_);
  }
  std::string Text() {
    std::rewind(file_);
    std::string out;
    char buffer[512];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, file_)) > 0;) out.append(buffer, n);
    return out;
  }

 private:
  std::FILE* file_;
};

TEST_CASE("text records are one line with their fields", "[log]") {
  Capture capture;
  LogInfo("hide post 7: done", {{"post", "7"}, {"outcome", "done"}});
  LogError("poll failed:\nHTTP 500");
  std::string text = capture.Text();
  CHECK(text.find(" modbot[info] hide post 7: done post=7 outcome=done\n") != std::string::npos);
  CHECK(text.find(" modbot[error] poll failed: HTTP 500\n") != std::string::npos);
  CHECK(std::count(text.begin(), text.end(), '\n') == 2);
}

TEST_CASE("json records are one object a line", "[log]") {
  Capture capture;
  SetLogFormat(LogFormat::kJson);
  LogInfo("post 7 v1 by alice: hide spam_links", {{"post", "7"}, {"action", "hide"}});
  LogError("a \"quoted\"\nmessage");
  std::string text = capture.Text();
  std::vector<nlohmann::json> records;
  for (size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    records.push_back(nlohmann::json::parse(text.substr(start, end - start)));
  }
  REQUIRE(records.size() == 2);
  CHECK(records[0]["level"] == "info");
  CHECK(records[0]["post"] == "7");
  CHECK(records[0]["action"] == "hide");
  CHECK(records[0]["time"].get<std::string>().size() == 20);
  CHECK(records[1]["level"] == "error");
  CHECK(records[1]["msg"] == "a \"quoted\"\nmessage");
}

TEST_CASE("a registered secret never reaches the log", "[log]") {
  Capture capture;
  RegisterLogSecret("sk-0123456789abcdef");
  RegisterLogSecret("ab");  // too short to mask safely: ignored
  LogError("GET /posts.json?api_key=sk-0123456789abcdef failed", {{"key", "sk-0123456789abcdef"}});
  std::string text = capture.Text();
  CHECK(text.find("sk-0123456789abcdef") == std::string::npos);
  CHECK(text.find("api_key=[secret] failed key=[secret]") != std::string::npos);
}

}  // namespace
}  // namespace modbot
