// The commerce family of clauses: commercial (7), illegal_activity (11), spam_links
// (12), public_safety (14) and ownership (15). Sentences here are written for these
// tests, in both languages: what each clause should catch, how far (review or
// hide), and the ordinary posts it must leave alone.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "policy/built_in_policy_for_tests.h"
#include "policy/body_parser.h"
#include "policy/policy.h"

namespace modbot {
namespace {

struct Case {
  std::string text;
  std::optional<int> account_age_days = 900;  // a regular unless said otherwise
};

Verdict JudgeText(const Case& c) {
  Post post;
  post.id = "family";
  post.format = Format::kPlain;
  post.body = ParsePostBody(c.text, Format::kPlain);
  post.author.username = "neighbour";
  post.author.account_age_days = c.account_age_days;
  post.author.post_count = c.account_age_days && *c.account_age_days < 7 ? 0 : 120;
  return BuiltInPolicy().Judge(post);
}

bool HasClause(const Verdict& verdict, Clause clause) {
  return std::find(verdict.clauses.begin(), verdict.clauses.end(), clause) != verdict.clauses.end();
}

std::string Describe(const Verdict& verdict) {
  std::string out = verdict.action == Action::kHide     ? "hide"
                    : verdict.action == Action::kReview ? "review"
                                                        : "allow";
  for (const Reason& reason : verdict.reasons) {
    out += "\n  " + std::string(ClauseId(reason.clause)) + " " + reason.rule + " " +
           std::to_string(reason.score) + " " + reason.evidence;
  }
  return out;
}

void ExpectFlagged(const std::vector<Case>& cases, Clause clause, Action action) {
  for (const Case& c : cases) {
    Verdict verdict = JudgeText(c);
    INFO(c.text << "\n" << Describe(verdict));
    CHECK(HasClause(verdict, clause));
    CHECK(verdict.action == action);
  }
}

void ExpectNotFlagged(const std::vector<Case>& cases, Clause clause) {
  for (const Case& c : cases) {
    Verdict verdict = JudgeText(c);
    INFO(c.text << "\n" << Describe(verdict));
    CHECK_FALSE(HasClause(verdict, clause));
    CHECK(verdict.action != Action::kHide);
  }
}

}  // namespace

TEST_CASE("Commerce family: offers with a price and a contact are queued", "[policy]") {
  ExpectFlagged(
      {
          {"Mon fils donne des cours de guitare, 30 $ la leçon. Écrivez-moi en privé."},
          {"My daughter tutors French after school, $25 an hour, message me for details."},
          {"Selling frozen pierogies, $15 a bag, I deliver anywhere in the neighbourhood. Text me."},
          {"Je livre des paniers de légumes bio, 20 $ chacun, contactez-moi pour les tarifs."},
      },
      Clause::kCommercial, Action::kReview);
}

TEST_CASE("Commerce family: a regular recommending a business with a deal stays review",
          "[policy]") {
  ExpectFlagged(
      {
          {"Our roofer at TopShingle redid the garage roof for a fair price. Tell him you're "
           "from the forum and he'll knock off 10%."},
          {"Le garage du coin sur Westminster, je vous le recommande, prix d'ami si vous "
           "mentionnez le forum."},
      },
      Clause::kCommercial, Action::kReview);
}

TEST_CASE("Commerce family: ordinary prices, fees and questions are not ads", "[policy]") {
  ExpectNotFlagged(
      {
          {"The tennis membership is $60 for residents this summer."},
          {"Le permis de chien coûte 25 $ par année, payable au comptoir."},
          {"Is there a reduced rate for seniors at the arena?"},
          {"Anyone know a good electrician? Our panel keeps tripping."},
          {"The day camp fee is $180 a week, with a discount for a second child."},
          {"Thanks to everyone who volunteered at the book sale, we raised a lot for the library."},
      },
      Clause::kCommercial);
}

TEST_CASE("Commerce family: a flyer's words and an owner's introduction are signs of selling",
          "[policy]") {
  ExpectFlagged(
      {
          {"Winter special on driveway clearing: save 15% if you book by the 30th, call "
           "514 555 0199."},
          {"I'm launching a small tutoring business for grade 6 math, first lesson free, "
           "message me."},
          {"J'ai ouvert mon salon de toilettage sur Cavendish, première visite à moitié prix, "
           "écrivez-moi."},
      },
      Clause::kCommercial, Action::kReview);
  ExpectNotFlagged(
      {
          {"My neighbour runs a bakery on Westminster and their croissants are great."},
          {"Does the City offer a spring special on compost bins like last year?"},
      },
      Clause::kCommercial);
}

TEST_CASE("Commerce family: contraband offered for sale is hidden", "[policy]") {
  ExpectFlagged(
      {
          {"Fake student cards for sale, look just like the real ones, DM me."},
          {"Je vends des permis de conduire falsifiés, texto pour les prix."},
          {"Cigarettes sans timbre, 50 $ la cartouche, je livre à domicile."},
          {"Weed for your teens, I deliver near the school, no ID needed."},
      },
      Clause::kIllegalActivity, Action::kHide);
}

TEST_CASE("Commerce family: a trade with a way to hire it is an advertisement", "[policy]") {
  ExpectFlagged(
      {
          {"My cousin does roofing, very reasonable, call him at 514 555 0101"},
          {"Je fais de la garde d'enfants les soirs de semaine, écrivez-moi"},
          {"New Avon rep in the area! Catalogues available, text me"},
          {"Best shawarma in town at Chez Ali on Westminster, tell them I sent you for a free "
           "drink"},
          {"I'm a realtor, thinking of selling? Free market evaluation, call me"},
          {"Nouvelle clinique de massothérapie sur Cavendish, 20% de rabais pour les résidents"},
      },
      Clause::kCommercial, Action::kReview);
  // A trade named without a way to hire it, or a hand offered for free, is no ad.
  ExpectNotFlagged(
      {
          {"If anyone needs help painting the fence at the community garden, message me"},
          {"Our plumber found the leak in an hour, great guy, and the electrician came the next "
           "day"},
      },
      Clause::kCommercial);
}

TEST_CASE("Commerce family: contraband with a number to text is an offer", "[policy]") {
  ExpectFlagged(
      {
          {"Text me for the best shrooms in town, 514 555 0163"},
          {"Du MDMA pour ton party, écris-moi sur Snap @mollyqc"},
      },
      Clause::kIllegalActivity, Action::kHide);
  // A number given to report the seller is the police's, not a seller's.
  ExpectNotFlagged({{"Someone is selling shrooms behind the arena, call the SPVM at 514 280 0104"}},
                   Clause::kIllegalActivity);
}

TEST_CASE("Commerce family: copies sold, passwords passed round and names cropped off",
          "[policy]") {
  ExpectFlagged(
      {
          {"Selling photocopies of the Grade 4 math workbook, $5 each, saves you buying it"},
          {"Je vends des copies du DVD du spectacle de fin d'année, 10 $ chacune"},
          {"Took this sunset shot from a photographer's Instagram and cropped his name off "
           "[img]https://i.imgur.com/s.jpg[/img]"},
      },
      Clause::kOwnership, Action::kHide);
  ExpectFlagged(
      {
          {"Who wants the Netflix password? $3 a month and we split it"},
          {"I put the whole Céline Dion concert on my YouTube channel since the tickets were so "
           "expensive"},
          {"Got the answer key for the city lifeguard test, DM me"},
      },
      Clause::kOwnership, Action::kReview);
  ExpectNotFlagged({{"I make copies of my kids' drawings for their grandma"},
                    {"The answers to your questions about the permit are on the City's site"}},
                   Clause::kOwnership);
}

TEST_CASE("Commerce family: an act with the enforcement that will not see it is queued",
          "[policy]") {
  ExpectFlagged(
      {
          {"Si tu veux pas payer le stationnement, mets un vieux billet sur le tableau de bord, "
           "ils regardent jamais la date"},
          {"Throw your renovation debris in the park bins at night so nobody sees"},
          {"Run the red light on Cavendish at night, there's never a cop"},
          {"Feel free to skip the dog licence, nobody ever asks for it"},
          {"Slip the inspector a hundred and he'll sign off on anything"},
      },
      Clause::kIllegalActivity, Action::kReview);
  ExpectFlagged({{"Selling a catalytic converter, don't ask where it's from"}},
                Clause::kIllegalActivity, Action::kHide);
  ExpectNotFlagged(
      {
          {"Nobody checks the park bins on weekends, they overflow every Sunday"},
          {"Ils ne vérifient jamais les vignettes dans notre rue, c'est injuste pour ceux qui "
           "paient"},
          {"Someone is selling stolen bikes on Marketplace, watch out and report it"},
      },
      Clause::kIllegalActivity);
}

TEST_CASE("Commerce family: lyrics pasted and copies held out to whoever asks are queued",
          "[policy]") {
  ExpectFlagged(
      {
          {"Here are the full lyrics of the new Cœur de pirate song since the site wants a "
           "subscription:"},
          {"I downloaded the whole La Presse+ edition, DM me if you want a copy"},
      },
      Clause::kOwnership, Action::kReview);
  ExpectNotFlagged({{"The lyrics of the anthem are on the City's site if you want to sing along."},
                    {"DM me if you want a copy of the petition to print for your building."}},
                   Clause::kOwnership);
}

TEST_CASE("Commerce family: advice to break a rule nobody enforces is queued", "[policy]") {
  ExpectFlagged(
      {
          {"Just park in the handicap spots at the rink, they never give tickets there."},
          {"Astuce : utilisez l'adresse de votre tante à CSL pour le tarif résident, la Ville "
           "vérifie jamais."},
          {"Les permis de cabanon, c'est pour les naïfs. Faites vos travaux le dimanche, "
           "l'inspecteur passe jamais."},
      },
      Clause::kIllegalActivity, Action::kReview);
}

TEST_CASE("Commerce family: tips to defraud the City are hidden", "[policy]") {
  ExpectFlagged(
      {
          {"Pro tip: put a magnet on your water meter and the bill drops. Nobody ever checks."},
          {"Astuce : photocopiez la vignette de votre voisin, personne vérifie."},
      },
      Clause::kIllegalActivity, Action::kHide);
}

TEST_CASE("Commerce family: reports of crimes are not promotion", "[policy]") {
  ExpectNotFlagged(
      {
          {"Someone is selling fake parking passes on Facebook, the City should look into it."},
          {"Quelqu'un a forcé la porte de mon cabanon cette nuit, j'ai appelé la police."},
          {"We saw teens climbing the fence at the pool, I called Public Security."},
      },
      Clause::kIllegalActivity);
}

TEST_CASE("Commerce family: codes and passwords posted in the open are hidden", "[policy]") {
  ExpectFlagged(
      {
          {"The keypad for the rink storage room is 2468#."},
          {"Le mot de passe du wifi du chalet c'est Chalet2027!"},
          {"The admin password for the scoreboard is still rink2020"},
          {"Ginette who complains about everything lives at 5620 Wavell apt 2, 514-555-0101. "
           "Give her a piece of your mind."},
      },
      Clause::kPublicSafety, Action::kHide);
}

TEST_CASE("Commerce family: disclosed weaknesses of public places are queued", "[policy]") {
  ExpectFlagged(
      {
          {"The breaker box behind the soccer field is wide open, any kid could touch it."},
          {"La porte arrière du chalet reste débarrée toute la nuit."},
          {"The cameras at the library lot don't work, nobody is watching that corner."},
          {"The irrigation controller still uses the factory default password."},
      },
      Clause::kPublicSafety, Action::kReview);
}

TEST_CASE("Commerce family: City numbers and password trouble are not secrets", "[policy]") {
  ExpectNotFlagged(
      {
          {"Call City Hall at 514-485-6800 or dial 311."},
          {"My password for the online portal stopped working, who do I call?"},
          {"The crack in the sidewalk in front of 5800 Kildare keeps getting bigger."},
      },
      Clause::kPublicSafety);
}

TEST_CASE("Commerce family: pirated copies with a file host are hidden", "[policy]") {
  ExpectFlagged(
      {
          {"I ripped the new fantasy audiobook, grab it here: mega.nz/folder/zz91"},
          {"J'ai téléchargé le film complet, le voici : mediafire.com/file/abc"},
          {"Photoshop 2026 cracké, lien ici 1fichier.com/?qq"},
      },
      Clause::kOwnership, Action::kHide);
}

TEST_CASE("Commerce family: scanned workbooks and pasted articles are queued", "[policy]") {
  ExpectFlagged(
      {
          {"J'ai photocopié tout le cahier de sciences, envoyez-moi un MP et je vous envoie les "
           "scans."},
          {"I scanned the entire grammar workbook so you don't have to buy it."},
      },
      Clause::kOwnership, Action::kReview);
}

TEST_CASE("Commerce family: ordinary talk of films and cracks is not piracy", "[policy]") {
  ExpectNotFlagged(
      {
          {"We need to crack down on speeding on Cavendish."},
          {"Le film au parc était super, merci à la Ville !"},
          {"The full season schedule for the arena is on the City site."},
      },
      Clause::kOwnership);
}

TEST_CASE("Commerce family: a relative's shop plugged with a link is queued", "[policy]") {
  ExpectFlagged(
      {
          {"My brother just opened his pottery shop, check it out: potteryplace.example.com"},
          {"Ma cousine vient d'ouvrir sa boutique en ligne, allez voir : bijouxmtl.example.com"},
      },
      Clause::kSpamLinks, Action::kReview);
}

TEST_CASE("Commerce family round 2: crimes told as tips are hidden", "[policy]") {
  ExpectFlagged(
      {
          {"Les silencieux des vieilles Honda au fond du stationnement, les catalyseurs se "
           "revendent bien à la ferraille, argent facile, apportez une scie."},
          {"If the building inspector shows up, just slip him 100 bucks cash. Works every time."},
      },
      Clause::kIllegalActivity, Action::kHide);
}

TEST_CASE("Commerce family round 2: small offences as habits are queued", "[policy]") {
  ExpectFlagged(
      {
          {"On brûle nos branches dans la cour chaque automne, personne dit rien."},
          {"When the road is closed on Kildare you can just move the cones and drive through."},
      },
      Clause::kIllegalActivity, Action::kReview);
}

TEST_CASE("Commerce family round 2: reports of crimes are not promotion", "[policy]") {
  ExpectNotFlagged(
      {
          {"Someone stole the catalytic converter off my Prius last night on Guelph, the "
           "police said they sell them for scrap."},
          {"Quelqu'un a crevé mes pneus devant l'aréna, j'ai appelé la police."},
          {"The inspector made me pay $150 for the permit, is that normal?"},
      },
      Clause::kIllegalActivity);
}

TEST_CASE("Commerce family round 2: card numbers and logins posted are hidden", "[policy]") {
  ExpectFlagged(
      {
          {"Here is the card for the team order: Mastercard 5412 7534 9821 0046, expiry 04/27."},
          {"Le mot de passe de la borne Wi-Fi du chalet écrit sur l'étiquette en dessous : "
           "Chalet2025x"},
      },
      Clause::kPublicSafety, Action::kHide);
}

TEST_CASE("Commerce family round 2: a shop's address and phone is not doxxing", "[policy]") {
  ExpectNotFlagged(
      {
          {"The new bakery is at 5800 Cavendish Blvd, 514-555-0142, open Sundays."},
          {"Quincaillerie au 6900 chemin Kildare, 514-555-0177, ils ont du sel."},
          {"The store at 6000 Côte-Saint-Luc Road, 514-555-0190, is my neighbour's favourite."},
          {"My password reset took forever, the portal said: error404 try again."},
      },
      Clause::kPublicSafety);
}

TEST_CASE("Commerce family round 2: broken fences and unlocked vehicles are queued",
          "[policy]") {
  ExpectFlagged(
      {
          {"There's a big gap in the fence behind the water tower, kids get in every night."},
          {"Les camions des travaux publics sont souvent débarrés dans la cour, les clés "
           "sur le siège."},
      },
      Clause::kPublicSafety, Action::kReview);
}

TEST_CASE("Commerce family round 2: counterfeits and recorded shows", "[policy]") {
  ExpectFlagged(
      {
          {"Filmed the entire concert at the library from the front row, posting it on YouTube "
           "for those who couldn't go."},
          {"Full story from the Gazette here for everyone without a subscription:"},
      },
      Clause::kOwnership, Action::kReview);
  ExpectFlagged(
      {
          {"Knockoff Gucci bags and fake Jordans, 80% off, DM me on Instagram."},
      },
      Clause::kIllegalActivity, Action::kHide);
}

TEST_CASE("Commerce family round 2: new kinds of copies and undeclared work are queued",
          "[policy]") {
  ExpectFlagged(
      {
          {"J'ai mis la saison complète de la série sur mon Dropbox, écrivez-moi pour le lien."},
          {"I'm reposting the Gazette's flood photos here without credit, they won't notice."},
          {"J'imprime le logo des Alouettes sur des casquettes, 25 $ chaque, à vendre."},
      },
      Clause::kOwnership, Action::kReview);
  ExpectFlagged(
      {
          {"Mon beau-frère fait des rénos au noir, moitié prix, pas de facture."},
          {"Cash jobs shovelling roofs, paid under the table, no questions asked."},
      },
      Clause::kIllegalActivity, Action::kReview);
}

TEST_CASE("Commerce family round 2: ordinary posts near the new kinds stay clear",
          "[policy]") {
  ExpectNotFlagged(
      {
          {"I put the whole family photo album on my Google Drive for the cousins."},
          {"La bibliothèque prête des livres numériques en EPUB gratuits avec votre carte."},
      },
      Clause::kOwnership);
  ExpectNotFlagged(
      {
          {"Text me at 514-555-0100 if you see my grey cat, she ran off near Parkhaven."},
          {"Police remind residents never to leave keys in the ignition overnight."},
      },
      Clause::kPublicSafety);
  ExpectNotFlagged(
      {
          {"Mention my name at the front desk and they'll find your reserved book."},
          {"On a tassé les tables de pique-nique à l'ombre, elles étaient en plein soleil."},
      },
      Clause::kIllegalActivity);
}


TEST_CASE("Commerce family round 3: vandalism planned with others is queued", "[policy]") {
  ExpectFlagged(
      {
          {"Let's go spray paint the new park chalet tonight, who's in?"},
          {"On devrait aller taguer le nouveau chalet du parc ce soir, qui embarque?"},
          {"On va vandaliser les autos du stationnement, ça va leur apprendre."},
      },
      Clause::kIllegalActivity, Action::kReview);
  ExpectNotFlagged(
      {
          {"Who's in for the graffiti cleanup this weekend at the skate park?"},
          {"Where can I buy spray paint for my fence this weekend?"},
          {"Quelqu'un a tagué le chalet du parc la nuit dernière, j'ai appelé la Sécurité publique."},
      },
      Clause::kIllegalActivity);
}


TEST_CASE("Commerce family round 4: forgeries and break-ins for hire, priced or reachable, hide",
          "[policy]") {
  ExpectFlagged(
      {
          {"Buy a fake doctor's note for $30, nobody ever verifies them"},
          {"Need a hacker? Recover your account, spy on your partner's phone. Contact cyberhackpro@gmail.com"},
          {"Faux talons de paie pour votre demande de logement, 50 $ chacun"},
      },
      Clause::kIllegalActivity, Action::kHide);
}

TEST_CASE("Commerce family round 4: 'you can' an act the rule's enforcers won't see is queued",
          "[policy]") {
  ExpectFlagged(
      {
          {"You can dump your old paint in the creek behind the arena, no one checks"},
          {"Tu peux brancher ta piscine sur la borne fontaine la nuit, la Ville ne voit rien"},
      },
      Clause::kIllegalActivity, Action::kReview);
}

TEST_CASE("Commerce family round 4: other people's paid accounts handed round are flagged",
          "[policy]") {
  for (const Case& c : std::vector<Case>{{"Free netflix accounts, working logins below"}}) {
    Verdict verdict = JudgeText(c);
    INFO(c.text << "\n" << Describe(verdict));
    CHECK(HasClause(verdict, Clause::kOwnership));
  }
}

TEST_CASE("Commerce family round 4: reports and questions near forgeries stay clear", "[policy]") {
  ExpectNotFlagged(
      {
          {"Someone is selling fake doctor's notes for $30 online, the school should know"},
          {"You can leave your bins out on Sunday night, the truck comes early"},
          {"My phone was hacked last week, how do I report it?"},
      },
      Clause::kIllegalActivity);
}

TEST_CASE("Commerce family round 4: an act told with the enforcer who won't see it is queued",
          "[policy]") {
  ExpectFlagged(
      {
          {"Too lazy to register your bike? Just scrape off the serial number, cops can't trace it anyway"},
          {"Fill your pool from the hydrant on Mackle at 3am, the water department never notices"},
          {"Skip the dump fee: leave your old mattress behind the Provigo, no one knows who did it"},
          {"Pour la piscine, prenez la carte de votre voisin, le gardien vérifie pas la photo"},
      },
      Clause::kIllegalActivity, Action::kReview);
  ExpectNotFlagged(
      {
          {"The bylaw officers ticketed my neighbour for letting his dog off leash, fair enough"},
          {"My bike was stolen, the serial number was registered so the police might trace it"},
          {"Le gardien de la piscine vérifie toujours la photo, c'est bien"},
          {"The cops never come when we call about the noise, it's frustrating"},
      },
      Clause::kIllegalActivity);
}

TEST_CASE("Commerce family round 4: copies offered so nobody buys the work", "[policy]") {
  ExpectFlagged(
      {
          {"Tout le manuel scolaire est dans le lien, pas besoin de l'acheter : drive.google.com/abc"},
          {"Here are all the answers to the lifeguard certification exam, enjoy"},
          {"Got the new Drake album before release, DM me for the zip"},
          {"Who needs Windows 11 activated for free? I have the crack, message me"},
      },
      Clause::kOwnership, Action::kReview);
  ExpectNotFlagged(
      {
          {"The library has the full movie on DVD, you can borrow it"},
          {"Does anyone have a copy of last year's swim schedule? The City site doesn't have it anymore"},
          {"The new album comes out Friday, can't wait"},
          {"I have a crack in my windshield from the roadwork gravel"},
      },
      Clause::kOwnership);
}

}  // namespace modbot
