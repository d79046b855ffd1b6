// Importer for exchange-rate series (docs/formats/exchange-rates.md): CSV with a header row
//   date,pair,rate,source
//   2025-03-31,USD/JPY,149.52,month-end rate (illustrative)
// one published rate per row; `pair` is BASE/QUOTE of two different known currencies and
// `rate` an exact decimal of up to 10 places above zero. All-or-nothing like every importer:
// any problem refuses the whole file, each reported as SOURCE:LINE: field "NAME": PROBLEM.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/rate_series.h"
#include "core/result.h"

namespace fms::io {

inline constexpr std::size_t kMaxExchangeRateRows = 100'000;

// The series in the file, by pair ("USD/JPY"). Two rates for one pair on one date are refused.
Result<std::map<std::string, RateSeries>> parse_exchange_rates(std::string_view text,
                                                               std::string_view source);

}  // namespace fms::io
