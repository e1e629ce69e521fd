// The built-in model as the build linked it in: read, heard only for posts in a
// topic, and stood aside for the forum's own model.
#include "bot/built_in_model.h"

#include <catch2/catch.hpp>

#include "policy/body_parser.h"
#include "tests/scripted_decisions.h"

namespace modbot {
namespace {

Post InTopic(const std::string& text, const std::string& title) {
  Post post;
  post.id = "p1";
  post.body = ParsePostBody(text, Format::kPlain);
  post.topic.title = title;
  return post;
}

TEST_CASE("built-in model: linked in, and on the right side of even odds for an insult and "
          "a question",
          "[model]") {
  const LearnedModel* model = BuiltInModel();
  REQUIRE(model);
  CHECK(model->version() == 1);
  // A post in the shape of its examples' many insults, words not copied from them,
  // and a plain question: on the right sides of even odds. (How sure it is where it
  // counts is measured on labelled posts in tests/gold_test.cc.)
  const std::optional<ModelSignal> insult = model->ViolationSignal(
      "You are a pathetic idiot and a clown, nobody wants to read your garbage");
  REQUIRE(insult);
  CHECK(insult->probability > 0.5);
  const std::optional<ModelSignal> question = model->ViolationSignal(
      "Does anyone know when the outdoor pool opens this summer? Thanks!");
  REQUIRE(question);
  CHECK(question->probability < 0.5);
}

TEST_CASE("built-in model: heard only for a post in a topic, when allowed, and never over "
          "the forum's own model", "[model]") {
  const std::string text =
      "You are a pathetic idiot and a clown, nobody wants to read your garbage";
  Post post = InTopic(text, "Snow removal on Cavendish");
  std::optional<ModelSignal> signal = ModelSignalFor(post, nullptr, true);
  REQUIRE(signal);
  CHECK(signal->built_in);
  CHECK(signal->probability ==
        BuiltInModel()->ViolationSignal(post.body.own_text)->probability);

  // [policy] built_in_model = false
  CHECK_FALSE(ModelSignalFor(post, nullptr, false));

  post.topic.title.clear();
  CHECK_FALSE(ModelSignalFor(post, nullptr, true));
  post.topic.category = "Public works";
  CHECK(ModelSignalFor(post, nullptr, true));

  std::string error;
  std::unique_ptr<LearnedModel> forum =
      LearnedModel::Train(testing::InsultsAndQuestions(20), 4, &error);
  REQUIRE(forum);
  for (bool built_in_model : {true, false}) {
    signal = ModelSignalFor(post, forum.get(), built_in_model);
    REQUIRE(signal);
    CHECK_FALSE(signal->built_in);
    CHECK(signal->model_version == 4);
  }
}

}  // namespace
}  // namespace modbot
