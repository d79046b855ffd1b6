// Greedy two-way split of weighted jobs (see two_threads.h).
#include "store/two_threads.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <system_error>
#include <thread>
#include <vector>

namespace fms::store {
namespace {

void run_all(std::span<const WeightedJob> jobs, std::span<const std::size_t> indexes) {
  for (std::size_t i : indexes) jobs[i].run();
}

}  // namespace

void run_on_two_threads(std::span<const WeightedJob> jobs, std::uint64_t parallel_min_weight,
                        const std::function<void()>& caller_first,
                        std::uint64_t caller_first_weight) {
  std::vector<std::size_t> order(jobs.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::uint64_t total_weight = 0;
  for (const WeightedJob& job : jobs) total_weight += job.weight;

  const auto alone = [&] {
    if (caller_first) caller_first();
    run_all(jobs, order);
  };
  if (total_weight < parallel_min_weight || jobs.size() < 2) return alone();

  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return jobs[a].weight > jobs[b].weight; });
  std::array<std::vector<std::size_t>, 2> shares;  // 0: the calling thread, 1: the helper
  std::array<std::uint64_t, 2> share_weight{caller_first ? caller_first_weight : 0, 0};
  for (std::size_t i : order) {
    const std::size_t lighter = share_weight[0] <= share_weight[1] ? 0 : 1;
    shares[lighter].push_back(i);
    share_weight[lighter] += jobs[i].weight;
  }

  std::thread helper;
  try {
    helper = std::thread([&] { run_all(jobs, shares[1]); });
  } catch (const std::system_error&) {
    std::sort(order.begin(), order.end());
    return alone();  // no thread to be had (resource limits): the same work, in one thread
  }
  if (caller_first) caller_first();
  run_all(jobs, shares[0]);
  helper.join();
}

}  // namespace fms::store
