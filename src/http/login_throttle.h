// Backoff and temporary lockout after failed sign-ins, per user name.
//
// The first `free_failures` failures cost nothing. Each later attempt must wait
// first_delay * 2^(failures - free_failures), capped at max_delay, after the last failure; after
// `lockout_failures` failures the name is locked for `lockout`. An attempt made while waiting or
// locked is refused without checking the password, so guessing gains nothing by hurrying. A
// success clears the record; a record with no failure for `forget_after` is forgotten.
// Unknown names are throttled exactly like real ones: the answer never says which exist.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>

#include "http/web_sessions.h"

namespace fms::http {

struct ThrottlePolicy {
  int free_failures = 3;
  std::chrono::seconds first_delay{1};
  std::chrono::seconds max_delay{60};
  int lockout_failures = 10;
  std::chrono::seconds lockout{15 * 60};
  std::chrono::seconds forget_after{60 * 60};
  std::size_t names_max = 100'000;  // records kept; the oldest go first
};

struct ThrottleVerdict {
  bool allowed = true;
  bool locked = false;  // refused because of the lockout (not merely the backoff)
  std::chrono::seconds retry_after{0};
};

class LoginThrottle {
 public:
  explicit LoginThrottle(ThrottlePolicy policy) : policy_(policy) {}

  [[nodiscard]] ThrottleVerdict check(const std::string& user, WallClock::time_point now) const;
  void failed(const std::string& user, WallClock::time_point now);
  void succeeded(const std::string& user);
  [[nodiscard]] const ThrottlePolicy& policy() const { return policy_; }

 private:
  struct Record {
    int failures = 0;
    WallClock::time_point last_failure;
  };
  [[nodiscard]] std::chrono::seconds wait_after(int failures) const;

  const ThrottlePolicy policy_;
  mutable std::mutex mutex_;  // guards records_
  std::map<std::string, Record> records_;
};

}  // namespace fms::http
