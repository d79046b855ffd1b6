// The exceptions report (`fmsledger report exceptions`): the portfolio grouped the way the Board
// of Audit of Japan reports FMS (japan-fms.md §1) — cases past their planned ship date and
// still unsettled, the part of those not delivered at all, overpayments not yet settled, and
// seller statements that do not match the receipt inspections — with the number of cases and
// the USD at stake in each group. A case can be in several groups. Rendered as a table, JSON
// or CSV, optionally with the cases of each group.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/portfolio_view.h"
#include "report/case_views.h"
#include "report/financial_status.h"
#include "report/xlsx_workbook.h"

namespace fms::report {

enum class ExceptionGroup : std::uint8_t {
  past_planned_unsettled,
  not_delivered,
  overpayment_unsettled,
  statement_not_matching_receipts,
};
inline constexpr std::size_t kExceptionGroups = 4;

// Stable key for programs: "past-planned-ship-date-unsettled", "not-delivered",
// "overpayment-unsettled", "statement-not-matching-receipts".
std::string_view to_string(ExceptionGroup group);
// The Board's wording: "past planned ship date and unsettled", ...
std::string_view label(ExceptionGroup group);

// Discrepancy types that mean the seller's statement does not match the receipts.
bool statement_mismatch(recon::DiscrepancyType type);

struct ExceptionCase {
  std::string case_id;
  std::int64_t usd_cents = 0;
};

struct ExceptionGroupRow {
  ExceptionGroup group = ExceptionGroup::past_planned_unsettled;
  std::vector<ExceptionCase> cases;  // ordered by case id
  std::int64_t usd_cents = 0;
};

struct ExceptionsReport {
  CivilDate as_of;
  bool fresh = false;
  std::size_t unreconciled_documents = 0;
  bool detail = false;  // list the cases of each group
  std::array<ExceptionGroupRow, kExceptionGroups> groups;
};

// The groups over figures already derived (case_financials) on `as_of`.
ExceptionsReport exceptions_of(const std::vector<CaseFinancials>& cases, const CivilDate& as_of);
ExceptionsReport exceptions_report(const ledger::PortfolioView& view, bool detail,
                                   const CaseScope& scope = {});
std::string exceptions_text(const ExceptionsReport& report);
Json exceptions_json(const ExceptionsReport& report);
// The report's table as a typed sheet: its CSV is sheet_csv of it (report/sheet_text.h), and
// an .xlsx holds it as is.
XlsxSheet exceptions_sheet(const ExceptionsReport& report);

}  // namespace fms::report
