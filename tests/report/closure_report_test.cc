// Closure readiness: every checklist item ok and blocked with its exact reason, which cases the
// portfolio view lists, and the three renderings.
#include "report/closure_report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/report_view_fixture.h"
#include "report/sheet_text.h"

namespace fms::report {
namespace {

using testing::day;
using ::testing::HasSubstr;
using testing::ViewBuilder;

constexpr int kMonths = 12;

// Settles `c` on a final statement of 2025-09-30: the seller received `received`, its total
// cost to date is `cost`, and the purchaser paid `paid_since` after the statement.
void settle(CaseFinancials& c, std::int64_t received, std::int64_t cost,
            std::int64_t paid_since = 0) {
  StatementFigures s;
  s.statement_date = day("2025-09-30");
  s.final_statement = true;
  s.delivered_cents = cost;
  s.total_cost_cents = cost;
  s.received_cents = received;
  c.position.statement = s;
  Settlement settlement;
  settlement.statement_date = s.statement_date;
  settlement.received_cents = received;
  settlement.total_cost_cents = cost;
  settlement.balance_cents = received - cost;
  settlement.paid_since_cents = paid_since;
  settlement.outstanding_cents = received - cost + paid_since;
  c.position.settlement = settlement;
}

// A case that meets every item on 2026-11-25: SSC 2025-06-30 (target 2026-06-30), its one line
// delivered in full, a final DD 645 of 2025-09-30 whose total cost, 1,800.00, is what the
// seller received.
CaseFinancials ready_case() {
  CaseFinancials c;
  c.case_id = "JA-P-RDY";
  c.status = CaseStatus::closure_submitted;
  c.supply_services_complete = day("2025-06-30");
  c.case_value_cents = 2'500'00;
  LineFinancials line;
  line.line = "001";
  line.ordered_quantity = 2;
  line.delivered_quantity = 2;
  line.delivered_value_cents = 2'000'00;
  c.lines.push_back(line);
  c.delivered_value_cents = 2'000'00;
  settle(c, 1'800'00, 1'800'00);
  c.paid_cents = 1'800'00;
  c.sdr_credits_cents = 200'00;
  return c;
}

const ClosureCheck& item(const CaseClosure& closure, ClosureItem which) {
  return closure.checks.at(static_cast<std::size_t>(which));
}

CaseClosure closure(const CaseFinancials& c, const char* as_of = "2026-11-25") {
  return closure_of(c, day(as_of), kMonths);
}

TEST(ClosureChecklist, ReadyWhenEveryItemHolds) {
  const CaseClosure c = closure(ready_case());
  ASSERT_EQ(c.checks.size(), 7u);
  EXPECT_TRUE(c.ready());
  EXPECT_EQ(c.first_blocker(), nullptr);
  EXPECT_EQ(c.closure_target, day("2026-06-30"));
  EXPECT_EQ(item(c, ClosureItem::supply_services_complete).reason,
            "status closure-submitted (supply/services complete 2025-06-30)");
  EXPECT_EQ(item(c, ClosureItem::delivered_in_full).reason, "all 1 line(s) delivered in full");
  EXPECT_EQ(item(c, ClosureItem::no_open_discrepancies).reason, "none");
  EXPECT_EQ(item(c, ClosureItem::no_open_sdrs).reason, "none");
  EXPECT_EQ(item(c, ClosureItem::closure_target_reached).reason, "target 2026-06-30 reached");
  EXPECT_EQ(item(c, ClosureItem::final_statement).reason, "DD 645 of 2025-09-30 (final)");
  EXPECT_EQ(item(c, ClosureItem::balance_settled).reason,
            "received USD 1,800.00 - total cost USD 1,800.00 = 0");
}

TEST(ClosureChecklist, BlockedBeforeSupplyServicesComplete) {
  CaseFinancials c = ready_case();
  c.status = CaseStatus::implemented;
  const CaseClosure result = closure(c);
  EXPECT_FALSE(result.ready());
  EXPECT_FALSE(item(result, ClosureItem::supply_services_complete).ok);
  EXPECT_EQ(item(result, ClosureItem::supply_services_complete).reason,
            "status is implemented; supply/services complete not reached");
  EXPECT_EQ(result.first_blocker()->item, ClosureItem::supply_services_complete);
}

TEST(ClosureChecklist, ShortLinesListedWithQuantities) {
  CaseFinancials c = ready_case();
  LineFinancials partly;
  partly.line = "002";
  partly.ordered_quantity = 5;
  partly.delivered_quantity = 3;
  LineFinancials nothing;
  nothing.line = "003";
  nothing.ordered_quantity = 1;
  LineFinancials not_on_loa;
  not_on_loa.line = "009";
  not_on_loa.on_loa = false;
  c.lines.push_back(partly);
  c.lines.push_back(nothing);
  c.lines.push_back(not_on_loa);
  const CaseClosure result = closure(c);
  EXPECT_FALSE(item(result, ClosureItem::delivered_in_full).ok);
  EXPECT_EQ(item(result, ClosureItem::delivered_in_full).reason,
            "short: line 002 3 of 5 delivered, line 003 0 of 1 delivered");
  EXPECT_EQ(result.first_blocker()->item, ClosureItem::delivered_in_full);
}

TEST(ClosureChecklist, OpenDiscrepanciesCountedByType) {
  CaseFinancials c = ready_case();
  c.open_discrepancies = {3, 1'234'00};
  c.open_by_type[recon::DiscrepancyType::value_mismatch] = {1, 234'00};
  c.open_by_type[recon::DiscrepancyType::quantity_short] = {2, 1'000'00};
  const CaseClosure result = closure(c);
  EXPECT_FALSE(item(result, ClosureItem::no_open_discrepancies).ok);
  EXPECT_EQ(item(result, ClosureItem::no_open_discrepancies).reason,
            "3 open (USD 1,234.00): 2 quantity-short, 1 value-mismatch");
}

TEST(ClosureChecklist, OpenSdrsNamed) {
  CaseFinancials c = ready_case();
  c.open_sdrs = {"A0001-JA-RDY/001", "A0002-JA-RDY/002R"};
  const CaseClosure result = closure(c);
  EXPECT_FALSE(item(result, ClosureItem::no_open_sdrs).ok);
  EXPECT_EQ(item(result, ClosureItem::no_open_sdrs).reason,
            "2 open: A0001-JA-RDY/001, A0002-JA-RDY/002R");
}

TEST(ClosureChecklist, TargetDateReachedOnTheDayNotBefore) {
  EXPECT_TRUE(item(closure(ready_case(), "2026-06-30"), ClosureItem::closure_target_reached).ok);
  const CaseClosure day_before = closure(ready_case(), "2026-06-29");
  EXPECT_FALSE(item(day_before, ClosureItem::closure_target_reached).ok);
  EXPECT_EQ(item(day_before, ClosureItem::closure_target_reached).reason, "not before 2026-06-30");
}

TEST(ClosureChecklist, TargetAndFinalStatementNeedAnSscDate) {
  CaseFinancials c = ready_case();
  c.supply_services_complete.reset();
  const CaseClosure result = closure(c);
  EXPECT_FALSE(result.closure_target.has_value());
  EXPECT_EQ(item(result, ClosureItem::closure_target_reached).reason,
            "no supply/services-complete date");
}

TEST(ClosureChecklist, TheLatestStatementMustBeTheFinalOne) {
  CaseFinancials c = ready_case();
  c.position.statement->final_statement = false;
  c.position.settlement.reset();
  EXPECT_FALSE(item(closure(c), ClosureItem::final_statement).ok);
  EXPECT_EQ(item(closure(c), ClosureItem::final_statement).reason,
            "no final statement of account (latest DD 645 2025-09-30, quarterly)");
  EXPECT_EQ(item(closure(c), ClosureItem::balance_settled).reason, "no final statement to settle");
  c.position.cash_held_cents = 5'00;
  EXPECT_EQ(item(closure(c), ClosureItem::balance_settled).reason,
            "no final statement to settle; cash held USD 5.00 (paid - total cost to date)");
  c.position.statement.reset();
  EXPECT_EQ(item(closure(c), ClosureItem::final_statement).reason,
            "no final statement of account (no DD 645 received)");
}

TEST(ClosureChecklist, RefundDueOrUnderCollectionUntilSettled) {
  CaseFinancials c = ready_case();
  settle(c, 1'800'01, 1'800'00);
  EXPECT_FALSE(item(closure(c), ClosureItem::balance_settled).ok);
  EXPECT_EQ(item(closure(c), ClosureItem::balance_settled).reason,
            "refund due USD 0.01 (received USD 1,800.01 - total cost USD 1,800.00)");
  settle(c, 1'799'99, 1'800'00);
  EXPECT_EQ(item(closure(c), ClosureItem::balance_settled).reason,
            "under-collection USD 0.01 (received USD 1,799.99 - total cost USD 1,800.00)");
  settle(c, 1'800'01, 1'800'00, -1);  // the refund received
  EXPECT_TRUE(item(closure(c), ClosureItem::balance_settled).ok);
  EXPECT_EQ(item(closure(c), ClosureItem::balance_settled).reason,
            "received USD 1,800.01 - total cost USD 1,800.00, settled by USD -0.01 since the "
            "final statement");
}

TEST(ClosureChecklist, FirstBlockerIsTheFirstItemThatFails) {
  CaseFinancials c = ready_case();
  c.open_sdrs = {"A0001-JA-RDY/001"};
  settle(c, 0, 1'800'00);
  EXPECT_EQ(closure(c).first_blocker()->item, ClosureItem::no_open_sdrs);
}

// JA-P-AAA implemented (blocked), JA-P-BBB complete and settled (ready), JA-P-OFF only offered
// and JA-P-SHT closed: the portfolio view lists the first two.
class ClosureReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    builder_.add_case("JA-P-AAA", CaseStatus::implemented, 1'000'00)
        .per_unit_line("001", 1, 1'000'00, "2027-01-01")
        .add_case("JA-P-BBB", CaseStatus::closure_submitted, 2'000'00, "2025-01-31")
        .per_unit_line("001", 2, 1'000'00, "2024-12-01")
        .add_case("JA-P-OFF", CaseStatus::offered, 1'000'00)
        .add_case("JA-P-SHT", CaseStatus::closed, 1'000'00, "2024-01-31")
        .delivery("B1", "JA-P-BBB", "001", "2024-12-01", 2, 2'000'00)
        .receipt("RB1", "B1", "JA-P-BBB", "001", "2024-12-10", 2)
        .bill("2025-03-31", "JA-P-BBB", 2'000'00, 2'000'00, 0)
        .final_statement()
        .payment("PB1", "2024-11-01", "JA-P-BBB", 2'000'00);
  }
  ViewBuilder builder_{"2026-11-25"};
};

TEST_F(ClosureReportTest, PortfolioListsCasesInExecution) {
  const auto report = closure_report(builder_.view(), std::nullopt);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->cases.size(), 2u);
  EXPECT_EQ(report->cases[0].case_id, "JA-P-AAA");
  EXPECT_FALSE(report->cases[0].ready());
  EXPECT_EQ(report->cases[1].case_id, "JA-P-BBB");
  EXPECT_TRUE(report->cases[1].ready()) << report->cases[1].first_blocker()->reason;
  EXPECT_EQ(report->closure_months_after_ssc, 12);
}

TEST_F(ClosureReportTest, OneCaseWhateverItsStatus) {
  const auto report = closure_report(builder_.view(), std::string("JA-P-SHT"));
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->cases.size(), 1u);
  EXPECT_TRUE(report->one_case);
  const auto missing = closure_report(builder_.view(), std::string("JA-P-XXX"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
  EXPECT_THAT(missing.error().message, HasSubstr("JA-P-XXX"));
}

TEST_F(ClosureReportTest, TextNamesFirstBlockersAndCounts) {
  const std::string text = closure_text(closure_report(builder_.view(), std::nullopt).value());
  EXPECT_THAT(text, HasSubstr("Closure readiness as of 2026-11-25"));
  EXPECT_THAT(text, HasSubstr("Note: no reconciliation has been recorded"));
  EXPECT_THAT(text, HasSubstr("supply-services-complete: status is implemented"));
  EXPECT_THAT(text, HasSubstr("2 case(s): 1 ready, 1 blocked"));
  const std::string one =
      closure_text(closure_report(builder_.view(), std::string("JA-P-BBB")).value());
  EXPECT_THAT(one, HasSubstr("closure target 2026-01-31"));
  EXPECT_THAT(one, HasSubstr("Ready for closure: yes"));
  EXPECT_THAT(one, HasSubstr("Settlement, DD 645 of 2025-03-31 (final)"));
}

TEST_F(ClosureReportTest, JsonShape) {
  const Json json = closure_json(closure_report(builder_.view(), std::nullopt).value());
  EXPECT_EQ(json["as_of"], "2026-11-25");
  EXPECT_EQ(json["matches_recorded"], false);
  EXPECT_EQ(json["ready"], 1);
  EXPECT_EQ(json["blocked"], 1);
  const Json& blocked = json["cases"][0];
  EXPECT_EQ(blocked["case_id"], "JA-P-AAA");
  EXPECT_EQ(blocked["ready"], false);
  EXPECT_TRUE(blocked["supply_services_complete"].is_null());
  EXPECT_EQ(blocked["first_blocker"]["item"], "supply-services-complete");
  ASSERT_EQ(blocked["checks"].size(), 7u);
  EXPECT_EQ(blocked["checks"][6]["item"], "balance-settled");
  EXPECT_TRUE(blocked["settlement"].is_null());
  const Json& settlement = json["cases"][1]["settlement"];
  EXPECT_EQ(settlement["payments_received"], "2000.00");
  EXPECT_EQ(settlement["total_cost"], "2000.00");
  EXPECT_EQ(settlement["outstanding"], "0.00");
  EXPECT_EQ(json["cases"][1]["closure_target"], "2026-01-31");
  EXPECT_TRUE(json["cases"][1]["first_blocker"].is_null());
}

TEST_F(ClosureReportTest, CsvQuotesReasonsWithCommas) {
  const std::string portfolio =
      sheet_csv(closure_sheet(closure_report(builder_.view(), std::nullopt).value()));
  EXPECT_THAT(portfolio, HasSubstr("case_id,status,ready,first_blocker,reason\n"));
  EXPECT_THAT(portfolio, HasSubstr("JA-P-BBB,closure-submitted,true,,\n"));
  CaseFinancials c = ready_case();
  LineFinancials a;
  a.line = "002";
  a.ordered_quantity = 1;
  c.lines.push_back(a);
  a.line = "003";
  c.lines.push_back(a);
  ClosureReport one;
  one.one_case = true;
  one.cases.push_back(closure(c));
  const std::string csv = sheet_csv(closure_sheet(one));
  EXPECT_THAT(csv, HasSubstr("case_id,item,ok,reason\n"));
  EXPECT_THAT(
      csv,
      HasSubstr(
          "JA-P-RDY,delivered-in-full,false,\"short: line 002 0 of 1 delivered, line 003 0 of 1 "
          "delivered\"\n"));
}

}  // namespace
}  // namespace fms::report
