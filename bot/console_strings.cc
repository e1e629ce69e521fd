#include "bot/console_strings.h"

#include <cstdlib>

namespace modbot {

namespace {

// French follows Québec usage (OQLF): a no-break space before ':' only.
constexpr ConsoleStrings kEnglish = {
    "en",
    "Français",
    "fr",
    ": ",
    "modbot — review console",
    "Sign in",
    "Your console token",
    "Sign in",
    "This token is not valid. Nothing was done.",
    "Signed in as",
    "Sign out",
    "Waiting for review",
    "No post waits for review.",
    "Recent automatic hides",
    "modbot hid these posts on its own. Restore any that should not have been hidden.",
    "No automatic hide waits for a look.",
    "Recently decided",
    "Post",
    "by",
    "Topic",
    "In reply to",
    "account age",
    "days",
    "posts",
    "trust level",
    "unknown",
    "Queued",
    "hidden by modbot",
    "queued by modbot",
    "(queued before the console kept posts in context: only an excerpt is known)",
    "Principle",
    "Rule",
    "Score",
    "Evidence",
    "Approve (keep the post)",
    "Remove",
    "Principle broken",
    "as modbot found",
    "Note (optional)",
    "Restore",
    "Keep hidden",
    "Open on the forum",
    "approved",
    "removed",
    "Post {post} approved: it stays on the forum.",
    "Post {post} removed: it will be hidden on the forum and its author told why.",
    "Post {post} restored: it will be visible again on the forum.",
    "Post {post} stays hidden.",
    "Post {post} is not in the review queue. Nothing was done.",
    "Post {post} was already decided ({status} by {who}). Nothing was changed.",
    "Post {post} was edited and judged again since you looked at it. Nothing was changed: "
    "look at it again.",
    "Not done",
    "Request refused",
    "You are not signed in, or your session has expired. Nothing was done. Sign in and try "
    "again.",
    "This form is out of date: its security token does not match your session. Nothing was "
    "done. Reload the page and try again.",
    "This request came from another site. Nothing was done.",
    "This form is incomplete or malformed. Nothing was done.",
    "The console could not read or write its store. Nothing was done; try again.",
    "Back to the queue",
    "Too many failed sign-ins",
    "Too many sign-ins with a wrong token were tried. Your token was not checked. Try again "
    "in {minutes} minute(s).",
};

constexpr ConsoleStrings kFrench = {
    "fr",
    "English",
    "en",
    " : ",
    "modbot — console de modération",
    "Connexion",
    "Votre jeton de console",
    "Se connecter",
    "Ce jeton n’est pas valide. Rien n’a été fait.",
    "Connecté en tant que",
    "Se déconnecter",
    "En attente de révision",
    "Aucun message n’attend de révision.",
    "Masquages automatiques récents",
    "modbot a masqué ces messages de lui-même. Rétablissez ceux qui n’auraient pas dû l’être.",
    "Aucun masquage automatique n’attend de vérification.",
    "Décisions récentes",
    "Message",
    "par",
    "Sujet",
    "En réponse à",
    "ancienneté du compte",
    "jours",
    "messages",
    "niveau de confiance",
    "inconnu",
    "Mis en file",
    "masqué par modbot",
    "signalé par modbot",
    "(mis en file avant que la console conserve le contexte des messages : seul un extrait "
    "est connu)",
    "Principe",
    "Règle",
    "Score",
    "Élément relevé",
    "Approuver (garder le message)",
    "Retirer",
    "Principe enfreint",
    "celui relevé par modbot",
    "Note (facultative)",
    "Rétablir",
    "Garder masqué",
    "Voir sur le forum",
    "approuvé",
    "retiré",
    "Message {post} approuvé : il reste sur le forum.",
    "Message {post} retiré : il sera masqué sur le forum et son auteur saura pourquoi.",
    "Message {post} rétabli : il sera de nouveau visible sur le forum.",
    "Le message {post} reste masqué.",
    "Le message {post} n’est pas dans la file de révision. Rien n’a été fait.",
    "Le message {post} a déjà été traité ({status} par {who}). Rien n’a été modifié.",
    "Le message {post} a été modifié et jugé de nouveau depuis que vous l’avez consulté. "
    "Rien n’a été modifié : examinez-le à nouveau.",
    "Non effectué",
    "Requête refusée",
    "Vous n’êtes pas connecté, ou votre session a expiré. Rien n’a été fait. Connectez-vous "
    "et réessayez.",
    "Ce formulaire n’est plus valide : son jeton de sécurité ne correspond pas à votre "
    "session. Rien n’a été fait. Rechargez la page et réessayez.",
    "Cette requête provient d’un autre site. Rien n’a été fait.",
    "Ce formulaire est incomplet ou mal formé. Rien n’a été fait.",
    "La console n’a pas pu lire ou écrire dans sa base. Rien n’a été fait; réessayez.",
    "Retour à la file",
    "Trop de tentatives de connexion",
    "Trop de connexions avec un jeton erroné ont été tentées. Votre jeton n’a pas été "
    "vérifié. Réessayez dans {minutes} minute(s).",
};

}  // namespace

const ConsoleStrings& ConsoleText(UiLang lang) {
  return lang == UiLang::kFr ? kFrench : kEnglish;
}

std::optional<UiLang> UiLangFromCode(std::string_view code) {
  if (code == "en") return UiLang::kEn;
  if (code == "fr") return UiLang::kFr;
  return std::nullopt;
}

UiLang ChooseLang(std::string_view query_lang, std::string_view cookie_lang,
                  std::string_view accept_language) {
  if (std::optional<UiLang> lang = UiLangFromCode(query_lang)) return *lang;
  if (std::optional<UiLang> lang = UiLangFromCode(cookie_lang)) return *lang;
  // "fr-CA,fr;q=0.9,en;q=0.8": the first of en/fr with the highest q.
  UiLang best = UiLang::kEn;
  double best_q = 0;
  while (!accept_language.empty()) {
    size_t comma = accept_language.find(',');
    std::string_view range = accept_language.substr(0, comma);
    accept_language = comma == std::string_view::npos ? "" : accept_language.substr(comma + 1);
    while (!range.empty() && range.front() == ' ') range.remove_prefix(1);
    double q = 1;
    if (size_t semi = range.find(';'); semi != std::string_view::npos) {
      size_t at = range.find("q=", semi);
      if (at != std::string_view::npos) q = std::atof(std::string(range.substr(at + 2)).c_str());
      range = range.substr(0, semi);
    }
    std::optional<UiLang> lang = UiLangFromCode(range.substr(0, 2));
    if (lang && (range.size() == 2 || range[2] == '-') && q > best_q) {
      best = *lang;
      best_q = q;
    }
  }
  return best;
}

std::string Fill(std::string_view text, std::string_view name, std::string_view value) {
  // Appended, not "{" + name: GCC 12 at -O3 warns on that (-Wrestrict, a false
  // positive: GCC PR 105651).
  std::string placeholder(1, '{');
  placeholder += name;
  placeholder += '}';
  std::string out(text);
  for (size_t at = out.find(placeholder); at != std::string::npos;
       at = out.find(placeholder, at + value.size())) {
    out.replace(at, placeholder.size(), value);
  }
  return out;
}

}  // namespace modbot
