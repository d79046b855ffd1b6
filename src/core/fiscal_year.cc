// Fiscal years and quarters of the US federal calendar (1 Oct - 30 Sep, named by the year it
// ends in) and the Japanese calendar (1 Apr - 31 Mar, named by the year it begins in).
//
// Both calendars are handled the same way: a fiscal year starts on the first day of a fixed
// month; the year number is the calendar year of that start, plus one for the US calendar
// (which is named by its end). Quarters are consecutive three-month blocks from that start.
#include "core/fiscal_year.h"

#include <cstdio>
#include <cstdlib>

namespace fms {

namespace {

[[noreturn]] void die(const char* what) {
  std::fprintf(stderr, "fmsledger: fiscal_year: %s\n", what);
  std::abort();
}

// The calendar month a fiscal year starts in.
unsigned start_month(FiscalCalendar calendar) {
  switch (calendar) {
    case FiscalCalendar::us:
      return 10;
    case FiscalCalendar::japan:
      return 4;
  }
  die("unknown FiscalCalendar value");
}

// How many calendar years the name is ahead of the calendar year the fiscal year starts in.
int name_offset(FiscalCalendar calendar) {
  return calendar == FiscalCalendar::us ? 1 : 0;
}

const char* prefix(FiscalCalendar calendar) {
  switch (calendar) {
    case FiscalCalendar::us:
      return "USFY";
    case FiscalCalendar::japan:
      return "JFY";
  }
  die("unknown FiscalCalendar value");
}

// Months since the start of the fiscal year the date falls in: 0..11.
unsigned months_into_year(FiscalCalendar calendar, const CivilDate& date) {
  return (date.month() + 12U - start_month(calendar)) % 12U;
}

}  // namespace

FiscalYear FiscalYear::containing(FiscalCalendar calendar, const CivilDate& date) {
  const int start_year = date.month() >= start_month(calendar) ? date.year() : date.year() - 1;
  return {calendar, start_year + name_offset(calendar)};
}

CivilDate FiscalYear::first_day() const {
  return CivilDate::from_ymd(year - name_offset(calendar), start_month(calendar), 1);
}

CivilDate FiscalYear::last_day() const {
  return first_day().plus_months(12).plus_days(-1);
}

std::string FiscalYear::label() const {
  return prefix(calendar) + std::to_string(year);
}

FiscalQuarter FiscalQuarter::containing(FiscalCalendar calendar, const CivilDate& date) {
  const auto quarter = static_cast<int>(months_into_year(calendar, date) / 3U) + 1;
  return {FiscalYear::containing(calendar, date), quarter};
}

CivilDate FiscalQuarter::first_day() const {
  if (quarter < 1 || quarter > 4) die("quarter outside 1..4");
  return fiscal_year.first_day().plus_months(3 * (quarter - 1));
}

CivilDate FiscalQuarter::last_day() const {
  return first_day().plus_months(3).plus_days(-1);
}

std::string FiscalQuarter::label() const {
  if (quarter < 1 || quarter > 4) die("quarter outside 1..4");
  return fiscal_year.label() + " Q" + std::to_string(quarter);
}

}  // namespace fms
