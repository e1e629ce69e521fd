// The memory of decisions end to end: the real modbot daemon (`run --once`) on the
// sample Discourse forum and a real store, moderators deciding with the real
// `modbot review`, and `modbot check` and `modbot forget` as a moderator runs them.
#include <catch2/catch.hpp>

#include "bot/iso_time.h"
#include "bot/store.h"
#include "tests/forum_fixture.h"
#include "tests/modbot_process.h"

namespace modbot {
namespace {

using testing::ForumFixture;
using testing::Modbot;
using testing::Query;
using testing::Run;
using testing::TempDir;
using testing::WriteDaemonConfig;

// The built-in policy sends this to review for abusive (a swear word, no target).
constexpr const char* kSwearing = "This shit is awesome, best Canada Day ever, see you all there.";
constexpr const char* kSwearingVariant = "This SHIT is awesome!! best Canada Day ever, see you there.";
constexpr const char* kUnrelated = "Does anyone know when the new bike racks arrive at the library?";

struct MemoryDesk {
  ForumFixture f;
  TempDir dir;
  std::string config = WriteDaemonConfig(dir, f.url());
  std::string db = dir.File("modbot.db");
  long long parks = 0, pool = 0, library = 0;

  MemoryDesk() {
    f.forum.AddUser({"resident", 400, 2, 30});
    f.forum.AddUser({"newbie", 1, 0, 0});
    f.forum.AddUser({"other", 400, 2, 30});
    parks = f.forum.AddTopic("Parks", "General");
    pool = f.forum.AddTopic("Pool", "General");
    library = f.forum.AddTopic("Library", "General");
  }

  long long Post(long long topic, const std::string& user, const std::string& text) {
    return f.forum.AddPost(topic, user, text);
  }
  void Poll() {
    Run run = Modbot({"run", "--config", config, "--once"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
  }
  std::string Verdict(long long post) {
    return Query(db, "SELECT action || ' ' || clauses || ' ' || reasons FROM verdicts "
                     "WHERE post_id = '" + std::to_string(post) + "'");
  }
  Run Review(const std::string& decision, long long post, const std::string& clause = "") {
    std::vector<std::string> args = {"review", "--config", config, "--as", "anne", decision,
                                      std::to_string(post)};
    if (!clause.empty()) args.insert(args.end(), {"--clause", clause});
    return Modbot(args);
  }
};

std::string Today() { return FormatIsoTime(NowMillis()).substr(0, 10); }

TEST_CASE("memory e2e: a near-copy of a removed post is flagged by memory until forgotten",
          "[e2e][memory]") {
  MemoryDesk d;
  const long long original = d.Post(d.parks, "resident", kSwearing);
  d.Poll();
  REQUIRE(d.Verdict(original).rfind("review abusive", 0) == 0);
  REQUIRE(d.Review("remove", original, "abusive").exit_code == 0);

  const long long variant = d.Post(d.pool, "newbie", kSwearingVariant);
  const long long unrelated = d.Post(d.library, "other", kUnrelated);
  d.Poll();
  const std::string evidence =
      "like post " + std::to_string(original) + ", removed by anne on " + Today();
  CHECK(d.Verdict(variant).rfind("review abusive", 0) == 0);
  CHECK(d.Verdict(variant).find("\"memory.near_copy\"") != std::string::npos);
  CHECK(d.Verdict(variant).find(evidence) != std::string::npos);
  CHECK(d.Verdict(unrelated).rfind("allow", 0) == 0);
  // The audit names the fingerprints that judged the variant.
  CHECK(Query(d.db, "SELECT evidence FROM audit WHERE event = 'memory' AND post_id = '" +
                        std::to_string(variant) + "'")
            .find(std::to_string(original) + " removed ") != std::string::npos);
  CHECK(Query(d.db, "SELECT COUNT(*) FROM audit WHERE event = 'memory' AND post_id = '" +
                        std::to_string(unrelated) + "'") == "0");

  // `modbot check` with the daemon's config shows the same memory evidence.
  Run check = Modbot({"check", "--config", d.config, kSwearingVariant});
  CHECK(check.exit_code == 0);
  CHECK(check.out.find("memory.near_copy") != std::string::npos);
  CHECK(check.out.find(evidence) != std::string::npos);

  // A moderator's mistake undone: the removal no longer weighs on near-copies.
  Run forget = Modbot({"forget", "--config", d.config, "--as", "anne", std::to_string(original)});
  CHECK(forget.exit_code == 0);
  CHECK(Query(d.db, "SELECT actor FROM audit WHERE event = 'forget'") == "anne");
  CHECK(Modbot({"forget", "--config", d.config, "--as", "anne", std::to_string(original)})
            .exit_code == 1);
  CHECK(Modbot({"forget", "--config", d.config}).exit_code == 2);
  check = Modbot({"check", "--config", d.config, kSwearingVariant});
  CHECK(check.out.find("memory.near_copy") == std::string::npos);
}

TEST_CASE("memory e2e: a near-copy of an approved post is not flagged again, and says so",
          "[e2e][memory]") {
  MemoryDesk d;
  const long long original = d.Post(d.parks, "resident", kSwearing);
  d.Poll();
  REQUIRE(d.Review("approve", original).exit_code == 0);
  const long long repeat = d.Post(d.pool, "other", kSwearingVariant);
  d.Poll();
  CHECK(d.Verdict(repeat).rfind("allow", 0) == 0);

  Run check = Modbot({"check", "--config", d.config, "--json", kSwearingVariant});
  CHECK(check.exit_code == 0);
  CHECK(check.out.find("\"action\":\"allow\"") != std::string::npos);
  CHECK(check.out.find("\"waived\":[{\"clause\":\"abusive\",\"rule\":\"memory.approved_copy\"") !=
        std::string::npos);
}

TEST_CASE("memory e2e: the same text by a new account in three topics is a flood",
          "[e2e][memory]") {
  MemoryDesk d;
  const std::string text = "Everyone should come and see what I found, it is really worth it";
  const long long first = d.Post(d.parks, "newbie", text);
  const long long second = d.Post(d.pool, "newbie", text + "!");
  d.Poll();
  CHECK(d.Verdict(second).rfind("allow", 0) == 0);  // two topics: not yet a flood
  const long long third = d.Post(d.library, "newbie", text);
  d.Poll();
  const std::string verdict = d.Verdict(third);
  CHECK(verdict.rfind("review frivolous", 0) == 0);
  CHECK(verdict.find("\"memory.cross_post\"") != std::string::npos);
  CHECK(verdict.find("also posted as " + std::to_string(first) + " by newbie in \\\"Parks\\\"") !=
        std::string::npos);
}

}  // namespace
}  // namespace modbot
