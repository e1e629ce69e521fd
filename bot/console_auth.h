// ConsoleAuth: who is signed in to the review console.
//
// A moderator signs in with the token the token file gives them (compared in
// constant time against every token, so timing tells nothing of which one nearly
// matched) and gets a session: a random 256-bit id for the cookie, and a random
// CSRF token that every form of that session must carry back. Sessions live in
// memory only: a restart of the daemon signs everyone out, which loses nothing.
// The token file can be replaced while running (Replace): a moderator whose token
// is gone or changed is signed out at once. Thread-safe.
#ifndef MODBOT_BOT_CONSOLE_AUTH_H_
#define MODBOT_BOT_CONSOLE_AUTH_H_

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/console_config.h"

namespace modbot {

// A decision just taken, shown once on the next page of the session.
struct Flash {
  std::string kind;  // "approved", "removed", "restored", "kept"
  std::string post_id;
};

struct ConsoleSession {
  std::string moderator;
  std::string csrf_token;
  int64_t expires_at = 0;  // millis
  std::optional<Flash> flash;
};

class ConsoleAuth {
 public:
  ConsoleAuth(std::vector<ModeratorToken> moderators, std::chrono::minutes lifetime);

  struct SignedIn {
    std::string moderator;
    std::string session_id;  // for the cookie
  };
  // Opens a session for the moderator whose token this is, or returns nullopt.
  std::optional<SignedIn> SignIn(std::string_view token, int64_t now);

  // Takes moderators in place of the current ones and closes every session of a
  // moderator who is no longer among them with the same token. Returns the names
  // of the moderators signed out that way.
  std::vector<std::string> Replace(std::vector<ModeratorToken> moderators);

  // The live session with this id, or nullopt (unknown or expired).
  std::optional<ConsoleSession> Find(std::string_view id, int64_t now);
  void SetFlash(std::string_view id, Flash flash);
  // Returns the session's flash and forgets it.
  std::optional<Flash> TakeFlash(std::string_view id);
  void Close(std::string_view id);

 private:
  std::chrono::milliseconds lifetime_;
  std::mutex mu_;
  std::vector<ModeratorToken> moderators_;
  std::map<std::string, ConsoleSession, std::less<>> sessions_;
};

// a == b, in a time that depends on the lengths only.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// 32 bytes from the kernel's random source, as 64 hex digits.
std::string RandomHexToken();

}  // namespace modbot

#endif  // MODBOT_BOT_CONSOLE_AUTH_H_
