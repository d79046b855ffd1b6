// Tests for discrepancy amounts: the share of a shipment's value for some of its units is exact
// and rounded half up; a zero quantity stands for the whole value; huge products clamp instead of
// wrapping; the price tolerance is strict (exactly at the tolerance is not a mismatch).
#include "recon/amounts.h"

#include <gtest/gtest.h>

#include <limits>

namespace fms::recon {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

TEST(ValueOfUnits, ExactShareRoundedHalfUp) {
  EXPECT_EQ(value_of_units_cents(1000'00, 3, 10), 300'00);
  EXPECT_EQ(value_of_units_cents(100'00, 1, 3), 33'33);  // 3333.33.. -> 3333
  EXPECT_EQ(value_of_units_cents(100'00, 2, 3), 66'67);  // 6666.66.. -> 6667
  EXPECT_EQ(value_of_units_cents(5, 1, 2), 3);           // 2.5 -> 3
  EXPECT_EQ(value_of_units_cents(3, 1, 2), 2);           // 1.5 -> 2
  EXPECT_EQ(value_of_units_cents(1, 1, 3), 0);           // 0.33 -> 0
  EXPECT_EQ(value_of_units_cents(1000'00, 0, 10), 0);
  EXPECT_EQ(value_of_units_cents(1000'00, 15, 10), 1500'00);  // more units than shipped
}

TEST(ValueOfUnits, ZeroQuantityMeansTheWholeValue) {
  EXPECT_EQ(value_of_units_cents(1234'56, 7, 0), 1234'56);
}

TEST(ValueOfUnits, ClampsInsteadOfOverflowing) {
  EXPECT_EQ(value_of_units_cents(kMax, 1'000'000, 1), kMax);
  EXPECT_EQ(value_of_units_cents(kMax, 3, 3), kMax);  // 128-bit intermediate, exact result
  EXPECT_EQ(clamped_product(kMax, 2), kMax);
  EXPECT_EQ(clamped_product(12, 100'00), 1200'00);
  EXPECT_EQ(clamped_difference(5, 8), 3);
  EXPECT_EQ(clamped_difference(kMax, -1), kMax);
}

TEST(PriceTolerance, AtTheToleranceIsNotAMismatchOneCentPastIs) {
  // 10 x 100.00 = 1,000.00; 10% = 100.00.
  EXPECT_FALSE(price_difference_beyond_tolerance_cents(1100'00, 10, 100'00, 1000));
  EXPECT_FALSE(price_difference_beyond_tolerance_cents(900'00, 10, 100'00, 1000));
  EXPECT_EQ(price_difference_beyond_tolerance_cents(1100'01, 10, 100'00, 1000), 100'01);
  EXPECT_EQ(price_difference_beyond_tolerance_cents(899'99, 10, 100'00, 1000), 100'01);
  EXPECT_EQ(price_difference_beyond_tolerance_cents(1000'01, 10, 100'00, 0), 1);
  EXPECT_FALSE(price_difference_beyond_tolerance_cents(1000'00, 10, 100'00, 0));
}

TEST(PriceTolerance, FastTestAgreesWithTheExactOneAcrossTheRange) {
  struct Case {
    std::int64_t value, quantity, unit_cost, tolerance;
  };
  for (const Case c : {Case{1100'00, 10, 100'00, 1000}, Case{1100'01, 10, 100'00, 1000},
                       Case{899'99, 10, 100'00, 1000}, Case{0, 10, 100'00, 1000},
                       Case{-5, 10, 100'00, 1000}, Case{kMax, 1, 1, 1000},
                       Case{kMax, 999'999'999, kMax / 4, 1000},  // products past 64 bits
                       Case{1, 999'999'999, 999'999'999'999, 2'000'000'000},
                       Case{123, 0, 100, 10}, Case{123, 5, 0, 10}}) {
    EXPECT_EQ(price_beyond_tolerance(c.value, c.quantity, c.unit_cost, c.tolerance),
              price_difference_beyond_tolerance_cents(c.value, c.quantity, c.unit_cost, c.tolerance)
                  .has_value())
        << c.value << " " << c.quantity << " " << c.unit_cost << " " << c.tolerance;
  }
}

TEST(PriceTolerance, NotAppliedWithoutQuantityOrUnitCost) {
  EXPECT_FALSE(price_difference_beyond_tolerance_cents(5000'00, 0, 100'00, 1000));
  EXPECT_FALSE(price_difference_beyond_tolerance_cents(5000'00, 10, 0, 1000));
}

TEST(FormatUsd, GroupsThousands) {
  EXPECT_EQ(format_usd(123456789), "1,234,567.89");
  EXPECT_EQ(format_usd(200'00), "200.00");
}

}  // namespace
}  // namespace fms::recon
