// The case financial status report (`fmsledger report status`): for the portfolio, one row per
// case with ordered, delivered and undelivered value, and its financial position from the
// latest DD 645 (total cost to date, costs in progress, paid, cash held, arrears, the next
// payment due), open discrepancies and Adverse Financial Conditions, with totals and the cash
// the seller holds pooled per purchaser; for one case, its header with the whole position and
// one row per line. Rendered as a table, JSON or CSV.
#pragma once

#include <cstdint>
#include <map>
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
  std::int64_t paid_cents = 0;
  std::int64_t sdr_credits_cents = 0;
  // From each case's latest DD 645 (core/case_position.h); a case without one adds nothing.
  std::int64_t total_cost_cents = 0;
  std::int64_t costs_in_progress_cents = 0;
  std::int64_t arrears_cents = 0;
  // Cash held by the seller, pooled per purchaser (customer code) over its cases in execution
  // (SAMM C9.12.1); cases without a statement stating their cost are not in it.
  std::map<std::string, std::int64_t> cash_held_by_purchaser;
  std::map<std::string, std::int64_t> cash_available_by_purchaser;
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

// A case's financial position as JSON, amounts as decimal strings (null when not stated).
Json position_json(const CasePosition& position);

}  // namespace fms::report
