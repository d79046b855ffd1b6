// Failed sign-ins, counted per source address and time window for the audit stream.
//
// Every failed or throttled sign-in is worth knowing about, but one permanent event each would
// let an anonymous client grow the append-only log without bound. So failures are counted in
// memory per source and window (`window`, a minute by default) and written as one
// audit.logins_failed event per source and window, with the count, the reasons and the first
// user names tried. A window is written once it has ended (`take_ended`, called as requests
// come in) or when the server stops (`take_all`). Memory is bounded too: at most
// `sources_max` sources per window are told apart; the rest are counted together.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "http/web_sessions.h"

namespace fms::http {

inline constexpr std::size_t kFailedSignInUsersMax = 20;  // user names kept per summary

struct FailedSignInSummary {
  std::string remote;  // "(other sources)" past the limit
  WallClock::time_point from;
  WallClock::time_point to;
  std::int64_t failures = 0;
  std::vector<std::string> users;  // distinct, the first kFailedSignInUsersMax
  std::map<std::string, std::int64_t> reasons;
};

class FailedSignIns {
 public:
  FailedSignIns(std::chrono::seconds window, std::size_t sources_max)
      : window_(window), sources_max_(sources_max) {}

  void add(const std::string& remote, const std::string& user, const std::string& reason,
           WallClock::time_point now);
  // The summaries of windows that ended by `now`, and forgets them.
  std::vector<FailedSignInSummary> take_ended(WallClock::time_point now);
  std::vector<FailedSignInSummary> take_all();

 private:
  const std::chrono::seconds window_;
  const std::size_t sources_max_;
  std::mutex mutex_;                                                   // guards open_
  std::map<std::string, FailedSignInSummary> open_;                    // by remote
  WallClock::time_point earliest_end_ = WallClock::time_point::max();  // of the open windows
};

}  // namespace fms::http
