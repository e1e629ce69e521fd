#include "policy/needle_set.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

namespace modbot {
namespace {

std::vector<int> FoundByFind(const std::vector<std::string>& needles, std::string_view text) {
  std::vector<int> found;
  for (size_t i = 0; i < needles.size(); ++i) {
    if (!needles[i].empty() && text.find(needles[i]) != std::string_view::npos) {
      found.push_back(static_cast<int>(i));
    }
  }
  return found;
}

std::vector<int> Sorted(std::vector<int> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST_CASE("NeedleSet: finds literal needles, metacharacters and UTF-8 included", "[policy]") {
  std::vector<std::string> needles = {" piscine", " pool ", "a.b", "(x)", "", " déneigement ",
                                      "\xC3", "c++"};
  NeedleSet set(needles);
  CHECK(Sorted(set.Found(" la piscine municipale ")) == std::vector<int>{0});
  CHECK(Sorted(set.Found(" the pool is open ")) == std::vector<int>{1});
  CHECK(set.Found(" the pools are open ").empty());
  CHECK(Sorted(set.Found("a.b (x) c++")) == std::vector<int>{2, 3, 7});
  CHECK(set.Found("axb x c").empty());
  // Bytes, as find() sees them: a lone lead byte is found inside "é".
  CHECK(Sorted(set.Found(" le déneigement ")) == std::vector<int>{5, 6});
  CHECK(set.Found("").empty());
  CHECK(NeedleSet({}).Found("anything").empty());
  CHECK(NeedleSet({""}).Found("anything").empty());
  CHECK(set.FoundAny(" la piscine "));
  CHECK_FALSE(set.FoundAny(" the pools are open "));
  CHECK_FALSE(NeedleSet({}).FoundAny("anything"));
  CHECK_FALSE(NeedleSet({""}).FoundAny("anything"));
}

TEST_CASE("NeedleSet: agrees with find() on random needles and texts", "[policy]") {
  std::mt19937 rng(7);
  const std::string alphabet = "ab c\xC3\xA9.*";
  auto random_string = [&](size_t max) {
    std::string s(rng() % (max + 1), ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    return s;
  };
  for (int round = 0; round < 50; ++round) {
    std::vector<std::string> needles;
    for (int i = 0; i < 40; ++i) needles.push_back(random_string(4));
    NeedleSet set(needles);
    for (int t = 0; t < 40; ++t) {
      std::string text = random_string(60);
      INFO("text '" << text << "'");
      CHECK(Sorted(set.Found(text)) == FoundByFind(needles, text));
      CHECK(set.FoundAny(text) == !FoundByFind(needles, text).empty());
    }
  }
}

}  // namespace
}  // namespace modbot
