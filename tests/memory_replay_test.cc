// The memory replay (tests/memory_replay.h) on gold-dev: what the moderators'
// decisions on the first half are worth on the campaign variants of the second.
// bench/memory_replay_bench.cc prints the same figures.
#include "tests/memory_replay.h"

#include <catch2/catch.hpp>

#include "policy/built_in_policy_for_tests.h"
#include "tests/forum_fixture.h"

namespace modbot {
namespace {

TEST_CASE("memory replay: variants of decided posts are caught, no more false hides",
          "[memory][replay]") {
  size_t first_half = 0;
  const std::vector<replay::LabelledPost> stream =
      replay::BuildStream(MODBOT_SOURCE_DIR "/tests/data/gold-dev.jsonl", 11, &first_half);
  REQUIRE(stream.size() > 200);
  testing::TempDir dir;
  std::string error;
  replay::Figures with, without;
  REQUIRE(replay::Replay(BuiltInPolicy(), stream, first_half, true, dir.File("on.db"), &with,
                         &error));
  REQUIRE(replay::Replay(BuiltInPolicy(), stream, first_half, false, dir.File("off.db"),
                         &without, &error));
  INFO("variants of decided posts caught: " << with.decided_variants_caught << "/"
                                            << with.decided_variants << " with memory, "
                                            << without.decided_variants_caught << " without");
  REQUIRE(with.decided_variants > 20);
  CHECK(with.decided_variants_caught >= 0.9 * with.decided_variants);
  CHECK(with.decided_variants_caught > without.decided_variants_caught);
  CHECK(with.caught_by_memory > 0);
  CHECK(with.variants_caught >= without.variants_caught);
  CHECK(with.false_hides <= without.false_hides);
  // gold-dev has no post the policy flags wrongly, so no approval to remember
  // here: memory_rules_test and memory_e2e_test cover approvals.
  CHECK(with.false_flags <= without.false_flags);
}

}  // namespace
}  // namespace modbot
