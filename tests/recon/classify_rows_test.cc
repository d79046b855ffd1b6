// Tests for the row-level discrepancies of classify(): each type once where it applies and once
// on a near miss, with amounts to the cent, dates, documents and the next action.
#include <gtest/gtest.h>

#include "recon/recon.h"
#include "recon_fixture.h"

namespace fms::recon {
namespace {

using test::case_info;
using test::day;
using test::Fixture;
using test::lump_sum_line;
using test::of_type;
using test::per_unit_line;

// ---- shipped-not-received -------------------------------------------------------------------

TEST(ShippedNotReceived, UnmatchedShipmentOlderThanTheRule) {
  Fixture f;
  f.deliveries({{.number = "A1", .ship = day(2024, 1, 10), .value_cents = 1500'00}});
  // 2024-01-10 + 90 days = 2024-04-09; the shipment is overdue from 2024-04-10.
  const auto found =
      of_type(f.discrepancies(day(2024, 4, 10)), DiscrepancyType::shipped_not_received);
  ASSERT_EQ(found.size(), 1U);
  const Discrepancy& d = found[0];
  EXPECT_EQ(d.case_id, "JA-P-AAA");
  EXPECT_EQ(d.line, "001");
  EXPECT_EQ(d.documents, (std::vector<std::string>{"delivery A1"}));
  EXPECT_EQ(d.usd_cents, 1500'00);
  EXPECT_EQ(d.arose, day(2024, 1, 10));
  EXPECT_EQ(d.age_days, 91);
  EXPECT_EQ(d.next_action, "file SDR (S3 non-receipt) by 2025-01-09");
  EXPECT_EQ(d.action_due, day(2025, 1, 9));
}

TEST(ShippedNotReceived, NotYetOnTheLastDayOfGrace) {
  Fixture f;
  f.deliveries({{.number = "A1", .ship = day(2024, 1, 10)}});
  EXPECT_TRUE(of_type(f.discrepancies(day(2024, 4, 9)), DiscrepancyType::shipped_not_received)
                  .empty());
}

TEST(ShippedNotReceived, MatchedShipmentIsNotReported) {
  Fixture f;
  f.deliveries({{.number = "A1", .ship = day(2024, 1, 10)}});
  f.receipts({{.id = "R1", .number = "A1", .received = day(2024, 2, 1)}});
  EXPECT_TRUE(of_type(f.discrepancies(day(2025, 1, 1)), DiscrepancyType::shipped_not_received)
                  .empty());
}

// ---- duplicate-document ------------------------------------------------------------------------

TEST(DuplicateDocument, WithinOneListingNamesTheFirstReport) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 100, 100'00)}));
  f.deliveries({{.number = "A1", .source_line = 7},
                {.number = "B2"},
                {.number = "A1", .ship = day(2024, 2, 3), .value_cents = 250'00}},
               "listing-q1.csv");
  f.receipts({{.id = "R1", .number = "A1"}, {.id = "R2", .number = "B2"}});
  const auto all = f.discrepancies(day(2024, 3, 1));
  const auto found = of_type(all, DiscrepancyType::duplicate_document);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].documents,
            (std::vector<std::string>{"delivery A1", "first reported in listing-q1.csv line 7"}));
  EXPECT_EQ(found[0].usd_cents, 250'00);
  EXPECT_EQ(found[0].arose, day(2024, 2, 3));
  EXPECT_EQ(found[0].next_action, "ask the implementing agency to reverse the duplicate report");
  EXPECT_FALSE(found[0].action_due);
  // The duplicate is neither a shipment awaiting receipt nor part of any other finding.
  EXPECT_EQ(all.size(), 1U);
}

TEST(DuplicateDocument, AcrossListingsEachRepeatReported) {
  Fixture f;
  f.deliveries({{.number = "A1"}}, "q1.csv");
  f.deliveries({{.number = "C3"}, {.number = "A1", .source_line = 4}}, "q2.csv");
  f.deliveries({{.number = "A1"}}, "q3.csv");
  const auto found =
      of_type(f.discrepancies(day(2024, 2, 1)), DiscrepancyType::duplicate_document);
  ASSERT_EQ(found.size(), 2U);
  for (const Discrepancy& d : found) {
    EXPECT_EQ(d.documents[1], "first reported in q1.csv line 2");
  }
}

TEST(DuplicateDocument, DistinctNumbersAreNotDuplicates) {
  Fixture f;
  f.deliveries({{.number = "A1"}, {.number = "A10"}, {.number = "a1"}});
  EXPECT_TRUE(
      of_type(f.discrepancies(day(2024, 2, 1)), DiscrepancyType::duplicate_document).empty());
}

// ---- received-not-reported -------------------------------------------------------------------

TEST(ReceivedNotReported, ValuedAtTheLoaUnitCost) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 100, 12'34), lump_sum_line("002", 5000'00)}));
  f.receipts({{.id = "R1", .number = "Q9", .received = day(2024, 5, 2), .received_quantity = 3},
              {.id = "R2", .line = "002", .received_quantity = 1},
              {.id = "R3", .case_id = "JA-P-ZZZ", .received_quantity = 4}});
  const auto found =
      of_type(f.discrepancies(day(2024, 6, 1)), DiscrepancyType::received_not_reported);
  ASSERT_EQ(found.size(), 3U);
  // Ordered by case, then line: JA-P-AAA 001, JA-P-AAA 002, JA-P-ZZZ 001.
  EXPECT_EQ(found[0].documents, (std::vector<std::string>{"receipt R1"}));
  EXPECT_EQ(found[0].usd_cents, 37'02);
  EXPECT_EQ(found[0].arose, day(2024, 5, 2));
  EXPECT_EQ(found[0].next_action, "ask the implementing agency to report the delivery");
  EXPECT_FALSE(found[0].action_due);
  EXPECT_EQ(found[1].line, "002");
  EXPECT_EQ(found[1].usd_cents, 0);  // lump sum
  EXPECT_EQ(found[2].case_id, "JA-P-ZZZ");
  EXPECT_EQ(found[2].usd_cents, 0);  // unknown line
}

TEST(ReceivedNotReported, MatchedReceiptIsNotReported) {
  Fixture f;
  f.deliveries({{.number = "A1", .quantity = 3}});
  f.receipts({{.id = "R1", .number = "", .received_quantity = 3}});
  EXPECT_TRUE(
      of_type(f.discrepancies(day(2024, 6, 1)), DiscrepancyType::received_not_reported).empty());
}

// ---- quantity-short / quantity-over -------------------------------------------------------------

TEST(QuantityShort, ReceivedLessThanShipped) {
  Fixture f;
  f.deliveries({{.number = "A1", .ship = day(2024, 1, 10), .quantity = 3, .value_cents = 1000'00}});
  f.receipts({{.id = "R1", .number = "A1", .received = day(2024, 2, 1), .received_quantity = 1},
              {.id = "R2", .number = "A1", .received = day(2024, 2, 20), .received_quantity = 1}});
  const auto found = of_type(f.discrepancies(day(2024, 3, 1)), DiscrepancyType::quantity_short);
  ASSERT_EQ(found.size(), 1U);
  const Discrepancy& d = found[0];
  EXPECT_EQ(d.documents, (std::vector<std::string>{"delivery A1", "receipt R1", "receipt R2"}));
  EXPECT_EQ(d.usd_cents, 333'33);  // one of three units of USD 1,000.00
  EXPECT_EQ(d.arose, day(2024, 2, 20));
  EXPECT_EQ(d.age_days, 10);
  EXPECT_EQ(d.next_action, "file SDR (S1 shortage) by 2025-01-09");
  EXPECT_EQ(d.action_due, day(2025, 1, 9));
}

TEST(QuantityShort, TwoUnitsShortRoundHalfUp) {
  Fixture f;
  f.deliveries({{.number = "A1", .quantity = 3, .value_cents = 1000'00}});
  f.receipts({{.id = "R1", .number = "A1", .received_quantity = 1}});
  const auto found = of_type(f.discrepancies(day(2024, 3, 1)), DiscrepancyType::quantity_short);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].usd_cents, 666'67);
}

TEST(QuantityShort, ReceivedInFullIsNoDiscrepancy) {
  Fixture f;
  f.deliveries({{.number = "A1", .quantity = 3}});
  f.receipts({{.id = "R1", .number = "A1", .received_quantity = 2},
              {.id = "R2", .number = "A1", .received_quantity = 1}});
  const auto all = f.discrepancies(day(2024, 3, 1));
  EXPECT_TRUE(of_type(all, DiscrepancyType::quantity_short).empty());
  EXPECT_TRUE(of_type(all, DiscrepancyType::quantity_over).empty());
}

TEST(QuantityOver, ReceivedMoreThanShipped) {
  Fixture f;
  f.deliveries({{.number = "A1", .ship = day(2024, 1, 10), .quantity = 4, .value_cents = 800'00}});
  f.receipts({{.id = "R1", .number = "A1", .received = day(2024, 2, 1), .received_quantity = 5}});
  const auto found = of_type(f.discrepancies(day(2024, 3, 1)), DiscrepancyType::quantity_over);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].usd_cents, 200'00);
  EXPECT_EQ(found[0].next_action, "file SDR (overage) by 2025-01-09");
  EXPECT_TRUE(of_type(f.discrepancies(day(2024, 3, 1)), DiscrepancyType::quantity_short).empty());
}

TEST(QuantityOver, ZeroQuantityShipmentValuesTheWholeShipment) {
  Fixture f;
  f.deliveries({{.number = "A1", .quantity = 0, .value_cents = 450'00}});
  f.receipts({{.id = "R1", .number = "A1", .received_quantity = 2}});
  const auto found = of_type(f.discrepancies(day(2024, 3, 1)), DiscrepancyType::quantity_over);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].usd_cents, 450'00);
}

TEST(QuantityGroup, CombinedReceiptGroupComparesSums) {
  // match() only combines when sums agree, so build the matches by hand: one receipt of 9 units
  // recorded against two shipments of 4 + 6 units.
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 100, 100'00)}));
  f.deliveries({{.number = "A1", .ship = day(2024, 1, 12), .quantity = 6, .value_cents = 600'00},
                {.number = "B2", .ship = day(2024, 1, 10), .quantity = 4, .value_cents = 400'00}});
  f.receipts({{.id = "R1", .number = "", .received = day(2024, 2, 1), .received_quantity = 9}});
  const std::vector<Match> matches{test::line_match(0, 0, 0, 0), test::line_match(0, 1, 0, 0)};
  const auto all = classify(f.portfolio, matches, Rules{}, day(2024, 3, 1));
  ASSERT_EQ(all.size(), 1U);
  EXPECT_EQ(all[0].type, DiscrepancyType::quantity_short);
  // Deliveries in ship-date order, then the receipt; the first shipment sets the deadline.
  EXPECT_EQ(all[0].documents,
            (std::vector<std::string>{"delivery B2", "delivery A1", "receipt R1"}));
  EXPECT_EQ(all[0].usd_cents, 100'00);
  EXPECT_EQ(all[0].action_due, day(2025, 1, 9));
}

// ---- rejected-on-inspection -----------------------------------------------------------------

TEST(RejectedOnInspection, MatchedReceiptValuedAtTheShipmentUnitValue) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 100, 250'00)}));
  f.deliveries({{.number = "A1", .ship = day(2024, 1, 10), .quantity = 4, .value_cents = 1000'00}});
  f.receipts({{.id = "R1", .number = "A1", .received = day(2024, 2, 1), .received_quantity = 4,
               .rejected = 3}});
  const auto all = f.discrepancies(day(2024, 3, 1));
  ASSERT_EQ(all.size(), 1U);
  EXPECT_EQ(all[0].type, DiscrepancyType::rejected_on_inspection);
  EXPECT_EQ(all[0].documents, (std::vector<std::string>{"receipt R1", "delivery A1"}));
  EXPECT_EQ(all[0].usd_cents, 750'00);
  EXPECT_EQ(all[0].arose, day(2024, 2, 1));
  EXPECT_EQ(all[0].next_action, "file SDR (C condition) by 2025-01-09");
  EXPECT_EQ(all[0].action_due, day(2025, 1, 9));
}

TEST(RejectedOnInspection, UnmatchedReceiptValuedAtTheLoaUnitCostDueAfterReceipt) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 10, 150'00)}));
  f.receipts({{.id = "R1", .number = "", .received = day(2024, 2, 1), .received_quantity = 2,
               .rejected = 2}});
  const auto found =
      of_type(f.discrepancies(day(2024, 3, 1)), DiscrepancyType::rejected_on_inspection);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].documents, (std::vector<std::string>{"receipt R1"}));
  EXPECT_EQ(found[0].usd_cents, 300'00);
  EXPECT_EQ(found[0].action_due, day(2025, 1, 31));  // 2024 is a leap year
}

TEST(RejectedOnInspection, NothingRejectedNothingReported) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 100, 25'00)}));
  f.deliveries({{.number = "A1", .quantity = 4}});
  f.receipts({{.id = "R1", .number = "A1", .received_quantity = 4, .rejected = 0}});
  EXPECT_TRUE(f.discrepancies(day(2024, 3, 1)).empty());
}

// ---- line-mismatch ----------------------------------------------------------------------------

TEST(LineMismatch, ReceiptNamesAnotherLineOfTheSameNumber) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 100, 640'00)}));
  f.deliveries({{.number = "A1", .line = "001", .value_cents = 640'00}});
  f.receipts({{.id = "R1", .number = "A1", .line = "003", .received = day(2024, 2, 5)}});
  const auto all = f.discrepancies(day(2024, 3, 1));
  ASSERT_EQ(all.size(), 1U);
  const Discrepancy& d = all[0];
  EXPECT_EQ(d.type, DiscrepancyType::line_mismatch);
  EXPECT_EQ(d.line, "001");  // the delivery's line
  EXPECT_EQ(d.documents, (std::vector<std::string>{"delivery A1", "receipt R1"}));
  EXPECT_EQ(d.usd_cents, 640'00);
  EXPECT_EQ(d.arose, day(2024, 2, 5));
  EXPECT_EQ(d.next_action, "ask the implementing agency to correct the line reported for A1");
  EXPECT_FALSE(d.action_due);
}

TEST(LineMismatch, AnotherCaseIsAMismatchTheSameLineIsNot) {
  Fixture f;
  f.deliveries({{.number = "A1", .case_id = "JA-P-AAA"}, {.number = "B2", .case_id = "JA-P-AAA"}});
  f.receipts({{.id = "R1", .number = "A1", .case_id = "JA-P-BBB"},
              {.id = "R2", .number = "B2", .case_id = "JA-P-AAA"}});
  const auto found = of_type(f.discrepancies(day(2024, 3, 1)), DiscrepancyType::line_mismatch);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].documents[0], "delivery A1");
}

// ---- value-mismatch ---------------------------------------------------------------------------

TEST(ValueMismatch, BeyondTheToleranceOfTheLoaPrice) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 100, 100'00)}));
  f.deliveries({{.number = "A1", .ship = day(2024, 1, 10), .quantity = 10, .value_cents = 1100'01},
                {.number = "B2", .quantity = 10, .value_cents = 1100'00},
                {.number = "C3", .quantity = 10, .value_cents = 900'00},
                {.number = "D4", .quantity = 10, .value_cents = 899'99}});
  f.receipts({{.id = "R1", .number = "A1", .received_quantity = 10},
              {.id = "R2", .number = "B2", .received_quantity = 10},
              {.id = "R3", .number = "C3", .received_quantity = 10},
              {.id = "R4", .number = "D4", .received_quantity = 10}});
  const auto found = of_type(f.discrepancies(day(2024, 3, 1)), DiscrepancyType::value_mismatch);
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[0].documents, (std::vector<std::string>{"delivery A1"}));
  EXPECT_EQ(found[0].usd_cents, 100'01);
  EXPECT_EQ(found[0].arose, day(2024, 1, 10));
  EXPECT_EQ(found[0].next_action, "query the implementing agency on the price reported for A1");
  EXPECT_FALSE(found[0].action_due);
  EXPECT_EQ(found[1].documents, (std::vector<std::string>{"delivery D4"}));
  EXPECT_EQ(found[1].usd_cents, 100'01);
}

TEST(ValueMismatch, NotCheckedOnLumpSumUnknownOrZeroQuantityLines) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {lump_sum_line("001", 100'00), per_unit_line("002", 5, 10'00)}));
  f.deliveries({{.number = "A1", .line = "001", .quantity = 1, .value_cents = 900'00},
                {.number = "B2", .line = "002", .quantity = 0, .value_cents = 900'00},
                {.number = "C3", .line = "009", .quantity = 1, .value_cents = 900'00}});
  EXPECT_TRUE(of_type(f.discrepancies(day(2024, 3, 1)), DiscrepancyType::value_mismatch).empty());
}

TEST(ValueMismatch, DuplicatesAreNotPriceChecked) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 100, 100'00)}));
  f.deliveries({{.number = "A1", .quantity = 1, .value_cents = 100'00},
                {.number = "A1", .quantity = 1, .value_cents = 900'00}});
  EXPECT_TRUE(of_type(f.discrepancies(day(2024, 3, 1)), DiscrepancyType::value_mismatch).empty());
}

}  // namespace
}  // namespace fms::recon
