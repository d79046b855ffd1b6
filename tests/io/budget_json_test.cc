// Budget documents round-trip through their canonical form; every bad
// field is reported at its JSON Pointer, all at once (zero or negative rates, unknown pairs,
// amounts not in yen, an envelope total without the rate it was costed at, overlapping lines,
// payment years outside the authority).
#include "io/budget_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/test_reference.h"

namespace fms::io {
namespace {

using ::testing::HasSubstr;

const ReferenceData& reference() {
  return test_support::test_reference();
}

nlohmann::json minimal() {
  return nlohmann::json::parse(R"({
    "format": "fmsledger.budget/1",
    "effective_date": "2025-04-01",
    "title": "test book",
    "provenance": "illustrative",
    "budget_rates": [{"fiscal_year": "JFY2025", "pair": "USD/JPY", "rate": "150", "source": "x"}],
    "appropriations": [{"id": "SO-2025", "fiscal_year": "JFY2025", "programme": "Stand-off",
                        "category": "FMS missiles", "amount": "JPY 1,000,000", "policy": "block",
                        "cases": ["ja-p-twk"]}],
    "obligation_authorities": [{"id": "OA", "title": "t", "contract_year": "JFY2023",
                                "payment_years": ["JFY2025"], "ceiling": "254000000000",
                                "cases": ["JA-P-TWK"]}],
    "envelopes": [{"id": "DBP", "name": "plan", "first_year": "JFY2023", "last_year": "JFY2027",
                   "total": "JPY 43,000,000,000,000",
                   "assumed_rate": {"pair": "USD/JPY", "rate": "108"},
                   "shares": [{"id": "so", "name": "stand-off", "amount": "5000000000000",
                               "cases": ["JA-P-TWK"]}]}]
  })");
}

Result<BudgetDocument> parse(const nlohmann::json& document) {
  return parse_budget_document(document.dump(), "book.json", reference());
}

TEST(BudgetJsonTest, TheCanonicalFormRoundTrips) {
  auto book = parse(minimal());
  ASSERT_TRUE(book.ok()) << book.error().message;
  EXPECT_EQ(book->budget_rates.front().rate.to_string(), "150.00");
  EXPECT_EQ(book->envelopes.front().total, Money(43'000'000'000'000, Currency::jpy()));
  const std::string canonical = serialize_budget_document(*book);
  auto again = parse_budget_document(canonical, "canonical", reference());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(serialize_budget_document(*again), canonical);
}

TEST(BudgetJsonTest, CaseIdsAreNormalisedAndAmountsAreYen) {
  auto book = parse(minimal());
  ASSERT_TRUE(book.ok()) << book.error().message;
  EXPECT_EQ(book->appropriations[0].cases[0], "JA-P-TWK");
  EXPECT_EQ(book->appropriations[0].policy, OverrunPolicy::block);
  EXPECT_EQ(book->authorities[0].ceiling, Money(254'000'000'000, Currency::jpy()));
  EXPECT_FALSE(book->authorities[0].long_term_designation);
}

TEST(BudgetJsonTest, ARateOfZeroOrBelowOrOfAnUnknownPairIsLocated) {
  auto document = minimal();
  document["budget_rates"][0]["rate"] = "0";
  document["envelopes"][0]["assumed_rate"]["pair"] = "EUR/JPY";
  auto book = parse(document);
  ASSERT_FALSE(book.ok());
  EXPECT_THAT(book.error().message, HasSubstr("book.json: /budget_rates/0/rate: "));
  EXPECT_THAT(book.error().message, HasSubstr("above zero"));
  EXPECT_THAT(book.error().message,
              HasSubstr("book.json: /envelopes/0/assumed_rate/pair: \"EUR/JPY\" is not a "
                        "supported pair"));
  document["budget_rates"][0]["rate"] = "-1";
  EXPECT_FALSE(parse(document).ok());
}

TEST(BudgetJsonTest, AYenTotalWithoutTheRateItWasCostedAtIsRefused) {
  auto document = minimal();
  document["envelopes"][0].erase("assumed_rate");
  auto book = parse(document);
  ASSERT_FALSE(book.ok());
  EXPECT_THAT(book.error().message,
              HasSubstr("book.json: /envelopes/0/assumed_rate: required field is missing"));
}

TEST(BudgetJsonTest, AnAmountInDollarsIsNotAnAppropriation) {
  auto document = minimal();
  document["appropriations"][0]["amount"] = "USD 1,000";
  document["appropriations"][0]["policy"] = "stop";
  document["obligation_authorities"][0]["ceiling"] = 100;
  auto book = parse(document);
  ASSERT_FALSE(book.ok());
  EXPECT_THAT(book.error().message,
              HasSubstr("/appropriations/0/amount: \"USD 1,000\" is not a yen amount"));
  EXPECT_THAT(book.error().message, HasSubstr("/appropriations/0/policy: policy \"stop\""));
  EXPECT_THAT(book.error().message,
              HasSubstr("/obligation_authorities/0/ceiling: must be a string, got number"));
}

TEST(BudgetJsonTest, OverlappingLinesAndYearsOutsideTheAuthorityAreLocated) {
  auto document = minimal();
  auto second = document["appropriations"][0];
  second["id"] = "SO-2025-supplementary";
  document["appropriations"].push_back(second);
  document["obligation_authorities"][0]["payment_years"] = {"JFY2025", "JFY2028"};
  auto book = parse(document);
  ASSERT_FALSE(book.ok());
  EXPECT_THAT(book.error().message,
              HasSubstr("book.json: /appropriations/1/cases/0: overlapping budget lines"));
  EXPECT_THAT(book.error().message,
              HasSubstr("book.json: /obligation_authorities/0/payment_years/1: payment year "
                        "JFY2028 is outside the authority"));
}

TEST(BudgetJsonTest, UnknownFieldsWrongYearsAndBadCaseIdsAreAllReported) {
  auto document = minimal();
  document["surplus"] = true;
  document["appropriations"][0]["fiscal_year"] = "USFY2025";
  document["appropriations"][0]["cases"] = {"NOT-A-CASE"};
  auto book = parse(document);
  ASSERT_FALSE(book.ok());
  EXPECT_THAT(book.error().message, HasSubstr("book.json: /surplus: unknown field"));
  EXPECT_THAT(
      book.error().message,
      HasSubstr("/appropriations/0/fiscal_year: \"USFY2025\" is not a Japanese fiscal year"));
  EXPECT_THAT(book.error().message, HasSubstr("/appropriations/0/cases/0: "));
}

TEST(BudgetJsonTest, ADocumentAboveTheSizeLimitIsRefusedUnread) {
  const std::string big(kMaxBudgetDocumentBytes + 1, ' ');
  auto book = parse_budget_document(big, "big.json", reference());
  ASSERT_FALSE(book.ok());
  EXPECT_THAT(book.error().message, HasSubstr("big.json: "));
  EXPECT_THAT(book.error().message, HasSubstr("at most 4194304 bytes"));
}

}  // namespace
}  // namespace fms::io
