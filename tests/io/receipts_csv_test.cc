// Tests of the receipt inspection importer (io/execution_csv.h, docs/formats/receipts.md).
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
using testing_csv::kReceiptsHeader;
using testing_csv::valid_receipts;

Result<ReceiptInspections> parse(const std::string& text) {
  return parse_receipts(text, "receipts.csv", CsvParseOptions{1});
}

std::string problem_with_row(const std::string& row) {
  return error_of(parse(std::string(kReceiptsHeader) + row + "\n"));
}

TEST(ReceiptsCsv, ReadsEveryColumn) {
  const Result<ReceiptInspections> receipts = parse(valid_receipts());
  ASSERT_TRUE(receipts.ok()) << receipts.error().message;
  ASSERT_EQ(receipts->size(), 3U);
  EXPECT_EQ(receipts->receipt_id.at(1), "JKR-2025-0002");
  EXPECT_EQ(receipts->document_number.at(0), "N3902A5123F001");
  EXPECT_EQ(receipts->document_number.at(2), "");
  EXPECT_THAT(receipts->line_keys,
              ElementsAre(LineKey{"JA-P-AMA", "001"}, LineKey{"JA-P-AMA", "002"}));
  EXPECT_THAT(receipts->line, ElementsAre(0U, 1U, 0U));
  EXPECT_EQ(receipts->received_date[0], CivilDate::from_ymd(2025, 8, 20).serial());
  EXPECT_THAT(receipts->quantity_received, ElementsAre(4, 1, 2));
  EXPECT_THAT(receipts->quantity_accepted, ElementsAre(4, 0, 2));
  EXPECT_THAT(receipts->quantity_rejected, ElementsAre(0, 1, 0));
  EXPECT_EQ(receipts->condition.at(0), "");
  EXPECT_EQ(receipts->condition.at(1), "crate damaged, seal broken");
  EXPECT_THAT(receipts->inspectors, ElementsAre("Sato Kenji", "Suzuki Aiko"));
  EXPECT_THAT(receipts->inspector, ElementsAre(0U, 1U, 0U));
  EXPECT_THAT(receipts->source_line, ElementsAre(2U, 3U, 4U));
}

TEST(ReceiptsCsv, AcceptedPlusRejectedMustEqualReceived) {
  EXPECT_EQ(problem_with_row("R1,,JA-P-AMA,001,2025-08-20,5,3,1,,Sato Kenji"),
            "receipts.csv:2: field \"quantity_rejected\": quantity_accepted 3 + "
            "quantity_rejected 1 = 4, not quantity_received 5; every item received is either "
            "accepted or rejected");
}

TEST(ReceiptsCsv, QuantityReceivedFromOne) {
  EXPECT_EQ(problem_with_row("R1,,JA-P-AMA,001,2025-08-20,0,0,0,,Sato Kenji"),
            "receipts.csv:2: field \"quantity_received\": \"0\" is not a whole number from 1 to "
            "999,999,999");
  EXPECT_TRUE(parse(std::string(kReceiptsHeader) +
                    "R1,,JA-P-AMA,001,2025-08-20,999999999,0,999999999,,Sato Kenji\n")
                  .ok());
}

TEST(ReceiptsCsv, RepeatedReceiptIdNamesTheFirstLine) {
  const std::string text = valid_receipts() +
                           "JKR-2025-0002,,JA-P-AMA,001,2025-09-20,1,1,0,,Sato Kenji\n" +
                           "JKR-2025-0002,,JA-P-AMA,001,2025-09-21,1,1,0,,Sato Kenji\n";
  EXPECT_EQ(error_of(parse(text)),
            "receipts.csv:5: field \"receipt_id\": \"JKR-2025-0002\" is used more than once; "
            "first on line 3; each receipt_id must be unique in the file\n"
            "receipts.csv:6: field \"receipt_id\": \"JKR-2025-0002\" is used more than once; "
            "first on line 3; each receipt_id must be unique in the file");
}

TEST(ReceiptsCsv, ReceiptIdRule) {
  EXPECT_EQ(problem_with_row("R 1,,JA-P-AMA,001,2025-08-20,1,1,0,,Sato Kenji"),
            "receipts.csv:2: field \"receipt_id\": \"R 1\" is not a receipt id: 1 to 32 "
            "characters A-Z, a-z, 0-9, '-', '_', '/' and '.'");
}

TEST(ReceiptsCsv, DocumentNumberMayBeEmptyButNotMalformed) {
  EXPECT_EQ(problem_with_row("R1,N39 02,JA-P-AMA,001,2025-08-20,1,1,0,,Sato Kenji"),
            "receipts.csv:2: field \"document_number\": \"N39 02\" is not a document number: 1 "
            "to 20 characters A-Z, 0-9 and '-'");
}

TEST(ReceiptsCsv, CaseIdAndLineShapes) {
  EXPECT_EQ(problem_with_row("R1,,JA-P-TWKX,01,2025-08-20,1,1,0,,Sato Kenji"),
            "receipts.csv:2: field \"case_id\": \"JA-P-TWKX\" is not a case identifier: expected "
            "CC-I-DDD, e.g. JA-P-TWK (customer code: 2 capital letters; implementing agency: 1 "
            "capital letter; designator: 3 characters A-Z or 0-9)\n"
            "receipts.csv:2: field \"line\": \"01\" is not an LOA line number: three digits "
            "001-999, optionally followed by a lower-case sub-line letter (\"001a\")");
}

TEST(ReceiptsCsv, ConditionAndInspectorLimits) {
  const std::string long_condition(kMaxConditionBytes + 1, 'c');
  EXPECT_EQ(problem_with_row("R1,,JA-P-AMA,001,2025-08-20,1,1,0," + long_condition + ",Sato"),
            "receipts.csv:2: field \"condition\": \"" + long_condition.substr(0, 40) +
                "...\" is 201 bytes long; it must be 0 to 200 bytes");
  EXPECT_TRUE(parse(std::string(kReceiptsHeader) + "R1,,JA-P-AMA,001,2025-08-20,1,1,0," +
                    std::string(kMaxConditionBytes, 'c') + "," +
                    std::string(kMaxInspectorBytes, 'i') + "\n")
                  .ok());
  EXPECT_THAT(problem_with_row("R1,,JA-P-AMA,001,2025-08-20,1,1,0,," +
                               std::string(kMaxInspectorBytes + 1, 'i')),
              HasSubstr("field \"inspector\": \"iiii"));
  EXPECT_EQ(problem_with_row("R1,,JA-P-AMA,001,2025-08-20,1,1,0,,"),
            "receipts.csv:2: field \"inspector\": a value is required");
}

TEST(ReceiptsCsv, ConditionMaySpanLines) {
  const Result<ReceiptInspections> receipts =
      parse(std::string(kReceiptsHeader) +
            "R1,,JA-P-AMA,001,2025-08-20,2,1,1,\"outer box crushed;\none unit dented\",Sato\n"
            "R2,,JA-P-AMA,001,2025-08-21,1,1,0,,Sato\n");
  ASSERT_TRUE(receipts.ok()) << receipts.error().message;
  EXPECT_EQ(receipts->condition.at(0), "outer box crushed;\none unit dented");
  EXPECT_THAT(receipts->source_line, ElementsAre(2U, 4U));
}

}  // namespace
}  // namespace fms::io
