// train_built_in_model EXAMPLES OUT: the build's step that trains the built-in model
// (bot/built_in_model.h) from EXAMPLES, one JSON object a line,
// {"format": "markdown", "text": "...", "label": "allow" or a clause id}, and writes
// it to OUT. Each text is parsed as the daemon parses a post, so that the model
// learns from the author's own words, as it will judge them.
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bot/learned_model.h"
#include "policy/body_parser.h"
#include "policy/clause.h"

namespace {

// The example on line_text, or false with *error saying what is wrong with it.
bool ReadExample(const std::string& line_text, modbot::LabelledText* example, std::string* error) {
  const nlohmann::json line = nlohmann::json::parse(line_text, nullptr, false);
  if (!line.is_object() || !line.contains("text") || !line["text"].is_string() ||
      !line.contains("label") || !line["label"].is_string()) {
    *error = "not an object with a string \"text\" and \"label\"";
    return false;
  }
  const std::string label = line["label"];
  if (label != modbot::kAllowLabel && !modbot::ClauseFromId(label)) {
    *error = "label \"" + label + "\" is neither \"allow\" nor a clause id";
    return false;
  }
  const std::string format_name = line.value("format", "plain");
  const std::optional<modbot::Format> format = modbot::FormatFromName(format_name);
  if (!format) {
    *error = "format \"" + format_name + "\" is not markdown, bbcode, html or plain";
    return false;
  }
  example->text = modbot::ParsePostBody(line["text"].get<std::string>(), *format).own_text;
  example->label = label;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: train_built_in_model EXAMPLES OUT\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::perror(argv[1]);
    return 1;
  }
  std::vector<modbot::LabelledText> examples;
  std::string line, error;
  for (int number = 1; std::getline(in, line); ++number) {
    modbot::LabelledText example;
    if (!ReadExample(line, &example, &error)) {
      std::fprintf(stderr, "%s:%d: %s\n", argv[1], number, error.c_str());
      return 1;
    }
    examples.push_back(std::move(example));
  }
  std::unique_ptr<modbot::LearnedModel> model =
      modbot::LearnedModel::Train(examples, 1, &error, modbot::kBuiltInModelShape);
  if (!model || !model->Save(argv[2], &error)) {
    std::fprintf(stderr, "train_built_in_model: %s\n", error.c_str());
    return 1;
  }
  return 0;
}
