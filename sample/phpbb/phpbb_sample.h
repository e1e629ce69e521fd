// PhpbbSample: a small stand-in for a phpBB 3.3 board (prosilver, English), for
// the tests and the demo.
//
// It serves the pages modbot reads and submits with phpBB's own markup, field
// names, cookies (phpbb3_xxxxx_sid/_u/_k), form tokens, confirm_box() steps,
// redirects and error pages (sources cited beside each route in phpbb_sample.cc),
// keeps its state in memory, and misbehaves on demand: sessions expired, form
// tokens refused, 503s, slow pages, a feed shorter than a burst, a PM flood limit.
#ifndef MODBOT_SAMPLE_PHPBB_PHPBB_SAMPLE_H_
#define MODBOT_SAMPLE_PHPBB_PHPBB_SAMPLE_H_

#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sample/common/sample_content.h"

namespace modbot::sample {

struct PhpbbFaults {
  double rate_503 = 0;           // "Service Unavailable", as a proxy in front would
  double rate_slow = 0;
  int slow_ms = 2000;
  double rate_expire_session = 0;  // the moderator's session is gone (session_length)
  double rate_form_invalid = 0;    // check_form_key() refuses a good token
  int feed_limit = 15;             // feed_limit_post, phpBB's default
  int flood_interval_seconds = 0;  // between two PMs; phpBB's default is 15
};

struct PhpbbPost {
  long long id = 0;
  long long topic_id = 0;
  std::string username;
  std::string html;  // as phpBB renders it inside div.content
  std::chrono::system_clock::time_point created_at;
  std::optional<std::chrono::system_clock::time_point> edited_at;
  bool deleted = false;
  std::string delete_reason;
  std::string deleted_by;
  std::vector<std::string> reports;  // "reason_id:text", by the moderator
};

struct PhpbbMessage {
  std::string recipient;
  std::string subject;
  std::string message;
};

class PhpbbSample : public ContentSink {
 public:
  PhpbbSample(std::string moderator, std::string password);
  ~PhpbbSample() override;

  // Listens on 127.0.0.1:port (0 = any free port); returns the port, 0 on failure.
  int Start(int port = 0);
  void Stop();
  void SetFaults(const PhpbbFaults& faults);

  void AddUser(const SampleUser& user) override;
  long long AddTopic(const std::string& title, const std::string& forum) override;
  long long AddPost(long long topic_id, const std::string& username, const std::string& text,
                    std::optional<int> reply_to_post_number = std::nullopt,
                    std::optional<std::chrono::system_clock::time_point> created_at =
                        std::nullopt) override;
  // A post whose rendered HTML is given as is (quotes, attachments).
  long long AddPostHtml(long long topic_id, const std::string& username, const std::string& html);
  bool EditPost(long long post_id, const std::string& text);
  // A moderator at work in the MCP: soft-deletes a post (mcp_main.php), restores
  // one (mcp_queue.php), or closes its reports (mcp_reports.php close_report,
  // which leaves the post as it is and clears post_reported).
  bool DeleteAsModerator(long long post_id, const std::string& moderator,
                         const std::string& reason);
  bool Restore(long long post_id);
  bool CloseReports(long long post_id);
  // Kills every session, as when session_length runs out.
  void ExpireSessions();

  void SeedDemo() { SeedDemoContent(this); }
  void SeedSynthetic(int n, unsigned seed) { SeedSyntheticContent(this, n, seed); }

  std::vector<PhpbbPost> Posts() const;
  std::vector<PhpbbMessage> Messages() const;
  long long requests() const;
  int logins() const;
  // Every User-Agent header seen, and the shortest wait of a session between
  // being served a form page and posting (milliseconds::max() when none).
  std::set<std::string> user_agents() const;
  std::chrono::milliseconds shortest_form_wait() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace modbot::sample

#endif  // MODBOT_SAMPLE_PHPBB_PHPBB_SAMPLE_H_
