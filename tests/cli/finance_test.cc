// The money-over-time reports run as a user runs them, on the demo portfolio (clock fixed at
// 2026-11-25, so the current rate is USD/JPY 152.80 of 2026-10-31): the Tomahawk payments of
// JFY2025-2027 in USD and in yen at both rates, exposure as the exact difference of the two and
// the sum of its cases, a bad budget changing nothing, and the .xlsx workbook read back by
// LibreOffice with the same numbers the CSV output shows.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_harness.h"
#include "support/libreoffice.h"

namespace fms::testing {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;

class FinanceCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const CliRun demo = cli_({"demo"});
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
  }
  Json json_of(const std::vector<std::string>& args) {
    const CliRun run = cli_(args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return Json::parse(run.out, nullptr, false);
  }

  TempDir dir_;
  Cli cli_{dir_.path() / "ledger.db"};
};

std::int64_t yen(const Json& value) {
  return std::stoll(value.get<std::string>());
}

TEST_F(FinanceCliTest, TomahawkPaymentsOfJfy2025To2027AreShownInDollarsAndYenAtBothRates) {
  const Json report = json_of({"report", "forecast", "--case", "JA-P-TWK", "--json"});
  ASSERT_TRUE(report.is_object());
  std::set<std::string> years;
  for (const Json& row : report["tables"]["forecast"]) {
    ASSERT_EQ(row["case"], "JA-P-TWK");
    years.insert(row["jfy"].get<std::string>());
    ASSERT_FALSE(row["usd"].is_null());
    ASSERT_FALSE(row["jpy_at_budget_rate"].is_null()) << row.dump();
    EXPECT_EQ(row["current_rate"], "152.80");
    EXPECT_EQ(yen(row["exposure_jpy"]),
              yen(row["jpy_paid_at_current_rate"]) - yen(row["jpy_at_budget_rate"]));
  }
  // JFY2024's quarters are there with USD 0.00: each quarter's DD 645 asked for nothing, the
  // deposit covering the costs until the instalments began.
  EXPECT_EQ(years, (std::set<std::string>{"JFY2023", "JFY2024", "JFY2025", "JFY2026", "JFY2027"}));
  // The first instalment: USD 159,589,000 billed on the DD 645 of 2025-03-31, due 2025-06-15
  // (JFY2025 Q1), at the JFY2025 budget rate 150 = 23,938,350,000. It was remitted on 2025-06-13
  // and cost JPY 22,984,007,780 (159,589,000 x 144.02), not the 24,385,199,200 it would cost at
  // today's 152.80.
  const Json* found = nullptr;
  for (const Json& row : report["tables"]["forecast"]) {
    if (row["jfy"] == "JFY2025" && row["quarter"] == "Q1") found = &row;
  }
  ASSERT_NE(found, nullptr);
  const Json& first = *found;
  EXPECT_EQ(first["jfy"], "JFY2025");
  EXPECT_EQ(first["quarter"], "Q1");
  EXPECT_EQ(first["usd"], "159589000.00");
  EXPECT_EQ(first["jpy_at_budget_rate"], "23938350000");
  EXPECT_EQ(first["usd_paid"], "159589000.00");
  EXPECT_EQ(first["jpy_paid"], "22984007780");
  EXPECT_EQ(first["jpy_paid_at_current_rate"], "22984007780");
  EXPECT_THAT(report["notes"][1].get<std::string>(),
              HasSubstr("USD/JPY 152.80 of 2026-10-31 (month-end rate (illustrative))"));
}

TEST_F(FinanceCliTest, ExposurePerYearIsTheDifferenceOfTheRatesAndTheSumOfItsCases) {
  const Json report = json_of({"report", "exposure", "--json"});
  ASSERT_TRUE(report.is_object());
  std::map<std::string, std::int64_t> by_case_sum;
  for (const Json& row : report["tables"]["exposure_by_case"]) {
    by_case_sum[row["jfy"].get<std::string>()] += yen(row["exposure_jpy"]);
  }
  ASSERT_FALSE(report["tables"]["exposure"].empty());
  for (const Json& year : report["tables"]["exposure"]) {
    const std::string jfy = year["jfy"].get<std::string>();
    EXPECT_EQ(year["complete"], "yes") << jfy;
    EXPECT_EQ(yen(year["exposure_jpy"]),
              yen(year["jpy_paid_at_current_rate"]) - yen(year["jpy_at_budget_rate"]))
        << jfy;
    EXPECT_EQ(yen(year["exposure_jpy"]), by_case_sum[jfy]) << jfy;
  }
}

TEST_F(FinanceCliTest, PaymentsShowTheYenTheyCostAgainstTheBudgetRateOfTheirYear) {
  const Json report = json_of({"report", "exposure", "--case", "JA-P-TWK", "--json"});
  ASSERT_TRUE(report.is_object());
  const Json& paid = report["tables"]["paid"];
  ASSERT_EQ(paid.size(), 7u);  // the deposit and six instalments, by 2026-11-25
  for (const Json& row : paid) {
    EXPECT_EQ(row["case"], "JA-P-TWK");
    EXPECT_EQ(row["rate_kind"], "transaction-date");
    EXPECT_EQ(yen(row["realised_exposure_jpy"]),
              yen(row["jpy_paid"]) - yen(row["jpy_at_budget_rate"]));
  }
  // USD 162,795,000 remitted on 2025-12-12 at a cost of JPY 25,392,764,100 (its own rate,
  // 155.98), budgeted at JFY2025's 150: 24,419,250,000, so 973,514,100 yen more than budgeted.
  EXPECT_EQ(paid[3]["date"], "2025-12-12");
  EXPECT_EQ(paid[3]["currency"], "USD");
  EXPECT_EQ(paid[3]["transaction_rate"], "155.98");
  EXPECT_EQ(paid[3]["rate_date"], "2025-12-12");
  EXPECT_EQ(paid[3]["jpy_paid"], "25392764100");
  EXPECT_EQ(paid[3]["jpy_at_budget_rate"], "24419250000");
  EXPECT_EQ(paid[3]["realised_exposure_jpy"], "973514100");
  // The deposit of 2024-02-02 (JFY2023): USD 42,000,000 for JPY 6,170,640,000 (146.92), budgeted
  // at 137.
  EXPECT_EQ(paid[0]["transaction_rate"], "146.92");
  EXPECT_EQ(paid[0]["jpy_paid"], "6170640000");
  EXPECT_EQ(paid[0]["jpy_at_budget_rate"], "5754000000");
  // Every rate the report used is stated with its kind and date.
  EXPECT_EQ(report["current_rate"]["kind"], "current");
  EXPECT_EQ(report["current_rate"]["date"], "2026-10-31");
  EXPECT_EQ(report["budget_rates"][3]["fiscal_year"], "JFY2025");
  EXPECT_EQ(report["budget_rates"][3]["kind"], "budget");
  EXPECT_EQ(report["budget_rates"][3]["date"], "2025-04-01");
}

TEST_F(FinanceCliTest, TheDemoBookWarnsOnceAndBlocksNothing) {
  const Json report = json_of({"report", "forecast", "--json"});
  ASSERT_TRUE(report.is_object());
  EXPECT_FALSE(report["over_block"].get<bool>());
  std::vector<std::string> over;
  for (const Json& line : report["tables"]["appropriations"]) {
    if (line["status"] != "within") over.push_back(line["appropriation"].get<std::string>());
  }
  EXPECT_EQ(over, std::vector<std::string>{"SO-JFY2026"});
}

TEST_F(FinanceCliTest, ABadBudgetDocumentChangesNothing) {
  const std::string before = cli_.dump();
  const auto bad = dir_.path() / "bad.json";
  write_all(bad, R"({"format": "fmsledger.budget/1", "effective_date": "2026-04-01",
    "title": "t", "provenance": "p",
    "budget_rates": [{"fiscal_year": "JFY2026", "pair": "USD/JPY", "rate": "0", "source": "s"}]})");
  const CliRun run = cli_({"budget", "import", bad.string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr("bad.json: /budget_rates/0/rate: \"0\" is not a USD/JPY rate"));
  EXPECT_EQ(cli_.dump(), before);
}

TEST_F(FinanceCliTest, TheSameBudgetDocumentTwiceIsRecordedOnce) {
  const std::string before = cli_.dump();
  const CliRun again = cli_({"budget", "import", example_path("budget/jmod-fms-budget.json")});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.out, HasSubstr("already recorded"));
  EXPECT_THAT(again.out, HasSubstr("nothing changed"));
  EXPECT_EQ(cli_.dump(), before);
}

TEST_F(FinanceCliTest, AWorkbookThatCannotBeWrittenIsAnError) {
  const CliRun run =
      cli_({"report", "workbook", "--xlsx", (dir_.path() / "missing" / "book.xlsx").string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("--xlsx"));
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "missing"));
}

// "159589000" (LibreOffice's stored value) and "159589000.00" (fmsledger's CSV) are one number.
std::string canonical_number(const std::string& cell) {
  const bool numeric = !cell.empty() && cell.find_first_not_of("-0123456789.") == std::string::npos;
  if (!numeric || cell.find('.') == std::string::npos) return cell;
  std::string out = cell;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

test_support::CsvTable canonical(test_support::CsvTable table) {
  for (auto& row : table) {
    for (auto& cell : row) cell = canonical_number(cell);
  }
  return table;
}

// LibreOffice, an independent reader, opens the workbook; every sheet that has a CSV form in the
// CLI carries the same cells, its numbers as numbers.
TEST_F(FinanceCliTest, WorkbookLibreOfficeReadsTheSameNumbersAsTheCsvReports) {
  const auto workbook = dir_.path() / "finance.xlsx";
  const CliRun written = cli_({"report", "workbook", "--xlsx", workbook.string()});
  ASSERT_EQ(written.exit_code, 0) << written.err;
  const auto out = dir_.path() / "out";
  std::filesystem::create_directories(out);
  ASSERT_TRUE(test_support::convert_with_libreoffice(
      workbook, test_support::kLibreOfficeCsvAllSheets, out, dir_.path()));
  const std::map<std::string, std::vector<std::string>> sheets = {
      {"Forecast", {"report", "forecast", "--csv"}},
      {"Exposure", {"report", "exposure", "--csv"}},
      {"Envelopes", {"report", "envelope", "--csv"}}};
  for (const auto& [sheet, args] : sheets) {
    const auto csv = out / ("finance-" + sheet + ".csv");
    ASSERT_TRUE(std::filesystem::exists(csv)) << csv;
    const CliRun report = cli_(args);
    ASSERT_EQ(report.exit_code, 0) << report.err;
    const auto from_workbook = canonical(test_support::parse_csv(read_all(csv)));
    const auto from_cli = canonical(test_support::parse_csv(report.out));
    ASSERT_GT(from_cli.size(), 1u) << sheet;
    EXPECT_EQ(from_workbook, from_cli) << sheet;
  }
  // The cells are typed: amounts and rates are numbers, only text is text. The first row of the
  // Forecast sheet is JA-D-AMX's deposit, due in JFY2026 Q3.
  ASSERT_TRUE(test_support::convert_with_libreoffice(workbook, "fods", out, dir_.path()));
  const auto typed = test_support::typed_cells(read_all(out / "finance.fods"));
  ASSERT_TRUE(typed.count("Forecast"));
  const auto& forecast = typed.at("Forecast");
  // 13 header cells, then the row: nothing of the deposit is paid yet (USD and JPY paid 0).
  ASSERT_GE(forecast.size(), 26u);
  EXPECT_EQ(
      std::vector<std::string>(forecast.begin() + 13, forecast.begin() + 26),
      (std::vector<std::string>{"string JA-D-AMX", "string JFY2026", "string Q3",
                                "string initial deposit (Basic LOA)", "string no",
                                "float 120000000", "float 148", "float 17760000000", "float 0",
                                "float 0", "float 152.8", "float 18336000000", "float 576000000"}));
  // Every sheet of the three reports is in the workbook.
  for (const char* sheet :
       {"By programme and year", "Appropriations", "Exposure by case", "Obligation authority"}) {
    EXPECT_TRUE(std::filesystem::exists(out / (std::string("finance-") + sheet + ".csv"))) << sheet;
  }
}

// Every report's --xlsx is its CSV table as a typed sheet: LibreOffice reads back the same cells
// from the status and SDR workbooks, amounts as numbers and dates as dates.
TEST_F(FinanceCliTest, WorkbookLibreOfficeReadsEachReportSheetAsItsCsv) {
  const auto out = dir_.path() / "out";
  std::filesystem::create_directories(out);
  const std::map<std::string, std::vector<std::string>> reports = {
      {"status", {"report", "status"}},
      {"closure", {"report", "closure", "--case", "JA-P-TWK"}},
      {"discrepancies", {"report", "discrepancies"}}};
  for (const auto& [name, args] : reports) {
    const auto workbook = dir_.path() / (name + ".xlsx");
    std::vector<std::string> with_xlsx = args;
    with_xlsx.insert(with_xlsx.end(), {"--xlsx", workbook.string()});
    const CliRun written = cli_(with_xlsx);
    ASSERT_EQ(written.exit_code, 0) << written.err;
    EXPECT_THAT(written.err, HasSubstr("Wrote " + workbook.string()));
    std::vector<std::string> as_csv = args;
    as_csv.push_back("--csv");
    const CliRun csv = cli_(as_csv);
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    ASSERT_TRUE(test_support::convert_with_libreoffice(
        workbook, test_support::kLibreOfficeCsvAllSheets, out, dir_.path()));
    std::filesystem::path sheet_csv;
    for (const auto& entry : std::filesystem::directory_iterator(out)) {
      if (entry.path().filename().string().rfind(name + "-", 0) == 0) sheet_csv = entry.path();
    }
    ASSERT_FALSE(sheet_csv.empty()) << name << ": no sheet read back";
    const auto from_cli = canonical(test_support::parse_csv(csv.out));
    ASSERT_GT(from_cli.size(), 1u) << name;
    EXPECT_EQ(canonical(test_support::parse_csv(read_all(sheet_csv))), from_cli) << name;
  }
  // Typed: the status sheet's first case, JA-D-AMX, has its amounts as numbers.
  ASSERT_TRUE(test_support::convert_with_libreoffice(dir_.path() / "status.xlsx", "fods", out,
                                                     dir_.path()));
  const auto typed = test_support::typed_cells(read_all(out / "status.fods"));
  ASSERT_TRUE(typed.count("Status"));
  const auto& status = typed.at("Status");
  // The header's cells, then the first case's: its id, status, SSC date, then amounts.
  const auto first_case = std::find(status.begin(), status.end(), "string JA-D-AMX");
  ASSERT_NE(first_case, status.end());
  EXPECT_EQ(*(first_case - 1), "string adverse_conditions") << "the header ends before it";
  ASSERT_GE(status.end() - first_case, 6);
  EXPECT_TRUE(std::any_of(first_case + 1, first_case + 6, [](const std::string& cell) {
    return cell.rfind("float ", 0) == 0;
  })) << "the case's amounts are numbers";
}

}  // namespace
}  // namespace fms::testing
