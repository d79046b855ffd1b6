// Tests of a delivery listing's other rows in reconciliation (recon/listing_credits.h):
// shipment credits take back what a line delivered and settle what was wrong with the shipment
// they name; charges and replies are never deliveries.
#include <gtest/gtest.h>

#include "recon/recon.h"
#include "recon_fixture.h"

namespace fms::recon {
namespace {

using test::case_info;
using test::day;
using test::Fixture;
using test::of_type;
using test::per_unit_line;
using T = DeliveryTransaction;

// Ten units at USD 100.00 shipped on D1; eight received.
Fixture short_shipment() {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 10, 100'00)}));
  f.deliveries({{.number = "D1", .quantity = 10, .value_cents = 1'000'00}});
  f.receipts({{.id = "R1", .number = "D1", .received_quantity = 8}});
  return f;
}

TEST(ListingCredits, WithoutACreditTheShortageStands) {
  const auto found =
      of_type(short_shipment().discrepancies(day(2024, 3, 1)), DiscrepancyType::quantity_short);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].usd_cents, 200'00);  // 2 units x 100.00
}

TEST(ListingCredits, ACreditForTheMissingUnitsSettlesTheShortage) {
  Fixture f = short_shipment();
  f.deliveries({{.number = "D1",
                 .ship = day(2024, 2, 20),
                 .quantity = 2,
                 .value_cents = 200'00,
                 .type = T::shipment_credit,
                 .sdr = "A0001-JA-AAA/001"}});
  const auto all = f.discrepancies(day(2024, 3, 1));
  EXPECT_TRUE(of_type(all, DiscrepancyType::quantity_short).empty());
  // The credit is not a shipment: it is neither matched nor a duplicate of D1.
  EXPECT_TRUE(of_type(all, DiscrepancyType::duplicate_document).empty());
  EXPECT_EQ(f.matches().size(), 1U);
}

TEST(ListingCredits, APartialCreditLeavesTheRestAtStake) {
  Fixture f = short_shipment();
  f.deliveries(
      {{.number = "D1", .quantity = 1, .value_cents = 100'00, .type = T::shipment_credit}});
  const auto found = of_type(f.discrepancies(day(2024, 3, 1)), DiscrepancyType::quantity_short);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].usd_cents, 100'00);
}

TEST(ListingCredits, ACreditOnAnotherShipmentSettlesNothing) {
  Fixture f = short_shipment();
  f.deliveries(
      {{.number = "D9", .quantity = 2, .value_cents = 200'00, .type = T::shipment_credit}});
  EXPECT_EQ(of_type(f.discrepancies(day(2024, 3, 1)), DiscrepancyType::quantity_short).size(), 1U);
}

TEST(ListingCredits, ACreditBringsALineBackWithinItsQuantity) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 5, 100'00)}));
  f.deliveries({{.number = "A1", .quantity = 6, .value_cents = 600'00}});
  EXPECT_EQ(
      of_type(f.discrepancies(day(2024, 3, 2)), DiscrepancyType::delivered_beyond_line_quantity)
          .size(),
      1U);
  f.deliveries(
      {{.number = "A1", .quantity = 1, .value_cents = 100'00, .type = T::shipment_credit}});
  EXPECT_TRUE(
      of_type(f.discrepancies(day(2024, 3, 2)), DiscrepancyType::delivered_beyond_line_quantity)
          .empty());
}

TEST(ListingCredits, ChargesAndRepliesAreNotShipments) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 5, 100'00)}));
  // A receipt marked with the number the seller put on a charge: nothing was shipped under it.
  f.deliveries(
      {{.number = "X1", .quantity = 0, .value_cents = 50'00, .type = T::accessorial_charge},
       {.number = "X2",
        .quantity = 0,
        .value_cents = 0,
        .type = T::adjustment_reply,
        .sdr = "A0001-JA-AAA/001"}});
  f.receipts({{.id = "R1", .number = "X1", .received_quantity = 1}});
  EXPECT_TRUE(f.matches().empty());
  const auto all = f.discrepancies(day(2024, 3, 1));
  EXPECT_EQ(of_type(all, DiscrepancyType::received_not_reported).size(), 1U);
  EXPECT_TRUE(of_type(all, DiscrepancyType::shipped_not_received).empty());
}

}  // namespace
}  // namespace fms::recon
