#include "http/login_throttle.h"

#include <algorithm>

namespace fms::http {

std::chrono::seconds LoginThrottle::wait(const Record& record, int free_failures,
                                         std::chrono::seconds first,
                                         std::chrono::seconds max) const {
  if (record.failures < free_failures) return std::chrono::seconds(0);
  const int doublings = std::min(record.failures - free_failures, 30);
  return std::min<std::chrono::seconds>(first * (std::int64_t{1} << doublings), max);
}

void LoginThrottle::make_room(Records& records, const std::string& key,
                              WallClock::time_point now) const {
  if (records.size() < policy_.records_max || records.count(key) != 0) return;
  std::erase_if(records, [&](const auto& entry) {
    return now - entry.second.last_failure >= policy_.forget_after;
  });
  if (records.size() >= policy_.records_max) {
    records.erase(
        std::min_element(records.begin(), records.end(), [](const auto& a, const auto& b) {
          return a.second.last_failure < b.second.last_failure;
        }));
  }
}

ThrottleVerdict LoginThrottle::begin(const std::string& user, const std::string& source,
                                     WallClock::time_point now) {
  const std::lock_guard lock(mutex_);
  const auto remaining = [&](const Records& records, const std::string& key, int free_failures,
                             std::chrono::seconds first, std::chrono::seconds max) {
    const auto it = records.find(key);
    if (it == records.end() || now - it->second.last_failure >= policy_.forget_after) {
      return std::chrono::seconds(0);
    }
    const auto until = it->second.last_failure + wait(it->second, free_failures, first, max);
    return now >= until ? std::chrono::seconds(0)
                        : std::chrono::ceil<std::chrono::seconds>(until - now);
  };
  const auto source_wait = remaining(sources_, source, policy_.source_free_failures,
                                     policy_.source_first_delay, policy_.source_max_delay);
  const auto account_wait = remaining(accounts_, user, policy_.account_free_failures,
                                      policy_.account_first_delay, policy_.account_max_delay);
  if (source_wait.count() > 0 || account_wait.count() > 0) {
    return ThrottleVerdict{false, std::max(source_wait, account_wait)};
  }
  for (auto* records : {&sources_, &accounts_}) {
    const std::string& key = records == &sources_ ? source : user;
    make_room(*records, key, now);
    Record& record = (*records)[key];
    if (record.failures > 0 && now - record.last_failure >= policy_.forget_after) {
      record.failures = 0;
    }
    ++record.failures;
    record.last_failure = now;
  }
  return {};
}

void LoginThrottle::succeeded(const std::string& user, const std::string& source) {
  const std::lock_guard lock(mutex_);
  accounts_.erase(user);
  const auto it = sources_.find(source);
  if (it != sources_.end() && --it->second.failures <= 0) sources_.erase(it);
}

}  // namespace fms::http
