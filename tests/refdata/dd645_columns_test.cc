// Tests of the DD 645 column map in reference data (refdata/dd645.json, refdata/README.md): the
// built-in map reads every canonical heading and column 14's printed heading, and an override
// maps a real statement's headings without a code change.
#include <gtest/gtest.h>

#include <string>

#include "refdata/loader.h"

namespace fms::refdata {
namespace {

TEST(StatementColumnMap, EveryCanonicalHeadingAndColumn14AreBuiltIn) {
  const Result<ReferenceData> data = load_builtin();
  ASSERT_TRUE(data.ok()) << data.error().message;
  for (const StatementField field : all_statement_fields()) {
    const std::string name(statement_field_name(field));
    const auto found = data->dd645_columns.find(name);
    ASSERT_NE(found, data->dd645_columns.end()) << name;
    EXPECT_EQ(found->second.field, field) << name;
  }
  const auto column14 = data->dd645_columns.find(normalise_heading("Amount Due and Payable"));
  ASSERT_NE(column14, data->dd645_columns.end());
  EXPECT_EQ(column14->second.field, StatementField::amount_due);
  EXPECT_EQ(column14->second.confidence, "confirmed");
}

TEST(StatementColumnMap, AnOverrideAddsAHeadingWhateverItsSpelling) {
  const Result<ReferenceData> data = load_with_override(R"({
    "version": "site-1",
    "dd645_columns": [
      {"heading": "  Col. 9  Costs   In Process ", "field": "costs_in_progress_usd",
       "confidence": "secondary", "source": "our DFAS statement of 2026-09-30"}
    ]
  })",
                                                        "site.json");
  ASSERT_TRUE(data.ok()) << data.error().message;
  const auto found = data->dd645_columns.find("col. 9 costs in process");
  ASSERT_NE(found, data->dd645_columns.end());
  EXPECT_EQ(found->second.field, StatementField::costs_in_progress);
  EXPECT_EQ(found->second.heading, "  Col. 9  Costs   In Process ");
}

TEST(StatementColumnMap, AnUnknownFieldOrAnEmptyHeadingIsRefusedWithItsPlace) {
  const Result<ReferenceData> unknown = load_with_override(R"({
    "version": "site-1",
    "dd645_columns": [{"heading": "Obligations", "field": "obligations_usd",
                       "confidence": "unverified"}]
  })",
                                                           "site.json");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message.rfind(
                "site.json: /dd645_columns/0/field: \"obligations_usd\" is not a DD 645 field; "
                "the fields are statement_date, case_id, line, ",
                0),
            0U)
      << unknown.error().message;
  const Result<ReferenceData> empty = load_with_override(R"({
    "version": "site-1",
    "dd645_columns": [{"heading": "   ", "field": "case_id", "confidence": "unverified"}]
  })",
                                                         "site.json");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().message,
            "site.json: /dd645_columns/0/heading: a heading has at least one visible character");
  const std::string long_heading(kMaxStatementHeadingBytes + 1, 'x');
  const Result<ReferenceData> too_long =
      load_with_override(R"({"version": "site-1", "dd645_columns": [{"heading": ")" + long_heading +
                             R"(", "field": "case_id", "confidence": "unverified"}]})",
                         "site.json");
  ASSERT_FALSE(too_long.ok());
  EXPECT_NE(too_long.error().message.find("site.json: /dd645_columns/0/heading"), std::string::npos)
      << too_long.error().message;
  const std::string longest(kMaxStatementHeadingBytes, 'x');
  EXPECT_TRUE(load_with_override(R"({"version": "site-1", "dd645_columns": [{"heading": ")" +
                                     longest +
                                     R"(", "field": "case_id", "confidence": "unverified"}]})",
                                 "site.json")
                  .ok());
  const Result<ReferenceData> twice = load_with_override(R"({
    "version": "site-1",
    "dd645_columns": [{"heading": "Due", "field": "due_date", "confidence": "unverified"},
                      {"heading": "DUE", "field": "due_date", "confidence": "unverified"}]
  })",
                                                         "site.json");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().message,
            "site.json: /dd645_columns/1/heading: duplicate heading \"due\"; already defined at "
            "/dd645_columns/0");
}

}  // namespace
}  // namespace fms::refdata
