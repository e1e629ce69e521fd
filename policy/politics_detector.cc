// Principles 8, 9 and 10: promotion of political candidates, discussion of
// municipal election campaigns, and discussion of provincial or federal politics
// except general information from Elections Québec and Elections Canada.
//
// All three are capped at review by default (policy_settings.cc): they are matters
// a moderator should weigh, not words a machine should remove.
#include <algorithm>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string_view>
#include <string>
#include <utility>
#include <vector>

#include <re2/re2.h>

#include "policy/detector.h"
#include "policy/domain.h"
#include "policy/lexicon.h"
#include "policy/needle_set.h"

namespace modbot {
namespace {

// The entries of one section of politics_words_list ("endorse", "seat", ...).
const std::vector<std::string>& WordClass(std::string_view name) {
  static const auto* const classes = [] {
    auto out = new std::map<std::string, std::vector<std::string>, std::less<>>;
    std::vector<std::string>* section = nullptr;
    for (const std::string& line : LexiconEntries(LexiconText("politics_words_list"))) {
      if (line.front() == '[' && line.back() == ']') {
        section = &(*out)[line.substr(1, line.find_first_of(":]") - 1)];
      } else if (section) {
        section->push_back(line);
      }
    }
    return out;
  }();
  static const std::vector<std::string> kNone;
  auto found = classes->find(name);
  return found == classes->end() ? kNone : found->second;
}

// A class as an RE2 alternation, longest entries first (so that "Vote for" is tried
// before "Vote"). `entry_pattern` turns one entry into its pattern.
template <typename EntryPattern>
std::string Alternation(std::string_view name, EntryPattern entry_pattern) {
  std::vector<std::string> entries = WordClass(name);
  std::stable_sort(entries.begin(), entries.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string out = "(?:";
  for (const std::string& entry : entries) {
    if (out.size() > 3) out += '|';
    out += entry_pattern(entry);
  }
  return out + ")";
}

// An entry as written, for the original text: its first letter in either case
// ("Vote", "vote"), a trailing '*' for any ending in ASCII or Latin-1 letters ("\p{L}"
// would multiply the automata the name classes already make large).
std::string CasedEntryPattern(std::string entry) {
  bool any_ending = !entry.empty() && entry.back() == '*';
  if (any_ending) entry.pop_back();
  size_t first = 1;  // the bytes of the first UTF-8 character
  while (first < entry.size() && (static_cast<unsigned char>(entry[first]) & 0xC0) == 0x80) ++first;
  return "(?i:" + RE2::QuoteMeta(entry.substr(0, first)) + ")" + RE2::QuoteMeta(entry.substr(first)) +
         (any_ending ? R"([\w\x{C0}-\x{FF}]*)" : "");
}

// An entry folded as posts are, for their folded text.
std::string FoldedEntry(const std::string& entry) { return Normalize(entry).folded; }
std::string FoldedEntryPattern(const std::string& entry) { return RE2::QuoteMeta(FoldedEntry(entry)); }

std::string CasedClass(std::string_view name) { return Alternation(name, CasedEntryPattern); }
std::string FoldedClass(std::string_view name) { return Alternation(name, FoldedEntryPattern); }

// The entries of some classes, folded: words one of which a pattern needs, to look
// for before running it. `after_space` when the pattern has a space before them
// ("for the mp"), which keeps "mp" from being found in "important".
class Cue {
 public:
  Cue(std::initializer_list<std::string_view> names, bool after_space)
      : words_(Words(names, after_space)) {}
  bool In(std::string_view folded) const { return words_.FoundAny(folded); }

 private:
  static std::vector<std::string> Words(std::initializer_list<std::string_view> names, bool after_space) {
    std::vector<std::string> words;
    for (std::string_view name : names) {
      for (std::string entry : WordClass(name)) {
        if (!entry.empty() && entry.back() == '*') entry.pop_back();
        words.push_back((after_space ? " " : "") + FoldedEntry(entry));
      }
    }
    return words;
  }

  NeedleSet words_;
};

// A capitalised first and last name ("Sarah Kline", "Jean-Marc Côté"), captured.
constexpr std::string_view kFullName = R"((\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)+))";

// "Vote for Sarah Kline", "votez pour Chantal Boivin", "Support David Mercier",
// "Re-elect Mayor Brownstein", "ne votez surtout pas pour Marc Tremblay": a call to back
// or oppose someone named with capitals (a first and last name, or a title and a surname
// not followed by "'s", which backs a motion of theirs). Run on the original text, since capitals are what tell a name from
// "votez pour le budget".
const RE2& EndorsementPattern() {
  static const RE2 pattern("(?:" + CasedClass("endorse") + "|" + Alternation("endorse inside", RE2::QuoteMeta) +
                           ") (?:" + CasedClass("between") + " )*(?:" + CasedClass("to") + " )?(?:(?:" +
                           CasedClass("title") + " )?" +
                           std::string(kFullName) + "|" + CasedClass("surname title") +
                           R"( (\p{Lu}[\p{L}-]+)(?:[^\p{L}'’-]|$)))");
  return pattern;
}

// "Vote Mitchell on November 2nd", "Réélisez Dubé!": a call to vote for a surname
// alone, which is a name when a date, a seat or the end of a clause follows it.
// The captured word is checked against the words a ballot question uses ("Vote No").
const RE2& SurnameVotePattern() {
  static const RE2 pattern(CasedClass("surname vote") + R"( (\p{Lu}[\p{L}'’-]+)(?:[ ,]+)" +
                           CasedClass("after surname") + R"(\b|\s*[!.,;]|$))");
  return pattern;
}

// Whether what a pattern took for a name is one: "Councillor Adler's" backs a motion
// of theirs, "Local Business Week" and "Cavendish Boulevard" are things.
bool IsPersonName(std::string_view name) {
  static const std::set<std::string> kThings = [] {
    std::set<std::string> out;
    for (const std::string& entry : WordClass("not a name")) out.insert(FoldedEntry(entry));
    return out;
  }();
  if (name.empty()) return false;
  for (std::string_view owner : {"'s", "’s"}) {
    if (name.size() >= owner.size() && name.substr(name.size() - owner.size()) == owner) return false;
  }
  std::string folded = Normalize(name).skeleton;  // " local business week "
  for (size_t i = 1; i < folded.size();) {
    size_t end = folded.find(' ', i);
    if (end == std::string::npos) break;
    if (kThings.count(folded.substr(i, end - i))) return false;
    i = end + 1;
  }
  return true;
}

bool IsBallotWord(std::string_view word) {
  static const std::set<std::string> kBallotWords = [] {
    std::set<std::string> out;
    for (const std::string& entry : WordClass("ballot answer")) out.insert(FoldedEntry(entry));
    return out;
  }();
  return kBallotWords.count(Normalize(word).folded) > 0;
}

// "Ruth Greenbaum for mayor", "Paul Roy pour maire", "Poilievre for PM": a name put
// forward for a seat.
const RE2& NameForSeatPattern() {
  static const RE2 pattern(R"((\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?) (?:for|pour) (?:la |le |the )?)" +
                           CasedClass("seat") + R"(\b)");
  return pattern;
}

// "C'est Nathalie Brassard qu'il nous faut", "Dan Weiss is the one we need", "we need
// Ann Lee on council", "Paul Roy a mon vote", "Ann Lee gets my vote": a named person
// wished into office, "our next mayor has to be Dida Berku", or whose campaign is talked
// of ("Daniel Okafor's NDP campaign", "la campagne de Lina Haddad"). Names are capitalised
// pairs, as in EndorsementPattern().
// One small pattern each (names in Unicode classes make large automata), each with a
// word it holds (on folded text): a pattern is compiled and run only for posts with
// that word.
class WantedName {
 public:
  explicit WantedName(std::string pattern) : text_(std::move(pattern)) {}
  // Whether text (the post as written) holds the pattern.
  bool Matches(std::string_view text, std::string* named) const {
    std::call_once(compiled_, [this] { pattern_ = std::make_unique<RE2>(text_); });
    return RE2::PartialMatch(text, *pattern_, named);
  }

 private:
  std::string text_;
  mutable std::once_flag compiled_;
  mutable std::unique_ptr<RE2> pattern_;
};

struct WantedNamePatterns {
  std::vector<std::unique_ptr<WantedName>> patterns;
  std::unique_ptr<NeedleSet> cues;  // the word of patterns[i] is needle i
};

const WantedNamePatterns& WantedNames() {
  static const WantedNamePatterns wanted = [] {
    const std::string name = R"((\p{Lu}[\p{L}'’-]+ \p{Lu}[\p{L}'’-]+))";
    WantedNamePatterns out;
    std::vector<std::string> cues;
    for (const auto& [cue, text] : std::initializer_list<std::pair<const char*, std::string>>{
             {"faut", R"((?:[Cc]'est|[Cc]’est) )" + name + R"( qu.il (?:nous|vous|leur|me) faut)"},
             {"need", name + R"( (?:is|would be) (?:exactly |clearly |really )?(?:the (?:one|person|leader|woman|man|candidate|voice) (?:we need|for the job|for us)|who we need))"},
             {"need", R"([Ww]e need )" + name + R"( (?:as (?:mayor|councillor|our)|on (?:council|the council)|at city hall|in office))"},
             {"besoin", R"([Oo]n a besoin de )" + name + R"( (?:comme (?:maire|mairesse|conseill)|au conseil|à la mairie|a la mairie))"},
             {"vote", name + R"( (?:gets|has|will get|aura|a) (?:my|mon|notre|our) (?:vote|votes))"},
             {"district", name + R"( (?:for|pour le) [Dd]istrict \d)"},
             {"next", R"([Nn]ext )" + CasedClass("office") + R"( (?:has to|must|should|needs to|will|ought to|is going to) be )" + name},
             {"prochain", R"([Pp]rochaine? )" + CasedClass("office") + R"( (?:doit|devrait|sera|va) (?:être |etre )?)" + name},
             {"campaign", name + R"(['’]s (?:\w+ )?(?:campaign|re-?election bid|campaign team))"},
             {"campagne", R"([Cc]ampagne (?:électorale |electorale )?(?:de |d['’]))" + name}}) {
      out.patterns.push_back(std::make_unique<WantedName>(text));
      cues.emplace_back(cue);
    }
    out.cues = std::make_unique<NeedleSet>(cues);
    return out;
  }();
  return wanted;
}

// Whether text (folded: the same text folded) calls to back someone named: the name,
// or the surname alone. Each pattern runs only when a word it needs is in the post:
// their Unicode name classes cost more to compile than the rest of the detector.
bool NamesSomeoneBacked(std::string_view text, std::string_view folded, std::string* named) {
  static const Cue endorse({"endorse", "endorse inside"}, /*after_space=*/false);
  static const Cue seat({"seat"}, /*after_space=*/true);
  static const Cue surname_vote({"surname vote"}, /*after_space=*/false);
  std::string surname;
  if (endorse.In(folded) && RE2::PartialMatch(text, EndorsementPattern(), named, &surname)) {
    if (named->empty()) *named = surname;
    if (IsPersonName(*named)) return true;
  }
  if (seat.In(folded) && RE2::PartialMatch(text, NameForSeatPattern(), named) && IsPersonName(*named)) {
    return true;
  }
  const WantedNamePatterns& wanted = WantedNames();
  std::vector<int> cued = wanted.cues->Found(folded);
  std::sort(cued.begin(), cued.end());  // in the order written: the first name found is named
  for (int i : cued) {
    if (wanted.patterns[i]->Matches(text, named) && IsPersonName(*named)) return true;
  }
  if (surname_vote.In(folded) && RE2::PartialMatch(text, SurnameVotePattern(), &surname) &&
      !IsBallotWord(surname) && IsPersonName(surname)) {
    *named = surname;
    return true;
  }
  return false;
}

bool CitesElectionAuthority(const PostView& view) {
  static const std::vector<std::string> kAuthorities = {"elections.ca", "electionsquebec.qc.ca"};
  if (view.own_hits.Has("election_authority")) return true;
  for (const Link& link : view.post.body.links) {
    if (DomainMatches(link.domain, kAuthorities)) return true;
  }
  return false;
}

// "district 7", "District 2": the seats of the municipal race, on folded text.
bool NamesDistrictSeat(std::string_view folded, std::string* seat = nullptr) {
  static const RE2 district(R"(\b(district (?:no\.? ?|n[o°] ?|#)?\d{1,2})\b)");
  return seat ? RE2::PartialMatch(folded, district, seat) : RE2::PartialMatch(folded, district);
}

// "Would make a great councillor", "ferait une excellente mairesse", "he'd do an amazing
// job as our mayor", "c'est elle qui aura mon vote", "she's got my vote": an office or a
// ballot wished on someone, on folded text. These start with common words ("he",
// "would"), so each runs only when the rarer word it ends on is in the text.
std::string OfficeOrBallotWished(const std::string& folded) {
  static const std::string offices = FoldedClass("office");
  static const RE2 office(
      R"(\b((?:would|will|'d|could|should) (?:make|be) (?:a|an|one|our) (?:\w+ ){0,2})" + offices +
      R"(|ferai(?:t|ent) (?:un|une|notre) (?:\w+ ){0,2})" + offices +
      R"(|(?:would|'d|will|could) do (?:a|an|one) (?:\w+ ){0,2}job (?:as|comme) (?:our |the |a |notre )?(?:next )?)" +
      offices + R"(|ferai(?:t|ent) (?:une? )?(?:\w+ ){0,2}(?:travail|job|boulot) (?:comme|en tant que) )" + offices +
      R"()\b)");
  static const RE2 ballot(R"(\b()" + FoldedClass("pronoun") +
                          R"((?:'?s| has| have| a| ont| qui| aura| will)?(?: \w+){0,2} )" +
                          FoldedClass("possessive") + " " + FoldedClass("ballot") + R"()\b)");
  static const Cue office_named({"office"}, /*after_space=*/true);
  static const Cue ballot_named({"ballot"}, /*after_space=*/true);
  std::string found;
  if (office_named.In(folded) && RE2::PartialMatch(folded, office, &found)) return found;
  if (ballot_named.In(folded) && RE2::PartialMatch(folded, ballot, &found)) return found;
  return "";
}

// Whether the post is about a race, a party or a seat: what turns a cheer, a chance
// given or a call for volunteers into support for a candidate.
bool NamesARace(const PostView& view, const Reasons& reasons) {
  static const Cue race_part({"race part"}, /*after_space=*/false);
  const LexiconHits& hits = view.own_hits;
  return hits.Has("party_terms") || hits.Has("political_level") ||
         hits.Has("municipal_campaign_terms") || hits.Has("politics_campaign_patterns") ||
         hits.Has("election_timing_patterns") || NamesDistrictSeat(view.own.folded) ||
         race_part.In(view.own.folded) ||
         ClauseScoreSoFar(reasons, Clause::kCandidatePromotion) > 0;
}

void DetectCandidatePromotion(const PostView& view, Reasons* reasons) {
  const std::string& text = view.post.body.own_text;
  std::string named;
  if (NamesSomeoneBacked(text, view.own.folded, &named)) {
    reasons->push_back({Clause::kCandidatePromotion, "politics.endorsement", 0.6, named});
  }
  const LexiconHits& hits = view.own_hits;
  AddLexiconReason(view, "candidate_patterns", Clause::kCandidatePromotion, 0.55, reasons);
  AddLexiconReason(view, "candidate_support_patterns", Clause::kCandidatePromotion, 0.55, reasons);
  std::string wished = OfficeOrBallotWished(view.own.folded);
  if (!wished.empty()) {
    reasons->push_back({Clause::kCandidatePromotion, "politics.office_or_ballot_wished", 0.55, wished});
  }
  // "Venez l'encourager" cheers on a candidate only in a post about a race or a party.
  if (hits.Has("politics_rally_patterns") && NamesARace(view, *reasons)) {
    reasons->push_back({Clause::kCandidatePromotion, "politics.rally", 0.55,
                        JoinEvidence(hits.Of("politics_rally_patterns"))});
  }
  if (hits.Has("config_candidates") && hits.Has("municipal_context")) {
    reasons->push_back({Clause::kCandidatePromotion, "politics.known_candidate", 0.55,
                        hits.First("config_candidates")});
  }
  double promotion = ClauseScoreSoFar(*reasons, Clause::kCandidatePromotion);
  if (promotion < 0.5) return;
  // A candidate is in some race: a provincial or federal one if the post says so,
  // otherwise, on a City forum, the municipal one.
  if (hits.Has("political_level") || hits.Has("party_terms")) {
    reasons->push_back({Clause::kPartisanPolitics, "politics.candidate_level", promotion,
                        JoinEvidence(hits.Of("political_level"))});
  } else {
    reasons->push_back({Clause::kMunicipalCampaign, "politics.municipal_candidate", promotion,
                        "candidate in the municipal race"});
  }
}

void DetectMunicipalCampaign(const PostView& view, Reasons* reasons) {
  // "Advance polls for the municipal election are at City Hall", "candidates file their
  // nomination papers by October 3" only name the election and its procedure: a
  // practical notice whose campaign words are the election and its paperwork.
  std::vector<std::string> terms = DistinctMatches(view.own_hits.Of("municipal_campaign_terms"));
  if (view.own_hits.Has("politics_logistics_patterns") &&
      !view.own_hits.Has("politics_campaign_patterns")) {
    static const RE2 bare_election(
        R"(^(?:municipal elections?|elections? municipales?|nomination papers|bulletin de candidature|declaration de candidature|election night|soiree electorale|soir des elections)$)");
    terms.erase(std::remove_if(terms.begin(), terms.end(),
                               [](const std::string& term) {
                                 return RE2::FullMatch(Normalize(term).folded, bare_election);
                               }),
                terms.end());
  }
  if (!terms.empty()) {
    reasons->push_back({Clause::kMunicipalCampaign, "lexicon.municipal_campaign_terms",
                        RepeatedScore(0.55, terms.size()), JoinEvidence(terms)});
  }
  AddLexiconReason(view, "politics_campaign_patterns", Clause::kMunicipalCampaign, 0.55, reasons);
  if (CitesElectionAuthority(view)) return;
  // "Right before the campaign kicks off… coincidence?": City work read against the
  // race. A notice of when the vote is ("the election in November: polling stations…")
  // names the moment too, so without an insinuation it has to be no notice.
  const LexiconHits& hits = view.own_hits;
  if (hits.Has("election_timing_patterns") && !hits.Has("political_level") &&
      (hits.Has("political_insinuation_patterns") || !hits.Has("politics_logistics_patterns"))) {
    std::vector<std::string> evidence = hits.Of("election_timing_patterns");
    for (const std::string& hint : hits.Of("political_insinuation_patterns")) evidence.push_back(hint);
    reasons->push_back({Clause::kMunicipalCampaign, "politics.election_timing", 0.5,
                        JoinEvidence(evidence)});
  }
  std::vector<std::string> context = view.own_hits.Of("municipal_context");
  // "district 7", "District 2": the seats of the municipal race.
  std::string seat;
  if (NamesDistrictSeat(view.own.folded, &seat) &&
      std::find(context.begin(), context.end(), "district") == context.end()) {
    context.push_back(seat);
  }
  // Words counted once each: "vote" inside "gets my vote" is the same word.
  std::set<std::string> distinct;
  for (const std::string& word : context) {
    std::string folded = Normalize(word).skeleton;
    bool inside_another = std::any_of(context.begin(), context.end(), [&](const std::string& other) {
      std::string longer = Normalize(other).skeleton;
      return longer.size() > folded.size() && longer.find(folded) != std::string::npos;
    });
    if (!inside_another) distinct.insert(folded);
  }
  // "Which district am I in for the election, and where do I vote?" is a voter's
  // practical question, however many election words it holds.
  if (view.own_hits.Has("politics_logistics_patterns") &&
      !view.own_hits.Has("politics_campaign_patterns")) {
    return;
  }
  // Election words are everyday words one at a time ("vote", "team", "this fall");
  // several together, or in reply to a campaign post, make campaign talk.
  // Two of them answering a post about the race ("Who's running in District 8?") too.
  bool answers_race_talk = NamesDistrictSeat(view.context.folded) ||
                           DistinctMatches(view.context_hits.Of("municipal_context")).size() >= 2;
  // Or two of them with a word only a race has: "the candidates' debate", "the incumbent's
  // team".
  // "Where do the candidates stand on the arena?": candidates with no job in sight are
  // the race's.
  static const RE2 job(
      R"(\b(?:jobs?|emplois?|hiring|embauch\w*|interviews?|entrevues?|cv|resumes?|stages?|internships?|offre d'?emploi|lifeguards?|sauveteur\w*|moniteur\w*|counsellors?|scholarship|bourse)\b)");
  bool candidates = false;
  for (const std::string& word : view.own_hits.Of("municipal_race_words")) {
    if (Normalize(word).folded.rfind("candidat", 0) == 0) candidates = true;
  }
  if (candidates && !RE2::PartialMatch(view.own.folded, job)) {
    reasons->push_back({Clause::kMunicipalCampaign, "politics.candidates", 0.5,
                        JoinEvidence(view.own_hits.Of("municipal_race_words"))});
    return;
  }
  if (distinct.size() >= 3 ||
      (distinct.size() >= 2 && (answers_race_talk || view.own_hits.Has("municipal_race_words"))) ||
      (!context.empty() && view.context_hits.Has("municipal_campaign_terms"))) {
    reasons->push_back({Clause::kMunicipalCampaign, "politics.campaign_talk", 0.5,
                        JoinEvidence(context)});
  }
}

// Places named after politicians: "parc Pierre-Elliott-Trudeau", "Trudeau Park",
// "chalet du parc Trudeau", "école Lester-B.-Pearson". Returns the skeleton with up to
// three words after a place noun ("parc", "école") or before an English one ("park",
// "airport") removed, so that leaders' names left in it are about politics.
std::string WithoutPlaceNames(std::string_view skeleton) {
  static const std::set<std::string_view> kBefore = {
      "parc", "parcs", "ecole", "aeroport", "pavillon", "chalet", "centre", "arena", "rue",
      "avenue", "av", "boul", "boulevard", "piscine", "bibliotheque", "station", "pont",
      "college", "cegep", "hopital", "salle", "terrain", "autoroute", "park", "school",
      "airport", "library", "bridge", "hospital", "place", "promenade", "sentier"};
  static const std::set<std::string_view> kAfter = {
      "park", "airport", "school", "arena", "pool", "library", "street", "avenue",
      "boulevard", "bridge", "centre", "center", "hospital", "trail", "playground"};
  static const std::set<std::string_view> kLinks = {"du", "de", "des", "la", "le", "d", "a",
                                                    "chiens", "canin", "sir", "l", "of"};
  std::vector<std::string_view> words;
  for (size_t i = 1; i < skeleton.size();) {
    size_t end = skeleton.find(' ', i);
    if (end == std::string_view::npos) break;
    if (end > i) words.push_back(skeleton.substr(i, end - i));
    i = end + 1;
  }
  std::vector<bool> drop(words.size(), false);
  for (size_t i = 0; i < words.size(); ++i) {
    if (kBefore.count(words[i])) {
      size_t j = i + 1;
      while (j < words.size() && (kLinks.count(words[j]) || kBefore.count(words[j]))) ++j;
      for (size_t k = j; k < words.size() && k < j + 3; ++k) drop[k] = true;
    }
    if (kAfter.count(words[i])) {
      for (size_t k = i >= 3 ? i - 3 : 0; k < i; ++k) drop[k] = true;
    }
  }
  std::string out = " ";
  for (size_t i = 0; i < words.size(); ++i) {
    if (!drop[i]) out.append(words[i]).append(" ");
  }
  return out;
}

// Election talk in what the post answers ("Federal election coming up soon").
bool ContextIsElection(const PostView& view) {
  static const RE2 election(
      R"(\b(?:federal|provincial|federale|provinciale)s? (?:election|elections|vote|race|campaign|campagne)|\belections? (?:federale|provinciale)s?\b|\bscrutin (?:federal|provincial)\b)");
  return RE2::PartialMatch(view.context.folded, election);
}

void DetectPartisanPolitics(const PostView& view, Reasons* reasons) {
  // Leaders' names that only name a park or a school are not politics.
  std::vector<std::string> party_hits;
  const std::vector<std::string>& raw_parties = view.own_hits.Of("party_terms");
  if (!raw_parties.empty()) {
    std::string scrubbed = WithoutPlaceNames(view.own.skeleton);
    for (const std::string& hit : raw_parties) {
      std::string needle = Normalize(hit).skeleton;
      if (scrubbed.find(needle) != std::string::npos) party_hits.push_back(hit);
    }
  }
  // "le Bloc", "the Liberal government", "a Conservative MP": a party by its capital
  // after an article ("un bloc de glace", "a conservative estimate" are lower case).
  // "the Liberal Arts" is a college's, "le Bloc de glace" a block of ice.
  static const RE2 bloc(
      R"(\b(?:[Ll]e|[Dd]u|[Aa]u|[Tt]he|[Aa]n?) (Bloc|Liberal|Conservative|Tory|Grit)s?\b( [Aa]rts?\b| de\b| d['’])?)");
  std::string bloc_hit, arts;
  const std::string& text = view.post.body.own_text;
  bool capitalised_party = text.find("Bloc") != std::string::npos ||
                           text.find("Liberal") != std::string::npos ||
                           text.find("Conservative") != std::string::npos ||
                           text.find("Tory") != std::string::npos ||
                           text.find("Grit") != std::string::npos;
  if (party_hits.empty() && capitalised_party &&
      RE2::PartialMatch(text, bloc, &bloc_hit, &arts) &&
      arts.empty()) {
    party_hits.push_back(bloc_hit);
  }
  bool parties = !party_hits.empty();
  if (parties) {
    reasons->push_back({Clause::kPartisanPolitics, "lexicon.party_terms",
                        RepeatedScore(0.55, party_hits.size()), JoinEvidence(party_hits)});
  }
  parties |= AddLexiconReason(view, "politics_partisan_patterns", Clause::kPartisanPolitics, 0.55,
                              reasons);
  // "Bill 96 is why…", "Ottawa takes our money", "la loi 15 pour acheter des votes": a
  // judgement laid on a government or its law. Naming one alone is information.
  const LexiconHits& hits = view.own_hits;
  if ((parties || hits.Has("government_actor_patterns") || hits.Has("election_terms")) &&
      (hits.Has("political_blame_patterns") || hits.Has("political_insinuation_patterns"))) {
    std::vector<std::string> evidence = hits.Of("government_actor_patterns");
    if (evidence.empty()) evidence = parties ? party_hits : hits.Of("election_terms");
    for (const std::string& judgement : hits.Of("political_blame_patterns")) evidence.push_back(judgement);
    for (const std::string& judgement : hits.Of("political_insinuation_patterns")) evidence.push_back(judgement);
    reasons->push_back({Clause::kPartisanPolitics, "politics.government_judged", 0.55,
                        JoinEvidence(evidence)});
    parties = true;
  }
  // "Moi je vote pour eux" under "Federal election coming up": the thread makes it partisan.
  if (!parties && ContextIsElection(view) && view.own_hits.Has("municipal_context") &&
      !CitesElectionAuthority(view)) {
    reasons->push_back({Clause::kPartisanPolitics, "politics.election_reply", 0.5,
                        JoinEvidence(view.own_hits.Of("municipal_context"))});
  }
  // Where and when to vote, as Elections Québec or Elections Canada say, is allowed.
  if (!parties && CitesElectionAuthority(view)) return;
  AddLexiconReason(view, "election_terms", Clause::kPartisanPolitics, 0.3, reasons);
}

// "Time to send the Liberals packing", "District 6 needs a change", "se débarrasser de
// Legault": someone in office wished out. The words are everyday ones ("the snow has to
// go"), so they count only in a post about a race, a party, a government or an office:
// provincial or federal politics when it names that level or its parties, otherwise,
// on a City forum, the municipal race.
void DetectOuster(const PostView& view, Reasons* reasons) {
  const LexiconHits& hits = view.own_hits;
  if (!hits.Has("politics_ouster_patterns")) return;
  std::vector<std::string> evidence = hits.Of("politics_ouster_patterns");
  if (hits.Has("party_terms") || hits.Has("political_level") || hits.Has("election_terms") ||
      hits.Has("government_actor_patterns")) {
    reasons->push_back({Clause::kPartisanPolitics, "politics.ouster", 0.55, JoinEvidence(evidence)});
    return;
  }
  static const Cue office({"office", "seat"}, /*after_space=*/true);
  if (NamesARace(view, *reasons) || office.In(view.own.folded) ||
      view.own.folded.find("city hall") != std::string::npos ||
      view.own.folded.find("hotel de ville") != std::string::npos) {
    reasons->push_back({Clause::kMunicipalCampaign, "politics.ouster", 0.5, JoinEvidence(evidence)});
  }
}

}  // namespace

void DetectPolitics(const PostView& view, Reasons* reasons) {
  DetectCandidatePromotion(view, reasons);
  DetectMunicipalCampaign(view, reasons);
  DetectPartisanPolitics(view, reasons);
  DetectOuster(view, reasons);
}

}  // namespace modbot
