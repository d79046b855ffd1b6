// The SDR commands on a real SQLite store: raising an SDR from a discrepancy, numbering,
// deadlines, credits, reconsideration and contest, and that every refused command writes
// nothing while every accepted one writes exactly one event.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sdr_test_fixture.h"
#include "support/host_scope.h"

namespace fms::ledger::testing {
namespace {

using recon::DiscrepancyType;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST_F(SdrLedgerTest, CreatesADraftFromTheDiscrepancy) {
  const std::size_t before = event_count();
  auto outcome = create_short();
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(event_count(), before + 1);
  const Sdr& sdr = outcome->sdr;
  EXPECT_EQ(sdr.number.to_string(), "A0001-JA-TWK/001");
  EXPECT_EQ(sdr.status, SdrStatus::draft);
  EXPECT_EQ(sdr.created.case_id, "JA-P-TWK");
  EXPECT_EQ(sdr.created.line, "001");
  EXPECT_EQ(sdr.created.discrepancy.document, "delivery JAPTWK60100001");
  EXPECT_THAT(sdr.created.documents, ElementsAre("delivery JAPTWK60100001", "receipt RCV-0001"));
  EXPECT_THAT(sdr.created.codes, ElementsAre("S1"));
  EXPECT_EQ(sdr.created.claimed_usd_cents, 4'240'000'00);
  EXPECT_EQ(sdr.created.deadline, day("2027-01-10"));
  EXPECT_EQ(sdr.created.date, day("2026-11-25"));
  EXPECT_FALSE(sdr.created.below_minimum);
  EXPECT_TRUE(outcome->warnings.empty());
  ASSERT_EQ(sdr.history.size(), 1u);
  EXPECT_EQ(sdr.history[0].actor, "alice");

  const auto events = store_->read_events({}).value();
  EXPECT_EQ(events.back().type, "sdr.created");
  EXPECT_EQ(events.back().case_id, "");
  EXPECT_EQ(events.back().type_version, 1);
  EXPECT_THAT(events.back().payload, HasSubstr("\"case_id\":\"JA-P-TWK\""));
  EXPECT_THAT(events.back().payload, HasSubstr("\"claimed_usd\":\"4240000.00\""));
}

TEST_F(SdrLedgerTest, DefaultCodesFollowTheDiscrepancyType) {
  auto not_received =
      book_->create(request(DiscrepancyType::shipped_not_received, "delivery JAPTWK53350002"), "a");
  ASSERT_TRUE(not_received.ok()) << not_received.error().message;
  EXPECT_THAT(not_received->sdr.created.codes, ElementsAre("S3"));
  auto rejected =
      book_->create(request(DiscrepancyType::rejected_on_inspection, "receipt RCV-0002"), "a");
  ASSERT_TRUE(rejected.ok()) << rejected.error().message;
  EXPECT_THAT(rejected->sdr.created.codes, ElementsAre("C1"));
  EXPECT_EQ(rejected->sdr.created.claimed_usd_cents, 2'120'000'00);

  const std::size_t before = event_count();
  auto over =
      book_->create(request(DiscrepancyType::quantity_over, "delivery JAPTWK60700005"), "a");
  ASSERT_FALSE(over.ok());
  EXPECT_THAT(over.error().message, HasSubstr("no default SF 364 code for a quantity-over"));
  EXPECT_EQ(event_count(), before);
  auto with_codes = request(DiscrepancyType::quantity_over, "delivery JAPTWK60700005");
  with_codes.codes = {"d3", "T1"};
  auto explicit_codes = book_->create(with_codes, "a");
  ASSERT_TRUE(explicit_codes.ok()) << explicit_codes.error().message;
  EXPECT_THAT(explicit_codes->sdr.created.codes, ElementsAre("D3", "T1"));
}

TEST_F(SdrLedgerTest, CodesAreValidatedUpToThree) {
  auto three = request(DiscrepancyType::quantity_short, "delivery JAPTWK60100001");
  three.codes = {"S1", "S2", "D3"};
  const std::size_t before = event_count();
  auto four = three;
  four.codes.push_back("C3");
  auto refused = book_->create(four, "a");
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("1 to 3 discrepancy codes; 4 given"));
  auto unknown = three;
  unknown.codes = {"X9"};
  EXPECT_FALSE(book_->create(unknown, "a").ok());
  EXPECT_EQ(event_count(), before);
  auto accepted = book_->create(three, "a");
  ASSERT_TRUE(accepted.ok()) << accepted.error().message;
  EXPECT_EQ(accepted->sdr.created.codes.size(), kMaxSdrCodes);
}

TEST_F(SdrLedgerTest, SerialsCountPerOffice) {
  ASSERT_TRUE(create_short().ok());
  auto second =
      book_->create(request(DiscrepancyType::rejected_on_inspection, "receipt RCV-0002"), "a");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->sdr.number.to_string(), "A0002-JA-TWK/001");
  auto other_office = request(DiscrepancyType::shipped_not_received, "delivery JAPTWK53350002");
  other_office.office = 'B';
  auto third = book_->create(other_office, "a");
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->sdr.number.to_string(), "B0001-JA-TWK/002");
  auto bad_office = request(DiscrepancyType::shipped_not_received, "delivery JAPTWK51520003");
  bad_office.office = '7';
  EXPECT_FALSE(book_->create(bad_office, "a").ok());
}

TEST_F(SdrLedgerTest, RefusesWhatIsNotADiscrepancy) {
  const std::size_t before = event_count();
  auto wrong_type =
      book_->create(request(DiscrepancyType::quantity_short, "receipt RCV-0002"), "a");
  ASSERT_FALSE(wrong_type.ok());
  EXPECT_EQ(wrong_type.error().kind, ErrorKind::not_found);
  EXPECT_THAT(wrong_type.error().message,
              HasSubstr("no quantity-short discrepancy of JA-P-TWK with first document \"receipt "
                        "RCV-0002\" as of 2026-11-25; that document has: rejected-on-inspection "
                        "on line 001"));
  auto wrong_line = request(DiscrepancyType::quantity_short, "delivery JAPTWK60100001");
  wrong_line.line = "002";
  EXPECT_EQ(book_->create(wrong_line, "a").error().kind, ErrorKind::not_found);
  auto unknown_case = request(DiscrepancyType::quantity_short, "delivery JAPTWK60100001");
  unknown_case.case_id = "JA-P-ZZZ";
  EXPECT_THAT(book_->create(unknown_case, "a").error().message, HasSubstr("not recorded"));
  // Before the shipment was 90 days unreceived there is no discrepancy yet.
  auto too_early = request(DiscrepancyType::shipped_not_received, "delivery JAPTWK53350002");
  too_early.as_of = day("2026-01-15");
  EXPECT_EQ(book_->create(too_early, "a").error().kind, ErrorKind::not_found);
  // A discrepancy the reconciliation does not raise by SDR.
  auto undelivered = request(DiscrepancyType::line_past_availability_undelivered, "");
  undelivered.line = "001";
  auto not_sdr = book_->create(undelivered, "a");
  ASSERT_FALSE(not_sdr.ok());
  EXPECT_THAT(not_sdr.error().message, HasSubstr("is not raised by SDR; its next action is: ask"));
  EXPECT_EQ(event_count(), before);
}

TEST_F(SdrLedgerTest, OneOpenSdrPerDiscrepancy) {
  auto first = create_short();
  ASSERT_TRUE(first.ok());
  const std::size_t before = event_count();
  auto again = create_short();
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_THAT(again.error().message, HasSubstr("SDR A0001-JA-TWK/001 (draft) is already open for "
                                               "quantity-short JA-P-TWK line 001"));
  EXPECT_EQ(event_count(), before);
  // Withdrawn, the discrepancy may be raised again, under the next serial.
  ASSERT_TRUE(book_->close("A0001-JA-TWK/001", day("2026-11-25"), "raised in error", "a").ok());
  auto renewed = create_short();
  ASSERT_TRUE(renewed.ok()) << renewed.error().message;
  EXPECT_EQ(renewed->sdr.number.to_string(), "A0002-JA-TWK/001");
}

TEST_F(SdrLedgerTest, BelowTheMinimumIsFlaggedAndAPassedDeadlineWarned) {
  auto small =
      book_->create(request(DiscrepancyType::shipped_not_received, "delivery JAPTWK51520003"), "a");
  ASSERT_TRUE(small.ok()) << small.error().message;
  EXPECT_TRUE(small->sdr.created.below_minimum);
  EXPECT_EQ(small->sdr.created.claimed_usd_cents, 150'00);
  EXPECT_EQ(small->sdr.created.minimum_usd_cents, 200'00);
  ASSERT_EQ(small->warnings.size(), 2u);
  EXPECT_THAT(small->warnings[0], HasSubstr("below the USD 200.00 minimum"));
  EXPECT_THAT(small->warnings[1], HasSubstr("deadline 2026-06-01 has passed"));
  EXPECT_THAT(store_->read_events({}).value().back().payload,
              HasSubstr("\"review\":\"information\""));
}

TEST_F(SdrLedgerTest, SubmissionAfterTheDeadlineNeedsALateReason) {
  ASSERT_TRUE(
      book_->create(request(DiscrepancyType::shipped_not_received, "delivery JAPTWK51520003"), "a")
          .ok());
  const std::size_t before = event_count();
  auto refused = book_->submit("A0001-JA-TWK/006", day("2026-11-25"), std::nullopt, "a");
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().text(Spelling::option),
              HasSubstr("the submission deadline 2026-06-01 passed 177 day(s) before 2026-11-25; "
                        "give --late-reason"));
  EXPECT_EQ(refused.error().field, "late_reason");
  EXPECT_FALSE(book_->submit("A0001-JA-TWK/006", day("2026-11-25"), "", "a").ok());
  EXPECT_EQ(event_count(), before);

  auto late = book_->submit("A0001-JA-TWK/006", day("2026-11-25"),
                            "receipt records found in the audit", "a");
  ASSERT_TRUE(late.ok()) << late.error().message;
  EXPECT_EQ(event_count(), before + 1);
  EXPECT_TRUE(late->sdr.submitted_late);
  EXPECT_EQ(late->sdr.history.back().text, "receipt records found in the audit");
  ASSERT_EQ(late->warnings.size(), 1u);
  EXPECT_THAT(late->warnings[0], HasSubstr("may refuse it as late"));
}

TEST_F(SdrLedgerTest, OnTheDeadlineIsOnTimeAndALateReasonIsRefused) {
  ASSERT_TRUE(
      book_->create(request(DiscrepancyType::shipped_not_received, "delivery JAPTWK53350002"), "a")
          .ok());
  auto later = ledger_at("2026-12-02T09:00:00Z");
  SdrBook& book = later->sdrs();
  EXPECT_FALSE(book.submit("A0001-JA-TWK/002", day("2026-12-02"), std::nullopt, "a").ok());
  auto excuse = book.submit("A0001-JA-TWK/002", day("2026-12-01"), "just in case", "a");
  ASSERT_FALSE(excuse.ok());
  EXPECT_THAT(excuse.error().message, HasSubstr("this one is on time"));
  auto on_time = book.submit("A0001-JA-TWK/002", day("2026-12-01"), std::nullopt, "a");
  ASSERT_TRUE(on_time.ok()) << on_time.error().message;
  EXPECT_FALSE(on_time->sdr.submitted_late);
  ASSERT_EQ(on_time->warnings.size(), 1u);
  EXPECT_THAT(on_time->warnings[0], HasSubstr("due today"));
}

TEST_F(SdrLedgerTest, SubmissionWarnsInsideTheWarningWindow) {
  ASSERT_TRUE(create_short().ok());  // deadline 2027-01-10; the window opens 30 days before
  ASSERT_TRUE(
      book_->create(request(DiscrepancyType::shipped_not_received, "delivery JAPTWK53350002"), "a")
          .ok());
  auto close = book_->submit("A0002-JA-TWK/002", day("2026-11-25"), std::nullopt, "a");
  ASSERT_TRUE(close.ok());
  ASSERT_EQ(close->warnings.size(), 1u);
  EXPECT_THAT(close->warnings[0], HasSubstr("deadline 2026-12-01 (due in 6 days)"));

  auto later = ledger_at("2026-12-31T00:00:00Z");
  SdrBook& book = later->sdrs();
  auto outside = book.submit("A0001-JA-TWK/001", day("2026-12-10"), std::nullopt, "a");
  ASSERT_TRUE(outside.ok());
  EXPECT_TRUE(outside->warnings.empty());  // 31 days before: no warning
}

TEST_F(SdrLedgerTest, WarningStartsExactlyAtTheWindow) {
  ASSERT_TRUE(create_short().ok());
  auto later = ledger_at("2026-12-31T00:00:00Z");
  SdrBook& book = later->sdrs();
  auto at_window = book.submit("A0001-JA-TWK/001", day("2026-12-11"), std::nullopt, "a");
  ASSERT_TRUE(at_window.ok());
  ASSERT_EQ(at_window->warnings.size(), 1u);
  EXPECT_THAT(at_window->warnings[0], HasSubstr("due in 30 days"));
}

TEST_F(SdrLedgerTest, CreditsAreBoundedByTheClaim) {
  ASSERT_TRUE(create_short().ok());
  ASSERT_TRUE(book_->submit("A0001-JA-TWK/001", day("2026-11-25"), std::nullopt, "a").ok());
  const std::size_t before = event_count();
  const auto answer_with = [](SdrResolution resolution, std::optional<std::int64_t> credit) {
    SdrAnswer answer;
    answer.date = day("2026-11-25");
    answer.resolution = resolution;
    answer.credit_usd_cents = credit;
    return answer;
  };
  EXPECT_THAT(
      book_->answer("A0001-JA-TWK/001", answer_with(SdrResolution::credit, std::nullopt), "a")
          .error()
          .text(Spelling::option),
      HasSubstr("needs --credit USD (at most USD 4,240,000.00)"));
  EXPECT_THAT(
      book_->answer("A0001-JA-TWK/001", answer_with(SdrResolution::credit, 0), "a").error().message,
      HasSubstr("more than zero"));
  EXPECT_THAT(
      book_->answer("A0001-JA-TWK/001", answer_with(SdrResolution::credit, 4'240'000'01), "a")
          .error()
          .message,
      HasSubstr("credit USD 4,240,000.01 is more than the USD 4,240,000.00 still open"));
  EXPECT_THAT(book_->answer("A0001-JA-TWK/001", answer_with(SdrResolution::rejected, 100), "a")
                  .error()
                  .text(Spelling::option),
              HasSubstr("--credit goes only with --resolution credit"));
  EXPECT_EQ(event_count(), before);

  SdrAnswer full = answer_with(SdrResolution::credit, 4'240'000'00);
  full.reply_code = "1b";
  full.note = "credit on the next DD 645";
  auto answered = book_->answer("A0001-JA-TWK/001", full, "a");
  ASSERT_TRUE(answered.ok()) << answered.error().message;
  EXPECT_EQ(answered->sdr.status, SdrStatus::answered);
  EXPECT_EQ(answered->sdr.credited_usd_cents, 4'240'000'00);
  EXPECT_EQ(answered->sdr.history.back().reply_code, "1B");
  // Fully credited: nothing left to reconsider.
  EXPECT_THAT(book_->reconsider("A0001-JA-TWK/001", day("2026-11-25"), "more", "a").error().message,
              HasSubstr("credit of the full amount claimed"));
}

TEST_F(SdrLedgerTest, ReconsiderationAndContestReopenWithSuffixes) {
  auto found_earlier = request(DiscrepancyType::quantity_short, "delivery JAPTWK60100001");
  found_earlier.as_of = day("2026-11-01");
  ASSERT_TRUE(book_->create(found_earlier, "a").ok());
  ASSERT_TRUE(book_->submit("A0001-JA-TWK/001", day("2026-11-20"), std::nullopt, "a").ok());
  SdrAnswer rejected;
  rejected.date = day("2026-11-21");
  rejected.resolution = SdrResolution::rejected;
  ASSERT_TRUE(book_->answer("A0001-JA-TWK/001", rejected, "a").ok());
  EXPECT_THAT(book_->contest("A0001-JA-TWK/001", day("2026-11-22"), "no", "a").error().message,
              HasSubstr("request reconsideration first"));

  auto reconsidered =
      book_->reconsider("A0001-JA-TWK/001", day("2026-11-22"), "inspection photos attached", "a");
  ASSERT_TRUE(reconsidered.ok()) << reconsidered.error().message;
  EXPECT_EQ(reconsidered->sdr.number.to_string(), "A0001-JA-TWK/001R");
  EXPECT_EQ(reconsidered->sdr.status, SdrStatus::submitted);

  SdrAnswer partial;
  partial.date = day("2026-11-23");
  partial.resolution = SdrResolution::credit;
  partial.credit_usd_cents = 1'000'000'00;
  // The number may be given with its current suffix, not with another.
  EXPECT_THAT(book_->answer("A0001-JA-TWK/001C", partial, "a").error().message,
              HasSubstr("is A0001-JA-TWK/001R now"));
  ASSERT_TRUE(book_->answer("A0001-JA-TWK/001R", partial, "a").ok());
  EXPECT_THAT(
      book_->reconsider("A0001-JA-TWK/001", day("2026-11-24"), "again", "a").error().message,
      HasSubstr("contest the decision instead"));

  auto contested = book_->contest("A0001-JA-TWK/001", day("2026-11-24"), "partial only", "a");
  ASSERT_TRUE(contested.ok()) << contested.error().message;
  EXPECT_EQ(contested->sdr.number.to_string(), "A0001-JA-TWK/001C");

  partial.date = day("2026-11-25");
  partial.credit_usd_cents = 3'240'000'01;  // more than the 3,240,000.00 still open
  EXPECT_FALSE(book_->answer("A0001-JA-TWK/001", partial, "a").ok());
  partial.credit_usd_cents = 240'000'00;
  auto final_answer = book_->answer("A0001-JA-TWK/001", partial, "a");
  ASSERT_TRUE(final_answer.ok());
  EXPECT_EQ(final_answer->sdr.credited_usd_cents, 1'240'000'00);
  EXPECT_THAT(book_->contest("A0001-JA-TWK/001", day("2026-11-25"), "again", "a").error().message,
              HasSubstr("already contested"));

  auto closed = book_->close("A0001-JA-TWK/001C", day("2026-11-25"), "accepted the credit", "a");
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(closed->sdr.status, SdrStatus::closed);
  EXPECT_FALSE(closed->sdr.withdrawn);
  EXPECT_EQ(closed->sdr.history.size(), 8u);
}

TEST_F(SdrLedgerTest, DatesMayNotBeInTheFutureOrBeforeThePreviousStep) {
  ASSERT_TRUE(create_short().ok());
  const std::size_t before = event_count();
  auto future = book_->submit("A0001-JA-TWK/001", day("2026-11-26"), std::nullopt, "a");
  ASSERT_FALSE(future.ok());
  EXPECT_THAT(future.error().message,
              HasSubstr("2026-11-26 is in the future (today is 2026-11-25)"));
  auto early = book_->submit("A0001-JA-TWK/001", day("2026-11-24"), std::nullopt, "a");
  ASSERT_FALSE(early.ok());
  EXPECT_THAT(early.error().message, HasSubstr("before its previous step (created on 2026-11-25)"));
  auto future_as_of = request(DiscrepancyType::rejected_on_inspection, "receipt RCV-0002");
  future_as_of.as_of = day("2026-11-26");
  EXPECT_THAT(book_->create(future_as_of, "a").error().text(Spelling::option),
              HasSubstr("--as-of 2026-11-26"));
  EXPECT_EQ(event_count(), before);
}

TEST_F(SdrLedgerTest, ReasonsAreRequiredAndLimited) {
  auto empty = request(DiscrepancyType::quantity_short, "delivery JAPTWK60100001");
  empty.reason = "";
  EXPECT_THAT(book_->create(empty, "a").error().text(Spelling::option),
              HasSubstr("--reason must be 1 to 4000"));
  auto too_long = empty;
  too_long.reason = std::string(kMaxReasonBytes + 1, 'x');
  EXPECT_FALSE(book_->create(too_long, "a").ok());
  auto at_limit = empty;
  at_limit.reason = std::string(kMaxReasonBytes, 'x');
  ASSERT_TRUE(book_->create(at_limit, "a").ok());
  EXPECT_FALSE(book_->close("A0001-JA-TWK/001", day("2026-11-25"), "", "a").ok());
  EXPECT_FALSE(
      book_
          ->close("A0001-JA-TWK/001", day("2026-11-25"), std::string(kMaxReasonBytes + 1, 'x'), "a")
          .ok());
  EXPECT_TRUE(
      book_->close("A0001-JA-TWK/001", day("2026-11-25"), std::string(kMaxReasonBytes, 'x'), "a")
          .ok());
}

TEST_F(SdrLedgerTest, UnknownAndMalformedNumbers) {
  EXPECT_EQ(book_->find("A0009-JA-TWK/001").error().kind, ErrorKind::not_found);
  EXPECT_EQ(book_->find("A9-JA-TWK/001").error().kind, ErrorKind::invalid_input);
  ASSERT_TRUE(create_short().ok());
  EXPECT_TRUE(book_->find("A0001-JA-TWK/001").ok());
}

TEST_F(SdrLedgerTest, ClosingASubmittedSdrWaitsForTheAnswer) {
  ASSERT_TRUE(create_short().ok());
  ASSERT_TRUE(book_->submit("A0001-JA-TWK/001", day("2026-11-25"), std::nullopt, "a").ok());
  auto refused = book_->close("A0001-JA-TWK/001", day("2026-11-25"), "give up", "a");
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("it is submitted; wait for the answer"));
}

// The register folded from the log is exactly what the commands reported, and verify replays it.
TEST_F(SdrLedgerTest, ReplayReproducesTheRegister) {
  std::vector<Sdr> reported;
  auto keep = [&reported](const Result<SdrOutcome>& outcome) {
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    for (Sdr& sdr : reported) {
      if (sdr.number.base() == outcome->sdr.number.base()) {
        sdr = outcome->sdr;
        return;
      }
    }
    reported.push_back(outcome->sdr);
  };
  keep(create_short());
  keep(book_->create(request(DiscrepancyType::rejected_on_inspection, "receipt RCV-0002"), "b"));
  keep(book_->create(request(DiscrepancyType::shipped_not_received, "delivery JAPTWK51520003"),
                     "c"));
  keep(book_->submit("A0001-JA-TWK/001", day("2026-11-25"), std::nullopt, "a"));
  SdrAnswer credit;
  credit.date = day("2026-11-25");
  credit.resolution = SdrResolution::credit;
  credit.credit_usd_cents = 1'000'00;
  keep(book_->answer("A0001-JA-TWK/001", credit, "a"));
  keep(book_->submit("A0002-JA-TWK/001", day("2026-11-25"), std::nullopt, "b"));
  credit.credit_usd_cents = 2'000'00;
  keep(book_->answer("A0002-JA-TWK/001", credit, "b"));
  keep(book_->close("A0003-JA-TWK/006", day("2026-11-25"), "below the minimum", "c"));

  auto folded = fold_sdrs(store_->read_events({}).value());
  ASSERT_TRUE(folded.ok()) << folded.error().message;
  EXPECT_EQ(folded->sdrs.all(), reported);
  EXPECT_TRUE(folded->sdrs.all()[2].withdrawn);
  auto verified = ledger_->verifier().verify(fms::testing::host_scope());
  EXPECT_TRUE(verified.ok()) << verified.error().message;

  // What the rest of the system reads.
  EXPECT_EQ(folded->sdrs.credits_by_case().at("JA-P-TWK"), 3'000'00);
  EXPECT_EQ((folded->sdrs.credits_by_line().at({"JA-P-TWK", "001"})), 3'000'00);
  const DiscrepancyKey key{DiscrepancyType::quantity_short, "JA-P-TWK", "001",
                           "delivery JAPTWK60100001"};
  const auto covering = folded->sdrs.covering(key);
  ASSERT_TRUE(covering.has_value());
  EXPECT_EQ(covering->number, "A0001-JA-TWK/001");
  EXPECT_EQ(covering->status, SdrStatus::answered);
  EXPECT_EQ(covering->resolution, SdrResolution::credit);
  EXPECT_EQ(covering->credited_usd_cents, 1'000'00);
  EXPECT_FALSE(folded->sdrs.covering(
      {DiscrepancyType::quantity_over, "JA-P-TWK", "003", "delivery JAPTWK60700005"}));
}

}  // namespace
}  // namespace fms::ledger::testing
