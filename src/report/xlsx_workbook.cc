// Workbook writing on libxlsxwriter. The whole model is checked before the library is called, so
// the library's own errors can only come from the environment (disk, memory). libxlsxwriter
// writes to the path it is given as it closes the workbook; we give it a fresh temporary file in
// the target's directory and rename that over the target only once the workbook is complete.
//
// Numbers: Excel stores every number as an IEEE double. An amount goes in as
// minor_units / 10^digits, both operands exact (|minor_units| <= 2^53 is checked), so the
// quotient is the double nearest the decimal amount, which is exactly the double Excel itself
// makes when "1234.56" is typed; shown with the currency's minor digits it reads back to the
// minor unit. Beyond 2^53 minor units neighbouring amounts share a double, so those are refused.
#include "report/xlsx_workbook.h"

#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string_view>

namespace fms::report {
namespace {

// Column widths in Excel's units (about one digit of the default font each).
constexpr double kColumnWidthMin = 8;
constexpr double kColumnWidthMax = 80;
constexpr std::size_t kColumnPadding = 2;
constexpr std::size_t kFilterButtonWidth = 3;  // the autofilter arrow sits over the heading
constexpr int kTemporaryNameAttempts = 8;

std::string in_quotes(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

// Characters of "-1,234,567": digits, group separators and sign.
std::size_t grouped_width(std::int64_t value) {
  const std::string text = std::to_string(value);
  const std::size_t digits = text.size() - (value < 0 ? 1 : 0);
  return text.size() + (digits - 1) / 3;
}

std::size_t cell_width(const XlsxCell& cell) {
  struct Visitor {
    std::size_t operator()(const XlsxEmpty&) const { return 0; }
    std::size_t operator()(const std::string& text) const { return code_points(text); }
    std::size_t operator()(std::int64_t value) const { return grouped_width(value); }
    std::size_t operator()(const Money& money) const { return money.format().size(); }
    std::size_t operator()(const CivilDate&) const { return 10; }  // yyyy-mm-dd
    std::size_t operator()(const ExchangeRate& rate) const { return rate.to_string().size(); }
  };
  return std::visit(Visitor{}, cell);
}

bool exact_in_double(std::int64_t value) {
  return value >= -kXlsxExactIntegerMax && value <= kXlsxExactIntegerMax;
}

std::string cell_name(std::size_t row_index, std::size_t column_index) {
  std::string letters;
  for (std::size_t n = column_index + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters + std::to_string(row_index + 2);  // data rows start below the header, row 2
}

Status validate_cell(const XlsxCell& cell) {
  if (const auto* text = std::get_if<std::string>(&cell);
      text && text->size() > kXlsxTextBytesMax) {
    return Error::invalid("text of " + std::to_string(text->size()) + " bytes is over Excel's " +
                          std::to_string(kXlsxTextBytesMax) + "-byte limit for one cell");
  }
  if (const auto* value = std::get_if<std::int64_t>(&cell); value && !exact_in_double(*value)) {
    return Error::invalid("integer " + std::to_string(*value) +
                          " is beyond 2^53 and would not be exact in Excel");
  }
  if (const auto* money = std::get_if<Money>(&cell);
      money && !exact_in_double(money->minor_units())) {
    return Error::invalid("amount " + money->format_with_code() +
                          " is beyond 2^53 minor units and would not be exact in Excel");
  }
  if (const auto* rate = std::get_if<ExchangeRate>(&cell);
      rate && rate->scaled() > kXlsxExactRateScaledMax) {
    return Error::invalid("rate " + rate->to_string() +
                          " has more than 15 significant digits and would not be exact in Excel");
  }
  return Status::Ok();
}

Status validate_sheet(const XlsxSheet& sheet) {
  if (sheet.header.empty()) return Error::invalid("no columns; a sheet needs at least one heading");
  if (sheet.header.size() > kXlsxColumnsMax) {
    return Error::invalid(std::to_string(sheet.header.size()) +
                          " columns is over Excel's limit of " + std::to_string(kXlsxColumnsMax));
  }
  if (sheet.rows.size() > kXlsxDataRowsMax) {
    return Error::invalid(std::to_string(sheet.rows.size()) + " rows is over Excel's limit of " +
                          std::to_string(kXlsxDataRowsMax) + " below the header");
  }
  for (std::size_t c = 0; c < sheet.header.size(); ++c) {
    if (sheet.header[c].size() > kXlsxTextBytesMax) {
      return Error::invalid("heading of column " + std::to_string(c + 1) + " is over " +
                            std::to_string(kXlsxTextBytesMax) + " bytes");
    }
  }
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const auto& row = sheet.rows[r];
    if (row.size() > sheet.header.size()) {
      return Error::invalid("row " + std::to_string(r + 2) + " has " + std::to_string(row.size()) +
                            " cells but the header has " + std::to_string(sheet.header.size()));
    }
    for (std::size_t c = 0; c < row.size(); ++c) {
      Status status = validate_cell(row[c]);
      if (!status.ok()) return status.error().at("cell " + cell_name(r, c));
    }
  }
  return Status::Ok();
}

Status validate_workbook(const std::vector<XlsxSheet>& sheets) {
  if (sheets.empty()) return Error::invalid("no sheets; a workbook needs at least one");
  std::set<std::string> seen;
  for (const XlsxSheet& sheet : sheets) {
    const std::string where = "sheet " + in_quotes(sheet.name);
    Status name = validate_xlsx_sheet_name(sheet.name);
    if (!name.ok()) return name.error().at(where);
    if (!seen.insert(ascii_lower(sheet.name)).second) {
      return Error::invalid("the name is used twice (Excel ignores case in sheet names)").at(where);
    }
    Status content = validate_sheet(sheet);
    if (!content.ok()) return content.error().at(where);
  }
  return Status::Ok();
}

// The formats of one workbook, owned by it.
class Formats {
 public:
  explicit Formats(lxw_workbook* workbook) : workbook_(workbook) {
    header_ = workbook_add_format(workbook_);
    format_set_bold(header_);
    integer_ = workbook_add_format(workbook_);
    format_set_num_format(integer_, "#,##0");
    date_ = workbook_add_format(workbook_);
    format_set_num_format(date_, "yyyy-mm-dd");
    rate_ = workbook_add_format(workbook_);
    format_set_num_format(rate_, "0.00########");
  }
  [[nodiscard]] lxw_format* header() const { return header_; }
  [[nodiscard]] lxw_format* integer() const { return integer_; }
  [[nodiscard]] lxw_format* date() const { return date_; }
  [[nodiscard]] lxw_format* rate() const { return rate_; }
  // "#,##0" for yen, "#,##0.00" for dollars.
  lxw_format* money(int minor_digits) {
    lxw_format*& format = money_[minor_digits];
    if (format == nullptr) {
      std::string pattern = "#,##0";
      if (minor_digits > 0)
        pattern += "." + std::string(static_cast<std::size_t>(minor_digits), '0');
      format = workbook_add_format(workbook_);
      format_set_num_format(format, pattern.c_str());
    }
    return format;
  }

 private:
  lxw_workbook* workbook_;
  lxw_format* header_;
  lxw_format* integer_;
  lxw_format* date_;
  lxw_format* rate_;
  std::map<int, lxw_format*> money_;
};

double major_units(const Money& money) {
  double scale = 1;
  for (int i = 0; i < money.currency().minor_digits(); ++i) scale *= 10;
  return static_cast<double>(money.minor_units()) / scale;
}

lxw_error write_cell(lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t column,
                     const XlsxCell& cell, Formats& formats) {
  if (const auto* text = std::get_if<std::string>(&cell)) {
    return worksheet_write_string(worksheet, row, column, text->c_str(), nullptr);
  }
  if (const auto* value = std::get_if<std::int64_t>(&cell)) {
    return worksheet_write_number(worksheet, row, column, static_cast<double>(*value),
                                  formats.integer());
  }
  if (const auto* money = std::get_if<Money>(&cell)) {
    return worksheet_write_number(worksheet, row, column, major_units(*money),
                                  formats.money(money->currency().minor_digits()));
  }
  if (const auto* rate = std::get_if<ExchangeRate>(&cell)) {
    return worksheet_write_number(
        worksheet, row, column,
        static_cast<double>(rate->scaled()) / static_cast<double>(kExchangeRateScale),
        formats.rate());
  }
  if (const auto* date = std::get_if<CivilDate>(&cell)) {
    lxw_datetime datetime{};
    datetime.year = date->year();
    datetime.month = static_cast<int>(date->month());
    datetime.day = static_cast<int>(date->day());
    return worksheet_write_datetime(worksheet, row, column, &datetime, formats.date());
  }
  return LXW_NO_ERROR;  // empty: nothing to write
}

std::vector<double> column_widths(const XlsxSheet& sheet) {
  std::vector<std::size_t> widest(sheet.header.size());
  for (std::size_t c = 0; c < sheet.header.size(); ++c) {
    widest[c] = code_points(sheet.header[c]) + kFilterButtonWidth;
  }
  for (const auto& row : sheet.rows) {
    for (std::size_t c = 0; c < row.size(); ++c)
      widest[c] = std::max(widest[c], cell_width(row[c]));
  }
  std::vector<double> widths;
  widths.reserve(widest.size());
  for (std::size_t w : widest) {
    widths.push_back(
        std::clamp(static_cast<double>(w + kColumnPadding), kColumnWidthMin, kColumnWidthMax));
  }
  return widths;
}

// Adds one sheet; returns the first libxlsxwriter error, if any.
lxw_error add_sheet(lxw_workbook* workbook, const XlsxSheet& sheet, Formats& formats) {
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet.name.c_str());
  if (worksheet == nullptr) return LXW_ERROR_PARAMETER_VALIDATION;
  const auto last_column = static_cast<lxw_col_t>(sheet.header.size() - 1);
  for (std::size_t c = 0; c < sheet.header.size(); ++c) {
    const lxw_error error = worksheet_write_string(worksheet, 0, static_cast<lxw_col_t>(c),
                                                   sheet.header[c].c_str(), formats.header());
    if (error != LXW_NO_ERROR) return error;
  }
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const auto& row = sheet.rows[r];
    for (std::size_t c = 0; c < row.size(); ++c) {
      const lxw_error error = write_cell(worksheet, static_cast<lxw_row_t>(r + 1),
                                         static_cast<lxw_col_t>(c), row[c], formats);
      if (error != LXW_NO_ERROR) return error;
    }
  }
  const std::vector<double> widths = column_widths(sheet);
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const auto column = static_cast<lxw_col_t>(c);
    const lxw_error error = worksheet_set_column(worksheet, column, column, widths[c], nullptr);
    if (error != LXW_NO_ERROR) return error;
  }
  worksheet_freeze_panes(worksheet, 1, 0);
  return worksheet_autofilter(worksheet, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                              last_column);
}

std::string system_error(int error_number) {
  return std::strerror(error_number);
}

// Creates an empty, uniquely named file in the target's directory (hidden, ".report.xlsx.tmp-…")
// for libxlsxwriter to write into. open() rather than mkstemp() so the file gets the usual mode
// under the umask, not 0600; O_EXCL makes the name ours alone.
Result<std::string> create_temporary_beside(const std::filesystem::path& target) {
  const std::filesystem::path directory =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::random_device random;
  int last_errno = 0;
  for (int attempt = 0; attempt < kTemporaryNameAttempts; ++attempt) {
    const std::string name = "." + target.filename().string() + ".tmp-" + std::to_string(getpid()) +
                             "-" + std::to_string(random());
    std::string temporary = (directory / name).string();
    const int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      close(fd);
      return temporary;
    }
    last_errno = errno;
    if (last_errno != EEXIST) break;
  }
  return Error::io(target.string() + ": cannot create a temporary file in " + directory.string() +
                   ": " + system_error(last_errno) +
                   "; check that the directory exists and is writable");
}

}  // namespace

Status validate_xlsx_sheet_name(const std::string& name) {
  if (name.empty()) return Error::invalid("a sheet name cannot be empty");
  if (name.size() > kXlsxSheetNameBytesMax) {
    return Error::invalid("sheet name " + in_quotes(name) + " is " + std::to_string(name.size()) +
                          " bytes; Excel allows at most " + std::to_string(kXlsxSheetNameBytesMax));
  }
  if (const auto bad = name.find_first_of("[]:*?/\\"); bad != std::string::npos) {
    return Error::invalid("sheet name " + in_quotes(name) + " contains '" + name[bad] +
                          "'; Excel forbids any of []:*?/\\ in sheet names");
  }
  if (name.front() == '\'' || name.back() == '\'') {
    return Error::invalid("sheet name " + in_quotes(name) +
                          " begins or ends with an apostrophe, which Excel forbids");
  }
  if (ascii_lower(name) == "history") {
    return Error::invalid("sheet name " + in_quotes(name) + " is reserved by Excel");
  }
  return Status::Ok();
}

Status write_xlsx(const std::string& path, const std::vector<XlsxSheet>& sheets) {
  Status valid = validate_workbook(sheets);
  if (!valid.ok()) return valid.error().at(path);

  FMS_ASSIGN_OR_RETURN(const std::string temporary,
                       create_temporary_beside(std::filesystem::path(path)));

  lxw_workbook* workbook = workbook_new(temporary.c_str());
  if (workbook == nullptr) {
    std::remove(temporary.c_str());
    return Error::io(path + ": cannot start a workbook (out of memory)");
  }
  lxw_error error = LXW_NO_ERROR;
  std::string failed_sheet;
  {
    Formats formats(workbook);
    for (const XlsxSheet& sheet : sheets) {
      error = add_sheet(workbook, sheet, formats);
      if (error != LXW_NO_ERROR) {
        failed_sheet = sheet.name;
        break;
      }
    }
  }
  // Closing frees the workbook, so it happens even after an error; the file it writes is removed.
  const lxw_error close_error = workbook_close(workbook);
  if (error != LXW_NO_ERROR || close_error != LXW_NO_ERROR) {
    std::remove(temporary.c_str());
    const std::string where =
        failed_sheet.empty() ? path : path + ": sheet " + in_quotes(failed_sheet);
    return Error::io(where + ": cannot write the workbook: " +
                     lxw_strerror(error != LXW_NO_ERROR ? error : close_error));
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int rename_errno = errno;
    std::remove(temporary.c_str());
    return Error::io(path + ": cannot replace the file with the finished workbook: " +
                     system_error(rename_errno));
  }
  return Status::Ok();
}

}  // namespace fms::report
