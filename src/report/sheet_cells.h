// Typed cells for a report's sheet (report/xlsx_workbook.h), so its CSV, text and .xlsx forms
// come from one list of rows: amounts stay amounts, counts counts, dates dates.
#pragma once

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>

#include "core/civil_date.h"
#include "core/money.h"
#include "report/xlsx_workbook.h"

namespace fms::report {

inline XlsxCell usd_cell(std::int64_t cents) {
  return Money(cents, Currency::usd());
}
inline XlsxCell usd_cell(const std::optional<std::int64_t>& cents) {
  return cents ? usd_cell(*cents) : XlsxCell(XlsxEmpty{});
}
inline XlsxCell date_cell(const std::optional<CivilDate>& date) {
  return date ? XlsxCell(*date) : XlsxCell(XlsxEmpty{});
}
template <std::integral Count>
XlsxCell count_cell(Count count) {
  return static_cast<std::int64_t>(count);
}
// Yes/no columns read "true" or "false", as in JSON.
inline XlsxCell flag_cell(bool flag) {
  return std::string(flag ? "true" : "false");
}
// Text, or an empty cell for "".
inline XlsxCell text_cell(std::string text) {
  return text.empty() ? XlsxCell(XlsxEmpty{}) : XlsxCell(std::move(text));
}

}  // namespace fms::report
