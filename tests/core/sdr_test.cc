// SDR rules: every status against every action, report numbers, codes, deadline and credit bounds.
#include "core/sdr.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace fms {
namespace {

using ::testing::HasSubstr;

CivilDate day(const char* iso) {
  return CivilDate::parse(iso).value();
}

SdrPosition at(SdrStatus status, SdrStage stage = SdrStage::original,
               std::optional<SdrResolution> last_resolution = std::nullopt,
               bool fully_credited = false) {
  SdrPosition position;
  position.status = status;
  position.stage = stage;
  position.last_resolution = last_resolution;
  position.fully_credited = fully_credited;
  return position;
}

// The plain reading of the rules, one status and action at a time (SDR as usually met:
// first round, answered with a rejection).
TEST(SdrTransitions, StatusByActionMatrix) {
  struct Row {
    SdrStatus status;
    bool submit, answer, reconsider, contest, close;
  };
  const Row rows[] = {
      {SdrStatus::draft, true, false, false, false, true},
      {SdrStatus::submitted, false, true, false, false, false},
      {SdrStatus::answered, false, false, true, false, true},
      {SdrStatus::closed, false, false, false, false, false},
  };
  for (const Row& row : rows) {
    SdrPosition position = at(row.status);
    if (row.status == SdrStatus::answered || row.status == SdrStatus::closed) {
      position.last_resolution = SdrResolution::rejected;
    }
    const bool expected[] = {row.submit, row.answer, row.reconsider, row.contest, row.close};
    for (std::size_t a = 0; a < kAllSdrActions.size(); ++a) {
      EXPECT_EQ(check_sdr_action(position, kAllSdrActions[a]).ok(), expected[a])
          << to_string(row.status) << " x " << to_string(kAllSdrActions[a]);
    }
  }
}

// Every combination of status, stage, last answer and credit state against every action.
TEST(SdrTransitions, ExhaustiveOverEveryPosition) {
  const std::optional<SdrResolution> answers[] = {
      std::nullopt, SdrResolution::credit, SdrResolution::replacement, SdrResolution::rejected};
  int checked = 0;
  for (SdrStatus status : kAllSdrStatuses) {
    for (SdrStage stage : {SdrStage::original, SdrStage::reconsideration, SdrStage::contest}) {
      for (const auto& answer : answers) {
        for (bool full : {false, true}) {
          const SdrPosition from = at(status, stage, answer, full);
          const bool disputable =
              answer == SdrResolution::rejected || (answer == SdrResolution::credit && !full);
          for (SdrAction action : kAllSdrActions) {
            bool allowed = false;
            switch (action) {
              case SdrAction::submit:
                allowed = status == SdrStatus::draft;
                break;
              case SdrAction::answer:
                allowed = status == SdrStatus::submitted;
                break;
              case SdrAction::reconsider:
                allowed =
                    status == SdrStatus::answered && stage == SdrStage::original && disputable;
                break;
              case SdrAction::contest:
                allowed = status == SdrStatus::answered && stage == SdrStage::reconsideration &&
                          disputable;
                break;
              case SdrAction::close:
                allowed = status == SdrStatus::draft || status == SdrStatus::answered;
                break;
            }
            const Status result = check_sdr_action(from, action);
            EXPECT_EQ(result.ok(), allowed) << to_string(status) << " stage " << sdr_suffix(stage)
                                            << " answer " << (answer ? to_string(*answer) : "none")
                                            << (full ? " full" : "") << " x " << to_string(action);
            if (!result.ok()) {
              EXPECT_FALSE(result.error().message.empty());
            }
            ++checked;
          }
        }
      }
    }
  }
  EXPECT_EQ(checked, 4 * 3 * 4 * 2 * 5);
}

TEST(SdrTransitions, RefusalsSayWhyAndWhatInstead) {
  const SdrPosition replaced =
      at(SdrStatus::answered, SdrStage::original, SdrResolution::replacement);
  EXPECT_THAT(check_sdr_action(replaced, SdrAction::reconsider).error().message,
              HasSubstr("the answer was a replacement"));
  const SdrPosition full = at(SdrStatus::answered, SdrStage::original, SdrResolution::credit, true);
  EXPECT_THAT(check_sdr_action(full, SdrAction::reconsider).error().message,
              HasSubstr("credit of the full amount claimed"));
  const SdrPosition first = at(SdrStatus::answered, SdrStage::original, SdrResolution::rejected);
  EXPECT_THAT(check_sdr_action(first, SdrAction::contest).error().message,
              HasSubstr("request reconsideration first"));
  const SdrPosition again =
      at(SdrStatus::answered, SdrStage::reconsideration, SdrResolution::rejected);
  EXPECT_THAT(check_sdr_action(again, SdrAction::reconsider).error().message,
              HasSubstr("contest the decision instead"));
  const SdrPosition waiting = at(SdrStatus::submitted);
  EXPECT_THAT(check_sdr_action(waiting, SdrAction::close).error().message,
              HasSubstr("it is submitted; wait for the answer"));
}

TEST(SdrTransitions, StatusAndStageAfterEachAction) {
  EXPECT_EQ(sdr_status_after(SdrAction::submit), SdrStatus::submitted);
  EXPECT_EQ(sdr_status_after(SdrAction::answer), SdrStatus::answered);
  EXPECT_EQ(sdr_status_after(SdrAction::reconsider), SdrStatus::submitted);
  EXPECT_EQ(sdr_status_after(SdrAction::contest), SdrStatus::submitted);
  EXPECT_EQ(sdr_status_after(SdrAction::close), SdrStatus::closed);
  EXPECT_EQ(sdr_stage_after(SdrStage::original, SdrAction::reconsider), SdrStage::reconsideration);
  EXPECT_EQ(sdr_stage_after(SdrStage::reconsideration, SdrAction::contest), SdrStage::contest);
  EXPECT_EQ(sdr_stage_after(SdrStage::reconsideration, SdrAction::answer),
            SdrStage::reconsideration);
}

TEST(SdrNames, StatusAndResolutionRoundTrip) {
  for (SdrStatus status : kAllSdrStatuses) {
    EXPECT_EQ(sdr_status_from_string(to_string(status)).value(), status);
  }
  for (SdrResolution r :
       {SdrResolution::credit, SdrResolution::replacement, SdrResolution::rejected}) {
    EXPECT_EQ(sdr_resolution_from_string(to_string(r)).value(), r);
  }
  EXPECT_THAT(sdr_status_from_string("open").error().message, HasSubstr("known: draft"));
  EXPECT_FALSE(sdr_resolution_from_string("refund").ok());
}

TEST(SdrNumberFormat, FormatsSerialCountryDesignatorLineAndSuffix) {
  SdrNumber number{'A', 10, "JA", "KBD", "001", SdrStage::original};
  EXPECT_EQ(number.to_string(), "A0010-JA-KBD/001");
  EXPECT_EQ(number.at_stage(SdrStage::reconsideration).to_string(), "A0010-JA-KBD/001R");
  EXPECT_EQ(number.at_stage(SdrStage::contest).to_string(), "A0010-JA-KBD/001C");
  EXPECT_EQ(number.at_stage(SdrStage::contest).base(), "A0010-JA-KBD/001");
  EXPECT_EQ((SdrNumber{'B', kMaxSdrSerial, "JA", "TWK", "000", SdrStage::original}).to_string(),
            "B8999-JA-TWK/000");
}

TEST(SdrNumberFormat, ParsesWhatItFormats) {
  for (const char* text : {"A0001-JA-TWK/001", "A0001-JA-TWK/001R", "Z9999-JA-A1B/012aC",
                           "A0001-JA-TWK/000", "B0120-JA-TWK/001a"}) {
    auto parsed = SdrNumber::parse(text);
    ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.error().message;
    EXPECT_EQ(parsed->to_string(), text);
  }
  auto parsed = SdrNumber::parse("A0010-JA-KBD/001R");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->office, 'A');
  EXPECT_EQ(parsed->serial, 10);
  EXPECT_EQ(parsed->designator, "KBD");
  EXPECT_EQ(parsed->line, "001");
  EXPECT_EQ(parsed->stage, SdrStage::reconsideration);
}

TEST(SdrNumberFormat, RefusesMalformedNumbers) {
  for (const char* text :
       {"", "A001-JA-TWK/001", "a0001-JA-TWK/001", "A0000-JA-TWK/001", "A0001-ja-TWK/001",
        "A0001_JA-TWK/001", "A0001-JA-TWK-001", "A0001-JA-TWK/01", "A0001-JA-TWK/001X",
        "A0001-JA-TWK/001aRR", "A0001-JA-tWK/001", "A0001-JA-TWK/0010"}) {
    EXPECT_FALSE(SdrNumber::parse(text).ok()) << text;
  }
  EXPECT_THAT(SdrNumber::parse("A0001-JA-TWK").error().message, HasSubstr("too short"));
}

TEST(SdrOffice, OneLetter) {
  EXPECT_EQ(parse_sdr_office("A").value(), 'A');
  EXPECT_EQ(parse_sdr_office("c").value(), 'C');
  EXPECT_FALSE(parse_sdr_office("").ok());
  EXPECT_FALSE(parse_sdr_office("AB").ok());
  EXPECT_FALSE(parse_sdr_office("1").ok());
}

TEST(SdrCodes, OneToThreeKnownCodes) {
  EXPECT_EQ(validate_sdr_codes({"s1"}).value(), std::vector<std::string>{"S1"});
  // At the limit and just past it.
  EXPECT_EQ(validate_sdr_codes({"S1", "C3", "D1"}).value().size(), kMaxSdrCodes);
  EXPECT_THAT(validate_sdr_codes({"S1", "C3", "D1", "Q1"}).error().message,
              HasSubstr("1 to 3 discrepancy codes; 4 given"));
  EXPECT_FALSE(validate_sdr_codes({}).ok());
  EXPECT_THAT(validate_sdr_codes({"S9"}).error().message, HasSubstr("unknown SF 364"));
  EXPECT_THAT(validate_sdr_codes({"S1", "s1"}).error().message, HasSubstr("given twice"));
  for (const SdrCodeEntry& entry : sdr_code_list()) {
    EXPECT_TRUE(validate_sdr_codes({std::string(entry.code)}).ok()) << entry.code;
    EXPECT_FALSE(entry.meaning.empty());
  }
}

TEST(SdrDeadline, WarnsFromTheWarningWindowOn) {
  const CivilDate deadline = day("2026-12-01");
  const int warning_days = 30;
  EXPECT_EQ(sdr_deadline_state(day("2026-10-31"), deadline, warning_days).warning, "");
  EXPECT_EQ(sdr_deadline_state(day("2026-10-31"), deadline, warning_days).days_to_deadline, 31);
  // At the window's edge and just inside.
  EXPECT_EQ(sdr_deadline_state(day("2026-11-01"), deadline, warning_days).warning,
            "due in 30 days");
  EXPECT_EQ(sdr_deadline_state(day("2026-11-30"), deadline, warning_days).warning, "due in 1 day");
  EXPECT_EQ(sdr_deadline_state(day("2026-12-01"), deadline, warning_days).warning, "due today");
  const auto passed = sdr_deadline_state(day("2026-12-02"), deadline, warning_days);
  EXPECT_EQ(passed.warning, "deadline passed");
  EXPECT_EQ(passed.days_to_deadline, -1);
}

TEST(SdrMinimum, BelowTheMinimumIsForInformation) {
  EXPECT_TRUE(sdr_below_minimum(199'99, 200'00));
  EXPECT_FALSE(sdr_below_minimum(200'00, 200'00));
}

TEST(SdrCredit, MoreThanZeroAndNoMoreThanWhatIsStillClaimed) {
  EXPECT_TRUE(check_sdr_credit(1, 500'00, 0).ok());
  EXPECT_TRUE(check_sdr_credit(500'00, 500'00, 0).ok());  // at the limit
  EXPECT_THAT(check_sdr_credit(500'01, 500'00, 0).error().message,
              HasSubstr("credit USD 500.01 is more than the USD 500.00 still open"));
  EXPECT_THAT(check_sdr_credit(0, 500'00, 0).error().message, HasSubstr("more than zero"));
  EXPECT_FALSE(check_sdr_credit(-1, 500'00, 0).ok());
  EXPECT_TRUE(check_sdr_credit(300'00, 500'00, 200'00).ok());
  EXPECT_THAT(check_sdr_credit(300'01, 500'00, 200'00).error().message,
              HasSubstr("USD 200.00 already credited"));
}

TEST(SdrReplyCode, LettersAndDigitsUpToTheLimit) {
  EXPECT_EQ(validate_sdr_reply_code("1b").value(), "1B");
  EXPECT_TRUE(validate_sdr_reply_code(std::string(kMaxSdrReplyCodeBytes, 'A')).ok());
  EXPECT_FALSE(validate_sdr_reply_code(std::string(kMaxSdrReplyCodeBytes + 1, 'A')).ok());
  EXPECT_FALSE(validate_sdr_reply_code("").ok());
  EXPECT_FALSE(validate_sdr_reply_code("1-B").ok());
}

}  // namespace
}  // namespace fms
