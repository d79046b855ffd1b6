// What reconciliation and its reports work on: a folded case as the engine sees it, and the
// portfolio's view (ExecutionLedger::reconciliation_view): cases, active documents, match set.
#include "ledger/execution/reconciliation_view.h"

#include <future>

#include "ledger/execution/execution_ledger.h"
#include "ledger/execution/match_set.h"
#include "store/segment_codec.h"

namespace fms::ledger {

recon::Rules to_recon_rules(const ReconciliationRules& rules) {
  recon::Rules out;
  out.shipped_not_received_days = rules.shipped_not_received_days;
  out.receipt_window_days = rules.receipt_window_days;
  out.sdr_submission_days = rules.sdr_submission_days;
  out.sdr_minimum_cents = rules.sdr_minimum_cents;
  out.value_tolerance_basis_points = rules.value_tolerance_basis_points;
  out.closure_months_after_ssc = rules.closure_months_after_ssc;
  out.statement_missing_days = rules.statement_missing_days;
  out.case_value_warning_basis_points = rules.case_value_warning_basis_points;
  return out;
}

recon::CaseInfo case_info(const CaseState& state) {
  recon::CaseInfo info;
  info.case_id = state.case_id;
  info.status = state.status;
  for (const StatusChange& change : state.history) {
    if (change.to == CaseStatus::supply_services_complete)
      info.supply_services_complete = change.date;
    if (change.to == CaseStatus::implemented && !info.implemented) info.implemented = change.date;
    if (change.to == CaseStatus::closed || change.to == CaseStatus::cancelled) {
      info.closed = change.date;
    }
    if (change.to == CaseStatus::reopened) info.closed.reset();
  }
  if (state.documents.empty()) return info;
  const LoaVersion& current = state.current();
  info.value_cents = current.cost_summary.total.minor_units();
  // Availability is estimated in months after the case was accepted: the Basic LOA's acceptance.
  const std::optional<CivilDate> accepted = state.documents.front().document.acceptance_date;
  for (const LoaLine& line : current.lines) {
    recon::LineInfo out;
    out.line = line.number;
    out.quantity = line.quantity;
    out.per_unit = line.pricing == LinePricing::per_unit;
    out.unit_cost_cents = out.per_unit ? line.unit_cost.minor_units() : 0;
    out.total_cents = line.total.minor_units();
    if (accepted && line.availability_months_to) {
      out.planned_availability = accepted->plus_months(*line.availability_months_to);
    }
    info.lines.push_back(std::move(out));
  }
  if (accepted) {
    info.schedule.push_back({*accepted, current.payment_schedule.initial_deposit.minor_units()});
    info.initial_deposit_cents = current.payment_schedule.initial_deposit.minor_units();
    info.deposit_due = *accepted;
  }
  for (const PaymentInstallment& installment : current.payment_schedule.installments) {
    info.schedule.push_back({installment.due_date, installment.amount.minor_units()});
  }
  return info;
}

namespace {

// Each listing's shipments, and its other rows set apart at the same index (empty when it has
// none): the engine matches shipments only.
Status load_listings(store::Store& store, const std::vector<std::string>& hashes,
                     ReconciliationView& view) {
  for (const std::string& hash : hashes) {
    FMS_ASSIGN_OR_RETURN(SharedBytes bytes, store.read_segment(hash));
    FMS_ASSIGN_OR_RETURN(DeliveryListing rows, store::decode_delivery_segment(std::move(bytes)));
    if (rows.has_transactions()) {
      SplitListing split = split_by_transaction(rows);
      view.delivery_rows.push_back(std::move(split.shipments));
      view.listing_others.push_back(std::move(split.others));
    } else {
      view.delivery_rows.push_back(std::move(rows));
      view.listing_others.emplace_back();
    }
  }
  return Status::Ok();
}

Status load_receipts(store::Store& store, const std::vector<std::string>& hashes,
                     ReconciliationView& view) {
  for (const std::string& hash : hashes) {
    FMS_ASSIGN_OR_RETURN(SharedBytes bytes, store.read_segment(hash));
    FMS_ASSIGN_OR_RETURN(ReceiptInspections rows, store::decode_receipt_segment(std::move(bytes)));
    view.receipt_rows.push_back(std::move(rows));
  }
  return Status::Ok();
}

}  // namespace

Result<ReconciliationView> ExecutionLedger::reconciliation_view(const CivilDate& as_of) {
  ReconciliationView view;
  view.as_of = as_of;
  FMS_ASSIGN_OR_RETURN(view.rules, reference_.reconciliation_rules_on(as_of));
  // One read of the log serves both folds.
  FMS_ASSIGN_OR_RETURN(auto events, store_.read_events(store::business_events()));
  FMS_ASSIGN_OR_RETURN(view.execution, book_of(events));
  // Each case as it stood on the as-of date: documents in force, status, a lapsed offer.
  FMS_ASSIGN_OR_RETURN(view.cases, fold_cases(events, reference_, AsOf{as_of, std::nullopt}));
  for (const auto& [case_id, state] : view.cases) {
    view.recon_input.cases.push_back(case_info(state));
  }

  // The documents the match set refers to: the last run's lists when it is current, otherwise
  // the active documents now.
  view.unreconciled_documents = view.execution.documents_since_last_run();
  const bool use_run = view.execution.last_run && view.unreconciled_documents == 0;
  std::vector<std::string> delivery_hashes;
  std::vector<std::string> receipt_hashes;
  if (use_run) {
    delivery_hashes = view.execution.last_run->run.deliveries;
    receipt_hashes = view.execution.last_run->run.receipts;
  } else {
    for (const auto* d : view.execution.active(ExecutionKind::delivery_listing)) {
      delivery_hashes.push_back(d->record.content_hash);
    }
    for (const auto* d : view.execution.active(ExecutionKind::receipts)) {
      receipt_hashes.push_back(d->record.content_hash);
    }
  }

  // Segments load on two threads: deliveries on one, receipts on the other.
  auto load_deliveries =
      std::async(std::launch::async, [&] { return load_listings(store_, delivery_hashes, view); });
  const Status receipts_loaded = load_receipts(store_, receipt_hashes, view);
  FMS_TRY(load_deliveries.get());
  FMS_TRY(receipts_loaded);
  for (std::size_t i = 0; i < delivery_hashes.size(); ++i) {
    const ExecutionDocument* d = view.execution.find(delivery_hashes[i]);
    const std::string source = d ? d->record.source : "";
    view.recon_input.deliveries.push_back({delivery_hashes[i], source, &view.delivery_rows[i]});
    const DeliveryListing& others = view.listing_others[i];
    view.recon_input.listing_others.push_back(
        {delivery_hashes[i], source, others.size() == 0 ? nullptr : &others});
  }
  for (std::size_t i = 0; i < receipt_hashes.size(); ++i) {
    const ExecutionDocument* d = view.execution.find(receipt_hashes[i]);
    view.recon_input.receipts.push_back(
        {receipt_hashes[i], d ? d->record.source : "", &view.receipt_rows[i]});
  }
  for (const auto* d : view.execution.active(ExecutionKind::bill)) {
    view.recon_input.bills.push_back({d->record.content_hash, d->record.source, &*d->record.bill});
  }
  for (const auto* d : view.execution.active(ExecutionKind::payments)) {
    view.recon_input.payments.push_back(
        {d->record.content_hash, d->record.source, &*d->record.payments});
  }

  if (use_run) {
    FMS_ASSIGN_OR_RETURN(SharedBytes bytes,
                         store_.read_segment(view.execution.last_run->run.matches_segment));
    FMS_ASSIGN_OR_RETURN(view.matches, decode_match_set(std::move(bytes)));
  } else {
    view.matches = recon::match(view.recon_input, to_recon_rules(view.rules));
    view.fresh = true;
  }
  return view;
}

}  // namespace fms::ledger
