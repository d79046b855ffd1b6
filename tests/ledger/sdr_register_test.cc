// Folding sdr.* events: the register follows an SDR through its life, and events no command
// could have written (out of order, over-credited, misnumbered) are refused as corruption.
#include "ledger/sdr/sdr_register.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ledger/execution/execution_book.h"

namespace fms::ledger {
namespace {

using ::testing::HasSubstr;

CivilDate day(const char* iso) {
  return CivilDate::parse(iso).value();
}

SdrCreated created(int serial = 1, const std::string& line = "001",
                   const std::string& document = "delivery JAPTWK60100001") {
  SdrCreated c;
  c.number = SdrNumber{'A', serial, "JA", "TWK", line.empty() ? "000" : line, SdrStage::original};
  c.case_id = "JA-P-TWK";
  c.line = line;
  c.discrepancy = {recon::DiscrepancyType::quantity_short, "JA-P-TWK", line, document};
  c.documents = {document, "receipt RCV-0001"};
  c.codes = {"S1"};
  c.claimed_usd_cents = 1'000'00;
  c.arose = day("2026-02-01");
  c.deadline = day("2027-01-10");
  c.minimum_usd_cents = 200'00;
  c.date = day("2026-11-01");
  c.reason = "short";
  return c;
}

class SdrRegisterTest : public ::testing::Test {
 protected:
  Status apply(std::string_view type, std::string payload, int version = 1) {
    store::EventRecord event;
    event.sequence = ++sequence_;
    event.recorded_at = "2026-11-25T12:00:00.00000" + std::to_string(sequence_ % 10) + "Z";
    event.actor = "tester";
    event.type = std::string(type);
    event.type_version = version;
    event.payload = std::move(payload);
    events_.push_back(event);
    return apply_sdr_event(sdrs_, event);
  }
  Status create(const SdrCreated& c) { return apply(kSdrCreated, encode(c)); }
  Status submit(const char* date, std::optional<std::string> late = std::nullopt,
                const std::string& number = "A0001-JA-TWK/001") {
    return apply(kSdrSubmitted,
                 encode(SdrSubmitted{number, "JA-P-TWK", day(date), std::move(late)}));
  }
  Status answer(const char* date, SdrResolution resolution, std::int64_t credit = 0) {
    SdrAnswered a;
    a.number = "A0001-JA-TWK/001";
    a.case_id = "JA-P-TWK";
    a.date = day(date);
    a.resolution = resolution;
    a.credit_usd_cents = credit;
    return apply(kSdrAnswered, encode(a));
  }
  Status reopen(std::string_view type, const char* date) {
    return apply(type, encode(SdrReopened{"A0001-JA-TWK/001", "JA-P-TWK", day(date), "why"}));
  }
  Status close(const char* date, bool withdrawn) {
    return apply(kSdrClosed,
                 encode(SdrClosed{"A0001-JA-TWK/001", "JA-P-TWK", day(date), "done", withdrawn}));
  }
  static void expect_corrupt(const Status& status, const std::string& text) {
    ASSERT_FALSE(status.ok()) << "expected: " << text;
    EXPECT_EQ(status.error().kind, ErrorKind::corruption);
    EXPECT_THAT(status.error().message, HasSubstr(text));
  }

  SdrRegister sdrs_;
  std::vector<store::EventRecord> events_;
  std::int64_t sequence_ = 0;
};

TEST_F(SdrRegisterTest, FollowsAnSdrThroughItsLife) {
  ASSERT_TRUE(create(created()).ok());
  ASSERT_TRUE(submit("2026-11-02").ok());
  ASSERT_TRUE(answer("2026-11-03", SdrResolution::credit, 400'00).ok());
  ASSERT_TRUE(reopen(kSdrReconsiderationRequested, "2026-11-04").ok());
  const Sdr* sdr = sdrs_.find(SdrNumber::parse("A0001-JA-TWK/001").value());
  ASSERT_NE(sdr, nullptr);
  EXPECT_EQ(sdr->number.to_string(), "A0001-JA-TWK/001R");
  EXPECT_EQ(sdr->status, SdrStatus::submitted);
  ASSERT_TRUE(answer("2026-11-05", SdrResolution::credit, 600'00).ok());
  EXPECT_EQ(sdr->credited_usd_cents, 1'000'00);
  EXPECT_TRUE(sdr->position().fully_credited);
  ASSERT_TRUE(close("2026-11-06", false).ok());
  EXPECT_EQ(sdr->status, SdrStatus::closed);
  EXPECT_FALSE(sdr->withdrawn);
  ASSERT_EQ(sdr->history.size(), 6u);
  EXPECT_EQ(sdr->history[3].kind, SdrStepKind::reconsideration_requested);
  EXPECT_EQ(sdr->history[3].number, "A0001-JA-TWK/001R");
  EXPECT_EQ(sdr->history[4].credit_usd_cents, 600'00);
  EXPECT_EQ(sdr->history[4].sequence, 5);
  EXPECT_EQ(sdr->submitted_on, day("2026-11-02"));
  EXPECT_EQ(sdrs_.credits_by_case().at("JA-P-TWK"), 1'000'00);
}

TEST_F(SdrRegisterTest, RefusesStepsOutOfOrder) {
  ASSERT_TRUE(create(created()).ok());
  expect_corrupt(answer("2026-11-02", SdrResolution::rejected),
                 "cannot answer SDR A0001-JA-TWK/001: it is draft");
  expect_corrupt(reopen(kSdrContested, "2026-11-02"), "cannot contest");
  expect_corrupt(submit("2026-10-31"), "before the SDR's previous step on 2026-11-01");
  ASSERT_TRUE(submit("2026-11-02").ok());
  expect_corrupt(close("2026-11-03", false), "it is submitted");
  expect_corrupt(submit("2026-11-03"), "cannot submit");
}

TEST_F(SdrRegisterTest, RefusesCreditsBeyondTheClaim) {
  ASSERT_TRUE(create(created()).ok());
  ASSERT_TRUE(submit("2026-11-02").ok());
  expect_corrupt(answer("2026-11-03", SdrResolution::credit, 1'000'01),
                 "credit USD 1,000.01 is more than the USD 1,000.00 still open");
  expect_corrupt(answer("2026-11-03", SdrResolution::credit, 0), "more than zero");
}

TEST_F(SdrRegisterTest, RefusesLateSubmissionsWithoutAReasonAndReasonsOnTime) {
  ASSERT_TRUE(create(created()).ok());
  expect_corrupt(submit("2027-01-11"), "after the deadline without a late reason");
  expect_corrupt(submit("2027-01-10", "late?"), "late reason on a submission before the deadline");
  ASSERT_TRUE(submit("2027-01-11", "found late").ok());
  EXPECT_TRUE(sdrs_.all()[0].submitted_late);
}

TEST_F(SdrRegisterTest, WithdrawnExactlyWhenClosedAsADraft) {
  ASSERT_TRUE(create(created()).ok());
  expect_corrupt(close("2026-11-02", false), "closes a draft without saying it is withdrawn");
  ASSERT_TRUE(close("2026-11-02", true).ok());
  EXPECT_TRUE(sdrs_.all()[0].withdrawn);

  ASSERT_TRUE(create(created(2, "002", "delivery JAPTWK53350002")).ok());
  ASSERT_TRUE(submit("2026-11-02", std::nullopt, "A0002-JA-TWK/002").ok());
  SdrAnswered a{"A0002-JA-TWK/002", "JA-P-TWK", day("2026-11-03"), SdrResolution::rejected, 0,
                std::nullopt,       ""};
  ASSERT_TRUE(apply(kSdrAnswered, encode(a)).ok());
  expect_corrupt(apply(kSdrClosed, encode(SdrClosed{"A0002-JA-TWK/002", "JA-P-TWK",
                                                    day("2026-11-04"), "x", true})),
                 "withdraws an SDR that was already submitted");
}

TEST_F(SdrRegisterTest, RefusesMisnumberedAndDuplicatedSdrs) {
  SdrCreated wrong_case = created();
  wrong_case.number.designator = "KBD";
  expect_corrupt(create(wrong_case), "does not name case JA-P-TWK line 001");
  SdrCreated wrong_line = created();
  wrong_line.number.line = "002";
  expect_corrupt(create(wrong_line), "does not name case");
  SdrCreated reserved = created(9000);
  expect_corrupt(create(reserved), "outside 1-8999");

  ASSERT_TRUE(create(created()).ok());
  expect_corrupt(create(created()), "SDR A0001-JA-TWK/001 is created twice");
  expect_corrupt(create(created(2)), "SDR A0001-JA-TWK/001 is still open for quantity-short");
  expect_corrupt(submit("2026-11-02", std::nullopt, "A0007-JA-TWK/001"), "was never created");
  expect_corrupt(
      apply(
          kSdrSubmitted,
          R"({"number":"A0001-JA-TWK/001R","case_id":"JA-P-TWK","date":"2026-11-02","late_reason":null})"),
      "carries a suffix");
  expect_corrupt(apply(kSdrSubmitted, encode(SdrSubmitted{"A0001-JA-TWK/001", "JA-P-AAA",
                                                          day("2026-11-02"), std::nullopt})),
                 "is about JA-P-TWK, not JA-P-AAA");
}

TEST_F(SdrRegisterTest, RefusesDamagedPayloads) {
  std::string payload = encode(created());
  const auto swap = [](std::string text, const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  expect_corrupt(apply(kSdrCreated, swap(payload, "\"compensation\"", "\"information\"")),
                 "disagrees with the amount claimed");
  expect_corrupt(apply(kSdrCreated, swap(payload, "[\"S1\"]", "[\"S9\"]")), "SF 364 codes");
  expect_corrupt(apply(kSdrCreated, swap(payload, "\"serial\":1", "\"serial\":2")),
                 "office and serial disagree");
  expect_corrupt(apply(kSdrCreated, payload, 2), "unsupported type version 2");
  expect_corrupt(apply("sdr.escalated", "{}"), "unknown SDR event type \"sdr.escalated\"");
  EXPECT_TRUE(sdrs_.all().empty());
}

TEST_F(SdrRegisterTest, SerialsRunPerOfficeAndCountryUpToTheLimit) {
  EXPECT_EQ(sdrs_.next_serial('A', "JA").value(), 1);
  ASSERT_TRUE(create(created(kMaxSdrSerial - 1)).ok());
  EXPECT_EQ(sdrs_.next_serial('A', "JA").value(), kMaxSdrSerial);
  EXPECT_EQ(sdrs_.next_serial('B', "JA").value(), 1);
  ASSERT_TRUE(create(created(kMaxSdrSerial, "002", "delivery JAPTWK53350002")).ok());
  auto exhausted = sdrs_.next_serial('A', "JA");
  ASSERT_FALSE(exhausted.ok());
  EXPECT_THAT(exhausted.error().message, HasSubstr("office A has used every serial 1-8999 for JA"));
}

TEST_F(SdrRegisterTest, CoverageAndCreditsForTheRestOfTheSystem) {
  const DiscrepancyKey key = created().discrepancy;
  EXPECT_FALSE(sdrs_.covering(key).has_value());
  ASSERT_TRUE(create(created()).ok());
  ASSERT_TRUE(close("2026-11-02", true).ok());
  EXPECT_EQ(sdrs_.covering(key)->status, SdrStatus::closed);
  EXPECT_EQ(sdrs_.open_for(key), nullptr);
  ASSERT_TRUE(create(created(2)).ok());
  EXPECT_EQ(sdrs_.covering(key)->number, "A0002-JA-TWK/001");  // the open one
  EXPECT_EQ(sdrs_.covering(key)->status, SdrStatus::draft);

  SdrCreated case_level = created(3, "", "bill JA-P-TWK 2026-09-30");
  case_level.discrepancy.type = recon::DiscrepancyType::billed_not_delivered;
  ASSERT_TRUE(create(case_level).ok());
  ASSERT_TRUE(submit("2026-11-02", std::nullopt, "A0003-JA-TWK/000").ok());
  SdrAnswered a{"A0003-JA-TWK/000", "JA-P-TWK", day("2026-11-03"), SdrResolution::credit, 250'00,
                std::nullopt,       ""};
  ASSERT_TRUE(apply(kSdrAnswered, encode(a)).ok());
  EXPECT_EQ((sdrs_.credits_by_line().at({"JA-P-TWK", ""})), 250'00);
  EXPECT_EQ(sdrs_.credits_by_line().count({"JA-P-TWK", "001"}), 0u);
  EXPECT_EQ(sdrs_.credits_by_case().at("JA-P-TWK"), 250'00);
}

// fold_sdrs sends sdr.* events to the register and still refuses unknown types.
TEST_F(SdrRegisterTest, ThePortfolioFoldRoutesSdrEvents) {
  ASSERT_TRUE(create(created()).ok());
  ASSERT_TRUE(submit("2026-11-02").ok());
  auto portfolio = fold_sdrs(events_);
  ASSERT_TRUE(portfolio.ok()) << portfolio.error().message;
  EXPECT_EQ(portfolio->sdrs.all(), sdrs_.all());
  EXPECT_EQ(portfolio->last_sequence, 2);

  store::EventRecord stray = events_.back();
  stray.sequence = 3;
  stray.type = "claims.filed";
  events_.push_back(stray);
  auto refused = fold_sdrs(events_);
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("unknown portfolio event type \"claims.filed\""));
}

}  // namespace
}  // namespace fms::ledger
