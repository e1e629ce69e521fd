#include "bot/log.h"

#include <algorithm>
#include <ctime>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bot/iso_time.h"

namespace modbot {

namespace {

struct Sink {
  std::mutex mu;
  LogFormat format = LogFormat::kText;
  std::FILE* stream = nullptr;  // stderr
  std::vector<std::string> secrets;
};

Sink& TheSink() {
  static Sink sink;
  return sink;
}

std::string Mask(std::string line, const std::vector<std::string>& secrets) {
  for (const std::string& secret : secrets) {
    for (size_t at = line.find(secret); at != std::string::npos; at = line.find(secret, at)) {
      line.replace(at, secret.size(), "[secret]");
    }
  }
  return line;
}

std::string Now() { return FormatIsoTime(static_cast<int64_t>(std::time(nullptr)) * 1000); }

void Write(const char* level, std::string_view message, LogFields fields) {
  Sink& sink = TheSink();
  std::lock_guard<std::mutex> lock(sink.mu);
  std::string line;
  if (sink.format == LogFormat::kJson) {
    nlohmann::ordered_json record = {{"time", Now()}, {"level", level}, {"msg", message}};
    for (const auto& [key, value] : fields) record[std::string(key)] = value;
    line = record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } else {
    line = Now() + " modbot[" + level + "] " + std::string(message);
    for (const auto& [key, value] : fields) {
      line += ' ';
      line += key;
      line += '=';
      line += value;
    }
    // One record, one line, whatever a forum's error message holds.
    for (char& c : line) {
      if (c == '\n' || c == '\r') c = ' ';
    }
  }
  line = Mask(std::move(line), sink.secrets) + "\n";
  std::FILE* out = sink.stream ? sink.stream : stderr;
  std::fwrite(line.data(), 1, line.size(), out);
  std::fflush(out);
}

}  // namespace

std::optional<LogFormat> LogFormatFromName(std::string_view name) {
  if (name == "text") return LogFormat::kText;
  if (name == "json") return LogFormat::kJson;
  return std::nullopt;
}

void SetLogFormat(LogFormat format) {
  std::lock_guard<std::mutex> lock(TheSink().mu);
  TheSink().format = format;
}

void SetLogStream(std::FILE* stream) {
  std::lock_guard<std::mutex> lock(TheSink().mu);
  TheSink().stream = stream;
}

void RegisterLogSecret(const std::string& secret) {
  if (secret.size() < 4) return;  // masking "ab" would mangle every record
  std::lock_guard<std::mutex> lock(TheSink().mu);
  std::vector<std::string>& secrets = TheSink().secrets;
  // A reload registers the same secrets again.
  if (std::find(secrets.begin(), secrets.end(), secret) == secrets.end()) {
    secrets.push_back(secret);
  }
}

void LogInfo(std::string_view message, LogFields fields) { Write("info", message, fields); }
void LogError(std::string_view message, LogFields fields) { Write("error", message, fields); }

}  // namespace modbot
