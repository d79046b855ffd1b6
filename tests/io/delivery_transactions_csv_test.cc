// Tests of the transaction types of a delivery listing (docs/formats/delivery-listing.md,
// "Transaction types"): the optional transaction_type and sdr columns, the rules each type's
// amounts follow, and the SDR a credit or reply names.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "io/execution_csv.h"
#include "io/execution_csv_fixtures.h"

namespace fms::io {
namespace {

using ::testing::ElementsAre;
using testing_csv::error_of;
using testing_csv::reference;

constexpr const char* kHeader =
    "document_number,case_id,line,ship_date,quantity,value_usd,delivery_term_code,"
    "reporting_quarter_end,transaction_type,sdr\n";
constexpr const char* kShipment = "N3902A5123F001,JA-P-AMA,001,2025-07-14,4,20000.00,4,2025-09-30";

Result<DeliveryListing> parse(const std::string& text) {
  return parse_delivery_listing(text, "deliveries.csv", reference(), CsvParseOptions{1});
}

// The message for a listing whose one data row (line 2) is `row`.
std::string problem_with_row(const std::string& row) {
  return error_of(parse(std::string(kHeader) + row + "\n"));
}

TEST(DeliveryTransactions, EveryTypeIsReadWithTheSdrItAnswers) {
  const std::string text = std::string(kHeader) + kShipment + ",shipment,\n" +
                           "N3902A5123F001,JA-P-AMA,001,2025-08-20,1,5000.00,4,2025-09-30,"
                           "shipment-credit,A0007-JA-AMA/001\n"
                           "N3902A5123F009,JA-P-AMA,001,2025-08-21,0,310.00,4,2025-09-30,"
                           "accessorial,\n"
                           "N3902A5123F009,JA-P-AMA,001,2025-08-22,0,10.00,4,2025-09-30,"
                           "accessorial-credit,\n"
                           "N3902A5123F010,JA-P-AMA,001,2025-08-23,0,55.00,4,2025-09-30,"
                           "administrative,\n"
                           "N3902A5123F010,JA-P-AMA,001,2025-08-24,0,5.00,4,2025-09-30,"
                           "administrative-credit,A0007-JA-AMA/000\n"
                           "N3902A5123F002,JA-P-AMA,001,2025-08-25,0,0,4,2025-09-30,"
                           "adjustment-reply,A0008-JA-AMA/001R\n"
                           "N3902A5123F003,JA-P-AMA,001,2025-08-26,2,10000.00,4,2025-09-30,,\n";
  const Result<DeliveryListing> listing = parse(text);
  ASSERT_TRUE(listing.ok()) << listing.error().message;
  ASSERT_EQ(listing->size(), 8U);
  ASSERT_TRUE(listing->has_transactions());
  using T = DeliveryTransaction;
  std::vector<T> types;
  for (std::size_t i = 0; i < listing->size(); ++i) types.push_back(listing->transaction_of(i));
  EXPECT_THAT(types, ElementsAre(T::shipment, T::shipment_credit, T::accessorial_charge,
                                 T::accessorial_credit, T::administrative_charge,
                                 T::administrative_credit, T::adjustment_reply, T::shipment));
  EXPECT_EQ(listing->sdr_of(0), "");
  EXPECT_EQ(listing->sdr_of(1), "A0007-JA-AMA/001");
  EXPECT_EQ(listing->sdr_of(5), "A0007-JA-AMA/000");
  EXPECT_EQ(listing->sdr_of(6), "A0008-JA-AMA/001R");
  EXPECT_EQ(listing->value_cents[2], 31'000);
}

TEST(DeliveryTransactions, AListingOfShipmentsOnlyIsHeldAsIfTheColumnsWereNotThere) {
  const std::string plain =
      "document_number,case_id,line,ship_date,quantity,value_usd,delivery_term_code,"
      "reporting_quarter_end\n" +
      std::string(kShipment) + "\n";
  const std::string typed = std::string(kHeader) + kShipment + ",shipment,\n";
  const std::string blank = std::string(kHeader) + kShipment + ",,\n";
  const Result<DeliveryListing> a = parse(plain);
  const Result<DeliveryListing> b = parse(typed);
  const Result<DeliveryListing> c = parse(blank);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_FALSE(b->has_transactions());
  EXPECT_EQ(b->sdr.size(), 0U);
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(*a, *c);
}

TEST(DeliveryTransactions, ReadsTheSameOnSeveralThreads) {
  std::string text = kHeader;
  for (int i = 0; i < 40'000; ++i) {
    const bool credit = i % 7 == 3;
    text += "N3902A5123F" + std::to_string(100'000 + i) + ",JA-P-AMA,001,2025-07-14," +
            (credit ? "1,5000.00,4,2025-09-30,shipment-credit,A0007-JA-AMA/001\n"
                    : "4,20000.00,4,2025-09-30,,\n");
  }
  const Result<DeliveryListing> one =
      parse_delivery_listing(text, "d.csv", reference(), CsvParseOptions{1});
  const Result<DeliveryListing> four =
      parse_delivery_listing(text, "d.csv", reference(), CsvParseOptions{4});
  ASSERT_TRUE(one.ok() && four.ok());
  EXPECT_EQ(*one, *four);
  EXPECT_EQ(one->transaction_of(3), DeliveryTransaction::shipment_credit);
  EXPECT_EQ(one->sdr_of(10), "A0007-JA-AMA/001");
}

TEST(DeliveryTransactions, AnUnknownTypeIsRefusedNamingTheTypes) {
  EXPECT_EQ(problem_with_row(std::string(kShipment) + ",credit,"),
            "deliveries.csv:2: field \"transaction_type\": \"credit\" is not a transaction type; "
            "the types are shipment, shipment-credit, administrative, administrative-credit, "
            "accessorial, accessorial-credit, adjustment-reply");
  EXPECT_EQ(problem_with_row(std::string(kShipment) + ", shipment,"),
            "deliveries.csv:2: field \"transaction_type\": \" shipment\" has leading or trailing "
            "spaces; values are not trimmed, remove them");
}

TEST(DeliveryTransactions, AChargeCarriesAValueAndNoQuantity) {
  EXPECT_EQ(
      problem_with_row("N3902A5123F009,JA-P-AMA,001,2025-08-21,2,310.00,4,2025-09-30,accessorial,"),
      "deliveries.csv:2: field \"quantity\": an accessorial row carries no quantity; write 0 (a "
      "credit for items is a shipment-credit)");
  EXPECT_EQ(
      problem_with_row(
          "N3902A5123F009,JA-P-AMA,001,2025-08-21,0,0.00,4,2025-09-30,administrative-credit,"),
      "deliveries.csv:2: field \"value_usd\": an administrative-credit row of value 0 reports "
      "nothing");
  EXPECT_EQ(
      problem_with_row("N3902A5123F001,JA-P-AMA,001,2025-08-20,0,0,4,2025-09-30,shipment-credit,"),
      "deliveries.csv:2: field \"value_usd\": quantity and value_usd are both zero; a delivery "
      "row reports a quantity, a value or both");
}

TEST(DeliveryTransactions, OnlyCreditsAndRepliesNameAnSdr) {
  EXPECT_EQ(problem_with_row(std::string(kShipment) + ",shipment,A0007-JA-AMA/001"),
            "deliveries.csv:2: field \"sdr\": a row of type shipment answers no SDR; only "
            "credits and adjustment-reply rows name one");
  EXPECT_EQ(
      problem_with_row("N3902A5123F009,JA-P-AMA,001,2025-08-21,0,310.00,4,2025-09-30,accessorial,"
                       "A0007-JA-AMA/001"),
      "deliveries.csv:2: field \"sdr\": a row of type accessorial answers no SDR; only "
      "credits and adjustment-reply rows name one");
}

TEST(DeliveryTransactions, AReplyNamesTheSdrItAnswers) {
  EXPECT_EQ(
      problem_with_row("N3902A5123F002,JA-P-AMA,001,2025-08-25,0,0,4,2025-09-30,adjustment-reply,"),
      "deliveries.csv:2: field \"sdr\": a reply to an adjustment request names the SDR it answers "
      "(column sdr)");
  const std::string without_sdr_column =
      "document_number,case_id,line,ship_date,quantity,value_usd,delivery_term_code,"
      "reporting_quarter_end,transaction_type\n"
      "N3902A5123F002,JA-P-AMA,001,2025-08-25,0,0,4,2025-09-30,adjustment-reply\n";
  EXPECT_EQ(error_of(parse(without_sdr_column)),
            "deliveries.csv:2: field \"transaction_type\": a reply to an adjustment request names "
            "the SDR it answers (column sdr)");
}

TEST(DeliveryTransactions, TheSdrIsAboutTheRowsCaseAndLine) {
  const std::string credit =
      "N3902A5123F001,JA-P-AMA,001,2025-08-20,1,5000.00,4,2025-09-30,"
      "shipment-credit,";
  EXPECT_EQ(problem_with_row(credit + "A0007-JA-TWK/001"),
            "deliveries.csv:2: field \"sdr\": SDR \"A0007-JA-TWK/001\" is not about this row's "
            "case \"JA-P-AMA\" line \"001\" (nor the case as a whole, line 000)");
  EXPECT_EQ(problem_with_row(credit + "A0007-JA-AMA/002"),
            "deliveries.csv:2: field \"sdr\": SDR \"A0007-JA-AMA/002\" is not about this row's "
            "case \"JA-P-AMA\" line \"001\" (nor the case as a whole, line 000)");
  EXPECT_EQ(problem_with_row(credit + "A7-JA-AMA/001"),
            "deliveries.csv:2: field \"sdr\": SDR number \"A7-JA-AMA/001\": too short (expected "
            "e.g. A0001-JA-TWK/001, A0001-JA-TWK/001R)");
}

}  // namespace
}  // namespace fms::io
