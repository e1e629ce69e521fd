// Principles 1 and 2: off-topic posts, and comments not relevant to the post they
// answer. Both rest on vocabulary, which cannot see meaning, so both only ever ask a
// human (capped at review in policy_settings.cc).
//
// Off topic: the author's words name a subject no City service deals with (sports
// leagues, gadgets, TV, travel, crypto: off_civic_topics), or the author says so
// ("hors sujet mais", "random question but": relevance_offtopic_patterns).
//
// Not relevant: the post and what it answers (topic title, replied-to text, quotes)
// are about different City subjects (relevance_subjects_list: "piscine" and "pool"
// are one subject, "nids-de-poule" and "pool" are two), or a reply to a statement
// shares no content word with it. Agreement and talk about the forum itself
// (relevance_ontrack_patterns) are never irrelevant.
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "policy/detector.h"
#include "policy/lexicon.h"
#include "policy/needle_set.h"

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
    if (end == std::string_view::npos) break;
    std::string_view word = skeleton.substr(i, end - i);
    i = end + 1;
    if (word.size() < kMinWordLength || stop.count(word)) continue;
    if (word.back() == 's' || word.back() == 'x') word.remove_suffix(1);  // "faits", "travaux"
    stems.emplace(word.substr(0, kStemLength));
  }
  return stems;
}

// One entry of a word list, ready to find in a skeleton: " piscine" for "piscine*",
// " pool " for "pool".
std::string SkeletonNeedle(std::string entry) {
  bool prefix = !entry.empty() && entry.back() == '*';
  if (prefix) entry.pop_back();
  std::string needle = Normalize(entry).skeleton;  // " nids de poule "
  if (needle.size() < 3) return "";
  if (prefix) needle.pop_back();
  return needle;
}

bool HasNeedle(std::string_view skeleton, const std::vector<std::string>& needles) {
  for (const std::string& needle : needles) {
    if (!needle.empty() && skeleton.find(needle) != std::string_view::npos) return true;
  }
  return false;
}

// The subjects of relevance_subjects_list with every needle of every subject in one
// NeedleSet: SubjectsOf runs up to four times per post.
struct Subjects {
  std::vector<std::string> names;
  std::vector<size_t> subject_of_needle;
  std::unique_ptr<NeedleSet> needles;
};

const Subjects& AllSubjects() {
  static const Subjects* const subjects = [] {
    auto out = new Subjects;
    std::vector<std::string> needles;
    for (const std::string& line : LexiconEntries(LexiconText("relevance_subjects_list"))) {
      size_t colon = line.find(':');
      if (colon == std::string::npos || line.rfind("near ", 0) == 0) continue;
      out->names.push_back(line.substr(0, colon));
      std::string rest = line.substr(colon + 1);
      size_t start = 0;
      while (start <= rest.size()) {
        size_t comma = rest.find(',', start);
        if (comma == std::string::npos) comma = rest.size();
        std::string entry = rest.substr(start, comma - start);
        size_t b = entry.find_first_not_of(' '), e = entry.find_last_not_of(' ');
        if (b != std::string::npos) {
          std::string needle = SkeletonNeedle(entry.substr(b, e - b + 1));
          if (!needle.empty()) {
            needles.push_back(std::move(needle));
            out->subject_of_needle.push_back(out->names.size() - 1);
          }
        }
        start = comma + 1;
      }
    }
    out->needles = std::make_unique<NeedleSet>(needles);
    return out;
  }();
  return *subjects;
}

// Pairs of subjects that follow from each other ("near recreation: pool"), both ways;
// "*" pairs a subject with every other.
const std::set<std::pair<std::string, std::string>>& NearSubjects() {
  static const std::set<std::pair<std::string, std::string>> near = [] {
    std::set<std::pair<std::string, std::string>> out;
    for (const std::string& line : LexiconEntries(LexiconText("relevance_subjects_list"))) {
      if (line.rfind("near ", 0) != 0) continue;
      size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = line.substr(5, colon - 5);
      std::string rest = line.substr(colon + 1) + ",";
      size_t start = 0;
      for (size_t comma = rest.find(','); comma != std::string::npos;
           start = comma + 1, comma = rest.find(',', start)) {
        std::string other = rest.substr(start, comma - start);
        size_t b = other.find_first_not_of(' '), e = other.find_last_not_of(' ');
        if (b == std::string::npos) continue;
        other = other.substr(b, e - b + 1);
        out.insert({name, other});
        out.insert({other, name});
      }
    }
    return out;
  }();
  return near;
}

// Whether two sets of subjects share one, or hold two near ones.
bool SubjectsMeet(const std::set<std::string>& a, const std::set<std::string>& b) {
  const auto& near = NearSubjects();
  for (const std::string& x : a) {
    for (const std::string& y : b) {
      if (x == y || near.count({x, y}) || near.count({x, "*"}) || near.count({"*", y})) {
        return true;
      }
    }
  }
  return false;
}

// The City subjects a text is about, by name.
std::set<std::string> SubjectsOf(std::string_view skeleton) {
  const Subjects& subjects = AllSubjects();
  std::set<std::string> found;
  for (int needle : subjects.needles->Found(skeleton)) {
    found.insert(subjects.names[subjects.subject_of_needle[needle]]);
  }
  return found;
}

bool NamesCityPlace(std::string_view skeleton) {
  static const std::vector<std::string> anchors = [] {
    std::vector<std::string> out;
    for (const std::string& entry : LexiconEntries(LexiconText("relevance_civic_anchor_list"))) {
      std::string needle = SkeletonNeedle(entry);
      if (!needle.empty()) out.push_back(std::move(needle));
    }
    return out;
  }();
  return HasNeedle(skeleton, anchors);
}

// The topic's category and title as skeletons with a space at either end, so that
// " general " finds a whole word; normalised once per post for the checks below.
struct TopicWords {
  // Appends rather than " " + skeleton, on which GCC 12 at -O3 warns (-Wrestrict,
  // a false positive: GCC PR 105651).
  static std::string Padded(std::string_view skeleton) {
    std::string out(1, ' ');
    out += skeleton;
    out += ' ';
    return out;
  }

  explicit TopicWords(const Topic& topic)
      : category(Padded(Normalize(topic.category).skeleton)),
        title(Padded(Normalize(topic.title).skeleton)) {}
  std::string category;
  std::string title;
};

// Events and general threads welcome talk of shows, games and outings; with
// `events_too` false only truly open threads count (a reply in a thread about one
// event still has to follow it).
bool IsGeneralCategory(std::string_view skeleton, bool events_too) {
  for (std::string_view general : {" general ", " discussion ", " off topic ", " hors sujet ",
                                   " lounge ", " cafe ", " divers ", " introduce ",
                                   " presentez ", " bienvenue ", " welcome "}) {
    if (skeleton.find(general) != std::string::npos) return true;
  }
  if (!events_too) return false;
  for (std::string_view general : {" events ", " evenements ", " culture "}) {
    if (skeleton.find(general) != std::string::npos) return true;
  }
  return false;
}

bool InGeneralThread(const TopicWords& topic, bool events_too = true) {
  return IsGeneralCategory(topic.category, events_too) ||
         IsGeneralCategory(topic.title, events_too);
}

bool Intersects(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const std::string& x : a) {
    if (b.count(x)) return true;
  }
  return false;
}

bool IsOffTopicLounge(const TopicWords& topic) {
  for (std::string_view skeleton : {std::string_view(topic.category), std::string_view(topic.title)}) {
    for (std::string_view lounge : {" off topic ", " hors sujet ", " lounge ", " divers "}) {
      if (skeleton.find(lounge) != std::string::npos) return true;
    }
  }
  return false;
}

void DetectOffTopic(const PostView& view, const TopicWords& topic_words, Reasons* reasons) {
  const Topic& topic = view.post.topic;
  if (topic.title.empty()) return;
  // Followers for sale or quick loans are off topic in every thread but a lounge.
  const std::vector<std::string>& spam = view.own_hits.Of("relevance_spam_topics");
  if (!spam.empty() && !view.context_hits.Has("relevance_spam_topics") &&
      !IsOffTopicLounge(topic_words)) {
    reasons->push_back({Clause::kOffTopic, "relevance.spam_subject", 0.55,
                        JoinEvidence(spam) + " (topic: " + topic.title + ")"});
    return;
  }
  // An errand elsewhere (below) is off topic in an events thread too: a camping trip is
  // not the Fête nationale's show.
  const bool open_thread = InGeneralThread(topic_words);
  if (InGeneralThread(topic_words, /*events_too=*/false)) return;
  const std::vector<std::string>& markers = view.own_hits.Of("relevance_offtopic_patterns");
  const std::vector<std::string>& subjects = view.own_hits.Of("off_civic_topics");
  if (!markers.empty() && subjects.empty() &&
      Intersects(SubjectsOf(view.own.skeleton), SubjectsOf(view.context.skeleton))) {
    return;  // "Random question about the pool" under the pool schedule.
  }
  if (!markers.empty() && !open_thread) {
    // The author says it: "hors sujet mais", "random question but".
    std::vector<std::string> evidence = markers;
    evidence.insert(evidence.end(), subjects.begin(), subjects.end());
    reasons->push_back({Clause::kOffTopic, "relevance.says_off_topic",
                        subjects.empty() ? 0.5 : 0.6, JoinEvidence(evidence)});
    return;
  }
  // A request for a shop, a trade or a trip elsewhere ("un bon plombier sur le
  // Plateau", "a bakery in Laval") is a private errand, whatever the errand.
  const std::vector<std::string>& elsewhere = view.own_hits.Of("elsewhere_places_patterns");
  if (!elsewhere.empty() && view.own_hits.Has("help_request_patterns") &&
      !view.context_hits.Has("off_civic_topics") && !NamesCityPlace(view.own.skeleton) &&
      !Intersects(SubjectsOf(view.own.skeleton), SubjectsOf(view.context.skeleton))) {
    reasons->push_back({Clause::kOffTopic, "relevance.errand_elsewhere", 0.55,
                        view.own_hits.First("help_request_patterns") + " … " + elsewhere.front() +
                            " (topic: " + topic.title + ")"});
    return;
  }
  if (open_thread || subjects.empty() || view.context_hits.Has("off_civic_topics")) return;
  // A show in the park or a game at the arena is City life, not a digression.
  std::string words = view.post.body.own_text;
  for (const Link& link : view.post.body.links) {  // "site.top/csl" names no City place
    for (size_t at = words.find(link.url); !link.url.empty() && at != std::string::npos;
         at = words.find(link.url)) {
      words.erase(at, link.url.size());
    }
  }
  std::string skeleton = Normalize(words).skeleton;
  if (NamesCityPlace(skeleton)) return;
  // "The restaurant piles its snow on the sidewalk" under snow removal is on topic.
  if (Intersects(SubjectsOf(skeleton), SubjectsOf(view.context.skeleton))) return;
  std::set<std::string> distinct(subjects.begin(), subjects.end());
  reasons->push_back({Clause::kOffTopic, "relevance.unrelated_subject",
                      RepeatedScore(0.55, distinct.size()),
                      JoinEvidence(subjects) + " (topic: " + topic.title + ")"});
}

std::string SubjectNames(const std::set<std::string>& subjects) {
  std::string out;
  for (const std::string& s : subjects) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// A new post in a thread answers its title: "a pothole on Mackle" in the Canada Day
// thread, "is the library open Monday?" under road work. Only a post about another
// City subject than the thread's title and category, and none of the thread's own,
// has left it; a post naming no City subject may be anything, and stays. Near
// subjects stay too: the library's jazz trio belongs in the events thread.
void DetectOtherSubjectThanTopic(const PostView& view, const TopicWords& topic_words, Reasons* reasons) {
  // The City's own accounts (Discourse leaders, trust level 4) post notices of
  // every service in whichever thread is the notice board.
  constexpr int kCityTrustLevel = 4;
  if (view.post.author.trust_level.value_or(0) >= kCityTrustLevel) return;
  const std::set<std::string> own = SubjectsOf(view.own.skeleton);
  if (own.empty()) return;
  // A content word of the title ("Cavendish", "roll") says the post follows it,
  // whatever subjects its other words happen to name.
  if (Intersects(ContentStems(view.own.skeleton), ContentStems(topic_words.title))) return;
  std::set<std::string> thread = SubjectsOf(topic_words.title);
  for (const std::string& s : SubjectsOf(topic_words.category)) thread.insert(s);
  // The council decides on every service: a post that names it or its bylaws, or a
  // thread about the council, may speak of any. A thread about a bylaw is about what
  // the bylaw rules (dogs, parking), and a post on another subject has left it.
  const std::string council = "council";
  if (thread.empty() || own.count(council) || own.count("bylaws") || thread.count(council) ||
      SubjectsMeet(own, thread)) {
    return;
  }
  reasons->push_back({Clause::kNotRelevant, "relevance.other_subject_than_topic", 0.55,
                      SubjectNames(own) + " vs " + SubjectNames(thread) + " (topic: " +
                          view.post.topic.title + ")"});
}

void DetectNotRelevant(const PostView& view, const TopicWords& topic_words, Reasons* reasons) {
  const Post& post = view.post;
  if (post.topic.title.empty() && !post.reply_to && post.body.quotes.empty()) return;
  if (InGeneralThread(topic_words, /*events_too=*/false)) return;
  if (view.own_hits.Has("relevance_ontrack_patterns")) return;
  // A post already flagged for something else (an insult, an ad, an off-topic
  // subject) is that, not a change of subject.
  // An off-topic subject in a reply is also a reply that leaves what it answers.
  for (const Reason& reason : *reasons) {
    if (reason.score >= 0.5 && reason.clause != Clause::kOffTopic) return;
  }
  if (!post.reply_to && post.body.quotes.empty()) {
    DetectOtherSubjectThanTopic(view, topic_words, reasons);
    return;
  }
  std::set<std::string> own = ContentStems(view.own.skeleton);
  std::set<std::string> answered = ContentStems(view.context.skeleton);
  if (Intersects(own, answered)) return;
  std::set<std::string> own_subjects = SubjectsOf(view.own.skeleton);
  std::set<std::string> answered_subjects = SubjectsOf(view.context.skeleton);
  if (SubjectsMeet(own_subjects, answered_subjects)) return;

  if (!own_subjects.empty() && !answered_subjects.empty()) {
    // "Les nids-de-poule sur Mackle" under the pool schedule: another City subject.
    reasons->push_back({Clause::kNotRelevant, "relevance.other_subject", 0.55,
                        SubjectNames(own_subjects) + " vs " + SubjectNames(answered_subjects)});
    return;
  }
  // An answer to a question often shares no words with it ("Le 311, ou le formulaire
  // en ligne"), so only replies to statements are weighed by words alone.
  if (!post.reply_to || post.reply_to->find('?') != std::string::npos) return;
  // In a thread about events, a reply to an announcement ("we'll bring the kids") needs
  // no shared word; only another City subject (above) leaves it.
  if (InGeneralThread(topic_words)) return;
  constexpr size_t kMinContentWords = 3;
  if (own.size() < kMinContentWords) return;
  reasons->push_back({Clause::kNotRelevant, "relevance.no_shared_words", 0.55,
                      "no words in common with the post replied to"});
}

}  // namespace

void DetectRelevance(const PostView& view, Reasons* reasons) {
  const TopicWords topic_words(view.post.topic);
  DetectOffTopic(view, topic_words, reasons);
  DetectNotRelevant(view, topic_words, reasons);
}

}  // namespace modbot
