#include "bot/clause_list.h"

namespace modbot {

std::string ClauseList(const std::vector<Clause>& clauses) {
  std::string out;
  for (Clause c : clauses) {
    if (!out.empty()) out += ' ';
    out += ClauseId(c);
  }
  return out;
}

std::vector<Clause> ClausesOf(const std::string& ids) {
  std::vector<Clause> out;
  for (size_t start = 0; start < ids.size();) {
    size_t end = ids.find(' ', start);
    if (end == std::string::npos) end = ids.size();
    if (std::optional<Clause> c = ClauseFromId(ids.substr(start, end - start))) out.push_back(*c);
    start = end + 1;
  }
  return out;
}

}  // namespace modbot
