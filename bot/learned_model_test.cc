// The per-forum model: trained from decisions in a real SQLite store, refused on too
// few, scored on its held-out part, written and read back; a damaged or missing
// file leaves the daemon's slot empty with the reason, and a new file is picked up
// on the next load.
#include "bot/learned_model.h"

#include <catch2/catch.hpp>

#include <fstream>

#include "bot/learn_command.h"
#include "bot/learned_model_store.h"
#include "bot/model_slot.h"
#include "bot/store.h"
#include "tests/modbot_process.h"
#include "tests/scripted_decisions.h"

namespace modbot {
namespace {

using testing::TempDir;

std::vector<LabelledText> Examples() { return testing::InsultsAndQuestions(20); }

TEST_CASE("learn: fewer decisions than learned_min_decisions are refused with the count",
          "[learn]") {
  TempDir dir;
  std::string error;
  std::unique_ptr<Store> store = Store::Open(dir.File("modbot.db"), &error);
  REQUIRE(store);
  testing::DecideScriptedPosts(store.get(), 4);  // 12 decisions
  LearnResult result;
  CHECK_FALSE(Learn(store->db(), {}, 13, 0.8, 1, &result, &error));
  CHECK(error ==
        "12 human decisions in the store, fewer than [policy] learned_min_decisions = 13: "
        "no model trained");
  CHECK_FALSE(result.model);
  CHECK(Learn(store->db(), {}, 12, 0.8, 1, &result, &error));
}

TEST_CASE("learn: a model trained on scripted decisions flags its held-out part",
          "[learn]") {
  TempDir dir;
  std::string error;
  std::unique_ptr<Store> store = Store::Open(dir.File("modbot.db"), &error);
  REQUIRE(store);
  testing::DecideScriptedPosts(store.get(), 30);

  std::vector<DecidedText> decided;
  REQUIRE(ReadDecidedTexts(store->db(), &decided, &error));
  REQUIRE(decided.size() == 90);
  CHECK(decided[0].post_id == "i0");
  CHECK(decided[0].example.label == "abusive");
  CHECK(decided[0].example.text == testing::InsultText(0));

  LearnResult result;
  REQUIRE(Learn(store->db(), {}, 50, 0.8, 1, &result, &error));
  CHECK(result.decisions == 90);
  // One in five by the hash of the post id: the same posts on every run.
  size_t held_out = 0;
  for (const DecidedText& d : decided) held_out += HeldOut(d.post_id);
  CHECK(result.held_out.size() == held_out);
  CHECK(held_out > 5);
  CHECK(held_out < 35);
  const ClauseScore& abusive = result.score.by_clause.at("abusive");
  const ClauseScore& spam = result.score.by_clause.at("spam_links");
  CHECK(result.score.all.actual == abusive.actual + spam.actual);
  // The templates are easy: every flag on the held-out part is right, and most of
  // the held-out insults and pitches are flagged.
  REQUIRE(result.score.all.Precision());
  CHECK(*result.score.all.Precision() == 1.0);
  CHECK(*result.score.all.Recall() >= 0.8);

  // One thread, a fixed seed: the same decisions give the same model.
  LearnResult again;
  REQUIRE(Learn(store->db(), {}, 50, 0.8, 1, &again, &error));
  CHECK(again.model->hash() == result.model->hash());
}

TEST_CASE("learned model: written atomically, read back the same", "[learn]") {
  TempDir dir;
  std::string error;
  std::unique_ptr<LearnedModel> model = LearnedModel::Train(Examples(), 3, &error);
  REQUIRE(model);
  const std::string path = dir.File("modbot.model");
  REQUIRE(model->Save(path, &error));
  CHECK_FALSE(std::filesystem::exists(path + ".tmp" + std::to_string(getpid())));
  std::unique_ptr<LearnedModel> read = LearnedModel::Load(path, &error);
  REQUIRE(read);
  CHECK(read->version() == 3);
  CHECK(read->hash() == model->hash());
  const std::string insult = "You are such an idiot, everyone knows you are an idiot";
  std::optional<ModelSignal> signal = read->Signal(insult);
  REQUIRE(signal);
  CHECK(signal->clause == Clause::kAbusive);
  CHECK(signal->model_version == 3);
  CHECK(signal->probability == model->Signal(insult)->probability);
  CHECK(read->Predict(testing::QuestionText(40))->first == "allow");
}

TEST_CASE("learned model: the violation signal is the weight of every clause together",
          "[learn]") {
  std::string error;
  std::unique_ptr<LearnedModel> model = LearnedModel::Train(Examples(), 2, &error);
  REQUIRE(model);
  const std::string insult = "You are such an idiot, everyone knows you are an idiot";
  const std::optional<ModelSignal> clause = model->Signal(insult);
  const std::optional<ModelSignal> violation = model->ViolationSignal(insult);
  REQUIRE(clause);
  REQUIRE(violation);
  CHECK(violation->clause == clause->clause);
  CHECK(violation->probability >= clause->probability - 1e-4);  // fastText's floats
  // 1 - P(allow), whatever the clauses' shares of the rest.
  const auto question = model->Predict(testing::QuestionText(40));
  REQUIRE(question);
  REQUIRE(question->first == "allow");
  CHECK(model->ViolationSignal(testing::QuestionText(40))->probability ==
        Approx(1 - question->second));
}

TEST_CASE("learned model: a damaged or missing file is refused with the reason", "[learn]") {
  TempDir dir;
  std::string error;
  const std::string path = dir.File("modbot.model");
  CHECK_FALSE(LearnedModel::Load(path, &error));
  CHECK(error == path + ": No such file or directory");

  std::ofstream(path) << "not a model\n";
  CHECK_FALSE(LearnedModel::Load(path, &error));
  CHECK(error.find("not a model written by modbot learn") != std::string::npos);

  std::unique_ptr<LearnedModel> model = LearnedModel::Train(Examples(), 1, &error);
  REQUIRE(model);
  REQUIRE(model->Save(path, &error));
  std::string bytes = testing::ReadFile(path);
  bytes[bytes.size() / 2] ^= 0x55;
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  CHECK_FALSE(LearnedModel::Load(path, &error));
  CHECK(error == path + ": model v1 is damaged (its bytes do not match the hash in its header)");

  // Cut short.
  REQUIRE(model->Save(path, &error));
  std::filesystem::resize_file(path, 200);
  CHECK_FALSE(LearnedModel::Load(path, &error));
  CHECK(error.find("is damaged") != std::string::npos);
}

TEST_CASE("model slot: a reload picks up a new model; a damaged one empties the slot",
          "[learn]") {
  TempDir dir;
  std::string error;
  const std::string path = dir.File("modbot.model");
  ModelSlot slot;
  CHECK(slot.Load(""));
  CHECK_FALSE(slot.model());

  CHECK_FALSE(slot.Load(path));
  CHECK_FALSE(slot.model());
  CHECK(slot.problem() == path + ": No such file or directory");

  REQUIRE(LearnedModel::Train(Examples(), 1, &error)->Save(path, &error));
  CHECK(slot.Load(path));
  REQUIRE(slot.model());
  CHECK(slot.model()->version() == 1);
  CHECK(slot.problem().empty());

  REQUIRE(LearnedModel::Train(Examples(), 2, &error)->Save(path, &error));
  CHECK(slot.Load(path));
  REQUIRE(slot.model());
  CHECK(slot.model()->version() == 2);

  std::ofstream(path, std::ios::trunc) << "modbot-learned-model 1 3 0000000000000000\n";
  CHECK_FALSE(slot.Load(path));
  CHECK_FALSE(slot.model());
  CHECK(slot.problem().find("model v3 is damaged") != std::string::npos);
}

TEST_CASE("learn: each model is recorded in the store with its held-out precision",
          "[learn]") {
  TempDir dir;
  std::string error;
  std::unique_ptr<Store> store = Store::Open(dir.File("modbot.db"), &error);
  REQUIRE(store);
  std::optional<ModelRecord> latest;
  REQUIRE(LatestModel(store->db(), &latest, &error));
  CHECK_FALSE(latest);
  int version = 0;
  REQUIRE(NextModelVersion(store->db(), &version, &error));
  CHECK(version == 1);
  REQUIRE(RecordModel(store->db(), {1, "abc", "m", 90, 17, 0.75, 5}, &error));
  REQUIRE(RecordModel(store->db(), {2, "def", "m", 95, 18, std::nullopt, 6}, &error));
  REQUIRE(NextModelVersion(store->db(), &version, &error));
  CHECK(version == 3);
  REQUIRE(LatestModel(store->db(), &latest, &error));
  REQUIRE(latest);
  CHECK(latest->version == 2);
  CHECK(latest->hash == "def");
  CHECK(latest->decisions == 95);
  CHECK_FALSE(latest->held_out_precision);
}

TEST_CASE("learn: the corpora's labels become clauses, a bad row is named by file:line",
          "[learn]") {
  TempDir dir;
  std::filesystem::create_directories(dir.path / "b_spam");
  std::filesystem::create_directories(dir.path / "a_hate");
  std::ofstream(dir.File("b_spam/data.jsonl"))
      << R"({"text": "win a prize now", "lang": "en", "labels": {"spam": true}})" "\n"
      << R"({"text": "see you at six", "lang": "en", "labels": {"spam": false}})" "\n";
  std::ofstream(dir.File("a_hate/data.jsonl"))
      << R"({"text": "they are vermin", "labels": {"toxic": true, "identity_hate": true}})" "\n"
      << R"({"text": "you suck", "labels": {"toxic": true, "identity_hate": false}})" "\n"
      << R"({"text": "unlabelled", "labels": {}})" "\n";
  std::vector<LabelledText> rows;
  std::string error;
  REQUIRE(ReadCorpora(dir.path.string(), &rows, &error));
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].label == "discrimination");
  CHECK(rows[1].label == "abusive");
  CHECK(rows[2].label == "spam_links");
  CHECK(rows[3].label == "allow");

  std::ofstream(dir.File("b_spam/data.jsonl"), std::ios::app) << "{\"text\": 3}\n";
  rows.clear();
  CHECK_FALSE(ReadCorpora(dir.path.string(), &rows, &error));
  CHECK(error.find(dir.File("b_spam/data.jsonl") + ":3: not a corpus row") == 0);
}

TEST_CASE("learn: stats count the model's review flags that moderators upheld", "[learn]") {
  TempDir dir;
  std::string error;
  std::unique_ptr<Store> store = Store::Open(dir.File("modbot.db"), &error);
  REQUIRE(store);
  testing::DecideScriptedPosts(store.get(), 2);  // no model reason: not counted
  auto flagged_by_model = [&](const std::string& id) {
    Judgement j;
    j.post_id = id;
    j.version = "1";
    j.author = "zed";
    j.verdict.action = Action::kReview;
    j.verdict.clauses = {Clause::kAbusive};
    j.verdict.reasons = {{Clause::kAbusive, "model.abusive", 0.9, "model v1"}};
    j.local_review = true;
    j.context.text = testing::InsultText(10 + static_cast<int>(id.size()));
    j.fingerprint = {*TextFingerprint(j.context.text), "Parks", 400};
    REQUIRE(store->RecordJudgement(j, 1000, &error));
  };
  flagged_by_model("m1");
  flagged_by_model("m22");
  flagged_by_model("m333");
  ReviewOutcome outcome;
  REQUIRE(store->ResolveReview({"m1", "1", false, "abusive", "anne", "", {}}, 2000, &outcome,
                               &error));
  REQUIRE(store->ResolveReview({"m22", "1", true, "", "anne", "", {}}, 2000, &outcome, &error));
  ModelFlagOutcomes outcomes;
  REQUIRE(ReadModelFlagOutcomes(store->db(), std::nullopt, &outcomes, &error));
  CHECK(outcomes.upheld == 1);
  CHECK(outcomes.overruled == 1);
  CHECK(outcomes.undecided == 1);
  REQUIRE(ReadModelFlagOutcomes(store->db(), 1001, &outcomes, &error));
  CHECK(outcomes.upheld + outcomes.overruled + outcomes.undecided == 0);
}

}  // namespace
}  // namespace modbot
