#include "bot/daemon_config.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "bot/listen_address.h"

namespace modbot {

namespace {

// "scheme://host[:port][/path]" with no query, fragment, credentials or spaces.
std::string UrlProblem(const std::string& url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return "must start with http:// or https://";
  std::string scheme = url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") return "must start with http:// or https://";
  std::string rest = url.substr(scheme_end + 3);
  std::string host = rest.substr(0, rest.find_first_of("/:"));
  if (host.empty()) return "has no host";
  if (url.find_first_of(" \t\n?#@") != std::string::npos) {
    return "must be the forum's base address, without spaces, query, fragment or credentials";
  }
  return "";
}

std::string Trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

// Reads the secret kept in file (as written in the config) into *out, or adds an
// error at `at` naming what could not be read.
void ReadSecretFile(const toml::node& at, const std::string& file, const std::string& what,
                    ConfigReader* reader, std::string* out) {
  std::ifstream in(reader->Resolve(file));
  std::stringstream text;
  text << in.rdbuf();
  *out = Trimmed(text.str());
  if (!in || out->empty()) {
    reader->ErrorAt(at, "cannot read the " + what + " from '" + reader->Resolve(file) + "'");
  }
}

// [forum.webhook]: Discourse's own webhooks, signed with the secret of secret_file.
void ParseWebhook(const toml::table& hook, ConfigReader* reader, DaemonConfig* out,
                  bool read_secret) {
  reader->RejectUnknownKeys(hook, {"listen", "secret_file", "poll_interval_seconds"});
  if (out->forum.type != "discourse") {
    reader->ErrorAt(hook, "[forum.webhook] applies to type = \"discourse\" only");
    return;
  }
  ReadListenAddress(hook, "listen", reader, &out->webhook.listen);
  std::string file;
  reader->String(hook, "secret_file", &file, /*required=*/true);
  if (!file.empty() && read_secret) {
    ReadSecretFile(*hook.get("secret_file"), file, "webhook secret", reader, &out->webhook.secret);
  }
  double catch_up = 300;
  reader->Double(hook, "poll_interval_seconds", 0.01, 86400, &catch_up);
  out->poll_interval = std::chrono::milliseconds(static_cast<long long>(catch_up * 1000));
}

void ParseForum(const toml::table& forum, ConfigReader* reader, DaemonConfig* out,
                bool read_secret) {
  reader->RejectUnknownKeys(
      forum, {"type", "url", "api_username", "api_key_env", "api_key_file", "api_key",
              "password_env", "password_file", "password",
              "poll_interval_seconds", "requests_per_minute", "edit_window_minutes",
              "edit_scan_interval_seconds", "decisions_interval_seconds", "decisions_window_days",
              "decisions_budget_share",
              "review_queue", "timeout_seconds", "retries", "retry_initial_ms", "retry_max_ms",
              "webhook"});
  ForumSettings& s = out->forum;
  reader->String(forum, "type", &s.type, /*required=*/true);
  if (const toml::node* type = forum.get("type"); type && type->is_string() &&
                                                   s.type != "discourse" && s.type != "phpbb") {
    reader->ErrorAt(*type, "unknown forum type '" + s.type + "' (known: discourse, phpbb)");
  }
  reader->String(forum, "url", &s.url, true);
  if (const toml::node* url = forum.get("url"); url && url->is_string()) {
    if (std::string problem = UrlProblem(s.url); !problem.empty()) {
      reader->ErrorAt(*url, "url '" + s.url + "' " + problem);
    }
    while (!s.url.empty() && s.url.back() == '/') s.url.pop_back();
  }
  reader->String(forum, "api_username", &s.api_username, true);

  // Discourse acts through an API key; phpBB, which has none, through the
  // moderator account's password.
  const bool password = s.type == "phpbb";
  const std::string secret = password ? "password" : "api_key";
  const std::string what = password ? "password" : "API key";
  for (const char* other : {"api_key", "api_key_env", "api_key_file", "password", "password_env",
                            "password_file"}) {
    const toml::node* node = forum.get(other);
    if (node && std::string(other).rfind(secret, 0) != 0) {
      reader->ErrorAt(*node, std::string(other) + " does not apply to type \"" + s.type +
                                 "\": use " + secret + "_env or " + secret + "_file");
    }
  }
  if (const toml::node* key = forum.get(secret)) {
    reader->ErrorAt(*key, "the " + what + " must not be written in the config: name an environment "
                          "variable (" + secret + "_env) or a file (" + secret + "_file)");
  }
  std::string env, file;
  reader->String(forum, secret + "_env", &env);
  reader->String(forum, secret + "_file", &file);
  if (!env.empty() && !file.empty()) {
    reader->ErrorAt(*forum.get(secret + "_file"), "give " + secret + "_env or " + secret +
                                                       "_file, not both");
  } else if (!read_secret && (!env.empty() || !file.empty())) {
    // Where the key lives is checked; the key itself is left unread.
  } else if (!env.empty()) {
    const char* value = std::getenv(env.c_str());
    if (!value || !*value) {
      reader->ErrorAt(*forum.get(secret + "_env"),
                      "environment variable " + env + " (the " + what + ") is not set");
    } else {
      s.api_key = value;
    }
  } else if (!file.empty()) {
    ReadSecretFile(*forum.get(secret + "_file"), file, what, reader, &s.api_key);
  } else {
    reader->ErrorAt(forum, "missing " + what + ": set " + secret + "_env or " + secret + "_file");
  }

  double poll_seconds = 30;
  reader->Double(forum, "poll_interval_seconds", 0.01, 86400, &poll_seconds);
  out->poll_interval = std::chrono::milliseconds(static_cast<long long>(poll_seconds * 1000));
  reader->Int(forum, "requests_per_minute", 0, 100000, &s.requests_per_minute);
  int edit_window = 60;
  reader->Int(forum, "edit_window_minutes", 0, 60 * 24 * 30, &edit_window);
  out->edit_window = std::chrono::minutes(edit_window);
  double edit_scan = 300;
  reader->Double(forum, "edit_scan_interval_seconds", 0, 86400, &edit_scan);
  out->edit_scan_interval = std::chrono::milliseconds(static_cast<long long>(edit_scan * 1000));
  double decisions = 300;
  reader->Double(forum, "decisions_interval_seconds", 0, 86400, &decisions);
  out->decisions_interval = std::chrono::milliseconds(static_cast<long long>(decisions * 1000));
  int decisions_window = 14;
  reader->Int(forum, "decisions_window_days", 1, 365, &decisions_window);
  out->decisions_window = std::chrono::hours(24) * decisions_window;
  // The share of the request budget that looking at single posts may take between
  // two read-backs; the review listings come on top (one request a 10 flags).
  double decisions_share = 0.1;
  reader->Double(forum, "decisions_budget_share", 0.01, 1, &decisions_share);
  s.read_back_requests =
      s.requests_per_minute == 0
          ? 0
          : std::max(1, static_cast<int>(decisions_share * s.requests_per_minute * decisions / 60));
  std::string route = "both";
  reader->String(forum, "review_queue", &route);
  if (route == "forum") {
    out->review_route = ReviewRoute::kForum;
  } else if (route == "local") {
    out->review_route = ReviewRoute::kLocal;
  } else if (route == "both") {
    out->review_route = ReviewRoute::kBoth;
  } else {
    reader->ErrorAt(*forum.get("review_queue"),
                    "review_queue must be \"forum\", \"local\" or \"both\", not \"" + route + "\"");
  }
  double timeout = 30;
  reader->Double(forum, "timeout_seconds", 0.1, 600, &timeout);
  s.timeout = std::chrono::milliseconds(static_cast<long long>(timeout * 1000));
  reader->Int(forum, "retries", 0, 20, &s.retries);
  int initial = 500, max = 60000;
  reader->Int(forum, "retry_initial_ms", 1, 3600000, &initial);
  reader->Int(forum, "retry_max_ms", 1, 3600000, &max);
  s.backoff = {std::chrono::milliseconds(initial), std::chrono::milliseconds(max)};
  if (const toml::table* hook = reader->Table(forum, "webhook")) {
    ParseWebhook(*hook, reader, out, read_secret);
  }
}

void ParseTemplate(const toml::table& notices, std::string_view lang, ConfigReader* reader,
                   NoticeTemplate* out) {
  const toml::table* t = reader->Table(notices, lang);
  if (!t) return;
  reader->RejectUnknownKeys(*t, {"subject", "body", "appeal"});
  reader->String(*t, "subject", &out->subject);
  reader->String(*t, "body", &out->body);
  reader->String(*t, "appeal", &out->appeal);
  for (const char* key : {"subject", "body"}) {
    const toml::node* node = t->get(key);
    if (!node || !node->is_string()) continue;
    const std::string& text = key[0] == 's' ? out->subject : out->body;
    for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
      size_t close = text.find('}', open);
      if (close == std::string::npos) break;
      std::string name = text.substr(open + 1, close - open - 1);
      if (!IsNoticePlaceholder(name)) {
        reader->ErrorAt(*node, "unknown placeholder {" + name + "}");
      }
    }
  }
  if (const toml::node* subject = t->get("subject");
      subject && out->subject.find("{post_id}") == std::string::npos) {
    reader->ErrorAt(*subject, "subject must contain {post_id}: it identifies a notice already sent");
  }
}

void ParseNotices(const toml::table& notices, ConfigReader* reader, DaemonConfig* out) {
  reader->RejectUnknownKeys(notices, {"enabled", "language", "excerpt_chars", "en", "fr"});
  reader->Bool(notices, "enabled", &out->notify);
  reader->String(notices, "language", &out->notices.language);
  const std::string& lang = out->notices.language;
  if (lang != "auto" && lang != "en" && lang != "fr" && lang != "both") {
    reader->ErrorAt(*notices.get("language"),
                    "language must be \"auto\", \"en\", \"fr\" or \"both\", not \"" + lang + "\"");
  }
  reader->Int(notices, "excerpt_chars", 0, 2000, &out->notices.excerpt_chars);
  ParseTemplate(notices, "en", reader, &out->notices.en);
  ParseTemplate(notices, "fr", reader, &out->notices.fr);
}

void ParseHttp(const toml::table& http, ConfigReader* reader, DaemonConfig* out) {
  reader->RejectUnknownKeys(http, {"listen"});
  ListenAddress listen;
  if (!ReadListenAddress(http, "listen", reader, &listen)) return;
  out->http_host = listen.host;
  out->http_port = listen.port;
}

}  // namespace

bool ParseDaemonConfig(const toml::table& root, ConfigReader* reader, DaemonConfig* out,
                       bool read_secret) {
  if (const toml::table* forum = reader->Table(root, "forum")) {
    ParseForum(*forum, reader, out, read_secret);
  } else if (!root.get("forum")) {
    reader->ErrorAt(root, "missing [forum] section (the forum to moderate)");
  }
  if (const toml::table* store = reader->Table(root, "store")) {
    reader->RejectUnknownKeys(*store, {"path"});
    reader->String(*store, "path", &out->store_path, true);
    out->store_path = reader->Resolve(out->store_path);
  } else if (!root.get("store")) {
    reader->ErrorAt(root, "missing [store] section (path of the SQLite file)");
  }
  if (const toml::table* notices = reader->Table(root, "notices")) {
    ParseNotices(*notices, reader, out);
  }
  if (const toml::table* http = reader->Table(root, "http")) ParseHttp(*http, reader, out);
  if (const toml::table* console = reader->Table(root, "console")) {
    ParseConsoleConfig(*console, reader, &out->console, read_secret);
  }
  if (const toml::table* memory = reader->Table(root, "memory")) {
    // Its unknown keys are reported by ParsePolicyConfig, which reads the rest.
    reader->Bool(*memory, "enabled", &out->memory);
    int window = static_cast<int>(out->flood_window.count());
    reader->Int(*memory, "flood_window_minutes", 1, 60 * 24 * 30, &window);
    out->flood_window = std::chrono::minutes(window);
  }
  ParseLearnedModelConfig(root, reader, &out->learned);
  if (const toml::table* log = reader->Table(root, "log")) {
    reader->RejectUnknownKeys(*log, {"format"});
    std::string format = "text";
    reader->String(*log, "format", &format);
    if (std::optional<LogFormat> known = LogFormatFromName(format)) {
      out->log_format = *known;
    } else {
      reader->ErrorAt(*log->get("format"), "format must be \"text\" or \"json\", not \"" + format + "\"");
    }
  }
  return reader->ok();
}

}  // namespace modbot
