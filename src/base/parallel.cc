// Starting threads for one call, and sharing work between them (see parallel.h).
#include "base/parallel.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <numeric>
#include <system_error>
#include <thread>
#include <vector>

namespace fms::base {
namespace {

void run_all(std::span<const WeightedJob> jobs, std::span<const std::size_t> indexes) {
  for (std::size_t i : indexes) jobs[i].run();
}

}  // namespace

void run_in_parallel(std::size_t count, const std::function<void(std::size_t)>& task) {
  if (count == 0) return;
  std::vector<std::thread> threads;
  std::size_t started = 1;
  try {
    threads.reserve(count);
    for (; started < count; ++started) threads.emplace_back(task, started);
  } catch (const std::system_error&) {
    // No more threads to be had: the calling thread does the rest itself.
  }
  task(0);
  for (std::size_t i = started; i < count; ++i) task(i);
  for (std::thread& thread : threads) thread.join();
}

void run_tasks(std::span<const std::function<void()>> tasks, unsigned threads) {
  std::atomic<std::size_t> next{0};
  run_in_parallel(std::min<std::size_t>(threads, tasks.size()), [&](std::size_t) {
    for (std::size_t i = next++; i < tasks.size(); i = next++) tasks[i]();
  });
}

void run_on_two_threads(std::span<const WeightedJob> jobs, std::uint64_t parallel_min_weight,
                        const std::function<void()>& caller_first,
                        std::uint64_t caller_first_weight) {
  std::vector<std::size_t> order(jobs.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::uint64_t total_weight = 0;
  for (const WeightedJob& job : jobs) total_weight += job.weight;

  if (total_weight < parallel_min_weight || jobs.size() < 2) {
    if (caller_first) caller_first();
    run_all(jobs, order);
    return;
  }

  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return jobs[a].weight > jobs[b].weight; });
  std::array<std::vector<std::size_t>, 2> shares;  // 0: the calling thread, 1: the helper
  std::array<std::uint64_t, 2> share_weight{caller_first ? caller_first_weight : 0, 0};
  for (std::size_t i : order) {
    const std::size_t lighter = share_weight[0] <= share_weight[1] ? 0 : 1;
    shares[lighter].push_back(i);
    share_weight[lighter] += jobs[i].weight;
  }
  run_in_parallel(2, [&](std::size_t share) {
    if (share == 0 && caller_first) caller_first();
    run_all(jobs, shares[share]);
  });
}

}  // namespace fms::base
