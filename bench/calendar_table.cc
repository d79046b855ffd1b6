// Date texts for the benchmark generator: ISO dates, Julian dates and quarter ends, computed
// once per day of the portfolio's range through fms::CivilDate.
#include "calendar_table.h"

#include <cstdlib>
#include <string>

namespace fms::bench {

CivilDate quarter_end_on_or_after(const CivilDate& date) {
  const unsigned quarter_last_month = ((date.month() + 2) / 3) * 3;
  // The last day of the quarter's last month: the day before the first of the next month.
  const CivilDate first_of_month = CivilDate::from_ymd(date.year(), quarter_last_month, 1);
  return first_of_month.plus_months(1).plus_days(-1);
}

std::array<char, 4> julian_date(const CivilDate& date) {
  const CivilDate new_year = CivilDate::from_ymd(date.year(), 1, 1);
  const auto day_of_year = static_cast<int>(new_year.days_until(date)) + 1;
  return {static_cast<char>('0' + date.year() % 10), static_cast<char>('0' + day_of_year / 100),
          static_cast<char>('0' + day_of_year / 10 % 10),
          static_cast<char>('0' + day_of_year % 10)};
}

CalendarTable::CalendarTable(const CivilDate& first, const CivilDate& last)
    : first_serial_(first.serial()), count_(static_cast<std::size_t>(first.days_until(last) + 1)) {
  if (last < first) std::abort();  // a programming error: the caller orders its range
  iso_.reserve(count_ * kIsoBytes);
  julian_.reserve(count_ * kJulianBytes);
  quarter_end_.reserve(count_);
  for (std::size_t i = 0; i < count_; ++i) {
    const CivilDate day = first.plus_days(static_cast<std::int64_t>(i));
    const std::string text = day.to_string();
    iso_.insert(iso_.end(), text.begin(), text.end());
    const std::array<char, 4> julian = julian_date(day);
    julian_.insert(julian_.end(), julian.begin(), julian.end());
    quarter_end_.push_back(quarter_end_on_or_after(day).serial());
  }
}

}  // namespace fms::bench
