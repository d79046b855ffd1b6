// The portfolio-level event that records a file of published exchange rates. Rates belong to no
// case, so the event is stored with an empty case id, after the same optimistic check as
// execution documents.
//
//   rates.series_recorded v1
//     {"source", "content_hash",
//      "points": [{"date", "pair", "rate", "source"}, ...]}   by pair, then date
//   rates.series_recorded v2
//     the same and "organisation": whose series the rates are (an organisation id)
// A v1 event is of the shared reference series, which only the database's host (the CLI) or an
// administrator writes; an organisation's own series (v2) is written by its finance officers
// and read by its people only (ledger/money/rate_book.h, RateView).
// "source" is the file name as given; each point's "source" is who published the rate. Rates are
// their exact decimal text ("149.52", ExchangeRate::to_string), never JSON numbers. The content
// hash is the BLAKE2b-256 of the canonical points array (`canonical_points`), so the same rates
// written differently (CRLF, a BOM, another column order, 149.520) are the same document.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"
#include "core/money.h"
#include "core/rate_series.h"
#include "store/store.h"

namespace fms::ledger {

inline constexpr std::string_view kRatesSeriesRecorded = "rates.series_recorded";

struct RatesRecorded {
  std::string organisation;       // "": the shared reference series
  std::string source;             // file name as given
  std::string content_hash;       // identifies the content: the rates document id
  std::vector<RatePoint> points;  // by pair, then date; each point's pair is its rate's
};

// "USD/JPY" -> (USD, JPY): two different known currencies.
Result<std::pair<Currency, Currency>> parse_rate_pair(std::string_view pair);

// The canonical JSON text of the points, what the content hash is computed over.
std::string canonical_points(const std::vector<RatePoint>& points);

std::string encode(const RatesRecorded& payload);
// 1 for the shared series, 2 for an organisation's.
int type_version(const RatesRecorded& payload);
Result<RatesRecorded> decode_rates_recorded(const store::EventRecord& event);

}  // namespace fms::ledger
