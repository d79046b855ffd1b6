// Excel workbooks (.xlsx) for reports: one sheet per report, a bold frozen header row with an
// autofilter, then one row per record. Cells keep their type, so a spreadsheet can sum and sort
// them: amounts and counts are numbers (an amount in its currency's major unit, e.g. USD 1234.56
// or JPY 254000), dates are Excel dates, and only text is text. The model is plain values; the
// writer sits on libxlsxwriter and never leaves a partial file behind.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "base/result.h"
#include "core/civil_date.h"
#include "core/exchange_rate.h"
#include "core/money.h"

namespace fms::report {

// Excel's own limits, checked before anything is written.
// Excel counts a sheet name's characters; counting bytes is stricter only for non-ASCII names.
inline constexpr std::size_t kXlsxSheetNameBytesMax = 31;
inline constexpr std::size_t kXlsxDataRowsMax = 1'048'575;  // 1,048,576 rows less the header
inline constexpr std::size_t kXlsxColumnsMax = 16'384;      // A..XFD
inline constexpr std::size_t kXlsxTextBytesMax = 32'767;    // one cell's text
// Integers and amounts in minor units up to 2^53 are exact in the IEEE double Excel stores.
inline constexpr std::int64_t kXlsxExactIntegerMax = std::int64_t{1} << 53;

struct XlsxEmpty {
  friend bool operator==(const XlsxEmpty&, const XlsxEmpty&) = default;
};

// One cell: text, a whole number (shown "#,##0"), an amount (shown with its currency's minor
// digits, "#,##0.00" or "#,##0"), a date (shown "yyyy-mm-dd"), or nothing.
// An exchange rate is a number too, shown with its decimals ("0.00########").
using XlsxCell = std::variant<XlsxEmpty, std::string, std::int64_t, Money, CivilDate, ExchangeRate>;
// A rate is written as a double: up to 15 significant digits it reads back as written.
inline constexpr std::int64_t kXlsxExactRateScaledMax = 999'999'999'999'999;  // 15 digits

// A sheet: its tab name (unique in the workbook, case-insensitively as Excel compares them), the
// column headings, and the data rows. A row may be shorter than the header (the rest is empty),
// never longer.
struct XlsxSheet {
  std::string name;
  std::vector<std::string> header;
  std::vector<std::vector<XlsxCell>> rows;
};

// Checks a sheet name against Excel's rules: 1 to 31 bytes, none of []:*?/\, no apostrophe at
// either end, not "History" (Excel reserves it).
Status validate_xlsx_sheet_name(const std::string& name);

// Writes `sheets` as a workbook at `path`, replacing any file there. Everything is checked first
// (names, limits, row widths, integers too large to be exact); the workbook is then written to a
// temporary file beside `path` and renamed over it, so on any error no file is created or changed.
Status write_xlsx(const std::string& path, const std::vector<XlsxSheet>& sheets);

}  // namespace fms::report
