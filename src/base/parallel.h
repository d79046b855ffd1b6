// Running independent work on more than one thread, the one way fmsledger does it.
//
// fmsledger targets two-core machines, so its parallel passes use two threads (the caller and
// one helper), and parsing uses at most a few. Threads are started for the call and joined before
// it returns: a pool would add nothing but lifetime questions. Where a thread cannot be started
// (resource limits), the calling thread does the work itself: the same result, just slower.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>

namespace fms::base {

// Runs task(0) .. task(count - 1), task(0) on the calling thread and each other on a thread of
// its own; returns when all have finished.
void run_in_parallel(std::size_t count, const std::function<void(std::size_t index)>& task);

// Runs every task once, on at most `threads` threads taking the next task as they finish one.
void run_tasks(std::span<const std::function<void()>> tasks, unsigned threads);

struct WeightedJob {
  std::uint64_t weight = 0;  // relative cost, e.g. the bytes it touches
  std::function<void()> run;
};

// Runs every job exactly once, on the calling thread and one helper, and returns when all have
// finished. When the jobs weigh less than `parallel_min_weight` in total, the calling thread runs
// them all; otherwise the jobs are shared out, heaviest first, each to the thread with less work
// so far. `caller_first`, if given, runs on the calling thread before its share and counts as
// `caller_first_weight` of its work. Jobs must not touch each other's data.
void run_on_two_threads(std::span<const WeightedJob> jobs, std::uint64_t parallel_min_weight,
                        const std::function<void()>& caller_first = nullptr,
                        std::uint64_t caller_first_weight = 0);

}  // namespace fms::base
