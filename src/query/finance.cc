// The money reports over the finance view of the caller's scope (finance.h).
#include "query/finance.h"

#include <utility>

namespace fms::query {
namespace {

struct FinanceRead {
  ledger::FinanceView view;
  Forecast forecast;
};

Result<FinanceRead> finance_read(const Reader& reader, const ledger::Scope& scope,
                                 const FinanceQuery& query) {
  FMS_ASSIGN_OR_RETURN(ledger::FinanceView view,
                       reader.database().money().finance_view(query.as_of, scope, query.organisation));
  if (query.case_id) {
    // The view holds only the scope's cases: another organisation's reads as never recorded.
    if (view.cases.count(*query.case_id) == 0) {
      return Error::not_found("no case " + *query.case_id + " is recorded").at_field("case");
    }
    std::erase_if(view.cases, [&](const auto& entry) { return entry.first != *query.case_id; });
  }
  FMS_ASSIGN_OR_RETURN(Forecast forecast, view.forecast());
  return FinanceRead{std::move(view), std::move(forecast)};
}

}  // namespace

Result<ledger::RatesInScope> rates(const Reader& reader, const ledger::Scope& scope,
                                   const std::optional<std::string>& organisation) {
  return reader.database().money().rates(scope, organisation);
}

Result<std::optional<ledger::BudgetInForce>> budget_in_force(
    const Reader& reader, const ledger::Scope& scope, const CivilDate& date,
    const std::optional<std::string>& organisation) {
  return reader.database().money().budget_in_force(date, scope, organisation);
}

Result<report::FinanceReport> finance_report(const Reader& reader, const ledger::Scope& scope,
                                             FinanceReportKind kind, const FinanceQuery& query) {
  FMS_ASSIGN_OR_RETURN(const FinanceRead read, finance_read(reader, scope, query));
  switch (kind) {
    case FinanceReportKind::forecast:
      return report::forecast_report(read.view, read.forecast);
    case FinanceReportKind::exposure:
      return report::exposure_report(read.view, read.forecast);
    case FinanceReportKind::envelope:
      return report::envelope_report(read.view, read.forecast);
  }
  return Error::internal("unknown finance report");
}

Result<std::vector<report::XlsxSheet>> finance_workbook(const Reader& reader,
                                                        const ledger::Scope& scope,
                                                        const FinanceQuery& query) {
  FMS_ASSIGN_OR_RETURN(const FinanceRead read, finance_read(reader, scope, query));
  return report::workbook_sheets(read.view, read.forecast);
}

}  // namespace fms::query
