#include "bot/notice.h"

#include <array>
#include <map>

namespace modbot {

namespace {

constexpr std::array<std::string_view, 6> kPlaceholders = {
    "post_id", "username", "url", "principles", "excerpt", "appeal"};

std::string Fill(const std::string& tmpl, const std::map<std::string_view, std::string>& values) {
  std::string out;
  for (size_t i = 0; i < tmpl.size();) {
    if (tmpl[i] == '{') {
      size_t close = tmpl.find('}', i);
      if (close != std::string::npos) {
        auto it = values.find(std::string_view(tmpl).substr(i + 1, close - i - 1));
        if (it != values.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += tmpl[i++];
  }
  return out;
}

std::string Principles(const std::vector<Clause>& clauses, bool french) {
  std::string out;
  for (Clause c : clauses) {
    const std::string number = std::to_string(ClauseNumber(c));
    // French typography puts a space before the colon.
    out += french ? "- Principe " + number + " : " + std::string(ClauseTitleFr(c))
                  : "- Principle " + number + ": " + std::string(ClauseTitleEn(c));
    out += '\n';
  }
  if (!out.empty()) out.pop_back();
  return out;
}

ForumNotice Render(const NoticeTemplate& t, const NoticeFacts& facts, const std::string& excerpt,
                   bool french) {
  std::map<std::string_view, std::string> values = {
      {"post_id", facts.post_id},     {"username", facts.username},
      {"url", facts.url},             {"principles", Principles(facts.clauses, french)},
      {"excerpt", excerpt},           {"appeal", t.appeal}};
  return {facts.post_id, facts.username, Fill(t.subject, values), Fill(t.body, values)};
}

}  // namespace

NoticeTemplate NoticeSettings::DefaultEnglish() {
  return {"Your post #{post_id} was hidden",
          "Hello {username},\n\n"
          "Your post ({url}) was hidden because it does not follow the City of "
          "Côte Saint-Luc's social media policy:\n\n{principles}\n\n"
          "> {excerpt}\n\n{appeal}",
          "If you think this is a mistake, reply to this message and a moderator will "
          "review your post."};
}

NoticeTemplate NoticeSettings::DefaultFrench() {
  return {"Votre message n° {post_id} a été masqué",
          "Bonjour {username},\n\n"
          "Votre message ({url}) a été masqué, car il ne respecte pas la politique de la "
          "Ville de Côte Saint-Luc sur les médias sociaux :\n\n{principles}\n\n"
          "> {excerpt}\n\n{appeal}",
          "Si vous croyez qu'il s'agit d'une erreur, répondez à ce message et un "
          "modérateur examinera votre message."};
}

ForumNotice RenderNotice(const NoticeSettings& settings, const NoticeFacts& facts) {
  std::string lang = settings.language == "auto" ? facts.lang : settings.language;
  std::string excerpt = Excerpt(facts.text, settings.excerpt_chars);
  if (lang == "en") return Render(settings.en, facts, excerpt, false);
  if (lang == "fr") return Render(settings.fr, facts, excerpt, true);
  ForumNotice en = Render(settings.en, facts, excerpt, false);
  ForumNotice fr = Render(settings.fr, facts, excerpt, true);
  return {facts.post_id, facts.username, en.title + " / " + fr.title,
          en.body + "\n\n---\n\n" + fr.body};
}

std::string Excerpt(std::string_view text, int max_chars) {
  std::string out;
  int chars = 0;
  bool space = false;
  size_t i = 0;
  for (; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    bool starts_char = (c & 0xC0) != 0x80;
    if (starts_char) {
      if (chars + (space ? 1 : 0) >= max_chars) break;
      if (space) {
        out += ' ';
        ++chars;
        space = false;
      }
      ++chars;
    }
    out += static_cast<char>(c);
  }
  if (i < text.size()) out += "…";
  return out;
}

bool IsNoticePlaceholder(std::string_view name) {
  for (std::string_view p : kPlaceholders) {
    if (p == name) return true;
  }
  return false;
}

}  // namespace modbot
