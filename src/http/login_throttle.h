// Throttling failed sign-ins, per source address and per account.
//
// Guessing passwords is slowed where it comes from: each source address may fail
// `source_free_failures` times, then waits source_first_delay * 2^(extra failures), up to
// source_max_delay, after its last failure. An account under attack from many addresses gets a
// short delay of its own (account_first_delay doubling up to account_max_delay) but is never
// locked: its real user, from their own address, waits seconds at most and then signs in.
//
// An attempt is a reservation, taken under the lock before the password is checked, and counts
// as a failure until `succeeded` gives it back; so concurrent attempts are checked one at a
// time past the free ones, never all at once. An attempt refused for waiting is not checked at
// all, so hurrying gains nothing. Unknown names are throttled exactly like real ones: the answer
// never says which exist. Records with no failure for `forget_after` are forgotten, and at most
// `records_max` are kept (the oldest go first).
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>

#include "http/web_sessions.h"

namespace fms::http {

struct ThrottlePolicy {
  int source_free_failures = 5;
  std::chrono::seconds source_first_delay{1};
  std::chrono::seconds source_max_delay{15 * 60};
  int account_free_failures = 5;
  std::chrono::seconds account_first_delay{1};
  std::chrono::seconds account_max_delay{30};
  std::chrono::seconds forget_after{60 * 60};
  std::size_t records_max = 100'000;  // per kind (sources, accounts)
};

struct ThrottleVerdict {
  bool allowed = true;
  std::chrono::seconds retry_after{0};
};

class LoginThrottle {
 public:
  explicit LoginThrottle(ThrottlePolicy policy) : policy_(policy) {}

  // Whether the password of `user` may be checked now for `source`; when it may, the attempt
  // is reserved (counted as a failure of both until `succeeded`).
  ThrottleVerdict begin(const std::string& user, const std::string& source,
                        WallClock::time_point now);
  // The reserved attempt succeeded: the account's failures are cleared and the source's
  // reservation given back.
  void succeeded(const std::string& user, const std::string& source);
  [[nodiscard]] const ThrottlePolicy& policy() const { return policy_; }

 private:
  struct Record {
    int failures = 0;
    WallClock::time_point last_failure;
  };
  using Records = std::map<std::string, Record>;
  [[nodiscard]] std::chrono::seconds wait(const Record& record, int free_failures,
                                          std::chrono::seconds first,
                                          std::chrono::seconds max) const;
  void make_room(Records& records, const std::string& key, WallClock::time_point now) const;

  const ThrottlePolicy policy_;
  std::mutex mutex_;  // guards sources_ and accounts_
  Records sources_;
  Records accounts_;
};

}  // namespace fms::http
