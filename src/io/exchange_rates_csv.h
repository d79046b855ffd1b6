// Importer for exchange-rate series (docs/formats/exchange-rates.md): CSV with a header row
//   date,pair,rate,source
//   2025-03-31,USD/JPY,149.52,month-end rate (illustrative)
// one published rate per row; `pair` is BASE/QUOTE of two different known currencies and
// `rate` an exact decimal of up to 10 places above zero. All-or-nothing like every importer:
// any problem refuses the whole file, each reported as SOURCE:LINE: field "NAME": PROBLEM.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "base/result.h"
#include "core/rate_series.h"

namespace fms::io {

inline constexpr std::size_t kMaxExchangeRateRows = 100'000;
// A rate file is recorded as one event (ledger/money/rate_events.h), which must stay within the
// store's 16 MiB payload limit: 8 MiB of CSV plus the JSON keys of 100,000 points fits.
inline constexpr std::size_t kMaxExchangeRateFileBytes = std::size_t{8} << 20;

// The series in a file, and the line each point came from, so that a check made after parsing
// (against the rates already recorded) can name the line it refuses.
struct ExchangeRatesFile {
  std::map<std::string, RateSeries> series;                         // by pair ("USD/JPY")
  std::map<std::string, std::map<CivilDate, std::uint32_t>> lines;  // pair -> date -> line

  // The line of a point in `series`; the first line of the pair without a date.
  [[nodiscard]] std::uint32_t line_of(const std::string& pair, const CivilDate& date) const;
  [[nodiscard]] std::uint32_t first_line_of(const std::string& pair) const;
};

// The series in the file, by pair ("USD/JPY"). Two rates for one pair on one date are refused.
Result<std::map<std::string, RateSeries>> parse_exchange_rates(std::string_view text,
                                                               std::string_view source);
// The same, with each point's line.
Result<ExchangeRatesFile> parse_exchange_rates_file(std::string_view text, std::string_view source);

}  // namespace fms::io
