// Series of exchange rates for one currency pair, and the budget rate of each Japanese fiscal
// year.
//
// A lookup never interpolates: the rate on a date is the latest published on or before it, and
// the answer carries the date and source of the point it used, so a report can state "at
// USD/JPY 151.25 of 2025-03-31 (source)". Japan budgets FMS at one fixed rate per Japanese
// fiscal year (支出官レート, japan-fms.md §2), kept as its own series keyed by the year.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/result.h"
#include "core/civil_date.h"
#include "core/exchange_rate.h"
#include "core/fiscal_year.h"

namespace fms {

inline constexpr std::size_t kMaxRateSourceBytes = 200;

struct RatePoint {
  CivilDate date;
  ExchangeRate rate;
  std::string source;  // who published it, e.g. "MOF customs rate" or "illustrative"
};

class RateSeries {
 public:
  // Points of `base`/`quote`, in any order; each date at most once, every rate of that pair,
  // every source 1..kMaxRateSourceBytes bytes.
  static Result<RateSeries> make(Currency base, Currency quote, std::vector<RatePoint> points);

  [[nodiscard]] Currency base() const { return base_; }
  [[nodiscard]] Currency quote() const { return quote_; }
  [[nodiscard]] const std::vector<RatePoint>& points() const { return points_; }  // by date

  // The latest point on or before `date`; not_found when the series starts after it.
  [[nodiscard]] Result<RatePoint> on(const CivilDate& date) const;

 private:
  RateSeries(Currency base, Currency quote, std::vector<RatePoint> points)
      : base_(base), quote_(quote), points_(std::move(points)) {}
  Currency base_;
  Currency quote_;
  std::vector<RatePoint> points_;
};

// The budget rate (units of `quote` per `base`) of each Japanese fiscal year.
class BudgetRates {
 public:
  // Years must be Japanese fiscal years, each at most once, every rate of the pair.
  static Result<BudgetRates> make(Currency base, Currency quote,
                                  std::map<FiscalYear, RatePoint> by_year);

  // The budget rate of the Japanese fiscal year containing `date`; its RatePoint's date is the
  // first day of that year. not_found when the year has no budget rate.
  [[nodiscard]] Result<RatePoint> for_date(const CivilDate& date) const;
  [[nodiscard]] Result<RatePoint> for_year(const FiscalYear& year) const;

 private:
  explicit BudgetRates(std::map<FiscalYear, RatePoint> by_year) : by_year_(std::move(by_year)) {}
  std::map<FiscalYear, RatePoint> by_year_;
};

}  // namespace fms
