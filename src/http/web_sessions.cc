#include "http/web_sessions.h"

#include <sodium.h>

#include <algorithm>
#include <vector>

namespace fms::http {

std::string random_hex(std::size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
  hex.pop_back();
  return hex;
}

WebSession WebSessions::create(const std::string& user, WallClock::time_point now,
                               std::string credential) {
  WebSession session{random_hex(32), user, random_hex(32), now, now, std::move(credential)};
  const std::lock_guard lock(mutex_);
  if (sessions_.size() >= policy_.sessions_max) {
    for (auto it = sessions_.begin(); it != sessions_.end();) {
      it = expired(it->second, now) ? sessions_.erase(it) : std::next(it);
    }
    while (sessions_.size() >= policy_.sessions_max) {
      sessions_.erase(std::min_element(
          sessions_.begin(), sessions_.end(),
          [](const auto& a, const auto& b) { return a.second.last_seen < b.second.last_seen; }));
    }
  }
  sessions_.emplace(session.id, session);
  return session;
}

std::optional<WebSession> WebSessions::touch(const std::string& id, WallClock::time_point now) {
  const std::lock_guard lock(mutex_);
  const auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  if (expired(it->second, now)) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.last_seen = now;
  return it->second;
}

void WebSessions::end(const std::string& id) {
  const std::lock_guard lock(mutex_);
  sessions_.erase(id);
}

std::size_t WebSessions::end_all_of(const std::string& user) {
  const std::lock_guard lock(mutex_);
  return std::erase_if(sessions_, [&](const auto& entry) { return entry.second.user == user; });
}

std::size_t WebSessions::size() const {
  const std::lock_guard lock(mutex_);
  return sessions_.size();
}

bool WebSessions::expired(const WebSession& session, WallClock::time_point now) const {
  return now - session.last_seen >= policy_.idle || now - session.created >= policy_.absolute;
}

}  // namespace fms::http
