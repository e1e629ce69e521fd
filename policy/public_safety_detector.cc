// Principle 14: information that may compromise the safety or security of the
// public or public systems: card and social insurance numbers, door and alarm codes,
// passwords, a person's home address with a call to go after them, and security
// weaknesses of public buildings disclosed in the open.
#include <re2/re2.h>

#include "policy/detector.h"

namespace modbot {
namespace {

bool PassesLuhn(std::string_view digits) {
  int sum = 0;
  bool twice = false;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (twice && (d *= 2) > 9) d -= 9;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

std::string DigitsOf(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits += c;
  }
  return digits;
}

size_t CountDigits(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += c >= '0' && c <= '9';
  return count;
}

// Runs of digits with single spaces or dashes between groups: "4111 1111 1111 1111",
// "046-454-286". Nine digits at least, so most posts need not be scanned for one.
constexpr size_t kDigitRunMinDigits = 9;
const RE2& DigitRunPattern() {
  static const RE2 pattern(R"((\d(?:[ -]?\d){8,18}))");
  return pattern;
}

// "5712 Ashgrove Ave", "5500 chemin Kildare", "lives at 5735 Parkhaven".
const RE2& StreetAddressPattern() {
  static const RE2 pattern(
      R"((\b\d{1,5},? (?:(?:rue|avenue|av\.?|boulevard|boul\.?|chemin|ch\.?|place|croissant|promenade) [a-z][a-z'-]+)"
      R"(|[a-z][a-z'-]+(?: [a-z][a-z'-]+)? (?:ave|avenue|st|street|rd|road|blvd|boulevard|cres|crescent|dr|drive|pl|place|ct|court|lane|way))\b)"
      R"(|\b(?:lives at|lives on|habite au|reste au|demeure au|habite a|reste a|lives at number) \d{1,5},? [a-z][a-z'-]+)"
      R"(|\b\d{1,5},? [a-z][a-z'-]+(?: [a-z][a-z'-]+)?,? (?:apt|app|appt|apartment|unit|suite|logement|porte|door|#) ?\.? ?#?\d{0,4}[a-z]?\b))");
  return pattern;
}

// Ten digits (RE2's \d is ASCII only).
constexpr size_t kPhoneDigits = 10;
const RE2& PhonePattern() {
  static const RE2 pattern(R"((\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b))");
  return pattern;
}

// The City's own lines (514-485-xxxx) and toll-free numbers are public.
bool IsPublicNumber(std::string_view phone) {
  std::string digits = DigitsOf(phone);
  return digits.rfind("514485", 0) == 0 || digits.rfind("8", 0) == 0;
}

// A private phone number in the author's words, or "".
std::string PrivatePhone(const std::string& folded) {
  if (CountDigits(folded) < kPhoneDigits) return "";
  re2::StringPiece input(folded);
  std::string phone;
  while (RE2::FindAndConsume(&input, PhonePattern(), &phone)) {
    if (!IsPublicNumber(phone)) return phone;
  }
  return "";
}

const RE2& InsuranceWordPattern() {
  static const RE2 pattern(R"(\b(sin|nas|social insurance|assurance sociale)\b)");
  return pattern;
}

// Words that say a long number is a card: "Visa", "exp 11/28", "CVV".
const RE2& CardWordPattern() {
  static const RE2 pattern(
      R"(\b(visa|mastercard|master card|amex|american express|discover|credit card|debit card|carte de credit|carte de debit|carte visa|cvv|cvc|exp|expiry|expiration|date d'expiration)\b)");
  return pattern;
}

void DetectNumbers(const PostView& view, Reasons* reasons) {
  if (CountDigits(view.own.folded) < kDigitRunMinDigits) return;
  re2::StringPiece input(view.own.folded);
  std::string run;
  bool insurance_context = RE2::PartialMatch(view.own.folded, InsuranceWordPattern());
  bool card_context = RE2::PartialMatch(view.own.folded, CardWordPattern());
  while (RE2::FindAndConsume(&input, DigitRunPattern(), &run)) {
    std::string digits = DigitsOf(run);
    if (digits.size() >= 13 && digits.size() <= 19 && PassesLuhn(digits)) {
      reasons->push_back({Clause::kPublicSafety, "pii.payment_card", 0.95, run});
    } else if (digits.size() >= 15 && digits.size() <= 16 && card_context) {
      // A mistyped or made-up card number is still posted as a card number.
      reasons->push_back({Clause::kPublicSafety, "pii.payment_card", 0.9, run});
    } else if (digits.size() == 9 && insurance_context) {
      // Nine digits the post calls a social insurance number are one, mistyped or not.
      reasons->push_back({Clause::kPublicSafety, "pii.social_insurance_number", 0.95, run});
    } else if (digits.size() == 9 && PassesLuhn(digits)) {
      // Nine digits that pass the check may be anything else: a human looks.
      reasons->push_back({Clause::kPublicSafety, "pii.social_insurance_number", 0.5, run});
    }
  }
}

// Whoever the address belongs to is a person, not a shop.
const RE2& PersonPattern() {
  static const RE2 pattern(
      R"(\b(lives?|living|habite|habitent|reste|restent|demeure|demeurent|home|maison de|chez (lui|elle|eux)|his|her|sa femme|son mari|the (guy|man|woman|lady|kid|girl|boy|family|couple|neighbou?r|tenant|owner)s? (who|that|at|in|on|with|from)|(le|la|les) (gars|mec|femme|madame|monsieur|voisine?s?|locataires?|proprio|famille|jeune|ado) (qui|du|de la|au|d'en)|(my|mon|ma|mes|our|notre) (neighbou?rs?|voisine?s?|ex|landlord|proprio|locataire|tenant)|neighbou?r|voisine?s?|@[a-z0-9_]+)\b)");
  return pattern;
}

// Words that make an address a place of business: a shop, its hours, its wares.
const RE2& BusinessPattern() {
  static const RE2 pattern(
      R"(\b(store|shop|boutique|magasin|bakery|boulangerie|restaurant|resto|cafe|garage|clinic|clinique|pharmacy|pharmacie|salon|studio|office|bureau|depanneur|epicerie|grocery|quincaillerie|hardware|open|ouvert|ouverte|hours|heures|horaire|sale|vente|soldes|menu|appointments?|rendez-vous|rdv|inc|ltd|ltee|enr)\b)");
  return pattern;
}

void DetectHomeAddress(const PostView& view, Reasons* reasons) {
  std::string address;
  const std::string phone = PrivatePhone(view.own.folded);
  const bool call_to_harass = view.own_hits.Has("intimidation_patterns") ||
                              view.own_hits.Has("harassment_call_patterns") ||
                              view.own_hits.Has("confrontation_call_patterns");
  if (!RE2::PartialMatch(view.own.folded, StreetAddressPattern(), &address)) {
    // No address, but a private number and a call to use it on someone.
    if (!phone.empty() && call_to_harass) {
      std::string call = view.own_hits.First("harassment_call_patterns");
      if (call.empty()) call = view.own_hits.First("confrontation_call_patterns");
      if (call.empty()) call = view.own_hits.First("intimidation_patterns");
      reasons->push_back({Clause::kPublicSafety, "pii.phone_and_call_to_harass", 0.85, phone + ", " + call});
    }
    return;
  }
  // A street number alone is usually a pothole or a building. With a phone number,
  // or with a call to go after whoever lives there, it is how to find a person.
  // A business's address and number is an advertisement at most: only a person's
  // ("my neighbour", "the guy who", "lives at") is how to find someone.
  const bool business = RE2::PartialMatch(view.own.folded, BusinessPattern());
  if (!phone.empty() &&
      (call_to_harass || (!business && RE2::PartialMatch(view.own.folded, PersonPattern())))) {
    reasons->push_back({Clause::kPublicSafety, "pii.address_and_phone", 0.9, address + ", " + phone});
  } else if (call_to_harass) {
    reasons->push_back({Clause::kPublicSafety, "pii.address_and_call_to_harass", 0.9, address});
  }
}

// A way into a public building or system next to what it opens. Its secret (where
// the key is hidden, a default password, how to work a valve) discloses how to get
// in, and so does an open door with an invitation to use it ("on rentre par là"):
// both hide, unless reported so that the City fixes it. A door left open,
// disclosed, is for a human.
void DetectWayIn(const PostView& view, Reasons* sure, Reasons* doubtful) {
  const LexiconHits& hits = view.own_hits;
  const std::vector<std::string>& points = hits.Of("access_point_patterns");
  if (points.empty()) return;
  const bool invited = hits.Has("access_invite_patterns") || hits.Has("encouragement_patterns");
  const bool reported = hits.Has("report_frame_patterns");
  std::string way;
  if (hits.Has("access_secret_patterns")) {
    way = hits.First("access_secret_patterns");
  } else if (hits.Has("access_open_patterns") && invited) {
    way = hits.First("access_open_patterns");
  }
  if (!way.empty() && !reported) {
    sure->push_back({Clause::kPublicSafety, "safety.way_in", 0.9, JoinEvidence({way, points.front()})});
  } else if (!way.empty() || hits.Has("access_open_patterns")) {
    if (way.empty()) way = hits.First("access_open_patterns");
    doubtful->push_back({Clause::kPublicSafety, reported ? "safety.way_in_reported" : "safety.left_open",
                         0.6, JoinEvidence({way, points.front()})});
  }
}

// A secret told in one sentence: a word for it ("code", "combo", "mot de passe",
// "login") and, a few words on, what it is: three to eight digits, a word with
// digits or symbols in it, a quoted word, or a user/password pair. The lexicon's
// secrets_patterns hold the usual orders ("door code 4471"); this reads the rest
// ("the alarm code at the side entrance hasn't changed in years: 2580"). Codes that
// open nothing are left out by the words beside "code": postal, promo, error, QR,
// area, dress and building codes, a code of conduct, a bylaw's number.
const RE2& SecretPattern() {
  static const RE2 pattern(
      R"(\b((?:code|combo|combination|combinaison|password|passcode|passwd|mot de passe|mdp|nip|pin|login|digicode|keypad|clavier))\b)"
      R"([^.!?\n]{0,70}?(?:\b(?:is|est|c'est|:|=|reste|still|encore|toujours)\b|[:=])\s*)"
      R"(((?:#?\d(?:[ -]?\d){2,7}#?)(?:\W|$)|['"«“][^'"»”\s]{3,24}['"»”]|[a-z][a-z0-9._-]*\d[a-z0-9!@#$%&*._-]*|\S+/\S+))");
  return pattern;
}

const RE2& NotASecretPattern() {
  static const RE2 pattern(
      R"(\b(postal|zip|promo|promotionnel|coupon|discount|rabais|error|erreur|qr|bar|barres|area|regional|dress|vestimentaire|source|bylaw|reglement|de la route|civil|criminel|penal|municipal|fiscal|country|pays|reduction|cadeau|gift|parrainage|referral|building|batiment|construction|conduite|conduct|ethics|ethique|colour|couleur|color|couleurs|reset|reinitialisation)\b)");
  return pattern;
}

// Where the secret opens something named in the post (a door, a gate, the wifi), it
// hides; alone, a human reads what it opens.
void DetectToldSecret(const PostView& view, Reasons* sure, Reasons* doubtful) {
  if (view.own_hits.Has("secrets_patterns")) return;
  // How far either side of the word for the secret says what kind of code it is:
  // "building code", "code postal", "code de conduite".
  constexpr size_t kKindReach = 20;
  const std::string_view text = view.own.folded;
  re2::StringPiece input(text), noun, found;
  while (RE2::FindAndConsume(&input, SecretPattern(), &noun, &found)) {
    const size_t begin = noun.data() - text.data();
    const size_t from = begin > kKindReach ? begin - kKindReach : 0;
    if (RE2::PartialMatch(text.substr(from, begin - from + noun.size() + kKindReach), NotASecretPattern())) continue;
    std::string_view value(found.data(), found.size());
    // The sentence's end is not the secret's.
    while (!value.empty() && std::string_view(" .,;:)").find(value.back()) != std::string_view::npos) {
      value.remove_suffix(1);
    }
    const std::string evidence = std::string(noun.data(), noun.size()) + " … " + std::string(value);
    if (view.own_hits.Has("access_point_patterns")) {
      sure->push_back({Clause::kPublicSafety, "safety.secret_told", 0.9,
                       JoinEvidence({evidence, view.own_hits.First("access_point_patterns")})});
    } else {
      doubtful->push_back({Clause::kPublicSafety, "safety.secret_told", 0.6, evidence});
    }
    return;
  }
}

// When nobody watches (guards' hours, cameras off) is for a human, and only with
// what is left unwatched or a second sign of it.
void DetectUnwatched(const PostView& view, Reasons* doubtful) {
  const std::vector<std::string>& gaps = view.own_hits.Of("watch_gap_patterns");
  const std::vector<std::string>& points = view.own_hits.Of("access_point_patterns");
  if (gaps.empty() || (points.empty() && DistinctMatches(gaps).size() < 2)) return;
  std::vector<std::string> evidence = gaps;
  if (!points.empty()) evidence.push_back(points.front());
  doubtful->push_back({Clause::kPublicSafety, "safety.unwatched", 0.6, JoinEvidence(evidence)});
}

}  // namespace


void DetectPublicSafety(const PostView& view, Reasons* reasons) {
  // A disclosed weakness is for a human, however many ways the post says it.
  const size_t first = reasons->size();
  Reasons sure;
  AddLexiconReason(view, "vulnerability_patterns", Clause::kPublicSafety, 0.6, reasons);
  DetectWayIn(view, &sure, reasons);
  DetectToldSecret(view, &sure, reasons);
  DetectUnwatched(view, reasons);
  // A hydrant or a City valve opened by a resident: the pressure firefighters need.
  AddLexiconReason(view, "infrastructure_tamper_patterns", Clause::kPublicSafety, 0.6, reasons);
  // "My card number is 000482917, just give it at the desk": someone's access handed
  // to readers; a human weighs what it opens.
  AddLexiconReason(view, "credential_shared_patterns", Clause::kPublicSafety, 0.6, reasons);
  // "Mix bleach and ammonia", "pull the battery out of the smoke detector": readers
  // told to do what endangers them, unless the post warns against it. A joke reads
  // alike, so a human looks.
  if (!view.own_hits.Has("hazard_warning_patterns")) {
    AddLexiconReason(view, "hazard_instruction_patterns", Clause::kPublicSafety, 0.65, reasons);
  }
  // "Let's all go to his house and show him what we think": a crowd sent to a door.
  AddLexiconReason(view, "confrontation_call_patterns", Clause::kPublicSafety, 0.65, reasons);
  CapClauseScore(reasons, first, Clause::kPublicSafety, 0.69);
  reasons->insert(reasons->end(), sure.begin(), sure.end());
  AddLexiconReason(view, "secrets_patterns", Clause::kPublicSafety, 0.95, reasons);
  // Asking readers for what opens their accounts (a date of birth, a password, a
  // card number) is how phishing starts; a human looks, and fake_account weighs
  // who asks.
  AddLexiconReason(view, "pii_request_patterns", Clause::kPublicSafety, 0.6, reasons);
  DetectNumbers(view, reasons);
  DetectHomeAddress(view, reasons);
}

}  // namespace modbot
