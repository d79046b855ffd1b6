// How reports write US dollar amounts and add them up. People read "1,234.56"; programs (JSON,
// CSV) read "1234.56". Sums saturate instead of wrapping: a portfolio total of absurd but
// importable rows must not turn negative.
#pragma once

#include <cstdint>
#include <string>

#include "core/money.h"
#include "core/saturating.h"

namespace fms::report {

inline std::string usd_text(std::int64_t cents) {
  return Money(cents, Currency::usd()).format();
}

inline std::string usd_plain(std::int64_t cents) {
  return Money(cents, Currency::usd()).to_plain_string();
}

using fms::saturating_add;
using fms::saturating_sub;

}  // namespace fms::report
