// Turning a folded case into what the reconciliation engine needs to know of it.
#include "ledger/execution/reconciliation_view.h"

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

}  // namespace fms::ledger
