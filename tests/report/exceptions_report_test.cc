// The Board of Audit's exception groups: each group in and out, at the planned-date limit, the
// amounts per group, and the three renderings.
#include "report/exceptions_report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/report_view_fixture.h"
#include "report/sheet_text.h"

namespace fms::report {
namespace {

using testing::day;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::ViewBuilder;

constexpr const char* kAsOf = "2026-11-25";

LineFinancials line(const char* number, std::int64_t ordered, std::int64_t delivered,
                    std::int64_t undelivered_cents, const char* planned) {
  LineFinancials l;
  l.line = number;
  l.ordered_quantity = ordered;
  l.delivered_quantity = delivered;
  l.delivered_value_cents = delivered * 100;
  l.undelivered_value_cents = undelivered_cents;
  l.planned_availability = day(planned);
  return l;
}

CaseFinancials open_case(const char* id, CaseStatus status = CaseStatus::implemented) {
  CaseFinancials c;
  c.case_id = id;
  c.status = status;
  return c;
}

// A copy, so that tests may pass a temporary report (`group(of({c}), ...)`).
ExceptionGroupRow group(const ExceptionsReport& report, ExceptionGroup which) {
  return report.groups.at(static_cast<std::size_t>(which));
}

// The seller's statement of 2026-09-30 states `cost` as its total cost to date, and the
// purchaser paid `paid`: cash held = paid - cost.
void holds(CaseFinancials& c, std::int64_t paid, std::int64_t cost) {
  StatementFigures s;
  s.statement_date = day("2026-09-30");
  s.total_cost_cents = cost;
  c.position.statement = s;
  c.paid_cents = paid;
  c.position.paid_cents = paid;
  c.position.cash_held_cents = paid - cost;
}

ExceptionsReport of(const std::vector<CaseFinancials>& cases) {
  return exceptions_of(cases, day(kAsOf));
}

TEST(ExceptionGroups, PastPlannedUnsettledAndNotDelivered) {
  CaseFinancials c = open_case("JA-P-LAT");
  c.lines = {line("001", 10, 4, 6'000'00, "2026-01-01"),  // late, partly delivered
             line("002", 3, 0, 300'00, "2026-02-01"),     // late, nothing delivered
             line("003", 5, 0, 500'00, "2027-01-01"),     // not yet due
             line("004", 2, 2, 0, "2026-01-01")};         // late but complete
  const ExceptionsReport report = of({c});
  const ExceptionGroupRow& late = group(report, ExceptionGroup::past_planned_unsettled);
  ASSERT_EQ(late.cases.size(), 1u);
  EXPECT_EQ(late.cases[0].case_id, "JA-P-LAT");
  EXPECT_EQ(late.usd_cents, 6'300'00);
  const ExceptionGroupRow& never = group(report, ExceptionGroup::not_delivered);
  ASSERT_EQ(never.cases.size(), 1u);
  EXPECT_EQ(never.usd_cents, 300'00);
}

TEST(ExceptionGroups, PartlyDeliveredLateLineIsNotInNotDelivered) {
  CaseFinancials c = open_case("JA-P-LAT");
  c.lines = {line("001", 10, 4, 6'000'00, "2026-01-01")};
  const ExceptionsReport report = of({c});
  EXPECT_EQ(group(report, ExceptionGroup::past_planned_unsettled).cases.size(), 1u);
  EXPECT_TRUE(group(report, ExceptionGroup::not_delivered).cases.empty());
}

TEST(ExceptionGroups, PlannedOnTheReportDateIsNotYetPast) {
  CaseFinancials c = open_case("JA-P-LAT");
  c.lines = {line("001", 1, 0, 100'00, kAsOf)};
  EXPECT_TRUE(group(of({c}), ExceptionGroup::past_planned_unsettled).cases.empty());
  c.lines = {line("001", 1, 0, 100'00, "2026-11-24")};
  EXPECT_EQ(group(of({c}), ExceptionGroup::past_planned_unsettled).cases.size(), 1u);
}

TEST(ExceptionGroups, ClosedCasesLeaveOnlyOnceSettled) {
  CaseFinancials c = open_case("JA-P-SHT", CaseStatus::closed);
  c.lines = {line("001", 1, 0, 100'00, "2026-01-01")};
  holds(c, 1'000'00, 1'000'00);
  const ExceptionsReport settled = of({c});
  for (const ExceptionGroupRow& row : settled.groups) EXPECT_TRUE(row.cases.empty());

  // An open discrepancy keeps it in the report.
  c.open_discrepancies = {1, 100'00};
  c.open_by_type[recon::DiscrepancyType::quantity_short] = {1, 100'00};
  EXPECT_EQ(group(of({c}), ExceptionGroup::statement_not_matching_receipts).usd_cents, 100'00);
  c.open_discrepancies = {};
  c.open_by_type.clear();
  // So does cash the seller still holds: closed, yet 50.00 not refunded.
  holds(c, 1'050'00, 1'000'00);
  EXPECT_EQ(group(of({c}), ExceptionGroup::overpayment_unsettled).usd_cents, 50'00);
  // After a final statement, what it leaves outstanding counts, not the cash held.
  c.position.settlement = Settlement{day("2026-09-30"), 1'050'00, 1'000'00, 50'00, -50'00, 0};
  for (const ExceptionGroupRow& row : of({c}).groups) EXPECT_TRUE(row.cases.empty());
}

TEST(ExceptionGroups, OverpaymentAfterSupplyServicesComplete) {
  CaseFinancials c = open_case("JA-P-OVR", CaseStatus::supply_services_complete);
  c.lines = {line("001", 1, 1, 0, "2027-01-01")};
  c.delivered_value_cents = 1'000'00;
  holds(c, 1'000'00, 900'00);  // the seller credited 100.00: its cost to date is 900.00
  const ExceptionGroupRow& row = group(of({c}), ExceptionGroup::overpayment_unsettled);
  ASSERT_EQ(row.cases.size(), 1u);
  EXPECT_EQ(row.usd_cents, 100'00);
}

TEST(ExceptionGroups, OverpaymentBeforeSscOnlyWhenEveryLineIsPastItsPlannedDate) {
  CaseFinancials c = open_case("JA-P-OVR");
  c.lines = {line("001", 1, 1, 0, "2026-01-01"), line("002", 1, 1, 0, "2026-02-01")};
  c.delivered_value_cents = 200'00;
  holds(c, 250'00, 200'00);
  EXPECT_EQ(group(of({c}), ExceptionGroup::overpayment_unsettled).usd_cents, 50'00);
  c.lines[1].planned_availability = day("2027-02-01");
  EXPECT_TRUE(group(of({c}), ExceptionGroup::overpayment_unsettled).cases.empty());
  c.lines.clear();
  EXPECT_TRUE(group(of({c}), ExceptionGroup::overpayment_unsettled).cases.empty());
}

TEST(ExceptionGroups, NoOverpaymentWhenSettledOrUnderPaid) {
  CaseFinancials c = open_case("JA-P-OVR", CaseStatus::supply_services_complete);
  c.delivered_value_cents = 1'000'00;
  holds(c, 1'000'00, 1'000'00);
  EXPECT_TRUE(group(of({c}), ExceptionGroup::overpayment_unsettled).cases.empty());
  holds(c, 900'00, 1'000'00);
  EXPECT_TRUE(group(of({c}), ExceptionGroup::overpayment_unsettled).cases.empty());
  // Without a statement stating a cost, no cash held is known.
  c.position = {};
  c.paid_cents = 2'000'00;
  EXPECT_TRUE(group(of({c}), ExceptionGroup::overpayment_unsettled).cases.empty());
}

TEST(ExceptionGroups, StatementNotMatchingReceiptsCountsOnlyItsTypes) {
  CaseFinancials c = open_case("JA-P-MIS");
  c.open_by_type[recon::DiscrepancyType::quantity_short] = {2, 150'00};
  c.open_by_type[recon::DiscrepancyType::billed_not_delivered] = {1, 50'00};
  c.open_by_type[recon::DiscrepancyType::line_past_availability_undelivered] = {1, 999'00};
  const ExceptionGroupRow& row = group(of({c}), ExceptionGroup::statement_not_matching_receipts);
  ASSERT_EQ(row.cases.size(), 1u);
  EXPECT_EQ(row.usd_cents, 200'00);

  CaseFinancials other = open_case("JA-P-PAY");
  other.open_by_type[recon::DiscrepancyType::paid_ahead_of_bill] = {1, 10'00};
  EXPECT_TRUE(group(of({other}), ExceptionGroup::statement_not_matching_receipts).cases.empty());
}

TEST(ExceptionGroups, StatementMismatchTypes) {
  using T = recon::DiscrepancyType;
  for (T type :
       {T::shipped_not_received, T::received_not_reported, T::quantity_short, T::quantity_over,
        T::rejected_on_inspection, T::line_mismatch, T::duplicate_document, T::value_mismatch,
        T::billed_not_delivered, T::delivered_not_billed}) {
    EXPECT_TRUE(statement_mismatch(type)) << recon::to_string(type);
  }
  for (T type : {T::delivered_beyond_line_quantity, T::line_past_availability_undelivered,
                 T::paid_ahead_of_bill, T::past_ssc_unsettled}) {
    EXPECT_FALSE(statement_mismatch(type)) << recon::to_string(type);
  }
}

TEST(ExceptionGroups, TotalsAddUpOverCases) {
  CaseFinancials a = open_case("JA-P-AAA");
  a.lines = {line("001", 1, 0, 100'01, "2026-01-01")};
  CaseFinancials b = open_case("JA-P-BBB");
  b.lines = {line("001", 1, 0, 200'02, "2026-01-01")};
  const ExceptionGroupRow& row = group(of({a, b}), ExceptionGroup::not_delivered);
  ASSERT_EQ(row.cases.size(), 2u);
  EXPECT_EQ(row.cases[0].usd_cents, 100'01);
  EXPECT_EQ(row.cases[1].usd_cents, 200'02);
  EXPECT_EQ(row.usd_cents, 300'03);
}

// JA-P-LAT on 2026-11-25: line 001 (2 x 100.00) never shipped, line 002 (1 x 500.00) shipped
// but never received; both were planned for 2026-01-01. Paid 1,000.00; the DD 645 of
// 2026-09-30 states deliveries of 500.00, its cost to date: 500.00 held.
class ExceptionsReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    builder_.add_case("JA-P-LAT", CaseStatus::implemented, 1'200'00)
        .per_unit_line("001", 2, 100'00, "2026-01-01")
        .per_unit_line("002", 1, 500'00, "2026-01-01")
        .delivery("L2", "JA-P-LAT", "002", "2026-02-01", 1, 500'00)
        .bill("2026-09-30", "JA-P-LAT", 500'00, 1'000'00, 0)
        .payment("P1", "2026-01-15", "JA-P-LAT", 1'000'00);
  }
  ViewBuilder builder_{kAsOf};
};

TEST_F(ExceptionsReportTest, GroupsFromTheDocuments) {
  const ExceptionsReport report = exceptions_report(builder_.view(), false);
  EXPECT_EQ(group(report, ExceptionGroup::past_planned_unsettled).usd_cents, 200'00);
  EXPECT_EQ(group(report, ExceptionGroup::not_delivered).usd_cents, 200'00);
  EXPECT_EQ(group(report, ExceptionGroup::overpayment_unsettled).usd_cents, 500'00);
  EXPECT_EQ(group(report, ExceptionGroup::statement_not_matching_receipts).usd_cents, 500'00);
  EXPECT_TRUE(report.fresh);
}

TEST_F(ExceptionsReportTest, TextTableAndDetail) {
  const std::string summary = exceptions_text(exceptions_report(builder_.view(), false));
  EXPECT_THAT(summary, HasSubstr("Exceptions as of 2026-11-25"));
  EXPECT_THAT(summary, HasSubstr("Note: no reconciliation has been recorded"));
  EXPECT_THAT(summary, HasSubstr("past planned ship date and unsettled"));
  EXPECT_THAT(summary, HasSubstr("seller statement not matching receipts"));
  EXPECT_THAT(summary, Not(HasSubstr("JA-P-LAT")));
  const std::string detail = exceptions_text(exceptions_report(builder_.view(), true));
  EXPECT_THAT(detail, HasSubstr("2. not delivered\n"));
  EXPECT_THAT(detail, HasSubstr("JA-P-LAT"));
}

TEST_F(ExceptionsReportTest, JsonShape) {
  const Json json = exceptions_json(exceptions_report(builder_.view(), true));
  EXPECT_EQ(json["as_of"], "2026-11-25");
  ASSERT_EQ(json["groups"].size(), 4u);
  const Json& first = json["groups"][0];
  EXPECT_EQ(first["group"], "past-planned-ship-date-unsettled");
  EXPECT_EQ(first["label"], "past planned ship date and unsettled");
  EXPECT_EQ(first["cases"], 1);
  EXPECT_EQ(first["usd"], "200.00");
  EXPECT_EQ(first["case_list"][0]["case_id"], "JA-P-LAT");
  const Json summary = exceptions_json(exceptions_report(builder_.view(), false));
  EXPECT_FALSE(summary["groups"][0].contains("case_list"));
}

TEST_F(ExceptionsReportTest, Csv) {
  EXPECT_EQ(sheet_csv(exceptions_sheet(exceptions_report(builder_.view(), false))),
            "group,label,cases,usd\n"
            "past-planned-ship-date-unsettled,past planned ship date and unsettled,1,200.00\n"
            "not-delivered,not delivered,1,200.00\n"
            "overpayment-unsettled,overpayment unsettled,1,500.00\n"
            "statement-not-matching-receipts,seller statement not matching receipts,1,500.00\n");
  EXPECT_EQ(
      sheet_csv(exceptions_sheet(exceptions_report(builder_.view(), true))),
      "group,label,case_id,usd\n"
      "past-planned-ship-date-unsettled,past planned ship date and unsettled,JA-P-LAT,200.00\n"
      "not-delivered,not delivered,JA-P-LAT,200.00\n"
      "overpayment-unsettled,overpayment unsettled,JA-P-LAT,500.00\n"
      "statement-not-matching-receipts,seller statement not matching receipts,JA-P-LAT,"
      "500.00\n");
}

}  // namespace
}  // namespace fms::report
