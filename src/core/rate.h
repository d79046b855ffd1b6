// Rates in basis points (1/100 of a percent): the admin surcharge is 320 = 3.20%. Kept as
// integers so no rate ever passes through floating point.
#pragma once

#include <cstdint>
#include <string>

namespace fms {

// 320 -> "3.20"; -5 -> "-0.05"
inline std::string format_basis_points(std::int64_t basis_points) {
  const bool negative = basis_points < 0;
  const std::int64_t magnitude = negative ? -basis_points : basis_points;
  const std::int64_t fraction = magnitude % 100;
  return std::string(negative ? "-" : "") + std::to_string(magnitude / 100) + "." +
         (fraction < 10 ? "0" : "") + std::to_string(fraction);
}

}  // namespace fms
