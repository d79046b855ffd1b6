#include "http/failed_sign_ins.h"

#include <algorithm>

namespace fms::http {

void FailedSignIns::add(const std::string& remote, const std::string& user,
                        const std::string& reason, WallClock::time_point now) {
  const std::lock_guard lock(mutex_);
  std::string key = remote;
  if (open_.count(key) == 0 && open_.size() >= sources_max_) key = "(other sources)";
  auto [it, opened] = open_.try_emplace(key);
  FailedSignInSummary& summary = it->second;
  if (opened) {
    summary.remote = key;
    summary.from = now;
    summary.to = now + window_;
    earliest_end_ = std::min(earliest_end_, summary.to);
  }
  ++summary.failures;
  ++summary.reasons[reason];
  if (summary.users.size() < kFailedSignInUsersMax &&
      std::find(summary.users.begin(), summary.users.end(), user) == summary.users.end()) {
    summary.users.push_back(user);
  }
}

std::vector<FailedSignInSummary> FailedSignIns::take_ended(WallClock::time_point now) {
  const std::lock_guard lock(mutex_);
  std::vector<FailedSignInSummary> ended;
  // Called on every request: nothing to look at until the earliest window ends.
  if (open_.empty() || now < earliest_end_) return ended;
  earliest_end_ = WallClock::time_point::max();
  for (auto it = open_.begin(); it != open_.end();) {
    if (it->second.to <= now) {
      ended.push_back(std::move(it->second));
      it = open_.erase(it);
    } else {
      earliest_end_ = std::min(earliest_end_, it->second.to);
      ++it;
    }
  }
  return ended;
}

std::vector<FailedSignInSummary> FailedSignIns::take_all() {
  const std::lock_guard lock(mutex_);
  std::vector<FailedSignInSummary> all;
  for (auto& [remote, summary] : open_) all.push_back(std::move(summary));
  open_.clear();
  return all;
}

}  // namespace fms::http
