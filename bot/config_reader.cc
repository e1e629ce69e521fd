#include "bot/config_reader.h"

#include <algorithm>
#include <cmath>

namespace modbot {

namespace {

// 'key', for a message about it. Built by appending: GCC 12 at -O3 warns
// (-Wrestrict, a false positive: GCC PR 105651) on "'" + std::string(key).
std::string Quoted(std::string_view key) {
  std::string out(1, '\'');
  out += key;
  out += '\'';
  return out;
}

}  // namespace

std::string ConfigError::ToString() const {
  std::string out = file;
  if (line > 0) {
    out += ':';
    out += std::to_string(line);
    out += ':';
    out += std::to_string(column);
  }
  return out + ": " + message;
}

std::string ConfigReader::Resolve(const std::string& path) const {
  if (path.empty() || path[0] == '/') return path;
  size_t slash = file_name_.rfind('/');
  return slash == std::string::npos ? path : file_name_.substr(0, slash + 1) + path;
}

void ConfigReader::ErrorAt(const toml::source_region& where, std::string message) {
  errors_.push_back({file_name_, static_cast<int>(where.begin.line),
                     static_cast<int>(where.begin.column), std::move(message)});
}

void ConfigReader::ErrorAt(const toml::node& node, std::string message) {
  ErrorAt(node.source(), std::move(message));
}

const toml::node* ConfigReader::Get(const toml::table& table, std::string_view key,
                                    bool required) {
  const toml::node* node = table.get(key);
  if (!node && required) ErrorAt(table, "missing required key '" + std::string(key) + "'");
  return node;
}

void ConfigReader::String(const toml::table& table, std::string_view key, std::string* out,
                          bool required) {
  const toml::node* node = Get(table, key, required);
  if (!node) return;
  if (auto value = node->value<std::string>(); value && node->is_string()) {
    *out = *value;
  } else {
    ErrorAt(*node, Quoted(key) + " must be a string");
  }
}

void ConfigReader::Int(const toml::table& table, std::string_view key, long long min,
                       long long max, int* out, bool required) {
  const toml::node* node = Get(table, key, required);
  if (!node) return;
  if (!node->is_integer()) {
    ErrorAt(*node, Quoted(key) + " must be an integer");
    return;
  }
  long long value = **node->as_integer();
  if (value < min || value > max) {
    ErrorAt(*node, Quoted(key) + " must be between " + std::to_string(min) +
                       " and " + std::to_string(max) + ", not " + std::to_string(value));
    return;
  }
  *out = static_cast<int>(value);
}

void ConfigReader::Double(const toml::table& table, std::string_view key, double min,
                          double max, double* out, bool required) {
  const toml::node* node = Get(table, key, required);
  if (!node) return;
  std::optional<double> value = node->value<double>();  // accepts integers too
  if (!value || !(node->is_floating_point() || node->is_integer()) || std::isnan(*value)) {
    ErrorAt(*node, Quoted(key) + " must be a number");
    return;
  }
  if (*value < min || *value > max) {
    ErrorAt(*node, Quoted(key) + " must be between " + std::to_string(min) +
                       " and " + std::to_string(max));
    return;
  }
  *out = *value;
}

void ConfigReader::Bool(const toml::table& table, std::string_view key, bool* out) {
  const toml::node* node = Get(table, key, false);
  if (!node) return;
  if (!node->is_boolean()) {
    ErrorAt(*node, Quoted(key) + " must be true or false");
    return;
  }
  *out = **node->as_boolean();
}

void ConfigReader::StringList(const toml::table& table, std::string_view key,
                              std::vector<std::string>* out) {
  const toml::node* node = Get(table, key, false);
  if (!node) return;
  const toml::array* array = node->as_array();
  if (!array) {
    ErrorAt(*node, Quoted(key) + " must be a list of strings");
    return;
  }
  for (const toml::node& item : *array) {
    if (!item.is_string()) {
      ErrorAt(item, Quoted(key) + " must contain only strings");
      continue;
    }
    out->push_back(**item.as_string());
  }
}

const toml::table* ConfigReader::Table(const toml::table& table, std::string_view key) {
  const toml::node* node = Get(table, key, false);
  if (!node) return nullptr;
  if (!node->is_table()) {
    ErrorAt(*node, Quoted(key) + " must be a table");
    return nullptr;
  }
  return node->as_table();
}

void ConfigReader::RejectUnknownKeys(const toml::table& table,
                                     std::initializer_list<std::string_view> known) {
  for (const auto& [key, node] : table) {
    if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
      ErrorAt(key.source().begin.line ? toml::source_region(key.source()) : node.source(),
              "unknown key '" + std::string(key.str()) + "'");
    }
  }
}

std::optional<toml::table> ParseToml(std::string_view text, ConfigReader* reader) {
  // Debian builds toml++ with exceptions on, so a syntax error arrives as one.
  try {
    return toml::parse(text, reader->file_name());
  } catch (const toml::parse_error& error) {
    reader->ErrorAt(error.source(), std::string(error.description()));
    return std::nullopt;
  }
}

}  // namespace modbot
