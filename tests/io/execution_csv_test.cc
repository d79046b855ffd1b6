// Tests of the CSV rules every execution document shares (docs/formats/*.md, "Common CSV
// rules"): encoding, line endings, empty lines, quoting, header, field counts, padding, size and
// row limits. Most use the delivery listing; each limit is tested on every document kind.
#include "io/execution_csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/mman.h>

#include <cstdio>
#include <string>
#include <string_view>

#include "io/csv_import.h"
#include "io/execution_csv_fixtures.h"

namespace fms::io {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing_csv::error_of;
using testing_csv::kBillHeader;
using testing_csv::kDeliveryHeader;
using testing_csv::kPaymentsHeader;
using testing_csv::kReceiptsHeader;
using testing_csv::reference;

constexpr std::string_view kRow =
    "N3902A5123F001,JA-P-AMA,001,2025-07-14,4,20000.00,4,FB2570314200XAX,2025-09-30";

Result<DeliveryListing> parse(std::string_view text) {
  return parse_delivery_listing(text, "d.csv", reference(), CsvParseOptions{1});
}

std::string listing(std::initializer_list<std::string_view> rows, std::string_view eol = "\n") {
  std::string header(kDeliveryHeader);
  header.pop_back();
  std::string text = header + std::string(eol);
  for (const std::string_view row : rows) text += std::string(row) + std::string(eol);
  return text;
}

TEST(ExecutionCsv, AcceptsByteOrderMarkCrLfAndNoFinalNewline) {
  EXPECT_TRUE(parse("\xEF\xBB\xBF" + listing({kRow})).ok());
  EXPECT_TRUE(parse(listing({kRow, kRow}, "\r\n")).ok());
  std::string mixed = listing({kRow}, "\r\n") + std::string(kRow) + "\n" + std::string(kRow);
  const Result<DeliveryListing> parsed = parse(mixed);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->size(), 3U);
  EXPECT_EQ(parsed->source_line.back(), 4U);
}

TEST(ExecutionCsv, TrailingEmptyLinesAreAllowedButNotEmptyLinesBetweenRows) {
  EXPECT_TRUE(parse(listing({kRow}) + "\n\r\n\n").ok());
  EXPECT_EQ(error_of(parse(listing({kRow, "", kRow}))),
            "d.csv:3: field \"\": empty line; only the end of the file may have empty lines, "
            "remove this one");
}

TEST(ExecutionCsv, EmptyFiles) {
  for (const std::string_view text : {"", "\xEF\xBB\xBF", "\n\n", "\r\n"}) {
    EXPECT_THAT(error_of(parse(text)),
                StartsWith("d.csv:1: field \"\": the file is empty; its first line must be the "
                           "header: document_number,case_id,line,"));
  }
  EXPECT_EQ(error_of(parse(listing({}))),
            "d.csv:1: field \"\": the file has a header but no data rows");
  EXPECT_THAT(error_of(parse("\n" + listing({kRow}))),
              StartsWith("d.csv:1: field \"\": the first line is empty"));
}

TEST(ExecutionCsv, HeaderMustNameEveryRequiredColumnOnce) {
  EXPECT_EQ(error_of(parse("document_number,case_id,line,ship_date,quantity,value_usd,"
                           "delivery_term_code\n" +
                           std::string(kRow) + "\n")),
            "d.csv:1: field \"reporting_quarter_end\": the required column is missing from the "
            "header; the columns are document_number,case_id,line,ship_date,quantity,value_usd,"
            "delivery_term_code,tcn,reporting_quarter_end,transaction_type,sdr (optional: tcn, "
            "transaction_type, sdr)");
  EXPECT_THAT(error_of(parse("document_number,case_id,case_id,line,ship_date,quantity,value_usd,"
                             "delivery_term_code,reporting_quarter_end\n")),
              StartsWith("d.csv:1: field \"case_id\": the column appears more than once in the "
                         "header (columns 2 and 3)"));
}

TEST(ExecutionCsv, UnknownColumnsAreErrorsWithHints) {
  const std::string rest =
      "case_id,line,ship_date,quantity,value_usd,delivery_term_code,reporting_quarter_end\n";
  EXPECT_THAT(error_of(parse("document_number,remarks," + rest)),
              StartsWith("d.csv:1: field \"remarks\": unknown column; the columns are "));
  EXPECT_THAT(error_of(parse("Document_Number," + rest)),
              StartsWith("d.csv:1: field \"Document_Number\": unknown column (column names are "
                         "lower case: write document_number)"));
  EXPECT_THAT(error_of(parse("document_number ," + rest)),
              StartsWith("d.csv:1: field \"document_number \": unknown column (column names are "
                         "not trimmed: remove the spaces)"));
}

TEST(ExecutionCsv, RowWithWrongFieldCountNamesBothCounts) {
  EXPECT_EQ(error_of(parse(listing({kRow, "N1,JA-P-AMA,001,2025-07-14,4,1.00,4,2025-09-30"}))),
            "d.csv:3: field \"\": the row has 8 fields; the header has 9");
  EXPECT_EQ(error_of(parse(listing({std::string(kRow) + ","}))),
            "d.csv:2: field \"\": the row has 10 fields; the header has 9");
}

TEST(ExecutionCsv, ValuesAreNeverTrimmed) {
  EXPECT_EQ(error_of(parse(listing({"N1,JA-P-AMA,001,2025-07-14, 4,1.00,4,,2025-09-30"}))),
            "d.csv:2: field \"quantity\": \" 4\" has leading or trailing spaces; values are not "
            "trimmed, remove them");
  EXPECT_THAT(error_of(parse(listing({"N1 ,JA-P-AMA,001,2025-07-14,4,1.00,4,,2025-09-30"}))),
              HasSubstr("field \"document_number\": \"N1 \" has leading or trailing spaces"));
}

TEST(ExecutionCsv, QuotedFieldsAreReadAndLinesStayPhysical) {
  const std::string text =
      listing({"\"N1\",\"JA-P-AMA\",\"001\",2025-07-14,4,\"1.00\",4,,2025-09-30",
               "N2,JA-P-AMA,001,2025-07-14,4,\"1\n.00\",4,,2025-09-30",
               "N3,JA-P-AMA,001,2025-07-14,x,1.00,4,,2025-09-30"});
  EXPECT_EQ(error_of(parse(text)),
            "d.csv:3: field \"value_usd\": \"1\n.00\" is not an amount in USD from 0.00 to "
            "999,999,999,999.99 (digits, an optional '.' and at most 2 decimals; no grouping or "
            "sign)\n"
            "d.csv:5: field \"quantity\": \"x\" is not a whole number from 0 to 999,999,999");
}

TEST(ExecutionCsv, SyntaxErrorsNameTheirLine) {
  EXPECT_EQ(error_of(parse(listing({kRow, "N\"1,JA-P-AMA,001,2025-07-14,4,1.00,4,,2025-09-30"}))),
            "d.csv:3: field \"\": a '\"' inside an unquoted field; quote the whole field and "
            "write each '\"' in it as '\"\"'");
  EXPECT_EQ(error_of(parse(listing({"\"N1,JA-P-AMA,001,2025-07-14,4,1.00,4,,2025-09-30", kRow}))),
            "d.csv:2: field \"\": a quoted field is not closed: the closing '\"' is missing "
            "before the end of the file");
}

TEST(ExecutionCsv, InvalidUtf8IsReportedWhereFoundAndEndsTheFile) {
  const std::string bad = "N1,JA-P-AMA,001,2025-07-14,4,1.00,4,,2025-09-30\xFF";
  EXPECT_EQ(error_of(parse(listing({kRow, "N1,JA-P-AMA,001,2025-07-14,x,1.00,4,,2025-09-30", bad,
                                    "N1,JA-P-AMA,001,2025-07-14,y,1.00,4,,2025-09-30"}))),
            "d.csv:3: field \"quantity\": \"x\" is not a whole number from 0 to 999,999,999\n"
            "d.csv:4: field \"\": the file is not valid UTF-8: the byte at column 48 of this "
            "line does not start a valid UTF-8 character; save the file as UTF-8");
  // Inside a quoted field spanning lines, the line and column are those of the byte itself.
  EXPECT_EQ(error_of(parse(listing({"N1,JA-P-AMA,001,2025-07-14,4,\"1\nab\xC3\",4,,2025-09-30"}))),
            "d.csv:3: field \"\": the file is not valid UTF-8: the byte at column 3 of this line "
            "does not start a valid UTF-8 character; save the file as UTF-8");
  EXPECT_THAT(
      error_of(parse("document_number\xE9," + listing({kRow}))),
      StartsWith("d.csv:1: field \"\": the file is not valid UTF-8: the byte at column 16"));
}

TEST(ExecutionCsv, ValidUtf8TextIsAccepted) {
  const Result<ReceiptInspections> receipts = parse_receipts(
      std::string(kReceiptsHeader) +
          "R1,,JA-P-AMA,001,2025-08-20,1,1,0,\xE5\xA4\x96\xE8\xA3\x85\xE8\x89\xAF\xE5\xA5\xBD,"
          "\xE4\xBD\x90\xE8\x97\xA4 \xE5\x81\xA5\xE4\xBA\x8C\n",
      "r.csv");
  ASSERT_TRUE(receipts.ok()) << receipts.error().message;
  EXPECT_EQ(receipts->inspectors[0], "\xE4\xBD\x90\xE8\x97\xA4 \xE5\x81\xA5\xE4\xBA\x8C");
}

// ---- limits ----

TEST(ExecutionCsvLimits, FileJustOverOneGibibyteIsRefusedBeforeReading) {
  // Address space only: the size is checked before a byte is read.
  const std::size_t size = kMaxExecutionFileBytes + 1;
  void* memory = mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  ASSERT_NE(memory, MAP_FAILED);
  const std::string_view text(static_cast<const char*>(memory), size);
  const std::string expected =
      "field \"\": the file is 1,073,741,825 bytes; at most 1,073,741,824 bytes are allowed; "
      "split it into several documents";
  EXPECT_EQ(error_of(parse(text)), "d.csv:1: " + expected);
  EXPECT_EQ(error_of(parse_receipts(text, "r.csv")), "r.csv:1: " + expected);
  EXPECT_EQ(error_of(parse_bill(text, "b.csv")), "b.csv:1: " + expected);
  EXPECT_EQ(error_of(parse_payments(text, "p.csv")), "p.csv:1: " + expected);
  munmap(memory, size);
}

TEST(ExecutionCsvLimits, FileSizeAtAndPastALimit) {
  const std::string text = listing({kRow});
  const csv::Limits at_size{text.size(), kMaxBulkRows};
  const csv::Limits below_size{text.size() - 1, kMaxBulkRows};
  EXPECT_TRUE(csv::parse_delivery_listing(text, "d.csv", reference(), {}, at_size).ok());
  EXPECT_THAT(error_of(csv::parse_delivery_listing(text, "d.csv", reference(), {}, below_size)),
              HasSubstr("at most " + std::to_string(text.size() - 1) + " bytes are allowed"));
}

TEST(ExecutionCsvLimits, BulkRowLimitAtAndPast) {
  const std::string deliveries = listing({kRow, kRow, kRow});
  EXPECT_TRUE(
      csv::parse_delivery_listing(deliveries, "d.csv", reference(), {}, {kMaxExecutionFileBytes, 3})
          .ok());
  EXPECT_EQ(error_of(csv::parse_delivery_listing(deliveries, "d.csv", reference(), {},
                                                 {kMaxExecutionFileBytes, 2})),
            "d.csv:1: field \"\": the file has 3 data rows; at most 2 are allowed in one "
            "document; split it");
  const std::string receipts = testing_csv::valid_receipts();
  EXPECT_TRUE(csv::parse_receipts(receipts, "r.csv", {}, {kMaxExecutionFileBytes, 3}).ok());
  EXPECT_THAT(error_of(csv::parse_receipts(receipts, "r.csv", {}, {kMaxExecutionFileBytes, 2})),
              HasSubstr("r.csv:1: field \"\": the file has 3 data rows; at most 2 are allowed"));
}

TEST(ExecutionCsvLimits, SmallRowLimitAtAndPast) {
  const std::string bill = testing_csv::valid_bill();  // 4 rows
  EXPECT_TRUE(
      csv::parse_bill(bill, "b.csv", canonical_statement_columns(), {kMaxExecutionFileBytes, 4})
          .ok());
  EXPECT_THAT(error_of(csv::parse_bill(bill, "b.csv", canonical_statement_columns(),
                                       {kMaxExecutionFileBytes, 3})),
              HasSubstr("b.csv:1: field \"\": the file has 4 data rows; at most 3 are allowed"));
  const std::string payments = testing_csv::valid_payments();  // 3 rows
  EXPECT_TRUE(csv::parse_payments(payments, "p.csv", {kMaxExecutionFileBytes, 3}).ok());
  EXPECT_THAT(error_of(csv::parse_payments(payments, "p.csv", {kMaxExecutionFileBytes, 2})),
              HasSubstr("p.csv:1: field \"\": the file has 3 data rows; at most 2 are allowed"));
}

TEST(ExecutionCsvLimits, PaymentsAtTheRealSmallRowLimit) {
  // kMaxSmallRows itself, through the public parser: small enough to build.
  std::string at_limit = kPaymentsHeader;
  at_limit.reserve(kMaxSmallRows * 40);
  for (std::size_t i = 0; i < kMaxSmallRows; ++i) {
    at_limit += "P" + std::to_string(i) + ",2025-06-13,JA-P-TWK,1.00,USD,\n";
  }
  const Result<Payments> parsed = parse_payments(at_limit, "p.csv");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message.substr(0, 500);
  EXPECT_EQ(parsed->rows.size(), kMaxSmallRows);
  const std::string past_limit = at_limit + "Plast,2025-06-13,JA-P-TWK,1.00,USD,\n";
  EXPECT_EQ(error_of(parse_payments(past_limit, "p.csv")),
            "p.csv:1: field \"\": the file has " +
                csv::grouped(static_cast<std::int64_t>(kMaxSmallRows + 1)) +
                " data rows; at most " + csv::grouped(static_cast<std::int64_t>(kMaxSmallRows)) +
                " are allowed in one document; split it");
}

TEST(ExecutionCsvLimits, BulkLimitsAreTheDocumentedConstants) {
  EXPECT_EQ(csv::kBulkLimits.max_rows, kMaxBulkRows);
  EXPECT_EQ(csv::kBulkLimits.max_file_bytes, kMaxExecutionFileBytes);
  EXPECT_EQ(csv::kSmallLimits.max_rows, kMaxSmallRows);
  EXPECT_EQ(csv::kSmallLimits.max_file_bytes, kMaxExecutionFileBytes);
}

TEST(ExecutionCsvLimits, DeliveryTermCodesAtAndPastSixteenBits) {
  // Rows index their code in 16 bits: 65,536 codes in the reference data work, one more does not.
  ReferenceData wide;
  wide.customers = reference().customers;
  wide.implementing_agencies = reference().implementing_agencies;
  for (std::size_t i = 0; i < csv::kMaxDeliveryTermCodes; ++i) {
    char code[8];
    std::snprintf(code, sizeof code, "C%05zu", i);  // in map order, so the hint makes it cheap
    wide.delivery_term_codes.emplace_hint(wide.delivery_term_codes.end(), code,
                                          CodeEntry{code, "", ""});
  }
  const std::string text = listing({"N1,JA-P-AMA,001,2025-07-14,4,1.00,C65535,,2025-09-30",
                                    "N2,JA-P-AMA,001,2025-07-14,4,1.00,C00000,,2025-09-30"});
  const Result<DeliveryListing> at_limit = parse_delivery_listing(text, "d.csv", wide, {1});
  ASSERT_TRUE(at_limit.ok()) << at_limit.error().message;
  EXPECT_EQ(at_limit->term_codes, (std::vector<std::string>{"C65535", "C00000"}));
  wide.delivery_term_codes.emplace("C65536", CodeEntry{"C65536", "", ""});
  EXPECT_EQ(error_of(parse_delivery_listing(text, "d.csv", wide, {1})),
            "d.csv: the reference data lists 65,537 Delivery Term Codes; a delivery listing can "
            "tell at most 65,536 apart");
}

TEST(ExecutionCsv, SmallDocumentsShareTheCommonRules) {
  EXPECT_THAT(error_of(parse_bill(std::string(kBillHeader) + "\n" + "x", "b.csv")),
              HasSubstr("b.csv:2: field \"\": empty line"));
  EXPECT_THAT(error_of(parse_payments("payment_id,date\n", "p.csv")),
              HasSubstr("p.csv:1: field \"case_id\": the required column is missing"));
  EXPECT_TRUE(
      parse_payments("\xEF\xBB\xBF" + testing_csv::valid_payments() + "\r\n\r\n", "p.csv").ok());
}

}  // namespace
}  // namespace fms::io
