// The financial figures of every case and of each of its lines, as the purchaser's records show
// them on a date: what was ordered (the current LOA), what the seller reports delivered (its
// delivery listings), what arrived (the receipt inspections), what the DD 645 bills and the
// buyer paid, the credits granted on Supply Discrepancy Reports, the open discrepancies, and
// the Adverse Financial Conditions those figures reveal. The status, closure and exceptions
// reports are all views of these figures (docs/reports.md defines each one).
//
// Everything is derived from the documents each time, never kept as a running total. Money is
// USD cents; sums saturate at the 64-bit limit rather than wrap.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/case_position.h"
#include "core/case_status.h"
#include "core/civil_date.h"
#include "ledger/portfolio_view.h"
#include "recon/recon.h"

namespace fms::report {

// One case line: an LOA line, or a line the documents name that the current LOA does not have
// (on_loa false: ordered nothing).
struct LineFinancials {
  std::string line;  // "001"
  bool on_loa = true;
  bool per_unit = true;
  std::int64_t ordered_quantity = 0;
  std::int64_t ordered_value_cents = 0;  // the LOA line total
  std::int64_t unit_cost_cents = 0;      // per-unit lines
  std::optional<CivilDate> planned_availability;
  // Original shipment rows only (a duplicate report of a shipment is not a second delivery),
  // less the shipment credits of the listings.
  std::int64_t delivered_quantity = 0;
  std::int64_t delivered_value_cents = 0;
  // The listings' shipment credits on this line, already taken off the delivered figures.
  std::int64_t credited_quantity = 0;
  std::int64_t credited_value_cents = 0;
  // Receipt rows naming this line.
  std::int64_t received_quantity = 0;
  std::int64_t accepted_quantity = 0;
  std::int64_t rejected_quantity = 0;
  // The latest DD 645 line row of this line, when a bill breaks the case down by line.
  std::optional<std::int64_t> billed_delivered_cents;
  std::optional<CivilDate> billed_statement_date;
  std::int64_t sdr_credits_cents = 0;  // credits granted by the report date on SDRs of this line
  std::size_t open_discrepancies = 0;
  std::int64_t open_discrepancies_cents = 0;
  // Per-unit line: undelivered quantity x unit cost; lump-sum line: total - delivered value,
  // never below 0; 0 for a line not on the LOA.
  std::int64_t undelivered_value_cents = 0;

  [[nodiscard]] bool fully_delivered() const { return delivered_quantity >= ordered_quantity; }
  [[nodiscard]] bool nothing_delivered() const {
    return delivered_quantity == 0 && delivered_value_cents == 0;
  }
};

// Adverse Financial Conditions (fms-reference.md §6.4): money or deliveries above what the LOA
// allows.
enum class AdverseCondition : std::uint8_t {
  deliveries_above_case_value,
  billed_above_case_value,
  payments_above_case_value,
  line_delivered_beyond_quantity,
};
// "deliveries-above-case-value", ..., "line-delivered-beyond-quantity"
std::string_view to_string(AdverseCondition condition);

struct AdverseFinding {
  AdverseCondition condition = AdverseCondition::deliveries_above_case_value;
  std::string line;  // the line, for line-delivered-beyond-quantity
  std::string text;  // "deliveries USD 12.00 above the case value USD 10.00"
};

struct DiscrepancyTally {
  std::size_t count = 0;
  std::int64_t usd_cents = 0;
};

struct CaseFinancials {
  std::string case_id;
  std::string title;  // from the current LOA, when the ledger has it
  CaseStatus status = CaseStatus::implemented;
  std::optional<CivilDate> supply_services_complete;
  std::int64_t case_value_cents = 0;  // the LOA total (lines plus charges)
  std::vector<LineFinancials> lines;  // ordered by line
  // Sums over the lines.
  std::int64_t ordered_value_cents = 0;
  std::int64_t delivered_value_cents = 0;
  std::int64_t undelivered_value_cents = 0;
  std::int64_t credited_value_cents = 0;  // the listings' shipment credits
  // Administrative and accessorial charges the listings itemise, less their credits: billed on
  // the case, never delivered (the DD 645 carries their totals).
  std::int64_t listed_charges_cents = 0;
  std::int64_t paid_cents = 0;         // payments dated on or before the report date
  std::int64_t sdr_credits_cents = 0;  // every credit granted by the report date on its SDRs
  std::vector<std::string> open_sdrs;  // SDRs created and not yet closed on the report date
  // Every open discrepancy of the case, case-level ones included, and by type.
  DiscrepancyTally open_discrepancies;
  std::map<recon::DiscrepancyType, DiscrepancyTally> open_by_type;
  std::vector<AdverseFinding> adverse;
  CasePosition position;  // the financial position (core/case_position.h)
};

// Every discrepancy of the view on its date.
std::vector<recon::Discrepancy> view_discrepancies(const ledger::ReconciliationView& view);

// The figures of every case of the view (ordered by case id). `discrepancies` is what
// view_discrepancies returned; originals are told from duplicates by its duplicate-document
// rows, which name every repeated document number.
// Which cases a report covers: the caller's organisations, for the HTTP API. An unset scope
// covers every case. Totals are always over the cases covered.
using CaseScope = std::function<bool(const std::string& case_id)>;
inline bool in_scope(const CaseScope& scope, const std::string& case_id) {
  return !scope || scope(case_id);
}

std::vector<CaseFinancials> case_financials(const ledger::PortfolioView& view,
                                            const std::vector<recon::Discrepancy>& discrepancies);

// Statuses the case passes through from implementation until it is closed; reports about
// execution look only at these.
bool in_execution(CaseStatus status);
// supply-services-complete, closure-submitted, closed-interim or closed.
bool at_or_after_supply_services_complete(CaseStatus status);

}  // namespace fms::report
