// Tests of the delivery listing importer (io/execution_csv.h, docs/formats/delivery-listing.md):
// what a valid listing becomes, and the exact message of every field rule.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "core/civil_date.h"
#include "io/execution_csv.h"
#include "io/execution_csv_fixtures.h"

namespace fms::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing_csv::error_of;
using testing_csv::kDeliveryHeader;
using testing_csv::reference;
using testing_csv::valid_delivery_listing;

std::int32_t serial(const char* iso) {
  return CivilDate::parse(iso)->serial();
}

Result<DeliveryListing> parse(const std::string& text) {
  return parse_delivery_listing(text, "deliveries.csv", reference(), CsvParseOptions{1});
}

// A listing whose only data row is `row`.
std::string with_row(const std::string& row) {
  return std::string(kDeliveryHeader) + row + "\n";
}

// The message for a listing with one data row (line 2) that breaks one rule.
std::string problem_with_row(const std::string& row) {
  return error_of(parse(with_row(row)));
}

constexpr const char* kGoodRow =
    "N3902A5123F001,JA-P-AMA,001,2025-07-14,4,20000.00,4,FB2570314200XAX,2025-09-30";

TEST(DeliveryListingCsv, ReadsEveryColumn) {
  const Result<DeliveryListing> listing = parse(valid_delivery_listing());
  ASSERT_TRUE(listing.ok()) << listing.error().message;
  ASSERT_EQ(listing->size(), 3U);
  EXPECT_THAT(listing->line_keys,
              ElementsAre(LineKey{"JA-P-AMA", "001"}, LineKey{"JA-P-AMA", "002"}));
  EXPECT_THAT(listing->line, ElementsAre(0U, 1U, 0U));
  EXPECT_THAT(listing->term_codes, ElementsAre("4", "9"));
  EXPECT_THAT(listing->term_code, ElementsAre(0, 1, 0));
  EXPECT_EQ(listing->document_number.at(0), "N3902A5123F001");
  EXPECT_EQ(listing->document_number.at(2), "N3902A5123F003");
  EXPECT_THAT(listing->ship_date,
              ElementsAre(serial("2025-07-14"), serial("2025-08-02"), serial("2025-09-30")));
  EXPECT_THAT(listing->quantity, ElementsAre(4, 1, 0));
  EXPECT_THAT(listing->value_cents, ElementsAre(2'000'000, 150'050, 12'500));
  EXPECT_EQ(listing->tcn.at(0), "FB2570314200XAX");
  EXPECT_EQ(listing->tcn.at(1), "");
  EXPECT_THAT(listing->reporting_quarter_end,
              ElementsAre(serial("2025-09-30"), serial("2025-09-30"), serial("2025-09-30")));
  EXPECT_THAT(listing->source_line, ElementsAre(2U, 3U, 4U));
}

TEST(DeliveryListingCsv, ColumnsMayComeInAnyOrderAndTcnMayBeLeftOut) {
  const std::string text =
      "reporting_quarter_end,value_usd,quantity,delivery_term_code,ship_date,line,case_id,"
      "document_number\n"
      "2025-09-30,20000.00,4,4,2025-07-14,001,JA-P-AMA,N3902A5123F001\n";
  const Result<DeliveryListing> listing = parse(text);
  ASSERT_TRUE(listing.ok()) << listing.error().message;
  ASSERT_EQ(listing->size(), 1U);
  EXPECT_EQ(listing->document_number.at(0), "N3902A5123F001");
  EXPECT_EQ(listing->value_cents[0], 2'000'000);
  EXPECT_EQ(listing->quantity[0], 4);
  ASSERT_EQ(listing->tcn.size(), 1U);
  EXPECT_EQ(listing->tcn.at(0), "");
}

TEST(DeliveryListingCsv, ARepeatedDocumentNumberIsNotAnImportError) {
  const Result<DeliveryListing> listing = parse(with_row(kGoodRow) + kGoodRow + "\n");
  ASSERT_TRUE(listing.ok()) << listing.error().message;
  EXPECT_EQ(listing->size(), 2U);
}

TEST(DeliveryListingCsv, QuantityMessageAsDocumented) {
  std::string text = std::string(kDeliveryHeader);
  for (int i = 0; i < 5; ++i) text += std::string(kGoodRow) + "\n";
  text += "N3902A5123F009,JA-P-AMA,001,2025-07-14,-3,20000.00,4,,2025-09-30\n";
  EXPECT_EQ(error_of(parse(text)),
            "deliveries.csv:7: field \"quantity\": \"-3\" is not a whole number from 0 to "
            "999,999,999");
}

TEST(DeliveryListingCsv, QuantityAndValueAtAndPastTheirLimits) {
  EXPECT_TRUE(
      parse(with_row("N1,JA-P-AMA,001,2025-07-14,999999999,999999999999.99,4,,2025-09-30")).ok());
  EXPECT_EQ(problem_with_row("N1,JA-P-AMA,001,2025-07-14,1000000000,1.00,4,,2025-09-30"),
            "deliveries.csv:2: field \"quantity\": \"1000000000\" is not a whole number from 0 "
            "to 999,999,999");
  EXPECT_EQ(problem_with_row("N1,JA-P-AMA,001,2025-07-14,1,1000000000000.00,4,,2025-09-30"),
            "deliveries.csv:2: field \"value_usd\": \"1000000000000.00\" is not an amount in USD "
            "from 0.00 to 999,999,999,999.99 (digits, an optional '.' and at most 2 decimals; "
            "no grouping or sign)");
}

TEST(DeliveryListingCsv, QuantityAndValueNotBothZero) {
  EXPECT_EQ(problem_with_row("N1,JA-P-AMA,001,2025-07-14,0,0.00,4,,2025-09-30"),
            "deliveries.csv:2: field \"value_usd\": quantity and value_usd are both zero; a "
            "delivery row reports a quantity, a value or both");
  EXPECT_TRUE(parse(with_row("N1,JA-P-AMA,001,2025-07-14,0,0.01,4,,2025-09-30")).ok());
  EXPECT_TRUE(parse(with_row("N1,JA-P-AMA,001,2025-07-14,1,0,4,,2025-09-30")).ok());
}

TEST(DeliveryListingCsv, DocumentNumberRule) {
  EXPECT_EQ(problem_with_row("n3902a,JA-P-AMA,001,2025-07-14,4,1.00,4,,2025-09-30"),
            "deliveries.csv:2: field \"document_number\": \"n3902a\" is not a document number: "
            "1 to 20 characters A-Z, 0-9 and '-'");
  EXPECT_EQ(problem_with_row(",JA-P-AMA,001,2025-07-14,4,1.00,4,,2025-09-30"),
            "deliveries.csv:2: field \"document_number\": a value is required");
  EXPECT_TRUE(
      parse(with_row("N3902A-5123-F001-XYZ,JA-P-AMA,001,2025-07-14,4,1.00,4,,2025-09-30")).ok());
}

TEST(DeliveryListingCsv, CaseIdIsCheckedAgainstReferenceData) {
  EXPECT_EQ(problem_with_row("N1,XX-P-AMA,001,2025-07-14,4,1.00,4,,2025-09-30"),
            "deliveries.csv:2: field \"case_id\": case identifier \"XX-P-AMA\": customer code "
            "\"XX\" is not a known code; known: JA");
  EXPECT_THAT(problem_with_row("N1,ja-p-ama,001,2025-07-14,4,1.00,4,,2025-09-30"),
              HasSubstr("field \"case_id\": case identifier \"ja-p-ama\": customer code"));
  EXPECT_THAT(problem_with_row("N1,JA-Q-AMA,001,2025-07-14,4,1.00,4,,2025-09-30"),
              HasSubstr("implementing agency \"Q\" is not a known code"));
}

TEST(DeliveryListingCsv, LineUsesTheLoaLineNumberRule) {
  EXPECT_EQ(problem_with_row("N1,JA-P-AMA,01,2025-07-14,4,1.00,4,,2025-09-30"),
            "deliveries.csv:2: field \"line\": \"01\" is not an LOA line number: three digits "
            "001-999, optionally followed by a lower-case sub-line letter (\"001a\")");
  EXPECT_TRUE(parse(with_row("N1,JA-P-AMA,001a,2025-07-14,4,1.00,4,,2025-09-30")).ok());
}

TEST(DeliveryListingCsv, BadCaseAndLineOnOneRowAreBothReported) {
  EXPECT_EQ(problem_with_row("N1,JA-P-AM,000,2025-07-14,4,1.00,4,,2025-09-30"),
            "deliveries.csv:2: field \"case_id\": case identifier \"JA-P-AM\": designator "
            "\"AM\" must be 3 characters A-Z or 0-9 (expected CC-I-DDD, e.g. JA-P-AMA)\n"
            "deliveries.csv:2: field \"line\": \"000\" is not an LOA line number: three digits "
            "001-999, optionally followed by a lower-case sub-line letter (\"001a\")");
}

TEST(DeliveryListingCsv, DeliveryTermCodeMustBeKnown) {
  EXPECT_EQ(problem_with_row("N1,JA-P-AMA,001,2025-07-14,4,1.00,6,,2025-09-30"),
            "deliveries.csv:2: field \"delivery_term_code\": \"6\" is not a known Delivery Term "
            "Code; known: 2, 3, 4, 5, 7, 8, 9");
}

TEST(DeliveryListingCsv, TcnRule) {
  EXPECT_EQ(problem_with_row("N1,JA-P-AMA,001,2025-07-14,4,1.00,4,FB-25,2025-09-30"),
            "deliveries.csv:2: field \"tcn\": \"FB-25\" is not a transportation control "
            "number: 1 to 17 characters A-Z and 0-9");
  EXPECT_TRUE(
      parse(with_row("N1,JA-P-AMA,001,2025-07-14,4,1.00,4,FB2570314200XAXYZ,2025-09-30")).ok());
}

TEST(DeliveryListingCsv, ReportingQuarterEndRules) {
  EXPECT_EQ(problem_with_row("N1,JA-P-AMA,001,2025-07-14,4,1.00,4,,2025-09-29"),
            "deliveries.csv:2: field \"reporting_quarter_end\": \"2025-09-29\" is not the end of "
            "a calendar quarter (03-31, 06-30, 09-30 or 12-31)");
  EXPECT_EQ(problem_with_row("N1,JA-P-AMA,001,2025-10-01,4,1.00,4,,2025-09-30"),
            "deliveries.csv:2: field \"reporting_quarter_end\": \"2025-09-30\" is before the "
            "ship_date \"2025-10-01\"; a listing reports shipments up to its quarter end");
  EXPECT_TRUE(parse(with_row("N1,JA-P-AMA,001,2025-12-31,4,1.00,4,,2025-12-31")).ok());
}

TEST(DeliveryListingCsv, ShipDateMessageComesFromCivilDate) {
  EXPECT_EQ(problem_with_row("N1,JA-P-AMA,001,2025-02-29,4,1.00,4,,2025-03-31"),
            "deliveries.csv:2: field \"ship_date\": date \"2025-02-29\" does not exist: that "
            "month has 28 days");
}

TEST(DeliveryListingCsv, EveryBadFieldOfEveryRowIsListedInLineOrder) {
  const std::string text = std::string(kDeliveryHeader) + kGoodRow + "\n" +
                           "N1,JA-P-AMA,001,2025-07-14,x,1.00,4,,2025-09-30\n" + kGoodRow + "\n" +
                           "N1,JA-P-AMA,001,2025-07-14,4,-1,0,,2025-09-30\n";
  EXPECT_EQ(error_of(parse(text)),
            "deliveries.csv:3: field \"quantity\": \"x\" is not a whole number from 0 to "
            "999,999,999\n"
            "deliveries.csv:5: field \"value_usd\": \"-1\" is not an amount in USD from 0.00 to "
            "999,999,999,999.99 (digits, an optional '.' and at most 2 decimals; no grouping or "
            "sign)\n"
            "deliveries.csv:5: field \"delivery_term_code\": \"0\" is not a known Delivery Term "
            "Code; known: 2, 3, 4, 5, 7, 8, 9");
}

TEST(DeliveryListingCsv, AtMostFiftyProblemsAreListed) {
  std::string text = kDeliveryHeader;
  for (int i = 0; i < 60; ++i) text += "N1,JA-P-AMA,001,2025-07-14,-1,1.00,4,,2025-09-30\n";
  const std::string message = error_of(parse(text));
  EXPECT_THAT(message, HasSubstr("deliveries.csv:51: field \"quantity\""));
  EXPECT_THAT(message, ::testing::Not(HasSubstr("deliveries.csv:52:")));
  EXPECT_THAT(message, HasSubstr("deliveries.csv: ... and 10 more problems; nothing was imported"));
}

}  // namespace
}  // namespace fms::io
