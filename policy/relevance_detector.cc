// Principles 1 and 2: off-topic posts, and comments not relevant to the post they
// answer. Both rest on word overlap, which cannot see meaning, so both only ever ask
// a human (capped at review in policy_settings.cc).
#include <set>

#include "policy/detector.h"
#include "policy/lexicon.h"

namespace modbot {
namespace {

// Crude stems that let "trees" meet "tree" and "déneigement" meet "déneigeurs".
constexpr size_t kStemLength = 5;
constexpr size_t kMinWordLength = 4;

std::set<std::string> ContentStems(std::string_view skeleton) {
  static const std::vector<std::string> stopwords = LexiconEntries(LexiconText("stopwords_list"));
  static const std::set<std::string_view> stop(stopwords.begin(), stopwords.end());
  std::set<std::string> stems;
  for (size_t i = 1; i < skeleton.size();) {
    size_t end = skeleton.find(' ', i);
    std::string_view word = skeleton.substr(i, end - i);
    i = end + 1;
    if (word.size() < kMinWordLength || stop.count(word)) continue;
    if (word.back() == 's') word.remove_suffix(1);  // "faits" meets "fait"
    stems.emplace(word.substr(0, kStemLength));
  }
  return stems;
}

bool IsGeneralCategory(std::string_view category) {
  std::string folded = " " + FoldText(category) + " ";
  // Events and general threads welcome talk of shows, games and outings.
  for (std::string_view general : {" general ", " discussion ", " off topic ", " hors sujet ",
                                   " lounge ", " cafe ", " divers ", " events ", " evenements ",
                                   " culture "}) {
    if (folded.find(general) != std::string::npos) return true;
  }
  return false;
}

void DetectOffTopic(const PostView& view, Reasons* reasons) {
  const Topic& topic = view.post.topic;
  if (topic.title.empty() || IsGeneralCategory(topic.category) || IsGeneralCategory(topic.title)) {
    return;
  }
  const std::vector<std::string>& subjects = view.own_hits.Of("off_civic_topics");
  if (subjects.empty() || view.context_hits.Has("off_civic_topics")) return;
  reasons->push_back({Clause::kOffTopic, "relevance.unrelated_subject", 0.55,
                      JoinEvidence(subjects) + " (topic: " + topic.title + ")"});
}

void DetectNotRelevant(const PostView& view, Reasons* reasons) {
  const Post& post = view.post;
  // An answer to a question often shares no words with it ("Le 311, ou le formulaire
  // en ligne"), so only replies to statements are weighed.
  if (!post.reply_to || post.reply_to->find('?') != std::string::npos) return;
  std::set<std::string> own = ContentStems(view.own.skeleton);
  constexpr size_t kMinContentWords = 3;
  if (own.size() < kMinContentWords) return;
  std::set<std::string> answered = ContentStems(view.context.skeleton);
  for (const std::string& stem : own) {
    if (answered.count(stem)) return;
  }
  reasons->push_back({Clause::kNotRelevant, "relevance.no_shared_words", 0.55,
                      "no words in common with the post replied to"});
}

}  // namespace

void DetectRelevance(const PostView& view, Reasons* reasons) {
  DetectOffTopic(view, reasons);
  DetectNotRelevant(view, reasons);
}

}  // namespace modbot
