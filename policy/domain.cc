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

std::vector<std::string_view> DomainWords(std::string_view domain) {
  std::vector<std::string_view> words;
  domain = domain.substr(0, domain.rfind('.'));
  size_t start = 0;
  for (size_t i = 0; i <= domain.size(); ++i) {
    if (i == domain.size() || domain[i] == '.' || domain[i] == '-') {
      if (i > start) words.push_back(domain.substr(start, i - start));
      start = i + 1;
    }
  }
  return words;
}

}  // namespace modbot
