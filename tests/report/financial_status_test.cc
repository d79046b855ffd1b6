// Case and line figures: originals only, receipts, the latest bill rows, payments to date, SDR
// credits and open SDRs from the register as it stood on the report date, open discrepancies,
// undelivered value and the Adverse Financial Conditions.
#include "report/financial_status.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "report/report_view_fixture.h"
#include "report/usd_text.h"

namespace fms::report {
namespace {

using testing::ViewBuilder;

// JA-P-AAA as of 2026-11-25: line 001 (10 x USD 1,000.00, planned 2026-01-01) shipped 6 and
// reported again by a second listing (a duplicate); 6 received, 1 rejected. Line 002 (lump sum
// USD 1,000.00, planned 2027-01-01) untouched. Line 009 is not on the LOA but was shipped.
// Two bills (the later one wins), one payment before and one after the report date, an open
// SDR with a credit on line 001 and a closed case-level SDR with a credit.
class FinancialStatusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    builder_.add_case("JA-P-AAA", CaseStatus::implemented, 12'000'00)
        .per_unit_line("001", 10, 1'000'00, "2026-01-01")
        .lump_sum_line("002", 1, 1'000'00, "2027-01-01")
        .delivery("DN001", "JA-P-AAA", "001", "2026-02-01", 6, 6'000'00)
        .new_delivery_listing()
        .delivery("DN001", "JA-P-AAA", "001", "2026-05-01", 6, 6'000'00)
        .delivery("DN009", "JA-P-AAA", "009", "2026-05-01", 1, 50'00)
        .delivery("DNZZZ", "JA-P-ZZZ", "001", "2026-05-01", 1, 10'00)
        .receipt("RC1", "DN001", "JA-P-AAA", "001", "2026-02-10", 6, 1)
        .bill("2026-06-30", "JA-P-AAA", 6'000'00, 5'000'00, 1'000'00)
        .bill_line("001", 5'900'00)
        .bill("2026-09-30", "JA-P-AAA", 6'050'00, 5'000'00, 2'000'00)
        .bill_line("001", 6'000'00)
        .bill_line("009", 50'00)
        .payment("P1", "2026-03-01", "JA-P-AAA", 8'000'00)
        .payment("P2", "2026-12-01", "JA-P-AAA", 1'000'00)
        .sdr(1, "JA-P-AAA", "001", 1'000'00, 500'00)
        .sdr(2, "JA-P-AAA", "000", 300'00, 200'00, /*close=*/true);
  }

  const CaseFinancials& only_case() {
    cases_ = case_financials(builder_.view(), view_discrepancies(builder_.view()));
    EXPECT_EQ(cases_.size(), 1u);
    return cases_.front();
  }

  static const LineFinancials& line(const CaseFinancials& c, const std::string& number) {
    const auto found = std::find_if(c.lines.begin(), c.lines.end(),
                                    [&](const LineFinancials& l) { return l.line == number; });
    EXPECT_NE(found, c.lines.end()) << number;
    return *found;
  }

  ViewBuilder builder_{"2026-11-25"};
  std::vector<CaseFinancials> cases_;
};

TEST_F(FinancialStatusTest, LinesAreTheLoaLinesThenLinesTheDocumentsName) {
  const CaseFinancials& c = only_case();
  ASSERT_EQ(c.lines.size(), 3u);
  EXPECT_EQ(c.lines[0].line, "001");
  EXPECT_TRUE(c.lines[0].on_loa);
  EXPECT_EQ(c.lines[1].line, "002");
  EXPECT_EQ(c.lines[2].line, "009");
  EXPECT_FALSE(c.lines[2].on_loa);
  EXPECT_EQ(c.lines[2].ordered_quantity, 0);
}

TEST_F(FinancialStatusTest, DeliveredCountsOriginalsNotDuplicates) {
  const CaseFinancials& c = only_case();
  EXPECT_EQ(line(c, "001").delivered_quantity, 6);
  EXPECT_EQ(line(c, "001").delivered_value_cents, 6'000'00);
  EXPECT_EQ(line(c, "009").delivered_quantity, 1);
  EXPECT_EQ(c.delivered_value_cents, 6'050'00);
}

TEST_F(FinancialStatusTest, ReceivedAcceptedRejectedFromReceipts) {
  const LineFinancials& l = line(only_case(), "001");
  EXPECT_EQ(l.received_quantity, 6);
  EXPECT_EQ(l.accepted_quantity, 5);
  EXPECT_EQ(l.rejected_quantity, 1);
  EXPECT_EQ(line(only_case(), "002").received_quantity, 0);
}

TEST_F(FinancialStatusTest, BilledIsTheLatestCaseRowAndTheLatestLineRow) {
  const CaseFinancials& c = only_case();
  const std::optional<StatementFigures>& statement = c.position.statement;
  ASSERT_TRUE(statement.has_value());
  EXPECT_EQ(statement->statement_date, testing::day("2026-09-30"));
  EXPECT_EQ(statement->delivered_cents, 6'050'00);
  EXPECT_EQ(statement->received_cents, 5'000'00);
  EXPECT_EQ(statement->amount_due_cents, 2'000'00);
  EXPECT_EQ(c.position.billed_to_date_cents(), 7'000'00);
  EXPECT_EQ(line(c, "001").billed_delivered_cents, 6'000'00);
  EXPECT_EQ(line(c, "001").billed_statement_date, testing::day("2026-09-30"));
  EXPECT_FALSE(line(c, "002").billed_delivered_cents.has_value());
}

TEST_F(FinancialStatusTest, OnTheSameStatementDateTheLaterBillWins) {
  builder_.bill("2026-09-30", "JA-P-AAA", 6'060'00, 5'000'00, 3'000'00);
  EXPECT_EQ(only_case().position.statement->amount_due_cents, 3'000'00);
}

TEST_F(FinancialStatusTest, PaidCountsPaymentsOnOrBeforeTheReportDate) {
  EXPECT_EQ(only_case().paid_cents, 8'000'00);
  builder_.payment("P3", "2026-11-25", "JA-P-AAA", 1);
  EXPECT_EQ(only_case().paid_cents, 8'000'01);
}

TEST_F(FinancialStatusTest, SdrCreditsAndOpenSdrsComeFromTheRegister) {
  const CaseFinancials& c = only_case();
  EXPECT_EQ(c.sdr_credits_cents, 700'00);
  EXPECT_EQ(line(c, "001").sdr_credits_cents, 500'00);
  EXPECT_EQ(line(c, "002").sdr_credits_cents, 0);
  ASSERT_EQ(c.open_sdrs.size(), 1u);
  EXPECT_EQ(c.open_sdrs.front(), "A0001-JA-AAA/001");
}

TEST_F(FinancialStatusTest, CashHeldIsPaidLessTheStatementsCostToDate) {
  // The statement states only its deliveries, 6,050.00: that is its cost to date. SDR credits
  // reach the cost through the seller's statement, not through the purchaser's sums.
  const CasePosition& p = only_case().position;
  EXPECT_EQ(p.statement->total_cost_cents, 6'050'00);
  EXPECT_EQ(p.paid_cents, 8'000'00);
  EXPECT_EQ(p.cash_held_cents, 1'950'00);
}

TEST_F(FinancialStatusTest, UndeliveredValuePerUnitAndLumpSum) {
  const CaseFinancials& c = only_case();
  EXPECT_EQ(line(c, "001").undelivered_value_cents, 4'000'00);  // 4 x 1,000.00
  EXPECT_EQ(line(c, "002").undelivered_value_cents, 1'000'00);  // lump sum, nothing delivered
  EXPECT_EQ(line(c, "009").undelivered_value_cents, 0);         // not on the LOA
  EXPECT_EQ(c.undelivered_value_cents, 5'000'00);
  EXPECT_EQ(c.ordered_value_cents, 11'000'00);
  EXPECT_EQ(c.case_value_cents, 12'000'00);
}

TEST_F(FinancialStatusTest, LumpSumUndeliveredIsTotalLessDeliveredValueNeverNegative) {
  ViewBuilder b("2026-11-25");
  b.add_case("JA-B-SVC", CaseStatus::implemented, 3'000'00)
      .lump_sum_line("001", 1, 1'000'00)
      .lump_sum_line("002", 1, 1'000'00)
      .delivery("S1", "JA-B-SVC", "001", "2026-01-01", 0, 400'00)
      .delivery("S2", "JA-B-SVC", "002", "2026-01-01", 0, 1'200'00);
  const auto cases = case_financials(b.view(), view_discrepancies(b.view()));
  EXPECT_EQ(cases[0].lines[0].undelivered_value_cents, 600'00);
  EXPECT_EQ(cases[0].lines[1].undelivered_value_cents, 0);
}

TEST_F(FinancialStatusTest, OpenDiscrepanciesPerLineAndPerCase) {
  const CaseFinancials& c = only_case();
  // Line 001: the duplicate (6,000.00), the rejected unit (1,000.00) and the undelivered rest
  // past its planned availability (4,000.00).
  EXPECT_EQ(line(c, "001").open_discrepancies, 3u);
  EXPECT_EQ(line(c, "001").open_discrepancies_cents, 11'000'00);
  EXPECT_EQ(line(c, "002").open_discrepancies, 0u);
  ASSERT_TRUE(c.open_by_type.contains(recon::DiscrepancyType::duplicate_document));
  EXPECT_EQ(c.open_by_type.at(recon::DiscrepancyType::duplicate_document).count, 1u);
  EXPECT_EQ(c.open_by_type.at(recon::DiscrepancyType::duplicate_document).usd_cents, 6'000'00);
  std::size_t count = 0;
  std::int64_t cents = 0;
  for (const auto& d : view_discrepancies(builder_.view())) {
    if (d.case_id != "JA-P-AAA") continue;
    ++count;
    cents += d.usd_cents;
  }
  EXPECT_EQ(c.open_discrepancies.count, count);
  EXPECT_EQ(c.open_discrepancies.usd_cents, cents);
  EXPECT_GT(count, 3u);  // case-level and line 009 ones as well
}

TEST_F(FinancialStatusTest, RowsOfCasesTheLedgerDoesNotHaveAreLeftOut) {
  // JA-P-ZZZ has a delivery row but no case record.
  EXPECT_EQ(only_case().case_id, "JA-P-AAA");
}

TEST_F(FinancialStatusTest, LineDeliveredBeyondItsQuantityIsAnAdverseCondition) {
  const CaseFinancials& c = only_case();
  ASSERT_EQ(c.adverse.size(), 1u);
  EXPECT_EQ(c.adverse[0].condition, AdverseCondition::line_delivered_beyond_quantity);
  EXPECT_EQ(c.adverse[0].line, "009");
  EXPECT_EQ(c.adverse[0].text, "line 009 (not on the LOA): 1 delivered of 0 ordered");
}

TEST(AdverseConditions, EveryConditionAboveTheCaseValue) {
  ViewBuilder b("2026-11-25");
  b.add_case("JA-P-CCC", CaseStatus::implemented, 1'000'00)
      .per_unit_line("001", 1, 1'000'00)
      .delivery("C1", "JA-P-CCC", "001", "2026-01-01", 2, 2'000'00)
      .bill("2026-03-31", "JA-P-CCC", 2'000'00, 1'000'00, 500'01)
      .payment("P1", "2026-01-01", "JA-P-CCC", 1'000'01);
  const auto cases = case_financials(b.view(), view_discrepancies(b.view()));
  ASSERT_EQ(cases[0].adverse.size(), 4u);
  EXPECT_EQ(cases[0].adverse[0].condition, AdverseCondition::deliveries_above_case_value);
  EXPECT_EQ(cases[0].adverse[0].text, "deliveries USD 2,000.00 above the case value USD 1,000.00");
  EXPECT_EQ(cases[0].adverse[1].condition, AdverseCondition::billed_above_case_value);
  EXPECT_EQ(cases[0].adverse[1].text,
            "billed USD 1,500.01 (DD 645 of 2026-03-31) above the case value USD 1,000.00");
  EXPECT_EQ(cases[0].adverse[2].condition, AdverseCondition::payments_above_case_value);
  EXPECT_EQ(cases[0].adverse[2].text, "payments USD 1,000.01 above the case value USD 1,000.00");
  EXPECT_EQ(cases[0].adverse[3].condition, AdverseCondition::line_delivered_beyond_quantity);
  EXPECT_EQ(cases[0].adverse[3].text, "line 001: 2 delivered of 1 ordered");
}

TEST(AdverseConditions, ExactlyAtTheCaseValueIsNotAdverse) {
  ViewBuilder b("2026-11-25");
  b.add_case("JA-P-DDD", CaseStatus::implemented, 1'000'00)
      .per_unit_line("001", 1, 1'000'00)
      .delivery("D1", "JA-P-DDD", "001", "2026-01-01", 1, 1'000'00)
      .bill("2026-03-31", "JA-P-DDD", 1'000'00, 500'00, 500'00)
      .payment("P1", "2026-01-01", "JA-P-DDD", 1'000'00);
  const auto cases = case_financials(b.view(), view_discrepancies(b.view()));
  EXPECT_TRUE(cases[0].adverse.empty());
}

// The builder's SDRs are created on 2026-02-01, submitted on 02-02, answered with their credit
// on 03-01 and, when closed, closed on 03-02. A report dated before a step does not see it.
CaseFinancials figures_with_sdrs_as_of(const char* as_of) {
  ViewBuilder b(as_of);
  b.add_case("JA-P-AAA", CaseStatus::implemented, 12'000'00)
      .per_unit_line("001", 10, 1'000'00, "2027-01-01")
      .delivery("DN001", "JA-P-AAA", "001", "2026-01-10", 2, 2'000'00)
      .receipt("RC1", "DN001", "JA-P-AAA", "001", "2026-01-20", 2)
      .payment("P1", "2026-01-05", "JA-P-AAA", 3'000'00)
      .sdr(1, "JA-P-AAA", "001", 1'000'00, 500'00)
      .sdr(2, "JA-P-AAA", "000", 300'00, 200'00, /*close=*/true);
  auto cases = case_financials(b.view(), view_discrepancies(b.view()));
  EXPECT_EQ(cases.size(), 1u);
  return cases.front();
}

TEST(FinancialStatusAsOf, NoSdrBeforeItsCreation) {
  const CaseFinancials c = figures_with_sdrs_as_of("2026-01-31");
  EXPECT_EQ(c.sdr_credits_cents, 0);
  EXPECT_TRUE(c.open_sdrs.empty());
  EXPECT_EQ(c.paid_cents, 3'000'00);
  EXPECT_FALSE(c.position.cash_held_cents.has_value());  // no DD 645 states a cost
}

TEST(FinancialStatusAsOf, ACreditAnsweredAfterTheReportDateDoesNotCountYet) {
  const CaseFinancials before = figures_with_sdrs_as_of("2026-02-28");
  EXPECT_EQ(before.sdr_credits_cents, 0);
  EXPECT_EQ(before.lines.front().sdr_credits_cents, 0);
  EXPECT_EQ(before.open_sdrs, (std::vector<std::string>{"A0001-JA-AAA/001", "A0002-JA-AAA/000"}));

  const CaseFinancials on_answer = figures_with_sdrs_as_of("2026-03-01");
  EXPECT_EQ(on_answer.sdr_credits_cents, 700'00);
  EXPECT_EQ(on_answer.lines.front().sdr_credits_cents, 500'00);
}

TEST(FinancialStatusAsOf, AnSdrClosedAfterTheReportDateIsStillOpen) {
  EXPECT_EQ(figures_with_sdrs_as_of("2026-03-01").open_sdrs.size(), 2u);
  EXPECT_EQ(figures_with_sdrs_as_of("2026-03-02").open_sdrs,
            (std::vector<std::string>{"A0001-JA-AAA/001"}));
}

TEST(CaseStatusGroups, InExecutionAndAfterSupplyServicesComplete) {
  EXPECT_TRUE(in_execution(CaseStatus::implemented));
  EXPECT_TRUE(in_execution(CaseStatus::closed_interim));
  EXPECT_FALSE(in_execution(CaseStatus::accepted));
  EXPECT_FALSE(in_execution(CaseStatus::closed));
  EXPECT_FALSE(in_execution(CaseStatus::cancelled));
  EXPECT_TRUE(at_or_after_supply_services_complete(CaseStatus::supply_services_complete));
  EXPECT_TRUE(at_or_after_supply_services_complete(CaseStatus::closure_submitted));
  EXPECT_FALSE(at_or_after_supply_services_complete(CaseStatus::implemented));
  EXPECT_FALSE(at_or_after_supply_services_complete(CaseStatus::cancellation_requested));
}

TEST(SaturatingSums, HoldAtTheLimitInsteadOfWrapping) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  EXPECT_EQ(saturating_add(kMax - 1, 1), kMax);  // at the limit
  EXPECT_EQ(saturating_add(kMax, 1), kMax);      // just past it
  EXPECT_EQ(saturating_add(kMin, -1), kMin);
  EXPECT_EQ(saturating_sub(kMin + 1, 1), kMin);
  EXPECT_EQ(saturating_sub(kMin, 1), kMin);
  EXPECT_EQ(saturating_sub(0, kMin), kMax);
  EXPECT_EQ(saturating_sub(5, 7), -2);
}

}  // namespace
}  // namespace fms::report
