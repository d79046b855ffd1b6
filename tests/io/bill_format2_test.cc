// Tests of the DD 645 statement read through the column map (format 2 of
// docs/formats/dd645-bill.md): headings, the statement's columns, what is checked and what is
// derived.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "core/civil_date.h"
#include "io/execution_csv.h"
#include "io/execution_csv_fixtures.h"

namespace fms::io {
namespace {

using ::testing::HasSubstr;
using testing_csv::error_of;

Money usd(std::int64_t cents) {
  return Money(cents, Currency::usd());
}

// The canonical map plus two printed-statement headings, as a reference-data override adds them.
StatementColumnMap printed_map() {
  StatementColumnMap map = canonical_statement_columns();
  for (const auto& [heading, field] :
       {std::pair{"Amount Due and Payable", StatementField::amount_due},
        std::pair{"Costs in Progress", StatementField::costs_in_progress}}) {
    map.emplace(normalise_heading(heading),
                StatementColumn{normalise_heading(heading), heading, field, "unverified"});
  }
  return map;
}

constexpr const char* kFullHeader =
    "statement_date,case_id,line,statement_type,case_value_usd,cumulative_delivered_usd,"
    "costs_in_progress_usd,packing_crating_handling_usd,transportation_usd,admin_surcharge_usd,"
    "contract_administration_usd,total_cost_usd,cumulative_payments_usd,"
    "termination_liability_usd,amount_due_usd,due_date,forecast_next_quarter_usd\n";

TEST(BillFormat2, ReadsEveryColumnOfTheStatement) {
  const std::string text = std::string(kFullHeader) +
                           "2026-09-30,JA-P-SXB,,final,369416980.00,340000000.00,0,"
                           "1200000.00,2400000.00,10880000.00,2720000.00,357200000.00,"
                           "376501560.00,0,-19301560.00,,0\n";
  const Result<Bill> parsed = parse_bill(text, "b.csv");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const BillRow& row = parsed->rows.at(0);
  EXPECT_TRUE(row.final_statement);
  EXPECT_EQ(row.case_value, usd(36'941'698'000));
  EXPECT_EQ(row.cumulative_delivered, usd(34'000'000'000));
  EXPECT_EQ(row.costs_in_progress, usd(0));
  EXPECT_EQ(row.packing_crating_handling, usd(120'000'000));
  EXPECT_EQ(row.transportation, usd(240'000'000));
  EXPECT_EQ(row.admin_surcharge, usd(1'088'000'000));
  EXPECT_EQ(row.contract_administration, usd(272'000'000));
  EXPECT_EQ(row.total_cost, usd(35'720'000'000));
  EXPECT_EQ(row.cumulative_payments, usd(37'650'156'000));
  EXPECT_EQ(row.amount_due, usd(-1'930'156'000));
  // Not stated: derived, the 15th of the third month after the quarter end.
  EXPECT_EQ(row.due_date, CivilDate::from_ymd(2026, 12, 15));
}

TEST(BillFormat2, OnlyTheAmountDueIsRequiredAndAbsentIsNotZero) {
  const Result<Bill> parsed =
      parse_bill("statement_date,case_id,amount_due_usd\n2025-12-31,JA-P-TWK,1000.00\n", "b.csv");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const BillRow& row = parsed->rows.at(0);
  EXPECT_EQ(row.amount_due, usd(100'000));
  EXPECT_FALSE(row.cumulative_delivered.has_value());
  EXPECT_FALSE(row.cumulative_payments.has_value());
  EXPECT_FALSE(row.total_cost.has_value());
  EXPECT_FALSE(row.final_statement);
  EXPECT_EQ(row.due_date, CivilDate::from_ymd(2026, 3, 15));

  EXPECT_EQ(error_of(parse_bill("statement_date,case_id,amount_due_usd\n2025-12-31,JA-P-TWK,\n",
                                "b.csv")),
            "b.csv:2: field \"amount_due_usd\": a value is required");
  EXPECT_THAT(error_of(parse_bill("statement_date,case_id\n2025-12-31,JA-P-TWK\n", "b.csv")),
              HasSubstr("field \"amount_due_usd\": the required column is missing"));
}

TEST(BillFormat2, DueDatesDerivedForEveryQuarterEnd) {
  const std::pair<const char*, CivilDate> cases[] = {
      {"2025-12-31", CivilDate::from_ymd(2026, 3, 15)},
      {"2026-03-31", CivilDate::from_ymd(2026, 6, 15)},
      {"2026-06-30", CivilDate::from_ymd(2026, 9, 15)},
      {"2026-09-30", CivilDate::from_ymd(2026, 12, 15)},
  };
  for (const auto& [statement, due] : cases) {
    const Result<Bill> parsed = parse_bill(
        std::string("statement_date,case_id,amount_due_usd\n") + statement + ",JA-P-TWK,1\n",
        "b.csv");
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed->rows.at(0).due_date, due) << statement;
  }
}

TEST(BillFormat2, HeadingsAreReadThroughTheMapWhateverTheirCaseAndSpacing) {
  const std::string text =
      "statement_date,case_id,  costs  IN progress ,AMOUNT DUE AND PAYABLE\n"
      "2026-06-30,JA-P-TWK,250000000.00,161192000.00\n";
  const Result<Bill> parsed = parse_bill(text, "b.csv", printed_map());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->rows.at(0).costs_in_progress, usd(25'000'000'000));
  EXPECT_EQ(parsed->rows.at(0).amount_due, usd(16'119'200'000));
  // Errors name the field by the heading the file uses.
  EXPECT_EQ(error_of(parse_bill("statement_date,case_id,Amount Due and Payable\n"
                                "2026-06-30,JA-P-TWK,x\n",
                                "b.csv", printed_map())),
            "b.csv:2: field \"Amount Due and Payable\": \"x\" is not an amount in USD from "
            "-999,999,999,999.99 to 999,999,999,999.99 (an optional '-', digits, an optional '.' "
            "and at most 2 decimals; no grouping)");
}

TEST(BillFormat2, UnknownAndRepeatedHeadingsAreRefused) {
  EXPECT_THAT(error_of(parse_bill("statement_date,case_id,Amount Due\n2026-06-30,JA-P-TWK,1\n",
                                  "b.csv", printed_map())),
              HasSubstr("b.csv:1: field \"Amount Due\": the heading is not in the DD 645 column "
                        "map (reference data table dd645_columns)"));
  EXPECT_THAT(
      error_of(parse_bill("statement_date,case_id,Amount Due and Payable,amount_due_usd\n"
                          "2026-06-30,JA-P-TWK,1,1\n",
                          "b.csv", printed_map())),
      HasSubstr("field \"amount_due_usd\": column 4 names the field amount_due_usd, as column 3 "
                "\"Amount Due and Payable\" does; a field has one column"));
}

TEST(BillFormat2, TotalCostAddsUpItsParts) {
  const std::string header =
      "statement_date,case_id,cumulative_delivered_usd,costs_in_progress_usd,"
      "packing_crating_handling_usd,transportation_usd,admin_surcharge_usd,"
      "contract_administration_usd,total_cost_usd,amount_due_usd\n";
  EXPECT_TRUE(parse_bill(header + "2026-06-30,JA-P-TWK,100,50,1,2,3,4,160,0\n", "b.csv").ok());
  EXPECT_EQ(error_of(parse_bill(header + "2026-06-30,JA-P-TWK,100,50,1,2,3,4,161,0\n", "b.csv")),
            "b.csv:2: field \"total_cost_usd\": 161.00 is not the sum of "
            "cumulative_delivered_usd + costs_in_progress_usd + packing_crating_handling_usd + "
            "transportation_usd + admin_surcharge_usd + contract_administration_usd, 160.00; the "
            "total cost to date adds up its parts exactly");
  // Some parts not stated: they may not exceed the total.
  EXPECT_TRUE(parse_bill(header + "2026-06-30,JA-P-TWK,100,50,,,,,200,0\n", "b.csv").ok());
  EXPECT_EQ(error_of(parse_bill(header + "2026-06-30,JA-P-TWK,100,50,,,,,149,0\n", "b.csv")),
            "b.csv:2: field \"total_cost_usd\": 149.00 is less than the sum of "
            "cumulative_delivered_usd + costs_in_progress_usd, 150.00; the total cost to date "
            "adds up its parts exactly");
}

TEST(BillFormat2, LineRowsCarryLineFiguresThatAddUp) {
  const std::string header =
      "statement_date,case_id,line,cumulative_delivered_usd,costs_in_progress_usd,"
      "amount_due_usd\n";
  EXPECT_TRUE(parse_bill(header + "2026-06-30,JA-P-TWK,,100,70,5\n"
                                  "2026-06-30,JA-P-TWK,001,60,70,\n"
                                  "2026-06-30,JA-P-TWK,002,40,,\n",
                         "b.csv")
                  .ok());
  EXPECT_EQ(error_of(parse_bill(header + "2026-06-30,JA-P-TWK,,100,,5\n"
                                         "2026-06-30,JA-P-TWK,001,100,70,\n",
                                "b.csv")),
            "b.csv:2: field \"costs_in_progress_usd\": the case's line rows state "
            "costs_in_progress_usd (summing to 70.00); the case row must state the case's total");
  EXPECT_EQ(error_of(parse_bill(header + "2026-06-30,JA-P-TWK,,100,70,5\n"
                                         "2026-06-30,JA-P-TWK,001,100,69,\n",
                                "b.csv")),
            "b.csv:2: field \"costs_in_progress_usd\": 70.00 is not the sum of the case's line "
            "rows, 69.00; the line rows must add up to the case row exactly");
  EXPECT_EQ(error_of(parse_bill(header + "2026-06-30,JA-P-TWK,,100,70,5\n"
                                         "2026-06-30,JA-P-TWK,001,,,\n",
                                "b.csv")),
            "b.csv:3: field \"line\": line row 001 states neither cumulative_delivered_usd nor "
            "costs_in_progress_usd; a line row gives one of them");
  EXPECT_EQ(error_of(parse_bill(header + "2026-06-30,JA-P-TWK,,100,70,5\n"
                                         "2026-06-30,JA-P-TWK,001,100,70,1\n",
                                "b.csv")),
            "b.csv:3: field \"amount_due_usd\": \"1\" must be empty on a line row (a row naming a "
            "line); only the case row (line empty) carries amount_due_usd");
}

TEST(BillFormat2, StatementTypeIsQuarterlyOrFinal) {
  const std::string header = "statement_date,case_id,statement_type,amount_due_usd\n";
  const Result<Bill> quarterly = parse_bill(header + "2026-06-30,JA-P-TWK,quarterly,1\n", "b.csv");
  ASSERT_TRUE(quarterly.ok()) << quarterly.error().message;
  EXPECT_FALSE(quarterly->rows.at(0).final_statement);
  EXPECT_EQ(error_of(parse_bill(header + "2026-06-30,JA-P-TWK,interim,1\n", "b.csv")),
            "b.csv:2: field \"statement_type\": \"interim\" is not a statement type; write "
            "quarterly (or leave it empty) or final (the final statement of account)");
}

TEST(BillFormat2, TheFirstFormatKeepsItsRequiredColumns) {
  // The seven columns of format 1: the due date and payments stay required on the case row.
  EXPECT_EQ(error_of(parse_bill(
                std::string(testing_csv::kBillHeader) + "2025-09-30,JA-P-AMA,,0,0,0,\n", "b.csv")),
            "b.csv:2: field \"due_date\": a value is required");
  EXPECT_EQ(error_of(parse_bill(
                std::string(testing_csv::kBillHeader) + "2025-09-30,JA-P-AMA,,0,,0,2025-12-15\n",
                "b.csv")),
            "b.csv:2: field \"cumulative_payments_usd\": a value is required");
  // Six of the seven: format 2, where neither is required.
  EXPECT_TRUE(parse_bill("statement_date,case_id,line,cumulative_delivered_usd,amount_due_usd,"
                         "due_date\n2025-09-30,JA-P-AMA,,0,0,\n",
                         "b.csv")
                  .ok());
}

}  // namespace
}  // namespace fms::io
