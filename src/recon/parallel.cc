// Starting the second worker, or running its share inline when no thread can be had.
#include "recon/parallel.h"

#include <system_error>
#include <thread>

namespace fms::recon {

static_assert(kWorkers == 2, "for_each_worker starts exactly one extra thread");

void for_each_worker(std::size_t rows, const std::function<void(std::size_t worker)>& work) {
  if (rows < kMinRowsForWorkers) {
    for (std::size_t w = 0; w < kWorkers; ++w) work(w);
    return;
  }
  std::thread second;
  try {
    second = std::thread(work, std::size_t{1});
  } catch (const std::system_error&) {
    // No thread to be had (resource limits): the calling thread does both shares.
    work(0);
    work(1);
    return;
  }
  work(0);
  second.join();
}

}  // namespace fms::recon
