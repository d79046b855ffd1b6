// Tests for the line-level discrepancies of classify(): deliveries beyond the LOA line quantity
// (and the shipment that went over, in ship-date order) and lines past their planned
// availability with quantity still undelivered.
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

// ---- delivered-beyond-line-quantity ----------------------------------------------------------

TEST(DeliveredBeyondLineQuantity, NamesTheShipmentThatWentOverInShipDateOrder) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 5, 100'00)}));
  // Listed out of date order: the March shipment is the one that takes the line past 5.
  f.deliveries({{.number = "C3", .ship = day(2024, 3, 1), .quantity = 2, .value_cents = 200'00},
                {.number = "A1", .ship = day(2024, 1, 1), .quantity = 3, .value_cents = 300'00},
                {.number = "B2", .ship = day(2024, 2, 1), .quantity = 1, .value_cents = 100'00}});
  const auto found = of_type(f.discrepancies(day(2024, 3, 2)),
                             DiscrepancyType::delivered_beyond_line_quantity);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].line, "001");
  EXPECT_EQ(found[0].documents, (std::vector<std::string>{"delivery C3"}));
  EXPECT_EQ(found[0].usd_cents, 100'00);  // 6 - 5 = 1 unit x 100.00
  EXPECT_EQ(found[0].arose, day(2024, 3, 1));
  EXPECT_EQ(found[0].next_action,
            "ask the implementing agency to correct the line or amend the LOA");
  EXPECT_FALSE(found[0].action_due);
}

TEST(DeliveredBeyondLineQuantity, ExactlyTheLineQuantityIsFine) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 5, 100'00)}));
  f.deliveries({{.number = "A1", .quantity = 3, .value_cents = 300'00},
                {.number = "B2", .quantity = 2, .value_cents = 200'00}});
  EXPECT_TRUE(of_type(f.discrepancies(day(2024, 3, 2)),
                      DiscrepancyType::delivered_beyond_line_quantity)
                  .empty());
}

TEST(DeliveredBeyondLineQuantity, DuplicatesDoNotCount) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 5, 100'00)}));
  f.deliveries({{.number = "A1", .quantity = 5, .value_cents = 500'00},
                {.number = "A1", .quantity = 5, .value_cents = 500'00}});
  EXPECT_TRUE(of_type(f.discrepancies(day(2024, 3, 2)),
                      DiscrepancyType::delivered_beyond_line_quantity)
                  .empty());
}

TEST(DeliveredBeyondLineQuantity, LineMissingFromTheLoaAllowsNothing) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 5, 100'00)}));
  f.deliveries({{.number = "A1", .line = "004", .ship = day(2024, 1, 5), .quantity = 2},
                {.number = "B2", .case_id = "JA-P-NEW", .quantity = 0}});
  const auto found = of_type(f.discrepancies(day(2024, 3, 2)),
                             DiscrepancyType::delivered_beyond_line_quantity);
  ASSERT_EQ(found.size(), 1U);  // B2's zero quantity does not exceed zero
  EXPECT_EQ(found[0].line, "004");
  EXPECT_EQ(found[0].usd_cents, 0);  // no unit cost known
  EXPECT_EQ(found[0].arose, day(2024, 1, 5));
}

TEST(DeliveredBeyondLineQuantity, LumpSumLineHasNoAmount) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {lump_sum_line("001", 5000'00)}));
  f.deliveries({{.number = "A1", .quantity = 1, .value_cents = 10'00},
                {.number = "B2", .quantity = 1, .value_cents = 10'00}});
  const auto found = of_type(f.discrepancies(day(2024, 3, 2)),
                             DiscrepancyType::delivered_beyond_line_quantity);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].documents[0], "delivery B2");
  EXPECT_EQ(found[0].usd_cents, 0);
}

// ---- line-past-availability-undelivered ------------------------------------------------------

CaseInfo awaited_case(CaseStatus status, CivilDate planned) {
  LineInfo line = per_unit_line("001", 5, 120'00);
  line.planned_availability = planned;
  return case_info("JA-P-AAA", {line}, status);
}

TEST(LinePastAvailability, ImplementedCaseLineNotFullyDelivered) {
  Fixture f;
  f.with_case(awaited_case(CaseStatus::implemented, day(2024, 6, 30)));
  f.deliveries({{.number = "A1", .quantity = 2, .value_cents = 240'00}});
  f.receipts({{.id = "R1", .number = "A1", .received_quantity = 2}});
  const auto all = f.discrepancies(day(2024, 7, 1));
  ASSERT_EQ(all.size(), 1U);
  const Discrepancy& d = all[0];
  EXPECT_EQ(d.type, DiscrepancyType::line_past_availability_undelivered);
  EXPECT_EQ(d.line, "001");
  EXPECT_TRUE(d.documents.empty());
  EXPECT_EQ(d.usd_cents, 360'00);  // 3 undelivered x 120.00
  EXPECT_EQ(d.arose, day(2024, 6, 30));
  EXPECT_EQ(d.age_days, 1);
  EXPECT_EQ(d.next_action, "ask the implementing agency for a revised delivery estimate");
  EXPECT_FALSE(d.action_due);
}

TEST(LinePastAvailability, NotOnThePlannedDateItself) {
  Fixture f;
  f.with_case(awaited_case(CaseStatus::implemented, day(2024, 6, 30)));
  EXPECT_TRUE(f.discrepancies(day(2024, 6, 30)).empty());
}

TEST(LinePastAvailability, NotWhenFullyDeliveredOrTheCaseIsNotImplemented) {
  Fixture delivered;
  delivered.with_case(awaited_case(CaseStatus::implemented, day(2024, 6, 30)));
  delivered.deliveries({{.number = "A1", .quantity = 5, .value_cents = 600'00}});
  delivered.receipts({{.id = "R1", .number = "A1", .received_quantity = 5}});
  EXPECT_TRUE(delivered.discrepancies(day(2024, 7, 1)).empty());

  for (const CaseStatus status : {CaseStatus::suspended, CaseStatus::supply_services_complete,
                                  CaseStatus::accepted}) {
    Fixture f;
    f.with_case(awaited_case(status, day(2024, 6, 30)));
    EXPECT_TRUE(f.discrepancies(day(2024, 7, 1)).empty()) << to_string(status);
  }
}

TEST(LinePastAvailability, LumpSumLineOwesTheUndeliveredValue) {
  LineInfo line = lump_sum_line("002", 1000'00);
  line.planned_availability = day(2024, 6, 30);
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {line}));
  const auto none_delivered = f.discrepancies(day(2024, 7, 1));
  ASSERT_EQ(none_delivered.size(), 1U);
  EXPECT_EQ(none_delivered[0].usd_cents, 1000'00);

  // Half the units reported at more than the whole line's value: nothing left to owe.
  LineInfo two_units = lump_sum_line("002", 1000'00);
  two_units.quantity = 2;
  two_units.planned_availability = day(2024, 6, 30);
  Fixture g;
  g.with_case(case_info("JA-P-AAA", {two_units}));
  g.deliveries({{.number = "A1", .line = "002", .quantity = 1, .value_cents = 1200'00}});
  g.receipts({{.id = "R1", .number = "A1", .line = "002", .received_quantity = 1}});
  const auto over_valued = g.discrepancies(day(2024, 7, 1));
  ASSERT_EQ(over_valued.size(), 1U);
  EXPECT_EQ(over_valued[0].type, DiscrepancyType::line_past_availability_undelivered);
  EXPECT_EQ(over_valued[0].usd_cents, 0);  // total - delivered value, never below zero
}

}  // namespace
}  // namespace fms::recon
