// The sample forum's content: bilingual posts in the style of a municipal forum,
// at least one for each of the policy's sixteen principles (noted beside each),
// and ordinary posts that break none. Written for this sample; names are invented.
#include "sample/common/sample_content.h"

#include <array>
#include <cstdio>
#include <random>
#include <vector>

namespace modbot::sample {

void SeedDemoContent(ContentSink* sink) {
  sink->AddUser({"marie_tremblay", 2100, 3, 412});
  sink->AddUser({"david_cohen", 1500, 2, 88});
  sink->AddUser({"sam_pellerin", 800, 2, 40});
  sink->AddUser({"lea_gagnon", 300, 1, 12});
  sink->AddUser({"bob_k", 60, 1, 5});
  sink->AddUser({"promo_deals_4u", 0, 0, 0});
  sink->AddUser({"jenny_r", 1, 0, 0});
  sink->AddUser({"voisin_inquiet", 45, 1, 3});

  long long snow = sink->AddTopic("Snow removal on Cavendish this winter", "Public Works");
  long long pool = sink->AddTopic("Piscine extérieure : horaire de l'été", "Loisirs et parcs");
  long long budget = sink->AddTopic("Budget 2026 public consultation", "City Council");
  long long events = sink->AddTopic("Community events this month", "Events");
  long long library = sink->AddTopic("Bibliothèque : nouvelles heures d'ouverture", "Bibliothèque");

  sink->AddPost(snow, "marie_tremblay",
          "The plows came through Kellert at 6 am, great job. Does anyone know when the "
          "sidewalks on Cavendish will be cleared?");  // allow
  sink->AddPost(snow, "david_cohen",
          "Usually within 24 hours after the street. You can call 311 if it takes longer.",
          1);  // allow (a helpful reply)
  sink->AddPost(pool, "lea_gagnon",
          "Est-ce que la piscine ouvre le 21 juin cette année ? Mes enfants ont hâte !");  // allow
  sink->AddPost(pool, "sam_pellerin",
          "Oui, selon le site de la Ville, ouverture le 21 juin à midi.", 1);  // allow
  sink->AddPost(budget, "marie_tremblay",
          "I would like the budget to include more benches along the walking path near the "
          "library. Many seniors need a place to rest.");  // allow
  sink->AddPost(events, "david_cohen",
          "The outdoor movie night was lovely. Merci aux bénévoles !");  // allow

  // 1 off_topic
  sink->AddPost(library, "bob_k",
          "Anyone watch the hockey game last night? What a comeback in the third period, "
          "unbelievable goalie.");
  // 2 not_relevant
  sink->AddPost(pool, "bob_k", "My cousin's wedding in Laval was really nice, the food was amazing.",
          1);
  // 3 abusive
  sink->AddPost(snow, "voisin_inquiet",
          "David, you're a fucking idiot, nobody asked for your stupid opinion.", 2);
  sink->AddPost(pool, "voisin_inquiet",
          "Sam, t'es rien qu'un maudit crétin, ferme ta gueule, tabarnak.", 4);
  // 4 threat
  sink->AddPost(budget, "voisin_inquiet",
          "If the council raises my taxes again I will burn down city hall. You have been "
          "warned.");
  // 5 staff_harassment
  sink->AddPost(snow, "bob_k",
          "The Public Works department is full of lazy incompetent morons who steal our tax "
          "money.");
  // 6 discrimination
  sink->AddPost(events, "voisin_inquiet",
          "Immigrants should not be allowed at our community events, they don't belong in "
          "this country.");
  // 7 commercial
  sink->AddPost(events, "promo_deals_4u",
          "Best prices on roof repair in Montreal! Call 514-555-0199 today and get 20% off "
          "with promo code SPRING20.");
  // 8 candidate_promotion
  sink->AddPost(budget, "sam_pellerin",
          "Votez pour Jean Bélanger, le meilleur candidat pour notre district ! Il mérite "
          "votre vote.");
  // 9 municipal_campaign
  sink->AddPost(budget, "lea_gagnon",
          "Who is running for mayor in the municipal election campaign this fall? Let's "
          "discuss the candidates' platforms and their campaign promises here.");
  // 10 partisan_politics
  sink->AddPost(library, "david_cohen",
          "Le gouvernement Legault et la CAQ détruisent le Québec. Votez pour le Parti "
          "libéral aux prochaines élections provinciales !");
  // 11 illegal_activity
  sink->AddPost(events, "bob_k",
          "Need weed or pills for the party? I sell, DM me, cash only, no questions asked.");
  // 12 spam_links
  sink->AddPost(snow, "promo_deals_4u",
          "Check this out bit.ly/3xFreeStuff and tinyurl.com/win-prize-now click click");
  // 13 frivolous
  sink->AddPost(pool, "jenny_r", "lol");
  sink->AddPost(events, "bob_k", "![dance](https://media.giphy.com/media/l0MYt5jPR6QX5pnqM/giphy.gif)");
  // 14 public_safety
  sink->AddPost(library, "voisin_inquiet",
          "Le code de la porte arrière de la bibliothèque est 4482#, entrez quand vous "
          "voulez après la fermeture.");
  // 15 ownership
  sink->AddPost(events, "bob_k",
          "Full movie free download here, cracked copy: magnet:?xt=urn:btih:"
          "0123456789abcdef0123456789abcdef01234567&dn=Movie.2025.1080p");
  // 16 fake_account
  sink->AddPost(library, "jenny_r",
          "Hello everyone I am new here, I like books and meeting new friends, message me "
          "privately on whatsapp 😊");
}

void SeedSyntheticContent(ContentSink* sink, int n, unsigned seed) {
  // n posts by n / 10 authors, about one in five breaking a rule.
  static const std::array<const char*, 6> kTopics = {
      "Snow removal schedule", "Horaire de la piscine", "Library renovation",
      "Collecte des ordures", "Parks and playgrounds", "Stationnement de nuit"};
  static const std::array<const char*, 8> kOrdinary = {
      "Thanks for the update, very helpful. Number %d on my list of questions answered.",
      "Merci pour l'information, c'est très apprécié. Question numéro %d réglée.",
      "Does anyone know if this also applies to the streets near the park? (asking for #%d)",
      "Est-ce que quelqu'un sait si cela s'applique aussi à notre rue ? Merci (%d)",
      "I called 311 and they said it would be fixed within the week. Ticket %d.",
      "Bonne idée ! J'espère que le conseil va l'adopter. Voisin numéro %d.",
      "The new hours work much better for families with young kids, see note %d.",
      "Je suis d'accord avec la proposition, surtout pour les aînés. Point %d.",
  };
  static const std::array<const char*, 3> kBad = {
      "Free money here bit.ly/free-%d and tinyurl.com/prize%d click now",
      "You are a fucking idiot and a piece of shit, number %d",
      "Best prices! Call 514-555-%04d now, promo code SAVE%d, limited offer!!!",
  };
  std::mt19937 rng(seed);
  const int authors = std::max(1, n / 10);
  for (int a = 0; a < authors; ++a) {
    sink->AddUser({"resident" + std::to_string(a), 30 + a % 900, 1 + a % 3, 5 + a % 50});
  }
  std::vector<long long> topics;
  for (const char* title : kTopics) topics.push_back(sink->AddTopic(title, "General"));
  char text[256];
  for (int i = 0; i < n; ++i) {
    const bool bad = rng() % 5 == 0;
    if (bad) {
      std::snprintf(text, sizeof text, kBad[rng() % kBad.size()], i, i);
    } else {
      std::snprintf(text, sizeof text, kOrdinary[rng() % kOrdinary.size()], i);
    }
    // A minute apart, the last one now: a history, as on a forum in use.
    const long long topic = topics[rng() % topics.size()];
    const std::string author = "resident" + std::to_string(rng() % authors);
    sink->AddPost(topic, author, text, std::nullopt,
            std::chrono::system_clock::now() - std::chrono::minutes(n - 1 - i));
  }
}

}  // namespace modbot::sample
