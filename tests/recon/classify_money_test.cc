// Tests of the money discrepancies of classify() (recon/money_checks.h), each on a case worked
// by hand. The case: value 10,000.00 (one line of 100 at 100.00), implemented 2024-02-09, an
// initial deposit of 1,000.00 due with acceptance on 2024-01-18.
#include <gtest/gtest.h>

#include "recon/recon.h"
#include "recon_fixture.h"

namespace fms::recon {
namespace {

using test::bill_row;
using test::case_info;
using test::day;
using test::Fixture;
using test::of_type;
using test::payment_row;
using test::per_unit_line;

constexpr const char* kCase = "JA-P-MNY";

Fixture money_case() {
  Fixture f;
  CaseInfo info = case_info(kCase, {per_unit_line("001", 100, 100'00)});
  info.implemented = day(2024, 2, 9);
  info.initial_deposit_cents = 1'000'00;
  info.deposit_due = day(2024, 1, 18);
  info.schedule = {{day(2024, 1, 18), 1'000'00}};
  f.with_case(info);
  return f;
}

// A DD 645 of the case: cost to date `delivered`, `received` acknowledged, `due` payable.
BillRow statement(CivilDate date, std::int64_t delivered, std::int64_t received,
                  std::int64_t due = 0) {
  return bill_row(kCase, date, delivered, received, due);
}

TEST(PaymentNotCredited, PaidByTheStatementDateButNotAcknowledged) {
  Fixture f = money_case();
  f.payments({payment_row("P1", day(2024, 1, 15), kCase, 1'000'00),
              payment_row("P2", day(2024, 3, 14), kCase, 500'00),
              payment_row("P3", day(2024, 4, 2), kCase, 700'00)});  // after the statement
  f.bill({statement(day(2024, 3, 31), 0, 1'000'00)});
  const auto found =
      of_type(f.discrepancies(day(2024, 4, 20)), DiscrepancyType::payment_not_credited);
  // Paid by 2024-03-31: 1,000.00 + 500.00 = 1,500.00; acknowledged 1,000.00.
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].usd_cents, 500'00);
  EXPECT_EQ(found[0].documents, (std::vector<std::string>{"bill JA-P-MNY 2024-03-31"}));
  EXPECT_EQ(found[0].arose, day(2024, 3, 31));
  EXPECT_EQ(found[0].next_action,
            "ask DFAS to credit USD 500.00: paid USD 1,500.00 by 2024-03-31, the DD 645 of "
            "2024-03-31 shows USD 1,000.00 received");
}

TEST(CreditedNotRecorded, TheStatementAcknowledgesMoreThanIsRecorded) {
  Fixture f = money_case();
  f.payments({payment_row("P2", day(2024, 3, 14), kCase, 500'00)});
  f.bill({statement(day(2024, 3, 31), 0, 1'500'00)});
  const auto all = f.discrepancies(day(2024, 4, 20));
  const auto found = of_type(all, DiscrepancyType::credited_not_recorded);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].usd_cents, 1'000'00);
  EXPECT_EQ(found[0].next_action,
            "record the payments the DD 645 of 2024-03-31 acknowledges: USD 1,500.00 received "
            "against USD 500.00 recorded (USD 1,000.00 not recorded)");
  // The seller has the deposit: it is not also unpaid.
  EXPECT_TRUE(of_type(all, DiscrepancyType::deposit_unpaid).empty());
}

TEST(StatementOverdue, TheAmountDueUnpaidAfterItsDueDate) {
  Fixture f = money_case();
  f.payments({payment_row("P1", day(2024, 1, 15), kCase, 1'000'00)});
  // Due 2024-03-31 + 75 days = 2024-06-14: 2,000.00.
  f.bill({statement(day(2024, 3, 31), 0, 1'000'00, 2'000'00)});
  EXPECT_TRUE(
      of_type(f.discrepancies(day(2024, 6, 14)), DiscrepancyType::statement_overdue).empty());
  const auto found = of_type(f.discrepancies(day(2024, 6, 20)), DiscrepancyType::statement_overdue);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].usd_cents, 2'000'00);
  EXPECT_EQ(found[0].arose, day(2024, 6, 14));
  EXPECT_EQ(found[0].age_days, 6);
  EXPECT_EQ(found[0].action_due, day(2024, 6, 14));
  EXPECT_EQ(found[0].next_action, "pay USD 2,000.00, due 2024-06-14 and not paid");
  // Paid in part after the statement date: the rest is overdue.
  f.payments({payment_row("P2", day(2024, 6, 18), kCase, 1'500'00)});
  EXPECT_EQ(of_type(f.discrepancies(day(2024, 6, 20)), DiscrepancyType::statement_overdue)
                .at(0)
                .usd_cents,
            500'00);
}

TEST(StatementMissing, EachQuarterSinceImplementationWithoutItsStatement) {
  Fixture f = money_case();
  f.payments({payment_row("P1", day(2024, 1, 15), kCase, 1'000'00)});
  f.bill({statement(day(2024, 6, 30), 0, 1'000'00)});
  // On 2024-11-20: the quarters ending 2024-03-31 (missing), 2024-06-30 (received) and
  // 2024-09-30 (missing after 2024-11-14, 45 days after); 2024-12-31 is not yet due.
  const auto found =
      of_type(f.discrepancies(day(2024, 11, 20)), DiscrepancyType::statement_missing);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].documents,
            (std::vector<std::string>{"bill JA-P-MNY 2024-03-31", "bill JA-P-MNY 2024-09-30"}));
  EXPECT_EQ(found[0].arose, day(2024, 5, 15));  // the oldest: 2024-03-31 + 45 days
  EXPECT_EQ(found[0].age_days, 189);
  EXPECT_EQ(found[0].usd_cents, 0);
  EXPECT_EQ(found[0].next_action,
            "ask DFAS for the 2 missing DD 645s, of 2024-03-31 to 2024-09-30");
  // The day before the September quarter's statement is missing, only March's is.
  const auto earlier =
      of_type(f.discrepancies(day(2024, 11, 14)), DiscrepancyType::statement_missing);
  ASSERT_EQ(earlier.size(), 1U);
  EXPECT_EQ(earlier[0].next_action, "ask DFAS for the DD 645 of 2024-03-31");
  // A final statement ends the quarters expected.
  Fixture closed = money_case();
  closed.payments({payment_row("P1", day(2024, 1, 15), kCase, 1'000'00)});
  BillRow final_statement = statement(day(2024, 3, 31), 1'000'00, 1'000'00);
  final_statement.final_statement = true;
  closed.bill({final_statement});
  EXPECT_TRUE(
      of_type(closed.discrepancies(day(2025, 6, 1)), DiscrepancyType::statement_missing).empty());
}

TEST(DepositUnpaid, DueWithAcceptanceAndNotPaid) {
  Fixture f = money_case();
  f.payments({payment_row("P1", day(2024, 1, 15), kCase, 400'00)});
  const auto found = of_type(f.discrepancies(day(2024, 2, 20)), DiscrepancyType::deposit_unpaid);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].usd_cents, 600'00);
  EXPECT_EQ(found[0].arose, day(2024, 1, 18));
  EXPECT_EQ(found[0].next_action,
            "pay the initial deposit (USD 1,000.00, due with acceptance on 2024-01-18), or record "
            "its payment: USD 600.00 not paid");
  f.payments({payment_row("P2", day(2024, 2, 1), kCase, 600'00)});
  EXPECT_TRUE(of_type(f.discrepancies(day(2024, 2, 20)), DiscrepancyType::deposit_unpaid).empty());
}

TEST(CaseValue, CostsNearOrAboveTheCaseValueAndAStatementThatDisagrees) {
  Fixture f = money_case();
  f.payments({payment_row("P1", day(2024, 1, 15), kCase, 1'000'00)});
  BillRow near = statement(day(2024, 3, 31), 9'000'00, 1'000'00);
  near.case_value = Money(10'500'00, Currency::usd());
  f.bill({near});
  const auto all = f.discrepancies(day(2024, 4, 20));
  // 9,000.00 is 90% of 10,000.00: the warning point of the default rules.
  const auto warning = of_type(all, DiscrepancyType::cost_near_case_value);
  ASSERT_EQ(warning.size(), 1U);
  EXPECT_EQ(warning[0].usd_cents, 1'000'00);  // left
  EXPECT_EQ(warning[0].next_action,
            "ask the implementing agency whether an amendment is needed: costs to date USD "
            "9,000.00 are 90% of the case value, USD 1,000.00 left");
  const auto mismatch = of_type(all, DiscrepancyType::case_value_mismatch);
  ASSERT_EQ(mismatch.size(), 1U);
  EXPECT_EQ(mismatch[0].usd_cents, 500'00);

  Fixture over = money_case();
  over.payments({payment_row("P1", day(2024, 1, 15), kCase, 1'000'00)});
  over.bill({statement(day(2024, 3, 31), 10'000'01, 1'000'00)});
  const auto above =
      of_type(over.discrepancies(day(2024, 4, 20)), DiscrepancyType::cost_above_case_value);
  ASSERT_EQ(above.size(), 1U);
  EXPECT_EQ(above[0].usd_cents, 1);
  EXPECT_EQ(above[0].next_action,
            "ask the implementing agency for an amendment: costs to date USD 10,000.01 exceed "
            "the case value USD 10,000.00");
  Rules strict;
  strict.case_value_warning_basis_points = 9500;
  EXPECT_TRUE(
      of_type(f.discrepancies(day(2024, 4, 20), strict), DiscrepancyType::cost_near_case_value)
          .empty());
}

// Supply/services complete 2024-06-30; the final statement of 2024-09-30: cost 9,700.00,
// received 10,000.00, so 300.00 is to be refunded; once received (a payment of -300.00), settled.
TEST(SettlementOutstanding, TheFinalStatementsRefundUntilItIsReceived) {
  Fixture f = money_case();
  CaseInfo& info = f.portfolio.cases.front();
  info.status = CaseStatus::supply_services_complete;
  info.supply_services_complete = day(2024, 6, 30);
  f.payments({payment_row("P1", day(2024, 1, 15), kCase, 10'000'00)});
  BillRow final_statement = statement(day(2024, 9, 30), 9'700'00, 10'000'00, -300'00);
  final_statement.final_statement = true;
  f.bill({final_statement});
  const auto found =
      of_type(f.discrepancies(day(2024, 11, 1)), DiscrepancyType::settlement_outstanding);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].usd_cents, 300'00);
  EXPECT_EQ(found[0].arose, day(2024, 9, 30));
  EXPECT_EQ(found[0].action_due, day(2025, 6, 30));
  EXPECT_EQ(found[0].next_action,
            "request the refund of USD 300.00 the final statement of 2024-09-30 leaves "
            "(received USD 10,000.00 - total cost USD 9,700.00)");
  EXPECT_TRUE(
      of_type(f.discrepancies(day(2024, 11, 1)), DiscrepancyType::past_ssc_unsettled).empty());
  f.payments({payment_row("R1", day(2024, 12, 1), kCase, -300'00)});
  EXPECT_TRUE(
      of_type(f.discrepancies(day(2024, 12, 5)), DiscrepancyType::settlement_outstanding).empty());
}

}  // namespace
}  // namespace fms::recon
