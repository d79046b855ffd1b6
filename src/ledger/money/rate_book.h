// The rate book: every exchange rate recorded in the ledger, folded from the
// rates.series_recorded events (ledger/money/rate_events.h).
//
// A purchaser receives rates as files (month-end rates, the budget office's tables); each file
// is one rates document, named by its content hash. The book merges the documents into one
// series per pair ("USD/JPY"). Files may overlap: a pair and date recorded twice must carry the
// same rate (the import refuses a different one), and the point keeps the document that
// recorded it first.
//
// For the rest of the system:
//   - on(pair, date): the rate on a date — the latest point on or before it, never
//     interpolated — with its date and source, so a report can state it (`describe`);
//     an as-of report passes its date, and only points dated by then count. With
//     `recorded_at_most`, only documents recorded by that moment count (--as-recorded).
//   - points(): the points themselves, for listings.
//   - documents(): which rate files were recorded, when and by whom.
//
// Imports accept only pairs with the US dollar as base (`check_supported_pair`): fmsledger
// converts USD amounts into the purchaser's currencies. The fold accepts any valid pair, so
// widening that rule later leaves old logs readable.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "core/civil_date.h"
#include "core/rate_series.h"
#include "ledger/money/rate_events.h"
#include "store/store.h"

namespace fms::ledger {

// Pairs an import accepts, in the order messages list them: "USD/JPY", "USD/EUR", "USD/GBP",
// "USD/AUD".
const std::vector<std::string>& supported_rate_pairs();
// Ok for a supported pair; otherwise says which pairs are.
Status check_supported_pair(const std::string& pair);

// One recorded rate file.
struct RatesDocument {
  std::string content_hash;
  std::string source;  // file name as given
  std::int64_t sequence = 0;
  std::string recorded_at;
  std::string actor;
  std::size_t points = 0;      // points in the file
  std::size_t new_points = 0;  // points no earlier document had recorded
};

// A point as recorded: its pair and the document that recorded it first.
struct RecordedRate {
  std::string pair;  // "USD/JPY"
  RatePoint point;
  std::size_t document = 0;  // index into RateBook::documents()
};

// "USD/JPY 151.25 of 2025-03-31 (month-end rate)": how a report states the rate it used.
std::string describe(const RatePoint& point);

class RateBook {
 public:
  // Folds one rates.series_recorded event. A document recorded twice, two rates for one pair on
  // one date, or a content hash that does not match the points is corruption of the log.
  Status apply(const store::EventRecord& event);

  [[nodiscard]] const std::vector<RatesDocument>& documents() const { return documents_; }
  [[nodiscard]] const RatesDocument* find(const std::string& content_hash) const;
  [[nodiscard]] std::vector<std::string> pairs() const;  // recorded pairs, sorted

  // The merged series of a pair; nullptr when no rate of it is recorded.
  [[nodiscard]] const RateSeries* series(const std::string& pair) const;
  // The point recorded for a pair on exactly this date, if any.
  [[nodiscard]] const RecordedRate* recorded(const std::string& pair, const CivilDate& date) const;

  // The latest point of the pair on or before `date`. not_found when the pair has no rates, or
  // when its series starts after `date` (the message says where it starts). With
  // `recorded_at_most` (inclusive, "2026-11-25T12:00:00.000000Z"), only documents recorded by
  // then count.
  [[nodiscard]] Result<RatePoint> on(
      const std::string& pair, const CivilDate& date,
      const std::optional<std::string>& recorded_at_most = std::nullopt) const;
  [[nodiscard]] Result<RatePoint> on(
      Currency base, Currency quote, const CivilDate& date,
      const std::optional<std::string>& recorded_at_most = std::nullopt) const;

  // Every recorded point, by pair then date; only one pair's, and only those dated on or before
  // `dated_at_most`, when given.
  [[nodiscard]] std::vector<RecordedRate> points(
      const std::optional<std::string>& pair = std::nullopt,
      const std::optional<CivilDate>& dated_at_most = std::nullopt) const;

 private:
  std::vector<RatesDocument> documents_;  // in the order recorded
  std::map<std::string, std::size_t> by_hash_;
  std::map<std::string, std::map<CivilDate, RecordedRate>> by_pair_;
  std::map<std::string, RateSeries> series_;  // by_pair_ as series, rebuilt per event
};

}  // namespace fms::ledger
