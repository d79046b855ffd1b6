// The reconciliation engine: seller records against buyer records.
//
// Pure functions over data already in memory; no I/O. The ledger gathers the portfolio (cases
// and their current LOA lines, the active execution documents) and records what `match`
// returns as immutable match records; `classify` then derives every discrepancy from the
// documents and those matches, as of a date. Received, billed and paid per line are always
// derived from the documents and matches, never stored as mutable totals.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/case_status.h"
#include "core/civil_date.h"
#include "core/execution.h"

namespace fms::recon {

// The rules reconciliation applies; the values come from reference data (thresholds.json,
// "reconciliation_rules"), dated, overridable.
struct Rules {
  int shipped_not_received_days = 90;       // a shipment unreceived this long is a discrepancy
  int receipt_window_days = 180;            // second pass: receipt at most this long after shipment
  int sdr_submission_days = 365;            // SDR due within this many days of shipment / bill
  std::int64_t sdr_minimum_cents = 200'00;  // below this, file "for information" only
  int value_tolerance_basis_points = 1000;  // delivery value vs LOA price: 10% either way
  int closure_months_after_ssc = 12;
  int statement_missing_days = 45;             // a quarter's DD 645 is missing after this
  int case_value_warning_basis_points = 9000;  // costs at 90% of the case value: amendment?
};

// What reconciliation needs to know of one LOA line (from the case's current version).
struct LineInfo {
  std::string line;  // "001"
  std::int64_t quantity = 0;
  std::int64_t unit_cost_cents = 0;  // per-unit lines; 0 for lump-sum lines
  std::int64_t total_cents = 0;
  bool per_unit = true;
  std::optional<CivilDate> planned_availability;  // acceptance + availability_months_to
};

struct PlannedPayment {
  CivilDate due_date;
  std::int64_t usd_cents = 0;
};

struct CaseInfo {
  std::string case_id;
  CaseStatus status = CaseStatus::implemented;
  std::optional<CivilDate> supply_services_complete;  // date the case reached SSC
  std::int64_t value_cents = 0;                       // case total (current version)
  std::vector<LineInfo> lines;                        // ordered by line number
  std::vector<PlannedPayment> schedule;  // initial deposit (due on acceptance) + installments
  std::optional<CivilDate> implemented;  // the first time the case was implemented
  std::optional<CivilDate> closed;       // the date it was closed or cancelled, if it was
  std::int64_t initial_deposit_cents = 0;
  std::optional<CivilDate> deposit_due;  // the Basic LOA's acceptance
};

// Active (not superseded) execution documents, each named by its content hash.
template <typename Rows>
struct Document {
  std::string content_hash;
  std::string source;  // file name it was imported from, for messages
  const Rows* rows = nullptr;
};

struct Portfolio {
  std::vector<CaseInfo> cases;  // ordered by case id
  // The shipments of each listing: the rows matched with receipts. A listing's other rows
  // (credits, charges, replies) are in listing_others at the same index, with the same line
  // dictionary, or rows is nullptr there when it has none (split_by_transaction).
  std::vector<Document<DeliveryListing>> deliveries;
  std::vector<Document<DeliveryListing>> listing_others;
  std::vector<Document<ReceiptInspections>> receipts;
  std::vector<Document<Bill>> bills;
  std::vector<Document<Payments>> payments;
};

enum class MatchRule : std::uint8_t {
  document_number = 1,     // same MILSTRIP document number
  case_line_quantity = 2,  // same case + line, quantities agree, receipt inside the window
};
std::string_view to_string(MatchRule rule);  // "document-number", "case-line-quantity"

// One seller row matched with one buyer row. A shipment received in parts gives several
// matches with the same delivery; a receipt covering several shipments, several with the same
// receipt. Indexes refer to Portfolio::deliveries / receipts and rows within them.
struct Match {
  std::uint32_t delivery_document = 0;
  std::uint32_t delivery_row = 0;
  std::uint32_t receipt_document = 0;
  std::uint32_t receipt_row = 0;
  MatchRule rule = MatchRule::document_number;
  friend auto operator<=>(const Match&, const Match&) = default;
};

// Matches in a canonical order (by delivery document, delivery row, receipt document, row).
std::vector<Match> match(const Portfolio& portfolio, const Rules& rules);

enum class DiscrepancyType : std::uint8_t {
  shipped_not_received,
  received_not_reported,
  quantity_short,
  quantity_over,
  rejected_on_inspection,
  value_mismatch,
  line_mismatch,
  duplicate_document,
  delivered_beyond_line_quantity,
  line_past_availability_undelivered,
  billed_not_delivered,
  delivered_not_billed,
  paid_ahead_of_bill,
  past_ssc_unsettled,
  // The case's money against the seller's statement (recon/money_checks.h).
  payment_not_credited,
  credited_not_recorded,
  statement_overdue,
  statement_missing,
  deposit_unpaid,
  case_value_mismatch,
  cost_near_case_value,
  cost_above_case_value,
  settlement_outstanding,
};
std::string_view to_string(DiscrepancyType type);  // "shipped-not-received", ...
Result<DiscrepancyType> discrepancy_type_from_string(std::string_view text);

struct Discrepancy {
  DiscrepancyType type = DiscrepancyType::shipped_not_received;
  std::string case_id;
  std::string line;                    // empty for case-level discrepancies
  std::vector<std::string> documents;  // "delivery JAP0015123A001", "receipt RCV-0001", ...
  std::int64_t usd_cents = 0;          // the amount at stake, always >= 0
  CivilDate arose;                     // when the condition began
  std::int64_t age_days = 0;           // as_of - arose
  std::string next_action;             // "file SDR (S3 non-receipt) by 2025-07-01"
  std::optional<CivilDate> action_due;
  friend bool operator==(const Discrepancy&, const Discrepancy&) = default;
};

// Every discrepancy on `as_of`, ordered by case, line, type, first document.
std::vector<Discrepancy> classify(const Portfolio& portfolio, const std::vector<Match>& matches,
                                  const Rules& rules, const CivilDate& as_of);

}  // namespace fms::recon
