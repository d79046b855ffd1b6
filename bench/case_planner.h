// Plans the cases of a benchmark portfolio: identifiers, dates and per-unit lines.
//
// Every case is a Japanese Basic LOA for spare and repair parts, offered, accepted and
// implemented three to four and a half years before the as-of date, so that shipments spread
// over years and the oldest ones are long past the shipped-not-received age. Line quantities
// are not known yet: they are set from the deliveries once those are planned.
#pragma once

#include <cstdint>

#include "bench_portfolio.h"
#include "seeded_random.h"

namespace fms::bench {

inline constexpr std::uint32_t kMinCases = 2;    // line mismatches need lines to swap between
inline constexpr std::uint32_t kMaxCases = 100;  // case designators "K00".."K2R" stay unique
inline constexpr std::int64_t kDeliveriesPerCase = 20'000;
inline constexpr std::int64_t kMinLinesPerCase = 16;
inline constexpr std::int64_t kMaxLinesPerCase = 24;
inline constexpr std::int64_t kMinUnitCostCents = 1'00;
inline constexpr std::int64_t kMaxUnitCostCents = 500'00;

// ceil(deliveries / kDeliveriesPerCase), kept within [kMinCases, kMaxCases].
std::uint32_t case_count_for(std::int64_t deliveries);

// Appends `count` cases and their lines to `portfolio` (whose as_of is set).
void plan_cases(Portfolio& portfolio, SeededRandom& random, std::uint32_t count);

}  // namespace fms::bench
