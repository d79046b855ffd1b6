// Tests of what a lifecycle step lacks (core/lifecycle_guard.h): the deposit before
// implementation, every line before supply/services complete, a settled final statement before
// closure.
#include "core/lifecycle_guard.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fms {
namespace {

CivilDate day(int y, unsigned m, unsigned d) {
  return CivilDate::from_ymd(y, m, d);
}

LifecycleEvidence evidence() {
  LifecycleEvidence e;
  e.date = day(2024, 2, 9);
  e.initial_deposit_cents = 42'000'000'00;
  e.position.as_of = e.date;
  return e;
}

TEST(TransitionBlockers, ImplementedNeedsTheInitialDeposit) {
  LifecycleEvidence e = evidence();
  e.position.paid_cents = 30'000'000'00;
  EXPECT_EQ(transition_blockers(CaseStatus::implemented, e),
            (std::vector<std::string>{"the initial deposit of USD 42,000,000.00 is not paid (USD "
                                      "30,000,000.00 recorded by 2024-02-09)"}));
  // A statement acknowledging the deposit is enough, and so is paying it.
  StatementFigures statement;
  statement.received_cents = 42'000'000'00;
  e.position.statement = statement;
  EXPECT_TRUE(transition_blockers(CaseStatus::implemented, e).empty());
  e.position.statement.reset();
  e.position.paid_cents = 42'000'000'00;
  EXPECT_TRUE(transition_blockers(CaseStatus::implemented, e).empty());
  // No deposit required (its LOA has none): nothing to wait for.
  e.position.paid_cents = 0;
  e.initial_deposit_cents = 0;
  EXPECT_TRUE(transition_blockers(CaseStatus::implemented, e).empty());
}

TEST(TransitionBlockers, SupplyServicesCompleteNamesEveryLineShort) {
  LifecycleEvidence e = evidence();
  e.lines = {{"001", true, 200, 72, 424'000'000'00, 152'640'000'00},
             {"002", true, 200, 200, 480'000'000'00, 480'000'000'00},
             {"005", false, 1, 0, 1'000'000'00, 250'000'00}};
  EXPECT_EQ(transition_blockers(CaseStatus::supply_services_complete, e),
            (std::vector<std::string>{"not every line is delivered: line 001 72 of 200 "
                                      "delivered, line 005 USD 250,000.00 of USD 1,000,000.00 "
                                      "performed"}));
  e.lines[0].delivered_quantity = 200;
  e.lines[2].delivered_value_cents = 1'000'000'00;
  EXPECT_TRUE(transition_blockers(CaseStatus::supply_services_complete, e).empty());
}

TEST(TransitionBlockers, ClosedNeedsASettledFinalStatement) {
  LifecycleEvidence e = evidence();
  e.date = day(2025, 11, 1);
  EXPECT_EQ(transition_blockers(CaseStatus::closed, e),
            (std::vector<std::string>{
                "no final statement of account (a DD 645 marked final) by 2025-11-01"}));
  e.position.settlement =
      Settlement{day(2025, 9, 30), 7'400'000'00, 7'308'950'00, 91'050'00, 0, 91'050'00};
  EXPECT_EQ(transition_blockers(CaseStatus::closed, e),
            (std::vector<std::string>{"the final statement of 2025-09-30 leaves a refund of USD "
                                      "91,050.00 unsettled"}));
  e.position.settlement->outstanding_cents = -8'950'00;
  EXPECT_EQ(transition_blockers(CaseStatus::closed, e),
            (std::vector<std::string>{"the final statement of 2025-09-30 leaves an "
                                      "under-collection of USD 8,950.00 unsettled"}));
  e.position.settlement->outstanding_cents = 0;
  EXPECT_TRUE(transition_blockers(CaseStatus::closed, e).empty());
}

TEST(TransitionBlockers, OtherStepsNeedNoEvidence) {
  const LifecycleEvidence e = evidence();
  for (const CaseStatus to : {CaseStatus::accepted, CaseStatus::suspended,
                              CaseStatus::closure_submitted, CaseStatus::cancelled}) {
    EXPECT_TRUE(transition_blockers(to, e).empty()) << to_string(to);
  }
}

}  // namespace
}  // namespace fms
