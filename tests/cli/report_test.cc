// The financial reports (`report status`, `report closure`, `report exceptions`) run as a user
// runs them: the built binary on a database holding the demo portfolio, with the clock fixed at
// 2026-11-25. Each form is checked (table, --json, --csv) with the --as-of and --case filters a
// report offers, and a bad filter must fail with a clear error and change nothing.
//
// The expected figures come from the demo's execution documents (examples/execution/) and were
// worked out by hand; where a figure is not obvious the comment beside it says how.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_harness.h"

namespace fms::testing {
namespace {

using ::testing::AllOf;
using ::testing::ContainsRegex;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using Json = nlohmann::ordered_json;

// The lines of an output, without the trailing empty one.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The first line of `text` that starts with `prefix`, or "" when there is none.
std::string line_starting(const std::string& text, const std::string& prefix) {
  for (const auto& line : lines_of(text)) {
    if (line.rfind(prefix, 0) == 0) return line;
  }
  return "";
}

// A plain USD amount as the reports write it in JSON and CSV ("1234.56", "-5.00"), in cents.
std::int64_t cents(const std::string& usd) {
  const bool negative = !usd.empty() && usd[0] == '-';
  const std::string digits = negative ? usd.substr(1) : usd;
  const auto dot = digits.find('.');
  const std::int64_t whole = std::stoll(digits.substr(0, dot));
  const std::int64_t fraction = dot == std::string::npos ? 0 : std::stoll(digits.substr(dot + 1));
  const std::int64_t value = whole * 100 + fraction;
  return negative ? -value : value;
}

std::int64_t cents(const Json& usd) {
  return cents(usd.get<std::string>());
}

class ReportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const CliRun demo = cli_({"demo"});
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
  }

  // Runs a command that must succeed and returns its standard output.
  std::string ok(const std::vector<std::string>& args) {
    const CliRun run = cli_(args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.err, IsEmpty());
    return run.out;
  }

  Json json(std::vector<std::string> args) {
    args.insert(args.begin(), "--json");
    return Json::parse(ok(args));
  }

  TempDir dir_;
  Cli cli_{dir_.path() / "ledger.db"};
};

// ---- report exceptions -------------------------------------------------------------------------

// The Board of Audit's four groups on 2026-11-25:
// 1. JA-D-JER line 006 (planned 2026-06-15, nothing delivered, USD 2,150,000.00) and JA-P-TWK
//    lines 001 (128 of 200 rounds at 2,120,000.00 = 271,360,000.00) and 003 (10 of 14 sets at
//    24,150,000.00 = 241,500,000.00) are past their planned availability and not delivered.
// 2. Of those only JER line 006 has nothing delivered at all.
// 3. JA-P-SXB is supply/services complete and its final statement of 2026-09-30 leaves a refund:
//    received 369,416,980.00 - total cost 368,706,004.80 = 710,975.20 held by the seller.
// 4. JER: delivered-not-billed 1,865,000.00 (spares shipped 2026-09-24, after its statement's
//    deliveries) + value-mismatch 40,000.00; TWK: four discrepancies of
//    25,440,000.00 (shipped-not-received, received-not-reported, duplicate-document,
//    billed-not-delivered) + quantity-short 2,120,000.00 + rejected-on-inspection 24,150,000.00.
TEST_F(ReportCliTest, ExceptionsTableListsEachBoardOfAuditGroupWithCasesAndUsd) {
  const std::string out = ok({"report", "exceptions"});
  EXPECT_THAT(out, HasSubstr("Exceptions as of 2026-11-25\n"));
  EXPECT_THAT(line_starting(out, "1  past planned ship date and unsettled"),
              ContainsRegex(" 2 +515,010,000\\.00$"));
  EXPECT_THAT(line_starting(out, "2  not delivered"), ContainsRegex(" 1 +2,150,000\\.00$"));
  EXPECT_THAT(line_starting(out, "3  overpayment unsettled"), ContainsRegex(" 1 +710,975\\.20$"));
  EXPECT_THAT(line_starting(out, "4  seller statement not matching receipts"),
              ContainsRegex(" 2 +129,935,000\\.00$"));
  EXPECT_THAT(out, Not(HasSubstr("JA-P-TWK")));  // cases are listed only with --detail

  const std::string detail = ok({"report", "exceptions", "--detail"});
  EXPECT_THAT(detail, HasSubstr("\n4. seller statement not matching receipts\n"));
  EXPECT_THAT(line_starting(detail, "JA-P-TWK  512,860,000.00"), Not(IsEmpty()));
  EXPECT_THAT(line_starting(detail, "JA-P-SXB  710,975.20"), Not(IsEmpty()));
  EXPECT_THAT(detail, ContainsRegex("JA-P-TWK +128,030,000\\.00"));
  EXPECT_THAT(detail, ContainsRegex("JA-D-JER +1,905,000\\.00"));
}

TEST_F(ReportCliTest, ExceptionsJsonHasEveryGroupAndItsCases) {
  const Json report = json({"report", "exceptions", "--detail"});
  EXPECT_EQ(report["as_of"], "2026-11-25");
  EXPECT_EQ(report["matches_recorded"], true);  // nothing recorded since the demo's run
  EXPECT_EQ(report["unreconciled_documents"], 0);

  struct Expected {
    const char* group;
    const char* label;
    std::map<std::string, std::string> usd_by_case;
  };
  const std::vector<Expected> expected = {
      {"past-planned-ship-date-unsettled",
       "past planned ship date and unsettled",
       {{"JA-D-JER", "2150000.00"}, {"JA-P-TWK", "512860000.00"}}},
      {"not-delivered", "not delivered", {{"JA-D-JER", "2150000.00"}}},
      {"overpayment-unsettled", "overpayment unsettled", {{"JA-P-SXB", "710975.20"}}},
      {"statement-not-matching-receipts",
       "seller statement not matching receipts",
       {{"JA-D-JER", "1905000.00"}, {"JA-P-TWK", "128030000.00"}}},
  };
  ASSERT_EQ(report["groups"].size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Json& group = report["groups"][i];
    SCOPED_TRACE(expected[i].group);
    EXPECT_EQ(group["group"], expected[i].group);
    EXPECT_EQ(group["label"], expected[i].label);
    EXPECT_EQ(group["cases"], expected[i].usd_by_case.size());
    std::map<std::string, std::string> usd_by_case;
    std::int64_t sum_cents = 0;
    for (const Json& c : group["case_list"]) {
      usd_by_case[c["case_id"].get<std::string>()] = c["usd"].get<std::string>();
      sum_cents += cents(c["usd"]);
    }
    EXPECT_EQ(usd_by_case, expected[i].usd_by_case);
    EXPECT_EQ(cents(group["usd"]), sum_cents);  // a group's USD is the sum over its cases
  }

  // Without --detail the groups carry no case list.
  const Json summary = json({"report", "exceptions"});
  ASSERT_EQ(summary["groups"].size(), 4u);
  EXPECT_FALSE(summary["groups"][0].contains("case_list"));
  EXPECT_EQ(summary["groups"][0]["usd"], "515010000.00");
}

// Group 4 is made of discrepancies, and group 3 of the cash held: the exceptions report must
// agree with the discrepancy and status reports on the same date.
TEST_F(ReportCliTest, ExceptionsAgreeWithTheDiscrepancyAndStatusReports) {
  const Json exceptions = json({"report", "exceptions", "--detail"});
  const Json discrepancies = json({"report", "discrepancies"});
  // The types docs/reports.md puts in group 4.
  const std::vector<std::string> statement_types = {
      "shipped-not-received",   "received-not-reported", "quantity-short",     "quantity-over",
      "rejected-on-inspection", "line-mismatch",         "duplicate-document", "value-mismatch",
      "billed-not-delivered",   "delivered-not-billed"};
  std::map<std::string, std::int64_t> mismatch_cents_by_case;
  for (const Json& d : discrepancies["discrepancies"]) {
    const std::string type = d["type"].get<std::string>();
    if (std::find(statement_types.begin(), statement_types.end(), type) == statement_types.end()) {
      continue;
    }
    mismatch_cents_by_case[d["case_id"].get<std::string>()] += cents(d["usd"]);
  }
  std::map<std::string, std::int64_t> group4_cents_by_case;
  for (const Json& c : exceptions["groups"][3]["case_list"]) {
    group4_cents_by_case[c["case_id"].get<std::string>()] = cents(c["usd"]);
  }
  EXPECT_EQ(group4_cents_by_case, mismatch_cents_by_case);

  const Json sxb = json({"report", "status", "--case", "JA-P-SXB"})["cases"][0];
  ASSERT_EQ(exceptions["groups"][2]["case_list"].size(), 1u);
  EXPECT_EQ(exceptions["groups"][2]["case_list"][0]["usd"], sxb["position"]["cash_held"]);
}

TEST_F(ReportCliTest, ExceptionsCsvHasOneRowPerGroupOrPerCase) {
  EXPECT_THAT(lines_of(ok({"report", "exceptions", "--csv"})),
              ElementsAre("group,label,cases,usd",
                          "past-planned-ship-date-unsettled,past planned ship date and "
                          "unsettled,2,515010000.00",
                          "not-delivered,not delivered,1,2150000.00",
                          "overpayment-unsettled,overpayment unsettled,1,710975.20",
                          "statement-not-matching-receipts,seller statement not matching "
                          "receipts,2,129935000.00"));
  const auto detail = lines_of(ok({"report", "exceptions", "--csv", "--detail"}));
  ASSERT_FALSE(detail.empty());
  EXPECT_EQ(detail[0], "group,label,case_id,usd");
  EXPECT_EQ(detail.size(), 1u + 2u + 1u + 1u + 2u);  // header + one row per case in each group
  EXPECT_THAT(detail, ::testing::Contains(
                          "overpayment-unsettled,overpayment unsettled,JA-P-SXB,710975.20"));
}

// JA-P-TWK line 001 is planned for 2026-03-18: on that day it is not yet late, the next day it
// is, with the 128 rounds still undelivered (200 - 72) at USD 2,120,000.00 each.
TEST_F(ReportCliTest, ExceptionsAsOfSeesALineBecomeLateTheDayAfterItsPlannedDate) {
  const Json on_the_day = json({"report", "exceptions", "--as-of", "2026-03-18", "--detail"});
  EXPECT_EQ(on_the_day["as_of"], "2026-03-18");
  EXPECT_EQ(on_the_day["groups"][0]["cases"], 0);
  EXPECT_EQ(on_the_day["groups"][0]["usd"], "0.00");

  const Json day_after = json({"report", "exceptions", "--as-of", "2026-03-19", "--detail"});
  EXPECT_EQ(day_after["as_of"], "2026-03-19");
  ASSERT_EQ(day_after["groups"][0]["case_list"].size(), 1u);
  EXPECT_EQ(day_after["groups"][0]["case_list"][0]["case_id"], "JA-P-TWK");
  EXPECT_EQ(day_after["groups"][0]["case_list"][0]["usd"], "271360000.00");
  EXPECT_EQ(day_after["groups"][1]["cases"], 0);  // TWK line 001 has deliveries: not group 2

  EXPECT_THAT(ok({"report", "exceptions", "--as-of", "2026-03-19"}),
              HasSubstr("Exceptions as of 2026-03-19\n"));
}

// ---- report status -----------------------------------------------------------------------------

TEST_F(ReportCliTest, StatusTableHasEveryCaseAndATotal) {
  const std::string out = ok({"report", "status"});
  EXPECT_THAT(out, HasSubstr("Case financial status as of 2026-11-25\n"));
  for (const char* id : {"JA-D-AMX", "JA-D-JER", "JA-D-KTA", "JA-P-FTS", "JA-P-HEW", "JA-P-SXB",
                         "JA-P-SXC", "JA-P-TWK"}) {
    EXPECT_THAT(line_starting(out, id), Not(IsEmpty())) << id;
  }
  // TWK's DD 645 of 2026-09-30: delivered 281,530,000.00 + costs in progress 623,107,406.38 +
  // accessorials 3,801,350.00 + surcharges 38,636,951.36 = total cost 947,075,707.74; paid
  // 975,309,000.00 (the deposit and six instalments), so the seller holds 28,233,292.26.
  EXPECT_THAT(
      line_starting(out, "JA-P-TWK"),
      AllOf(HasSubstr("implemented"), HasSubstr("1,716,794,450.00"), HasSubstr("256,090,000.00"),
            HasSubstr("947,075,707.74"), HasSubstr("623,107,406.38"), HasSubstr("975,309,000.00"),
            HasSubstr("28,233,292.26")));
  EXPECT_THAT(out, HasSubstr("Next payments due:\n"));
  EXPECT_THAT(out,
              HasSubstr("Cash held by the seller for JA (pooled over its cases in execution)"));
  EXPECT_THAT(line_starting(out, "total"), HasSubstr("8 cases"));
  EXPECT_THAT(out, HasSubstr("Adverse Financial Conditions: none."));
}

TEST_F(ReportCliTest, StatusOfOneCaseShowsItsHeaderAndLines) {
  // Case ids are accepted in any letter case.
  const std::string out = ok({"report", "status", "--case", "ja-p-twk"});
  EXPECT_THAT(out, HasSubstr("Case JA-P-TWK - Tomahawk"));
  EXPECT_THAT(out, HasSubstr("  DD 645                2026-09-30 (quarterly)\n"));
  EXPECT_THAT(out, HasSubstr("    costs in progress   USD 623,107,406.38\n"));
  EXPECT_THAT(out,
              HasSubstr("cash held             USD 28,233,292.26 (paid - total cost to date)"));
  EXPECT_THAT(out, HasSubstr("arrears               none"));
  // The amount due of the DD 645 of 2026-09-30, payable by the 15th of the third month.
  EXPECT_THAT(out, HasSubstr("next payment          USD 145,072,000.00 due 2026-12-15"));
  EXPECT_THAT(out, HasSubstr("paid                  USD 975,309,000.00"));
  // Line 001: 72 of 200 rounds delivered at 2,120,000.00 = 152,640,000.00.
  EXPECT_THAT(line_starting(out, "001 "),
              AllOf(HasSubstr(" 200 "), HasSubstr(" 72 "), HasSubstr("152,640,000.00"),
                    HasSubstr("271,360,000.00")));
  EXPECT_THAT(out, Not(HasSubstr("JA-P-SXB")));
}

TEST_F(ReportCliTest, StatusJsonHasTheDocumentedKeysAndConsistentFigures) {
  const Json report = json({"report", "status"});
  for (const char* key :
       {"as_of", "matches_recorded", "unreconciled_documents", "cases", "totals"}) {
    EXPECT_TRUE(report.contains(key)) << key;
  }
  EXPECT_EQ(report["as_of"], "2026-11-25");
  ASSERT_EQ(report["cases"].size(), 8u);
  EXPECT_EQ(report["totals"]["cases"], 8);

  std::int64_t paid_total_cents = 0;
  for (const Json& c : report["cases"]) {
    SCOPED_TRACE(c["case_id"].get<std::string>());
    for (const char* key :
         {"case_id", "title", "status", "supply_services_complete", "case_value", "ordered_value",
          "delivered_value", "undelivered_value", "paid", "sdr_credits", "position",
          "open_discrepancies", "open_sdrs", "adverse_conditions"}) {
      EXPECT_TRUE(c.contains(key)) << key;
    }
    EXPECT_FALSE(c.contains("lines"));  // lines only with --case
    // cash held = paid - the latest statement's total cost to date
    const Json& position = c["position"];
    EXPECT_EQ(position["paid"], c["paid"]);
    if (!position["cash_held"].is_null()) {
      EXPECT_EQ(cents(position["cash_held"]),
                cents(c["paid"]) - cents(position["statement"]["total_cost"]));
    }
    paid_total_cents += cents(c["paid"]);
  }
  EXPECT_EQ(cents(report["totals"]["paid"]), paid_total_cents);

  const Json sxb = json({"report", "status", "--case", "JA-P-SXB"})["cases"][0];
  EXPECT_EQ(sxb["status"], "supply-services-complete");
  EXPECT_EQ(sxb["supply_services_complete"], "2026-07-31");
  // Its final statement of 2026-09-30: delivered 347,483,400.00 + PC&H 186,634.00 +
  // transportation 5,950,400.00 + administrative surcharge 11,119,468.80 + CAS 3,966,102.00 =
  // 368,706,004.80 against 369,416,980.00 received: 710,975.20 to refund.
  EXPECT_EQ(sxb["position"]["statement"]["total_cost"], "368706004.80");
  EXPECT_EQ(sxb["position"]["cash_held"], "710975.20");
  EXPECT_EQ(sxb["position"]["settlement"]["outstanding"], "710975.20");
}

TEST_F(ReportCliTest, StatusJsonOfOneCaseHasItsLines) {
  const Json report = json({"report", "status", "--case", "JA-P-TWK"});
  ASSERT_EQ(report["cases"].size(), 1u);
  const Json& twk = report["cases"][0];
  EXPECT_EQ(twk["case_id"], "JA-P-TWK");
  EXPECT_EQ(twk["position"]["statement"]["statement_date"], "2026-09-30");
  // 8, all on its deliveries and receipts: its money agrees with its statements (every quarter's
  // DD 645, every payment credited).
  EXPECT_EQ(twk["open_discrepancies"]["count"], 8);
  EXPECT_FALSE(twk["open_discrepancies"]["by_type"].contains("credited-not-recorded"));
  EXPECT_FALSE(twk["open_discrepancies"]["by_type"].contains("statement-missing"));
  EXPECT_EQ(twk["open_discrepancies"]["by_type"]["line-past-availability-undelivered"]["count"], 2);
  ASSERT_EQ(twk["lines"].size(), 9u);  // Amendment 2 added line 009
  const Json& line001 = twk["lines"][0];
  EXPECT_EQ(line001["line"], "001");
  EXPECT_EQ(line001["ordered_quantity"], 200);
  EXPECT_EQ(line001["delivered_quantity"], 72);
  EXPECT_EQ(line001["delivered_value"], "152640000.00");
  EXPECT_EQ(line001["undelivered_value"], "271360000.00");
  std::int64_t delivered_cents = 0;
  for (const Json& line : twk["lines"]) delivered_cents += cents(line["delivered_value"]);
  EXPECT_EQ(cents(twk["delivered_value"]), delivered_cents);
}

TEST_F(ReportCliTest, StatusCsvHasOneRowPerCaseOrPerLine) {
  const std::string csv = ok({"report", "status", "--csv"});
  const auto cases = lines_of(csv);
  ASSERT_EQ(cases.size(), 1u + 8u);  // header + 8 cases, no total row
  EXPECT_EQ(cases[0],
            "case_id,status,supply_services_complete,case_value_usd,ordered_value_usd,"
            "delivered_value_usd,undelivered_value_usd,credited_value_usd,listed_charges_usd,"
            "statement_date,statement_final,"
            "billed_delivered_usd,costs_in_progress_usd,total_cost_usd,payments_received_usd,"
            "amount_due_usd,due_date,paid_usd,cash_held_usd,arrears_usd,next_payment_due,"
            "next_payment_usd,sdr_credits_usd,open_discrepancies,open_discrepancies_usd,open_sdrs,"
            "adverse_conditions");
  // SXB delivered everything, the second tranche and the canisters at actual costs below their
  // LOA values (347,483,400.00 of 351,940,000.00 ordered); its final statement credits the
  // refund of 710,975.20 (a negative amount due), so nothing is payable next.
  EXPECT_EQ(
      line_starting(csv, "JA-P-SXB,"),
      "JA-P-SXB,supply-services-complete,2026-07-31,369416980.00,351940000.00,"
      "347483400.00,0.00,0.00,0.00,2026-09-30,true,347483400.00,0.00,368706004.80,369416980.00,"
      "-710975.20,2026-12-15,369416980.00,710975.20,0.00,,,0.00,2,710975.20,0,");

  const auto lines = lines_of(ok({"report", "status", "--case", "JA-P-TWK", "--csv"}));
  ASSERT_EQ(lines.size(), 1u + 9u);  // header + 9 lines
  EXPECT_EQ(lines[0],
            "case_id,line,on_loa,ordered_quantity,ordered_value_usd,planned_availability,"
            "delivered_quantity,delivered_value_usd,credited_quantity,credited_value_usd,"
            "received_quantity,accepted_quantity,"
            "rejected_quantity,billed_delivered_usd,billed_statement_date,sdr_credits_usd,"
            "open_discrepancies,open_discrepancies_usd,undelivered_value_usd");
  EXPECT_EQ(lines[1],
            "JA-P-TWK,001,true,200,424000000.00,2026-03-18,72,152640000.00,0,0.00,71,71,0,"
            "178080000.00,2026-09-30,0.00,5,349800000.00,271360000.00");
}

// By 2025-12-31 the Tomahawk deposit (USD 42,000,000.00, 2024-02-02) and three instalments
// (159,589,000.00 twice, 162,795,000.00) had been paid: 523,973,000.00. Three more follow in
// 2026 (161,192,000.00 and 145,072,000.00 twice): 975,309,000.00.
TEST_F(ReportCliTest, StatusAsOfCountsOnlyThePaymentsMadeByThen) {
  const Json then = json({"report", "status", "--case", "JA-P-TWK", "--as-of", "2025-12-31"});
  EXPECT_EQ(then["as_of"], "2025-12-31");
  EXPECT_EQ(then["cases"][0]["paid"], "523973000.00");
  // 523,973,000.00 - the total cost of the DD 645 of 2025-12-31, 469,003,704.41
  EXPECT_EQ(then["cases"][0]["position"]["statement"]["total_cost"], "469003704.41");
  EXPECT_EQ(then["cases"][0]["position"]["cash_held"], "54969295.59");
  const Json now = json({"report", "status", "--case", "JA-P-TWK"});
  EXPECT_EQ(now["cases"][0]["paid"], "975309000.00");
}

// ---- report closure ----------------------------------------------------------------------------

TEST_F(ReportCliTest, ClosureListsTheCasesInExecutionWithTheirFirstBlocker) {
  const std::string out = ok({"report", "closure"});
  EXPECT_THAT(out, HasSubstr("Closure readiness as of 2026-11-25 (target: 12 months after "
                             "supply/services complete)\n"));
  EXPECT_THAT(line_starting(out, "JA-P-SXB"),
              HasSubstr("no-open-discrepancies: 2 open (USD 710,975.20): 1 statement-missing, "
                        "1 settlement-outstanding"));
  EXPECT_THAT(line_starting(out, "JA-P-TWK"),
              HasSubstr("supply-services-complete: status is implemented"));
  EXPECT_THAT(out, Not(HasSubstr("JA-D-AMX")));  // offered: not in execution
  EXPECT_THAT(out, HasSubstr("7 case(s): 0 ready, 7 blocked"));

  const Json report = json({"report", "closure"});
  EXPECT_EQ(report["closure_months_after_ssc"], 12);
  EXPECT_EQ(report["ready"], 0);
  EXPECT_EQ(report["blocked"], 7);
  std::vector<std::string> ids;
  for (const Json& c : report["cases"]) {
    ids.push_back(c["case_id"].get<std::string>());
    EXPECT_EQ(c["ready"], false);
    EXPECT_EQ(c["checks"].size(), 7u);
  }
  EXPECT_THAT(ids, ElementsAre("JA-D-JER", "JA-D-KTA", "JA-P-FTS", "JA-P-HEW", "JA-P-SXB",
                               "JA-P-SXC", "JA-P-TWK"));

  const auto csv = lines_of(ok({"report", "closure", "--csv"}));
  ASSERT_EQ(csv.size(), 1u + 7u);
  EXPECT_EQ(csv[0], "case_id,status,ready,first_blocker,reason");
  EXPECT_THAT(csv, ::testing::Contains("JA-P-SXB,supply-services-complete,false,"
                                       "no-open-discrepancies,\"2 open (USD 710,975.20): 1 "
                                       "statement-missing, 1 settlement-outstanding\""));
}

// JA-P-SXB reached supply/services complete on 2026-07-31; its final statement of 2026-09-30
// leaves a refund of USD 710,975.20 (received 369,416,980.00 - total cost 368,706,004.80), not
// yet received: the settlement's parts add up to the statement's total cost.
TEST_F(ReportCliTest, ClosureOfOneCaseGivesTheWholeChecklist) {
  const std::string out = ok({"report", "closure", "--case", "JA-P-SXB"});
  EXPECT_THAT(out, HasSubstr("Case JA-P-SXB, status supply-services-complete, closure target "
                             "2027-07-31"));
  EXPECT_THAT(line_starting(out, "balance-settled"),
              AllOf(HasSubstr("blocked"), HasSubstr("refund due USD 710,975.20")));
  EXPECT_THAT(line_starting(out, "  delivered and performed"), HasSubstr("347,483,400.00"));
  EXPECT_THAT(line_starting(out, "  accessorials"),
              HasSubstr("6,137,034.00"));  // 186,634 + 5,950,400
  EXPECT_THAT(line_starting(out, "  surcharges"),
              HasSubstr("15,085,570.80"));  // 11,119,468.80 + 3,966,102.00
  EXPECT_THAT(line_starting(out, "total cost to date"), HasSubstr("368,706,004.80"));
  EXPECT_THAT(line_starting(out, "outstanding"), HasSubstr("710,975.20"));
  EXPECT_THAT(line_starting(out, "closure-target-reached"), HasSubstr("not before 2027-07-31"));
  EXPECT_THAT(out, HasSubstr("Ready for closure: no"));

  const Json report = json({"report", "closure", "--case", "JA-P-SXB"});
  ASSERT_EQ(report["cases"].size(), 1u);
  const Json& sxb = report["cases"][0];
  EXPECT_EQ(sxb["supply_services_complete"], "2026-07-31");
  EXPECT_EQ(sxb["closure_target"], "2027-07-31");
  EXPECT_EQ(sxb["first_blocker"]["item"], "no-open-discrepancies");
  std::vector<std::string> items;
  std::vector<bool> oks;
  for (const Json& check : sxb["checks"]) {
    items.push_back(check["item"].get<std::string>());
    oks.push_back(check["ok"].get<bool>());
  }
  EXPECT_THAT(items, ElementsAre("supply-services-complete", "delivered-in-full",
                                 "no-open-discrepancies", "no-open-sdrs", "closure-target-reached",
                                 "final-statement", "balance-settled"));
  EXPECT_THAT(oks, ElementsAre(true, true, false, true, false, true, false));

  const auto csv = lines_of(ok({"report", "closure", "--case", "JA-P-SXB", "--csv"}));
  ASSERT_EQ(csv.size(), 1u + 7u);
  EXPECT_EQ(csv[0], "case_id,item,ok,reason");
  EXPECT_EQ(csv[6], "JA-P-SXB,final-statement,true,DD 645 of 2026-09-30 (final)");
  EXPECT_EQ(csv[7],
            "JA-P-SXB,balance-settled,false,\"refund due USD 710,975.20 (received USD "
            "369,416,980.00 - total cost USD 368,706,004.80)\"");

  // With --case a case outside execution is shown too, whatever its status.
  const Json amx = json({"report", "closure", "--case", "JA-D-AMX"});
  ASSERT_EQ(amx["cases"].size(), 1u);
  EXPECT_EQ(amx["cases"][0]["status"], "offered");
  EXPECT_EQ(amx["cases"][0]["ready"], false);
}

// SXB's final DD 645 is dated 2026-09-30: the day before, its latest was the quarterly one of
// 2026-06-30 (the one of 2026-03-31 never came).
TEST_F(ReportCliTest, ClosureAsOfSeesOnlyTheStatementsIssuedByThen) {
  const auto then =
      lines_of(ok({"report", "closure", "--case", "JA-P-SXB", "--as-of", "2026-09-29", "--csv"}));
  ASSERT_EQ(then.size(), 8u);
  EXPECT_EQ(then[6],
            "JA-P-SXB,final-statement,false,\"no final statement of account (latest DD 645 "
            "2026-06-30, quarterly)\"");
  const Json json_then = json({"report", "closure", "--case", "JA-P-SXB", "--as-of", "2026-09-29"});
  EXPECT_EQ(json_then["as_of"], "2026-09-29");
}

TEST_F(ReportCliTest, ClosureAsOfSeesTheCaseStatusOfThatDate) {
  // JA-P-SXB reached supply/services complete on 2026-07-31: before that date the checklist
  // says the case was still implemented, from it on that the criterion is met.
  const auto before =
      lines_of(ok({"report", "closure", "--case", "JA-P-SXB", "--as-of", "2026-07-30", "--csv"}));
  ASSERT_GE(before.size(), 2u);
  EXPECT_THAT(before[1], HasSubstr("JA-P-SXB,supply-services-complete,false,status is "
                                   "implemented"));
  const auto on =
      lines_of(ok({"report", "closure", "--case", "JA-P-SXB", "--as-of", "2026-07-31", "--csv"}));
  ASSERT_GE(on.size(), 2u);
  EXPECT_THAT(on[1], HasSubstr("JA-P-SXB,supply-services-complete,true,"));
}

// ---- bad filters -------------------------------------------------------------------------------

TEST_F(ReportCliTest, AnUnknownCaseIsAClearErrorInEveryForm) {
  const std::string before = cli_.dump();
  const std::vector<std::vector<std::string>> forms = {{}, {"--csv"}, {"--json"}};
  for (const char* report : {"status", "closure", "discrepancies"}) {
    for (const auto& form : forms) {
      std::vector<std::string> args = {"report", report, "--case", "JA-P-XXX"};
      args.insert(args.end(), form.begin(), form.end());
      const CliRun run = cli_(args);
      SCOPED_TRACE(std::string(report) + (form.empty() ? "" : " " + form[0]));
      EXPECT_EQ(run.exit_code, 1);
      EXPECT_THAT(run.err, HasSubstr("case JA-P-XXX is not recorded"));
      EXPECT_THAT(run.out, IsEmpty());  // no half-written table, CSV or JSON
    }
  }
  const CliRun malformed = cli_({"report", "status", "--case", "nonsense"});
  EXPECT_EQ(malformed.exit_code, 1);
  // A malformed id is named with the part that is wrong, as every command that takes one does.
  EXPECT_THAT(malformed.err, HasSubstr("--case: case identifier \"NONSENSE\": expected CC-I-DDD"));
  // The exceptions report covers the portfolio and has no --case.
  const CliRun exceptions = cli_({"report", "exceptions", "--case", "JA-P-TWK"});
  EXPECT_EQ(exceptions.exit_code, 1);
  EXPECT_THAT(exceptions.err, HasSubstr("--case"));
  EXPECT_EQ(cli_.dump(), before);
}

TEST_F(ReportCliTest, ABadAsOfDateIsAClearErrorForEveryReport) {
  const std::string before = cli_.dump();
  for (const char* report : {"status", "closure", "exceptions"}) {
    SCOPED_TRACE(report);
    const CliRun month = cli_({"report", report, "--as-of", "2026-13-01"});
    EXPECT_EQ(month.exit_code, 1);
    EXPECT_THAT(month.err, AllOf(HasSubstr("--as-of"), HasSubstr("2026-13-01"),
                                 HasSubstr("months are 01 to 12")));
    EXPECT_THAT(month.out, IsEmpty());

    const CliRun words = cli_({"--json", "report", report, "--as-of", "yesterday"});
    EXPECT_EQ(words.exit_code, 1);
    EXPECT_THAT(words.err, AllOf(HasSubstr("--as-of"), HasSubstr("YYYY-MM-DD")));
    EXPECT_THAT(words.out, IsEmpty());
  }
  const CliRun leap = cli_({"report", "exceptions", "--csv", "--as-of", "2026-02-29"});
  EXPECT_EQ(leap.exit_code, 1);
  EXPECT_THAT(leap.err, HasSubstr("that month has 28 days"));
  EXPECT_EQ(cli_.dump(), before);
}

}  // namespace
}  // namespace fms::testing
