// Deriving every case's financial figures from the reconciliation view in one pass over each
// kind of document.
//
// Delivery listings and receipts can hold millions of rows, so each document's small (case,
// line) dictionary is mapped to its line once and every row is then an array look-up. Telling
// an original delivery row from a duplicate would take a hash table over every document number;
// classify has already found the repeated numbers (one duplicate-document discrepancy per
// duplicate row), so only rows carrying one of those few numbers are looked at twice.
#include "report/financial_status.h"

#include <algorithm>
#include <limits>
#include <unordered_set>

#include "recon/amounts.h"
#include "report/usd_text.h"

namespace fms::report {
namespace {

constexpr std::string_view kDeliveryReferencePrefix = "delivery ";
constexpr std::uint32_t kNoSlot = std::numeric_limits<std::uint32_t>::max();

struct LineSlot {
  std::uint32_t case_index = kNoSlot;
  std::uint32_t line_index = kNoSlot;
};

// The case and line every document row is filed under.
class LineIndex {
 public:
  explicit LineIndex(std::vector<CaseFinancials>& cases) : cases_(cases) {
    lines_.resize(cases.size());
    for (std::size_t c = 0; c < cases.size(); ++c) {
      by_case_.emplace(cases[c].case_id, static_cast<std::uint32_t>(c));
      for (std::size_t l = 0; l < cases[c].lines.size(); ++l) {
        lines_[c].emplace(cases[c].lines[l].line, static_cast<std::uint32_t>(l));
      }
    }
  }

  [[nodiscard]] std::uint32_t find_case(const std::string& case_id) const {
    const auto found = by_case_.find(case_id);
    return found == by_case_.end() ? kNoSlot : found->second;
  }

  // The line of a known case, added (not on the LOA) the first time a document names it.
  LineSlot slot(const std::string& case_id, const std::string& line) {
    const std::uint32_t c = find_case(case_id);
    if (c == kNoSlot) return {};
    auto [it, added] = lines_[c].emplace(line, static_cast<std::uint32_t>(cases_[c].lines.size()));
    if (added) {
      LineFinancials unknown;
      unknown.line = line;
      unknown.on_loa = false;
      unknown.per_unit = false;
      cases_[c].lines.push_back(std::move(unknown));
    }
    return {c, it->second};
  }

  LineFinancials& at(LineSlot slot) { return cases_[slot.case_index].lines[slot.line_index]; }

  std::vector<LineSlot> slots(const std::vector<LineKey>& keys) {
    std::vector<LineSlot> out;
    out.reserve(keys.size());
    for (const LineKey& key : keys) out.push_back(slot(key.case_id, key.line));
    return out;
  }

 private:
  std::vector<CaseFinancials>& cases_;
  std::map<std::string, std::uint32_t> by_case_;
  std::vector<std::map<std::string, std::uint32_t>> lines_;
};

CaseFinancials from_case_info(const recon::CaseInfo& info) {
  CaseFinancials out;
  out.case_id = info.case_id;
  out.status = info.status;
  out.supply_services_complete = info.supply_services_complete;
  out.case_value_cents = info.value_cents;
  for (const recon::LineInfo& line : info.lines) {
    LineFinancials figures;
    figures.line = line.line;
    figures.per_unit = line.per_unit;
    figures.ordered_quantity = line.quantity;
    figures.ordered_value_cents = line.total_cents;
    figures.unit_cost_cents = line.unit_cost_cents;
    figures.planned_availability = line.planned_availability;
    out.lines.push_back(std::move(figures));
  }
  return out;
}

void add_deliveries(const ledger::ReconciliationView& view,
                    const std::vector<recon::Discrepancy>& discrepancies, LineIndex& index) {
  std::unordered_set<std::string_view> repeated_numbers;
  for (const recon::Discrepancy& d : discrepancies) {
    if (d.type != recon::DiscrepancyType::duplicate_document || d.documents.empty()) continue;
    std::string_view reference = d.documents.front();
    if (reference.starts_with(kDeliveryReferencePrefix)) {
      repeated_numbers.insert(reference.substr(kDeliveryReferencePrefix.size()));
    }
  }
  std::unordered_set<std::string_view> first_seen;
  for (const auto& document : view.recon_input.deliveries) {
    if (document.rows == nullptr) continue;
    const DeliveryListing& rows = *document.rows;
    const std::vector<LineSlot> slots = index.slots(rows.line_keys);
    for (std::size_t r = 0; r < rows.size(); ++r) {
      if (!repeated_numbers.empty()) {
        const std::string_view number = rows.document_number.at(r);
        if (repeated_numbers.contains(number) && !first_seen.insert(number).second) continue;
      }
      const LineSlot slot = slots[rows.line[r]];
      if (slot.case_index == kNoSlot) continue;
      LineFinancials& line = index.at(slot);
      line.delivered_quantity += rows.quantity[r];
      line.delivered_value_cents = saturating_add(line.delivered_value_cents, rows.value_cents[r]);
    }
  }
}

// The listings' rows that are not shipments: credits come off what their line delivered,
// charges are the case's, a reply to an adjustment request moves nothing.
void add_listing_others(const ledger::ReconciliationView& view, std::vector<CaseFinancials>& cases,
                        LineIndex& index) {
  for (const auto& document : view.recon_input.listing_others) {
    if (document.rows == nullptr) continue;
    const DeliveryListing& rows = *document.rows;
    const std::vector<LineSlot> slots = index.slots(rows.line_keys);
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const LineSlot slot = slots[rows.line[r]];
      if (slot.case_index == kNoSlot) continue;
      const std::int64_t value = rows.value_cents[r];
      std::int64_t& charges = cases[slot.case_index].listed_charges_cents;
      switch (rows.transaction_of(r)) {
        case DeliveryTransaction::shipment_credit: {
          LineFinancials& line = index.at(slot);
          line.delivered_quantity -= rows.quantity[r];
          line.delivered_value_cents = saturating_sub(line.delivered_value_cents, value);
          line.credited_quantity += rows.quantity[r];
          line.credited_value_cents = saturating_add(line.credited_value_cents, value);
          break;
        }
        case DeliveryTransaction::administrative_charge:
        case DeliveryTransaction::accessorial_charge:
          charges = saturating_add(charges, value);
          break;
        case DeliveryTransaction::administrative_credit:
        case DeliveryTransaction::accessorial_credit:
          charges = saturating_sub(charges, value);
          break;
        default:
          break;
      }
    }
  }
}

void add_receipts(const ledger::ReconciliationView& view, LineIndex& index) {
  for (const auto& document : view.recon_input.receipts) {
    if (document.rows == nullptr) continue;
    const ReceiptInspections& rows = *document.rows;
    const std::vector<LineSlot> slots = index.slots(rows.line_keys);
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const LineSlot slot = slots[rows.line[r]];
      if (slot.case_index == kNoSlot) continue;
      LineFinancials& line = index.at(slot);
      line.received_quantity += rows.quantity_received[r];
      line.accepted_quantity += rows.quantity_accepted[r];
      line.rejected_quantity += rows.quantity_rejected[r];
    }
  }
}

// The latest row by statement date on or before the report date; on the same date the later
// document (and row) wins, as in classify.
void add_line_bills(const ledger::ReconciliationView& view, LineIndex& index) {
  for (const auto& document : view.recon_input.bills) {
    if (document.rows == nullptr) continue;
    for (const BillRow& row : document.rows->rows) {
      if (view.as_of < row.statement_date) continue;  // not issued yet on the report date
      if (row.line.empty()) continue;                 // the case rows make the financial position
      if (!row.cumulative_delivered) continue;
      const LineSlot slot = index.slot(row.case_id, row.line);
      if (slot.case_index == kNoSlot) continue;
      LineFinancials& line = index.at(slot);
      if (line.billed_statement_date && row.statement_date < *line.billed_statement_date) continue;
      line.billed_statement_date = row.statement_date;
      line.billed_delivered_cents = row.cents(StatementField::cumulative_delivered);
    }
  }
}

void add_payments(const ledger::ReconciliationView& view, std::vector<CaseFinancials>& cases,
                  const LineIndex& index) {
  for (const auto& document : view.recon_input.payments) {
    if (document.rows == nullptr) continue;
    for (const PaymentRow& row : document.rows->rows) {
      if (row.date > view.as_of) continue;
      const std::uint32_t c = index.find_case(row.case_id);
      if (c == kNoSlot) continue;
      cases[c].paid_cents = saturating_add(cases[c].paid_cents, row.usd.minor_units());
    }
  }
}

// Each case's financial position from its statements, payments and schedule.
void add_positions(const ledger::ReconciliationView& view, std::vector<CaseFinancials>& cases,
                   const LineIndex& index) {
  std::vector<PositionInput> inputs(cases.size());
  for (std::size_t c = 0; c < cases.size(); ++c) {
    inputs[c].as_of = view.as_of;
    inputs[c].case_value_cents = cases[c].case_value_cents;
    for (const recon::PlannedPayment& planned : view.recon_input.cases[c].schedule) {
      inputs[c].schedule.push_back({planned.due_date, planned.usd_cents});
    }
  }
  for (const auto& document : view.recon_input.bills) {
    if (document.rows == nullptr) continue;
    for (const BillRow& row : document.rows->rows) {
      const std::uint32_t c = index.find_case(row.case_id);
      if (row.line.empty() && c != kNoSlot) inputs[c].statements.push_back(&row);
    }
  }
  for (const auto& document : view.recon_input.payments) {
    if (document.rows == nullptr) continue;
    for (const PaymentRow& row : document.rows->rows) {
      const std::uint32_t c = index.find_case(row.case_id);
      if (c != kNoSlot) inputs[c].payments.push_back(&row);
    }
  }
  for (std::size_t c = 0; c < cases.size(); ++c) cases[c].position = case_position(inputs[c]);
}

void add_discrepancies(const std::vector<recon::Discrepancy>& discrepancies,
                       std::vector<CaseFinancials>& cases, LineIndex& index) {
  for (const recon::Discrepancy& d : discrepancies) {
    const std::uint32_t c = index.find_case(d.case_id);
    if (c == kNoSlot) continue;
    CaseFinancials& figures = cases[c];
    ++figures.open_discrepancies.count;
    figures.open_discrepancies.usd_cents =
        saturating_add(figures.open_discrepancies.usd_cents, d.usd_cents);
    DiscrepancyTally& by_type = figures.open_by_type[d.type];
    ++by_type.count;
    by_type.usd_cents = saturating_add(by_type.usd_cents, d.usd_cents);
    if (d.line.empty()) continue;
    LineFinancials& line = index.at(index.slot(d.case_id, d.line));
    ++line.open_discrepancies;
    line.open_discrepancies_cents = saturating_add(line.open_discrepancies_cents, d.usd_cents);
  }
}

// `sdrs` as they stood on the report date: a credit answered later does not count yet, and an
// SDR closed later is still open.
void add_sdrs(const ledger::SdrRegister& sdrs, std::vector<CaseFinancials>& cases,
              LineIndex& index) {
  for (const auto& [case_id, credits] : sdrs.credits_by_case()) {
    const std::uint32_t c = index.find_case(case_id);
    if (c != kNoSlot) cases[c].sdr_credits_cents = credits;
  }
  for (const auto& [key, credits] : sdrs.credits_by_line()) {
    if (key.second.empty()) continue;  // a case-level SDR: no line to show it on
    const LineSlot slot = index.slot(key.first, key.second);
    if (slot.case_index != kNoSlot) index.at(slot).sdr_credits_cents = credits;
  }
  for (const ledger::Sdr& sdr : sdrs.all()) {
    if (!sdr.open()) continue;
    const std::uint32_t c = index.find_case(sdr.created.case_id);
    if (c != kNoSlot) cases[c].open_sdrs.push_back(sdr.number.to_string());
  }
}

std::int64_t undelivered_value(const LineFinancials& line) {
  if (!line.on_loa) return 0;
  if (line.per_unit) {
    if (line.delivered_quantity >= line.ordered_quantity) return 0;
    return recon::clamped_product(line.ordered_quantity - line.delivered_quantity,
                                  line.unit_cost_cents);
  }
  return std::max<std::int64_t>(
      0, saturating_sub(line.ordered_value_cents, line.delivered_value_cents));
}

void find_adverse_conditions(CaseFinancials& figures) {
  const std::string case_value = usd_text(figures.case_value_cents);
  if (figures.delivered_value_cents > figures.case_value_cents) {
    figures.adverse.push_back({AdverseCondition::deliveries_above_case_value, "",
                               "deliveries USD " + usd_text(figures.delivered_value_cents) +
                                   " above the case value USD " + case_value});
  }
  const std::optional<std::int64_t> billed = figures.position.billed_to_date_cents();
  if (billed && *billed > figures.case_value_cents) {
    figures.adverse.push_back({AdverseCondition::billed_above_case_value, "",
                               "billed USD " + usd_text(*billed) + " (DD 645 of " +
                                   figures.position.statement->statement_date.to_string() +
                                   ") above the case value USD " + case_value});
  }
  if (figures.paid_cents > figures.case_value_cents) {
    figures.adverse.push_back({AdverseCondition::payments_above_case_value, "",
                               "payments USD " + usd_text(figures.paid_cents) +
                                   " above the case value USD " + case_value});
  }
  for (const LineFinancials& line : figures.lines) {
    if (line.delivered_quantity <= line.ordered_quantity) continue;
    figures.adverse.push_back({AdverseCondition::line_delivered_beyond_quantity, line.line,
                               "line " + line.line + (line.on_loa ? "" : " (not on the LOA)") +
                                   ": " + std::to_string(line.delivered_quantity) +
                                   " delivered of " + std::to_string(line.ordered_quantity) +
                                   " ordered"});
  }
}

void finish(CaseFinancials& figures) {
  std::sort(figures.lines.begin(), figures.lines.end(),
            [](const LineFinancials& a, const LineFinancials& b) { return a.line < b.line; });
  for (LineFinancials& line : figures.lines) {
    line.undelivered_value_cents = undelivered_value(line);
    figures.ordered_value_cents =
        saturating_add(figures.ordered_value_cents, line.ordered_value_cents);
    figures.delivered_value_cents =
        saturating_add(figures.delivered_value_cents, line.delivered_value_cents);
    figures.undelivered_value_cents =
        saturating_add(figures.undelivered_value_cents, line.undelivered_value_cents);
    figures.credited_value_cents =
        saturating_add(figures.credited_value_cents, line.credited_value_cents);
  }
  find_adverse_conditions(figures);
}

}  // namespace

std::string_view to_string(AdverseCondition condition) {
  switch (condition) {
    case AdverseCondition::deliveries_above_case_value:
      return "deliveries-above-case-value";
    case AdverseCondition::billed_above_case_value:
      return "billed-above-case-value";
    case AdverseCondition::payments_above_case_value:
      return "payments-above-case-value";
    case AdverseCondition::line_delivered_beyond_quantity:
      return "line-delivered-beyond-quantity";
  }
  return "unknown";
}

bool in_execution(CaseStatus status) {
  switch (status) {
    case CaseStatus::implemented:
    case CaseStatus::suspended:
    case CaseStatus::cancellation_requested:
    case CaseStatus::supply_services_complete:
    case CaseStatus::closure_submitted:
    case CaseStatus::closed_interim:
    case CaseStatus::reopened:
      return true;
    default:
      return false;
  }
}

bool at_or_after_supply_services_complete(CaseStatus status) {
  return status == CaseStatus::supply_services_complete ||
         status == CaseStatus::closure_submitted || status == CaseStatus::closed_interim ||
         status == CaseStatus::closed;
}

std::vector<recon::Discrepancy> view_discrepancies(const ledger::ReconciliationView& view) {
  return recon::classify(view.recon_input, view.matches, ledger::to_recon_rules(view.rules),
                         view.as_of);
}

std::vector<CaseFinancials> case_financials(const ledger::PortfolioView& view,
                                            const std::vector<recon::Discrepancy>& discrepancies) {
  std::vector<CaseFinancials> cases;
  cases.reserve(view.recon_input.cases.size());
  for (const recon::CaseInfo& info : view.recon_input.cases) {
    cases.push_back(from_case_info(info));
    const auto state = view.cases.find(info.case_id);
    if (state != view.cases.end() && !state->second.documents.empty()) {
      cases.back().title = state->second.current().title;
    }
  }
  LineIndex index(cases);
  add_deliveries(view, discrepancies, index);
  add_listing_others(view, cases, index);
  add_receipts(view, index);
  add_line_bills(view, index);
  add_payments(view, cases, index);
  add_positions(view, cases, index);
  add_discrepancies(discrepancies, cases, index);
  add_sdrs(view.sdrs_as_of(), cases, index);
  for (CaseFinancials& figures : cases) finish(figures);
  return cases;
}

}  // namespace fms::report
