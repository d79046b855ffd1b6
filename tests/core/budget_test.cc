// Budget book rules: one budget rate per year, no case funded twice in one year (overlapping
// lines), obligation authority payment years inside 5 (or, designated, 10) fiscal years from
// the contract year, and envelope shares within the total.
#include "core/budget.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace fms {
namespace {

using ::testing::HasSubstr;

FiscalYear jfy(int year) {
  return FiscalYear{FiscalCalendar::japan, year};
}
Money jpy(std::int64_t yen) {
  return Money(yen, Currency::jpy());
}
ExchangeRate usd_jpy(std::string_view text) {
  return *ExchangeRate::parse(text, Currency::usd(), Currency::jpy());
}

Appropriation line(std::string id, int year, std::vector<std::string> cases) {
  Appropriation out;
  out.id = std::move(id);
  out.fiscal_year = jfy(year);
  out.programme = "Stand-off defence capability";
  out.category = "FMS missiles";
  out.amount = jpy(1'000);
  out.cases = std::move(cases);
  return out;
}

ObligationAuthority authority(int contract_year, std::vector<int> years, bool long_term) {
  ObligationAuthority out;
  out.id = "OA";
  out.title = "test";
  out.contract_year = jfy(contract_year);
  for (const int year : years) out.payment_years.push_back(jfy(year));
  out.ceiling = jpy(1'000'000);
  out.long_term_designation = long_term;
  out.cases = {"JA-P-TWK"};
  return out;
}

TEST(BudgetRulesTest, AWellFormedBookHasNoProblems) {
  BudgetDocument book;
  book.budget_rates = {{jfy(2023), usd_jpy("137"), "MOF"}, {jfy(2024), usd_jpy("143"), "x"}};
  book.appropriations = {line("SO-2025", 2025, {"JA-P-TWK"}), line("SO-2026", 2026, {"JA-P-TWK"})};
  book.authorities = {authority(2023, {2023, 2024, 2025, 2026, 2027}, false)};
  EXPECT_TRUE(check_budget(book).empty());
  ASSERT_NE(book.appropriation_for("JA-P-TWK", jfy(2026)), nullptr);
  EXPECT_EQ(book.appropriation_for("JA-P-TWK", jfy(2026))->id, "SO-2026");
  EXPECT_EQ(book.appropriation_for("JA-P-TWK", jfy(2027)), nullptr);
}

TEST(BudgetRulesTest, TwoLinesFundingOneCaseInOneYearOverlap) {
  BudgetDocument book;
  book.appropriations = {line("SO-2025", 2025, {"JA-P-TWK", "JA-D-JER"}),
                         line("SO-2025-supp", 2025, {"JA-D-JER"})};
  const auto problems = check_budget(book);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].pointer, "/appropriations/1/cases/0");
  EXPECT_THAT(problems[0].message, HasSubstr("overlapping budget lines"));
  EXPECT_THAT(problems[0].message, HasSubstr("SO-2025"));
}

TEST(BudgetRulesTest, APaymentYearOutsideTheAuthorityIsRefused) {
  BudgetDocument book;
  book.authorities = {authority(2023, {2023, 2028}, false)};  // 2028 is the sixth year
  auto problems = check_budget(book);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].pointer, "/obligation_authorities/0/payment_years/1");
  EXPECT_THAT(problems[0].message, HasSubstr("JFY2028 is outside the authority"));
  EXPECT_THAT(problems[0].message, HasSubstr("JFY2023-2027"));

  book.authorities = {authority(2023, {2023, 2028, 2032}, true)};  // designated: 10 years
  EXPECT_TRUE(check_budget(book).empty());
  book.authorities = {authority(2023, {2033}, true)};
  EXPECT_EQ(check_budget(book).size(), 1u);
  book.authorities = {authority(2023, {2022}, false)};  // before the contract
  EXPECT_EQ(check_budget(book).size(), 1u);
}

TEST(BudgetRulesTest, RatesIdsAndSharesAreCheckedAcrossEntries) {
  BudgetDocument book;
  book.budget_rates = {{jfy(2023), usd_jpy("137"), "a"}, {jfy(2023), usd_jpy("138"), "b"}};
  book.appropriations = {line("X", 2025, {}), line("X", 2026, {})};
  Envelope envelope{"DBP",
                    "plan",
                    jfy(2023),
                    jfy(2027),
                    jpy(100),
                    usd_jpy("108"),
                    {{"a", "share a", jpy(60), {}}, {"b", "share b", jpy(50), {}}}};
  book.envelopes = {envelope};
  const auto problems = check_budget(book);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].pointer, "/budget_rates/1/fiscal_year");
  EXPECT_EQ(problems[1].pointer, "/appropriations/1/id");
  EXPECT_EQ(problems[2].pointer, "/envelopes/0/shares");
  EXPECT_THAT(problems[2].message, HasSubstr("more than the total"));
}

}  // namespace
}  // namespace fms
