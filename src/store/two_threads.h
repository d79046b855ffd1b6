// Sharing independent jobs (hashing or copying one column each) between the calling thread and
// one helper thread. fmsledger targets two-core machines, so two threads is the whole budget;
// a pool would add nothing but lifetime questions.
#pragma once

#include <cstdint>
#include <functional>
#include <span>

namespace fms::store {

struct WeightedJob {
  std::uint64_t weight = 0;  // relative cost, e.g. the bytes it touches
  std::function<void()> run;
};

// Runs every job exactly once and returns when all have finished. When the jobs weigh less than
// `parallel_min_weight` in total, or no thread can be started, the calling thread runs them all;
// otherwise the jobs are shared out, heaviest first, each to the thread with less work so far,
// and both threads run their share. `caller_first`, if given, runs on the calling thread before
// its share and counts as `caller_first_weight` of its work. Jobs must not touch each other's data.
void run_on_two_threads(std::span<const WeightedJob> jobs, std::uint64_t parallel_min_weight,
                        const std::function<void()>& caller_first = nullptr,
                        std::uint64_t caller_first_weight = 0);

}  // namespace fms::store
