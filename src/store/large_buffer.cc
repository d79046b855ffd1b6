// Huge-page advice for large buffers (see large_buffer.h for why).
#include "store/large_buffer.h"

#include <sys/mman.h>

#include <cstdint>

namespace fms::store {
namespace {

constexpr std::uintptr_t kHugePageBytes = std::uintptr_t{2} << 20;  // x86-64 and arm64 PMD size
constexpr std::uintptr_t kPageBytes = 4096;
// Linux 5.14; older C libraries do not name it.
#ifdef MADV_POPULATE_WRITE
constexpr int kMadvisePopulateWrite = MADV_POPULATE_WRITE;
#else
constexpr int kMadvisePopulateWrite = 23;
#endif

}  // namespace

void advise_huge_pages(void* data, std::size_t bytes) {
  if (data == nullptr || bytes < kHugePageAdviceMinBytes) return;
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first = (begin + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
  const std::uintptr_t last = (begin + bytes) & ~(kHugePageBytes - 1);
  // Advice only: a kernel without transparent huge pages (or older than 5.14, for
  // MADV_POPULATE_WRITE) answers EINVAL, and the buffer simply keeps faulting ordinary pages in
  // as it is written, so the results are deliberately ignored.
  if (last > first) {
    static_cast<void>(madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE));
  }
  // Populating the whole range in one call spares a fault per page; the buffer is about to be
  // written in full anyway. The advice never changes the contents of memory already in use.
  const std::uintptr_t page_first = (begin + kPageBytes - 1) & ~(kPageBytes - 1);
  const std::uintptr_t page_last = (begin + bytes) & ~(kPageBytes - 1);
  if (page_last > page_first) {
    static_cast<void>(madvise(reinterpret_cast<void*>(page_first), page_last - page_first,
                              kMadvisePopulateWrite));
  }
}

void reserve_large(std::string& buffer, std::size_t bytes) {
  buffer.clear();
  buffer.reserve(bytes);
  advise_huge_pages(buffer.data(), bytes);
}

}  // namespace fms::store
