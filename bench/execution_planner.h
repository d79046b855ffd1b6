// Plans the delivery listing and the receipt inspections of a benchmark portfolio, with
// discrepancies injected so that the reconciliation engine's result is known exactly.
//
// Each injection sits on its own rows, and the quantities of the rows that reach the second
// matching pass (by case, line and quantity) come from three disjoint bands, so no pass-2 rule
// can pair rows other than the intended ones:
//   - deliveries left unreceived (shipped-not-received or recent): 1..kUnreceivedQuantityMax;
//   - pairs meant to match by quantity: kKeyQuantityMin..kKeyQuantityMax, a different
//     quantity for each pair on a line, so the match is unambiguous;
//   - receipts meant to stay received-not-reported: kUnreportedQuantityMin and up.
// One unreported receipt exceeds any sum of kMaxPassTwoRun unreceived deliveries, and any two
// unreported receipts exceed one unreceived delivery, so neither "received in parts" nor "one
// receipt for several shipments" can form in pass 2 either. Every other delivery is matched in
// pass 1 by its document number and never reaches pass 2.
#pragma once

#include <cstdint>

#include "bench_portfolio.h"
#include "calendar_table.h"
#include "seeded_random.h"

namespace fms::bench {

inline constexpr std::int32_t kUnreceivedQuantityMax = 5;
inline constexpr std::int32_t kKeyQuantityMin = 6;
inline constexpr std::int32_t kKeyQuantityMax = 40;
inline constexpr std::int32_t kUnreportedQuantityMin = 41;
inline constexpr std::int32_t kUnreportedQuantityMax = 99;
inline constexpr std::int32_t kMaxPassTwoRun = 8;  // the matcher's longest run of parts
static_assert(kMaxPassTwoRun * kUnreceivedQuantityMax < kUnreportedQuantityMin,
              "a run of unreceived deliveries could add up to an unreported receipt");
static_assert(2 * kUnreportedQuantityMin > kUnreceivedQuantityMax,
              "two unreported receipts could add up to an unreceived delivery");
static_assert(kUnreceivedQuantityMax < kKeyQuantityMin && kKeyQuantityMax < kUnreportedQuantityMin,
              "the quantity bands must not overlap");
// Safety margins, in days, kept from every rule boundary (age, window, as-of date).
inline constexpr std::int64_t kBoundaryMarginDays = 10;
// Document number serials are four base-36 characters.
inline constexpr std::uint32_t kMaxSerialsPerCase = 36 * 36 * 36 * 36;

// The reconciliation rules the injections are placed around (reference data, as of the date).
struct InjectionRules {
  int shipped_not_received_days = 0;
  int receipt_window_days = 0;
  int value_tolerance_basis_points = 0;
};

// Fills portfolio.deliveries (exactly `delivery_rows` rows, duplicates included) and
// portfolio.receipts, sets every line's delivered quantity, then sorts both into file order.
// `calendar` covers every case's first shipment up to the as-of date.
void plan_executions(Portfolio& portfolio, SeededRandom& random, std::int64_t delivery_rows,
                     const InjectionRules& rules, const CalendarTable& calendar);

}  // namespace fms::bench
