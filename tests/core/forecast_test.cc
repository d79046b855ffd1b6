// The cash forecast: payments fall in the Japanese fiscal quarter of their due date (the year
// turns on 1 April), a bill replaces the schedule for its quarter, yen at the budget rate and
// at the current rate add up exactly, and an appropriation warns or blocks when exceeded.
#include "core/forecast.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "refdata/loader.h"

namespace fms {
namespace {

using ::testing::HasSubstr;

CivilDate d(int y, unsigned m, unsigned day) {
  return CivilDate::from_ymd(y, m, day);
}
Money usd(std::int64_t cents) {
  return Money(cents, Currency::usd());
}
Money jpy(std::int64_t yen) {
  return Money(yen, Currency::jpy());
}
FiscalYear jfy(int year) {
  return FiscalYear{FiscalCalendar::japan, year};
}
ExchangeRate rate(std::string_view text) {
  return *ExchangeRate::parse(text, Currency::usd(), Currency::jpy());
}
RatePoint current(std::string_view text) {
  return RatePoint{d(2026, 10, 31), rate(text), "test"};
}

BudgetDocument budget_with_rates(std::vector<std::pair<int, std::string_view>> rates) {
  BudgetDocument budget;
  budget.effective_date = d(2025, 4, 1);
  for (const auto& [year, value] : rates)
    budget.budget_rates.push_back({jfy(year), rate(value), "test"});
  return budget;
}

CaseCashflow flow(std::vector<CashflowItem> items, std::string case_id = "JA-P-TWK") {
  return CaseCashflow{std::move(case_id), "test case", std::move(items), {}};
}

Forecast run(std::vector<CaseCashflow> cases, std::optional<BudgetDocument> budget,
             std::string_view current_rate = "150", CivilDate as_of = d(2026, 11, 25)) {
  auto forecast = make_forecast(
      ForecastInput{as_of, std::move(cases), std::move(budget), current(current_rate)});
  EXPECT_TRUE(forecast.ok()) << forecast.error().message;
  return forecast.ok() ? *forecast : Forecast{as_of, current(current_rate), {}, {}, {}, {}};
}

TEST(ForecastTest, ThirtyFirstMarchAndFirstAprilFallInDifferentJapaneseFiscalYears) {
  const Forecast forecast =
      run({flow({{d(2026, 3, 31), usd(100'00), "a"}, {d(2026, 4, 1), usd(200'00), "b"}})},
          budget_with_rates({{2025, "150"}, {2026, "140"}}));
  ASSERT_EQ(forecast.case_years.size(), 2u);
  EXPECT_EQ(forecast.case_years[0].year, jfy(2025));
  ASSERT_EQ(forecast.case_years[0].quarters.size(), 1u);
  EXPECT_EQ(forecast.case_years[0].quarters[0].quarter.quarter, 4);  // Jan-Mar is Q4
  EXPECT_EQ(forecast.case_years[0].jpy_budget, jpy(15'000));
  EXPECT_EQ(forecast.case_years[1].year, jfy(2026));
  EXPECT_EQ(forecast.case_years[1].quarters[0].quarter.quarter, 1);  // Apr-Jun is Q1
  EXPECT_EQ(forecast.case_years[1].jpy_budget, jpy(28'000));         // at JFY2026's own rate
}

TEST(ForecastTest, ConvertedQuartersAddUpToTheConvertedYear) {
  // $0.01 three times at 150.5: each quarter alone would round to 2 yen (6 in all), but the
  // year converts to 5 yen (4.515) and the allocation rule splits those 5 over the quarters.
  const Forecast forecast = run({flow({{d(2025, 6, 15), usd(1), "q1"},
                                       {d(2025, 9, 15), usd(1), "q2"},
                                       {d(2025, 12, 15), usd(1), "q3"}})},
                                budget_with_rates({{2025, "150.5"}}), "150.5");
  ASSERT_EQ(forecast.case_years.size(), 1u);
  const CaseYear& year = forecast.case_years[0];
  EXPECT_EQ(year.jpy_budget, jpy(5));
  EXPECT_EQ(year.jpy_current, jpy(5));
  std::int64_t budget_sum = 0;
  std::int64_t current_sum = 0;
  for (const ForecastQuarter& quarter : year.quarters) {
    budget_sum += quarter.jpy_budget->minor_units();
    current_sum += quarter.jpy_current.minor_units();
  }
  EXPECT_EQ(budget_sum, 5);
  EXPECT_EQ(current_sum, 5);
  EXPECT_EQ(year.quarters[0].jpy_budget, jpy(2));  // ties go to the earlier part
}

TEST(ForecastTest, ExposureIsYenAtTheCurrentRateLessYenAtTheBudgetRate) {
  const Forecast forecast = run({flow({{d(2025, 6, 15), usd(1'000'000'00), "schedule"}})},
                                budget_with_rates({{2025, "137"}}), "155.25");
  ASSERT_EQ(forecast.case_years.size(), 1u);
  EXPECT_EQ(forecast.case_years[0].jpy_budget, jpy(137'000'000));
  EXPECT_EQ(forecast.case_years[0].jpy_current, jpy(155'250'000));
  EXPECT_EQ(forecast.case_years[0].exposure, jpy(18'250'000));
  ASSERT_EQ(forecast.years.size(), 1u);
  EXPECT_EQ(forecast.years[0].exposure, jpy(18'250'000));
  EXPECT_TRUE(forecast.years[0].complete);
}

TEST(ForecastTest, AYearWithoutABudgetRateIsShownInDollarsAndMarkedIncomplete) {
  const Forecast forecast =
      run({flow({{d(2025, 6, 15), usd(100'00), "a"}, {d(2030, 6, 15), usd(100'00), "b"}})},
          budget_with_rates({{2025, "150"}}));
  ASSERT_EQ(forecast.case_years.size(), 2u);
  EXPECT_FALSE(forecast.case_years[1].jpy_budget.has_value());
  EXPECT_EQ(forecast.case_years[1].jpy_current, jpy(15'000));
  ASSERT_EQ(forecast.years.size(), 2u);
  EXPECT_TRUE(forecast.years[0].complete);
  EXPECT_FALSE(forecast.years[1].complete);
}

TEST(ForecastTest, QuartersThatEndedBeforeTheForecastDateArePast) {
  const Forecast forecast =
      run({flow({{d(2026, 9, 15), usd(100), "a"}, {d(2026, 12, 15), usd(100), "b"}})},
          budget_with_rates({{2026, "150"}}), "150", d(2026, 11, 25));
  ASSERT_EQ(forecast.case_years.size(), 1u);
  ASSERT_EQ(forecast.case_years[0].quarters.size(), 2u);
  EXPECT_TRUE(forecast.case_years[0].quarters[0].past);
  EXPECT_FALSE(forecast.case_years[0].quarters[1].past);
}

Appropriation line(std::string id, int year, std::int64_t yen, OverrunPolicy policy) {
  Appropriation out;
  out.id = std::move(id);
  out.fiscal_year = jfy(year);
  out.programme = "Stand-off defence capability";
  out.category = "FMS missiles";
  out.amount = jpy(yen);
  out.policy = policy;
  out.cases = {"JA-P-TWK"};
  return out;
}

TEST(ForecastTest, AnAppropriationBelowItsForecastWarnsOrBlocksByItsPolicy) {
  BudgetDocument budget = budget_with_rates({{2025, "150"}, {2026, "150"}, {2027, "150"}});
  budget.appropriations = {line("SO-2025", 2025, 15'000, OverrunPolicy::block),   // exactly met
                           line("SO-2026", 2026, 14'999, OverrunPolicy::warn),    // 1 yen over
                           line("SO-2027", 2027, 14'999, OverrunPolicy::block)};  // 1 yen over
  const Forecast forecast = run({flow({{d(2025, 6, 15), usd(100'00), "a"},
                                       {d(2026, 6, 15), usd(100'00), "b"},
                                       {d(2027, 6, 15), usd(100'00), "c"}})},
                                budget);
  ASSERT_EQ(forecast.checks.size(), 3u);
  EXPECT_EQ(forecast.checks[0].status, AppropriationStatus::within);
  EXPECT_EQ(forecast.checks[0].headroom, jpy(0));
  EXPECT_EQ(forecast.checks[1].status, AppropriationStatus::over_warn);
  EXPECT_EQ(forecast.checks[1].headroom, jpy(-1));
  EXPECT_EQ(forecast.checks[2].status, AppropriationStatus::over_block);
  EXPECT_EQ(to_string(forecast.checks[2].status), "over (block)");
  // Each case-year names the programme of the line that funds it.
  EXPECT_EQ(forecast.case_years[0].programme, "Stand-off defence capability");
  EXPECT_EQ(forecast.case_years[0].appropriation_id, "SO-2025");
}

TEST(ForecastTest, ProgrammeTotalsNeverMixCasesOfOtherProgrammes) {
  BudgetDocument budget = budget_with_rates({{2025, "150"}});
  budget.appropriations = {line("SO-2025", 2025, 1'000'000, OverrunPolicy::warn)};
  const Forecast forecast = run({flow({{d(2025, 6, 15), usd(100'00), "a"}}, "JA-P-TWK"),
                                 flow({{d(2025, 6, 15), usd(300'00), "b"}}, "JA-P-HEW")},
                                budget);
  ASSERT_EQ(forecast.programmes.size(), 2u);
  EXPECT_EQ(forecast.programmes[0].programme, "");  // JA-P-HEW: no appropriation funds it
  EXPECT_EQ(forecast.programmes[0].usd, usd(300'00));
  EXPECT_EQ(forecast.programmes[1].programme, "Stand-off defence capability");
  EXPECT_EQ(forecast.programmes[1].usd, usd(100'00));
  ASSERT_EQ(forecast.years.size(), 1u);
  EXPECT_EQ(forecast.years[0].usd, usd(400'00));
  EXPECT_EQ(forecast.checks[0].forecast, jpy(15'000));  // only the case it funds
}

TEST(ForecastTest, AQuarterABillCoversTakesTheLatestBillInsteadOfTheSchedule) {
  LoaVersion loa;
  loa.case_id = *CaseId::parse("JA-P-TWK", refdata::load_builtin().value());
  loa.payment_schedule.initial_deposit = usd(50'00);
  loa.payment_schedule.installments = {{d(2025, 9, 15), usd(100'00)},
                                       {d(2025, 12, 15), usd(100'00)}};
  BillRow first;
  first.statement_date = d(2025, 9, 30);
  first.case_id = "JA-P-TWK";
  first.amount_due = usd(130'00);
  first.due_date = d(2025, 12, 15);
  BillRow reissue = first;
  reissue.statement_date = d(2025, 10, 15);
  reissue.amount_due = usd(120'00);
  BillRow line_row = first;
  line_row.line = "001";  // line rows do not replace the case's schedule
  line_row.amount_due = usd(999'00);
  const CaseCashflow cashflow =
      case_cashflow(loa, "Amendment 2", d(2024, 1, 18), {first, reissue, line_row});
  ASSERT_EQ(cashflow.items.size(), 3u);
  EXPECT_EQ(cashflow.items[0].due, d(2024, 1, 18));  // deposit with the Basic LOA's acceptance
  EXPECT_EQ(cashflow.items[0].usd, usd(50'00));
  EXPECT_EQ(cashflow.items[1].basis, "schedule (Amendment 2)");
  EXPECT_EQ(cashflow.items[2].usd, usd(120'00));
  EXPECT_EQ(cashflow.items[2].basis, "DD 645 of 2025-10-15");
}

TEST(ForecastTest, TheCurrentRateMustBeDollarsToYen) {
  const RatePoint euro{
      d(2026, 10, 31),
      *ExchangeRate::parse("0.92", Currency::usd(), Currency::from_code("EUR").value()), "test"};
  const auto forecast = make_forecast(ForecastInput{d(2026, 11, 25), {}, std::nullopt, euro});
  ASSERT_FALSE(forecast.ok());
  EXPECT_THAT(forecast.error().message, HasSubstr("USD/JPY"));
}

}  // namespace
}  // namespace fms

namespace fms {
namespace {

// JFY2025 Q2 owes USD 1,000.00 (due 2025-09-15); it was paid on 2025-09-12 at 147 yen to the
// dollar, JPY 147,000. Today's rate is 150 and the budget's 140: the year cost 147,000 yen, not
// 150,000, and its exposure is 147,000 - 140,000 = 7,000 yen. Q3 (USD 500.00 due 2025-12-15) is
// not paid: 75,000 yen at today's rate.
TEST(ForecastPaid, WhatIsPaidCountsAtTheYenItCostTheRestAtTheCurrentRate) {
  CaseCashflow paid_case =
      flow({{d(2025, 9, 15), usd(1'000'00), "bill"}, {d(2025, 12, 15), usd(500'00), "schedule"}});
  paid_case.paid = {PaidItem{d(2025, 9, 12), usd(1'000'00), jpy(147'000)}};
  const Forecast forecast = run({paid_case}, budget_with_rates({{2025, "140"}}), "150");
  ASSERT_EQ(forecast.case_years.size(), 1u);
  const CaseYear& year = forecast.case_years[0];
  ASSERT_EQ(year.quarters.size(), 2u);
  EXPECT_EQ(year.quarters[0].usd_paid, usd(1'000'00));
  EXPECT_EQ(year.quarters[0].jpy_paid, jpy(147'000));
  EXPECT_EQ(year.quarters[0].jpy_current, jpy(147'000));
  EXPECT_EQ(year.quarters[1].usd_paid, usd(0));
  EXPECT_EQ(year.quarters[1].jpy_current, jpy(75'000));
  EXPECT_EQ(year.jpy_paid, jpy(147'000));
  EXPECT_EQ(year.jpy_current, jpy(222'000));
  EXPECT_EQ(year.jpy_budget, jpy(210'000));
  EXPECT_EQ(year.exposure, jpy(12'000));  // 7,000 realised + 5,000 still open
}

TEST(ForecastPaid, APaymentBeyondTheQuartersDollarsCountsOnlyInProportion) {
  // USD 1,500.00 paid in Q2 for JPY 225,000 against USD 1,000.00 owed: two thirds of it,
  // JPY 150,000, is this quarter's.
  CaseCashflow paid_case = flow({{d(2025, 9, 15), usd(1'000'00), "bill"}});
  paid_case.paid = {PaidItem{d(2025, 9, 12), usd(1'500'00), jpy(225'000)},
                    PaidItem{d(2025, 9, 13), usd(-10'00), jpy(-1'500)},   // a refund: not paid
                    PaidItem{d(2025, 9, 14), usd(10'00), std::nullopt}};  // yen unknown
  const Forecast forecast = run({paid_case}, std::nullopt, "150");
  const ForecastQuarter& q = forecast.case_years.at(0).quarters.at(0);
  EXPECT_EQ(q.usd_paid, usd(1'000'00));
  EXPECT_EQ(q.jpy_paid, jpy(150'000));
  EXPECT_EQ(q.jpy_current, jpy(150'000));
}

TEST(ForecastPaid, APaymentAfterTheForecastDateIsNotYetPaid) {
  CaseCashflow paid_case = flow({{d(2025, 9, 15), usd(1'000'00), "bill"}});
  paid_case.paid = {PaidItem{d(2025, 9, 12), usd(1'000'00), jpy(147'000)}};
  const Forecast forecast = run({paid_case}, std::nullopt, "150", d(2025, 9, 1));
  EXPECT_EQ(forecast.case_years.at(0).quarters.at(0).jpy_current, jpy(150'000));
}

}  // namespace
}  // namespace fms
