// Tests for the case lifecycle state machine: names both ways, and the WHOLE transition table —
// every (from, to) pair of all_case_statuses() is checked against an expected table written out
// here independently of the implementation, together with the refusal message.
#include "core/case_status.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace fms {
namespace {

// The expected machine, by name, in the order the implementation must offer the exits.
const std::map<std::string, std::vector<std::string>>& expected_exits() {
  static const std::map<std::string, std::vector<std::string>> table{
      {"lor-received", {"pa-issued", "in-development", "withdrawn"}},
      {"pa-issued", {"in-development", "withdrawn"}},
      {"in-development", {"cn-pending", "offered", "withdrawn"}},
      {"cn-pending", {"offered", "withdrawn"}},
      {"offered", {"accepted", "offer-expired", "restated", "withdrawn"}},
      {"restated", {"offered"}},
      {"offer-expired", {"cancelled", "offered"}},
      {"cancelled", {"offered"}},
      {"withdrawn", {}},
      {"accepted", {"implemented"}},
      {"implemented", {"supply-services-complete", "suspended", "cancellation-requested"}},
      {"suspended", {"implemented", "cancelled"}},
      {"cancellation-requested", {"closure-submitted"}},
      {"supply-services-complete", {"closure-submitted"}},
      {"closure-submitted", {"closed-interim", "closed"}},
      {"closed-interim", {"closed", "reopened"}},
      {"closed", {"reopened"}},
      {"reopened", {"implemented"}},
  };
  return table;
}

std::string name(CaseStatus s) {
  return std::string(to_string(s));
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

TEST(CaseStatus, AllStatusesInDeclarationOrder) {
  const std::span<const CaseStatus> all = all_case_statuses();
  ASSERT_EQ(all.size(), 18U);
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(static_cast<std::size_t>(all[i]), i);
  }
  EXPECT_EQ(all.front(), CaseStatus::lor_received);
  EXPECT_EQ(all.back(), CaseStatus::reopened);
}

TEST(CaseStatus, Names) {
  const std::vector<std::pair<CaseStatus, const char*>> names{
      {CaseStatus::lor_received, "lor-received"},
      {CaseStatus::pa_issued, "pa-issued"},
      {CaseStatus::in_development, "in-development"},
      {CaseStatus::cn_pending, "cn-pending"},
      {CaseStatus::offered, "offered"},
      {CaseStatus::restated, "restated"},
      {CaseStatus::expired, "offer-expired"},
      {CaseStatus::withdrawn, "withdrawn"},
      {CaseStatus::accepted, "accepted"},
      {CaseStatus::implemented, "implemented"},
      {CaseStatus::suspended, "suspended"},
      {CaseStatus::cancellation_requested, "cancellation-requested"},
      {CaseStatus::cancelled, "cancelled"},
      {CaseStatus::supply_services_complete, "supply-services-complete"},
      {CaseStatus::closure_submitted, "closure-submitted"},
      {CaseStatus::closed_interim, "closed-interim"},
      {CaseStatus::closed, "closed"},
      {CaseStatus::reopened, "reopened"},
  };
  ASSERT_EQ(names.size(), all_case_statuses().size());
  for (const auto& [status, text] : names) {
    EXPECT_EQ(to_string(status), text);
    const Result<CaseStatus> back = case_status_from_string(text);
    ASSERT_TRUE(back.ok()) << text;
    EXPECT_EQ(*back, status);
  }
}

TEST(CaseStatus, NamesAreUnique) {
  std::set<std::string> seen;
  for (const CaseStatus s : all_case_statuses())
    EXPECT_TRUE(seen.insert(name(s)).second) << name(s);
}

TEST(CaseStatus, UnknownNameListsValidOnes) {
  for (const char* bad : {"", "Offered", "OFFERED", "lor_received", "closed_final", "offered ",
                          " offered", "open", "supply-services-completed"}) {
    const Result<CaseStatus> r = case_status_from_string(bad);
    ASSERT_FALSE(r.ok()) << '"' << bad << '"';
    EXPECT_EQ(r.error().kind, ErrorKind::invalid_input);
    const std::string& msg = r.error().message;
    EXPECT_NE(msg.find(std::string("\"") + bad + "\""), std::string::npos) << msg;
    for (const CaseStatus s : all_case_statuses()) {
      EXPECT_NE(msg.find(name(s)), std::string::npos) << msg << " lacks " << name(s);
    }
    EXPECT_NE(msg.find("lor-received, pa-issued, in-development"), std::string::npos) << msg;
  }
}

TEST(CaseStatus, ExpectedTableCoversEveryStatus) {
  ASSERT_EQ(expected_exits().size(), all_case_statuses().size());
  for (const CaseStatus s : all_case_statuses()) {
    EXPECT_EQ(expected_exits().count(name(s)), 1U) << name(s);
  }
}

TEST(CaseStatus, LegalNextStatusesMatchTableInOrder) {
  for (const CaseStatus from : all_case_statuses()) {
    std::vector<std::string> got;
    for (const CaseStatus to : legal_next_statuses(from)) got.push_back(name(to));
    EXPECT_EQ(got, expected_exits().at(name(from))) << "from " << name(from);
  }
}

// All 18 x 18 = 324 pairs, including staying in place (never legal).
TEST(CaseStatus, EveryPairIsLegalExactlyWhenListed) {
  int legal_count = 0;
  int checked = 0;
  for (const CaseStatus from : all_case_statuses()) {
    const std::vector<std::string>& exits = expected_exits().at(name(from));
    for (const CaseStatus to : all_case_statuses()) {
      ++checked;
      const bool expected_legal = std::find(exits.begin(), exits.end(), name(to)) != exits.end();
      const Status st = check_transition(from, to);
      EXPECT_EQ(st.ok(), expected_legal) << name(from) << " -> " << name(to);
      if (st.ok()) {
        ++legal_count;
        continue;
      }
      EXPECT_EQ(st.error().kind, ErrorKind::invalid_input);
      const std::string prefix = "cannot go from " + name(from) + " to " + name(to) + "; ";
      const std::string expected_message =
          exits.empty() ? prefix + name(from) + " is final"
                        : prefix + "from " + name(from) + " the case may go to: " + joined(exits);
      EXPECT_EQ(st.error().message, expected_message);
    }
  }
  EXPECT_EQ(checked, 18 * 18);
  std::size_t arrows = 0;
  for (const auto& [from, exits] : expected_exits()) arrows += exits.size();
  EXPECT_EQ(arrows, 32U);
  EXPECT_EQ(static_cast<std::size_t>(legal_count), arrows);
}

TEST(CaseStatus, DocumentedRefusalMessage) {
  const Status st = check_transition(CaseStatus::offered, CaseStatus::implemented);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().message,
            "cannot go from offered to implemented; from offered the case may go to: accepted, "
            "offer-expired, restated, withdrawn");
}

TEST(CaseStatus, WithdrawnIsFinal) {
  EXPECT_TRUE(legal_next_statuses(CaseStatus::withdrawn).empty());
  const Status st = check_transition(CaseStatus::withdrawn, CaseStatus::offered);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().message, "cannot go from withdrawn to offered; withdrawn is final");
}

TEST(CaseStatus, DomainRulesSpotChecks) {
  // Implementing without acceptance is refused.
  EXPECT_FALSE(check_transition(CaseStatus::offered, CaseStatus::implemented).ok());
  // Withdrawal is only possible before acceptance.
  EXPECT_TRUE(check_transition(CaseStatus::cn_pending, CaseStatus::withdrawn).ok());
  EXPECT_FALSE(check_transition(CaseStatus::accepted, CaseStatus::withdrawn).ok());
  EXPECT_FALSE(check_transition(CaseStatus::implemented, CaseStatus::withdrawn).ok());
  // Closing needs a closure submission first.
  EXPECT_FALSE(check_transition(CaseStatus::supply_services_complete, CaseStatus::closed).ok());
  EXPECT_FALSE(check_transition(CaseStatus::implemented, CaseStatus::closed).ok());
  // Reactivation and reopening.
  EXPECT_TRUE(check_transition(CaseStatus::cancelled, CaseStatus::offered).ok());
  EXPECT_TRUE(check_transition(CaseStatus::closed, CaseStatus::reopened).ok());
  EXPECT_TRUE(check_transition(CaseStatus::reopened, CaseStatus::implemented).ok());
  EXPECT_FALSE(check_transition(CaseStatus::closed, CaseStatus::implemented).ok());
}

// Walks the machine from lor-received: every status is reachable, and every status except
// withdrawn can reach another.
TEST(CaseStatus, EveryStatusReachableFromLorReceived) {
  std::set<CaseStatus> seen{CaseStatus::lor_received};
  std::vector<CaseStatus> frontier{CaseStatus::lor_received};
  while (!frontier.empty()) {
    const CaseStatus s = frontier.back();
    frontier.pop_back();
    for (const CaseStatus next : legal_next_statuses(s)) {
      if (seen.insert(next).second) frontier.push_back(next);
    }
  }
  EXPECT_EQ(seen.size(), all_case_statuses().size());
}

}  // namespace
}  // namespace fms
