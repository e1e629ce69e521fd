// ConfigReader: typed access to a TOML document that reports every problem as
// "file:line:col: message", like Ninja's manifest parser.
//
// Getters never throw. A missing optional key leaves the caller's default in place; a
// key of the wrong type, a value out of range or an unknown key (usually a typo) adds
// an error located at the offending node and the reader carries on, so one run of
// `modbot config check` lists every mistake at once.
#ifndef MODBOT_BOT_CONFIG_READER_H_
#define MODBOT_BOT_CONFIG_READER_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

namespace modbot {

struct ConfigError {
  std::string file;
  int line = 0;  // 1-based; 0 when the position is unknown
  int column = 0;
  std::string message;

  std::string ToString() const;  // "file:line:col: message"
};

class ConfigReader {
 public:
  explicit ConfigReader(std::string file_name) : file_name_(std::move(file_name)) {}

  const std::string& file_name() const { return file_name_; }
  // path as written in the config: relative paths are relative to the config's folder.
  std::string Resolve(const std::string& path) const;
  const std::vector<ConfigError>& errors() const { return errors_; }
  bool ok() const { return errors_.empty(); }

  void ErrorAt(const toml::node& node, std::string message);
  void ErrorAt(const toml::source_region& where, std::string message);
  // An error located elsewhere (e.g. in a file the config names).
  void Add(ConfigError error) { errors_.push_back(std::move(error)); }

  // Each getter reads table[key] into *out when present and well-typed.
  // With required = true a missing key is an error located at the table.
  void String(const toml::table& table, std::string_view key, std::string* out,
              bool required = false);
  void Int(const toml::table& table, std::string_view key, long long min, long long max,
           int* out, bool required = false);
  void Double(const toml::table& table, std::string_view key, double min, double max,
              double* out, bool required = false);
  void Bool(const toml::table& table, std::string_view key, bool* out);
  void StringList(const toml::table& table, std::string_view key,
                  std::vector<std::string>* out);

  // The sub-table at key, or nullptr (an error when present but not a table).
  const toml::table* Table(const toml::table& table, std::string_view key);

  // Reports every key of table not in known.
  void RejectUnknownKeys(const toml::table& table,
                         std::initializer_list<std::string_view> known);

 private:
  const toml::node* Get(const toml::table& table, std::string_view key, bool required);

  std::string file_name_;
  std::vector<ConfigError> errors_;
};

// Parses TOML text; on a syntax error, records it in reader and returns nullopt.
std::optional<toml::table> ParseToml(std::string_view text, ConfigReader* reader);

}  // namespace modbot

#endif  // MODBOT_BOT_CONFIG_READER_H_
