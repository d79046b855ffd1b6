#include "http/login_throttle.h"

#include <algorithm>

namespace fms::http {

std::chrono::seconds LoginThrottle::wait_after(int failures) const {
  if (failures >= policy_.lockout_failures) return policy_.lockout;
  if (failures < policy_.free_failures) return std::chrono::seconds(0);
  const int doublings = std::min(failures - policy_.free_failures, 30);
  const auto delay = policy_.first_delay * (std::int64_t{1} << doublings);
  return std::min<std::chrono::seconds>(delay, policy_.max_delay);
}

ThrottleVerdict LoginThrottle::check(const std::string& user, WallClock::time_point now) const {
  const std::lock_guard lock(mutex_);
  const auto it = records_.find(user);
  if (it == records_.end()) return {};
  const auto wait = wait_after(it->second.failures);
  const auto until = it->second.last_failure + wait;
  if (now >= until) return {};
  const auto remaining = std::chrono::ceil<std::chrono::seconds>(until - now);
  return ThrottleVerdict{false, it->second.failures >= policy_.lockout_failures, remaining};
}

void LoginThrottle::failed(const std::string& user, WallClock::time_point now) {
  const std::lock_guard lock(mutex_);
  if (records_.size() >= policy_.names_max && records_.find(user) == records_.end()) {
    for (auto it = records_.begin(); it != records_.end();) {
      it = now - it->second.last_failure >= policy_.forget_after ? records_.erase(it)
                                                                 : std::next(it);
    }
    if (records_.size() >= policy_.names_max) {
      records_.erase(
          std::min_element(records_.begin(), records_.end(), [](const auto& a, const auto& b) {
            return a.second.last_failure < b.second.last_failure;
          }));
    }
  }
  Record& record = records_[user];
  if (record.failures > 0 && now - record.last_failure >= policy_.forget_after) record.failures = 0;
  ++record.failures;
  record.last_failure = now;
}

void LoginThrottle::succeeded(const std::string& user) {
  const std::lock_guard lock(mutex_);
  records_.erase(user);
}

}  // namespace fms::http
