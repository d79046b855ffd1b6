// Tests of the DD Form 645 bill importer (io/execution_csv.h, docs/formats/dd645-bill.md).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "core/civil_date.h"
#include "io/execution_csv.h"
#include "io/execution_csv_fixtures.h"

namespace fms::io {
namespace {

using ::testing::HasSubstr;
using testing_csv::error_of;
using testing_csv::kBillHeader;
using testing_csv::valid_bill;

Result<Bill> parse(const std::string& text) {
  return parse_bill(text, "bill.csv");
}

std::string bill(const std::string& rows) {
  return std::string(kBillHeader) + rows;
}

Money usd(std::int64_t cents) {
  return Money(cents, Currency::usd());
}

TEST(BillCsv, ReadsCaseRowsAndLineRows) {
  const Result<Bill> parsed = parse(valid_bill());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(parsed->rows.size(), 4U);
  const CivilDate statement = CivilDate::from_ymd(2025, 9, 30);
  const BillRow& case_row = parsed->rows[0];
  EXPECT_EQ(case_row.statement_date, statement);
  EXPECT_EQ(case_row.case_id, "JA-P-AMA");
  EXPECT_EQ(case_row.line, "");
  EXPECT_EQ(case_row.cumulative_delivered, usd(2'162'550));
  EXPECT_EQ(case_row.cumulative_payments, usd(50'000'000));
  EXPECT_EQ(case_row.amount_due, usd(-120'000));  // a credit
  EXPECT_EQ(case_row.due_date, CivilDate::from_ymd(2025, 12, 15));
  EXPECT_EQ(case_row.source_line, 2U);
  const BillRow& line_row = parsed->rows[1];
  EXPECT_EQ(line_row.line, "001");
  EXPECT_EQ(line_row.cumulative_delivered, usd(2'012'500));
  EXPECT_EQ(line_row.cumulative_payments, usd(0));
  EXPECT_EQ(line_row.amount_due, usd(0));
  EXPECT_EQ(line_row.due_date, statement);
  EXPECT_EQ(parsed->rows[3].case_id, "JA-P-TWK");
}

TEST(BillCsv, StatementDateIsAQuarterEndSharedByEveryRow) {
  EXPECT_EQ(error_of(parse(bill("2025-09-15,JA-P-AMA,,0,0,0,2025-12-15\n"))),
            "bill.csv:2: field \"statement_date\": \"2025-09-15\" is not the end of a calendar "
            "quarter (03-31, 06-30, 09-30 or 12-31); a DD 645 is as of a quarter end");
  EXPECT_EQ(error_of(parse(bill("2025-09-30,JA-P-AMA,,0,0,0,2025-12-15\n"
                                "2025-06-30,JA-P-TWK,,0,0,0,2025-12-15\n"))),
            "bill.csv:3: field \"statement_date\": \"2025-06-30\" differs from the "
            "statement_date 2025-09-30 on line 2; one bill has one statement date");
}

TEST(BillCsv, LineRowsCarryOnlyTheDeliveredValue) {
  EXPECT_EQ(error_of(parse(bill("2025-09-30,JA-P-AMA,,10.00,0,0,2025-12-15\n"
                                "2025-09-30,JA-P-AMA,001,10.00,5.00,,2025-12-15\n"))),
            "bill.csv:3: field \"cumulative_payments_usd\": \"5.00\" must be empty on a line row "
            "(a row naming a line); only the case row (line empty) carries "
            "cumulative_payments_usd\n"
            "bill.csv:3: field \"due_date\": \"2025-12-15\" must be empty on a line row (a row "
            "naming a line); only the case row (line empty) carries due_date");
}

TEST(BillCsv, LineRowsMustSumToTheCaseRow) {
  EXPECT_EQ(error_of(parse(bill("2025-09-30,JA-P-AMA,,100.00,0,0,2025-12-15\n"
                                "2025-09-30,JA-P-AMA,001,60.00,,,\n"
                                "2025-09-30,JA-P-AMA,002,39.99,,,\n"))),
            "bill.csv:2: field \"cumulative_delivered_usd\": 100.00 is not the sum of the case's "
            "line rows, 99.99; the line rows must add up to the case row exactly");
  EXPECT_TRUE(parse(bill("2025-09-30,JA-P-AMA,,100.00,0,0,2025-12-15\n")).ok());
}

TEST(BillCsv, EveryCaseNeedsExactlyOneCaseRow) {
  EXPECT_EQ(error_of(parse(bill("2025-09-30,JA-P-AMA,001,60.00,,,\n"))),
            "bill.csv:2: field \"case_id\": case JA-P-AMA has line rows but no case row (a row "
            "with line empty)");
  EXPECT_EQ(error_of(parse(bill("2025-09-30,JA-P-AMA,,0,0,0,2025-12-15\n"
                                "2025-09-30,JA-P-AMA,,0,0,0,2025-12-15\n"))),
            "bill.csv:3: field \"case_id\": the case row of JA-P-AMA appears more than once; "
            "first on line 2");
}

TEST(BillCsv, CaseAndLineMayNotRepeat) {
  EXPECT_EQ(error_of(parse(bill("2025-09-30,JA-P-AMA,,20.00,0,0,2025-12-15\n"
                                "2025-09-30,JA-P-AMA,001,10.00,,,\n"
                                "2025-09-30,JA-P-AMA,001,10.00,,,\n"))),
            "bill.csv:4: field \"line\": case JA-P-AMA line 001 appears more than once; first on "
            "line 3");
}

TEST(BillCsv, DueDateNotBeforeTheStatement) {
  EXPECT_EQ(error_of(parse(bill("2025-09-30,JA-P-AMA,,0,0,0,2025-09-29\n"))),
            "bill.csv:2: field \"due_date\": \"2025-09-29\" is before the statement_date "
            "2025-09-30");
  EXPECT_TRUE(parse(bill("2025-09-30,JA-P-AMA,,0,0,0,2025-09-30\n")).ok());
  EXPECT_EQ(error_of(parse(bill("2025-09-30,JA-P-AMA,,0,0,0,\n"))),
            "bill.csv:2: field \"due_date\": a value is required");
}

TEST(BillCsv, AmountsAtAndPastTheirLimits) {
  EXPECT_TRUE(parse(bill("2025-09-30,JA-P-AMA,,999999999999.99,999999999999.99,"
                         "-999999999999.99,2025-12-15\n"))
                  .ok());
  EXPECT_THAT(error_of(parse(bill("2025-09-30,JA-P-AMA,,1000000000000,0,0,2025-12-15\n"))),
              HasSubstr("field \"cumulative_delivered_usd\": \"1000000000000\" is not an amount"));
  EXPECT_THAT(error_of(parse(bill("2025-09-30,JA-P-AMA,,0,-1.00,0,2025-12-15\n"))),
              HasSubstr("field \"cumulative_payments_usd\": \"-1.00\" is not an amount in USD "
                        "from 0.00"));
  EXPECT_THAT(error_of(parse(bill("2025-09-30,JA-P-AMA,,0,0,-1000000000000.00,2025-12-15\n"))),
              HasSubstr("field \"amount_due_usd\": \"-1000000000000.00\" is not an amount in USD "
                        "from -999,999,999,999.99"));
}

TEST(BillCsv, LargeLineSumsAreExact) {
  std::string rows = "2025-09-30,JA-P-AMA,,1.00,0,0,2025-12-15\n";
  for (int i = 1; i <= 999; ++i) {
    char line[4];
    std::snprintf(line, sizeof line, "%03d", i);
    rows += "2025-09-30,JA-P-AMA," + std::string(line) + ",999999999999.99,,,\n";
  }
  for (int i = 1; i <= 26; ++i) {
    rows += "2025-09-30,JA-P-AMA,001" + std::string(1, static_cast<char>('a' + i - 1)) +
            ",999999999999.99,,,\n";
  }
  EXPECT_THAT(error_of(parse(bill(rows))),
              HasSubstr("bill.csv:2: field \"cumulative_delivered_usd\": 1.00 is not the sum of "
                        "the case's line rows, 1,024,999,999,999,989.75;"));
}

}  // namespace
}  // namespace fms::io
