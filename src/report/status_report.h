// The case financial status report (`fmsledger report status`): for the portfolio, one row per
// case with ordered, delivered, undelivered, billed and paid value, SDR credits, the advance the
// USG holds, open discrepancies and Adverse Financial Conditions, with totals; for one case, its
// header and one row per line. Rendered as a table, JSON or CSV.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ledger/portfolio_view.h"
#include "report/case_views.h"
#include "report/financial_status.h"
#include "report/xlsx_workbook.h"

namespace fms::report {

// Sums over the cases of the report; quantities are not summed (units differ across lines).
struct StatusTotals {
  std::int64_t case_value_cents = 0;
  std::int64_t ordered_value_cents = 0;
  std::int64_t delivered_value_cents = 0;
  std::int64_t undelivered_value_cents = 0;
  std::int64_t billed_delivered_cents = 0;  // latest DD 645 cumulative delivered
  std::int64_t paid_cents = 0;
  std::int64_t sdr_credits_cents = 0;
  std::int64_t advance_held_cents = 0;
  std::size_t open_discrepancies = 0;
  std::int64_t open_discrepancies_cents = 0;
  std::size_t adverse_conditions = 0;
};

struct StatusReport {
  CivilDate as_of;
  bool fresh = false;  // matches computed for this report, not read from a recorded run
  std::size_t unreconciled_documents = 0;
  bool one_case = false;  // --case: the case's lines are shown
  std::vector<CaseFinancials> cases;
  StatusTotals totals;
};

// Every case, or only `case_id` (not found: an error naming it).
Result<StatusReport> status_report(const ledger::PortfolioView& view,
                                   const std::optional<std::string>& case_id,
                                   const CaseScope& scope = {});
std::string status_text(const StatusReport& report);
Json status_json(const StatusReport& report);
// The report's table as a typed sheet: its CSV is sheet_csv of it (report/sheet_text.h), and
// an .xlsx holds it as is.
XlsxSheet status_sheet(const StatusReport& report);

}  // namespace fms::report
