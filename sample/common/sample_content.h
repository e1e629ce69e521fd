// The sample forums' content, whatever forum software they imitate: bilingual
// posts in the style of a municipal forum, written for the samples (names invented).
#ifndef MODBOT_SAMPLE_COMMON_SAMPLE_CONTENT_H_
#define MODBOT_SAMPLE_COMMON_SAMPLE_CONTENT_H_

#include <chrono>
#include <optional>
#include <string>

namespace modbot::sample {

struct SampleUser {
  std::string username;
  int account_age_days = 365;
  int trust_level = 1;  // Discourse's; the phpBB sample ignores it
  int post_count = 10;
};

// Where seeded content goes: each sample forum stores it its own way.
class ContentSink {
 public:
  virtual ~ContentSink() = default;
  virtual void AddUser(const SampleUser& user) = 0;
  virtual long long AddTopic(const std::string& title, const std::string& category) = 0;
  // Adds a post to topic, created now unless told otherwise; reply_to_post_number
  // is the position in the topic of the post replied to.
  virtual long long AddPost(long long topic_id, const std::string& username,
                            const std::string& raw,
                            std::optional<int> reply_to_post_number = std::nullopt,
                            std::optional<std::chrono::system_clock::time_point> created_at =
                                std::nullopt) = 0;
};

// One or more posts for each of the sixteen principles, and ordinary posts that
// break none.
void SeedDemoContent(ContentSink* sink);
// n posts by n / 10 authors, about one in five breaking a rule, created a minute
// apart up to now.
void SeedSyntheticContent(ContentSink* sink, int n, unsigned seed);

}  // namespace modbot::sample

#endif  // MODBOT_SAMPLE_COMMON_SAMPLE_CONTENT_H_
