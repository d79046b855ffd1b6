// Number keys: the word-at-a-time fast path, the byte-exact path, and the hash.
#include "recon/number_key.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "recon/document_number_table.h"

namespace fms::recon {
namespace {

__extension__ using UInt128 = unsigned __int128;

constexpr std::size_t kKeyBytes = sizeof(NumberKey::words);
constexpr unsigned kLengthShift = 56;  // the length lives in the key's last byte
constexpr std::uint64_t kLongMarker = 0xFF;
static_assert(kInlineNumberBytes < kKeyBytes && kInlineNumberBytes < kLongMarker);

constexpr std::uint64_t kMix0 = 0xa076'1d64'78bd'642fULL;
constexpr std::uint64_t kMix1 = 0xe703'7ed1'a0b4'28dbULL;
constexpr std::uint64_t kMix2 = 0x8ebc'6af0'9c88'c6e3ULL;

std::uint64_t multiply_fold(std::uint64_t a, std::uint64_t b) {
  const UInt128 product = static_cast<UInt128>(a) * b;
  return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}

std::uint64_t hash_of(std::uint64_t w0, std::uint64_t w1, std::uint64_t w2) {
  return multiply_fold(multiply_fold(w0 ^ kMix0, w1 ^ kMix1) ^ w2, kMix2);
}

// Keeps the first `bytes` bytes of a little-endian word.
constexpr std::array<std::uint64_t, 9> kByteMasks{
    0x0ULL,          0xFFULL,           0xFFFFULL,           0xFFFF'FFULL,          0xFFFF'FFFFULL,
    0xFF'FFFF'FFFFULL, 0xFFFF'FFFF'FFFFULL, 0xFF'FFFF'FFFF'FFFFULL, ~0x0ULL};

}  // namespace

bool NumberKey::is_long() const {
  return (words[2] >> kLengthShift) == kLongMarker;
}

KeyedNumber keyed_number(std::string_view number) {
  KeyedNumber out;
  const std::size_t kept = std::min(number.size(), kInlineNumberBytes);
  for (std::size_t i = 0; i < kept; ++i) {
    const auto byte = static_cast<std::uint64_t>(static_cast<unsigned char>(number[i]));
    out.key.words[i / 8] |= byte << (8 * (i % 8));
  }
  const bool is_long = number.size() > kInlineNumberBytes;
  out.key.words[2] |= (is_long ? kLongMarker : number.size()) << kLengthShift;
  const std::uint64_t* w = out.key.words;
  out.hash = is_long ? hash_document_number(number) : hash_of(w[0], w[1], w[2]);
  return out;
}

KeyedNumber keyed_number(const StringColumn& column, std::size_t row) {
  if constexpr (std::endian::native == std::endian::little) {
    const std::uint32_t begin = row == 0 ? 0 : column.ends[row - 1];
    const std::size_t length = column.ends[row] - begin;
    // Three whole words can be read when the column has that many bytes from the start on; on
    // a little-endian machine they hold the bytes exactly where keyed_number(string_view) puts
    // them. The words stay in registers until the key is complete (writing them to the key and
    // reading them back would stall on store forwarding).
    if (length <= kInlineNumberBytes && begin + kKeyBytes <= column.bytes.size()) {
      const char* p = column.bytes.data() + begin;
      std::uint64_t w0 = 0;
      std::uint64_t w1 = 0;
      std::uint64_t w2 = 0;
      std::memcpy(&w0, p, sizeof w0);
      std::memcpy(&w1, p + 8, sizeof w1);
      std::memcpy(&w2, p + 16, sizeof w2);
      w0 &= kByteMasks[std::min<std::size_t>(length, 8)];
      w1 &= kByteMasks[length > 8 ? std::min<std::size_t>(length - 8, 8) : 0];
      w2 = (w2 & kByteMasks[length > 16 ? length - 16 : 0]) |
           (static_cast<std::uint64_t>(length) << kLengthShift);
      KeyedNumber out;
      out.hash = hash_of(w0, w1, w2);
      out.key = NumberKey{{w0, w1, w2}};
      return out;
    }
  }
  return keyed_number(column.at(row));
}

}  // namespace fms::recon
