// Sharing jobs between two threads: every job runs exactly once, small batches stay on the
// calling thread, large ones use a helper, and the caller's head start is counted.
#include "base/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace fms::base {
namespace {

struct Recorder {
  std::mutex mutex;
  std::vector<std::thread::id> thread_of;  // by job
  std::vector<int> runs;                   // by job

  explicit Recorder(std::size_t jobs) : thread_of(jobs), runs(jobs, 0) {}
  std::vector<WeightedJob> jobs(const std::vector<std::uint64_t>& weights) {
    std::vector<WeightedJob> out;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      out.push_back({weights[i], [this, i] {
                       std::lock_guard lock(mutex);
                       thread_of[i] = std::this_thread::get_id();
                       ++runs[i];
                     }});
    }
    return out;
  }
};

TEST(TwoThreadsTest, LightBatchesRunOnTheCallingThread) {
  Recorder recorder(3);
  int first_runs = 0;
  run_on_two_threads(
      recorder.jobs({10, 20, 30}), 100, [&] { ++first_runs; }, 50);
  EXPECT_EQ(first_runs, 1);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(recorder.runs[i], 1);
    EXPECT_EQ(recorder.thread_of[i], std::this_thread::get_id());
  }
}

TEST(TwoThreadsTest, HeavyBatchesShareTheWorkWithAHelper) {
  Recorder recorder(4);
  run_on_two_threads(recorder.jobs({40, 30, 20, 10}), 100);  // exactly at the threshold
  for (int runs : recorder.runs) EXPECT_EQ(runs, 1);
  // Heaviest first, each to the lighter share: 40 -> caller, 30 -> helper, 20 -> helper,
  // 10 -> caller (40 vs 50).
  const auto caller = std::this_thread::get_id();
  EXPECT_EQ(recorder.thread_of[0], caller);
  EXPECT_NE(recorder.thread_of[1], caller);
  EXPECT_EQ(recorder.thread_of[2], recorder.thread_of[1]);
  EXPECT_EQ(recorder.thread_of[3], caller);
}

TEST(TwoThreadsTest, TheCallersHeadStartShiftsWorkToTheHelper) {
  Recorder recorder(3);
  std::thread::id first_thread;
  run_on_two_threads(
      recorder.jobs({50, 30, 20}), 100, [&] { first_thread = std::this_thread::get_id(); }, 60);
  const auto caller = std::this_thread::get_id();
  EXPECT_EQ(first_thread, caller);
  // The caller starts at 60 and the helper at 0: 50 -> helper (50), 30 -> helper (80),
  // 20 -> caller (60 <= 80).
  EXPECT_NE(recorder.thread_of[0], caller);
  EXPECT_NE(recorder.thread_of[1], caller);
  EXPECT_EQ(recorder.thread_of[2], caller);
}

TEST(TwoThreadsTest, JustBelowTheThresholdStaysOnOneThread) {
  Recorder recorder(2);
  run_on_two_threads(recorder.jobs({50, 49}), 100);
  EXPECT_EQ(recorder.thread_of[0], std::this_thread::get_id());
  EXPECT_EQ(recorder.thread_of[1], std::this_thread::get_id());
}

TEST(RunInParallel, EveryIndexRunsOnceAndTheFirstOnTheCallingThread) {
  std::mutex mutex;
  std::vector<int> runs(5, 0);
  std::vector<std::thread::id> thread_of(5);
  run_in_parallel(5, [&](std::size_t i) {
    std::lock_guard lock(mutex);
    ++runs[i];
    thread_of[i] = std::this_thread::get_id();
  });
  EXPECT_EQ(runs, std::vector<int>(5, 1));
  EXPECT_EQ(thread_of[0], std::this_thread::get_id());
  EXPECT_NE(thread_of[1], std::this_thread::get_id());
  run_in_parallel(0, [&](std::size_t) { ADD_FAILURE() << "no task to run"; });
}

TEST(RunTasks, EveryTaskRunsOnceOnAtMostTheThreadsAsked) {
  std::mutex mutex;
  std::set<std::thread::id> threads;
  std::vector<int> runs(9, 0);
  std::vector<std::function<void()>> tasks;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    tasks.emplace_back([&, i] {
      std::lock_guard lock(mutex);
      ++runs[i];
      threads.insert(std::this_thread::get_id());
    });
  }
  run_tasks(tasks, 2);
  EXPECT_EQ(runs, std::vector<int>(9, 1));
  EXPECT_LE(threads.size(), 2U);
}

}  // namespace
}  // namespace fms::base
