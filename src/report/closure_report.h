// Closure readiness (`fmsledger report closure`): for each case in execution, the checklist the
// purchaser works through before a case can close (fms-reference.md §8.2) — supply/services
// complete, every line delivered, no open discrepancies or SDRs, the closure target date
// (SSC + closure_months_after_ssc) reached, a final statement of account, and the balance it
// leaves (refund or under-collection) settled. Each item is ok or blocked with the exact reason; a
// case is ready when every item is ok. Rendered as a table, JSON or CSV.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/portfolio_view.h"
#include "report/case_views.h"
#include "report/financial_status.h"
#include "report/xlsx_workbook.h"

namespace fms::report {

enum class ClosureItem : std::uint8_t {
  supply_services_complete,
  delivered_in_full,
  no_open_discrepancies,
  no_open_sdrs,
  closure_target_reached,
  final_statement,
  balance_settled,
};
// "supply-services-complete", "delivered-in-full", "no-open-discrepancies", "no-open-sdrs",
// "closure-target-reached", "final-statement", "balance-settled"
std::string_view to_string(ClosureItem item);

struct ClosureCheck {
  ClosureItem item = ClosureItem::supply_services_complete;
  bool ok = false;
  std::string reason;  // why it holds, or exactly what blocks it
};

struct CaseClosure {
  std::string case_id;
  CaseStatus status = CaseStatus::implemented;
  std::optional<CivilDate> supply_services_complete;
  std::optional<CivilDate> closure_target;    // SSC + closure_months_after_ssc
  std::vector<ClosureCheck> checks;           // every item, in ClosureItem order
  std::optional<StatementFigures> statement;  // the latest DD 645 on the report date
  std::optional<Settlement> settlement;       // when that statement is final

  [[nodiscard]] bool ready() const;
  [[nodiscard]] const ClosureCheck* first_blocker() const;  // nullptr when ready
};

// The checklist of one case on `as_of`.
CaseClosure closure_of(const CaseFinancials& figures, const CivilDate& as_of,
                       int closure_months_after_ssc);

struct ClosureReport {
  CivilDate as_of;
  bool fresh = false;
  std::size_t unreconciled_documents = 0;
  bool one_case = false;        // --case: the whole checklist is shown
  std::string settlement_text;  // --case: the final statement's settlement, part by part
  int closure_months_after_ssc = 0;
  std::vector<CaseClosure> cases;
};

// Without `case_id`, every case in execution (implemented up to closed-interim; closed and
// cancelled cases have nothing left to close). With it, that case whatever its status.
Result<ClosureReport> closure_report(const ledger::PortfolioView& view,
                                     const std::optional<std::string>& case_id,
                                     const CaseScope& scope = {});
std::string closure_text(const ClosureReport& report);
Json closure_json(const ClosureReport& report);
// The report's table as a typed sheet: its CSV is sheet_csv of it (report/sheet_text.h), and
// an .xlsx holds it as is.
XlsxSheet closure_sheet(const ClosureReport& report);

}  // namespace fms::report
