// Huge-page allocation and advice through madvise where Linux offers it; plain allocation
// elsewhere.
#include "base/huge_pages.h"

#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace fms::base {
namespace {

constexpr std::uintptr_t kSmallPageBytes = 4096;
// Linux 5.14; older C libraries do not name it, and older kernels answer EINVAL.
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
constexpr int kPopulateWrite = MADV_POPULATE_WRITE;
#else
constexpr int kPopulateWrite = 23;
#endif

std::size_t rounded(std::size_t bytes) {
  return (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
}

// Advice only: a refusal leaves ordinary pages, which are correct, just slower.
void advise(std::uintptr_t from, std::uintptr_t to, [[maybe_unused]] int advice) {
#if defined(__linux__)
  if (from < to) (void)madvise(reinterpret_cast<void*>(from), to - from, advice);
#else
  (void)from;
  (void)to;
#endif
}

}  // namespace

void* allocate_huge(std::size_t bytes) {
  void* pointer = ::operator new (rounded(bytes), std::align_val_t{kHugePageBytes});
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  const auto at = reinterpret_cast<std::uintptr_t>(pointer);
  advise(at, at + rounded(bytes), MADV_HUGEPAGE);
#endif
  return pointer;
}

void release_huge(void* pointer, std::size_t bytes) {
  ::operator delete (pointer, rounded(bytes), std::align_val_t{kHugePageBytes});
}

void advise_huge_pages(const void* data, std::size_t bytes) {
  if (data == nullptr || bytes < kHugePageMinimumBytes) return;
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t end = begin + bytes;
  const std::uintptr_t first = (begin + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
  const std::uintptr_t last = end & ~(kHugePageBytes - 1);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  advise(first, last, MADV_HUGEPAGE);
#endif
#if defined(__linux__)
  // The ragged ends stay in small pages; faulting them in with one call each avoids a trap per
  // page.
  const std::uintptr_t page_begin = begin & ~(kSmallPageBytes - 1);
  const std::uintptr_t page_end = (end + kSmallPageBytes - 1) & ~(kSmallPageBytes - 1);
  if (first < last) {
    advise(page_begin, first, kPopulateWrite);
    advise(last, page_end, kPopulateWrite);
  } else {
    advise(page_begin, page_end, kPopulateWrite);
  }
#endif
}

void populate_huge_pages(void* data, std::size_t bytes) {
  if (data == nullptr || bytes < kPopulateMinimumBytes) return;
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first = (begin + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
  const std::uintptr_t last = (begin + bytes) & ~(kHugePageBytes - 1);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  advise(first, last, MADV_HUGEPAGE);
#endif
  // The whole range in one call spares a fault per page; the buffer is about to be written in
  // full anyway. The advice never changes the contents of memory already in use.
  const std::uintptr_t page_first = (begin + kSmallPageBytes - 1) & ~(kSmallPageBytes - 1);
  const std::uintptr_t page_last = (begin + bytes) & ~(kSmallPageBytes - 1);
  advise(page_first, page_last, kPopulateWrite);
}

void reserve_large(std::string& buffer, std::size_t bytes) {
  buffer.clear();
  buffer.reserve(bytes);
  populate_huge_pages(buffer.data(), bytes);
}

}  // namespace fms::base
