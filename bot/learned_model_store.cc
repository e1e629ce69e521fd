#include "bot/learned_model_store.h"

#include <limits>

#include "bot/sqlite_statement.h"

namespace modbot {

bool ReadDecidedTexts(sqlite3* db, std::vector<DecidedText>* out, std::string* error) {
  Stmt s(db,
         "SELECT f.post_id, f.decision, COALESCE(f.decided_clauses, ''), "
         "       COALESCE(NULLIF(r.post_text, ''), v.excerpt, '') "
         "FROM fingerprints f "
         "LEFT JOIN review_queue r ON r.post_id = f.post_id "
         "LEFT JOIN verdicts v ON v.post_id = f.post_id "
         "WHERE f.decision IS NOT NULL ORDER BY f.post_id");
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    DecidedText decided{s.Text(0), {s.Text(3), std::string(kAllowLabel)}};
    if (decided.example.text.empty()) continue;
    if (s.Text(1) != "approved") {
      const std::string clauses = s.Text(2);
      decided.example.label = clauses.substr(0, clauses.find(' '));
      if (decided.example.label.empty()) continue;  // removed for no clause: nothing to learn
    }
    out->push_back(std::move(decided));
  }
  return !s.Failed(rc, error);
}

bool NextModelVersion(sqlite3* db, int* version, std::string* error) {
  Stmt s(db, "SELECT COALESCE(MAX(version), 0) + 1 FROM learned_models");
  const int rc = s.Step();
  if (s.Failed(rc, error)) return false;
  *version = static_cast<int>(s.Int(0));
  return true;
}

bool RecordModel(sqlite3* db, const ModelRecord& record, std::string* error) {
  Stmt s(db,
         "INSERT INTO learned_models (version, hash, path, decisions, held_out, "
         "held_out_precision, trained_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, record.version).Bind(2, record.hash).Bind(3, record.path)
      .Bind(4, record.decisions).Bind(5, record.held_out);
  if (record.held_out_precision) s.Bind(6, *record.held_out_precision);
  s.Bind(7, record.trained_at);
  return s.Run(error);
}

bool LatestModel(sqlite3* db, std::optional<ModelRecord>* out, std::string* error) {
  Stmt s(db,
         "SELECT version, hash, path, decisions, held_out, held_out_precision, trained_at "
         "FROM learned_models ORDER BY version DESC LIMIT 1");
  const int rc = s.Step();
  if (s.Failed(rc, error)) return false;
  out->reset();
  if (rc != SQLITE_ROW) return true;
  ModelRecord record{static_cast<int>(s.Int(0)), s.Text(1), s.Text(2), s.Int(3), s.Int(4),
                     std::nullopt, s.Int(6)};
  if (!s.IsNull(5)) record.held_out_precision = s.Double(5);
  *out = std::move(record);
  return true;
}

bool ReadModelFlagOutcomes(sqlite3* db, std::optional<int64_t> since, ModelFlagOutcomes* out,
                           std::string* error) {
  Stmt s(db,
         "SELECT COALESCE(SUM(f.decision IN ('removed', 'kept_hide')), 0), "
         "       COALESCE(SUM(f.decision = 'approved'), 0), "
         "       COALESCE(SUM(f.decision IS NULL), 0) "
         "FROM verdicts v LEFT JOIN fingerprints f ON f.post_id = v.post_id "
         "WHERE v.action <> 'allow' AND v.reasons LIKE '%\"rule\":\"model.%' "
         "AND v.judged_at >= ?");
  s.Bind(1, since.value_or(std::numeric_limits<int64_t>::min()));
  const int rc = s.Step();
  if (s.Failed(rc, error)) return false;
  *out = {s.Int(0), s.Int(1), s.Int(2)};
  return true;
}

}  // namespace modbot
