#include "policy/domain.h"

namespace modbot {

bool DomainMatches(std::string_view domain, const std::vector<std::string>& list) {
  for (std::string_view entry : list) {
    if (entry.find('.') == std::string_view::npos || entry.size() > domain.size()) continue;
    if (domain == entry) return true;
    if (domain.size() > entry.size() && domain.substr(domain.size() - entry.size()) == entry &&
        domain[domain.size() - entry.size() - 1] == '.') {
      return true;
    }
  }
  return false;
}

}  // namespace modbot
