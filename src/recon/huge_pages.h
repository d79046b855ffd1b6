// Backing large working arrays with huge pages.
//
// Reconciliation touches tens of megabytes of fresh memory per run (hash table, per-row state,
// the match list). The first touch of every 4 KiB page is a page fault, and on virtualised hosts
// a fault can cost tens of microseconds: measured at about 18 us, i.e. some 150 ms for 32 MiB,
// more than all the matching work. Asking the kernel for transparent huge pages (2 MiB) on such an
// array, before it is first touched, cuts that to a few milliseconds. The request is advice: where
// the kernel does not support it, nothing changes but the speed.
#pragma once

#include <cstddef>
#include <vector>

namespace fms::recon {

// Advises the kernel to back the 2 MiB-aligned part of [data, data + bytes) with huge pages.
void advise_huge_pages(const void* data, std::size_t bytes);

// Gives `v` room for `count` elements, advised for huge pages before anything is written there.
template <typename T>
void reserve_in_huge_pages(std::vector<T>& v, std::size_t count) {
  v.reserve(count);
  advise_huge_pages(v.data(), v.capacity() * sizeof(T));
}

// `count` copies of `value` in huge pages.
template <typename T>
std::vector<T> filled_in_huge_pages(std::size_t count, const T& value) {
  std::vector<T> v;
  reserve_in_huge_pages(v, count);
  v.assign(count, value);
  return v;
}

}  // namespace fms::recon
