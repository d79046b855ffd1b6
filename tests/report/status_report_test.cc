// The case financial status report: portfolio rows and exact totals, one case with its lines,
// an unknown case, and the text, JSON and CSV renderings.
#include "report/status_report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "report/report_view_fixture.h"
#include "report/sheet_text.h"

namespace fms::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::ViewBuilder;

// Two cases on 2026-11-25. JA-P-AAA: 1 of 2 units (USD 1,000.00 each) delivered and received,
// paid 1,500.00, a DD 645 of 2026-09-30. JA-P-BBB: delivered two units of a one-unit line worth
// 2,000.00, which is above its case value of 1,500.00; paid 2,000.00 and credited 100.00.
class StatusReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    builder_.add_case("JA-P-AAA", CaseStatus::implemented, 2'100'00)
        .per_unit_line("001", 2, 1'000'00, "2027-01-01")
        .add_case("JA-P-BBB", CaseStatus::supply_services_complete, 1'500'00, "2026-06-30")
        .per_unit_line("001", 1, 1'000'00, "2026-01-01")
        .delivery("A1", "JA-P-AAA", "001", "2026-03-01", 1, 1'000'00)
        .delivery("B1", "JA-P-BBB", "001", "2026-03-01", 2, 2'000'00)
        .receipt("RA1", "A1", "JA-P-AAA", "001", "2026-03-10", 1)
        .receipt("RB1", "B1", "JA-P-BBB", "001", "2026-03-10", 2)
        .bill("2026-09-30", "JA-P-AAA", 1'000'00, 1'500'00, 0)
        .bill_line("001", 1'000'00)
        .payment("PA1", "2026-02-01", "JA-P-AAA", 1'500'00)
        .payment("PB1", "2026-02-01", "JA-P-BBB", 2'000'00)
        .sdr(1, "JA-P-BBB", "001", 150'00, 100'00, /*close=*/true);
  }

  StatusReport build(std::optional<std::string> case_id = std::nullopt) {
    auto report = status_report(builder_.view(), case_id);
    EXPECT_TRUE(report.ok()) << report.error().message;
    return std::move(report).value();
  }

  ViewBuilder builder_{"2026-11-25"};
};

TEST_F(StatusReportTest, PortfolioTotalsAreExact) {
  const StatusReport report = build();
  ASSERT_EQ(report.cases.size(), 2u);
  EXPECT_FALSE(report.one_case);
  const StatusTotals& t = report.totals;
  EXPECT_EQ(t.case_value_cents, 3'600'00);
  EXPECT_EQ(t.ordered_value_cents, 3'000'00);
  EXPECT_EQ(t.delivered_value_cents, 3'000'00);
  EXPECT_EQ(t.undelivered_value_cents, 1'000'00);
  EXPECT_EQ(t.paid_cents, 3'500'00);
  EXPECT_EQ(t.sdr_credits_cents, 100'00);
  // AAA's statement states deliveries of 1,000.00, its cost to date; BBB has no statement.
  EXPECT_EQ(t.total_cost_cents, 1'000'00);
  EXPECT_EQ(t.costs_in_progress_cents, 0);
  EXPECT_EQ(t.arrears_cents, 0);
  // The pool: AAA's 1,500.00 paid - 1,000.00 cost; BBB states no cost, so adds nothing.
  EXPECT_EQ(t.cash_held_by_purchaser, (std::map<std::string, std::int64_t>{{"JA", 500'00}}));
  EXPECT_EQ(t.adverse_conditions, 3u);  // BBB: deliveries, payments, line 001
  std::size_t discrepancies = 0;
  std::int64_t cents = 0;
  for (const auto& c : report.cases) {
    discrepancies += c.open_discrepancies.count;
    cents += c.open_discrepancies.usd_cents;
  }
  EXPECT_EQ(t.open_discrepancies, discrepancies);
  EXPECT_EQ(t.open_discrepancies_cents, cents);
}

TEST_F(StatusReportTest, OneCaseKeepsOnlyThatCase) {
  const StatusReport report = build(std::string("JA-P-BBB"));
  EXPECT_TRUE(report.one_case);
  ASSERT_EQ(report.cases.size(), 1u);
  EXPECT_EQ(report.cases[0].case_id, "JA-P-BBB");
  EXPECT_EQ(report.totals.paid_cents, 2'000'00);
}

TEST_F(StatusReportTest, UnknownCaseIsNotFound) {
  const auto report = status_report(builder_.view(), std::string("JA-P-XXX"));
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().kind, ErrorKind::not_found);
  EXPECT_EQ(report.error().message, "case JA-P-XXX is not recorded");
}

TEST_F(StatusReportTest, PortfolioText) {
  const std::string text = status_text(build());
  EXPECT_THAT(text, HasSubstr("Case financial status as of 2026-11-25\n"));
  EXPECT_THAT(text, HasSubstr("Note: no reconciliation has been recorded"));
  EXPECT_THAT(text, HasSubstr("Cash held"));
  EXPECT_THAT(text, HasSubstr("Cash held by the seller for JA (pooled over its cases in "
                              "execution): USD 500.00"));
  EXPECT_THAT(text, HasSubstr("2 cases"));
  EXPECT_THAT(text, HasSubstr("3,500.00"));  // paid in total
  EXPECT_THAT(text, HasSubstr("Adverse Financial Conditions:\n"
                              "  JA-P-BBB: deliveries USD 2,000.00 above the case value USD "
                              "1,500.00\n"));
}

TEST_F(StatusReportTest, OneCaseTextShowsHeaderAndLines) {
  const std::string text = status_text(build(std::string("JA-P-AAA")));
  EXPECT_THAT(text, HasSubstr("Case JA-P-AAA\n"));
  EXPECT_THAT(text, HasSubstr("  DD 645                2026-09-30 (quarterly)\n"
                              "    delivered           USD 1,000.00\n"
                              "    total cost to date  USD 1,000.00\n"
                              "    received            USD 1,500.00\n"
                              "    amount due          USD 0.00 by 2026-12-15\n"));
  EXPECT_THAT(text, HasSubstr("  cash held             USD 500.00 (paid - total cost to date)\n"));
  EXPECT_THAT(text, HasSubstr("  arrears               none\n"));
  EXPECT_THAT(text, HasSubstr("Undelivered USD"));
  EXPECT_THAT(text, HasSubstr("Adverse Financial Conditions: none.\n"));
  EXPECT_THAT(text, Not(HasSubstr("JA-P-BBB")));
}

TEST_F(StatusReportTest, LineNotOnTheLoaIsMarked) {
  builder_.delivery("A9", "JA-P-AAA", "009", "2026-03-01", 1, 10'00);
  const std::string text = status_text(build(std::string("JA-P-AAA")));
  EXPECT_THAT(text, HasSubstr("009*"));
  EXPECT_THAT(text, HasSubstr("* not on the current LOA\n"));
}

TEST_F(StatusReportTest, JsonShape) {
  const Json portfolio = status_json(build());
  EXPECT_EQ(portfolio["as_of"], "2026-11-25");
  EXPECT_EQ(portfolio["matches_recorded"], false);
  ASSERT_EQ(portfolio["cases"].size(), 2u);
  const Json& aaa = portfolio["cases"][0];
  EXPECT_EQ(aaa["case_id"], "JA-P-AAA");
  EXPECT_EQ(aaa["status"], "implemented");
  EXPECT_EQ(aaa["paid"], "1500.00");
  EXPECT_EQ(aaa["position"]["cash_held"], "500.00");
  EXPECT_EQ(aaa["position"]["statement"]["statement_date"], "2026-09-30");
  EXPECT_EQ(aaa["position"]["statement"]["costs_in_progress"], nullptr);  // not stated
  EXPECT_EQ(aaa["position"]["billed_to_date"], "1500.00");
  EXPECT_TRUE(aaa["supply_services_complete"].is_null());
  EXPECT_FALSE(aaa.contains("lines"));
  const Json& bbb = portfolio["cases"][1];
  EXPECT_TRUE(bbb["position"]["statement"].is_null());
  EXPECT_TRUE(bbb["position"]["cash_held"].is_null());
  EXPECT_EQ(bbb["sdr_credits"], "100.00");
  EXPECT_EQ(bbb["adverse_conditions"][0]["condition"], "deliveries-above-case-value");
  EXPECT_EQ(portfolio["totals"]["cases"], 2);
  EXPECT_EQ(portfolio["totals"]["cash_held_by_purchaser"]["JA"]["cash_held"], "500.00");

  const Json one = status_json(build(std::string("JA-P-AAA")));
  const Json& line = one["cases"][0]["lines"][0];
  EXPECT_EQ(line["line"], "001");
  EXPECT_EQ(line["ordered_quantity"], 2);
  EXPECT_EQ(line["delivered_quantity"], 1);
  EXPECT_EQ(line["billed_delivered"], "1000.00");
  EXPECT_EQ(line["undelivered_value"], "1000.00");
  EXPECT_EQ(line["planned_availability"], "2027-01-01");
}

TEST_F(StatusReportTest, CsvPortfolioQuotesTextWithCommas) {
  const std::string csv = sheet_csv(status_sheet(build()));
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "case_id,status,supply_services_complete,case_value_usd,ordered_value_usd,"
            "delivered_value_usd,undelivered_value_usd,credited_value_usd,listed_charges_usd,"
            "statement_date,statement_final,"
            "billed_delivered_usd,costs_in_progress_usd,total_cost_usd,payments_received_usd,"
            "amount_due_usd,due_date,paid_usd,cash_held_usd,arrears_usd,next_payment_due,"
            "next_payment_usd,sdr_credits_usd,open_discrepancies,open_discrepancies_usd,open_sdrs,"
            "adverse_conditions");
  EXPECT_THAT(csv, HasSubstr("JA-P-AAA,implemented,,2100.00,2000.00,1000.00,1000.00,0.00,0.00,"
                             "2026-09-30,"
                             "false,1000.00,,1000.00,1500.00,0.00,2026-12-15,1500.00,500.00,0.00,"
                             ",,0.00,"));
  EXPECT_THAT(csv, HasSubstr(",\"deliveries USD 2,000.00 above the case value USD 1,500.00; "));
}

TEST_F(StatusReportTest, CsvOneCaseHasALineRow) {
  EXPECT_EQ(sheet_csv(status_sheet(build(std::string("JA-P-AAA")))),
            "case_id,line,on_loa,ordered_quantity,ordered_value_usd,planned_availability,"
            "delivered_quantity,delivered_value_usd,credited_quantity,credited_value_usd,"
            "received_quantity,accepted_quantity,"
            "rejected_quantity,billed_delivered_usd,billed_statement_date,sdr_credits_usd,"
            "open_discrepancies,open_discrepancies_usd,undelivered_value_usd\n"
            "JA-P-AAA,001,true,2,2000.00,2027-01-01,1,1000.00,0,0.00,1,1,0,1000.00,2026-09-30,0.00,"
            "0,"
            "0.00,1000.00\n");
}

}  // namespace
}  // namespace fms::report
