// The two halves of a row pass, on the calling thread and one more (base/parallel.h).
#include "recon/parallel.h"

#include "base/parallel.h"

namespace fms::recon {

void for_each_worker(std::size_t rows, const std::function<void(std::size_t worker)>& work) {
  if (rows < kMinRowsForWorkers) {
    for (std::size_t w = 0; w < kWorkers; ++w) work(w);
    return;
  }
  base::run_in_parallel(kWorkers, work);
}

}  // namespace fms::recon
