#include "core/case_position.h"

#include <algorithm>

#include "core/saturating.h"

namespace fms {
namespace {

std::optional<std::int64_t> stated(const BillRow& row, StatementField field) {
  const std::optional<Money>* amount = row.amount(field);
  if (amount == nullptr || !amount->has_value()) return std::nullopt;
  return (*amount)->minor_units();
}

// The sum of the fields the row states; nullopt when it states none of them.
std::optional<std::int64_t> stated_sum(const BillRow& row,
                                       std::initializer_list<StatementField> fields) {
  std::optional<std::int64_t> sum;
  for (const StatementField field : fields) {
    const std::optional<std::int64_t> value = stated(row, field);
    if (value) sum = saturating_add(sum.value_or(0), *value);
  }
  return sum;
}

// The latest statement on or before the date; on the same date the one recorded later.
const BillRow* latest_statement(const PositionInput& input, std::size_t& count) {
  const BillRow* latest = nullptr;
  count = 0;
  for (const BillRow* row : input.statements) {
    if (input.as_of < row->statement_date) continue;
    ++count;
    if (latest == nullptr || !(row->statement_date < latest->statement_date)) latest = row;
  }
  return latest;
}

// The latest statement whose due date passed before the date.
const BillRow* latest_overdue(const PositionInput& input) {
  const BillRow* overdue = nullptr;
  for (const BillRow* row : input.statements) {
    if (!row->due_date || !(*row->due_date < input.as_of)) continue;
    if (overdue == nullptr || !(row->statement_date < overdue->statement_date)) overdue = row;
  }
  return overdue;
}

// Payments dated after `after` and on or before the position's date.
std::int64_t paid_between(const PositionInput& input, const CivilDate& after) {
  std::int64_t sum = 0;
  for (const PaymentRow* payment : input.payments) {
    if (payment->date <= after || input.as_of < payment->date) continue;
    sum = saturating_add(sum, payment->usd.minor_units());
  }
  return sum;
}

void add_payments(const PositionInput& input, CasePosition& position) {
  for (const PaymentRow* payment : input.payments) {
    if (input.as_of < payment->date) continue;
    position.paid_cents = saturating_add(position.paid_cents, payment->usd.minor_units());
    if (payment->jpy) {
      position.paid_jpy = saturating_add(position.paid_jpy, payment->jpy->minor_units());
    } else {
      ++position.payments_without_yen;
    }
    if (position.statement && !(position.statement->statement_date < payment->date)) {
      position.paid_by_statement_cents =
          saturating_add(position.paid_by_statement_cents, payment->usd.minor_units());
    }
  }
}

std::int64_t scheduled_by(const PositionInput& input, const CivilDate& date) {
  std::int64_t sum = 0;
  for (const ScheduledPayment& item : input.schedule) {
    if (!(date < item.due)) sum = saturating_add(sum, item.usd_cents);
  }
  return sum;
}

// The open statement's balance if one is not yet due; else the next instalment of the schedule.
std::optional<PaymentDue> next_payment(const PositionInput& input) {
  const BillRow* open = nullptr;
  for (const BillRow* row : input.statements) {
    if (input.as_of < row->statement_date || !row->due_date || *row->due_date < input.as_of) {
      continue;
    }
    if (open == nullptr || !(row->statement_date < open->statement_date)) open = row;
  }
  if (open != nullptr) {
    const std::int64_t left = saturating_sub(open->cents(StatementField::amount_due),
                                             paid_between(input, open->statement_date));
    if (left > 0) {
      return PaymentDue{*open->due_date, left, "DD 645 of " + open->statement_date.to_string()};
    }
  }
  const ScheduledPayment* next = nullptr;
  for (const ScheduledPayment& item : input.schedule) {
    if (!(input.as_of < item.due) || item.usd_cents <= 0) continue;
    if (next == nullptr || item.due < next->due) next = &item;
  }
  if (next == nullptr) return std::nullopt;
  return PaymentDue{next->due, next->usd_cents, "payment schedule"};
}

}  // namespace

StatementFigures statement_figures(const BillRow& row) {
  using F = StatementField;
  StatementFigures figures;
  figures.statement_date = row.statement_date;
  figures.final_statement = row.final_statement;
  figures.case_value_cents = stated(row, F::case_value);
  figures.delivered_cents = stated(row, F::cumulative_delivered);
  figures.costs_in_progress_cents = stated(row, F::costs_in_progress);
  figures.accessorials_cents = stated_sum(row, {F::packing_crating_handling, F::transportation});
  figures.surcharges_cents = stated_sum(row, {F::admin_surcharge, F::contract_administration});
  figures.total_cost_cents = stated(row, F::total_cost);
  if (!figures.total_cost_cents) {
    figures.total_cost_cents =
        stated_sum(row, {F::cumulative_delivered, F::costs_in_progress, F::packing_crating_handling,
                         F::transportation, F::admin_surcharge, F::contract_administration});
  }
  figures.received_cents = stated(row, F::cumulative_payments);
  figures.termination_liability_cents = row.cents(F::termination_liability);
  figures.amount_due_cents = row.cents(F::amount_due);
  figures.due_date = row.due_date.value_or(row.statement_date);
  figures.forecast_next_quarter_cents = stated(row, F::forecast_next_quarter);
  return figures;
}

std::optional<std::int64_t> CasePosition::billed_to_date_cents() const {
  if (!statement || !statement->received_cents) return std::nullopt;
  return saturating_add(*statement->received_cents, statement->amount_due_cents);
}

CasePosition case_position(const PositionInput& input) {
  CasePosition position;
  position.as_of = input.as_of;
  position.case_value_cents = input.case_value_cents;
  const BillRow* latest = latest_statement(input, position.statements);
  if (latest != nullptr) position.statement = statement_figures(*latest);
  add_payments(input, position);
  position.scheduled_to_date_cents = scheduled_by(input, input.as_of);
  if (position.statement && position.statement->total_cost_cents) {
    position.cash_held_cents =
        saturating_sub(position.paid_cents, *position.statement->total_cost_cents);
    position.cash_available_cents =
        saturating_sub(*position.cash_held_cents, position.statement->termination_liability_cents);
  }
  if (const BillRow* overdue = latest_overdue(input); overdue != nullptr) {
    const std::int64_t unpaid = saturating_sub(overdue->cents(StatementField::amount_due),
                                               paid_between(input, overdue->statement_date));
    if (unpaid > 0) {
      position.arrears_cents = unpaid;
      position.arrears_due = overdue->due_date;
    }
  }
  if (const std::optional<std::int64_t> billed = position.billed_to_date_cents()) {
    position.schedule_minus_billed_cents =
        saturating_sub(scheduled_by(input, position.statement->due_date), *billed);
  }
  position.next_payment = next_payment(input);
  if (position.statement && position.statement->final_statement &&
      position.statement->received_cents && position.statement->total_cost_cents) {
    const StatementFigures& final_statement = *position.statement;
    Settlement settlement;
    settlement.statement_date = final_statement.statement_date;
    settlement.received_cents = *final_statement.received_cents;
    settlement.total_cost_cents = *final_statement.total_cost_cents;
    settlement.balance_cents =
        saturating_sub(settlement.received_cents, settlement.total_cost_cents);
    settlement.paid_since_cents = paid_between(input, final_statement.statement_date);
    settlement.outstanding_cents =
        saturating_add(settlement.balance_cents, settlement.paid_since_cents);
    position.settlement = settlement;
  }
  return position;
}

}  // namespace fms
