// The audit log as a report: every verdict, every forum action attempt and every
// moderator decision, with the post's author, as CSV (RFC 4180) or JSON.
#ifndef MODBOT_BOT_AUDIT_LOG_H_
#define MODBOT_BOT_AUDIT_LOG_H_

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "bot/store.h"

namespace modbot {

struct AuditRow {
  int64_t at = 0;
  std::string post_id;
  std::string author;  // "" when the post was never judged (cannot happen today)
  AuditEntry entry;
};

// Rows with since <= at < until (each bound optional), oldest first.
bool ReadAuditLog(Store* store, std::optional<int64_t> since, std::optional<int64_t> until,
                  std::vector<AuditRow>* out, std::string* error);

// Columns: time, forum, post, author, event, clause, rule, evidence, actor, outcome.
// CSV has a header line and CRLF line ends; JSON is one array of objects.
void WriteAuditCsv(const std::string& forum, const std::vector<AuditRow>& rows, std::ostream& out);
void WriteAuditJson(const std::string& forum, const std::vector<AuditRow>& rows, std::ostream& out);

// field as one RFC 4180 CSV field: quoted when it holds a comma, a quote, CR or LF.
std::string CsvField(std::string_view field);

}  // namespace modbot

#endif  // MODBOT_BOT_AUDIT_LOG_H_
