// CivilDate: strict ISO 8601 calendar dates (no time zone) on top of Howard Hinnant's date
// library, which does the calendar arithmetic (leap years, month lengths, day counts).
//
// Parsing is deliberately strict: exactly "YYYY-MM-DD", ten characters, no padding, no trailing
// text, years 1900-2199. Anything else is an error naming the text and the expected form.
// Date arithmetic takes offsets a program computes; offsets beyond ten thousand years are a bug
// in the caller, and abort loudly rather than wrap around in the calendar library's int fields.
#include "core/civil_date.h"

#include <cstdio>
#include <cstdlib>

namespace fms {

namespace {

constexpr int kYearMin = 1900;
constexpr int kYearMax = 2199;
// Ten thousand Gregorian years (25 cycles of 146,097 days) and the same span in months.
constexpr std::int64_t kDayOffsetMax = 3'652'425;
constexpr int kMonthOffsetMax = 120'000;

[[noreturn]] void die(const char* what) {
  std::fprintf(stderr, "fmsledger: CivilDate: %s\n", what);
  std::abort();
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

unsigned digits_value(std::string_view text) {
  unsigned v = 0;
  for (const char c : text) v = v * 10U + static_cast<unsigned>(c - '0');
  return v;
}

Error malformed(std::string_view iso, const std::string& why) {
  return Error::invalid("date \"" + std::string(iso) + "\" " + why);
}

}  // namespace

Result<CivilDate> CivilDate::parse(std::string_view iso) {
  const std::string form = "is not in YYYY-MM-DD form (e.g. 2024-01-18)";
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return malformed(iso, form);
  for (std::size_t i = 0; i < iso.size(); ++i) {
    if (i != 4 && i != 7 && !is_digit(iso[i])) return malformed(iso, form);
  }
  const auto year = static_cast<int>(digits_value(iso.substr(0, 4)));
  const unsigned month = digits_value(iso.substr(5, 2));
  const unsigned day = digits_value(iso.substr(8, 2));
  if (year < kYearMin || year > kYearMax) {
    return malformed(iso, "has year " + std::to_string(year) + "; years must be " +
                              std::to_string(kYearMin) + " to " + std::to_string(kYearMax));
  }
  if (month < 1 || month > 12) {
    return malformed(iso, "has month " + std::to_string(month) + "; months are 01 to 12");
  }
  const date::year_month_day ymd{date::year{year}, date::month{month}, date::day{day}};
  if (!ymd.ok()) {
    const date::year_month_day_last last{date::year{year},
                                         date::month_day_last{date::month{month}}};
    return malformed(iso, "does not exist: that month has " +
                              std::to_string(static_cast<unsigned>(last.day())) + " days");
  }
  return CivilDate(ymd);
}

CivilDate CivilDate::from_ymd(int year, unsigned month, unsigned day) {
  const date::year_month_day ymd{date::year{year}, date::month{month}, date::day{day}};
  if (!ymd.ok()) die("from_ymd given a date that does not exist");
  return CivilDate(ymd);
}

std::string CivilDate::to_string() const {
  char buf[24];
  const int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
  if (n < 0 || static_cast<std::size_t>(n) >= sizeof buf) die("to_string failed");
  return {buf, static_cast<std::size_t>(n)};
}

CivilDate CivilDate::plus_days(std::int64_t days) const {
  if (days > kDayOffsetMax || days < -kDayOffsetMax) die("plus_days offset beyond 10000 years");
  return CivilDate(date::year_month_day{date::sys_days(ymd_) + date::days{static_cast<int>(days)}});
}

CivilDate CivilDate::plus_months(int months) const {
  if (months > kMonthOffsetMax || months < -kMonthOffsetMax) {
    die("plus_months offset beyond 10000 years");
  }
  const date::year_month ym = date::year_month{ymd_.year(), ymd_.month()} + date::months{months};
  const date::year_month_day_last last{ym.year(), date::month_day_last{ym.month()}};
  const date::day d = ymd_.day() <= last.day() ? ymd_.day() : last.day();
  return CivilDate(date::year_month_day{ym.year(), ym.month(), d});
}

CivilDate CivilDate::from_serial(std::int32_t days_since_1970) {
  return CivilDate(date::year_month_day{date::sys_days{date::days{days_since_1970}}});
}

std::int64_t CivilDate::days_until(const CivilDate& other) const {
  return static_cast<std::int64_t>((date::sys_days(other.ymd_) - date::sys_days(ymd_)).count());
}

}  // namespace fms
