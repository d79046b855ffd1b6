// Backing large working arrays and buffers with huge pages.
//
// Reconciliation touches tens of megabytes of fresh memory per run (partitioned records, per-row
// state, the match list). The first touch of every 4 KiB page is a page fault, and on virtualised
// hosts a fault can cost tens of microseconds: measured at about 18 us, i.e. some 140 ms for
// 40 MiB, more than all the matching work. Transparent huge pages (2 MiB) cut that to a few
// milliseconds, but only for 2 MiB-aligned stretches of memory that the kernel was asked to back
// that way before their first touch. So:
//  - working arrays of kHugePageMinimumBytes or more are allocated 2 MiB-aligned, rounded up to
//    whole huge pages and advised (HugePageAllocator, HugeVector, HugeArray);
//  - a std::vector handed back to a caller (the match list) cannot be aligned, so
//    reserve_in_huge_pages advises its aligned middle and pre-faults its two ragged ends in one
//    system call each.
//  - a buffer about to be written in full (a whole segment, a decoded column) is advised and all
//    its pages populated in one call before the first byte is written (reserve_large,
//    resize_large): filling a fresh 100 MB buffer measured 270 ms with 4 KiB faults against
//    17 ms in huge pages.
// All of it is advice: where the kernel does not support it, nothing changes but the speed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

namespace fms::base {

inline constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;
// Smaller arrays come from the ordinary allocator: rounding them up to 2 MiB would waste memory,
// and their few page faults cost little.
inline constexpr std::size_t kHugePageMinimumBytes = std::size_t{512} << 10;

// Memory for `bytes` bytes: 2 MiB-aligned, rounded up to whole huge pages, advised for huge
// pages. Released with release_huge(pointer, bytes).
void* allocate_huge(std::size_t bytes);
void release_huge(void* pointer, std::size_t bytes);

// Advises the kernel to back the 2 MiB-aligned part of [data, data + bytes) with huge pages and
// pre-faults the rest of its pages. Ranges under kHugePageMinimumBytes are left alone.
void advise_huge_pages(const void* data, std::size_t bytes);

// Below this size populating a buffer's pages costs more system time than the faults it saves.
inline constexpr std::size_t kPopulateMinimumBytes = std::size_t{4} << 20;

// Advises huge pages for the 2 MiB-aligned part of [data, data + bytes) and populates all of its
// pages in one call (MADV_POPULATE_WRITE), for a buffer about to be written in full; a no-op
// under kPopulateMinimumBytes or where the kernel does not support the advice.
void populate_huge_pages(void* data, std::size_t bytes);

// Makes `buffer` empty with capacity for `bytes`, populated as above; append() then fills it
// without a second pass over the memory.
void reserve_large(std::string& buffer, std::size_t bytes);

// Resizes an empty vector to `count` value-initialised elements, populated as above.
template <class T>
void resize_large(std::vector<T>& vector, std::size_t count) {
  vector.clear();
  vector.reserve(count);
  populate_huge_pages(vector.data(), count * sizeof(T));
  vector.resize(count);
}

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor)

  T* allocate(std::size_t count) {
    if (count * sizeof(T) < kHugePageMinimumBytes) return std::allocator<T>{}.allocate(count);
    return static_cast<T*>(allocate_huge(count * sizeof(T)));
  }
  void deallocate(T* pointer, std::size_t count) noexcept {
    if (count * sizeof(T) < kHugePageMinimumBytes) {
      std::allocator<T>{}.deallocate(pointer, count);
    } else {
      release_huge(pointer, count * sizeof(T));
    }
  }
  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
};

template <typename T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

// A fixed number of trivial elements, not initialised: for arrays every element of which is
// written before it is read, so that the memory is touched once, not twice.
template <typename T>
class HugeArray {
  static_assert(std::is_trivial_v<T>);

 public:
  HugeArray() = default;
  explicit HugeArray(std::size_t count)
      : data_(HugePageAllocator<T>{}.allocate(count)), count_(count) {}
  HugeArray(HugeArray&& other) noexcept : data_(other.data_), count_(other.count_) {
    other.data_ = nullptr;
    other.count_ = 0;
  }
  HugeArray& operator=(HugeArray&& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(count_, other.count_);
    return *this;
  }
  HugeArray(const HugeArray&) = delete;
  HugeArray& operator=(const HugeArray&) = delete;
  ~HugeArray() {
    if (data_ != nullptr) HugePageAllocator<T>{}.deallocate(data_, count_);
  }

  T* data() { return data_; }
  const T* data() const { return data_; }
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  [[nodiscard]] std::size_t size() const { return count_; }

 private:
  T* data_ = nullptr;
  std::size_t count_ = 0;
};

// `count` copies of `value`, in huge pages.
template <typename T>
HugeVector<T> filled_in_huge_pages(std::size_t count, const T& value) {
  return HugeVector<T>(count, value);
}

// Gives `v` (empty) room for `count` elements, advised for huge pages before anything is written.
template <typename T>
void reserve_in_huge_pages(std::vector<T>& v, std::size_t count) {
  v.reserve(count);
  advise_huge_pages(v.data(), v.capacity() * sizeof(T));
}

}  // namespace fms::base
