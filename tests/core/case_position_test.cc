// Tests of a case's financial position (core/case_position.h), on one case worked by hand:
//
//   value 1,000,000.00; schedule: deposit 100,000 due 2025-01-10, then 200,000 due on each of
//   2025-03-15, 06-15, 09-15 and 12-15.
//   payments: 2025-01-10 100,000; 2025-03-14 200,000; 2025-06-13 JPY 29,400,000 at 147 (USD
//   200,000).
//   DD 645 of 2025-03-31: delivered 50,000 + in progress 250,000 + PC&H 1,000 + transportation
//     2,000 + surcharge 9,600 + CAS 4,000 = total 316,600; received 300,000; due 150,000 by
//     2025-06-15.
//   DD 645 of 2025-06-30: delivered 200,000 + in progress 300,000 + PC&H 3,000 + transportation
//     5,000 + surcharge 16,000 + CAS 6,000 = total 530,000; received 500,000; termination
//     liability 20,000; due 180,000 by 2025-09-15.
#include "core/case_position.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fms {
namespace {

constexpr std::int64_t kDollar = 100;

Money usd(std::int64_t dollars) {
  return Money(dollars * kDollar, Currency::usd());
}

CivilDate day(int y, unsigned m, unsigned d) {
  return CivilDate::from_ymd(y, m, d);
}

BillRow statement(CivilDate date, std::int64_t delivered, std::int64_t in_progress,
                  std::int64_t pch, std::int64_t transportation, std::int64_t surcharge,
                  std::int64_t cas, std::int64_t received, std::int64_t due_amount, CivilDate due) {
  BillRow row;
  row.statement_date = date;
  row.case_id = "JA-P-TWK";
  row.cumulative_delivered = usd(delivered);
  row.costs_in_progress = usd(in_progress);
  row.packing_crating_handling = usd(pch);
  row.transportation = usd(transportation);
  row.admin_surcharge = usd(surcharge);
  row.contract_administration = usd(cas);
  row.cumulative_payments = usd(received);
  row.amount_due = usd(due_amount);
  row.due_date = due;
  return row;
}

PaymentRow payment(CivilDate date, std::int64_t dollars) {
  PaymentRow row;
  row.payment_id = "P-" + date.to_string();
  row.date = date;
  row.case_id = "JA-P-TWK";
  row.amount = usd(dollars);
  row.usd = usd(dollars);
  return row;
}

class CasePositionTest : public ::testing::Test {
 protected:
  CasePositionTest() {
    march = statement(day(2025, 3, 31), 50'000, 250'000, 1'000, 2'000, 9'600, 4'000, 300'000,
                      150'000, day(2025, 6, 15));
    june = statement(day(2025, 6, 30), 200'000, 300'000, 3'000, 5'000, 16'000, 6'000, 500'000,
                     180'000, day(2025, 9, 15));
    june.termination_liability = usd(20'000);
    payments.push_back(payment(day(2025, 1, 10), 100'000));
    payments.push_back(payment(day(2025, 3, 14), 200'000));
    PaymentRow yen = payment(day(2025, 6, 13), 200'000);
    yen.jpy = Money(29'400'000, Currency::jpy());
    payments.push_back(yen);
  }

  [[nodiscard]] CasePosition at(CivilDate as_of) const {
    PositionInput input;
    input.as_of = as_of;
    input.case_value_cents = 1'000'000 * kDollar;
    input.schedule = {{day(2025, 1, 10), 100'000 * kDollar},
                      {day(2025, 3, 15), 200'000 * kDollar},
                      {day(2025, 6, 15), 200'000 * kDollar},
                      {day(2025, 9, 15), 200'000 * kDollar},
                      {day(2025, 12, 15), 200'000 * kDollar}};
    for (const BillRow& row : statements) input.statements.push_back(&row);
    input.statements.push_back(&march);
    input.statements.push_back(&june);
    for (const PaymentRow& row : payments) input.payments.push_back(&row);
    return case_position(input);
  }

  BillRow march;
  BillRow june;
  std::vector<BillRow> statements;   // more statements, for the later tests
  std::vector<PaymentRow> payments;  // appended to by the later tests
};

TEST_F(CasePositionTest, BetweenStatementsTheLatestStatementAndThePaymentsMakeThePosition) {
  const CasePosition p = at(day(2025, 7, 20));
  ASSERT_TRUE(p.statement.has_value());
  EXPECT_EQ(p.statement->statement_date, day(2025, 6, 30));
  EXPECT_EQ(p.statements, 2U);
  EXPECT_EQ(p.statement->total_cost_cents, 530'000 * kDollar);  // the six parts summed
  EXPECT_EQ(p.statement->accessorials_cents, 8'000 * kDollar);
  EXPECT_EQ(p.statement->surcharges_cents, 22'000 * kDollar);
  EXPECT_EQ(p.paid_cents, 500'000 * kDollar);
  EXPECT_EQ(p.paid_jpy, 29'400'000);
  EXPECT_EQ(p.payments_without_yen, 2U);
  EXPECT_EQ(p.paid_by_statement_cents, 500'000 * kDollar);
  EXPECT_EQ(p.scheduled_to_date_cents, 500'000 * kDollar);
  // 500,000 paid - 530,000 cost: a deficit the purchaser's other cases may cover.
  EXPECT_EQ(p.cash_held_cents, -30'000 * kDollar);
  EXPECT_EQ(p.cash_available_cents, -50'000 * kDollar);  // less the 20,000 reserve
  // March's 150,000 was due 2025-06-15; the 200,000 of 2025-06-13 came after 2025-03-31.
  EXPECT_EQ(p.arrears_cents, 0);
  EXPECT_FALSE(p.arrears_due.has_value());
  // Schedule by 2025-09-15: 700,000; billed: 500,000 received + 180,000 due.
  EXPECT_EQ(p.billed_to_date_cents(), 680'000 * kDollar);
  EXPECT_EQ(p.schedule_minus_billed_cents, 20'000 * kDollar);
  ASSERT_TRUE(p.next_payment.has_value());
  EXPECT_EQ(p.next_payment->due, day(2025, 9, 15));
  EXPECT_EQ(p.next_payment->usd_cents, 180'000 * kDollar);
  EXPECT_EQ(p.next_payment->basis, "DD 645 of 2025-06-30");
  EXPECT_FALSE(p.settlement.has_value());
}

TEST_F(CasePositionTest, AStatementUnpaidAfterItsDueDateIsInArrears) {
  const CasePosition p = at(day(2025, 9, 20));
  EXPECT_EQ(p.arrears_cents, 180'000 * kDollar);
  EXPECT_EQ(p.arrears_due, day(2025, 9, 15));
  // No statement is open: the next payment is the schedule's.
  ASSERT_TRUE(p.next_payment.has_value());
  EXPECT_EQ(p.next_payment->due, day(2025, 12, 15));
  EXPECT_EQ(p.next_payment->usd_cents, 200'000 * kDollar);
  EXPECT_EQ(p.next_payment->basis, "payment schedule");

  payments.push_back(payment(day(2025, 9, 25), 100'000));
  EXPECT_EQ(at(day(2025, 9, 30)).arrears_cents, 80'000 * kDollar);  // paid in part
  payments.push_back(payment(day(2025, 9, 26), 80'000));
  EXPECT_EQ(at(day(2025, 9, 30)).arrears_cents, 0);
}

TEST_F(CasePositionTest, BeforeAnyStatementOnlyTheScheduleAndPaymentsAreKnown) {
  const CasePosition p = at(day(2025, 2, 1));
  EXPECT_FALSE(p.statement.has_value());
  EXPECT_EQ(p.paid_cents, 100'000 * kDollar);
  EXPECT_FALSE(p.cash_held_cents.has_value());
  EXPECT_FALSE(p.billed_to_date_cents().has_value());
  EXPECT_EQ(p.arrears_cents, 0);
  ASSERT_TRUE(p.next_payment.has_value());
  EXPECT_EQ(p.next_payment->due, day(2025, 3, 15));
}

// The final statement of 2025-12-31: delivered 900,000 + PC&H 5,000 + transportation 8,000 +
// surcharge 28,800 + CAS 8,200 = 950,000; received 980,000 (500,000 + 180,000 on 2025-09-25 +
// 300,000 on 2025-12-12): a refund of 30,000 is due.
TEST_F(CasePositionTest, AFinalStatementSettlesTheCaseOnceTheRefundIsReceived) {
  payments.push_back(payment(day(2025, 9, 25), 180'000));
  payments.push_back(payment(day(2025, 12, 12), 300'000));
  statements.push_back(statement(day(2025, 12, 31), 900'000, 0, 5'000, 8'000, 28'800, 8'200,
                                 980'000, -30'000, day(2026, 3, 15)));
  statements.back().final_statement = true;
  CasePosition p = at(day(2026, 2, 1));
  ASSERT_TRUE(p.settlement.has_value());
  EXPECT_EQ(p.settlement->received_cents, 980'000 * kDollar);
  EXPECT_EQ(p.settlement->total_cost_cents, 950'000 * kDollar);
  EXPECT_EQ(p.settlement->balance_cents, 30'000 * kDollar);
  EXPECT_EQ(p.settlement->outstanding_cents, 30'000 * kDollar);
  EXPECT_FALSE(p.settlement->settled());
  EXPECT_EQ(p.cash_held_cents, 30'000 * kDollar);
  EXPECT_EQ(p.arrears_cents, 0);  // a credit is never in arrears

  payments.push_back(payment(day(2026, 3, 1), -30'000));  // the refund received
  p = at(day(2026, 3, 10));
  EXPECT_EQ(p.settlement->paid_since_cents, -30'000 * kDollar);
  EXPECT_TRUE(p.settlement->settled());
  EXPECT_EQ(p.cash_held_cents, 0);
}

TEST_F(CasePositionTest, AnUnderCollectionIsSettledByThePurchasersPayment) {
  payments.push_back(payment(day(2025, 9, 25), 180'000));
  statements.push_back(statement(day(2025, 12, 31), 900'000, 0, 5'000, 8'000, 28'800, 8'200,
                                 680'000, 270'000, day(2026, 3, 15)));
  statements.back().final_statement = true;
  CasePosition p = at(day(2026, 2, 1));
  EXPECT_EQ(p.settlement->balance_cents, -270'000 * kDollar);
  EXPECT_EQ(p.settlement->outstanding_cents, -270'000 * kDollar);
  payments.push_back(payment(day(2026, 3, 13), 270'000));
  p = at(day(2026, 3, 20));
  EXPECT_TRUE(p.settlement->settled());
}

TEST(StatementFigures, AStatedTotalWinsAndAbsentPartsAreNotZero) {
  BillRow row;
  row.statement_date = CivilDate::from_ymd(2026, 6, 30);
  row.amount_due = usd(1);
  row.due_date = CivilDate::from_ymd(2026, 9, 15);
  StatementFigures figures = statement_figures(row);
  EXPECT_FALSE(figures.total_cost_cents.has_value());
  EXPECT_FALSE(figures.accessorials_cents.has_value());
  row.transportation = usd(7);
  row.total_cost = usd(100);
  figures = statement_figures(row);
  EXPECT_EQ(figures.accessorials_cents, 7 * kDollar);
  EXPECT_EQ(figures.total_cost_cents, 100 * kDollar);
}

}  // namespace
}  // namespace fms
