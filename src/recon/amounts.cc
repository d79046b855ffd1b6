// Exact amounts in 128-bit arithmetic, clamped to int64.
#include "recon/amounts.h"

#include <limits>

#include "core/money.h"

namespace fms::recon {
namespace {

__extension__ using Int128 = __int128;

constexpr std::int64_t kMaxCents = std::numeric_limits<std::int64_t>::max();

Int128 magnitude(Int128 v) { return v < 0 ? -v : v; }

std::int64_t clamp(Int128 v) {
  const Int128 m = magnitude(v);
  return m > kMaxCents ? kMaxCents : static_cast<std::int64_t>(m);
}

}  // namespace

std::int64_t value_of_units_cents(std::int64_t value_cents, std::int64_t units,
                                  std::int64_t quantity) {
  if (quantity == 0) return clamp(value_cents);
  const Int128 numerator = magnitude(static_cast<Int128>(value_cents) * units);
  const Int128 denominator = magnitude(quantity);
  return clamp((2 * numerator + denominator) / (2 * denominator));
}

std::int64_t clamped_product(std::int64_t a, std::int64_t b) {
  return clamp(static_cast<Int128>(a) * b);
}

std::int64_t clamped_difference(std::int64_t a, std::int64_t b) {
  return clamp(static_cast<Int128>(a) - b);
}

std::optional<std::int64_t> price_difference_beyond_tolerance_cents(std::int64_t value_cents,
                                                                    std::int64_t quantity,
                                                                    std::int64_t unit_cost_cents,
                                                                    std::int64_t tolerance_bp) {
  if (quantity <= 0 || unit_cost_cents <= 0) return std::nullopt;
  const Int128 priced = static_cast<Int128>(quantity) * unit_cost_cents;
  const Int128 difference = magnitude(static_cast<Int128>(value_cents) - priced);
  if (difference * kBasisPointsPerWhole <= static_cast<Int128>(tolerance_bp) * priced) {
    return std::nullopt;
  }
  return clamp(difference);
}

std::string format_usd(std::int64_t cents) {
  return Money(cents, Currency::usd()).format();
}

}  // namespace fms::recon
