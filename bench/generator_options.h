// Command-line options of fmsledger-bench-generate and their limits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "core/civil_date.h"

namespace fms::bench {

// Fewer rows than this leave no room for every kind of injected discrepancy.
inline constexpr std::int64_t kMinDeliveries = 1'000;
// Receipts come to about 1% more than deliveries; this keeps both files well inside the
// importers' kMaxBulkRows and the generator's memory (about 100 bytes per row) near 1 GB.
inline constexpr std::int64_t kMaxDeliveries = 10'000'000;
inline constexpr const char* kDefaultAsOf = "2026-06-30";
// Cases are placed up to about five years before the as-of date; these keep every date of the
// portfolio inside the years CivilDate and the reference data cover.
inline constexpr const char* kEarliestAsOf = "2010-01-01";
inline constexpr const char* kLatestAsOf = "2100-12-31";

struct GeneratorOptions {
  std::string out_dir;
  std::int64_t deliveries = 0;
  std::uint64_t seed = 0;
  CivilDate as_of;
};

// Parses "--out DIR --deliveries N --seed S [--as-of YYYY-MM-DD]" (arguments after the program
// name). Every problem is an invalid-input error naming the option.
Result<GeneratorOptions> parse_generator_options(const std::vector<std::string>& arguments);

}  // namespace fms::bench
