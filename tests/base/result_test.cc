// An error names the field it concerns once, neutrally; each front end spells it its own way.
#include "base/result.h"

#include <gtest/gtest.h>

namespace fms {
namespace {

TEST(FieldSpelling, TheCliWritesOptionsTheApiJsonPointers) {
  EXPECT_EQ(spell_field("late_reason", Spelling::option), "--late-reason");
  EXPECT_EQ(spell_field("late_reason", Spelling::pointer), "/late_reason");
  EXPECT_EQ(spell_field("late_reason", Spelling::neutral), "late_reason");
}

TEST(FieldSpelling, EveryMentionInAMessageIsSpelledAndNothingElse) {
  const Error error = Error::invalid("SDR A0001-JA-TWK/001: give " + mention("late_reason") +
                                     " TEXT, not " + mention("note") +
                                     "; {late_reason} and @{ } "
                                     "and @{Upper} stay as written, as does a trailing @{x")
                          .concerning("late_reason");
  EXPECT_EQ(error.text(Spelling::option),
            "SDR A0001-JA-TWK/001: give --late-reason TEXT, not --note; {late_reason} and @{ } "
            "and @{Upper} stay as written, as does a trailing @{x");
  EXPECT_EQ(error.text(Spelling::pointer),
            "SDR A0001-JA-TWK/001: give /late_reason TEXT, not /note; {late_reason} and @{ } and "
            "@{Upper} stay as written, as does a trailing @{x");
  EXPECT_EQ(error.field, "late_reason");
  EXPECT_EQ(error.kind, ErrorKind::invalid_input);
}

TEST(FieldSpelling, AnErrorLocatedAtAFieldKeepsItThroughLaterLocations) {
  const Error error = Error::invalid("\"x\" is not a date").at_field("as_of").at("report status");
  EXPECT_EQ(error.text(Spelling::option), "report status: --as-of: \"x\" is not a date");
  EXPECT_EQ(error.text(Spelling::pointer), "report status: /as_of: \"x\" is not a date");
  EXPECT_EQ(error.field, "as_of");
  const Error plain = Error::not_found("case JA-P-ZZZ not found");
  EXPECT_EQ(plain.text(Spelling::option), plain.message);
  EXPECT_TRUE(plain.field.empty());
}

}  // namespace
}  // namespace fms
