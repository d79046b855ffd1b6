// Rate series: the rate on a date is the latest on or before it, named by its date and source;
// budget rates follow the Japanese fiscal year, which turns on 1 April.
#include "core/rate_series.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace fms {
namespace {

using ::testing::HasSubstr;

CivilDate d(int y, unsigned m, unsigned day) {
  return CivilDate::from_ymd(y, m, day);
}

RatePoint point(CivilDate date, std::string_view rate, std::string source = "test") {
  return RatePoint{date, *ExchangeRate::parse(rate, Currency::usd(), Currency::jpy()),
                   std::move(source)};
}

FiscalYear jfy(int year) {
  return FiscalYear{FiscalCalendar::japan, year};
}

TEST(RateSeriesTest, TheRateOnADateIsTheLatestOnOrBeforeIt) {
  auto series =
      RateSeries::make(Currency::usd(), Currency::jpy(),
                       {point(d(2025, 3, 31), "149.52", "month end"),
                        point(d(2025, 1, 31), "154.83"), point(d(2025, 2, 28), "150.61")});
  ASSERT_TRUE(series.ok()) << series.error().message;
  ASSERT_EQ(series->points().size(), 3u);
  EXPECT_EQ(series->points().front().date, d(2025, 1, 31));  // kept in date order

  const auto on_the_day = series->on(d(2025, 2, 28));
  ASSERT_TRUE(on_the_day.ok());
  EXPECT_EQ(on_the_day->rate.to_string(), "150.61");
  const auto between = series->on(d(2025, 3, 30));
  ASSERT_TRUE(between.ok());
  EXPECT_EQ(between->date, d(2025, 2, 28));  // says which point it used
  const auto after = series->on(d(2026, 1, 1));
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->date, d(2025, 3, 31));
  EXPECT_EQ(after->source, "month end");

  const auto before = series->on(d(2025, 1, 30));
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().kind, ErrorKind::not_found);
  EXPECT_THAT(before.error().message,
              HasSubstr("no USD/JPY rate on or before 2025-01-30; the series starts 2025-01-31"));
}

TEST(RateSeriesTest, RefusesTwoRatesForADayAnotherPairAndAMissingSource) {
  const auto twice =
      RateSeries::make(Currency::usd(), Currency::jpy(),
                       {point(d(2025, 1, 31), "154.83"), point(d(2025, 1, 31), "155")});
  ASSERT_FALSE(twice.ok());
  EXPECT_THAT(twice.error().message, HasSubstr("two USD/JPY rates for 2025-01-31"));

  const auto euro = RateSeries::make(*Currency::from_code("EUR"), Currency::jpy(),
                                     {point(d(2025, 1, 31), "154.83")});
  ASSERT_FALSE(euro.ok());
  EXPECT_THAT(euro.error().message, HasSubstr("a USD/JPY rate in a EUR/JPY series"));

  const auto unsourced =
      RateSeries::make(Currency::usd(), Currency::jpy(), {point(d(2025, 1, 31), "154.83", "")});
  ASSERT_FALSE(unsourced.ok());
  EXPECT_THAT(unsourced.error().message, HasSubstr("source must be 1 to 200 bytes"));
}

TEST(BudgetRatesTest, TheBudgetRateChangesOnTheFirstOfApril) {
  auto rates = BudgetRates::make(Currency::usd(), Currency::jpy(),
                                 {{jfy(2022), point(d(2000, 1, 1), "108", "JFY2022 budget")},
                                  {jfy(2023), point(d(2000, 1, 1), "137", "JFY2023 budget")}});
  ASSERT_TRUE(rates.ok()) << rates.error().message;
  const auto march = rates->for_date(d(2024, 3, 31));  // last day of JFY2023
  ASSERT_TRUE(march.ok());
  EXPECT_EQ(march->rate.to_string(), "137.00");
  EXPECT_EQ(march->date, d(2023, 4, 1));  // the budget rate's date is its year's first day
  EXPECT_EQ(rates->for_date(d(2023, 3, 31))->rate.to_string(), "108.00");
  EXPECT_EQ(rates->for_date(d(2023, 4, 1))->rate.to_string(), "137.00");

  const auto april = rates->for_date(d(2024, 4, 1));  // JFY2024 has none
  ASSERT_FALSE(april.ok());
  EXPECT_EQ(april.error().kind, ErrorKind::not_found);
  EXPECT_THAT(april.error().message, HasSubstr("no budget rate for JFY2024"));
}

TEST(BudgetRatesTest, BudgetRatesAreSetPerJapaneseFiscalYear) {
  const auto us =
      BudgetRates::make(Currency::usd(), Currency::jpy(),
                        {{FiscalYear{FiscalCalendar::us, 2025}, point(d(2000, 1, 1), "150")}});
  ASSERT_FALSE(us.ok());
  EXPECT_THAT(us.error().message, HasSubstr("USFY2025: budget rates are set per Japanese"));
}

}  // namespace
}  // namespace fms
