// Tests for two rules about what exists on the as-of date: a bill whose statement date is after
// as_of is not yet the latest bill, and a quantity-0 delivery row (performance reported by value,
// nothing physical to receive) is never a shipment awaiting receipt.
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
using test::per_unit_line;

TEST(AsOf, ABillDatedAfterAsOfIsNotYetTheLatest) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 1000, 100'00)}));
  f.deliveries({{.number = "A1", .ship = day(2024, 3, 1), .quantity = 1, .value_cents = 100'00}});
  f.receipts({{.id = "R1", .number = "A1", .received = day(2024, 3, 5)}});
  f.bill({bill_row("JA-P-AAA", day(2024, 3, 31), 100'00)});
  f.bill({bill_row("JA-P-AAA", day(2024, 6, 30), 900'00)});
  // On 1 May only the March statement exists, and it balances.
  EXPECT_TRUE(f.discrepancies(day(2024, 5, 1)).empty());
  // From 30 June the June statement is the latest, and it claims more than was listed.
  const auto found = of_type(f.discrepancies(day(2024, 6, 30)),
                             DiscrepancyType::billed_not_delivered);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].documents, (std::vector<std::string>{"bill JA-P-AAA 2024-06-30"}));
  EXPECT_EQ(found[0].usd_cents, 800'00);
}

TEST(AsOf, AQuantityZeroRowIsNeverAwaitingReceipt) {
  Fixture f;
  f.with_case(case_info("JA-P-AAA", {per_unit_line("001", 1000, 100'00)}));
  f.deliveries({{.number = "S1", .ship = day(2024, 1, 10), .quantity = 0, .value_cents = 500'00},
                {.number = "A1", .ship = day(2024, 1, 10), .quantity = 1, .value_cents = 100'00}});
  const auto found =
      of_type(f.discrepancies(day(2024, 6, 1)), DiscrepancyType::shipped_not_received);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].documents, (std::vector<std::string>{"delivery A1"}));
}

}  // namespace
}  // namespace fms::recon
