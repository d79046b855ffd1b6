// The evidence a lifecycle step of one case is checked against (core/lifecycle_guard.h), from
// the active execution documents that name the case. Only that case's rows are read: a step is
// one case's business, whatever the size of the portfolio.
#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "core/case_position.h"
#include "ledger/execution/execution_ledger.h"
#include "ledger/execution/reconciliation_view.h"
#include "store/segment_codec.h"

namespace fms::ledger {
namespace {

std::vector<LineDelivery> ordered_lines(const LoaVersion& document) {
  std::vector<LineDelivery> lines;
  for (const LoaLine& line : document.lines) {
    LineDelivery out;
    out.line = line.number;
    out.per_unit = line.pricing == LinePricing::per_unit;
    out.ordered_quantity = line.quantity;
    out.total_cents = line.total.minor_units();
    lines.push_back(std::move(out));
  }
  return lines;
}

// Adds what `rows` list as shipped or performed on the case's lines by `date`, less their
// shipment credits. A row another listing already reported (the same type, document number,
// line, date and quantity: a duplicate report, which reconciliation flags) counts once.
void add_deliveries(const DeliveryListing& rows, const std::string& case_id, const CivilDate& date,
                    std::vector<LineDelivery>& lines, std::set<std::string>& counted) {
  std::vector<LineDelivery*> line_of_key;
  for (const LineKey& key : rows.line_keys) {
    LineDelivery* found = nullptr;
    if (key.case_id == case_id) {
      for (LineDelivery& line : lines) {
        if (line.line == key.line) found = &line;
      }
    }
    line_of_key.push_back(found);
  }
  const std::int32_t last_day = date.serial();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    LineDelivery* line = line_of_key[rows.line[i]];
    if (line == nullptr || rows.ship_date[i] > last_day) continue;
    const DeliveryTransaction type = rows.transaction_of(i);
    if (type != DeliveryTransaction::shipment && type != DeliveryTransaction::shipment_credit) {
      continue;  // charges and replies deliver nothing
    }
    const std::string key = std::string(to_string(type)) + '|' +
                            std::string(rows.document_number.at(i)) + '|' + line->line + '|' +
                            std::to_string(rows.ship_date[i]) + '|' +
                            std::to_string(rows.quantity[i]);
    if (!counted.insert(key).second) continue;
    const std::int64_t sign = type == DeliveryTransaction::shipment_credit ? -1 : 1;
    line->delivered_quantity += sign * rows.quantity[i];
    line->delivered_value_cents += sign * rows.value_cents[i];
  }
}

}  // namespace

Result<LifecycleEvidence> ExecutionLedger::lifecycle_evidence(const CaseState& state,
                                                              const CivilDate& date) {
  LifecycleEvidence evidence;
  evidence.date = date;
  if (state.documents.empty()) return evidence;
  const LoaVersion& in_force = state.current();
  evidence.initial_deposit_cents = in_force.payment_schedule.initial_deposit.minor_units();
  evidence.lines = ordered_lines(in_force);

  FMS_ASSIGN_OR_RETURN(ExecutionBook book, load());
  std::set<std::string> counted;
  for (const ExecutionDocument* document : book.active(ExecutionKind::delivery_listing)) {
    if (!document->names_case(state.case_id)) continue;
    FMS_ASSIGN_OR_RETURN(SharedBytes bytes, store_.read_segment(document->record.content_hash));
    FMS_ASSIGN_OR_RETURN(DeliveryListing rows, store::decode_delivery_segment(std::move(bytes)));
    add_deliveries(rows, state.case_id, date, evidence.lines, counted);
  }

  const recon::CaseInfo info = case_info(state);
  PositionInput input;
  input.as_of = date;
  input.case_value_cents = info.value_cents;
  for (const recon::PlannedPayment& planned : info.schedule) {
    input.schedule.push_back({planned.due_date, planned.usd_cents});
  }
  for (const ExecutionDocument* document : book.active(ExecutionKind::bill)) {
    if (!document->names_case(state.case_id) || !document->record.bill) continue;
    for (const BillRow& row : document->record.bill->rows) {
      if (row.case_id == state.case_id && row.line.empty()) input.statements.push_back(&row);
    }
  }
  for (const ExecutionDocument* document : book.active(ExecutionKind::payments)) {
    if (!document->names_case(state.case_id) || !document->record.payments) continue;
    for (const PaymentRow& row : document->record.payments->rows) {
      if (row.case_id == state.case_id) input.payments.push_back(&row);
    }
  }
  evidence.position = case_position(input);
  return evidence;
}

}  // namespace fms::ledger
