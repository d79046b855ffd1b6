// The financial position of one case on a date, recomputed from its documents: the LOA in force
// (value and payment schedule), the seller's quarterly DD 645 statements and the purchaser's
// payments. These are the figures a finance officer acts on; the status, closure and exceptions
// reports and the API show them and nothing else (docs/reports.md, "The financial position").
//
// The seller's figures come from the latest statement dated on or before the date. The rules,
// each from SAMM chapter 9 (fms-reference.md §6.2a):
//  - The bill, not the payment schedule, is the claim (C9.10.1). Arrears are the amount due and
//    payable of the latest statement whose due date has passed, less the payments made after
//    that statement's date, never below zero; the difference between schedule and bill is shown
//    and not counted as arrears.
//  - Cash held by the seller = payments − total cost to date; the termination-liability reserve
//    is not available cash (DSCA 05-13), so available cash = cash held − that reserve. The
//    seller pools a purchaser's cash across its implemented cases (C9.12.1): a case may run a
//    deficit the purchaser's other cases cover (report/financial_status.h sums the pool).
//  - A final statement of account settles the case (C16.1.1.2): what the seller received less
//    the total cost is a refund due when positive, an under-collection when negative.
//
// Money is USD cents; sums saturate rather than wrap. Nothing here does I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "core/execution.h"

namespace fms {

// An amount the payment schedule expects on a date: the initial deposit or an instalment.
struct ScheduledPayment {
  CivilDate due;
  std::int64_t usd_cents = 0;
};

struct PositionInput {
  CivilDate as_of;
  std::int64_t case_value_cents = 0;        // the LOA in force, lines plus charges
  std::vector<ScheduledPayment> schedule;   // deposit and instalments of the LOA in force
  std::vector<const BillRow*> statements;   // the case rows of the case's active bills
  std::vector<const PaymentRow*> payments;  // the case's payments and refunds, any date
};

// What a statement states about the cost to date, parts absent when not stated.
struct StatementFigures {
  CivilDate statement_date;
  bool final_statement = false;
  std::optional<std::int64_t> case_value_cents;
  std::optional<std::int64_t> delivered_cents;
  std::optional<std::int64_t> costs_in_progress_cents;
  std::optional<std::int64_t> accessorials_cents;  // PC&H + transportation, either stated
  std::optional<std::int64_t> surcharges_cents;    // admin surcharge + CAS, either stated
  std::optional<std::int64_t> total_cost_cents;    // stated, or the sum of every stated part
  std::optional<std::int64_t> received_cents;      // cumulative payments received by the seller
  std::int64_t termination_liability_cents = 0;
  std::int64_t amount_due_cents = 0;
  CivilDate due_date;
  std::optional<std::int64_t> forecast_next_quarter_cents;
};

// The payment the purchaser owes next.
struct PaymentDue {
  CivilDate due;
  std::int64_t usd_cents = 0;
  std::string basis;  // "DD 645 of 2026-09-30" or "payment schedule"
};

// The refund or under-collection a final statement settles.
struct Settlement {
  CivilDate statement_date;
  std::int64_t received_cents = 0;    // payments received, per the final statement
  std::int64_t total_cost_cents = 0;  // the final total cost to date
  // received − total cost: positive a refund due to the purchaser, negative an
  // under-collection the purchaser pays.
  std::int64_t balance_cents = 0;
  // Payments after the statement date: a refund received is negative, an under-collection
  // paid positive.
  std::int64_t paid_since_cents = 0;
  // balance + paid since: what is still to be refunded (positive) or paid (negative).
  std::int64_t outstanding_cents = 0;
  [[nodiscard]] bool settled() const { return outstanding_cents == 0; }
};

struct CasePosition {
  CivilDate as_of;
  std::int64_t case_value_cents = 0;
  std::optional<StatementFigures> statement;  // the latest on or before as_of
  std::size_t statements = 0;                 // statements dated on or before as_of
  std::int64_t paid_cents = 0;                // the purchaser's payments (refunds negative)
  std::int64_t paid_jpy = 0;                  // their yen cost, where recorded
  std::size_t payments_without_yen = 0;       // payments whose yen cost is not recorded
  // Payments dated on or before the latest statement's date: what it should acknowledge.
  std::int64_t paid_by_statement_cents = 0;
  std::int64_t scheduled_to_date_cents = 0;  // the schedule's amounts due on or before as_of
  // Cash held: paid − total cost to date; nullopt without a statement stating its cost.
  std::optional<std::int64_t> cash_held_cents;
  std::optional<std::int64_t> cash_available_cents;  // cash held − termination liability
  std::int64_t arrears_cents = 0;
  std::optional<CivilDate> arrears_due;  // the due date of the statement in arrears
  // The schedule's amounts due by the latest statement's due date, less what that statement
  // claims (payments received + amount due); shown, never counted as arrears.
  std::optional<std::int64_t> schedule_minus_billed_cents;
  std::optional<PaymentDue> next_payment;
  std::optional<Settlement> settlement;  // when the latest statement is final

  // What the seller has claimed to date: payments it acknowledges plus the amount due.
  [[nodiscard]] std::optional<std::int64_t> billed_to_date_cents() const;
};

// The figures of one statement case row.
StatementFigures statement_figures(const BillRow& row);

CasePosition case_position(const PositionInput& input);

}  // namespace fms
