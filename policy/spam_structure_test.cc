// Structural judgement: an ad or a scam recognised by what it is made of (a contact
// channel, a price, a call to act, urgency, a prize, a deceiving link), a way into a
// public building (a secret next to an access point), and a copy of someone else's
// work offered to readers, rather than by fixed phrases. Sentences written for
// these tests, with look-alikes that must stay allowed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "policy/body_parser.h"
#include "policy/built_in_policy_for_tests.h"
#include "policy/policy.h"

namespace modbot {
namespace {

struct Case {
  Case(std::string text, std::optional<int> account_age_days = std::nullopt,
       std::optional<int> trust_level = std::nullopt, std::optional<int> post_count = std::nullopt)
      : text(std::move(text)),
        account_age_days(account_age_days),
        trust_level(trust_level),
        post_count(post_count) {}
  std::string text;
  std::optional<int> account_age_days;  // unknown unless said
  std::optional<int> trust_level;
  std::optional<int> post_count;  // 1 for a new account, 80 for another, unless said
};

Verdict JudgeCase(const Case& c) {
  Post post;
  post.id = "structure";
  post.body = ParsePostBody(c.text, Format::kMarkdown);
  post.author.account_age_days = c.account_age_days;
  post.author.post_count = c.post_count        ? c.post_count
                           : c.account_age_days ? std::optional<int>(*c.account_age_days < 7 ? 1 : 80)
                                                : std::nullopt;
  post.author.trust_level = c.trust_level;
  return BuiltInPolicy().Judge(post);
}

bool Has(const Verdict& verdict, Clause clause) {
  return std::find(verdict.clauses.begin(), verdict.clauses.end(), clause) != verdict.clauses.end();
}

std::string Describe(const Verdict& verdict) {
  std::string out(ActionName(verdict.action));
  for (const Reason& reason : verdict.reasons) {
    out += "\n  " + std::string(ClauseId(reason.clause)) + " " + reason.rule + " " +
           std::to_string(reason.score) + " " + reason.evidence;
  }
  return out;
}

void Expect(const std::vector<Case>& cases, Clause clause, Action action) {
  for (const Case& c : cases) {
    Verdict verdict = JudgeCase(c);
    INFO(c.text << "\n" << Describe(verdict));
    CHECK(Has(verdict, clause));
    CHECK(verdict.action == action);
  }
}

void ExpectAllowed(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    Verdict verdict = JudgeCase(c);
    INFO(c.text << "\n" << Describe(verdict));
    CHECK(verdict.action == Action::kAllow);
  }
}

TEST_CASE("Spam structure: an ad with a channel however written is queued", "[policy]") {
  Expect(
      {
          {"Peinture intérieure, 2 pièces pour 199 $, textez le quatre trois huit cinq cinq cinq "
           "zéro un deux sept"},
          {"Gutter cleaning this weekend only, $80 a house. Call Dave five one four five five five "
           "zero one nine nine"},
          {"Gâteaux personnalisés sur commande! Suivez-nous sur Insta @sucre_et_cie_mtl"},
          {"Need your taxes done? Flat $50, write to taxhelp.mtl at gmail dot com"},
      },
      Clause::kCommercial, Action::kReview);
}

TEST_CASE("Spam structure: prize and bulk-message scams are queued", "[policy]") {
  Expect(
      {
          {"CONGRATULATIONS! Your number was selected to receive a $500 gift card. Reply CLAIM to "
           "55123 within 24 hours"},
          {"Félicitations, vous avez gagné une carte-cadeau de 300 $! Appelez maintenant le "
           "1-888-555-0199 pour la réclamer"},
          {"Work from home and earn $300 a day, no experience needed, text JOB to 44555 now!"},
      },
      Clause::kCommercial, Action::kReview);
}

TEST_CASE("Spam structure: a newcomer's ad is a throwaway account and hides", "[policy]") {
  Expect(
      {
          {"Déménagement pas cher, camion et 2 gars, 60 $ de l'heure, faites vite les places sont "
           "limitées, appelez le 438 555 0142",
           0},
      },
      Clause::kFakeAccount, Action::kHide);
}

TEST_CASE("Spam structure: City notices, tips and recommendations are not ads", "[policy]") {
  ExpectAllowed({
      {"Pool passes are $95 for residents this summer. Register at the front desk or call 311.",
       900},
      {"La vignette coûte 60 $ par année. Renouvelez avant le 1er décembre, appelez le 311.", 900},
      {"Registration for the day camp opens Monday at 9 am, $180 a week. Spots are limited, "
       "register online on cotesaintluc.org.",
       3000, 4},
      {"I used Lev the plumber last winter, he was quick and fair. Happy with the work.", 900},
      {"There were one or two, maybe three or four, geese on the pond, then five, six more.", 900},
      {"The meeting is on 2025-06-15 10:30 at City Hall, 5801 Cavendish.", 900},
      {"Thanks @snowbird_harry, the plows came by Rembrandt this morning.", 900},
  });
}

// Comment spam: an author with no known facts asking readers to watch, follow or
// subscribe to what they made, or promising money and free goods.
TEST_CASE("Spam structure: self-promotion in comments is queued as commercial", "[policy]") {
  Expect(
      {
          {"Hey guys, would you mind checking out my channel? I upload covers every week"},
          {"Watch my newest video, link in my bio"},
          {"New rapper here, go listen to my mixtape and tell me what you think"},
          {"Sub4sub? I'll sub back right away"},
          {"Want to earn 300 a day from home? msg me"},
          {"Abonne-toi à ma chaîne, lien dans ma bio"},
          {"Everyone please help me reach 500 subscribers!!"},
          {"I'm a 17 year old rapper from Detroit, give my new track a listen"},
          {"Lonely? Beautiful girls want to chat with you right now, click my profile"},
          {"hey guys im a new channel, i do gaming videos, go check it out"},
          {"Mon fils de 12 ans a créé sa chaîne YouTube, allez l'encourager svp!"},
          {"Get rich quick with this simple trick, see the link on my page"},
          {"Gagne des abonnés gratuitement avec cette appli : abonnes-gratuits.fr"},
      },
      Clause::kCommercial, Action::kReview);
}

// Comment spam as it comes under videos and blog posts, judged with no author facts:
// the author's own channel with a plea, an earnings claim with a way to reach the
// author, a testimonial for a titled stranger with that stranger's number.
TEST_CASE("Spam structure: comment spam without a link is queued", "[policy]") {
  Expect(
      {
          {"Sub to me and I'll sub back!"},
          {"Love this song! I also do covers on my channel, would be great if you gave me a chance :)"},
          {"If you're reading this, thank you! I'm a small youtuber trying to grow, any support means everything"},
          {"Je vous invite à découvrir ma chaîne, je fais des vidéos de cuisine"},
          {"Salut! Petit youtubeur ici, passez voir ma chaîne si ça vous dit"},
          {"Who wants to earn money online? It's easy and legit, DM me for details"},
          {"Make $$$ fast, text 438 555 0192"},
          {"i have a side hustle that pays me 1k a week, ask me how"},
          {"Quelqu'un veut gagner de l'argent facilement? Envoyez-moi un message"},
          {"Besoin d'un prêt rapide? Sans vérification de crédit, contactez-nous par courriel : pretrapide@gmail.com"},
          {"God bless Dr. Okoro who brought my husband back, contact him on whatsapp +2348012345678"},
          {"Grâce à Mme Sophie j'ai doublé mon investissement en bitcoin, contactez-la au +33 6 12 34 56 78"},
          {"This is the best investment platform I've ever used, I withdrew my profits yesterday. Search for BitProfitX on Google"},
          {"Invest with Mr. Collins and earn 20% weekly returns, he is legit. Contact him on telegram @collinsfx"},
          {"I'm only 2 subs away from 100!"},
          {"if you like my song give thumbs up and subscribe"},
          {"I'm a 16 year old singer from London, I'd be so grateful if you listened to my covers"},
          {"http://www.marketglory.com/strategygame/lucaslucas2 join this game, it's free and you get money"},
          {"Check out my c h a n n e l, new v i d e o s every day"},
          {"Make m-o-n-e-y fast, text me 514 555 0192"},
      },
      Clause::kCommercial, Action::kReview);
}

// The pitch that hides: a link to a site nobody here knows, a windfall or a miracle,
// and a call to act, from someone who is not an established member.
TEST_CASE("Spam structure: a pitch with a call to act and an unknown link hides", "[policy]") {
  Expect(
      {
          {"I make $500 a day working from home, visit www.easycash-home.com to find out how"},
          {"Get your free $1000 Walmart gift card now! Limited offer: bit.ly/wmgift"},
          {"Découvrez comment j'ai perdu 15 kg en un mois : minceur-express.fr"},
          {"I've been making 5k a week with forex signals, join my telegram group t.me/fxsignals"},
          {"18+ hot girls waiting to chat with you, sign up free at sexydates.club"},
          {"Work from home opportunity! Earn up to $1,500/week. Visit jobs-home-now.com"},
          {"Earn money by watching videos! Sign up here www.paidviews.net"},
      },
      Clause::kSpamLinks, Action::kHide);
}

TEST_CASE("Spam structure: a pitch's look-alikes stay clear or queued, never hidden", "[policy]") {
  ExpectAllowed({
      {"My daughter has her own channel about Lego, she just hit 100 subscribers!"},
      {"Can someone explain how to subscribe to the snow removal alerts?"},
      {"Abonnez-vous à l'infolettre de la Ville pour les avis de déneigement"},
      {"I make beats as a hobby, nothing serious"},
      {"J'ai perdu 10 kg en faisant du vélo cet été, je recommande"},
      {"He was hired to work from home during covid and never went back"},
      {"Thank you Dr. Cohen at the CLSC, she was wonderful with my mother"},
      {"Your channel is great, keep it up!"},
      {"I invested in bitcoin in 2017 and regret selling"},
      {"We're having a BBQ on Saturday si ça vous dit, bring a salad"},
      {"Allez sur rmcsport.fr pour un lien officiel"},
      {"Love this song so much, my brother showed it to me"},
      {"2 billion views, incredible!"},
      {"I'm a retired musician, I play at the seniors' centre on Fridays"},
  });
  for (const Case& c : std::vector<Case>{
           {"Easy money? Just visit the City's summer jobs page: https://cotesaintluc.org/jobs, apply now"},
           {"Great deals at the farmers market, check it out! https://marchecsl.ca", 900, 2},
       }) {
    Verdict verdict = JudgeCase(c);
    INFO(c.text << "\n" << Describe(verdict));
    CHECK(verdict.action != Action::kHide);
  }
}

TEST_CASE("Spam structure: calls that lead to the City, news links and fans are not ads",
          "[policy]") {
  ExpectAllowed({
      {"Permit fees go up to $45 on January 1st. Questions? Call 311 or visit "
       "www.cotesaintluc.org/permits"},
      {"Subscribe to the City newsletter to hear about water main work on your street"},
      {"Here's the article on the budget vote: "
       "https://www.cbc.ca/news/canada/montreal/budget-vote-1.7000000"},
      {"I've been subscribed to this channel for years, still the best covers"},
      {"Subscribe to the library's newsletter for the book sale dates"},
      {"Check out the photos from the winter carnival on the City's Facebook page"},
      {"My neighbour's plumber, Dupont, fixed our pipes fast and charged a fair price"},
  });
}

TEST_CASE("Spam structure: a new account posting a dozen times a day is queued", "[policy]") {
  Expect(
      {
          {"Totally agree with everyone here, the new bike lanes are great.", 0, std::nullopt, 15},
          {"Ce parc est super, je le recommande aux familles.", 1, std::nullopt, 12},
      },
      Clause::kFakeAccount, Action::kReview);
  // The same words from a newcomer with a few posts, or from a busy regular, are not.
  ExpectAllowed({
      {"Totally agree with everyone here, the new bike lanes are great.", 1, std::nullopt, 4},
      {"Ce parc est super, je le recommande aux familles.", 60, std::nullopt, 400},
  });
}

TEST_CASE("Spam structure: a romance persona asking to be written to hides", "[policy]") {
  Expect({{"Widower here, engineer working offshore on an oil rig, looking for a sincere woman. "
           "Write me.",
           2}},
         Clause::kFakeAccount, Action::kHide);
}

TEST_CASE("Spam structure: a cause of one's own or a disguised link pointed to is queued",
          "[policy]") {
  Expect(
      {
          {"Nice turnout today! Please also share my fundraiser for my band's tour "
           "gofundme.com/f/band-tour-2025",
           900},
          {"Pour les recettes de Noël, j'en ai trouvé plein ici : recettes-faciles-123 point com",
           900},
      },
      Clause::kSpamLinks, Action::kReview);
}

TEST_CASE("Spam structure: links that deceive are flagged, from a newcomer hidden", "[policy]") {
  Expect(
      {
          {"Official snow removal schedule: [see the map](http://csl-deneigement.info.kz/map)", 1},
          {"Your forum account expires today, confirm here: csl-forum-verify.net/login", 0},
          {"Full detour map, download it here: hxxp://detour-map-mtl[.]xyz/map.exe", 2},
          {"Regardez ça, incroyable 😱 tinyurl.com/neige123", 1},
          {"Bravo! http://fete-qc.info/a http://fete-qc.info/b http://fete-qc.info/c", 0},
      },
      Clause::kSpamLinks, Action::kHide);
}

TEST_CASE("Spam structure: a link spelt to slip past a filter is read as a reader reads it",
          "[policy]") {
  // The scheme spaced or in leetspeak, the host in leetspeak or stretched.
  Expect(
      {
          {"Votre compte Hydro est suspendu, reconnectez-vous ici : "
           "h t t p s://hydroquebec-connexion.site/login",
           900},
          {"Best prices on replica watches → ht7p://r3plica-watches.shooop", 900},
          // Letters of the host parted by dots, joined to the word they were cut from.
          {"Confirm your address here: https://canadapost-r.e.d.e.l.i.v.e.r.y.help/confirm", 900},
      },
      Clause::kSpamLinks, Action::kHide);
  Expect({{"Your parcel is waiting, pay the fee at https://canadap0st-delivery.help/pay", 900}},
         Clause::kSpamLinks, Action::kReview);
  // The City's own site stays trusted however its scheme is written; a host too
  // broken to read is no link.
  ExpectAllowed({
      {"Horaire des collectes : h t t p s://cotesaintluc.org/fr/collectes", 900},
      {"Per the notice at h.t.t.p.s://c o t e s a i n t l u c.org, boil tap water for a minute.", 900},
  });
}

TEST_CASE("Spam structure: a warning about a link and a spelled City site are allowed",
          "[policy]") {
  ExpectAllowed({
      {"Heads up, a text is going around with csl-payment-update.net, it's a scam. Don't click "
       "the link.",
       900},
      {"Attention, le lien hxxp://taxes-csl[.]xyz qui circule est une arnaque, ne cliquez pas.",
       900},
      {"Tout est sur cotesaintluc point org, section loisirs.", 900},
      {"C'est à ce point ça que le budget a augmenté? Le point net est clair.", 900},
      {"Here are my three sources on the budget: https://www.cbc.ca/news/a, "
       "https://montrealgazette.com/b and https://www.lapresse.ca/c — the numbers differ a lot "
       "between them and the City's own document.",
       900},
  });
}

TEST_CASE("Structure: a way into a public building hides", "[policy]") {
  Expect(
      {
          {"The key to the tennis club shed is hidden under the flower pot by the side door.", 900},
          {"La porte du garage municipal barre jamais, on peut rentrer par là le soir.", 900},
          {"Le routeur de la bibliothèque a encore le mot de passe par défaut, admin/admin.", 900},
          {"The gate at the pump house is never locked, you can get in through there after 6.",
           900},
      },
      Clause::kPublicSafety, Action::kHide);
}

TEST_CASE("Structure: a weakness reported, or when nobody watches, is queued", "[policy]") {
  Expect(
      {
          {"The side door of the arena is never locked at night, I reported it to 311.", 900},
          {"Les gardiens partent à minuit et les caméras couvrent seulement l'entrée principale.", 900},
          {"Security leaves at 11 and the loading dock is unattended until morning.", 900},
          {"The gate at the pump house is never locked after 6, anyone can walk in.", 900},
      },
      Clause::kPublicSafety, Action::kReview);
}

TEST_CASE("Structure: keys, doors and cameras in ordinary talk are allowed", "[policy]") {
  ExpectAllowed({
      {"I left my keys in the car again, had to call my wife.", 900},
      {"The new library doors open automatically, great for strollers.", 900},
      {"Les caméras de la Ville sur Cavendish ont aidé à retrouver le vélo volé.", 900},
      {"The key issue at council was the budget, not the pool.", 900},
      {"Le chalet du parc ouvre à 9 h samedi pour la fête des voisins.", 900},
  });
}

TEST_CASE("Structure: a copy of someone else's work sold or shared hides", "[policy]") {
  Expect(
      {
          {"I have the whole driving school textbook, $15 by e-transfer and I'll email it to you.",
           900},
          {"Le manuel de secourisme en PDF, 10 $ et je vous l'envoie ce soir.", 900},
          {"The full audiobook is on my drive, grab it: drive.google.com/drive/folders/xyz123",
           900},
          {"Found this on a photographer's Flickr, I cropped out his watermark [img]https://i.imgur.com/a.jpg[/img]",
           900},
      },
      Clause::kOwnership, Action::kHide);
}

TEST_CASE("Structure: a copy offered without price or link is queued", "[policy]") {
  Expect(
      {
          {"J'ai le film de vendredi en fichier .mkv, écrivez-moi et je vous l'envoie.", 900},
          {"Borrowed this shot of the pool from @lens_mtl's Instagram, hope he doesn't mind [img]https://i.imgur.com/b.jpg[/img]",
           900},
      },
      Clause::kOwnership, Action::kReview);
}

TEST_CASE("Structure: talk of books, films and photos is allowed", "[policy]") {
  ExpectAllowed({
      {"I read the whole book in one weekend, highly recommend the library copy.", 900},
      {"Le film au parc était super, merci à la Ville!", 900},
      {"I'll send you the link to the City's page on the new bylaw.", 900},
      {"Here's my own photo of the sunset over the pond [img]https://i.imgur.com/c.jpg[/img]", 900},
      {"I got the schedule from the City's website, pickup is on Tuesday.", 900},
  });
}

TEST_CASE("Structure: breaking a rule nobody enforces, as advice or knowingly, is queued",
          "[policy]") {
  Expect(
      {
          {"Tennis courts full? Use a friend's member card, the attendant never checks the name.",
           900},
          {"Pour éviter la contravention pendant le déneigement, cachez votre plaque, ils peuvent "
           "pas vous identifier.",
           900},
          {"Technically there's a fine for feeding the ducks but it's never enforced, go ahead.", 900},
          {"On a pas le droit de pêcher dans l'étang, mais personne dit rien, j'y vais chaque "
           "samedi.",
           900},
      },
      Clause::kIllegalActivity, Action::kReview);
}

TEST_CASE("Structure: rules and enforcement in ordinary talk are allowed", "[policy]") {
  ExpectAllowed({
      {"The front desk never checks my card anymore, they know me by now. Love that place.", 900},
      {"Technically the pool closes at 8 but they let us finish our lengths.", 900},
      {"On a pas le droit de stationner des deux côtés pendant le déneigement, faites attention.",
       900},
      {"Use the side entrance during construction, the main doors are closed.", 900},
  });
}

TEST_CASE("Structure: a new account asking for money or speaking for the City hides", "[policy]") {
  Expect(
      {
          {"My car broke down on the 20 and I need $80 for the tow, anyone can e-transfer to me? "
           "I will pay back tomorrow",
           0},
          {"Mon portefeuille a été volé, envoyez-moi 50 $ par virement svp, je vous rembourse "
           "lundi",
           1},
          {"Avis aux résidents : la collecte est annulée. Questions : ville.csl.info@gmail.com", 2},
          {"Reminder from City Hall: pay your water bill at mayor.office.csl@outlook.com", 900},
      },
      Clause::kFakeAccount, Action::kHide);
}

TEST_CASE("Structure: a club's address and talk of money are allowed", "[policy]") {
  ExpectAllowed({
      {"The tennis club takes sign-ups at tennis.csl.club@gmail.com, see you on the courts!", 900},
      {"I need $20 for the bake sale float, I'll bring it from home.", 0},
      {"Interac e-transfer works for the school trip, the teacher said.", 1},
  });
}

// A work pasted in: a long quote from no post of the thread under a line of the
// author's own. A quote of the post replied to, or a short one, is a conversation.
TEST_CASE("Structure: a long quote from outside the thread is queued as ownership", "[policy]") {
  std::string article;
  for (int i = 0; i < 8; ++i) {
    article += "Residents of the city will pay more for water next year as council approved a "
               "new rate structure on Tuesday night after a long debate. ";
  }
  Expect({{"From today's Gazette:\n\n> " + article}}, Clause::kOwnership, Action::kReview);
  Post reply;
  reply.body = ParsePostBody("> " + article + "\n\nI disagree, the old rates were fine.", Format::kMarkdown);
  reply.reply_to = article;
  CHECK(BuiltInPolicy().Judge(reply).action == Action::kAllow);
  ExpectAllowed({{"> Residents will pay more for water next year.\n\nI disagree, the old rates were fine."}});
}

// An echo of another member signed with a persona, from an account the facts show
// is new: a sock puppet for a human to weigh; with "I'm new here" and decades of
// residence as well, the whole shape, hidden.
TEST_CASE("Structure: a new account's echo signed with a persona is a sock puppet", "[policy]") {
  Expect({{"Totally agree with everything said above. Signed, a proud mother of three and taxpayer", 0, std::nullopt, 1}},
         Clause::kFakeAccount, Action::kReview);
  Expect({{"Je suis nouveau ici mais j'habite CSL depuis 30 ans et je suis 100% d'accord avec Mme "
           "Cohen, tout le monde devrait voter pour elle",
           1, std::nullopt, 1}},
         Clause::kFakeAccount, Action::kHide);
  ExpectAllowed({
      {"I agree with the post above, the plows were late again on our street", 0, std::nullopt, 1},
      {"Hi everyone, I'm new to CSL, just moved to Kildare. Any recommendations for a good daycare?", 0,
       std::nullopt, 1},
      {"Totally agree with everything said above. Signed, a proud mother of three", 900, 2, 300},
  });
}

// A link whose words show the City's address and whose target is elsewhere, and a
// lookalike whose login word is in the path: made to deceive, whoever posts them.
TEST_CASE("Structure: a link that shows one address and goes to another is flagged", "[policy]") {
  for (const Case& c : std::vector<Case>{
           {"Schedule: [link](http://collecte-horaire.net/x) [www.cotesaintluc.org](https://evil-login.net)", 900, 2, 300},
           {"Pour plus d'infos sur le déneigement : http://deneigement-csl.info/connexion", 900, 2, 300},
       }) {
    Verdict verdict = JudgeCase(c);
    INFO(c.text << "\n" << Describe(verdict));
    CHECK(Has(verdict, Clause::kSpamLinks));
    CHECK(verdict.action != Action::kAllow);
  }
  Expect({{"Nice meeting everyone! Cheap flights here → cheapflights-deals.net", 1, std::nullopt, 1}},
         Clause::kFakeAccount, Action::kHide);
  ExpectAllowed({
      {"[cotesaintluc.org](https://www.cotesaintluc.org/fr/collectes) a l'horaire", 900, 2, 300},
      {"Here's the article: [montrealgazette.com](https://montrealgazette.com/news/csl-budget)", 900, 2, 300},
  });
}

}  // namespace
}  // namespace modbot
