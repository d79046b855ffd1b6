// How reports write US dollar amounts and add them up. People read "1,234.56"; programs (JSON,
// CSV) read "1234.56". Sums saturate instead of wrapping: a portfolio total of absurd but
// importable rows must not turn negative.
#pragma once

#include <cstdint>
#include <limits>
#include <string>

#include "core/money.h"

namespace fms::report {

inline std::string usd_text(std::int64_t cents) {
  return Money(cents, Currency::usd()).format();
}

inline std::string usd_plain(std::int64_t cents) {
  return Money(cents, Currency::usd()).to_plain_string();
}

// a + b, held at the largest or smallest 64-bit number of cents rather than overflowing.
inline std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_add_overflow(a, b, &out)) {
    return b > 0 ? std::numeric_limits<std::int64_t>::max()
                 : std::numeric_limits<std::int64_t>::min();
  }
  return out;
}

inline std::int64_t saturating_sub(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_sub_overflow(a, b, &out)) {
    return b < 0 ? std::numeric_limits<std::int64_t>::max()
                 : std::numeric_limits<std::int64_t>::min();
  }
  return out;
}

}  // namespace fms::report
