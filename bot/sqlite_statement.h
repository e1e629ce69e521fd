// Small RAII helpers over the SQLite C API, shared by the store and the reports
// that read it: a prepared statement and a BEGIN IMMEDIATE transaction.
#ifndef MODBOT_BOT_SQLITE_STATEMENT_H_
#define MODBOT_BOT_SQLITE_STATEMENT_H_

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>

namespace modbot {

// A prepared statement that finalizes itself. Bind indexes are 1-based.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) stmt_ = nullptr;
  }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& Bind(int i, const std::string& s) {
    if (stmt_) sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, int64_t v) {
    if (stmt_) sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, double v) {
    if (stmt_) sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Stmt& Bind(int i, std::optional<int> v) {
    if (stmt_) v ? sqlite3_bind_int64(stmt_, i, *v) : sqlite3_bind_null(stmt_, i);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE, or an error code.
  int Step() { return stmt_ ? sqlite3_step(stmt_) : SQLITE_ERROR; }
  // Rows changed by the last statement run on this connection.
  int Changes() const { return sqlite3_changes(db_); }
  // Runs a statement that returns no rows.
  bool Run(std::string* error) {
    int rc = Step();
    if (rc == SQLITE_DONE) return true;
    *error = sqlite3_errmsg(db_);
    return false;
  }
  std::string Text(int col) {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  int64_t Int(int col) { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::optional<int> OptionalInt(int col) {
    return IsNull(col) ? std::nullopt : std::optional<int>(static_cast<int>(Int(col)));
  }
  bool Failed(int rc, std::string* error) {
    if (rc == SQLITE_ROW || rc == SQLITE_DONE) return false;
    *error = sqlite3_errmsg(db_);
    return true;
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless Commit() succeeds.
class Transaction {
 public:
  Transaction(sqlite3* db, std::string* error) : db_(db) {
    begun_ = Exec("BEGIN IMMEDIATE", error);
  }
  ~Transaction() {
    if (begun_ && !committed_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  bool ok() const { return begun_; }
  bool Commit(std::string* error) { return committed_ = Exec("COMMIT", error); }

 private:
  bool Exec(const char* sql, std::string* error) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
    *error = message ? message : "sqlite error";
    sqlite3_free(message);
    return false;
  }
  sqlite3* db_;
  bool begun_ = false;
  bool committed_ = false;
};

}  // namespace modbot

#endif  // MODBOT_BOT_SQLITE_STATEMENT_H_
