// Tests for CivilDate: strict ISO parsing (form, range, calendar validity), formatting,
// day and month arithmetic including end-of-month clamping and leap years, ordering.
#include "core/civil_date.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fms {
namespace {

CivilDate d(int y, unsigned m, unsigned day) {
  return CivilDate::from_ymd(y, m, day);
}

TEST(CivilDate, DefaultIsEpochPlaceholder) {
  const CivilDate epoch;
  EXPECT_EQ(epoch.year(), 1970);
  EXPECT_EQ(epoch.month(), 1U);
  EXPECT_EQ(epoch.day(), 1U);
  EXPECT_EQ(epoch.to_string(), "1970-01-01");
}

TEST(CivilDate, FromYmdAndAccessors) {
  const CivilDate x = d(2024, 1, 18);
  EXPECT_EQ(x.year(), 2024);
  EXPECT_EQ(x.month(), 1U);
  EXPECT_EQ(x.day(), 18U);
  EXPECT_EQ(x.to_string(), "2024-01-18");
}

TEST(CivilDateDeathTest, FromYmdAbortsOnImpossibleDate) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH((void)CivilDate::from_ymd(2023, 2, 29), "does not exist");
  EXPECT_DEATH((void)CivilDate::from_ymd(2024, 13, 1), "does not exist");
  EXPECT_DEATH((void)CivilDate::from_ymd(2024, 4, 31), "does not exist");
}

TEST(CivilDateParse, AcceptsValidDates) {
  struct Case {
    const char* text;
    int y;
    unsigned m;
    unsigned day;
  };
  for (const Case c : {Case{"2024-01-18", 2024, 1, 18}, Case{"1900-01-01", 1900, 1, 1},
                       Case{"2199-12-31", 2199, 12, 31}, Case{"2024-02-29", 2024, 2, 29},
                       Case{"2000-02-29", 2000, 2, 29}, Case{"2023-02-28", 2023, 2, 28},
                       Case{"2025-09-30", 2025, 9, 30}, Case{"2025-10-01", 2025, 10, 1},
                       Case{"2024-04-30", 2024, 4, 30}, Case{"2024-12-31", 2024, 12, 31}}) {
    const Result<CivilDate> r = CivilDate::parse(c.text);
    ASSERT_TRUE(r.ok()) << c.text << ": " << r.error().message;
    EXPECT_EQ(*r, d(c.y, c.m, c.day)) << c.text;
    EXPECT_EQ(r->to_string(), c.text);
  }
}

TEST(CivilDateParse, RejectsWithReason) {
  struct Case {
    const char* text;
    const char* message_part;
  };
  const std::vector<Case> cases{
      {"", "YYYY-MM-DD"},
      {"2024-1-05", "YYYY-MM-DD"},
      {"2024-01-5", "YYYY-MM-DD"},
      {"24-01-05", "YYYY-MM-DD"},
      {"2024-01-18x", "YYYY-MM-DD"},
      {"2024-01-18 ", "YYYY-MM-DD"},
      {" 2024-01-18", "YYYY-MM-DD"},
      {"2024-01-18T00:00:00", "YYYY-MM-DD"},
      {"2024/01/18", "YYYY-MM-DD"},
      {"20240118", "YYYY-MM-DD"},
      {"2024-0a-18", "YYYY-MM-DD"},
      {"+024-01-18", "YYYY-MM-DD"},
      {"-024-01-18", "YYYY-MM-DD"},
      {"2024--1-18", "YYYY-MM-DD"},
      {"18-01-2024", "YYYY-MM-DD"},
      {"2024-01-1\xD9", "YYYY-MM-DD"},
      {"1899-12-31", "years must be 1900 to 2199"},
      {"2200-01-01", "years must be 1900 to 2199"},
      {"0000-01-01", "years must be 1900 to 2199"},
      {"9999-12-31", "years must be 1900 to 2199"},
      {"2024-00-10", "month 0"},
      {"2024-13-01", "month 13"},
      {"2024-01-00", "does not exist"},
      {"2024-01-32", "does not exist: that month has 31 days"},
      {"2023-02-29", "does not exist: that month has 28 days"},
      {"1900-02-29", "does not exist: that month has 28 days"},  // century, not a leap year
      {"2100-02-29", "does not exist"},
      {"2024-02-30", "does not exist: that month has 29 days"},
      {"2024-04-31", "does not exist: that month has 30 days"},
      {"2024-06-31", "does not exist"},
      {"2024-09-31", "does not exist"},
      {"2024-11-31", "does not exist"},
      {"2024-99-99", "month 99"},
  };
  for (const Case& c : cases) {
    const Result<CivilDate> r = CivilDate::parse(c.text);
    ASSERT_FALSE(r.ok()) << '"' << c.text << "\" parsed as " << r->to_string();
    EXPECT_EQ(r.error().kind, ErrorKind::invalid_input);
    EXPECT_NE(r.error().message.find(c.message_part), std::string::npos)
        << c.text << ": " << r.error().message;
    EXPECT_NE(r.error().message.find(std::string("\"") + c.text + "\""), std::string::npos)
        << "error should quote the text: " << r.error().message;
  }
}

TEST(CivilDateParse, EmbeddedNulIsRejected) {
  const std::string with_nul("2024-01-1\0", 10);
  EXPECT_FALSE(CivilDate::parse(with_nul).ok());
}

TEST(CivilDateParse, EveryDayOfALeapAndACommonYearRoundTrips) {
  for (const int year : {2023, 2024, 1900, 2000, 2199}) {
    CivilDate x = d(year, 1, 1);
    int count = 0;
    while (x.year() == year) {
      const Result<CivilDate> back = CivilDate::parse(x.to_string());
      ASSERT_TRUE(back.ok()) << x.to_string();
      EXPECT_EQ(*back, x);
      x = x.plus_days(1);
      ++count;
    }
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    EXPECT_EQ(count, leap ? 366 : 365) << year;
  }
}

TEST(CivilDate, ToStringPadsFields) {
  EXPECT_EQ(d(1900, 1, 1).to_string(), "1900-01-01");
  EXPECT_EQ(d(2025, 9, 5).to_string(), "2025-09-05");
  EXPECT_EQ(d(2025, 10, 10).to_string(), "2025-10-10");
}

TEST(CivilDate, PlusDays) {
  EXPECT_EQ(d(2024, 1, 18).plus_days(0), d(2024, 1, 18));
  EXPECT_EQ(d(2024, 1, 31).plus_days(1), d(2024, 2, 1));
  EXPECT_EQ(d(2024, 2, 28).plus_days(1), d(2024, 2, 29));
  EXPECT_EQ(d(2024, 2, 29).plus_days(1), d(2024, 3, 1));
  EXPECT_EQ(d(2023, 2, 28).plus_days(1), d(2023, 3, 1));
  EXPECT_EQ(d(2024, 12, 31).plus_days(1), d(2025, 1, 1));
  EXPECT_EQ(d(2025, 1, 1).plus_days(-1), d(2024, 12, 31));
  EXPECT_EQ(d(2024, 3, 1).plus_days(-1), d(2024, 2, 29));
  EXPECT_EQ(d(2024, 1, 1).plus_days(366), d(2025, 1, 1));
  EXPECT_EQ(d(2023, 1, 1).plus_days(365), d(2024, 1, 1));
  // OED: offer date + 85 days (domain reference section 9).
  EXPECT_EQ(d(2025, 1, 15).plus_days(85), d(2025, 4, 10));
  EXPECT_EQ(d(1970, 1, 1).plus_days(-1), d(1969, 12, 31));
  EXPECT_EQ(d(2000, 1, 1).plus_days(146097), d(2400, 1, 1));  // one 400-year cycle
}

TEST(CivilDate, DaysUntil) {
  EXPECT_EQ(d(2024, 1, 1).days_until(d(2024, 1, 1)), 0);
  EXPECT_EQ(d(2024, 1, 1).days_until(d(2024, 1, 2)), 1);
  EXPECT_EQ(d(2024, 1, 2).days_until(d(2024, 1, 1)), -1);
  EXPECT_EQ(d(2024, 1, 1).days_until(d(2025, 1, 1)), 366);
  EXPECT_EQ(d(2023, 1, 1).days_until(d(2024, 1, 1)), 365);
  EXPECT_EQ(d(2024, 2, 28).days_until(d(2024, 3, 1)), 2);
  EXPECT_EQ(d(2023, 2, 28).days_until(d(2023, 3, 1)), 1);
  EXPECT_EQ(d(1900, 1, 1).days_until(d(2199, 12, 31)), 109572);
  EXPECT_EQ(d(2199, 12, 31).days_until(d(1900, 1, 1)), -109572);
  EXPECT_EQ(CivilDate().days_until(d(2000, 1, 1)), 10957);
  // plus_days and days_until are inverses.
  const CivilDate base = d(2024, 2, 29);
  for (const std::int64_t n : std::vector<std::int64_t>{-100000, -366, -1, 0, 1, 59, 365, 70000}) {
    EXPECT_EQ(base.days_until(base.plus_days(n)), n) << n;
  }
}

TEST(CivilDate, PlusMonthsClampsToMonthEnd) {
  EXPECT_EQ(d(2024, 1, 31).plus_months(1), d(2024, 2, 29));
  EXPECT_EQ(d(2023, 1, 31).plus_months(1), d(2023, 2, 28));
  EXPECT_EQ(d(2024, 1, 30).plus_months(1), d(2024, 2, 29));
  EXPECT_EQ(d(2024, 1, 29).plus_months(1), d(2024, 2, 29));
  EXPECT_EQ(d(2024, 1, 28).plus_months(1), d(2024, 2, 28));
  EXPECT_EQ(d(2024, 3, 31).plus_months(1), d(2024, 4, 30));
  EXPECT_EQ(d(2024, 3, 31).plus_months(-1), d(2024, 2, 29));
  EXPECT_EQ(d(2024, 5, 31).plus_months(-3), d(2024, 2, 29));
  EXPECT_EQ(d(2024, 2, 29).plus_months(12), d(2025, 2, 28));
  EXPECT_EQ(d(2024, 2, 29).plus_months(48), d(2028, 2, 29));
  EXPECT_EQ(d(2024, 2, 29).plus_months(-12), d(2023, 2, 28));
  EXPECT_EQ(d(2024, 8, 31).plus_months(1), d(2024, 9, 30));
  // Clamping does not stick: the day is taken from the start date each time.
  EXPECT_EQ(d(2024, 1, 31).plus_months(2), d(2024, 3, 31));
}

TEST(CivilDate, PlusMonthsAcrossYears) {
  EXPECT_EQ(d(2024, 1, 18).plus_months(0), d(2024, 1, 18));
  EXPECT_EQ(d(2024, 12, 15).plus_months(1), d(2025, 1, 15));
  EXPECT_EQ(d(2025, 1, 15).plus_months(-1), d(2024, 12, 15));
  EXPECT_EQ(d(2024, 10, 1).plus_months(12), d(2025, 10, 1));
  EXPECT_EQ(d(2024, 1, 1).plus_months(-13), d(2022, 12, 1));
  EXPECT_EQ(d(2024, 6, 30).plus_months(120), d(2034, 6, 30));
  EXPECT_EQ(d(2024, 6, 30).plus_months(-1200), d(1924, 6, 30));
  // SSC + 12 months closure target (domain reference section 9).
  EXPECT_EQ(d(2025, 3, 31).plus_months(12), d(2026, 3, 31));
}

TEST(CivilDateDeathTest, AbsurdOffsetsAbort) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH((void)d(2024, 1, 1).plus_days(3'652'426), "10000 years");
  EXPECT_DEATH((void)d(2024, 1, 1).plus_days(-3'652'426), "10000 years");
  EXPECT_DEATH((void)d(2024, 1, 1).plus_months(120'001), "10000 years");
  EXPECT_DEATH((void)d(2024, 1, 1).plus_months(-120'001), "10000 years");
}

TEST(CivilDate, LargestAllowedOffsetsWork) {
  EXPECT_EQ(d(2000, 1, 1).plus_days(3'652'425), d(12000, 1, 1));
  EXPECT_EQ(d(2000, 1, 1).plus_days(-3'652'425), d(-8000, 1, 1));
  EXPECT_EQ(d(2000, 1, 31).plus_months(120'000), d(12000, 1, 31));
  EXPECT_EQ(d(2000, 1, 31).plus_months(-120'000), d(-8000, 1, 31));
}

TEST(CivilDate, Ordering) {
  EXPECT_LT(d(2024, 1, 18), d(2024, 1, 19));
  EXPECT_LT(d(2023, 12, 31), d(2024, 1, 1));
  EXPECT_LT(d(2024, 1, 31), d(2024, 2, 1));
  EXPECT_GT(d(2199, 12, 31), d(1900, 1, 1));
  EXPECT_EQ(d(2024, 2, 29), *CivilDate::parse("2024-02-29"));
  EXPECT_NE(d(2024, 2, 29), d(2024, 3, 1));
  EXPECT_LE(d(2024, 1, 1), d(2024, 1, 1));
  EXPECT_GE(d(2024, 1, 1), d(2024, 1, 1));
}

}  // namespace
}  // namespace fms
