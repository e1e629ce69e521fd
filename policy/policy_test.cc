// End-to-end judgements of the built-in policy: a post in, a verdict out.
#include "policy/built_in_policy_for_tests.h"
#include "policy/policy.h"

#include <catch2/catch.hpp>
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "policy/body_parser.h"

namespace modbot {
namespace {

// What a test says about a post; everything but the text is optional.
struct Spec {
  std::string text{};
  Format format = Format::kPlain;
  std::optional<std::string> reply_to{};
  std::string topic_title{};
  std::string topic_category{};
  std::optional<int> account_age_days{};
  std::optional<int> post_count{};
};

Post MakePost(const Spec& spec) {
  Post post;
  post.id = "t1";
  post.format = spec.format;
  post.body = ParsePostBody(spec.text, spec.format);
  post.reply_to = spec.reply_to;
  post.topic = {spec.topic_title, spec.topic_category};
  post.author.username = "resident";
  post.author.account_age_days = spec.account_age_days;
  post.author.post_count = spec.post_count;
  return post;
}

std::unique_ptr<Policy> PolicyWith(const PolicySettings& settings) {
  std::string error;
  std::unique_ptr<Policy> policy = Policy::Create(settings, &error);
  INFO(error);
  REQUIRE(policy != nullptr);
  return policy;
}

Verdict Judge(const Spec& spec, const Policy& policy = BuiltInPolicy()) {
  return policy.Judge(MakePost(spec));
}

bool Lists(const Verdict& verdict, Clause clause) {
  return std::find(verdict.clauses.begin(), verdict.clauses.end(), clause) != verdict.clauses.end();
}

const Reason* ReasonFor(const Verdict& verdict, std::string_view rule) {
  for (const Reason& reason : verdict.reasons) {
    if (reason.rule == rule) return &reason;
  }
  return nullptr;
}

std::string Describe(const Verdict& verdict) {
  std::string out = std::string(ActionName(verdict.action)) + " [" + verdict.lang + "]";
  for (const Reason& reason : verdict.reasons) {
    out += " " + std::string(ClauseId(reason.clause)) + ":" + reason.rule + "=" +
           std::to_string(reason.score) + "(" + reason.evidence + ")";
  }
  return out;
}

ClauseSettings& SettingsOf(PolicySettings& settings, Clause clause) {
  return settings.clauses[static_cast<int>(clause)];
}

// Every verdict explains itself: each listed clause has a reason with a rule, a
// score and evidence, and every reason belongs to a listed clause.
void CheckExplained(const Verdict& verdict) {
  INFO(Describe(verdict));
  CHECK((verdict.lang == "en" || verdict.lang == "fr"));
  CHECK(verdict.clauses.empty() == (verdict.action == Action::kAllow));
  for (Clause clause : verdict.clauses) {
    INFO("clause " << ClauseId(clause));
    bool explained = false;
    for (const Reason& reason : verdict.reasons) explained |= reason.clause == clause;
    CHECK(explained);
  }
  for (const Reason& reason : verdict.reasons) {
    CHECK(Lists(verdict, reason.clause));
    CHECK_FALSE(reason.rule.empty());
    CHECK(reason.score > 0.0);
    CHECK(reason.score <= 1.0);
    CHECK_FALSE(reason.evidence.empty());
  }
}

// --- Violations, clause by clause, in English and in French ---

struct Flagged {
  Spec post;
  Clause clause;
  std::string lang;           // the language the post is written in
  bool check_lang = true;     // false where there are too few words to tell
};

const std::vector<Flagged>& Violations() {
  static const std::vector<Flagged> cases = {
      // 1. off_topic
      {{.text = "Did you see Netflix's new season? Also bitcoin is up again, buy some.",
        .topic_title = "Snow removal schedule on Westminster", .topic_category = "Public works"},
       Clause::kOffTopic, "en"},
      {{.text = "Vous avez vu la nouvelle saison de Star Académie? Et le match du Canadien hier!",
        .topic_title = "Horaire de la collecte des ordures", .topic_category = "Travaux publics"},
       Clause::kOffTopic, "fr"},
      // 2. not_relevant
      {{.text = "My favourite dessert is chocolate cake with raspberries and whipped cream.",
        .reply_to = "The pool closes early on Sunday because of the swim meet."},
       Clause::kNotRelevant, "en"},
      {{.text = "Mon chat adore dormir toute la journée sur le divan du salon.",
        .reply_to = "La piscine ferme plus tôt dimanche à cause de la compétition."},
       Clause::kNotRelevant, "fr"},
      // 3. abusive
      {{.text = "You are a fucking moron and everyone here knows it."}, Clause::kAbusive, "en"},
      {{.text = "T'es un ostie de cave, va chier."}, Clause::kAbusive, "fr"},
      {{.text = "What a sh1t idea, you m0r0ns."}, Clause::kAbusive, "en"},
      // 4. threat
      {{.text = "I'm going to kill you if you park in front of my house again."}, Clause::kThreat, "en"},
      {{.text = "Je vais te tuer si tu touches encore à ma clôture."}, Clause::kThreat, "fr"},
      {{.text = "I know where you live. You've been warned."}, Clause::kThreat, "en"},
      // 5. staff_harassment
      {{.text = "The public works employees are lazy and useless, they should be fired."},
       Clause::kStaffHarassment, "en"},
      {{.text = "Les cols bleus sont paresseux et inutiles, des bons à rien."},
       Clause::kStaffHarassment, "fr"},
      // 6. discrimination
      {{.text = "Immigrants don't belong here, they should be sent back."},
       Clause::kDiscrimination, "en"},
      {{.text = "Les immigrés n'ont pas leur place ici, qu'ils retournent chez eux."},
       Clause::kDiscrimination, "fr"},
      // 7. commercial
      {{.text = "Buy now! 50% off all roofing, use promo code ROOF50 for a free estimate."},
       Clause::kCommercial, "en"},
      {{.text = "Je vends des pneus d'hiver à 300$, livraison gratuite, commandez aujourd'hui."},
       Clause::kCommercial, "fr"},
      // 8. candidate_promotion
      {{.text = "Vote for Sarah Kline! She deserves your vote, she is the only one who will fix this."},
       Clause::kCandidatePromotion, "en"},
      {{.text = "Votez pour Chantal Boivin! Notre candidate est la seule qui comprend le quartier."},
       Clause::kCandidatePromotion, "fr"},
      // 9. municipal_campaign
      {{.text = "The mayoral race is heating up: the opposition slate has lawn signs everywhere."},
       Clause::kMunicipalCampaign, "en"},
      {{.text = "La course à la mairie est lancée, l'équipe sortante a des pancartes électorales partout."},
       Clause::kMunicipalCampaign, "fr"},
      // 10. partisan_politics
      {{.text = "Trudeau and the Liberals are a disaster, Poilievre will win the next federal election."},
       Clause::kPartisanPolitics, "en"},
      {{.text = "Legault et la CAQ, quelle honte, vivement que le PQ gagne la prochaine élection provinciale."},
       Clause::kPartisanPolitics, "fr"},
      // 11. illegal_activity
      {{.text = "You can buy weed and pills without a prescription from my guy, nobody checks."},
       Clause::kIllegalActivity, "en"},
      {{.text = "Faites une fausse vignette de stationnement, personne ne vérifie, faites pareil."},
       Clause::kIllegalActivity, "fr"},
      // 12. spam_links
      {{.text = "Amazing deals here bit.ly/3xYzAbc check it out", .account_age_days = 0, .post_count = 0},
       Clause::kSpamLinks, "en"},
      {{.text = "Des super aubaines pour vous ici https://tinyurl.com/abc123, allez voir les rabais!",
        .account_age_days = 0, .post_count = 0},
       Clause::kSpamLinks, "fr"},
      {{.text = "Great offers at https://cheap-pills.xyz/shop and https://best-deals.top"},
       Clause::kSpamLinks, "en"},
      // 13. frivolous
      {{.text = "lol"}, Clause::kFrivolous, "en", false},
      {{.text = "mdr"}, Clause::kFrivolous, "fr", false},
      {{.text = "ptdr!!!"}, Clause::kFrivolous, "fr", false},
      {{.text = "![dance](https://media.giphy.com/media/abc/giphy.gif)", .format = Format::kMarkdown},
       Clause::kFrivolous, "en", false},
      {{.text = "[img]https://example.com/funny.gif[/img]", .format = Format::kBBCode},
       Clause::kFrivolous, "fr", false},
      // 14. public_safety
      {{.text = "The door code for the community centre is 4521#, just walk in."},
       Clause::kPublicSafety, "en"},
      {{.text = "Le code de la porte du chalet est 1234, entrez quand vous voulez."},
       Clause::kPublicSafety, "fr"},
      {{.text = "My card is 4111 1111 1111 1111 exp 12/27, can someone pay my ticket?"},
       Clause::kPublicSafety, "en"},
      {{.text = "Mon numéro de carte est 4111-1111-1111-1111, payez pour moi svp."},
       Clause::kPublicSafety, "fr"},
      {{.text = "Le mot de passe du wifi est Biblio2024!"}, Clause::kPublicSafety, "fr"},
      // 15. ownership
      {{.text = "Download the full movie free here: magnet:?xt=urn:btih:abcdef1234567890"},
       Clause::kOwnership, "en"},
      {{.text = "Voici le film complet gratuitement en streaming, pas besoin de l'acheter."},
       Clause::kOwnership, "fr"},
      // 16. fake_account
      {{.text = "My other account was banned so I made this one, the mods here are unfair.",
        .account_age_days = 0, .post_count = 0},
       Clause::kFakeAccount, "en"},
      {{.text = "Mon autre compte a été banni, alors voici mon nouveau compte.",
        .account_age_days = 0, .post_count = 0},
       Clause::kFakeAccount, "fr"},
  };
  return cases;
}

TEST_CASE("Policy: each violation is flagged with its clause", "[policy]") {
  for (const Flagged& c : Violations()) {
    Verdict verdict = Judge(c.post);
    INFO("post: " << c.post.text << "\nexpected: " << ClauseId(c.clause) << "\ngot: " << Describe(verdict));
    CHECK(Lists(verdict, c.clause));
    CHECK(verdict.action >= Action::kReview);
    if (c.check_lang) CHECK(verdict.lang == c.lang);
  }
}

TEST_CASE("Policy: every clause has violations in English and in French", "[policy]") {
  // Guards the table above: all sixteen principles, both languages of the City.
  for (Clause clause : AllClauses()) {
    bool en = false, fr = false, any = false;
    for (const Flagged& c : Violations()) {
      if (c.clause != clause) continue;
      any = true;
      en |= c.lang == "en";
      fr |= c.lang == "fr";
    }
    INFO(ClauseId(clause));
    CHECK(any);
    CHECK(en);
    CHECK(fr);
  }
}

TEST_CASE("Policy: clear violations are hidden at once", "[policy]") {
  const std::vector<Spec> clear = {
      {.text = "Shut it, you f@ggot."},                                            // slur
      {.text = "Espèce de tapette."},                                              // slur, FR
      {.text = "I'm going to kill you if you park in front of my house again."},   // threat
      {.text = "Je vais te tuer si tu touches encore à ma clôture."},              // threat, FR
      {.text = "My card is 4111 1111 1111 1111 exp 12/27, can someone pay my ticket?"},
      {.text = "Mon numéro de carte est 4111 1111 1111 1111, payez pour moi svp."},
      {.text = "The door code for the community centre is 4521#, just walk in."},
      {.text = "Le code de la porte du chalet est 1234, entrez quand vous voulez."},
      {.text = "![dance](https://media.giphy.com/media/abc/giphy.gif)", .format = Format::kMarkdown},
      {.text = "lol"},
      {.text = "LOL!!!"},
      {.text = "Download the full movie free here: magnet:?xt=urn:btih:abcdef1234567890"},
      {.text = "Amazing deals here bit.ly/3xYzAbc check it out", .account_age_days = 0, .post_count = 0},
  };
  for (const Spec& spec : clear) {
    Verdict verdict = Judge(spec);
    INFO("post: " << spec.text << "\ngot: " << Describe(verdict));
    CHECK(verdict.action == Action::kHide);
  }
}

TEST_CASE("Policy: the shortest numbers public safety looks for are still found", "[policy]") {
  // Nine digits are the fewest a social insurance number has, ten a phone number's.
  Verdict sin = Judge({.text = "My SIN is 046 454 286, keep it for me"});
  const Reason* reason = ReasonFor(sin, "pii.social_insurance_number");
  REQUIRE(reason != nullptr);
  CHECK(reason->evidence == "046 454 286");
  CHECK(ReasonFor(Judge({.text = "My SIN is 046 454 28, keep it for me"}),
                  "pii.social_insurance_number") == nullptr);

  Verdict phone = Judge({.text = "My neighbour lives at 5712 Ashgrove Ave, call him at 438-555-0142"});
  reason = ReasonFor(phone, "pii.address_and_phone");
  REQUIRE(reason != nullptr);
  CHECK(reason->evidence.find("438-555-0142") != std::string::npos);
  CHECK(ReasonFor(Judge({.text = "My neighbour lives at 5712 Ashgrove Ave, call him at 438-555-014"}),
                  "pii.address_and_phone") == nullptr);
}

TEST_CASE("Policy: the hiding rule is the one named in the evidence", "[policy]") {
  Verdict card = Judge({.text = "My card is 4111 1111 1111 1111 exp 12/27"});
  const Reason* reason = ReasonFor(card, "pii.payment_card");
  REQUIRE(reason != nullptr);
  CHECK(reason->clause == Clause::kPublicSafety);
  CHECK(reason->evidence == "4111 1111 1111 1111");

  Verdict gif = Judge({.text = "![x](https://media.giphy.com/media/abc/giphy.gif)", .format = Format::kMarkdown});
  REQUIRE(ReasonFor(gif, "frivolous.gif_only") != nullptr);
  CHECK(ReasonFor(gif, "frivolous.gif_only")->evidence == "https://media.giphy.com/media/abc/giphy.gif");

  Verdict spam = Judge({.text = "Amazing deals here bit.ly/3xYzAbc", .account_age_days = 0, .post_count = 0});
  REQUIRE(ReasonFor(spam, "links.shortener") != nullptr);
  CHECK(ReasonFor(spam, "links.shortener")->evidence == "bit.ly/3xYzAbc");
}

TEST_CASE("Policy: disguised profanity is still profanity", "[policy]") {
  for (const char* text : {"what the f u c k is this", "f.u.c.k this budget", "fu\u0441k this budget",
                           "\uFF46\uFF55\uFF43\uFF4B this budget", "fu\u200Bck this budget",
                           "fuuuuck this budget", "c@lisse de budget", "CÂLISSE de budget"}) {
    Verdict verdict = Judge({.text = text});
    INFO("post: " << text << "\ngot: " << Describe(verdict));
    CHECK(Lists(verdict, Clause::kAbusive));
  }
}

// --- Hard negatives: what a reasonable moderator leaves alone ---

TEST_CASE("Policy: Scunthorpe words are allowed", "[policy]") {
  for (const char* text : {
           "The assessment for Essex and Sussex homes came in the mail.",
           "The cocktail party at the Dickens reading was lovely.",
           "The passage behind the library is dark; my class meets there.",
           "My therapist says grape juice has a cumulative effect.",
           "Scunthorpe and Middlesex are twinned with nobody here.",
           "Le conseil a annoncé une consultation publique mardi.",
           "J'habite ici depuis vingt ans et j'adore le quartier.",
           "Ma chatte est perdue depuis hier, elle est grise et très gentille.",
           "Ce restaurant est réputé; son contrat avec la ville est renouvelé.",
           "Notre maison est sur un cul-de-sac tranquille.",
           "Our family is from Pakistan and we love Côte Saint-Luc.",
           "Spicy food festival this weekend at the park!",
       }) {
    Verdict verdict = Judge({.text = text});
    INFO("post: " << text << "\ngot: " << Describe(verdict));
    CHECK(verdict.action == Action::kAllow);
  }
}

TEST_CASE("Policy: hyperbole is not a threat", "[policy]") {
  for (const char* text : {
           "I'd kill for a longer season at the pool.",
           "Mon fils a tué le concours de piano hier!",
           "The kids' choir was murdering it out there, bravo.",
           "Je vais tuer le temps à la bibliothèque.",
           "Please don't shoot the messenger, but the pool is closed.",
           "The kids will shoot hoops at the park.",
       }) {
    Verdict verdict = Judge({.text = text});
    INFO("post: " << text << "\ngot: " << Describe(verdict));
    CHECK(verdict.action == Action::kAllow);
  }
}

TEST_CASE("Policy: ordinary civic posts are allowed", "[policy]") {
  const std::vector<Spec> posts = {
      // Identity mentions.
      {.text = "As a gay senior, I appreciate the new accessible entrance."},
      {.text = "Je suis musulmane et je trouve le nouveau centre communautaire magnifique."},
      {.text = "Je suis juive et âgée, et la nouvelle bibliothèque est formidable."},
      {.text = "The seniors' swim is only for people 65 and over."},
      {.text = "Men's hockey league registration is open; women's league too."},
      // Civil criticism of council and praise of staff.
      {.text = "I think council made a poor decision on the budget and should reconsider the tax increase."},
      {.text = "Je trouve que le conseil a mal géré le dossier du budget, c'est décevant."},
      {.text = "Merci aux cols bleus pour le déneigement rapide ce matin, excellent travail!"},
      {.text = "The inspector was very helpful and explained everything."},
      // Crime reported, not promoted.
      {.text = "Someone stole my bike from the rack at the mall, I reported it to police."},
      {.text = "Quelqu'un a volé mon vélo devant l'aréna, j'ai porté plainte au SPVM."},
      // Election authorities and official links.
      {.text = "Information on where to vote is on Elections Canada's site: https://www.elections.ca/"},
      {.text = "Élections Québec explique comment voter par anticipation: https://www.electionsquebec.qc.ca"},
      {.text = "See the official notice at https://cotesaintluc.org/news and https://montreal.ca/info"},
      {.text = "The STM changed the 161 bus route: https://www.stm.info/en/info/networks"},
      // Prices that are information, not advertising.
      {.text = "The permit costs $45 at city hall."},
      {.text = "Le permis coûte 45 $ à l'hôtel de ville."},
      {.text = "The flea market is this Sunday; tables cost $20."},
      // Phone numbers of public services.
      {.text = "Please call the city at 514-485-6800 if you see a water main break."},
      // Static images are not GIFs.
      {.text = "Look at this pothole ![pothole](https://forum.example.org/uploads/pothole.jpg)",
       .format = Format::kMarkdown},
      {.text = "![pothole](https://forum.example.org/uploads/pothole.jpg)", .format = Format::kMarkdown},
      // Groups named in a fair or kind way; "ruining" said of raccoons.
      {.text = "Women should be allowed to swim at the same hours as men."},
      {.text = "Seniors should be allowed to park closer to the entrance."},
      {.text = "Immigrants are welcome here, and the city offers French classes."},
      {.text = "The raccoons are ruining our garbage bins again."},
      // Neighbours' small sales and fundraisers.
      {.text = "Garage sale this Saturday, everything must go, 5 dollars a box."},
      {.text = "My daughter's lemonade stand raised $40 for the food bank."},
      {.text = "Pour les billets, appelez au 514-485-6800."},
      // Thanks and scepticism.
      {.text = "Bravo aux sauveteurs de la piscine, ils sont super!"},
      {.text = "The mayor's team promises a new pool; I'll believe it when I see it."},
      {.text = "Wow, the Canada Day fireworks were amazing this year, thanks to all the volunteers!"},
  };
  for (const Spec& spec : posts) {
    Verdict verdict = Judge(spec);
    INFO("post: " << spec.text << "\ngot: " << Describe(verdict));
    CHECK(verdict.action == Action::kAllow);
    CHECK(verdict.clauses.empty());
    CHECK(verdict.reasons.empty());
  }
}

TEST_CASE("Policy: a short answer to a question is not frivolous", "[policy]") {
  const std::vector<Spec> answers = {
      {.text = "Oui, mardi.", .reply_to = "Est-ce que la collecte des ordures est mardi cette semaine?"},
      {.text = "Tuesday.", .reply_to = "When is garbage pickup this week?"},
      {.text = "Mardi.", .reply_to = "C'est quand, la collecte?"},
  };
  for (const Spec& spec : answers) {
    Verdict verdict = Judge(spec);
    INFO("post: " << spec.text << "\ngot: " << Describe(verdict));
    CHECK(verdict.action == Action::kAllow);
  }
  // The same one word with nothing it answers is for a human to weigh.
  CHECK(Lists(Judge({.text = "Tuesday."}), Clause::kFrivolous));
}

TEST_CASE("Policy: quoting a bad post to condemn it is not a violation", "[policy]") {
  const std::vector<Spec> replies = {
      {.text = "[quote=\"bob, post:3, topic:7\"]\nYou are a fucking moron, I'm going to kill you.\n"
               "[/quote]\n\nThis kind of language has no place on our forum. I reported it.",
       .format = Format::kMarkdown},
      {.text = "> Immigrants don't belong here, they should be sent back.\n\n"
               "That is a shameful thing to say about our neighbours.",
       .format = Format::kMarkdown},
      {.text = "[quote=\"bob\"]Les immigrés n'ont pas leur place ici.[/quote]\n"
               "C'est inacceptable de dire ça, je l'ai signalé aux modérateurs.",
       .format = Format::kBBCode},
  };
  for (const Spec& spec : replies) {
    Verdict verdict = Judge(spec);
    INFO("post: " << spec.text << "\ngot: " << Describe(verdict));
    CHECK(verdict.action == Action::kAllow);
  }
  // Control: the quoted words as the author's own are flagged.
  CHECK(Judge({.text = "You are a fucking moron, I'm going to kill you."}).action == Action::kHide);
}

TEST_CASE("Policy: an insult passed on as a bare quote goes to review, never hidden",
          "[policy]") {
  const std::vector<Spec> bare = {
      {.text = "> You are a fucking moron and everyone here hates you.",
       .format = Format::kMarkdown},
      {.text = "[quote]Les immigrés n'ont rien à faire ici, qu'ils retournent chez eux.[/quote]",
       .format = Format::kBBCode},
      {.text = "<blockquote><p>I know where you live and I'm going to kill you.</p></blockquote>"
               "<p>Just saying.</p>",
       .format = Format::kHtml},
  };
  for (const Spec& spec : bare) {
    Verdict verdict = Judge(spec);
    INFO("post: " << spec.text << "\ngot: " << Describe(verdict));
    CHECK(verdict.action == Action::kReview);
    REQUIRE_FALSE(verdict.reasons.empty());
    CHECK(verdict.reasons[0].rule.rfind("quote.", 0) == 0);
  }
  // The same quote, found in the post replied to, is someone else's words.
  Verdict answered = Judge({.text = "> You are a fucking moron and everyone here hates you.",
                            .format = Format::kMarkdown,
                            .reply_to = "Honestly? You are a fucking moron and everyone here "
                                        "hates you."});
  INFO(Describe(answered));
  CHECK(answered.action == Action::kAllow);
  // A civil quote passed on is nothing.
  CHECK(Judge({.text = "> The pool opens at 9 on Saturdays.", .format = Format::kMarkdown})
            .action == Action::kAllow);
}

TEST_CASE("Policy: a brand-new account asking a genuine question is allowed", "[policy]") {
  for (const char* text :
       {"Hi everyone, I just moved to the area. Does anyone know when the outdoor pool opens?",
        "Bonjour, je viens d'emménager. Savez-vous quand ouvre la bibliothèque le dimanche?",
        "Here is the schedule: https://cotesaintluc.org/services/pool"}) {
    Verdict verdict = Judge({.text = text, .account_age_days = 0, .post_count = 0});
    INFO("post: " << text << "\ngot: " << Describe(verdict));
    CHECK(verdict.action == Action::kAllow);
  }
}

// --- Invariants of every verdict ---

TEST_CASE("Policy: every verdict explains its clauses", "[policy]") {
  for (const Flagged& c : Violations()) {
    INFO("post: " << c.post.text);
    CheckExplained(Judge(c.post));
  }
  CheckExplained(Judge({.text = "The permit costs $45 at city hall."}));
  CheckExplained(Judge({.text = ""}));
}

TEST_CASE("Policy: the verdict carries the post id and the language", "[policy]") {
  Post post = MakePost({.text = "La piscine municipale ouvre samedi, c'est une bonne nouvelle pour les familles."});
  post.id = "post-42";
  Verdict verdict = BuiltInPolicy().Judge(post);
  CHECK(verdict.post_id == "post-42");
  CHECK(verdict.lang == "fr");
  CHECK(Judge({.text = "The municipal pool opens on Saturday, good news for families."}).lang == "en");
}

TEST_CASE("Policy: relevance and elections never hide by default", "[policy]") {
  // Strong evidence, several reasons each: still only a human's call.
  const std::vector<Flagged> cases = {
      {{.text = "Netflix new season, bitcoin, crypto, the Habs, the Stanley Cup playoffs and Taylor Swift!",
        .topic_title = "Snow removal schedule", .topic_category = "Public works"},
       Clause::kOffTopic, ""},
      {{.text = "Chocolate raspberry dessert recipes make wonderful birthday presents for grandparents.",
        .reply_to = "The pool closes early on Sunday because of the swim meet."},
       Clause::kNotRelevant, ""},
      {{.text = "Vote for Sarah Kline! Our candidate deserves your vote, she is the only one who will, "
                "volunteers needed for door-knocking, go team!"},
       Clause::kCandidatePromotion, ""},
      {{.text = "The mayoral race: the opposition slate, lawn signs, the incumbent team and the "
                "candidates debate this fall, running for council, municipal election campaign."},
       Clause::kMunicipalCampaign, ""},
      {{.text = "Trudeau, the Liberals, Poilievre, the Conservatives, the NDP and Jagmeet Singh, "
                "the Bloc and the carbon tax in the next federal election."},
       Clause::kPartisanPolitics, ""},
  };
  for (const Flagged& c : cases) {
    Verdict verdict = Judge(c.post);
    INFO("post: " << c.post.text << "\ngot: " << Describe(verdict));
    CHECK(Lists(verdict, c.clause));
    CHECK(verdict.action == Action::kReview);
  }
}

// --- Settings ---

TEST_CASE("Policy settings: a disabled clause is never reported", "[policy]") {
  PolicySettings settings = PolicySettings::Defaults();
  SettingsOf(settings, Clause::kAbusive).enabled = false;
  SettingsOf(settings, Clause::kFrivolous).enabled = false;
  std::unique_ptr<Policy> policy = PolicyWith(settings);
  for (const char* text : {"You are a fucking moron and everyone here knows it.", "lol",
                           "T'es un ostie de cave."}) {
    Verdict verdict = Judge({.text = text}, *policy);
    INFO("post: " << text << "\ngot: " << Describe(verdict));
    CHECK_FALSE(Lists(verdict, Clause::kAbusive));
    CHECK_FALSE(Lists(verdict, Clause::kFrivolous));
    for (const Reason& reason : verdict.reasons) {
      CHECK(reason.clause != Clause::kAbusive);
      CHECK(reason.clause != Clause::kFrivolous);
    }
    CHECK(verdict.action == Action::kAllow);
  }
  // Other clauses still work.
  CHECK(Judge({.text = "Je vais te tuer."}, *policy).action == Action::kHide);
}

TEST_CASE("Policy settings: max_action = review caps a hide", "[policy]") {
  PolicySettings settings = PolicySettings::Defaults();
  SettingsOf(settings, Clause::kThreat).max_action = Action::kReview;
  std::unique_ptr<Policy> policy = PolicyWith(settings);
  Verdict verdict = Judge({.text = "I'm going to kill you if you park there again."}, *policy);
  CHECK(verdict.action == Action::kReview);
  CHECK(Lists(verdict, Clause::kThreat));
  CHECK(Judge({.text = "I'm going to kill you if you park there again."}).action == Action::kHide);
}

TEST_CASE("Policy settings: thresholds move the action", "[policy]") {
  PolicySettings settings = PolicySettings::Defaults();
  SettingsOf(settings, Clause::kAbusive).review_at = 0.95;
  SettingsOf(settings, Clause::kAbusive).hide_at = 0.99;
  std::unique_ptr<Policy> strict = PolicyWith(settings);
  // profanity alone scores 0.6: a review by default, nothing under these settings.
  CHECK(Judge({.text = "This shit is awesome, best Canada Day ever."}).action == Action::kReview);
  CHECK(Judge({.text = "This shit is awesome, best Canada Day ever."}, *strict).action == Action::kAllow);
}

CustomRule Rule(std::string name, Clause clause, CustomRule::Kind kind,
                std::vector<std::string> values, double score) {
  CustomRule rule;
  rule.name = std::move(name);
  rule.clause = clause;
  rule.kind = kind;
  rule.values = std::move(values);
  rule.score = score;
  return rule;
}

TEST_CASE("Policy settings: custom rules fire as rule.<name> with their score", "[policy]") {
  PolicySettings settings = PolicySettings::Defaults();
  settings.rules = {
      Rule("sealcoat", Clause::kCommercial, CustomRule::Kind::kWords, {"sealcoat", "asphalte*"}, 0.6),
      Rule("driveway-scam", Clause::kCommercial, CustomRule::Kind::kPhrases,
           {"driveway sealing special"}, 0.9),
      Rule("unit-numbers", Clause::kPublicSafety, CustomRule::Kind::kPattern,
           {R"(\bunit \d{3}\b)"}, 0.55),
      Rule("bad-domain", Clause::kSpamLinks, CustomRule::Kind::kDomains, {"example-spam.com"}, 0.95),
  };
  std::unique_ptr<Policy> policy = PolicyWith(settings);

  SECTION("words, whole words only, with prefix entries") {
    Verdict verdict = Judge({.text = "Sealcoat for everyone on the street."}, *policy);
    const Reason* reason = ReasonFor(verdict, "rule.sealcoat");
    REQUIRE(reason != nullptr);
    CHECK(reason->clause == Clause::kCommercial);
    CHECK(reason->score == Approx(0.6));
    CHECK(reason->evidence == "sealcoat");
    CHECK(verdict.action == Action::kReview);
    CHECK(ReasonFor(Judge({.text = "Sealcoating is messy."}, *policy), "rule.sealcoat") == nullptr);
    CHECK(ReasonFor(Judge({.text = "L'asphalteur est passé."}, *policy), "rule.sealcoat") != nullptr);
  }
  SECTION("phrases") {
    Verdict verdict = Judge({.text = "Driveway   SEALING special, this week!"}, *policy);
    const Reason* reason = ReasonFor(verdict, "rule.driveway-scam");
    REQUIRE(reason != nullptr);
    CHECK(reason->score == Approx(0.9));
    CHECK(verdict.action == Action::kHide);
    CHECK(ReasonFor(Judge({.text = "The driveway needs sealing."}, *policy), "rule.driveway-scam") == nullptr);
  }
  SECTION("patterns, on folded text") {
    Verdict verdict = Judge({.text = "She lives in Unit 404 of that building."}, *policy);
    const Reason* reason = ReasonFor(verdict, "rule.unit-numbers");
    REQUIRE(reason != nullptr);
    CHECK(reason->clause == Clause::kPublicSafety);
    CHECK(reason->evidence == "unit 404");
    CHECK(verdict.action == Action::kReview);
    CHECK(ReasonFor(Judge({.text = "Unity is strength."}, *policy), "rule.unit-numbers") == nullptr);
  }
  SECTION("domains, subdomains included") {
    Verdict verdict = Judge({.text = "Read this https://shop.example-spam.com/offer please"}, *policy);
    const Reason* reason = ReasonFor(verdict, "rule.bad-domain");
    REQUIRE(reason != nullptr);
    CHECK(reason->evidence == "https://shop.example-spam.com/offer");
    CHECK(verdict.action == Action::kHide);
    CHECK(ReasonFor(Judge({.text = "Read https://notexample-spam.com/x please"}, *policy),
                    "rule.bad-domain") == nullptr);
  }
  SECTION("without the rules the same posts are fine") {
    CHECK(Judge({.text = "Sealcoat for everyone on the street."}).action == Action::kAllow);
    CHECK(Judge({.text = "She lives in Unit 404 of that building."}).action == Action::kAllow);
  }
}

TEST_CASE("Policy settings: an invalid custom rule is refused at creation", "[policy]") {
  PolicySettings settings = PolicySettings::Defaults();
  SECTION("a pattern RE2 cannot compile") {
    settings.rules = {Rule("broken", Clause::kAbusive, CustomRule::Kind::kPattern, {"(unclosed"}, 0.5)};
  }
  SECTION("a word with no letters") {
    settings.rules = {Rule("empty", Clause::kAbusive, CustomRule::Kind::kWords, {"!!!"}, 0.5)};
  }
  std::string error;
  CHECK(Policy::Create(settings, &error) == nullptr);
  CHECK_FALSE(error.empty());
  CHECK(error.find(settings.rules[0].name) != std::string::npos);
}

TEST_CASE("Policy settings: promoting a listed sponsor is not commercial", "[policy]") {
  const Spec thanks = {
      .text = "Thanks to Rivard Family Dentistry: 20% off cleanings, use promo code CSL20 at "
              "https://rivarddentistry.ca"};
  CHECK(Lists(Judge(thanks), Clause::kCommercial));

  PolicySettings settings = PolicySettings::Defaults();
  settings.sponsors = {"Rivard Family Dentistry", "rivarddentistry.ca"};
  std::unique_ptr<Policy> policy = PolicyWith(settings);
  Verdict verdict = Judge(thanks, *policy);
  INFO(Describe(verdict));
  CHECK(verdict.action == Action::kAllow);

  // A sponsor's name does not launder a link elsewhere.
  Verdict elsewhere = Judge({.text = "Rivard Family Dentistry says 20% off, use promo code CSL20 at "
                                     "https://cheap-teeth.example.com"},
                            *policy);
  CHECK(Lists(elsewhere, Clause::kCommercial));
}

TEST_CASE("Policy settings: listed candidates are recognised", "[policy]") {
  const Spec post = {.text = "sarah kline is running"};
  CHECK(Judge(post).action == Action::kAllow);

  PolicySettings settings = PolicySettings::Defaults();
  settings.candidates = {"Sarah Kline"};
  std::unique_ptr<Policy> policy = PolicyWith(settings);
  Verdict verdict = Judge(post, *policy);
  INFO(Describe(verdict));
  CHECK(Lists(verdict, Clause::kCandidatePromotion));
  CHECK(verdict.action == Action::kReview);
  const Reason* reason = ReasonFor(verdict, "politics.known_candidate");
  REQUIRE(reason != nullptr);
  CHECK(reason->evidence == "sarah kline");
  // Meeting a candidate is not promoting one.
  CHECK(Judge({.text = "I met sarah kline at the library."}, *policy).action == Action::kAllow);
}

TEST_CASE("Policy settings: trusted domains are never spam", "[policy]") {
  const Spec post = {.text = "Check out the library's new program https://www.cslpubliclibrary.ca/events",
                     .account_age_days = 2, .post_count = 1};
  CHECK(Lists(Judge(post), Clause::kSpamLinks));

  PolicySettings settings = PolicySettings::Defaults();
  settings.trusted_domains.push_back("cslpubliclibrary.ca");
  std::unique_ptr<Policy> policy = PolicyWith(settings);
  CHECK(Judge(post, *policy).action == Action::kAllow);
}

TEST_CASE("Policy: judging is deterministic and leaves the settings alone", "[policy]") {
  const Policy& policy = BuiltInPolicy();
  Post post = MakePost({.text = "You are a fucking moron, see bit.ly/abc", .account_age_days = 0});
  Verdict first = policy.Judge(post);
  Verdict second = policy.Judge(post);
  CHECK(first.action == second.action);
  CHECK(first.clauses == second.clauses);
  CHECK(Describe(first) == Describe(second));
  CHECK(policy.settings().trusted_domains == PolicySettings::Defaults().trusted_domains);
}

TEST_CASE("Policy: any bytes are judged without failing", "[policy]") {
  std::string bytes = "f\xFFu\xC3 c k \0 you m0r0n \xE2\x82";
  bytes += std::string("\0\0\x80", 3);
  for (Format format : {Format::kPlain, Format::kMarkdown, Format::kBBCode, Format::kHtml}) {
    Verdict verdict = BuiltInPolicy().Judge(MakePost({.text = bytes, .format = format}));
    CheckExplained(verdict);
  }
  std::string long_post(200000, 'a');
  Verdict verdict = Judge({.text = long_post});
  CheckExplained(verdict);
}

}  // namespace
}  // namespace modbot
