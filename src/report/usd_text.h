// How reports write US dollar amounts and add them up. People read "1,234.56"; programs (JSON,
// CSV) read "1234.56". Sums saturate instead of wrapping: a portfolio total of absurd but
// importable rows must not turn negative.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
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

// An amount a document may leave out, for JSON: null when not stated, never 0.
inline nlohmann::ordered_json optional_usd(const std::optional<std::int64_t>& cents) {
  return cents ? nlohmann::ordered_json(usd_plain(*cents)) : nlohmann::ordered_json(nullptr);
}

using fms::saturating_add;
using fms::saturating_sub;

}  // namespace fms::report
