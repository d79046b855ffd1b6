// Tests for the huge-page allocation helpers: arrays from kHugePageMinimumBytes on are 2 MiB
// aligned (the condition for the kernel to back them with huge pages), smaller ones come from
// the ordinary allocator, and both hold what is written to them; advice on a std::vector leaves
// its contents alone.
#include "base/huge_pages.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

namespace fms::base {
namespace {

bool huge_aligned(const void* p) {
  return reinterpret_cast<std::uintptr_t>(p) % kHugePageBytes == 0;
}

TEST(HugePages, FromTheMinimumOnArraysAreHugePageAligned) {
  constexpr std::size_t kAtLimit = kHugePageMinimumBytes / sizeof(std::uint32_t);
  HugeVector<std::uint32_t> at_limit(kAtLimit, 7);
  EXPECT_TRUE(huge_aligned(at_limit.data()));
  HugeVector<std::uint32_t> below(kAtLimit - 1, 7);  // ordinary allocation, still usable
  std::iota(below.begin(), below.end(), 0U);
  EXPECT_EQ(below.back(), kAtLimit - 2);
  EXPECT_EQ(at_limit.front() + at_limit.back(), 14U);

  HugeArray<std::uint64_t> large(3 * kHugePageBytes / sizeof(std::uint64_t) + 5);
  EXPECT_TRUE(huge_aligned(large.data()));
  for (std::size_t i = 0; i < large.size(); ++i) large[i] = i;
  EXPECT_EQ(large[large.size() - 1], large.size() - 1);
  HugeArray<std::uint64_t> moved = std::move(large);
  EXPECT_EQ(moved.size(), 3 * kHugePageBytes / sizeof(std::uint64_t) + 5);
  EXPECT_EQ(large.size(), 0U);
}

TEST(HugePages, AdviceOnAVectorKeepsItsContents) {
  std::vector<std::uint32_t> v;
  reserve_in_huge_pages(v, 3 * kHugePageBytes / sizeof(std::uint32_t));
  EXPECT_GE(v.capacity(), 3 * kHugePageBytes / sizeof(std::uint32_t));
  v.resize(v.capacity());
  std::iota(v.begin(), v.end(), 0U);
  EXPECT_EQ(v[v.size() / 2], v.size() / 2);
  advise_huge_pages(v.data(), 0);  // nothing to advise
  advise_huge_pages(nullptr, kHugePageBytes);
}

TEST(HugePages, PopulatedBuffersKeepWhatIsWrittenToThem) {
  std::string buffer = "old";
  reserve_large(buffer, kPopulateMinimumBytes + 123);
  EXPECT_TRUE(buffer.empty());
  EXPECT_GE(buffer.capacity(), kPopulateMinimumBytes + 123);
  buffer.append(kPopulateMinimumBytes + 123, 'x');
  EXPECT_EQ(buffer.back(), 'x');
  std::vector<std::uint32_t> column{1, 2, 3};
  resize_large(column, kPopulateMinimumBytes / sizeof(std::uint32_t) + 5);
  EXPECT_EQ(column.size(), kPopulateMinimumBytes / sizeof(std::uint32_t) + 5);
  EXPECT_EQ(std::count(column.begin(), column.end(), 0U), static_cast<long>(column.size()));
  populate_huge_pages(nullptr, kPopulateMinimumBytes);  // nothing to populate
}

}  // namespace
}  // namespace fms::base
