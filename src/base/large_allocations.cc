// Large allocations in transparent huge pages, for the whole process: the replacement of the
// global operator new that every fmsledger executable links explicitly (the fms_allocator
// library: the CLI and its server, every test binary, the benchmarks), so that tests and the
// server run on the allocator the CLI runs on.
//
// Importing and reconciling millions of rows fills hundreds of megabytes of fresh memory, and
// the first touch of every 4 KiB page is a page fault. On virtual machines a fault costs
// microseconds (about 18 us measured on the reference machine): 300 MB of columns cost more in
// faults than all the parsing and matching together. Linux backs memory with 2 MiB pages where
// the program asks for them (madvise MADV_HUGEPAGE; the common "madvise" THP setting) and then
// takes one fault per 2 MiB. Every std::vector and std::string the program grows goes through
// operator new, so replacing it here covers them all: blocks of kLargeAllocationBytes or more
// are 2 MiB-aligned, rounded up to whole huge pages and advised before first use; smaller ones
// come from malloc unchanged. Both are released with free(), which accepts either.
//
// The advice is a hint: a kernel without transparent huge pages ignores it and nothing changes
// but the speed. Sanitizer builds keep their own operator new (which checks new/delete pairing).
#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <new>

#include "base/huge_pages.h"

#if defined(__SANITIZE_ADDRESS__)
#define FMS_KEEP_DEFAULT_NEW 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FMS_KEEP_DEFAULT_NEW 1
#endif
#endif

#if !defined(FMS_KEEP_DEFAULT_NEW)

namespace {

using fms::base::kHugePageBytes;
// Below this, rounding up to whole huge pages wastes more than the faults it saves.
constexpr std::size_t kLargeAllocationBytes = std::size_t{4} << 20;

void* allocate_or_null(std::size_t size) noexcept {
  if (size < kLargeAllocationBytes) return std::malloc(size == 0 ? 1 : size);
  const std::size_t rounded = (size + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
  if (rounded < size) return nullptr;  // overflow
  void* block = std::aligned_alloc(kHugePageBytes, rounded);
  if (block != nullptr) static_cast<void>(madvise(block, rounded, MADV_HUGEPAGE));
  return block;
}

void* allocate(std::size_t size) {
  for (;;) {
    if (void* block = allocate_or_null(size)) return block;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

}  // namespace

void* operator new(std::size_t size) {
  return allocate(size);
}
void* operator new[](std::size_t size) {
  return allocate(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* block) noexcept {
  std::free(block);
}
void operator delete[](void* block) noexcept {
  std::free(block);
}
void operator delete(void* block, std::size_t) noexcept {
  std::free(block);
}
void operator delete[](void* block, std::size_t) noexcept {
  std::free(block);
}
void operator delete(void* block, const std::nothrow_t&) noexcept {
  std::free(block);
}
void operator delete[](void* block, const std::nothrow_t&) noexcept {
  std::free(block);
}

#endif
