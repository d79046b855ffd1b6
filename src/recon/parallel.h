// Two-way parallelism for the bulk passes.
//
// Reconciliation splits its row passes into two halves run side by side: the machines it runs on
// have few cores, and two workers already halve the passes that dominate (base/parallel.h starts
// them).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

namespace fms::recon {

inline constexpr std::size_t kWorkers = 2;
// Below this many rows a pass is not worth a thread.
inline constexpr std::size_t kMinRowsForWorkers = 16'384;

// Runs work(0) and work(1), in parallel when `rows` is at least kMinRowsForWorkers.
void for_each_worker(std::size_t rows, const std::function<void(std::size_t worker)>& work);

// The first row of worker `worker`'s share of [0, rows).
inline std::uint32_t worker_begin(std::size_t worker, std::size_t rows) {
  return static_cast<std::uint32_t>(rows * worker / kWorkers);
}

}  // namespace fms::recon
