// classify_bench: throughput and peak memory of `modbot classify`, against the
// ceiling of a bare scan of the same bytes with the same RE2::Sets.
//
//   classify_bench                              generate a corpus in memory and measure
//   classify_bench --write-corpus FILE          generate, write it as JSONL, and exit
//   classify_bench --corpus FILE                stream the posts from FILE (fair RSS)
//   options: --posts N (default 100000) --seed S (default 1) --runs N (default 3)
//
// The recommended way is generate → file → stream, so that the corpus does not sit
// in memory while the engine's peak RSS is read:
//   classify_bench --write-corpus /tmp/corpus.jsonl
//   classify_bench --corpus /tmp/corpus.jsonl
//
// MB here is 10^6 bytes. Times are the best of --runs runs, on one thread.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "bot/judge_commands.h"
#include "policy/lexicon.h"
#include "policy/policy.h"

namespace {

// ---------------------------------------------------------------------------
// Streams that cost nothing, so that only the engine is measured.

// Discards everything written to it; overflow() is the only path once there is
// no put area, and it does nothing.
class NullBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

// Reads a string that already sits in memory without copying it (istringstream
// would copy the whole corpus, doubling its footprint).
class MemoryBuffer : public std::streambuf {
 public:
  explicit MemoryBuffer(std::string_view data) {
    char* begin = const_cast<char*>(data.data());  // get area is never written
    setg(begin, begin, begin + data.size());
  }
};

// ---------------------------------------------------------------------------
// A small deterministic PRNG (splitmix64): the same seed gives the same corpus on
// every machine and standard library, which std::uniform_int_distribution does not
// promise.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  int Between(int lo, int hi) { return lo + static_cast<int>(Below(static_cast<size_t>(hi - lo + 1))); }
  bool Chance(double p) { return static_cast<double>(Next() >> 11) * 0x1.0p-53 < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& pool) { return pool[Below(pool.size())]; }

 private:
  uint64_t state_;
};

// ---------------------------------------------------------------------------
// Word and phrase pools. Sentences are assembled from an opener, a subject, a
// predicate and a tail, so that texts vary without a large data file.

using Pool = std::vector<std::string>;

struct Language {
  Pool openers, subjects, predicates, tails, one_words;
};

const Language& English() {
  static const Language lang{
      {"", "", "", "Honestly, ", "I think ", "As a resident, ", "FYI ", "Just wondering: ", "Thanks, ",
       "Good point, ", "For what it's worth, ", "Quick question: "},
      {"the new bike lane on Cavendish", "the library", "snow removal on our street", "the pool schedule",
       "the recycling pickup", "the community garden", "the council meeting", "the park near Kildare",
       "parking on Westminster", "the splash pad", "the aquatic centre", "the tree planting program",
       "the budget for 2025", "the arena", "the dog run", "the public works crew", "the road repairs",
       "the senior centre", "the summer camp registration", "the noise from the construction site"},
      {"is much better this year", "should open earlier on weekends", "was delayed again",
       "needs more lighting at night", "has been great for the kids", "could use a few more benches",
       "is confusing for newcomers", "was discussed at the last meeting", "deserves a proper assessment",
       "will be closed for maintenance", "is a real improvement", "takes too long to get approved",
       "should be announced on the website", "is packed every Saturday", "was cleaned up quickly"},
      {".", ".", ".", "!", "?", " as far as I can tell.", " according to the newsletter.",
       " if I remember correctly.", " in my experience.", " since last spring.", " for the third week in a row.",
       " which is good news.", " and I appreciate the effort."},
      {"Thanks", "Agreed", "+1", "Congrats", "Interesting", "Noted", "lol", "Same", "Yes", "Bravo"},
  };
  return lang;
}

const Language& French() {
  static const Language lang{
      {"", "", "", "Franchement, ", "Je pense que ", "En tant que résident, ", "Petite question : ",
       "Merci, ", "À mon avis, ", "Pour info, "},
      {"la nouvelle piste cyclable", "la bibliothèque", "le déneigement de notre rue", "l'horaire de la piscine",
       "la collecte du recyclage", "le jardin communautaire", "la séance du conseil", "le parc près de Kildare",
       "le stationnement sur Westminster", "les jeux d'eau", "le centre aquatique", "la plantation d'arbres",
       "le budget de l'année prochaine", "l'aréna", "l'aire d'exercice canin", "l'équipe des travaux publics",
       "la réfection des rues", "le centre des aînés", "l'inscription au camp de jour", "le bruit du chantier"},
      {"est beaucoup mieux cette année", "devrait ouvrir plus tôt la fin de semaine", "a encore été retardé",
       "manque d'éclairage le soir", "est super pour les enfants", "aurait besoin de quelques bancs",
       "est mêlant pour les nouveaux arrivants", "a été discuté à la dernière séance",
       "mérite une vraie consultation", "sera fermé pour entretien", "est une belle amélioration",
       "prend trop de temps à être approuvé", "devrait être annoncé sur le site", "est plein chaque samedi"},
      {".", ".", ".", " !", " ?", " si je me souviens bien.", " selon le bulletin municipal.",
       " d'après mon expérience.", " depuis le printemps dernier.", " ce qui est une bonne nouvelle.",
       " et j'apprécie l'effort."},
      {"Merci", "D'accord", "Bravo", "Félicitations", "Intéressant", "Pareil", "Oui", "Génial"},
  };
  return lang;
}

// Franglais: French frames with English words dropped in, as people write here.
const Language& Franglais() {
  static const Language lang{
      {"", "Genre, ", "Honnêtement, ", "Btw ", "Ok mais "},
      {"le parking du centre", "le shift de nuit des cols bleus", "le skatepark", "le meeting de lundi",
       "le deal avec la ville", "la game de hockey à l'aréna", "le free wifi de la bibli", "le timing des travaux"},
      {"est full ce weekend", "c'est vraiment nice", "est un peu weird", "a été cancellé last minute",
       "est cheap pour ce que c'est", "est overbooké", "fait la job", "est down depuis hier"},
      {".", " lol.", " anyway.", " pour vrai.", " tbh.", " !"},
      {"Nice", "Cool", "Full agree", "Sweet", "Ok"},
  };
  return lang;
}

// Violations: each kind is a pool of snippets dropped into an otherwise ordinary
// post. Leetspeak, spacing and masking are there because the normaliser has to
// undo them, which is part of the cost being measured.
const std::vector<Pool>& ViolationPools() {
  static const std::vector<Pool> pools{
      // profanity and insults, plain and disguised, both languages
      {"what the fuck", "this is bullshit", "sh1t", "f*ck this", "f u c k", "f.u.c.k", "fuuuuck", "you idiot",
       "what a moron", "asshole", "tabarnak", "câlisse", "c@lisse", "ostie de cave", "crisse de niaiseux",
       "mange de la marde", "t'es un imbécile", "va chier", "ѕhit"},
      // links, including shorteners and unknown domains
      {"https://bit.ly/3xK9pQ2", "see tinyurl.com/cheap-deals", "http://win-prizes.xyz/claim?id=77",
       "https://t.co/aZ81kQ", "check www.best-replica-watches.top", "[click here](https://rb.gy/k2m1x)",
       "https://cutt.ly/promo2025", "http://crypto-double.click/now"},
      // commercial: prices and promo codes
      {"only $49.99 this week", "use promo code SAVE20", "20% off everything", "code promo ETE2025",
       "buy now and get free shipping", "livraison gratuite", "2 for 1 on all pizzas", "à partir de 15 $",
       "from $ 99", "best prices in town, call us"},
      // phone numbers
      {"call 514-555-0199", "text me at (438) 555 1234", "appelez au 514 555 0147", "+1 450-555-0123",
       "WhatsApp 514.555.0188"},
      // partisan politics and campaigns
      {"Trudeau is ruining this country", "vote Poilievre", "the Liberals again", "the Conservatives lie",
       "Legault et la CAQ", "le PQ va gagner", "Vote for our candidate for mayor", "the NDP plan",
       "le Bloc québécois", "votez pour moi aux élections municipales"},
      // threats and public safety
      {"I know where you live", "you'll regret this", "the door code is 4512", "je sais où tu habites"},
  };
  return pools;
}

const Pool& Usernames() {
  static const Pool pool{"recycle_rita", "marc_t", "csl_dad", "julie.b", "velo_montreal", "sam1985", "nadia",
                         "kildare_kid", "old_timer", "newbie2025", "deals4u", "jp_tremblay", "sophie-l"};
  return pool;
}

const Pool& TopicTitles() {
  static const Pool pool{"Garbage and recycling collection changes for 2025",
                         "Déneigement : horaire de l'hiver",
                         "Bike lanes on Cavendish",
                         "Piscine extérieure : heures d'ouverture",
                         "Library renovation update",
                         "Budget 2025 public consultation",
                         "Parc Kildare : nouveaux jeux",
                         "Noise from construction on Westminster"};
  return pool;
}

const Pool& Categories() {
  static const Pool pool{"Public Works", "Travaux publics", "Parks and Recreation", "Loisirs", "Library",
                         "Council", "General"};
  return pool;
}

// ---------------------------------------------------------------------------
// Generating one post.

enum class Format { kMarkdown, kBbcode, kPlain };

const char* FormatName(Format format) {
  switch (format) {
    case Format::kMarkdown: return "markdown";
    case Format::kBbcode: return "bbcode";
    case Format::kPlain: return "plain";
  }
  return "plain";
}

const Language& PickLanguage(Rng& rng) {
  size_t roll = rng.Below(100);
  if (roll < 55) return English();
  if (roll < 90) return French();
  return Franglais();
}

std::string Sentence(Rng& rng, const Language& lang) {
  return rng.Pick(lang.openers) + rng.Pick(lang.subjects) + ' ' + rng.Pick(lang.predicates) + rng.Pick(lang.tails);
}

// Light markup in the post's own format, so the parsers have something to do.
std::string Decorate(Rng& rng, Format format, const std::string& sentence) {
  if (!rng.Chance(0.1)) return sentence;
  switch (format) {
    case Format::kMarkdown: return "**" + sentence + "**";
    case Format::kBbcode: return "[b]" + sentence + "[/b]";
    case Format::kPlain: return sentence;
  }
  return sentence;
}

std::string Quote(Format format, const std::string& user, const std::string& quoted) {
  switch (format) {
    case Format::kMarkdown: return "[quote=\"" + user + ", post:3, topic:12\"]\n" + quoted + "\n[/quote]\n\n";
    case Format::kBbcode: return "[quote=" + user + "]" + quoted + "[/quote]\n";
    case Format::kPlain: return "> " + quoted + "\n\n";
  }
  return "";
}

// The length of a post's body, in bytes: a few one-worders, mostly a few
// sentences, a long tail up to ~2 KB and the odd ~20 KB wall of text.
size_t TargetLength(Rng& rng) {
  size_t roll = rng.Below(1000);
  if (roll < 3) return 18000 + rng.Below(4000);
  if (roll < 300) return 300 + rng.Below(1700);
  return 40 + rng.Below(260);
}

std::string Body(Rng& rng, Format format, const Language& lang, bool violating) {
  std::string body;
  if (rng.Chance(0.07)) {
    body = rng.Pick(lang.one_words);
  } else {
    size_t target = TargetLength(rng);
    while (body.size() < target) {
      if (!body.empty()) body += rng.Chance(0.15) ? "\n\n" : " ";
      body += Decorate(rng, format, Sentence(rng, lang));
    }
  }
  if (violating) {
    // One or two snippets at sentence boundaries, so they sit mid-text as well as
    // at the ends.
    int count = rng.Chance(0.3) ? 2 : 1;
    for (int i = 0; i < count; ++i) {
      const std::string& snippet = rng.Pick(rng.Pick(ViolationPools()));
      size_t at = body.find(". ", rng.Below(body.size() + 1));
      if (at == std::string::npos) {
        body += ' ' + snippet;
      } else {
        body.insert(at + 2, snippet + ". ");
      }
    }
  }
  // About one post in ten quotes another, sometimes a rude one: quoted text is not
  // the replier's own and the engine has to keep it apart.
  if (rng.Chance(0.1)) {
    std::string quoted = Sentence(rng, lang);
    if (rng.Chance(0.3)) quoted += ' ' + rng.Pick(ViolationPools()[0]);
    body = Quote(format, rng.Pick(Usernames()), quoted) + body;
  }
  return body;
}

void AppendJsonString(std::string* out, std::string_view s) {
  *out += '"';
  for (char c : s) {
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\t': *out += "\\t"; break;
      default: *out += c;  // the pools hold no other control characters
    }
  }
  *out += '"';
}

struct GeneratedPost {
  std::string json_line;  // one line of classify input, '\n' included
  std::string text;       // the "text" field, unescaped
};

GeneratedPost MakePost(Rng& rng, size_t index, double violating_share) {
  Format format = static_cast<Format>(rng.Below(3));
  const Language& lang = PickLanguage(rng);
  GeneratedPost post;
  post.text = Body(rng, format, lang, rng.Chance(violating_share));

  std::string& line = post.json_line;
  line = "{\"id\":\"b" + std::to_string(index) + "\",\"format\":\"" + FormatName(format) + "\",\"text\":";
  AppendJsonString(&line, post.text);
  line += ",\"topic\":{\"title\":";
  AppendJsonString(&line, rng.Pick(TopicTitles()));
  line += ",\"category\":";
  AppendJsonString(&line, rng.Pick(Categories()));
  line += "},\"reply_to\":";
  if (rng.Chance(0.4)) {
    AppendJsonString(&line, Sentence(rng, lang));
  } else {
    line += "null";
  }
  // Mostly established accounts, some brand new ones (the fake-account signals).
  bool fresh = rng.Chance(0.08);
  line += ",\"author\":{\"username\":";
  AppendJsonString(&line, rng.Pick(Usernames()) + std::to_string(rng.Below(100)));
  line += ",\"account_age_days\":" + std::to_string(fresh ? rng.Below(3) : 30 + rng.Below(4000));
  line += ",\"post_count\":" + std::to_string(fresh ? rng.Below(2) : rng.Below(2000));
  line += ",\"trust_level\":" + std::to_string(fresh ? 0 : rng.Below(5));
  line += "}}\n";
  return post;
}

// ---------------------------------------------------------------------------
// The corpus: JSONL for the engine, and the post texts back to back for the bare
// scan, with the end of each text.

struct Corpus {
  std::string jsonl;           // empty when streaming from a file
  size_t jsonl_bytes = 0;
  size_t posts = 0;
  std::string texts;           // every post's text, concatenated
  std::vector<size_t> text_ends;
};

Corpus Generate(size_t posts, uint64_t seed) {
  constexpr double kViolatingShare = 0.2;
  Rng rng(seed);
  Corpus corpus;
  corpus.text_ends.reserve(posts);
  for (size_t i = 0; i < posts; ++i) {
    GeneratedPost post = MakePost(rng, i, kViolatingShare);
    corpus.jsonl += post.json_line;
    corpus.texts += post.text;
    corpus.text_ends.push_back(corpus.texts.size());
  }
  corpus.jsonl_bytes = corpus.jsonl.size();
  corpus.posts = posts;
  return corpus;
}

// The texts of a JSONL file, for the bare scan in --corpus mode. Read only after
// the engine has been measured, so they do not count in its peak RSS.
bool LoadTexts(const std::string& path, Corpus* corpus) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json post = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (post.is_object() && post.contains("text") && post["text"].is_string()) {
      corpus->texts += post["text"].get_ref<const std::string&>();
      corpus->text_ends.push_back(corpus->texts.size());
    }
  }
  return true;
}

// ---------------------------------------------------------------------------
// Measuring.

using Clock = std::chrono::steady_clock;

// The best (lowest) wall time of `runs` calls, in seconds: the least disturbed run
// is the closest to what the code costs.
double BestSeconds(int runs, const std::function<void()>& body) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    Clock::time_point start = Clock::now();
    body();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  return best;
}

// Peak resident set size so far, in kB, from the kernel's own high-water mark.
long PeakRssKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  }
  return -1;
}

double Mb(size_t bytes) { return static_cast<double>(bytes) / 1e6; }
double KbToMb(long kb) { return static_cast<double>(kb) * 1024.0 / 1e6; }

// The ceiling: every pattern the policy scans for, in the RE2::Sets of two
// modbot::PatternSets built the way the policy builds its own (policy.cc): word
// lists as phrase patterns in one, pattern files in the other (which splits them
// over several sets by their gaps, see lexicon.h); lists are looked up, never
// scanned, so skipped. The scan stops before PatternSet confirms its candidates.
struct BareSet {
  modbot::PatternSet words;
  modbot::PatternSet patterns;
  int added = 0;
  int rejected = 0;
};

std::unique_ptr<BareSet> BuildBareSet() {
  auto bare = std::make_unique<BareSet>();
  int lexicon = 0;
  for (std::string_view name : modbot::LexiconNames()) {
    modbot::LexiconKind kind = modbot::KindOfLexicon(name);
    if (kind == modbot::LexiconKind::kList) continue;
    for (const std::string& entry : modbot::LexiconEntries(modbot::LexiconText(name))) {
      std::string pattern = kind == modbot::LexiconKind::kWords ? modbot::PhrasePattern(entry) : entry;
      if (pattern.empty()) continue;
      bool ok = kind == modbot::LexiconKind::kWords ? bare->words.Add(pattern, lexicon)
                                                    : bare->patterns.Add(pattern, lexicon);
      ++(ok ? bare->added : bare->rejected);
    }
    ++lexicon;
  }
  if (!bare->words.Compile() || !bare->patterns.Compile()) return nullptr;
  return bare;
}

// Both sets over each post's text. Returns the number of posts where a DFA gave up
// (out of memory), which would make the ceiling wrong.
size_t ScanTexts(const BareSet& bare, const Corpus& corpus, size_t* posts_matched) {
  std::vector<size_t> word_hits, pattern_hits;
  size_t failures = 0;
  size_t matched = 0;
  size_t begin = 0;
  for (size_t end : corpus.text_ends) {
    std::string_view text(corpus.texts.data() + begin, end - begin);
    bool complete = bare.words.Candidates(text, &word_hits);
    complete &= bare.patterns.Candidates(text, &pattern_hits);
    failures += !complete;
    matched += !word_hits.empty() || !pattern_hits.empty();
    begin = end;
  }
  *posts_matched = matched;
  return failures;
}

// Actions over the first posts of the corpus, outside the timed runs: a check that
// the generated violations do reach the detectors.
std::string ActionMix(const modbot::Policy& policy, std::istream& in, size_t sample) {
  std::string lines;
  std::string line;
  for (size_t i = 0; i < sample && std::getline(in, line); ++i) lines += line + '\n';
  std::istringstream sample_in(lines);
  std::ostringstream verdicts;
  modbot::ClassifyStream(policy, /*built_in_model=*/true, sample_in, verdicts);
  size_t allow = 0, review = 0, hide = 0;
  std::istringstream out(verdicts.str());
  while (std::getline(out, line)) {
    if (line.find("\"action\":\"allow\"") != std::string::npos) ++allow;
    if (line.find("\"action\":\"review\"") != std::string::npos) ++review;
    if (line.find("\"action\":\"hide\"") != std::string::npos) ++hide;
  }
  return "allow " + std::to_string(allow) + ", review " + std::to_string(review) + ", hide " +
         std::to_string(hide) + " (first " + std::to_string(sample) + " posts)";
}

// ---------------------------------------------------------------------------
// The command line.

struct Options {
  size_t posts = 100000;
  uint64_t seed = 1;
  int runs = 3;
  std::string write_corpus;  // generate, write, exit
  std::string corpus_file;   // stream from this file instead of memory
};

int Usage() {
  std::fprintf(stderr,
               "usage: classify_bench [--posts N] [--seed S] [--runs N] "
               "[--write-corpus FILE | --corpus FILE]\n");
  return 2;
}

bool ParseOptions(int argc, char** argv, Options* options) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (i + 1 >= argc) return false;
    const char* value = argv[++i];
    if (arg == "--posts") {
      options->posts = std::strtoull(value, nullptr, 10);
    } else if (arg == "--seed") {
      options->seed = std::strtoull(value, nullptr, 10);
    } else if (arg == "--runs") {
      options->runs = std::atoi(value);
    } else if (arg == "--write-corpus") {
      options->write_corpus = value;
    } else if (arg == "--corpus") {
      options->corpus_file = value;
    } else {
      return false;
    }
  }
  return options->posts > 0 && options->runs > 0;
}

int WriteCorpus(const Options& options) {
  Corpus corpus = Generate(options.posts, options.seed);
  std::ofstream out(options.write_corpus, std::ios::binary);
  out << corpus.jsonl;
  if (!out.flush()) {
    std::fprintf(stderr, "classify_bench: cannot write %s\n", options.write_corpus.c_str());
    return 1;
  }
  std::printf("wrote %zu posts, %.1f MB, to %s\n", corpus.posts, Mb(corpus.jsonl.size()),
              options.write_corpus.c_str());
  return 0;
}

size_t CountLines(std::istream& in) {
  size_t lines = 0;
  std::string line;
  while (std::getline(in, line)) ++lines;
  return lines;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseOptions(argc, argv, &options)) return Usage();
  if (!options.write_corpus.empty()) return WriteCorpus(options);
  const bool from_file = !options.corpus_file.empty();

  std::string error;
  std::unique_ptr<modbot::Policy> policy = modbot::Policy::Create(modbot::PolicySettings::Defaults(), &error);
  if (!policy) {
    std::fprintf(stderr, "classify_bench: %s\n", error.c_str());
    return 1;
  }

  Corpus corpus;
  if (from_file) {
    std::ifstream in(options.corpus_file, std::ios::binary | std::ios::ate);
    if (!in) {
      std::fprintf(stderr, "classify_bench: cannot read %s\n", options.corpus_file.c_str());
      return 1;
    }
    corpus.jsonl_bytes = static_cast<size_t>(in.tellg());
    in.seekg(0);
    corpus.posts = CountLines(in);
  } else {
    corpus = Generate(options.posts, options.seed);
  }
  // A fresh stream over the corpus for each run.
  auto with_input = [&](const std::function<void(std::istream&)>& use) {
    if (from_file) {
      std::ifstream in(options.corpus_file, std::ios::binary);
      use(in);
    } else {
      MemoryBuffer buffer(corpus.jsonl);
      std::istream in(&buffer);
      use(in);
    }
  };

  // The engine.
  NullBuffer null_buffer;
  std::ostream null_out(&null_buffer);
  size_t bad_lines = 0;
  double policy_seconds = BestSeconds(options.runs, [&] {
    with_input([&](std::istream& in) { bad_lines = modbot::ClassifyStream(*policy, /*built_in_model=*/true, in, null_out); });
  });
  const long engine_rss_kb = PeakRssKb();
  std::string mix;
  with_input([&](std::istream& in) { mix = ActionMix(*policy, in, 2000); });

  // The ceiling.
  if (from_file && !LoadTexts(options.corpus_file, &corpus)) {
    std::fprintf(stderr, "classify_bench: cannot read %s\n", options.corpus_file.c_str());
    return 1;
  }
  std::unique_ptr<BareSet> bare = BuildBareSet();
  if (!bare) {
    std::fprintf(stderr, "classify_bench: the bare RE2::Sets do not compile within their memory budget\n");
    return 1;
  }
  size_t dfa_failures = 0, posts_matched = 0;
  double bare_seconds = BestSeconds(options.runs, [&] {
    dfa_failures = ScanTexts(*bare, corpus, &posts_matched);
  });

  const size_t text_bytes = corpus.texts.size();
  const double policy_text_mbps = Mb(text_bytes) / policy_seconds;
  const double bare_text_mbps = Mb(text_bytes) / bare_seconds;
  std::printf("corpus            %s, %zu posts, %.1f MB JSON, %.1f MB text\n",
              from_file ? options.corpus_file.c_str() : "in memory", corpus.posts, Mb(corpus.jsonl_bytes),
              Mb(text_bytes));
  std::printf("runs              best of %d, one thread\n", options.runs);
  std::printf("classify time     %.3f s (%zu bad lines)\n", policy_seconds, bad_lines);
  std::printf("classify posts/s  %.0f\n", static_cast<double>(corpus.posts) / policy_seconds);
  std::printf("classify JSON     %.2f MB/s\n", Mb(corpus.jsonl_bytes) / policy_seconds);
  std::printf("classify text     %.2f MB/s\n", policy_text_mbps);
  std::printf("actions           %s\n", mix.c_str());
  std::printf("bare RE2::Sets    %d patterns (%d rejected), %zu/%zu posts match, %zu DFA failures\n",
              bare->added, bare->rejected, posts_matched, corpus.text_ends.size(), dfa_failures);
  std::printf("bare scan time    %.3f s\n", bare_seconds);
  std::printf("bare scan text    %.2f MB/s\n", bare_text_mbps);
  std::printf("ratio             %.1f %% of the bare scan (goal >= 25 %%)\n", 100.0 * policy_text_mbps / bare_text_mbps);
  if (from_file) {
    std::printf("peak RSS engine   %.1f MB (goal <= 64 MB)\n", KbToMb(engine_rss_kb));
  } else {
    std::printf("peak RSS engine   %.1f MB, corpus in memory included; use --corpus for the engine alone\n",
                KbToMb(engine_rss_kb));
  }
  std::printf("peak RSS at end   %.1f MB, with the texts loaded for the bare scan\n", KbToMb(PeakRssKb()));
  return 0;
}
