// The SDR report: deadline days and warnings for drafts, filters, and the three renderings.
#include "report/sdr_report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "report/sheet_text.h"

namespace fms::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

CivilDate day(const char* iso) {
  return CivilDate::parse(iso).value();
}

// Three SDRs, all created on 2026-10-01: A0001 line 001 draft, deadline 2026-12-01 (USD 150.00,
// below the minimum); A0002 line 002 submitted on 2026-11-02 and answered on 2026-11-03 with a
// partial credit; A0003 on case JA-D-JER withdrawn on 2026-11-04.
class SdrReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    add_created(1, "JA-P-TWK", "TWK", "001", 150'00, "2026-12-01");
    add_created(2, "JA-P-TWK", "TWK", "002", 5'000'00, "2027-01-10");
    add(ledger::kSdrSubmitted,
        ledger::encode(
            ledger::SdrSubmitted{"A0002-JA-TWK/002", "JA-P-TWK", day("2026-11-02"), std::nullopt}));
    ledger::SdrAnswered answered{
        "A0002-JA-TWK/002", "JA-P-TWK",        day("2026-11-03"), SdrResolution::credit,
        1'234'56,           std::string("1B"), "partial"};
    add(ledger::kSdrAnswered, ledger::encode(answered));
    add_created(3, "JA-D-JER", "JER", "001", 300'00, "2026-12-20");
    add(ledger::kSdrClosed,
        ledger::encode(ledger::SdrClosed{"A0003-JA-JER/001", "JA-D-JER", day("2026-11-04"),
                                         "duplicate", true}));
  }

  void add_created(int serial, const std::string& case_id, const std::string& designator,
                   const std::string& line, std::int64_t claimed, const char* deadline) {
    ledger::SdrCreated c;
    c.number = SdrNumber{'A', serial, "JA", designator, line, SdrStage::original};
    c.case_id = case_id;
    c.line = line;
    c.discrepancy = {recon::DiscrepancyType::shipped_not_received, case_id, line,
                     "delivery D" + std::to_string(serial)};
    c.documents = {c.discrepancy.document};
    c.codes = {"S3"};
    c.claimed_usd_cents = claimed;
    c.arose = day("2026-01-01");
    c.deadline = day(deadline);
    c.minimum_usd_cents = 200'00;
    c.below_minimum = claimed < 200'00;
    c.date = day("2026-10-01");
    c.reason = "not received";
    add(ledger::kSdrCreated, ledger::encode(c));
  }

  void add(std::string_view type, std::string payload) {
    store::EventRecord event;
    event.sequence = static_cast<std::int64_t>(++count_);
    event.recorded_at = "2026-11-25T12:00:00.00000" + std::to_string(count_) + "Z";
    event.actor = "tester";
    event.type = std::string(type);
    event.payload = std::move(payload);
    const Status applied = ledger::apply_sdr_event(sdrs_, event);
    ASSERT_TRUE(applied.ok()) << applied.error().message;
  }

  SdrReport build(const char* as_of, SdrFilter filter = {}) {
    return sdr_report(sdrs_, day(as_of), 30, filter);
  }

  ledger::SdrRegister sdrs_;
  int count_ = 0;
};

TEST_F(SdrReportTest, DeadlineDaysAndWarningsOnlyForDrafts) {
  const SdrReport report = build("2026-11-25");
  ASSERT_EQ(report.rows.size(), 3u);
  EXPECT_EQ(report.rows[0].days_to_deadline, 6);
  EXPECT_EQ(report.rows[0].warning, "due in 6 days");
  EXPECT_FALSE(report.rows[1].days_to_deadline.has_value());  // answered
  EXPECT_EQ(report.rows[1].warning, "");
  EXPECT_FALSE(report.rows[2].days_to_deadline.has_value());  // withdrawn

  const SdrReport later = build("2026-12-03");
  EXPECT_EQ(later.rows[0].days_to_deadline, -2);
  EXPECT_EQ(later.rows[0].warning, "deadline passed");
  const SdrReport early = build("2026-10-31");
  EXPECT_EQ(early.rows[0].days_to_deadline, 31);
  EXPECT_EQ(early.rows[0].warning, "");
}

TEST_F(SdrReportTest, ShowsEachSdrAsItStoodOnTheReportDate) {
  // 2026-11-02: A0002 submitted but not yet answered, A0003 not yet withdrawn.
  const SdrReport before_answer = build("2026-11-02");
  ASSERT_EQ(before_answer.rows.size(), 3u);
  const ledger::Sdr& submitted = before_answer.rows[1].sdr;
  EXPECT_EQ(submitted.status, SdrStatus::submitted);
  EXPECT_FALSE(submitted.resolution.has_value());
  EXPECT_EQ(submitted.credited_usd_cents, 0);
  EXPECT_EQ(submitted.submitted_on, day("2026-11-02"));
  const ledger::Sdr& draft = before_answer.rows[2].sdr;
  EXPECT_EQ(draft.status, SdrStatus::draft);
  EXPECT_FALSE(draft.withdrawn);
  EXPECT_EQ(before_answer.rows[2].days_to_deadline, 48);  // to 2026-12-20
  SdrFilter open;
  open.open_only = true;
  EXPECT_EQ(build("2026-11-02", open).rows.size(), 3u);
  SdrFilter answered;
  answered.status = SdrStatus::answered;
  EXPECT_TRUE(build("2026-11-02", answered).rows.empty());
  EXPECT_THAT(sheet_csv(sdr_sheet(before_answer)),
              HasSubstr("\nA0002-JA-TWK/002,JA-P-TWK,002,shipped-not-received,submitted,false,,S3,"
                        "5000.00,0.00,false,2027-01-10,,\n"));

  // The day after, the answer and its credit are there.
  const SdrReport after_answer = build("2026-11-03");
  EXPECT_EQ(after_answer.rows[1].sdr.status, SdrStatus::answered);
  EXPECT_EQ(after_answer.rows[1].sdr.credited_usd_cents, 1'234'56);

  // Before any SDR was created there is nothing to show.
  EXPECT_TRUE(build("2026-09-30").rows.empty());
  EXPECT_THAT(sdr_text(build("2026-09-30")), HasSubstr("None."));
}

TEST_F(SdrReportTest, FiltersByCaseStatusAndOpen) {
  SdrFilter by_case;
  by_case.case_id = "JA-D-JER";
  ASSERT_EQ(build("2026-11-25", by_case).rows.size(), 1u);
  SdrFilter answered;
  answered.status = SdrStatus::answered;
  const SdrReport only_answered = build("2026-11-25", answered);
  ASSERT_EQ(only_answered.rows.size(), 1u);
  EXPECT_EQ(only_answered.rows[0].sdr.number.to_string(), "A0002-JA-TWK/002");
  SdrFilter open;
  open.open_only = true;
  EXPECT_EQ(build("2026-11-25", open).rows.size(), 2u);
}

TEST_F(SdrReportTest, TextTableWithTotalsAndTheMinimumMarker) {
  const std::string text = sdr_text(build("2026-11-25"));
  EXPECT_THAT(text, HasSubstr("Supply Discrepancy Reports as of 2026-11-25"));
  EXPECT_THAT(text, HasSubstr("A0001-JA-TWK/001"));
  EXPECT_THAT(text, HasSubstr("150.00 *"));
  EXPECT_THAT(text, HasSubstr("due in 6 days"));
  EXPECT_THAT(text, HasSubstr("withdrawn"));
  EXPECT_THAT(text, HasSubstr("total (3)"));
  EXPECT_THAT(text, HasSubstr("5,450.00"));  // claimed: 150 + 5,000 + 300
  EXPECT_THAT(text, HasSubstr("1,234.56"));
  EXPECT_THAT(text, HasSubstr("* below the minimum"));
  SdrFilter none;
  none.case_id = "JA-B-ZZZ";
  EXPECT_THAT(sdr_text(build("2026-11-25", none)), HasSubstr("None."));
}

TEST_F(SdrReportTest, JsonCarriesAmountsAsDecimalStrings) {
  const Json json = sdr_json(build("2026-11-25"));
  EXPECT_EQ(json["as_of"], "2026-11-25");
  EXPECT_EQ(json["deadline_warning_days"], 30);
  ASSERT_EQ(json["sdrs"].size(), 3u);
  const Json& draft = json["sdrs"][0];
  EXPECT_EQ(draft["claimed_usd"], "150.00");
  EXPECT_EQ(draft["below_minimum"], true);
  EXPECT_EQ(draft["days_to_deadline"], 6);
  EXPECT_EQ(draft["warning"], "due in 6 days");
  EXPECT_TRUE(draft["resolution"].is_null());
  const Json& answered = json["sdrs"][1];
  EXPECT_EQ(answered["status"], "answered");
  EXPECT_EQ(answered["resolution"], "credit");
  EXPECT_EQ(answered["credited_usd"], "1234.56");
  EXPECT_TRUE(answered["days_to_deadline"].is_null());
  EXPECT_EQ(answered["submitted_on"], "2026-11-02");
  EXPECT_EQ(json["sdrs"][2]["withdrawn"], true);
  EXPECT_EQ(json["sdrs"][2]["status"], "closed");
}

TEST_F(SdrReportTest, CsvHasOneRowPerSdr) {
  const std::string csv = sheet_csv(sdr_sheet(build("2026-11-25")));
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "number,case_id,line,type,status,withdrawn,resolution,codes,claimed_usd,credited_usd,"
            "below_minimum,deadline,days_to_deadline,warning");
  EXPECT_THAT(csv, HasSubstr("\nA0001-JA-TWK/001,JA-P-TWK,001,shipped-not-received,draft,false,,S3,"
                             "150.00,0.00,true,2026-12-01,6,due in 6 days\n"));
  EXPECT_THAT(csv, HasSubstr("\nA0003-JA-JER/001,JA-D-JER,001,shipped-not-received,closed,true,,S3,"
                             "300.00,0.00,false,2026-12-20,,\n"));
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 4);
}

TEST_F(SdrReportTest, DetailShowsTheHistory) {
  const ledger::Sdr& sdr = sdrs_.all()[1];
  const std::string text = sdr_detail_text(sdr);
  EXPECT_THAT(text, HasSubstr("SDR A0002-JA-TWK/002 (answered)"));
  EXPECT_THAT(text, HasSubstr("S3 shipment not received"));
  EXPECT_THAT(text, HasSubstr("credit USD 1,234.56 (reply code 1B): partial"));
  EXPECT_THAT(text, Not(HasSubstr("for information")));
  const Json json = sdr_detail_json(sdr);
  ASSERT_EQ(json["history"].size(), 3u);
  EXPECT_EQ(json["history"][2]["step"], "answered");
  EXPECT_EQ(json["history"][2]["credit_usd"], "1234.56");
  EXPECT_EQ(json["history"][2]["reply_code"], "1B");
  EXPECT_EQ(json["discrepancy"]["document"], "delivery D2");
  EXPECT_THAT(sdr_detail_text(sdrs_.all()[0]), HasSubstr("below the USD 200.00 minimum"));
}

}  // namespace
}  // namespace fms::report
