// The example execution documents of case JA-P-TWK (examples/execution/) import cleanly, their
// figures agree with each other and with the case's payment schedule, and they carry exactly
// the discrepancies they were written with: a short shipment, a rejected item and a receipt the
// seller never reported.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "io/execution_csv.h"
#include "io/execution_csv_fixtures.h"

namespace fms::io {
namespace {

std::string read_example(const std::string& name) {
  std::ifstream in(std::string(FMSLEDGER_SOURCE_DIR) + "/examples/execution/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ExecutionExamples, DeliveryListingImportsAndMatchesTheBill) {
  const Result<DeliveryListing> listing = parse_delivery_listing(
      read_example("tomahawk-deliveries-2025q3.csv"), "deliveries", testing_csv::reference());
  ASSERT_TRUE(listing.ok()) << listing.error().message;
  const Result<Bill> bill = parse_bill(read_example("tomahawk-dd645-2025-09-30.csv"), "bill");
  ASSERT_TRUE(bill.ok()) << bill.error().message;

  std::map<std::string, std::int64_t> delivered_by_line;
  for (std::size_t i = 0; i < listing->size(); ++i) {
    delivered_by_line[listing->line_keys[listing->line[i]].line] += listing->value_cents[i];
  }
  std::int64_t case_total = 0;
  for (const BillRow& row : bill->rows) {
    if (row.line.empty()) {
      case_total = row.cents(StatementField::cumulative_delivered);
      continue;
    }
    EXPECT_EQ(row.cents(StatementField::cumulative_delivered), delivered_by_line[row.line])
        << row.line;
  }
  std::int64_t listed_total = 0;
  for (const auto& [line, cents] : delivered_by_line) listed_total += cents;
  EXPECT_EQ(case_total, listed_total);
}

TEST(ExecutionExamples, ReceiptsCarryThePlantedDiscrepancies) {
  const Result<DeliveryListing> listing = parse_delivery_listing(
      read_example("tomahawk-deliveries-2025q3.csv"), "deliveries", testing_csv::reference());
  const Result<ReceiptInspections> receipts =
      parse_receipts(read_example("tomahawk-receipts-2025q3.csv"), "receipts");
  ASSERT_TRUE(listing.ok()) << listing.error().message;
  ASSERT_TRUE(receipts.ok()) << receipts.error().message;

  std::map<std::string, std::int32_t> shipped;
  for (std::size_t i = 0; i < listing->size(); ++i) {
    shipped[std::string(listing->document_number.at(i))] = listing->quantity[i];
  }
  int short_receipts = 0;
  int rejected_items = 0;
  int unreported = 0;
  for (std::size_t i = 0; i < receipts->size(); ++i) {
    const auto found = shipped.find(std::string(receipts->document_number.at(i)));
    if (found == shipped.end()) {
      ++unreported;
    } else if (receipts->quantity_received[i] < found->second) {
      ++short_receipts;
    }
    rejected_items += receipts->quantity_rejected[i];
  }
  EXPECT_EQ(short_receipts, 1);
  EXPECT_EQ(rejected_items, 1);
  EXPECT_EQ(unreported, 1);
}

TEST(ExecutionExamples, PaymentsImportAndConvertExactly) {
  const Result<Payments> payments =
      parse_payments(read_example("tomahawk-payments-jfy2025.csv"), "payments");
  ASSERT_TRUE(payments.ok()) << payments.error().message;
  ASSERT_EQ(payments->rows.size(), 4U);
  std::int64_t total_cents = 0;
  for (const PaymentRow& row : payments->rows) total_cents += row.usd.minor_units();
  // The four JFY2025 installments of the case's payment schedule, exactly.
  EXPECT_EQ(total_cents, (159'589'000 + 3 * 161'192'000) * std::int64_t{100});
}

}  // namespace
}  // namespace fms::io
