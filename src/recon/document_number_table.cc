// The document-number hash and the table's sizing.
#include "recon/document_number_table.h"

#include <cstring>

#include "base/huge_pages.h"

namespace fms::recon {
namespace {

__extension__ using UInt128 = unsigned __int128;

constexpr std::uint64_t kSeed = 0xa076'1d64'78bd'642fULL;
constexpr std::uint64_t kMix = 0xe703'7ed1'a0b4'28dbULL;
constexpr std::size_t kMinimumSlots = 16;

std::uint64_t multiply_fold(std::uint64_t a, std::uint64_t b) {
  const UInt128 product = static_cast<UInt128>(a) * b;
  return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}

std::uint64_t load64(const char* p) {
  std::uint64_t v = 0;
  std::memcpy(&v, p, sizeof v);
  return v;
}

std::uint64_t load32(const char* p) {
  std::uint32_t v = 0;
  std::memcpy(&v, p, sizeof v);
  return v;
}

std::uint64_t byte_at(const char* p, std::size_t i) {
  return static_cast<unsigned char>(p[i]);
}

}  // namespace

std::uint64_t hash_document_number(std::string_view number) {
  const char* p = number.data();
  const std::size_t n = number.size();
  std::uint64_t seed = kSeed ^ n;
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  if (n <= 16) {
    // Overlapping loads cover every byte without reading outside the string.
    if (n >= 4) {
      const std::size_t shift = (n >> 3) << 2;
      a = (load32(p) << 32) | load32(p + shift);
      b = (load32(p + n - 4) << 32) | load32(p + n - 4 - shift);
    } else if (n > 0) {
      a = (byte_at(p, 0) << 16) | (byte_at(p, n >> 1) << 8) | byte_at(p, n - 1);
    }
  } else {
    std::size_t rest = n;
    while (rest > 16) {
      seed = multiply_fold(load64(p) ^ kMix, load64(p + 8) ^ seed);
      p += 16;
      rest -= 16;
    }
    a = load64(p + rest - 16);
    b = load64(p + rest - 8);
  }
  return multiply_fold(kMix ^ n, multiply_fold(a ^ kMix, b ^ seed));
}

DocumentNumberTable::DocumentNumberTable(std::size_t keys_max) {
  std::size_t slots = kMinimumSlots;
  while (slots < 2 * keys_max) slots *= 2;
  slots_ = base::filled_in_huge_pages(slots, Slot{});
  mask_ = slots - 1;
}

}  // namespace fms::recon
