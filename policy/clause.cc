#include "policy/clause.h"

namespace modbot {
namespace {

struct ClauseInfo {
  std::string_view id;
  std::string_view title_en;  // verbatim from the policy's English list
  std::string_view title_fr;  // verbatim from the policy's French list
};

// The French list in the policy omits "municipal election campaigns" as a separate
// item (it merges 9 and 10); its title here follows the English wording.
constexpr std::array<ClauseInfo, kClauseCount> kClauses = {{
    {"off_topic", "Off-topic posts", "Messages hors sujet"},
    {"not_relevant", "Comments not relevant to the particular posting",
     "Commentaires non pertinents à une publication donnée"},
    {"abusive",
     "Slanderous or derogatory remarks, antagonistic comments, obscenities, profane "
     "language or sexual content",
     "Propos diffamatoires ou désobligeants, commentaires hostiles, obscénités, "
     "langage grossier ou contenu à caractère sexuel"},
    {"threat", "Threats or intimation of threats", "Menaces ou insinuation de menaces"},
    {"staff_harassment", "Harassment or denigration of City employees, departments or divisions",
     "Harcèlement ou dénigrement d'un employé, d'un service ou d'une division de la Ville"},
    {"discrimination",
     "Content that endorses, promotes, or perpetuates discrimination on the basis of race, "
     "creed, colour, age, religion, sex, gender, marital status, status with regard to "
     "public assistance, national origin, physical or mental disability or sexual "
     "orientation",
     "Contenu de nature à endosser, promouvoir ou perpétuer la discrimination basée sur la "
     "race, la croyance, la couleur, l'âge, la religion, le sexe, le genre, l'état civil, le "
     "statut ayant trait à l'aide publique, la nationalité, le handicap physique ou mental "
     "ou l'orientation sexuelle"},
    {"commercial",
     "Promotion of commercial services or products other than City sponsors, affiliations, "
     "or business partnerships",
     "Promotion de services ou de produits commerciaux autres que les commanditaires, les "
     "affiliations ou les partenariats commerciaux de la Ville"},
    {"candidate_promotion", "Promotion of political candidates",
     "Promotion de candidats politiques"},
    {"municipal_campaign", "Discussion of municipal election campaigns",
     "Discussion sur les campagnes électorales municipales"},
    {"partisan_politics",
     "Discussion of provincial or federal politics, candidates, or election campaigns, with "
     "the exception of information of a general nature provided by Elections Québec and "
     "Elections Canada",
     "Discussion sur la politique ou les campagnes électorales provinciales ou fédérales, à "
     "l'exception des informations de nature générale fournies par Élections Québec ou "
     "Élections Canada"},
    {"illegal_activity", "Promotion of illegal activity", "Promotion d'activités illégales"},
    {"spam_links", "Spam or irrelevant external links",
     "Pourriels ou liens externes inappropriés"},
    {"frivolous", "Frivolous, one-word posts, or animated images (GIFs)",
     "Messages frivoles, ne contenant qu'un mot, ou images animées (GIFs)"},
    {"public_safety",
     "Information that may compromise the safety or security of the public or public systems",
     "Informations susceptibles de compromettre la sécurité du public ou des systèmes publics"},
    {"ownership", "Content that violates a legal ownership interest of any other party",
     "Contenu qui enfreint les droits de propriété de toute autre partie"},
    {"fake_account", "Posts by fake accounts",
     "Des publications effectuées par des comptes fictifs"},
}};

const ClauseInfo& Info(Clause clause) { return kClauses[static_cast<int>(clause)]; }

}  // namespace

const std::array<Clause, kClauseCount>& AllClauses() {
  static const std::array<Clause, kClauseCount> all = [] {
    std::array<Clause, kClauseCount> clauses{};
    for (int i = 0; i < kClauseCount; ++i) clauses[i] = static_cast<Clause>(i);
    return clauses;
  }();
  return all;
}

int ClauseNumber(Clause clause) { return static_cast<int>(clause) + 1; }
std::string_view ClauseId(Clause clause) { return Info(clause).id; }
std::string_view ClauseTitleEn(Clause clause) { return Info(clause).title_en; }
std::string_view ClauseTitleFr(Clause clause) { return Info(clause).title_fr; }

std::optional<Clause> ClauseFromId(std::string_view id) {
  for (int i = 0; i < kClauseCount; ++i) {
    if (kClauses[i].id == id) return static_cast<Clause>(i);
  }
  return std::nullopt;
}

}  // namespace modbot
