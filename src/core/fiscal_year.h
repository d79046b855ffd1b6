// Fiscal years and quarters of the two calendars an FMS purchaser lives in.
//  - US federal FY: 1 Oct - 30 Sep, named by the calendar year it ENDS in.
//    USFY2025 = 2024-10-01 .. 2025-09-30; Q1 Oct-Dec, Q2 Jan-Mar, Q3 Apr-Jun, Q4 Jul-Sep.
//  - Japanese FY: 1 Apr - 31 Mar, named by the calendar year it BEGINS in.
//    JFY2025 = 2025-04-01 .. 2026-03-31; Q1 Apr-Jun, Q2 Jul-Sep, Q3 Oct-Dec, Q4 Jan-Mar.
// The same date falls in differently numbered years, so every label names its calendar.
#pragma once

#include <compare>
#include <string>

#include "core/civil_date.h"

namespace fms {

enum class FiscalCalendar { us, japan };

struct FiscalYear {
  FiscalCalendar calendar;
  int year;

  static FiscalYear containing(FiscalCalendar calendar, const CivilDate& date);
  [[nodiscard]] CivilDate first_day() const;
  [[nodiscard]] CivilDate last_day() const;
  [[nodiscard]] std::string label() const;  // "USFY2025", "JFY2025"

  friend bool operator==(const FiscalYear&, const FiscalYear&) = default;
  // clang-tidy mistakes the literal 0 of the synthesized comparison for a null pointer.
  // NOLINTNEXTLINE(modernize-use-nullptr)
  friend std::strong_ordering operator<=>(const FiscalYear&, const FiscalYear&) = default;
};

struct FiscalQuarter {
  FiscalYear fiscal_year;
  int quarter;  // 1..4

  static FiscalQuarter containing(FiscalCalendar calendar, const CivilDate& date);
  [[nodiscard]] CivilDate first_day() const;
  [[nodiscard]] CivilDate last_day() const;
  [[nodiscard]] std::string label() const;  // "USFY2025 Q1", "JFY2025 Q4"

  friend bool operator==(const FiscalQuarter&, const FiscalQuarter&) = default;
  // clang-tidy mistakes the literal 0 of the synthesized comparison for a null pointer.
  // NOLINTNEXTLINE(modernize-use-nullptr)
  friend std::strong_ordering operator<=>(const FiscalQuarter&, const FiscalQuarter&) = default;
};

}  // namespace fms
