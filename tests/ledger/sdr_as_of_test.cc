// The SDR register as of a date: an SDR exists from its creation date, and each step counts
// from the business date it carries, not from when it was recorded. First on a register folded
// from hand-made events, then through the ledger's reconciliation view, where every step is
// recorded on 2026-11-25 (the fixed clock) but dated months earlier.
#include "ledger/sdr/sdr_as_of.h"

#include <gtest/gtest.h>

#include "sdr_test_fixture.h"

namespace fms::ledger {
namespace {

using testing::day;

constexpr const char* kNumber = "A0001-JA-TWK/001";

SdrCreated created(int serial, const char* date) {
  SdrCreated c;
  c.number = SdrNumber{'A', serial, "JA", "TWK", "001", SdrStage::original};
  c.case_id = "JA-P-TWK";
  c.line = "001";
  c.discrepancy = {recon::DiscrepancyType::quantity_short, "JA-P-TWK", "001",
                   "delivery JAPTWK60100001"};
  c.documents = {c.discrepancy.document, "receipt RCV-0001"};
  c.codes = {"S1"};
  c.claimed_usd_cents = 1'000'00;
  c.arose = day("2026-02-01");
  c.deadline = day("2027-01-10");
  c.minimum_usd_cents = 200'00;
  c.date = day(date);
  c.reason = "short";
  return c;
}

// One SDR through its whole life, every step recorded on 2026-11-25:
//   2026-03-01 created, 03-05 submitted, 04-10 answered with a credit of USD 400.00,
//   04-20 reconsideration requested, 05-15 answered with a further USD 600.00, 06-01 closed.
class SdrAsOfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fold(kSdrCreated, encode(created(1, "2026-03-01")));
    fold(kSdrSubmitted, encode(SdrSubmitted{kNumber, "JA-P-TWK", day("2026-03-05"), std::nullopt}));
    fold(kSdrAnswered, encode(credit("2026-04-10", 400'00)));
    fold(kSdrReconsiderationRequested,
         encode(SdrReopened{kNumber, "JA-P-TWK", day("2026-04-20"), "credit short of the claim"}));
    fold(kSdrAnswered, encode(credit("2026-05-15", 600'00)));
    fold(kSdrClosed, encode(SdrClosed{kNumber, "JA-P-TWK", day("2026-06-01"), "done", false}));
  }

  static SdrAnswered credit(const char* date, std::int64_t cents) {
    return SdrAnswered{kNumber, "JA-P-TWK",   day(date), SdrResolution::credit,
                       cents,   std::nullopt, "credit"};
  }

  void fold(std::string_view type, std::string payload) {
    store::EventRecord event;
    event.sequence = ++sequence_;
    event.recorded_at = "2026-11-25T12:00:00.00000" + std::to_string(sequence_) + "Z";
    event.actor = "tester";
    event.type = std::string(type);
    event.type_version = 1;
    event.payload = std::move(payload);
    const Status applied = apply_sdr_event(recorded_, event);
    ASSERT_TRUE(applied.ok()) << applied.error().message;
  }

  const Sdr& only(const SdrRegister& sdrs) {
    EXPECT_EQ(sdrs.all().size(), 1u);
    return sdrs.all().front();
  }

  const DiscrepancyKey key_ = created(1, "2026-03-01").discrepancy;
  SdrRegister recorded_;
  std::int64_t sequence_ = 0;
};

TEST_F(SdrAsOfTest, BeforeItsCreationTheSdrIsNotThere) {
  const SdrRegister then = recorded_.as_of(day("2026-02-28"));
  EXPECT_TRUE(then.all().empty());
  EXPECT_EQ(then.find(SdrNumber::parse(kNumber).value()), nullptr);
  EXPECT_EQ(then.open_for(key_), nullptr);
  EXPECT_FALSE(then.covering(key_).has_value());
  EXPECT_TRUE(then.credits_by_case().empty());
  EXPECT_EQ(then.next_serial('A', "JA").value(), 1);
  EXPECT_FALSE(sdr_as_of(recorded_.all().front(), day("2026-02-28")).has_value());
}

TEST_F(SdrAsOfTest, OpenAndUncreditedBeforeItsAnswerCreditedFromTheAnswerDate) {
  const SdrRegister created_only = recorded_.as_of(day("2026-03-01"));
  EXPECT_EQ(only(created_only).status, SdrStatus::draft);
  EXPECT_EQ(only(created_only).history.size(), 1u);

  const SdrRegister before_answer = recorded_.as_of(day("2026-04-09"));
  const Sdr& submitted = only(before_answer);
  EXPECT_EQ(submitted.status, SdrStatus::submitted);
  EXPECT_TRUE(submitted.open());
  EXPECT_EQ(submitted.submitted_on, day("2026-03-05"));
  EXPECT_FALSE(submitted.resolution.has_value());
  EXPECT_EQ(submitted.credited_usd_cents, 0);
  EXPECT_TRUE(before_answer.credits_by_case().empty());
  EXPECT_TRUE(before_answer.credits_by_line().empty());
  EXPECT_NE(before_answer.open_for(key_), nullptr);

  // An answer counts on its own date: the end of the day is what "as of" means.
  const SdrRegister answered = recorded_.as_of(day("2026-04-10"));
  EXPECT_EQ(only(answered).status, SdrStatus::answered);
  EXPECT_EQ(only(answered).resolution, SdrResolution::credit);
  EXPECT_EQ(answered.credits_by_case().at("JA-P-TWK"), 400'00);
  EXPECT_EQ((answered.credits_by_line().at({"JA-P-TWK", "001"})), 400'00);
  EXPECT_EQ(answered.covering(key_)->credited_usd_cents, 400'00);
  EXPECT_NE(answered.open_for(key_), nullptr);
}

TEST_F(SdrAsOfTest, AReconsiderationKeepsTheFirstCreditAndReopensUnderItsSuffix) {
  const SdrRegister reopened = recorded_.as_of(day("2026-05-14"));
  EXPECT_EQ(only(reopened).number.to_string(), "A0001-JA-TWK/001R");
  EXPECT_EQ(only(reopened).status, SdrStatus::submitted);
  EXPECT_EQ(only(reopened).credited_usd_cents, 400'00);
  EXPECT_EQ(reopened.covering(key_)->number, "A0001-JA-TWK/001R");

  const SdrRegister second_answer = recorded_.as_of(day("2026-05-31"));
  EXPECT_EQ(only(second_answer).credited_usd_cents, 1'000'00);
  EXPECT_TRUE(only(second_answer).open());
}

TEST_F(SdrAsOfTest, ClosedFromItsClosingDate) {
  EXPECT_NE(recorded_.as_of(day("2026-05-31")).open_for(key_), nullptr);
  const SdrRegister closed = recorded_.as_of(day("2026-06-01"));
  EXPECT_EQ(only(closed).status, SdrStatus::closed);
  EXPECT_EQ(closed.open_for(key_), nullptr);
  EXPECT_EQ(closed.covering(key_)->status, SdrStatus::closed);
}

// Looking back replays the steps exactly as folding applied them: once every step is dated by
// then, the SDR is the one folded from the log, history and numbers included.
TEST_F(SdrAsOfTest, OnceEveryStepIsDatedItIsTheRegisterAsRecorded) {
  EXPECT_EQ(recorded_.as_of(day("2026-06-01")).all(), recorded_.all());
  EXPECT_EQ(recorded_.as_of(day("2099-12-31")).all(), recorded_.all());
  EXPECT_NE(recorded_.as_of(day("2026-05-31")).all(), recorded_.all());
}

// A withdrawn draft and the SDR raised again for the same discrepancy: between the two, the
// discrepancy is covered by the withdrawn one, and its successor's serial is not taken yet.
TEST_F(SdrAsOfTest, ASuccessorExistsOnlyFromItsOwnCreationDate) {
  recorded_ = SdrRegister();  // without the SDR of SetUp
  fold(kSdrCreated, encode(created(1, "2026-03-01")));
  fold(kSdrClosed, encode(SdrClosed{kNumber, "JA-P-TWK", day("2026-03-10"), "wrong", true}));
  fold(kSdrCreated, encode(created(2, "2026-03-15")));

  const SdrRegister between = recorded_.as_of(day("2026-03-12"));
  ASSERT_EQ(between.all().size(), 1u);
  EXPECT_TRUE(between.all().front().withdrawn);
  EXPECT_EQ(between.covering(key_)->number, kNumber);
  EXPECT_EQ(between.open_for(key_), nullptr);
  EXPECT_EQ(between.next_serial('A', "JA").value(), 2);

  const SdrRegister after = recorded_.as_of(day("2026-03-15"));
  ASSERT_EQ(after.all().size(), 2u);
  EXPECT_EQ(after.covering(key_)->number, "A0002-JA-TWK/001");
  EXPECT_EQ(after.covering(key_)->status, SdrStatus::draft);
}

// Through the ledger: the quantity-short SDR of the fixture, raised as of 2026-03-01 and
// followed to its closure, every command run (and recorded) on 2026-11-25.
class SdrAsOfLedgerTest : public testing::SdrLedgerTest {
 protected:
  void follow_to_closure() {
    SdrCreateRequest raise =
        request(recon::DiscrepancyType::quantity_short, "delivery JAPTWK60100001");
    raise.as_of = day("2026-03-01");
    auto raised = book_->create(raise, "alice");
    ASSERT_TRUE(raised.ok()) << raised.error().message;
    key_ = raised->sdr.created.discrepancy;
    ASSERT_TRUE(book_->submit(kNumber, day("2026-03-05"), std::nullopt, "alice").ok());
    SdrAnswer answer;
    answer.date = day("2026-04-10");
    answer.resolution = SdrResolution::credit;
    answer.credit_usd_cents = 1'000'000'00;  // of USD 4,240,000.00 claimed
    auto answered = book_->answer(kNumber, answer, "alice");
    ASSERT_TRUE(answered.ok()) << answered.error().message;
    ASSERT_TRUE(book_->close(kNumber, day("2026-06-01"), "credit on the DD 645", "alice").ok());
  }

  SdrRegister sdrs_on(const char* date) {
    auto view = ledger_->portfolio_view(day(date));
    EXPECT_TRUE(view.ok()) << view.error().message;
    return view->sdrs_as_of();
  }

  DiscrepancyKey key_;
};

TEST_F(SdrAsOfLedgerTest, ReportsSeeTheSdrAsItStoodOnTheirDate) {
  follow_to_closure();

  EXPECT_TRUE(sdrs_on("2026-02-28").all().empty());

  const SdrRegister march = sdrs_on("2026-03-31");
  ASSERT_EQ(march.all().size(), 1u);
  EXPECT_EQ(march.all().front().status, SdrStatus::submitted);
  EXPECT_NE(march.open_for(key_), nullptr);
  EXPECT_TRUE(march.credits_by_case().empty());  // answered 2026-04-10

  const SdrRegister april = sdrs_on("2026-04-30");
  EXPECT_EQ(april.all().front().status, SdrStatus::answered);
  EXPECT_NE(april.open_for(key_), nullptr);  // closed 2026-06-01
  EXPECT_EQ(april.credits_by_case().at("JA-P-TWK"), 1'000'000'00);

  const SdrRegister june = sdrs_on("2026-06-01");
  EXPECT_EQ(june.open_for(key_), nullptr);
  EXPECT_EQ(june.credits_by_case().at("JA-P-TWK"), 1'000'000'00);
}

// Commands keep checking against the register as recorded, whatever the view's date: the log
// must stay foldable from start to end.
TEST_F(SdrAsOfLedgerTest, TheViewStillCarriesTheRegisterAsRecorded) {
  follow_to_closure();
  auto view = ledger_->portfolio_view(day("2026-03-31"));
  ASSERT_TRUE(view.ok()) << view.error().message;
  ASSERT_EQ(view->sdrs.all().size(), 1u);
  EXPECT_EQ(view->sdrs.all().front().status, SdrStatus::closed);
  EXPECT_EQ(view->sdrs.credits_by_case().at("JA-P-TWK"), 1'000'000'00);
  EXPECT_EQ(view->sdrs_as_of().all().front().status, SdrStatus::submitted);
}

}  // namespace
}  // namespace fms::ledger
