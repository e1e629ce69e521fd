// The posts a forum's webhooks announced, kept in the store until judged, and the
// event ids already taken, so that a delivery seen twice (the forum's retry, or a
// resend from its admin page) is dropped even across a restart.
//
// The webhook listener (bot/webhook_server.h) writes here on its own store
// connection and wakes the daemon, which judges the queue (bot/daemon.h). A post
// pushed again before it was judged is queued once, with its newest text.
#ifndef MODBOT_BOT_WEBHOOK_QUEUE_H_
#define MODBOT_BOT_WEBHOOK_QUEUE_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;

namespace modbot {

// How long an event id is remembered: longer than Discourse goes on retrying a
// failed delivery (Jobs::EmitWebHookEvent: 4 retries, 1 + 5 + 25 + 125 minutes).
inline constexpr std::chrono::hours kWebhookEventMemory{24 * 7};

// The tables, created if need be. Called by Store::Open inside its migration.
bool MigrateWebhookQueue(sqlite3* db, std::string* error);

// In one transaction: remembers event_id and queues post (the forum's post object,
// as text) under post_id. *repeated, and nothing queued, when event_id was taken
// within kWebhookEventMemory.
bool QueueWebhookPost(sqlite3* db, const std::string& event_id, const std::string& post_id,
                      const std::string& post, int64_t now, bool* repeated, std::string* error);

struct QueuedPost {
  int64_t id = 0;  // grows with each push, never reused
  std::string post_id;
  std::string post;
};

// The queue, oldest push first.
bool QueuedWebhookPosts(sqlite3* db, std::vector<QueuedPost>* out, std::string* error);

// Takes the post off the queue, unless it was pushed again since it was read.
bool DropWebhookPost(sqlite3* db, const QueuedPost& post, std::string* error);

}  // namespace modbot

#endif  // MODBOT_BOT_WEBHOOK_QUEUE_H_
