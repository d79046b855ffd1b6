// The same typed sheet (report/xlsx_workbook.h) rendered for a terminal, as CSV and as JSON, so
// a report is built once and every output form shows the same figures.
//   text: a table, amounts grouped ("1,234.56"), numbers right-aligned;
//   CSV:  RFC 4180, amounts plain ("1234.56"), dates ISO;
//   JSON: an array of objects keyed by the column heading in snake_case ("JPY at budget rate"
//         -> "jpy_at_budget_rate"), amounts as decimal strings, counts as numbers.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "report/xlsx_workbook.h"

namespace fms::report {

std::string sheet_text(const XlsxSheet& sheet);
std::string sheet_csv(const XlsxSheet& sheet);
nlohmann::ordered_json sheet_json(const XlsxSheet& sheet);
std::string json_key(const std::string& heading);

}  // namespace fms::report
