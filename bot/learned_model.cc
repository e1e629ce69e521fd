#include "bot/learned_model.h"

#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include <fasttext/fasttext.h>
#include <fasttext/loss.h>

#include "adapters/content_version.h"
#include "policy/clause.h"
#include "policy/normalizer.h"

namespace modbot {

namespace {

constexpr std::string_view kMagic = "modbot-learned-model";
constexpr int kFormat = 1;
constexpr std::string_view kLabelPrefix = "__label__";
// Fixed, so that the same decisions give the same model.
constexpr int kSeed = 11;

// A small supervised model: word bigrams and character 3-5-grams, so that French
// and English inflections and light misspellings share weights.
fasttext::Args TrainingArgs(const std::string& input, const TrainingShape& shape) {
  fasttext::Args args;
  args.input = input;
  args.model = fasttext::model_name::sup;
  args.loss = fasttext::loss_name::softmax;
  args.lr = shape.learning_rate;
  args.epoch = shape.epochs;
  args.dim = shape.dimensions;
  args.wordNgrams = 2;
  args.minCount = 1;
  args.minn = 3;
  args.maxn = 5;
  args.bucket = shape.buckets;
  args.thread = 1;
  args.seed = kSeed;
  args.verbose = 0;
  return args;
}

bool ReadFile(const std::string& path, std::string* bytes, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": " + std::strerror(errno);
    return false;
  }
  bytes->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

// A file of its own in the temporary folder, removed when this goes.
class ScratchFile {
 public:
  ScratchFile() {
    const char* tmp = std::getenv("TMPDIR");
    path_ = std::string(tmp && *tmp ? tmp : "/tmp") + "/modbot-learn-XXXXXX";
    const int fd = mkstemp(path_.data());
    if (fd < 0) {
      path_.clear();
    } else {
      close(fd);
    }
  }
  ~ScratchFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Bytes read as a stream where they are: an istringstream would copy a model's
// whole file to parse it.
class BytesBuffer : public std::streambuf {
 public:
  explicit BytesBuffer(std::string_view bytes) {
    char* begin = const_cast<char*>(bytes.data());  // only ever read
    setg(begin, begin, begin + bytes.size());
  }
};

std::string Header(int version, const std::string& hash) {
  return std::string(kMagic) + " " + std::to_string(kFormat) + " " + std::to_string(version) +
         " " + hash + "\n";
}

}  // namespace

// fastText with two things its public interface lacks: the loader's check of a
// model's magic number and version, which only its file-name overload makes (it
// also sets the version the rest of the load reads by), and a cheaper prediction.
//
// fastText sums the input rows of a line's words and word parts through a virtual
// call and two size checks per row, one float at a time: on `classify` that was
// nearly half of the built-in model's time. Predict sums the same rows in the same
// order, each float by the same additions, and leaves the rest (scaling, output
// layer, softmax, ranking) to fastText itself, so its probabilities are fastText's
// to the last bit.
class FastTextModel : public fasttext::FastText {
 public:
  bool Read(std::istream& in) {
    if (!checkModel(in)) return false;
    loadModel(in);
    Ready();
    return true;
  }

  void Train(const fasttext::Args& args) {
    train(args);
    Ready();
  }

  // Every label of a line with its log-probability, likeliest first: what
  // FastText::predict(-1, words, ..., 0) gives for the line's words.
  fasttext::Predictions Predict(std::istream& line) const {
    std::vector<int32_t> words, labels;
    dict_->getLine(line, words, labels);
    fasttext::Predictions predictions;
    if (words.empty()) return predictions;
    if (!input_rows_) {  // a quantised model: no rows to sum
      predict(-1, words, predictions, 0.0);
      return predictions;
    }
    fasttext::Model::State state(args_->dim, dict_->nlabels(), 0);
    fasttext::Vector& hidden = state.hidden;
    hidden.zero();
    const int64_t dim = input_rows_->cols();
    fasttext::real* __restrict sum = hidden.data();
    for (int32_t word : words) {
      const fasttext::real* __restrict row = input_rows_->data() + word * dim;
      int64_t j = 0;
      for (; j + 4 <= dim; j += 4) {  // four floats an instruction, each added alone
        Floats4 a, b;
        std::memcpy(&a, sum + j, sizeof a);
        std::memcpy(&b, row + j, sizeof b);
        a += b;
        std::memcpy(sum + j, &a, sizeof a);
      }
      for (; j < dim; ++j) sum[j] += row[j];
    }
    hidden.mul(1.0 / words.size());
    const int32_t all = static_cast<int32_t>(output_->size(0));
    predictions.reserve(all + 1);
    loss_for_predict_->predict(all, 0.0, predictions, state);
    return predictions;
  }

  std::string Label(int32_t label) const { return dict_->getLabel(label); }

 private:
  using Floats4 = fasttext::real __attribute__((vector_size(4 * sizeof(fasttext::real))));

  void Ready() {
    input_rows_ = dynamic_cast<const fasttext::DenseMatrix*>(input_.get());
    loss_for_predict_ = createLoss(output_);
  }

  const fasttext::DenseMatrix* input_rows_ = nullptr;
  std::shared_ptr<fasttext::Loss> loss_for_predict_;
};

std::string SignalSummary(const std::optional<ModelSignal>& signal) {
  if (!signal) return "no clause";
  char probability[16];
  std::snprintf(probability, sizeof probability, " %.2f", signal->probability);
  return std::string(ClauseId(signal->clause)) + probability;
}

std::string ModelText(std::string_view text) {
  std::string out;
  for (char c : Normalize(text).skeleton) {
    const unsigned char u = static_cast<unsigned char>(c);
    const bool separator = u < 0x80 && !std::isalnum(u);
    if (separator) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

LearnedModel::LearnedModel(std::unique_ptr<FastTextModel> model, std::string bytes,
                           std::string_view linked_bytes, int version)
    : model_(std::move(model)),
      own_bytes_(std::move(bytes)),
      bytes_(linked_bytes.empty() ? std::string_view(own_bytes_) : linked_bytes),
      version_(version),
      hash_(ContentHash(bytes_)) {}

LearnedModel::~LearnedModel() = default;

std::unique_ptr<LearnedModel> LearnedModel::Load(const std::string& path, std::string* error) {
  std::string file;
  if (!ReadFile(path, &file, error)) return nullptr;
  return FromFile(file, path, error);
}

std::unique_ptr<LearnedModel> LearnedModel::FromFile(std::string_view file,
                                                     const std::string& path,
                                                     std::string* error) {
  return Parse(file, path, /*linked=*/false, error);
}

std::unique_ptr<LearnedModel> LearnedModel::FromLinkedFile(std::string_view file,
                                                           const std::string& path,
                                                           std::string* error) {
  return Parse(file, path, /*linked=*/true, error);
}

std::unique_ptr<LearnedModel> LearnedModel::Parse(std::string_view file, const std::string& path,
                                                  bool linked, std::string* error) {
  const size_t newline = file.find('\n');
  std::istringstream header(std::string(file.substr(0, newline == std::string::npos ? 0 : newline)));
  std::string magic, hash;
  int format = 0, version = 0;
  header >> magic >> format >> version >> hash;
  if (newline == std::string::npos || magic != kMagic || format != kFormat || version <= 0) {
    *error = path + ": not a model written by modbot learn (header \"" +
             std::string(kMagic) + " " + std::to_string(kFormat) + " VERSION HASH\" missing)";
    return nullptr;
  }
  const std::string_view bytes = file.substr(newline + 1);
  if (ContentHash(bytes) != hash) {
    *error = path + ": model v" + std::to_string(version) +
             " is damaged (its bytes do not match the hash in its header)";
    return nullptr;
  }
  auto reader = std::make_unique<FastTextModel>();
  try {
    BytesBuffer buffer(bytes);
    std::istream in(&buffer);
    if (!reader->Read(in)) {
      *error = path + ": model v" + std::to_string(version) + " is not a fastText model";
      return nullptr;
    }
  } catch (const std::exception& e) {
    *error = path + ": model v" + std::to_string(version) + ": " + e.what();
    return nullptr;
  }
  if (reader->getArgs().model != fasttext::model_name::sup) {
    *error = path + ": model v" + std::to_string(version) + " is not a classifier";
    return nullptr;
  }
  return std::unique_ptr<LearnedModel>(new LearnedModel(
      std::move(reader), linked ? std::string() : std::string(bytes), linked ? bytes : std::string_view(), version));
}

std::unique_ptr<LearnedModel> LearnedModel::Train(const std::vector<LabelledText>& examples,
                                                  int version, std::string* error,
                                                  const TrainingShape& shape) {
  ScratchFile input, output;
  if (input.path().empty() || output.path().empty()) {
    *error = std::string("cannot make a temporary file: ") + std::strerror(errno);
    return nullptr;
  }
  {
    std::ofstream out(input.path(), std::ios::binary);
    for (const LabelledText& example : examples) {
      out << kLabelPrefix << example.label << ' ' << ModelText(example.text) << '\n';
    }
    if (!out.flush()) {
      *error = input.path() + ": cannot write the training examples";
      return nullptr;
    }
  }
  auto model = std::make_unique<FastTextModel>();
  std::string bytes;
  try {
    model->Train(TrainingArgs(input.path(), shape));
    model->saveModel(output.path());
  } catch (const std::exception& e) {
    *error = std::string("fastText: ") + e.what();
    return nullptr;
  }
  if (!ReadFile(output.path(), &bytes, error)) return nullptr;
  return std::unique_ptr<LearnedModel>(
      new LearnedModel(std::move(model), std::move(bytes), std::string_view(), version));
}

std::vector<std::pair<double, std::string>> LearnedModel::Labels(std::string_view text) const {
  std::istringstream in(ModelText(text) + "\n");
  std::vector<std::pair<double, std::string>> labels;
  for (const auto& [log_probability, id] : model_->Predict(in)) {
    // As FastText::predictLine gives it: the float exponential of the float.
    const fasttext::real probability = std::exp(log_probability);
    const std::string label = model_->Label(id);
    labels.emplace_back(probability, label.substr(std::min(label.size(), kLabelPrefix.size())));
  }
  return labels;
}

std::optional<std::pair<std::string, double>> LearnedModel::Predict(std::string_view text) const {
  const auto labels = Labels(text);
  if (labels.empty()) return std::nullopt;
  return std::make_pair(labels[0].second, labels[0].first);
}

std::optional<ModelSignal> LearnedModel::Signal(std::string_view text) const {
  for (const auto& [probability, label] : Labels(text)) {
    std::optional<Clause> clause = ClauseFromId(label);
    if (clause && probability > 0) return ModelSignal{*clause, probability, version_};
  }
  return std::nullopt;
}

std::optional<ModelSignal> LearnedModel::ViolationSignal(std::string_view text) const {
  double allow = 0;
  std::optional<Clause> likeliest;
  for (const auto& [probability, label] : Labels(text)) {
    if (label == kAllowLabel) {
      allow = probability;
    } else if (!likeliest) {
      likeliest = ClauseFromId(label);
    }
  }
  if (!likeliest) return std::nullopt;
  return ModelSignal{*likeliest, 1 - allow, version_};
}

bool LearnedModel::Save(const std::string& path, std::string* error) const {
  const std::string temporary = path + ".tmp" + std::to_string(getpid());
  const int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = temporary + ": " + std::strerror(errno);
    return false;
  }
  const bool written = WriteAll(fd, Header(version_, hash_)) && WriteAll(fd, bytes_) &&
                       fsync(fd) == 0;
  const int saved_errno = errno;
  close(fd);
  if (!written || std::rename(temporary.c_str(), path.c_str()) != 0) {
    *error = (written ? path : temporary) + ": " + std::strerror(written ? errno : saved_errno);
    std::remove(temporary.c_str());
    return false;
  }
  return true;
}

}  // namespace modbot
