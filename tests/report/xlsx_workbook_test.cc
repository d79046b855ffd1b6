// Excel workbooks: the checks made before anything is written (sheet names, Excel's limits, cells
// that would not be exact), the promise that a failed write leaves no file and keeps an old one,
// and a round trip through LibreOffice, an independent reader, showing that amounts, counts and
// dates arrive as typed values and text as text, on every sheet.
#include "report/xlsx_workbook.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "support/libreoffice.h"

namespace fms::report {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// A temporary directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("fms-xlsx-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> names_in(const fs::path& directory) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(directory))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

Money usd(std::int64_t cents) {
  return {cents, Currency::usd()};
}
Money jpy(std::int64_t yen) {
  return {yen, Currency::jpy()};
}
CivilDate date(int year, unsigned month, unsigned day) {
  return CivilDate::from_ymd(year, month, day);
}

XlsxSheet one_cell_sheet(std::string name) {
  return {std::move(name), {"Heading"}, {{XlsxCell{std::string("value")}}}};
}

// Two sheets with every kind of cell, negative and large amounts, text that looks like a number
// and text that needs quoting in CSV.
std::vector<XlsxSheet> sample_workbook() {
  XlsxSheet forecast{"Forecast", {"Case", "Line", "Quantity", "Amount USD", "Due"}, {}};
  forecast.rows = {
      {std::string("JA-D-QAB"), std::string("001"), std::int64_t{12}, usd(1'234'56),
       date(2025, 4, 1)},
      {std::string("JA-D-QAB"), std::string("002"), std::int64_t{-3}, usd(-5), date(2025, 12, 31)},
      {std::string("JA-D-QAC"), std::string("003"), std::int64_t{1'234'567}, usd(12'345'678'901'23),
       date(1999, 12, 31)},
      {std::string("Looks like a number"), std::string("1,234.56"), std::int64_t{0}, usd(0),
       XlsxEmpty{}},
  };
  XlsxSheet exposure{"Exposure JPY", {"Case", "Amount JPY", "As of"}, {}};
  exposure.rows = {
      {std::string("JA-P-AAA"), jpy(254'000'000'000), date(2025, 4, 1)},
      {std::string("JA-P-AAB"), jpy(-254'000), date(2024, 2, 29)},
      {std::string("Comma, \"quoted\""), jpy(0)},  // shorter than the header
  };
  return {forecast, exposure};
}

// ---------------------------------------------------------------------------------------------
// Sheet names and limits

TEST(XlsxSheetName, AcceptsOrdinaryNamesUpToThirtyOneBytes) {
  EXPECT_TRUE(validate_xlsx_sheet_name("Forecast").ok());
  EXPECT_TRUE(validate_xlsx_sheet_name("Exposure (JPY) 2025-04").ok());
  EXPECT_TRUE(validate_xlsx_sheet_name(std::string(kXlsxSheetNameBytesMax, 'x')).ok());
  EXPECT_TRUE(validate_xlsx_sheet_name("Don't").ok());  // an apostrophe inside is fine
}

TEST(XlsxSheetName, RefusesNamesExcelRefuses) {
  const Status too_long = validate_xlsx_sheet_name(std::string(kXlsxSheetNameBytesMax + 1, 'x'));
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().kind, ErrorKind::invalid_input);
  EXPECT_THAT(too_long.error().message, HasSubstr("is 32 bytes; Excel allows at most 31"));

  EXPECT_THAT(validate_xlsx_sheet_name("").error().message, HasSubstr("cannot be empty"));
  for (const char c : std::string("[]:*?/\\")) {
    const std::string name = std::string("FY") + c + "2025";
    const Status status = validate_xlsx_sheet_name(name);
    ASSERT_FALSE(status.ok()) << name;
    EXPECT_THAT(status.error().message, HasSubstr(std::string("contains '") + c + "'"));
  }
  EXPECT_THAT(validate_xlsx_sheet_name("'Forecast").error().message, HasSubstr("apostrophe"));
  EXPECT_THAT(validate_xlsx_sheet_name("Forecast'").error().message, HasSubstr("apostrophe"));
  EXPECT_THAT(validate_xlsx_sheet_name("history").error().message, HasSubstr("reserved"));
}

TEST(XlsxLimits, AreExcelsOwn) {
  EXPECT_EQ(kXlsxSheetNameBytesMax, 31u);
  EXPECT_EQ(kXlsxDataRowsMax, 1'048'576u - 1);
  EXPECT_EQ(kXlsxColumnsMax, 16'384u);
  EXPECT_EQ(kXlsxTextBytesMax, 32'767u);
  EXPECT_EQ(kXlsxExactIntegerMax, std::int64_t{9'007'199'254'740'992});
}

// ---------------------------------------------------------------------------------------------
// Writing, and what is refused before writing

class XlsxWorkbookTest : public ::testing::Test {
 protected:
  // Writes and expects the error to mention every one of `fragments`, and no file to appear.
  void expect_refused(const std::vector<XlsxSheet>& sheets,
                      const std::vector<std::string>& fragments) {
    const Status status = write_xlsx(path_.string(), sheets);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().kind, ErrorKind::invalid_input);
    EXPECT_THAT(status.error().message, HasSubstr(path_.string()));
    for (const auto& fragment : fragments) EXPECT_THAT(status.error().message, HasSubstr(fragment));
    EXPECT_TRUE(names_in(dir_.path()).empty()) << "a refused workbook left a file";
  }

  TempDir dir_;
  fs::path path_ = dir_.path() / "report.xlsx";
};

TEST_F(XlsxWorkbookTest, WritesAZipPackageAndNothingElse) {
  ASSERT_TRUE(write_xlsx(path_.string(), sample_workbook()).ok());
  EXPECT_EQ(read_file(path_).substr(0, 2), "PK");
  EXPECT_EQ(names_in(dir_.path()), std::vector<std::string>{"report.xlsx"});  // no temporary left
  EXPECT_EQ(fs::status(path_).permissions() & fs::perms::owner_read, fs::perms::owner_read);
}

TEST_F(XlsxWorkbookTest, ReplacesAnExistingFile) {
  std::ofstream(path_) << "old";
  ASSERT_TRUE(write_xlsx(path_.string(), sample_workbook()).ok());
  EXPECT_EQ(read_file(path_).substr(0, 2), "PK");
}

TEST_F(XlsxWorkbookTest, RefusesAWorkbookWithoutSheets) {
  expect_refused({}, {"no sheets"});
}

TEST_F(XlsxWorkbookTest, RefusesBadAndDuplicateSheetNames) {
  expect_refused({one_cell_sheet("FY2025/26")}, {"sheet \"FY2025/26\"", "contains '/'"});
  expect_refused({one_cell_sheet(std::string(32, 'x'))}, {"32 bytes", "at most 31"});
  // Excel compares sheet names without regard to case.
  expect_refused({one_cell_sheet("Forecast"), one_cell_sheet("FORECAST")},
                 {"sheet \"FORECAST\"", "used twice"});
}

TEST_F(XlsxWorkbookTest, RefusesRowsWiderThanTheHeaderAndSheetsWithoutColumns) {
  XlsxSheet wide{"Wide", {"Only"}, {{std::string("a"), std::string("b")}}};
  expect_refused({wide}, {"sheet \"Wide\"", "row 2 has 2 cells but the header has 1"});
  expect_refused({XlsxSheet{"Empty", {}, {}}}, {"sheet \"Empty\"", "no columns"});
}

TEST_F(XlsxWorkbookTest, RefusesValuesExcelCannotHoldExactly) {
  const std::int64_t beyond = kXlsxExactIntegerMax + 1;
  expect_refused({XlsxSheet{"N", {"A", "B"}, {{std::string("x"), beyond}}}},
                 {"cell B2", "integer 9007199254740993", "beyond 2^53"});
  expect_refused({XlsxSheet{"M", {"A"}, {{}, {usd(-beyond)}}}},
                 {"cell A3", "beyond 2^53 minor units"});
  expect_refused({XlsxSheet{"T", {"A"}, {{std::string(kXlsxTextBytesMax + 1, 't')}}}},
                 {"cell A2", "32768 bytes"});
  // A rate with more than 15 significant digits would not read back as written.
  const auto long_rate =
      ExchangeRate::parse("150000.1234567891", Currency::usd(), Currency::jpy()).value();
  expect_refused({XlsxSheet{"R", {"A"}, {{long_rate}}}},
                 {"cell A2", "rate 150000.1234567891", "15 significant digits"});
  const auto rate =
      ExchangeRate::parse("15000.1234567891", Currency::usd(), Currency::jpy()).value();
  ASSERT_TRUE(write_xlsx(path_.string(), {XlsxSheet{"R", {"A"}, {{rate}}}}).ok());
  // At the limit itself the value is exact and accepted.
  ASSERT_TRUE(
      write_xlsx(path_.string(),
                 {XlsxSheet{"N", {"A", "B"}, {{kXlsxExactIntegerMax, usd(-kXlsxExactIntegerMax)}}}})
          .ok());
}

TEST_F(XlsxWorkbookTest, HoldsExcelsRowAndColumnLimitsAndNoMore) {
  XlsxSheet tall{"Tall", {"Row"}, std::vector<std::vector<XlsxCell>>(kXlsxDataRowsMax)};
  tall.rows.back() = {std::string("last")};
  XlsxSheet wide{"Wide", std::vector<std::string>(kXlsxColumnsMax, "c"), {}};
  ASSERT_TRUE(write_xlsx(path_.string(), {tall, wide}).ok());
  fs::remove(path_);

  tall.rows.emplace_back();
  expect_refused({tall}, {"sheet \"Tall\"", "1048576 rows is over Excel's limit of 1048575"});
  wide.header.emplace_back("c");
  expect_refused({wide}, {"sheet \"Wide\"", "16385 columns is over Excel's limit of 16384"});
}

TEST_F(XlsxWorkbookTest, AnUnwritablePathLeavesNoFile) {
  const fs::path missing = dir_.path() / "no-such-directory" / "report.xlsx";
  const Status status = write_xlsx(missing.string(), sample_workbook());
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::io);
  EXPECT_THAT(status.error().message, HasSubstr(missing.string()));
  EXPECT_THAT(status.error().message, HasSubstr("cannot create a temporary file"));
  EXPECT_TRUE(names_in(dir_.path()).empty());

  // The target is a directory: the finished workbook cannot take its place and is removed.
  fs::create_directory(path_);
  const Status onto_directory = write_xlsx(path_.string(), sample_workbook());
  ASSERT_FALSE(onto_directory.ok());
  EXPECT_EQ(onto_directory.error().kind, ErrorKind::io);
  EXPECT_THAT(onto_directory.error().message, HasSubstr(path_.string() + ": cannot replace"));
  EXPECT_EQ(names_in(dir_.path()), std::vector<std::string>{"report.xlsx"});
  EXPECT_TRUE(fs::is_empty(path_));
}

TEST_F(XlsxWorkbookTest, ARefusedWorkbookKeepsTheOldFile) {
  std::ofstream(path_) << "old";
  ASSERT_FALSE(write_xlsx(path_.string(), {one_cell_sheet("A:B")}).ok());
  EXPECT_EQ(read_file(path_), "old");
  EXPECT_EQ(names_in(dir_.path()), std::vector<std::string>{"report.xlsx"});
}

// ---------------------------------------------------------------------------------------------
// Reading back with LibreOffice

using test_support::convert_with_libreoffice;
using test_support::parse_csv;
using Table = test_support::CsvTable;

class XlsxLibreOffice : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(out_);
    ASSERT_TRUE(write_xlsx(workbook_.string(), sample_workbook()).ok());
  }

  TempDir dir_;
  fs::path workbook_ = dir_.path() / "sample.xlsx";
  fs::path out_ = dir_.path() / "out";
};

// CSV of every sheet (the last filter token, -1), values as stored rather than as shown (the
// ninth token, false): a number loses the grouping its format shows, while text keeps exactly
// what was written, so "1234.56" below can only have come from a numeric cell.
TEST_F(XlsxLibreOffice, CsvOfEverySheetHasTheStoredValues) {
  ASSERT_TRUE(convert_with_libreoffice(
      workbook_, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      out_, dir_.path()));
  // LibreOffice names each file <stem>-<sheet name>.csv.
  ASSERT_EQ(names_in(out_),
            (std::vector<std::string>{"sample-Exposure JPY.csv", "sample-Forecast.csv"}));

  const Table forecast = {
      {"Case", "Line", "Quantity", "Amount USD", "Due"},
      {"JA-D-QAB", "001", "12", "1234.56", "2025-04-01"},
      {"JA-D-QAB", "002", "-3", "-0.05", "2025-12-31"},
      {"JA-D-QAC", "003", "1234567", "12345678901.23", "1999-12-31"},
      {"Looks like a number", "1,234.56", "0", "0", ""},
  };
  EXPECT_EQ(parse_csv(read_file(out_ / "sample-Forecast.csv")), forecast);
  const Table exposure = {
      {"Case", "Amount JPY", "As of"},
      {"JA-P-AAA", "254000000000", "2025-04-01"},
      {"JA-P-AAB", "-254000", "2024-02-29"},
      {"Comma, \"quoted\"", "0", ""},
  };
  EXPECT_EQ(parse_csv(read_file(out_ / "sample-Exposure JPY.csv")), exposure);
}

using test_support::typed_cells;

// The same workbook as flat OpenDocument, where every cell carries its type: amounts and counts
// are floats, dates are dates, and the header has its autofilter.
TEST_F(XlsxLibreOffice, CellsArriveTypedAsNumbersDatesAndText) {
  ASSERT_TRUE(convert_with_libreoffice(workbook_, "fods", out_, dir_.path()));
  const std::string fods = read_file(out_ / "sample.fods");
  ASSERT_FALSE(fods.empty()) << names_in(out_).size() << " files in " << out_;

  const auto sheets = typed_cells(fods);
  const std::vector<std::string> forecast = {
      "string Case",
      "string Line",
      "string Quantity",
      "string Amount USD",
      "string Due",
      "string JA-D-QAB",
      "string 001",
      "float 12",
      "float 1234.56",
      "date 2025-04-01",
      "string JA-D-QAB",
      "string 002",
      "float -3",
      "float -0.05",
      "date 2025-12-31",
      "string JA-D-QAC",
      "string 003",
      "float 1234567",
      "float 12345678901.23",
      "date 1999-12-31",
      "string Looks like a number",
      "string 1,234.56",
      "float 0",
      "float 0",
  };
  const std::vector<std::string> exposure = {
      "string Case",        "string Amount JPY",        "string As of",    "string JA-P-AAA",
      "float 254000000000", "date 2025-04-01",          "string JA-P-AAB", "float -254000",
      "date 2024-02-29",    "string Comma, \"quoted\"", "float 0",
  };
  ASSERT_EQ(sheets.size(), 2u);
  EXPECT_EQ(sheets.at("Forecast"), forecast);
  EXPECT_EQ(sheets.at("Exposure JPY"), exposure);
  EXPECT_THAT(fods, HasSubstr("table:display-filter-buttons=\"true\""));
}

}  // namespace
}  // namespace fms::report
