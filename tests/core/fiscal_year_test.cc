// Tests for US and Japanese fiscal years and quarters: every boundary day (30 Sep / 1 Oct,
// 31 Dec / 1 Jan, 31 Mar / 1 Apr, 30 Jun / 1 Jul, leap day), first/last days, labels, and
// a day-by-day sweep checking that quarters tile the years with no gaps or overlaps.
#include "core/fiscal_year.h"

#include <gtest/gtest.h>

#include <string>

namespace fms {
namespace {

constexpr FiscalCalendar kUs = FiscalCalendar::us;
constexpr FiscalCalendar kJp = FiscalCalendar::japan;

CivilDate d(int y, unsigned m, unsigned day) {
  return CivilDate::from_ymd(y, m, day);
}

std::string fq(FiscalCalendar cal, int y, unsigned m, unsigned day) {
  return FiscalQuarter::containing(cal, d(y, m, day)).label();
}

TEST(FiscalYear, UsNamedByEndYear) {
  EXPECT_EQ(FiscalYear::containing(kUs, d(2024, 10, 1)), (FiscalYear{kUs, 2025}));
  EXPECT_EQ(FiscalYear::containing(kUs, d(2025, 9, 30)), (FiscalYear{kUs, 2025}));
  EXPECT_EQ(FiscalYear::containing(kUs, d(2025, 10, 1)), (FiscalYear{kUs, 2026}));
  EXPECT_EQ(FiscalYear::containing(kUs, d(2024, 9, 30)), (FiscalYear{kUs, 2024}));
  EXPECT_EQ(FiscalYear::containing(kUs, d(2024, 12, 31)), (FiscalYear{kUs, 2025}));
  EXPECT_EQ(FiscalYear::containing(kUs, d(2025, 1, 1)), (FiscalYear{kUs, 2025}));
  EXPECT_EQ(FiscalYear::containing(kUs, d(2025, 3, 31)), (FiscalYear{kUs, 2025}));
  EXPECT_EQ(FiscalYear::containing(kUs, d(2025, 4, 1)), (FiscalYear{kUs, 2025}));
  EXPECT_EQ(FiscalYear::containing(kUs, d(2024, 2, 29)), (FiscalYear{kUs, 2024}));
}

TEST(FiscalYear, JapanNamedByStartYear) {
  EXPECT_EQ(FiscalYear::containing(kJp, d(2025, 4, 1)), (FiscalYear{kJp, 2025}));
  EXPECT_EQ(FiscalYear::containing(kJp, d(2026, 3, 31)), (FiscalYear{kJp, 2025}));
  EXPECT_EQ(FiscalYear::containing(kJp, d(2025, 3, 31)), (FiscalYear{kJp, 2024}));
  EXPECT_EQ(FiscalYear::containing(kJp, d(2026, 4, 1)), (FiscalYear{kJp, 2026}));
  EXPECT_EQ(FiscalYear::containing(kJp, d(2025, 12, 31)), (FiscalYear{kJp, 2025}));
  EXPECT_EQ(FiscalYear::containing(kJp, d(2026, 1, 1)), (FiscalYear{kJp, 2025}));
  EXPECT_EQ(FiscalYear::containing(kJp, d(2025, 9, 30)), (FiscalYear{kJp, 2025}));
  EXPECT_EQ(FiscalYear::containing(kJp, d(2025, 10, 1)), (FiscalYear{kJp, 2025}));
  EXPECT_EQ(FiscalYear::containing(kJp, d(2024, 2, 29)), (FiscalYear{kJp, 2023}));
}

TEST(FiscalYear, FirstAndLastDays) {
  const FiscalYear us2025{kUs, 2025};
  EXPECT_EQ(us2025.first_day(), d(2024, 10, 1));
  EXPECT_EQ(us2025.last_day(), d(2025, 9, 30));
  const FiscalYear us2026{kUs, 2026};
  EXPECT_EQ(us2026.first_day(), d(2025, 10, 1));
  EXPECT_EQ(us2026.last_day(), d(2026, 9, 30));

  const FiscalYear jp2025{kJp, 2025};
  EXPECT_EQ(jp2025.first_day(), d(2025, 4, 1));
  EXPECT_EQ(jp2025.last_day(), d(2026, 3, 31));
  const FiscalYear jp2023{kJp, 2023};  // contains 29 Feb 2024
  EXPECT_EQ(jp2023.first_day(), d(2023, 4, 1));
  EXPECT_EQ(jp2023.last_day(), d(2024, 3, 31));
  EXPECT_EQ(jp2023.first_day().days_until(jp2023.last_day()), 365);  // 366 days long
  EXPECT_EQ(jp2025.first_day().days_until(jp2025.last_day()), 364);  // 365 days long
}

TEST(FiscalYear, Labels) {
  EXPECT_EQ((FiscalYear{kUs, 2025}).label(), "USFY2025");
  EXPECT_EQ((FiscalYear{kJp, 2025}).label(), "JFY2025");
  EXPECT_EQ((FiscalYear{kUs, 1900}).label(), "USFY1900");
}

TEST(FiscalYear, SameCalendarYearsOrder) {
  EXPECT_LT((FiscalYear{kUs, 2024}), (FiscalYear{kUs, 2025}));
  EXPECT_NE((FiscalYear{kUs, 2025}), (FiscalYear{kJp, 2025}));
  EXPECT_LT((FiscalQuarter{{kUs, 2025}, 4}), (FiscalQuarter{{kUs, 2026}, 1}));
  EXPECT_LT((FiscalQuarter{{kJp, 2025}, 1}), (FiscalQuarter{{kJp, 2025}, 2}));
}

TEST(FiscalQuarter, UsBoundaryDays) {
  EXPECT_EQ(fq(kUs, 2024, 9, 30), "USFY2024 Q4");
  EXPECT_EQ(fq(kUs, 2024, 10, 1), "USFY2025 Q1");
  EXPECT_EQ(fq(kUs, 2024, 12, 31), "USFY2025 Q1");
  EXPECT_EQ(fq(kUs, 2025, 1, 1), "USFY2025 Q2");
  EXPECT_EQ(fq(kUs, 2025, 3, 31), "USFY2025 Q2");
  EXPECT_EQ(fq(kUs, 2025, 4, 1), "USFY2025 Q3");
  EXPECT_EQ(fq(kUs, 2025, 6, 30), "USFY2025 Q3");
  EXPECT_EQ(fq(kUs, 2025, 7, 1), "USFY2025 Q4");
  EXPECT_EQ(fq(kUs, 2025, 9, 30), "USFY2025 Q4");
  EXPECT_EQ(fq(kUs, 2025, 10, 1), "USFY2026 Q1");
  EXPECT_EQ(fq(kUs, 2024, 2, 29), "USFY2024 Q2");
  EXPECT_EQ(fq(kUs, 2024, 2, 28), "USFY2024 Q2");
  EXPECT_EQ(fq(kUs, 2024, 3, 1), "USFY2024 Q2");
}

TEST(FiscalQuarter, JapanBoundaryDays) {
  EXPECT_EQ(fq(kJp, 2025, 3, 31), "JFY2024 Q4");
  EXPECT_EQ(fq(kJp, 2025, 4, 1), "JFY2025 Q1");
  EXPECT_EQ(fq(kJp, 2025, 6, 30), "JFY2025 Q1");
  EXPECT_EQ(fq(kJp, 2025, 7, 1), "JFY2025 Q2");
  EXPECT_EQ(fq(kJp, 2025, 9, 30), "JFY2025 Q2");
  EXPECT_EQ(fq(kJp, 2025, 10, 1), "JFY2025 Q3");
  EXPECT_EQ(fq(kJp, 2025, 12, 31), "JFY2025 Q3");
  EXPECT_EQ(fq(kJp, 2026, 1, 1), "JFY2025 Q4");
  EXPECT_EQ(fq(kJp, 2026, 3, 31), "JFY2025 Q4");
  EXPECT_EQ(fq(kJp, 2026, 4, 1), "JFY2026 Q1");
  EXPECT_EQ(fq(kJp, 2024, 2, 29), "JFY2023 Q4");
  EXPECT_EQ(fq(kJp, 2024, 2, 28), "JFY2023 Q4");
  EXPECT_EQ(fq(kJp, 2024, 3, 1), "JFY2023 Q4");
}

TEST(FiscalQuarter, DomainReferenceEdgeCases) {
  // A 15 March payment: US FY Q2, and Japan Q4 of the previous JFY.
  EXPECT_EQ(fq(kUs, 2026, 3, 15), "USFY2026 Q2");
  EXPECT_EQ(fq(kJp, 2026, 3, 15), "JFY2025 Q4");
  // 15 December falls in Q1 of the next US FY relative to a September statement.
  EXPECT_EQ(fq(kUs, 2025, 9, 30), "USFY2025 Q4");
  EXPECT_EQ(fq(kUs, 2025, 12, 15), "USFY2026 Q1");
  // DD 645 quarter ends are US FY quarter ends.
  for (const auto& [m, day] :
       {std::pair{12U, 31U}, std::pair{3U, 31U}, std::pair{6U, 30U}, std::pair{9U, 30U}}) {
    const CivilDate end = d(2025, m, day);
    EXPECT_EQ(FiscalQuarter::containing(kUs, end).last_day(), end) << end.to_string();
  }
}

TEST(FiscalQuarter, FirstAndLastDays) {
  const FiscalYear us{kUs, 2025};
  EXPECT_EQ((FiscalQuarter{us, 1}).first_day(), d(2024, 10, 1));
  EXPECT_EQ((FiscalQuarter{us, 1}).last_day(), d(2024, 12, 31));
  EXPECT_EQ((FiscalQuarter{us, 2}).first_day(), d(2025, 1, 1));
  EXPECT_EQ((FiscalQuarter{us, 2}).last_day(), d(2025, 3, 31));
  EXPECT_EQ((FiscalQuarter{us, 3}).first_day(), d(2025, 4, 1));
  EXPECT_EQ((FiscalQuarter{us, 3}).last_day(), d(2025, 6, 30));
  EXPECT_EQ((FiscalQuarter{us, 4}).first_day(), d(2025, 7, 1));
  EXPECT_EQ((FiscalQuarter{us, 4}).last_day(), d(2025, 9, 30));

  const FiscalYear jp{kJp, 2023};
  EXPECT_EQ((FiscalQuarter{jp, 1}).first_day(), d(2023, 4, 1));
  EXPECT_EQ((FiscalQuarter{jp, 1}).last_day(), d(2023, 6, 30));
  EXPECT_EQ((FiscalQuarter{jp, 2}).first_day(), d(2023, 7, 1));
  EXPECT_EQ((FiscalQuarter{jp, 2}).last_day(), d(2023, 9, 30));
  EXPECT_EQ((FiscalQuarter{jp, 3}).first_day(), d(2023, 10, 1));
  EXPECT_EQ((FiscalQuarter{jp, 3}).last_day(), d(2023, 12, 31));
  EXPECT_EQ((FiscalQuarter{jp, 4}).first_day(), d(2024, 1, 1));
  EXPECT_EQ((FiscalQuarter{jp, 4}).last_day(), d(2024, 3, 31));  // leap year: past 29 Feb
}

TEST(FiscalQuarter, Labels) {
  EXPECT_EQ((FiscalQuarter{{kUs, 2025}, 1}).label(), "USFY2025 Q1");
  EXPECT_EQ((FiscalQuarter{{kJp, 2025}, 4}).label(), "JFY2025 Q4");
}

TEST(FiscalQuarterDeathTest, QuarterOutOfRangeAborts) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH((void)(FiscalQuarter{{kUs, 2025}, 0}).first_day(), "quarter outside 1..4");
  EXPECT_DEATH((void)(FiscalQuarter{{kUs, 2025}, 5}).label(), "quarter outside 1..4");
}

// Walks every day from 1 Jan 2019 to 31 Dec 2030 and checks, for both calendars, that the day
// lies within its year and quarter, that the quarter belongs to that year, and that year and
// quarter change exactly on their first days.
TEST(FiscalQuarter, DayByDaySweepTilesTheCalendar) {
  for (const FiscalCalendar cal : {kUs, kJp}) {
    CivilDate day = d(2019, 1, 1);
    FiscalQuarter previous = FiscalQuarter::containing(cal, day.plus_days(-1));
    while (day <= d(2030, 12, 31)) {
      const FiscalYear fy = FiscalYear::containing(cal, day);
      const FiscalQuarter q = FiscalQuarter::containing(cal, day);
      ASSERT_EQ(q.fiscal_year, fy) << day.to_string();
      ASSERT_GE(q.quarter, 1);
      ASSERT_LE(q.quarter, 4);
      ASSERT_LE(fy.first_day(), day);
      ASSERT_GE(fy.last_day(), day);
      ASSERT_LE(q.first_day(), day);
      ASSERT_GE(q.last_day(), day);
      if (q != previous) {
        ASSERT_EQ(q.first_day(), day) << day.to_string();
        ASSERT_EQ(previous.last_day(), day.plus_days(-1)) << day.to_string();
        const bool next_quarter_same_year =
            q.fiscal_year == previous.fiscal_year && q.quarter == previous.quarter + 1;
        const bool first_quarter_next_year = q.fiscal_year.year == previous.fiscal_year.year + 1 &&
                                             q.quarter == 1 && previous.quarter == 4;
        ASSERT_TRUE(next_quarter_same_year || first_quarter_next_year) << day.to_string();
      }
      if (fy.first_day() == day) {
        ASSERT_EQ(q.quarter, 1);
      }
      previous = q;
      day = day.plus_days(1);
    }
  }
}

}  // namespace
}  // namespace fms
