// The money-over-time reports (docs/reports.md):
//   forecast  each case's expected payments per Japanese fiscal quarter in USD and in yen at
//             the budget rate and at the current rate, totals per programme and year, and each
//             appropriation against its forecast (warn or block when over);
//   exposure  per Japanese fiscal year (and per case) the yen difference between the two rates;
//   envelope  programme envelopes consumed by contracts, and obligation authorities against
//             their ceilings and payment years.
// Each report is a few typed sheets (report/xlsx_workbook.h) plus notes that state the rates and
// budget used, so text, CSV, JSON and the .xlsx workbook all show the same figures.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/budget_status.h"
#include "core/forecast.h"
#include "ledger/money/finance_view.h"
#include "ledger/money/money_ledger.h"
#include "report/xlsx_workbook.h"

namespace fms::report {

struct FinanceReport {
  std::string name;                // "forecast", "exposure", "envelope"
  std::vector<std::string> notes;  // as-of date, rates and budget used, warnings
  std::vector<XlsxSheet> sheets;   // the first is the report's main table (CSV output)
  bool over_block = false;         // an appropriation with policy "block" is exceeded
  // For --json: the date, and every rate used with its kind ("current", "budget") and date, and
  // the budget document, so a program can check each converted figure.
  nlohmann::ordered_json context;
};

FinanceReport forecast_report(const ledger::FinanceView& view, const Forecast& forecast);
FinanceReport exposure_report(const ledger::FinanceView& view, const Forecast& forecast);
Result<FinanceReport> envelope_report(const ledger::FinanceView& view, const Forecast& forecast);

// The forecast, exposure and envelope reports' sheets in that order: one workbook (`fmsledger
// report workbook`, GET /api/reports/workbook).
Result<std::vector<XlsxSheet>> workbook_sheets(const ledger::FinanceView& view,
                                               const Forecast& forecast);

// The budget book itself as sheets: budget rates, appropriations, obligation authorities and
// envelope shares (`fmsledger budget show`).
std::vector<XlsxSheet> budget_sheets(const BudgetDocument& budget);
// The budget document in force with its record (`fmsledger budget show --json`,
// GET /api/budgets/in-force): content_hash, source, recorded_at, actor, document.
nlohmann::ordered_json budget_in_force_json(const ledger::BudgetInForce& in_force);

std::string finance_text(const FinanceReport& report);
nlohmann::ordered_json finance_json(const FinanceReport& report);

}  // namespace fms::report
