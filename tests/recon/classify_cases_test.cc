// Tests for the case-level discrepancies of classify(): the latest bill's cumulative deliveries
// against the delivery listings, payments ahead of what was billed or scheduled, and cases past
// supply/services complete whose cash held is not zero before their final statement.
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

constexpr const char* kCase = "JA-P-AAA";

// A case whose one line fits every delivery below, so row and line checks stay quiet.
Fixture quiet_case() {
  Fixture f;
  f.with_case(case_info(kCase, {per_unit_line("001", 1000, 100'00)}));
  return f;
}

// ---- billed-not-delivered / delivered-not-billed ----------------------------------------------

TEST(BilledNotDelivered, BillClaimsMoreThanTheListingsShowByItsDate) {
  Fixture f = quiet_case();
  f.deliveries({{.number = "A1", .ship = day(2024, 3, 31), .quantity = 10, .value_cents = 1000'00},
                {.number = "A1", .ship = day(2024, 3, 1), .quantity = 1, .value_cents = 100'00},
                {.number = "B2", .ship = day(2024, 4, 1), .quantity = 5, .value_cents = 500'00}});
  f.bill({bill_row(kCase, day(2024, 3, 31), 1500'00)});
  const auto found =
      of_type(f.discrepancies(day(2024, 4, 15)), DiscrepancyType::billed_not_delivered);
  // Listed by 31 March: A1 only (the duplicate and the April shipment do not count).
  ASSERT_EQ(found.size(), 1U);
  const Discrepancy& d = found[0];
  EXPECT_EQ(d.case_id, kCase);
  EXPECT_EQ(d.line, "");
  EXPECT_EQ(d.documents, (std::vector<std::string>{"bill JA-P-AAA 2024-03-31"}));
  EXPECT_EQ(d.usd_cents, 500'00);
  EXPECT_EQ(d.arose, day(2024, 3, 31));
  EXPECT_EQ(d.age_days, 15);
  EXPECT_EQ(d.next_action, "ask DFAS for the delivery transactions behind USD 500.00");
  EXPECT_FALSE(d.action_due);
}

TEST(DeliveredNotBilled, ListingsShowMoreThanTheBill) {
  Fixture f = quiet_case();
  f.deliveries({{.number = "A1", .ship = day(2024, 3, 1), .quantity = 20, .value_cents = 2000'00}});
  f.bill({bill_row(kCase, day(2024, 3, 31), 1234'56)});
  const auto all = f.discrepancies(day(2024, 4, 1));
  const auto found = of_type(all, DiscrepancyType::delivered_not_billed);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].usd_cents, 765'44);
  EXPECT_EQ(found[0].next_action, "expect it on the next DD 645; query DFAS if it is missing");
  EXPECT_TRUE(of_type(all, DiscrepancyType::billed_not_delivered).empty());
}

TEST(BilledNotDelivered, BalancedBillAndNoBillAreQuiet) {
  Fixture balanced = quiet_case();
  balanced.deliveries(
      {{.number = "A1", .ship = day(2024, 3, 1), .quantity = 1, .value_cents = 100'00}});
  balanced.receipts({{.id = "R1", .number = "A1", .received = day(2024, 3, 5)}});
  balanced.bill({bill_row(kCase, day(2024, 3, 31), 100'00)});
  EXPECT_TRUE(balanced.discrepancies(day(2024, 4, 1)).empty());

  Fixture unbilled = quiet_case();
  unbilled.deliveries(
      {{.number = "A1", .ship = day(2024, 3, 1), .quantity = 1, .value_cents = 100'00}});
  unbilled.receipts({{.id = "R1", .number = "A1", .received = day(2024, 3, 5)}});
  EXPECT_TRUE(unbilled.discrepancies(day(2024, 4, 1)).empty());
}

TEST(BilledNotDelivered, OnlyTheLatestBillCountsAndOnASameDateTheLaterDocument) {
  Fixture f = quiet_case();
  f.deliveries({{.number = "A1", .ship = day(2024, 3, 1), .quantity = 1, .value_cents = 100'00}});
  f.receipts({{.id = "R1", .number = "A1", .received = day(2024, 3, 5)}});
  f.bill({bill_row(kCase, day(2024, 6, 30), 300'00)});
  f.bill({bill_row(kCase, day(2024, 3, 31), 999'00)});  // older statement, later document
  f.bill({bill_row(kCase, day(2024, 6, 30), 100'00),    // line rows are not the case row
          [] {
            BillRow line = bill_row(kCase, day(2024, 6, 30), 777'00);
            line.line = "001";
            return line;
          }()});
  EXPECT_TRUE(f.discrepancies(day(2024, 7, 1)).empty());
}

// ---- paid-ahead-of-bill -------------------------------------------------------------------------

TEST(PaidAheadOfBill, NamesThePaymentThatWentPastWhatWasBilled) {
  Fixture f = quiet_case();
  f.bill({bill_row(kCase, day(2024, 3, 31), 0, /*payments=*/1000'00, /*due=*/500'00)});
  f.payments({payment_row("P2", day(2024, 5, 10), kCase, 600'00),
              payment_row("P1", day(2024, 4, 10), kCase, 1000'00),
              payment_row("P3", day(2024, 9, 1), kCase, 5000'00)});  // after as_of
  const auto found = of_type(f.discrepancies(day(2024, 6, 1)), DiscrepancyType::paid_ahead_of_bill);
  ASSERT_EQ(found.size(), 1U);
  const Discrepancy& d = found[0];
  EXPECT_EQ(d.line, "");
  EXPECT_EQ(d.documents, (std::vector<std::string>{"payment P2"}));
  EXPECT_EQ(d.usd_cents, 100'00);  // paid 1,600.00; billed 1,000.00 + 500.00
  EXPECT_EQ(d.arose, day(2024, 5, 10));
  EXPECT_EQ(d.next_action, "ask DFAS to apply USD 100.00 to the next bill or refund it");
  EXPECT_FALSE(d.action_due);
}

TEST(PaidAheadOfBill, PayingExactlyWhatWasBilledIsFine) {
  Fixture f = quiet_case();
  // The statement acknowledges the 1,000.00 paid by its date and asks 500.00 more.
  f.bill({bill_row(kCase, day(2024, 3, 31), 0, 1000'00, 500'00)});
  f.payments({payment_row("P0", day(2024, 1, 10), kCase, 1000'00),
              payment_row("P1", day(2024, 4, 10), kCase, 500'00)});
  EXPECT_TRUE(f.discrepancies(day(2024, 6, 1)).empty());
}

TEST(PaidAheadOfBill, ScheduleAllowsMoreThanTheBill) {
  CaseInfo info = case_info(kCase, {per_unit_line("001", 1000, 100'00)});
  info.schedule = {
      {day(2024, 1, 1), 2000'00}, {day(2024, 5, 15), 1000'00}, {day(2024, 9, 15), 9000'00}};
  Fixture f;
  f.with_case(info);
  f.payments({payment_row("P1", day(2024, 1, 5), kCase, 2000'00),
              payment_row("P2", day(2024, 5, 20), kCase, 1000'00)});
  // No bill: the schedule due by 1 June (3,000.00) allows both payments.
  EXPECT_TRUE(f.discrepancies(day(2024, 6, 1)).empty());
  // One cent more is ahead of both.
  f.payments({payment_row("P3", day(2024, 5, 31), kCase, 1)});
  const auto found = of_type(f.discrepancies(day(2024, 6, 1)), DiscrepancyType::paid_ahead_of_bill);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].documents, (std::vector<std::string>{"payment P3"}));
  EXPECT_EQ(found[0].usd_cents, 1);
  EXPECT_EQ(found[0].next_action, "ask DFAS to apply USD 0.01 to the next bill or refund it");
}

// ---- past-ssc-unsettled -------------------------------------------------------------------------

CaseInfo completed_case(CaseStatus status) {
  CaseInfo info = case_info(kCase, {per_unit_line("001", 1000, 100'00)}, status);
  info.supply_services_complete = day(2024, 1, 31);
  return info;
}

// Delivered 1,000.00; the DD 645 of 2024-03-31 states those deliveries as its cost to date and
// acknowledges every payment; not a final statement.
Fixture completed_with(CaseStatus status, std::int64_t paid_cents) {
  Fixture f;
  f.with_case(completed_case(status));
  f.deliveries(
      {{.number = "A1", .ship = day(2023, 11, 1), .quantity = 10, .value_cents = 1000'00}});
  f.receipts(
      {{.id = "R1", .number = "A1", .received = day(2023, 11, 20), .received_quantity = 10}});
  f.payments({payment_row("P1", day(2023, 6, 1), kCase, paid_cents)});
  f.bill({bill_row(kCase, day(2024, 3, 31), 1000'00, paid_cents, 0)});
  CaseInfo& info = f.portfolio.cases.front();
  info.schedule = {{day(2023, 6, 1), paid_cents}};
  return f;
}

TEST(PastSscUnsettled, CashHeldAfterSupplyServicesCompleteAwaitsTheFinalStatement) {
  const auto all =
      completed_with(CaseStatus::supply_services_complete, 1200'00).discrepancies(day(2024, 6, 1));
  ASSERT_EQ(all.size(), 1U);
  const Discrepancy& d = all[0];
  EXPECT_EQ(d.type, DiscrepancyType::past_ssc_unsettled);
  EXPECT_EQ(d.line, "");
  EXPECT_TRUE(d.documents.empty());
  EXPECT_EQ(d.usd_cents, 200'00);  // 1,200.00 paid - 1,000.00 cost to date
  EXPECT_EQ(d.arose, day(2024, 1, 31));
  EXPECT_EQ(d.next_action,
            "ask DFAS for the final statement of account: cash held USD 200.00 (paid - total "
            "cost to date)");
  EXPECT_EQ(d.action_due, day(2025, 1, 31));
}

TEST(PastSscUnsettled, CostsUnpaidAfterSupplyServicesComplete) {
  const auto all =
      completed_with(CaseStatus::closure_submitted, 950'00).discrepancies(day(2024, 6, 1));
  ASSERT_EQ(all.size(), 1U);
  EXPECT_EQ(all[0].usd_cents, 50'00);
  EXPECT_EQ(all[0].next_action,
            "ask DFAS for the final statement of account: costs unpaid USD 50.00 (paid - total "
            "cost to date)");
}

TEST(PastSscUnsettled, BalancedBeforeSscOrWithoutADateIsQuiet) {
  EXPECT_TRUE(completed_with(CaseStatus::supply_services_complete, 1000'00)
                  .discrepancies(day(2024, 6, 1))
                  .empty());
  EXPECT_TRUE(
      completed_with(CaseStatus::implemented, 1200'00).discrepancies(day(2024, 6, 1)).empty());
  Fixture no_date = completed_with(CaseStatus::supply_services_complete, 1200'00);
  no_date.portfolio.cases.front().supply_services_complete.reset();
  EXPECT_TRUE(no_date.discrepancies(day(2024, 6, 1)).empty());
  // A closed case still holding cash is not settled.
  EXPECT_EQ(completed_with(CaseStatus::closed, 1200'00).discrepancies(day(2024, 6, 1)).size(), 1U);
}

TEST(PastSscUnsettled, ClosureMonthsComeFromTheRules) {
  Rules rules;
  rules.closure_months_after_ssc = 24;
  const auto all = completed_with(CaseStatus::supply_services_complete, 1200'00)
                       .discrepancies(day(2024, 6, 1), rules);
  ASSERT_EQ(all.size(), 1U);
  EXPECT_EQ(all[0].action_due, day(2026, 1, 31));
}

}  // namespace
}  // namespace fms::recon
