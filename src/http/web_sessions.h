// Signed-in browser sessions, kept in the server's memory.
//
// A session id is 32 random bytes (libsodium), sent as an HttpOnly, SameSite=Strict cookie; its
// CSRF token is another 32 random bytes, returned to the page at sign-in and required in the
// X-CSRF-Token header of every unsafe request made with the cookie. A session ends at sign-out,
// after `idle` without a request, `absolute` after sign-in, or when the user is disabled or
// changes password. Restarting the server signs everyone out: sessions are deliberately not
// stored, so a copied database holds no live credential.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace fms::http {

using WallClock = std::chrono::system_clock;

struct WebSession {
  std::string id;
  std::string user;
  std::string csrf_token;
  WallClock::time_point created;
  WallClock::time_point last_seen;
  // The password hash the user signed in with: once the book holds another, whoever changed
  // it (the API or the CLI, in another process), the session ends.
  std::string credential;
};

struct SessionPolicy {
  std::chrono::seconds idle{30 * 60};
  std::chrono::seconds absolute{12 * 60 * 60};
  std::size_t sessions_max = 10'000;  // the least recently used session goes first
};

// 2 * bytes lower-case hex digits from libsodium's generator.
std::string random_hex(std::size_t bytes);

class WebSessions {
 public:
  explicit WebSessions(SessionPolicy policy) : policy_(policy) {}

  WebSession create(const std::string& user, WallClock::time_point now,
                    std::string credential = {});
  // The live session with this id, its last_seen moved to `now`; nullopt (and the session
  // forgotten) when it is unknown or expired.
  std::optional<WebSession> touch(const std::string& id, WallClock::time_point now);
  void end(const std::string& id);
  // How many ended.
  std::size_t end_all_of(const std::string& user);
  [[nodiscard]] std::size_t size() const;
  [[nodiscard]] const SessionPolicy& policy() const { return policy_; }

 private:
  [[nodiscard]] bool expired(const WebSession& session, WallClock::time_point now) const;

  const SessionPolicy policy_;
  mutable std::mutex mutex_;  // guards sessions_
  std::map<std::string, WebSession> sessions_;
};

}  // namespace fms::http
