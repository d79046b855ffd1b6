// The discrepancy report: every seller-versus-buyer discrepancy of the portfolio as of a date,
// each with its case, line, documents, USD amount, age and next action, filterable by case and
// type; rendered as a table, JSON or CSV.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ledger/execution/reconciliation_view.h"
#include "recon/recon.h"
#include "report/case_views.h"
#include "report/xlsx_workbook.h"

namespace fms::report {

struct DiscrepancyFilter {
  std::optional<std::string> case_id;
  std::optional<recon::DiscrepancyType> type;
};

struct DiscrepancyReport {
  CivilDate as_of;
  bool fresh = false;  // matches computed for this report, not read from a recorded run
  std::size_t unreconciled_documents = 0;
  std::vector<recon::Discrepancy> rows;
};

DiscrepancyReport discrepancy_report(const ledger::ReconciliationView& view,
                                     const DiscrepancyFilter& filter);
std::string discrepancy_text(const DiscrepancyReport& report);
Json discrepancy_json(const DiscrepancyReport& report);
// The report's table as a typed sheet: its CSV is sheet_csv of it (report/sheet_text.h), and
// an .xlsx holds it as is.
XlsxSheet discrepancy_sheet(const DiscrepancyReport& report);

// The note a report prints when it is based on matches not yet recorded.
std::string freshness_note(bool fresh, std::size_t unreconciled_documents);

}  // namespace fms::report
