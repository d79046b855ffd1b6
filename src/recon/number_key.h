// A document number as three machine words, for comparing and hashing millions of them fast.
//
// Up to kInlineNumberBytes bytes of the number are kept, zero-padded, with the length in the top
// byte of the last word; two numbers of at most that length are equal exactly when their keys
// are. A longer number (the importers refuse them, but nothing here relies on that) keeps its
// first bytes and a marker length, so equal keys then still need a full string comparison.
// Reading a key from a string column takes three unaligned loads and masks, and the hash mixes
// the three words, so neither walks the string byte by byte.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/execution.h"

namespace fms::recon {

inline constexpr std::size_t kInlineNumberBytes = 23;

// Trivial (no initialisers), so that arrays of records holding keys need not be written twice;
// create one with NumberKey{} when it must start zeroed.
struct NumberKey {
  std::uint64_t words[3];
  // Longer than kInlineNumberBytes: equal keys do not prove equal numbers.
  [[nodiscard]] bool is_long() const;
  friend bool operator==(const NumberKey&, const NumberKey&) = default;
};

struct KeyedNumber {
  NumberKey key{};
  std::uint64_t hash = 0;
};

// The key and hash of row `row` of `column`.
KeyedNumber keyed_number(const StringColumn& column, std::size_t row);
// The same for a number held anywhere (copies its bytes one by one).
KeyedNumber keyed_number(std::string_view number);

}  // namespace fms::recon
