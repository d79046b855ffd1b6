// The Basic LOA of each benchmark case, and the fmsledger commands that record it.
//
// Each case becomes an fms::LoaVersion built in code, checked with the project's own rules
// (check_version, then a parse of the serialized text exactly as `case import` does) and
// written with the project's serializer, so every document the generator writes imports.
// Line quantities are the delivered quantities plus a margin, so no line is over-delivered;
// estimated availability lies well after the as-of date, so no line is overdue.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "bench_portfolio.h"
#include "core/loa.h"
#include "core/reference_data.h"

namespace fms::bench {

// Percent of the delivered quantity added to a line's quantity (at least one unit).
inline constexpr std::int64_t kLineQuantityMarginPercent = 5;
// Estimated availability ends at least this many months after the as-of date.
inline constexpr int kAvailabilityMonthsAfterAsOf = 12;

// The Basic LOA of `portfolio.cases[case_index]`, validated.
Result<LoaVersion> basic_loa(const Portfolio& portfolio, std::size_t case_index,
                             const ReferenceData& reference);

// "cases/JA-P-K00.json": the document's path relative to the output directory.
std::string case_document_path(const BenchCase& bench_case);

// The fmsledger argument lists (shell-quoted, one command per line) that import the case and
// move it from offered through accepted to implemented.
std::vector<std::string> setup_commands(const BenchCase& bench_case);

}  // namespace fms::bench
