// Rate series and budget rates (see rate_series.h).
#include "core/rate_series.h"

#include <algorithm>

namespace fms {
namespace {

Status check_point(const RatePoint& point, Currency base, Currency quote) {
  const std::string at = "rate of " + point.date.to_string() + ": ";
  if (!(point.rate.base() == base) || !(point.rate.quote() == quote)) {
    return Error::invalid(at + "a " + point.rate.pair() + " rate in a " + std::string(base.code()) +
                          "/" + std::string(quote.code()) + " series");
  }
  if (point.source.empty() || point.source.size() > kMaxRateSourceBytes) {
    return Error::invalid(at + "the source must be 1 to " + std::to_string(kMaxRateSourceBytes) +
                          " bytes");
  }
  return Status::Ok();
}

}  // namespace

Result<RateSeries> RateSeries::make(Currency base, Currency quote, std::vector<RatePoint> points) {
  for (const RatePoint& point : points) FMS_TRY(check_point(point, base, quote));
  std::stable_sort(points.begin(), points.end(),
                   [](const RatePoint& a, const RatePoint& b) { return a.date < b.date; });
  for (std::size_t i = 1; i < points.size(); ++i) {
    if (points[i].date == points[i - 1].date) {
      return Error::invalid("two " + points[i].rate.pair() + " rates for " +
                            points[i].date.to_string() + " (" + points[i - 1].rate.to_string() +
                            " and " + points[i].rate.to_string() + ")");
    }
  }
  return RateSeries(base, quote, std::move(points));
}

Result<RatePoint> RateSeries::on(const CivilDate& date) const {
  const auto after = std::upper_bound(
      points_.begin(), points_.end(), date,
      [](const CivilDate& wanted, const RatePoint& point) { return wanted < point.date; });
  if (after == points_.begin()) {
    return Error::not_found(
        "no " + std::string(base_.code()) + "/" + std::string(quote_.code()) +
        " rate on or before " + date.to_string() +
        (points_.empty() ? "" : "; the series starts " + points_.front().date.to_string()));
  }
  return *std::prev(after);
}

Result<BudgetRates> BudgetRates::make(Currency base, Currency quote,
                                      std::map<FiscalYear, RatePoint> by_year) {
  for (auto& [year, point] : by_year) {
    if (year.calendar != FiscalCalendar::japan) {
      return Error::invalid(year.label() + ": budget rates are set per Japanese fiscal year");
    }
    point.date = year.first_day();
    FMS_TRY(check_point(point, base, quote));
  }
  return BudgetRates(std::move(by_year));
}

Result<RatePoint> BudgetRates::for_year(const FiscalYear& year) const {
  const auto it = by_year_.find(year);
  if (it == by_year_.end()) return Error::not_found("no budget rate for " + year.label());
  return it->second;
}

Result<RatePoint> BudgetRates::for_date(const CivilDate& date) const {
  return for_year(FiscalYear::containing(FiscalCalendar::japan, date));
}

}  // namespace fms
