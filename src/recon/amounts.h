// Exact money arithmetic for discrepancy amounts.
//
// Amounts are integer cents. Products such as quantity x unit cost can exceed 64 bits for
// absurd but importable inputs, so the arithmetic runs in 128 bits and the result is clamped to
// the largest int64 (about USD 92 quadrillion) rather than wrapping. Every result is >= 0.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace fms::recon {

inline constexpr std::int64_t kBasisPointsPerWhole = 10'000;

// The value of `units` of a shipment of `quantity` worth `value_cents`:
// value_cents x units / quantity, rounded half up; the whole value when quantity is 0.
std::int64_t value_of_units_cents(std::int64_t value_cents, std::int64_t units,
                                  std::int64_t quantity);

// a x b for a, b >= 0, clamped.
std::int64_t clamped_product(std::int64_t a, std::int64_t b);

// |a - b|, clamped.
std::int64_t clamped_difference(std::int64_t a, std::int64_t b);

// |value - quantity x unit cost| when it exceeds the tolerance (value_tolerance_basis_points of
// quantity x unit cost), otherwise nothing. Applies only to quantity > 0 and unit cost > 0.
std::optional<std::int64_t> price_difference_beyond_tolerance_cents(std::int64_t value_cents,
                                                                    std::int64_t quantity,
                                                                    std::int64_t unit_cost_cents,
                                                                    std::int64_t tolerance_bp);

// The same test for every delivery row, so kept inline: 64-bit arithmetic when nothing can
// overflow (every realistic row), the exact 128-bit function otherwise.
inline bool price_beyond_tolerance(std::int64_t value_cents, std::int64_t quantity,
                                   std::int64_t unit_cost_cents, std::int64_t tolerance_bp) {
  std::int64_t priced = 0;
  std::int64_t allowed = 0;
  std::int64_t scaled = 0;
  if (quantity <= 0 || unit_cost_cents <= 0) return false;
  if (__builtin_mul_overflow(quantity, unit_cost_cents, &priced) ||
      __builtin_mul_overflow(priced, tolerance_bp, &allowed) || value_cents < 0) {
    return price_difference_beyond_tolerance_cents(value_cents, quantity, unit_cost_cents,
                                                   tolerance_bp)
        .has_value();
  }
  const std::int64_t difference = value_cents > priced ? value_cents - priced : priced - value_cents;
  if (__builtin_mul_overflow(difference, kBasisPointsPerWhole, &scaled)) {
    return price_difference_beyond_tolerance_cents(value_cents, quantity, unit_cost_cents,
                                                   tolerance_bp)
        .has_value();
  }
  return scaled > allowed;
}

// "1,234.56"
std::string format_usd(std::int64_t cents);

}  // namespace fms::recon
