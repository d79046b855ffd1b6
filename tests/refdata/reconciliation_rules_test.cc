// The reconciliation and SDR rules in reference data: built-in values from the domain reference,
// dated look-up, override by date, and refusal of out-of-range values.
#include <gtest/gtest.h>

#include "refdata/loader.h"

namespace fms::refdata {
namespace {

CivilDate date(const char* iso) { return CivilDate::parse(iso).value(); }

TEST(ReconciliationRules, BuiltinValuesFollowTheDomainReference) {
  Result<ReferenceData> data = load_builtin();
  ASSERT_TRUE(data.ok()) << data.error().message;
  Result<ReconciliationRules> rules = data->reconciliation_rules_on(date("2026-11-25"));
  ASSERT_TRUE(rules.ok()) << rules.error().message;
  EXPECT_EQ(rules->sdr_minimum_cents, 200'00);
  EXPECT_EQ(rules->sdr_submission_days, 365);
  EXPECT_EQ(rules->closure_months_after_ssc, 12);
  EXPECT_EQ(rules->shipped_not_received_days, 90);
  EXPECT_EQ(rules->receipt_window_days, 180);
  EXPECT_EQ(rules->sdr_deadline_warning_days, 30);
  EXPECT_EQ(rules->value_tolerance_basis_points, 1000);
}

TEST(ReconciliationRules, ADatedOverrideAppliesFromItsDateOnly) {
  Result<ReferenceData> data = load_with_override(R"({"version": "office",
    "reconciliation_rules": [{"effective_from": "2026-04-01", "shipped_not_received_days": 60,
      "receipt_window_days": 120, "sdr_submission_days": 365, "sdr_deadline_warning_days": 45,
      "sdr_minimum_usd": 200, "value_tolerance_basis_points": 500, "closure_months_after_ssc": 12,
      "confidence": "unverified"}]})",
                                                  "office.json");
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_EQ(data->reconciliation_rules_on(date("2026-03-31"))->shipped_not_received_days, 90);
  EXPECT_EQ(data->reconciliation_rules_on(date("2026-04-01"))->shipped_not_received_days, 60);
  EXPECT_EQ(data->reconciliation_rules_on(date("2026-04-01"))->value_tolerance_basis_points, 500);
}

TEST(ReconciliationRules, BeforeTheFirstRowIsAnError) {
  ReferenceData empty;
  Result<ReconciliationRules> rules = empty.reconciliation_rules_on(date("2026-01-01"));
  ASSERT_FALSE(rules.ok());
  EXPECT_NE(rules.error().message.find("no reconciliation rules in force on 2026-01-01"),
            std::string::npos);
}

TEST(ReconciliationRules, OutOfRangeValuesAreRefusedWithTheirLocation) {
  Result<ReferenceData> data = load_with_override(R"({"version": "bad",
    "reconciliation_rules": [{"effective_from": "2026-04-01", "shipped_not_received_days": 0,
      "receipt_window_days": 120, "sdr_submission_days": 365, "sdr_deadline_warning_days": 45,
      "sdr_minimum_usd": 200, "value_tolerance_basis_points": 500, "closure_months_after_ssc": 12,
      "confidence": "unverified"}]})",
                                                  "bad.json");
  ASSERT_FALSE(data.ok());
  EXPECT_NE(data.error().message.find("bad.json"), std::string::npos) << data.error().message;
  EXPECT_NE(data.error().message.find("/reconciliation_rules/0/shipped_not_received_days"),
            std::string::npos)
      << data.error().message;
}

TEST(ReconciliationRules, AMissingFieldIsRefused) {
  Result<ReferenceData> data = load_with_override(R"({"version": "bad",
    "reconciliation_rules": [{"effective_from": "2026-04-01", "confidence": "unverified"}]})",
                                                  "bad.json");
  ASSERT_FALSE(data.ok());
  EXPECT_NE(data.error().message.find("/reconciliation_rules/0"), std::string::npos)
      << data.error().message;
}

}  // namespace
}  // namespace fms::refdata
