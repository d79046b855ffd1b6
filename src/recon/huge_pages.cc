// madvise(MADV_HUGEPAGE) where Linux offers it; a no-op elsewhere.
#include "recon/huge_pages.h"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace fms::recon {
namespace {

constexpr std::uintptr_t kHugePageBytes = std::uintptr_t{2} << 20;
// Below this an array is not worth a system call.
constexpr std::size_t kAdviseMinimumBytes = 2 * kHugePageBytes;

}  // namespace

void advise_huge_pages(const void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (data == nullptr || bytes < kAdviseMinimumBytes) return;
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first = (begin + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
  const std::uintptr_t last = (begin + bytes) & ~(kHugePageBytes - 1);
  if (first >= last) return;
  // Advice only: a refusal leaves ordinary pages, which are correct, just slower.
  (void)madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

}  // namespace fms::recon
