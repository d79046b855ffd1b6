// Money reads over the caller's scope (query/reader.h): the exchange rates and the budget book
// an organisation reads, and the money-over-time reports (forecast, exposure, envelope) of an
// organisation or of the whole portfolio as of a date.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "core/civil_date.h"
#include "ledger/access/scope.h"
#include "query/reader.h"
#include "report/finance_reports.h"
#include "report/xlsx_workbook.h"

namespace fms::query {

// The exchange rates the scope reads: `organisation`'s series when named, otherwise the one
// organisation's where the scope reads finance, or the shared reference series.
Result<ledger::RatesInScope> rates(const Reader& reader, const ledger::Scope& scope,
                                   const std::optional<std::string>& organisation);

// The budget book in force on `date` for an organisation (nullopt when none is); for a scope over
// every organisation naming none, the latest of any.
Result<std::optional<ledger::BudgetInForce>> budget_in_force(
    const Reader& reader, const ledger::Scope& scope, const CivilDate& date,
    const std::optional<std::string>& organisation);

enum class FinanceReportKind { forecast, exposure, envelope };

// Whose money, as of when, and optionally one case of it.
struct FinanceQuery {
  CivilDate as_of;
  std::optional<std::string> case_id;       // normalised (Reader::normalise_case_id)
  std::optional<std::string> organisation;  // ledger::finance_organisation
};

// One money-over-time report.
Result<report::FinanceReport> finance_report(const Reader& reader, const ledger::Scope& scope,
                                             FinanceReportKind kind, const FinanceQuery& query);
// The forecast, exposure and envelope reports' sheets, for one workbook.
Result<std::vector<report::XlsxSheet>> finance_workbook(const Reader& reader,
                                                        const ledger::Scope& scope,
                                                        const FinanceQuery& query);

}  // namespace fms::query
