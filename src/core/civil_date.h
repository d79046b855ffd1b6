// CivilDate: a calendar date with no time zone (an LOA's offer date, a due date, a ship date).
// ISO 8601 "YYYY-MM-DD" only; years 1900-2199 are accepted, which covers every FMS record.
#pragma once

#include <date/date.h>

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace fms {

class CivilDate {
 public:
  CivilDate() = default;  // 1970-01-01; a placeholder until a real date is assigned
  static Result<CivilDate> parse(std::string_view iso);               // strict "YYYY-MM-DD"
  static CivilDate from_ymd(int year, unsigned month, unsigned day);  // asserts validity
  // Days since 1970-01-01: the compact form columnar records store (serial 0 = 1970-01-01).
  static CivilDate from_serial(std::int32_t days_since_1970);
  [[nodiscard]] std::int32_t serial() const {
    return static_cast<std::int32_t>(date::sys_days(ymd_).time_since_epoch().count());
  }

  [[nodiscard]] int year() const { return static_cast<int>(ymd_.year()); }
  [[nodiscard]] unsigned month() const { return static_cast<unsigned>(ymd_.month()); }
  [[nodiscard]] unsigned day() const { return static_cast<unsigned>(ymd_.day()); }

  [[nodiscard]] std::string to_string() const;  // "2024-01-18"
  [[nodiscard]] CivilDate plus_days(std::int64_t days) const;
  // Adds calendar months; the day is clamped to the end of a shorter month (31 Jan + 1 = 28/29
  // Feb).
  [[nodiscard]] CivilDate plus_months(int months) const;
  // Days from *this to other (positive when other is later).
  [[nodiscard]] std::int64_t days_until(const CivilDate& other) const;

  friend bool operator==(const CivilDate&, const CivilDate&) = default;
  friend std::strong_ordering operator<=>(const CivilDate& a, const CivilDate& b) {
    return date::sys_days(a.ymd_) <=> date::sys_days(b.ymd_);
  }

 private:
  explicit CivilDate(date::year_month_day ymd) : ymd_(ymd) {}
  date::year_month_day ymd_{date::sys_days{}};
};

}  // namespace fms
