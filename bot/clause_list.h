// A verdict's clauses as the store keeps them: their ids, separated by spaces
// ("abusive threat").
#ifndef MODBOT_BOT_CLAUSE_LIST_H_
#define MODBOT_BOT_CLAUSE_LIST_H_

#include <string>
#include <vector>

#include "policy/clause.h"

namespace modbot {

std::string ClauseList(const std::vector<Clause>& clauses);

// Inverse of ClauseList. An id this version does not know is skipped.
std::vector<Clause> ClausesOf(const std::string& ids);

}  // namespace modbot

#endif  // MODBOT_BOT_CLAUSE_LIST_H_
