#include "bot/audit_log.h"

#include <array>
#include <limits>

#include <nlohmann/json.hpp>

#include "bot/iso_time.h"
#include "bot/sqlite_statement.h"

namespace modbot {

namespace {

constexpr std::array<const char*, 10> kColumns = {
    "time", "forum", "post", "author", "event", "clause", "rule", "evidence", "actor", "outcome"};

std::array<std::string, 10> Fields(const std::string& forum, const AuditRow& row) {
  const AuditEntry& e = row.entry;
  return {FormatIsoTime(row.at), forum,      row.post_id, row.author, e.event,
          e.clause,              e.rule,     e.evidence,  e.actor,    e.outcome};
}

}  // namespace

bool ReadAuditLog(Store* store, std::optional<int64_t> since, std::optional<int64_t> until,
                  std::vector<AuditRow>* out, std::string* error) {
  Stmt s(store->db(),
         "SELECT a.at, a.post_id, COALESCE(v.author, ''), a.event, a.clause, a.rule, "
         "a.evidence, a.actor, a.outcome FROM audit a LEFT JOIN verdicts v USING (post_id) "
         "WHERE a.at >= ? AND a.at < ? ORDER BY a.at, a.id");
  s.Bind(1, since.value_or(std::numeric_limits<int64_t>::min()))
      .Bind(2, until.value_or(std::numeric_limits<int64_t>::max()));
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    AuditRow row{s.Int(0), s.Text(1), s.Text(2), {}};
    row.entry = {row.post_id, s.Text(3), s.Text(4), s.Text(5), s.Text(6), s.Text(7), s.Text(8)};
    out->push_back(std::move(row));
  }
  return !s.Failed(rc, error);
}

std::string CsvField(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void WriteAuditCsv(const std::string& forum, const std::vector<AuditRow>& rows, std::ostream& out) {
  auto line = [&](const auto& fields) {
    bool first = true;
    for (const auto& field : fields) {
      if (!first) out << ',';
      out << CsvField(field);
      first = false;
    }
    out << "\r\n";
  };
  line(kColumns);
  for (const AuditRow& row : rows) line(Fields(forum, row));
}

void WriteAuditJson(const std::string& forum, const std::vector<AuditRow>& rows,
                    std::ostream& out) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const AuditRow& row : rows) {
    std::array<std::string, 10> fields = Fields(forum, row);
    nlohmann::ordered_json object;
    for (size_t i = 0; i < kColumns.size(); ++i) object[kColumns[i]] = fields[i];
    array.push_back(std::move(object));
  }
  out << array.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace modbot
