// The money checks of each case (see money_checks.h). Statements and payments are few (a case
// has a handful a year), so each case's are gathered once and its position computed whole.
#include "recon/money_checks.h"

#include <algorithm>
#include <string>

#include "core/case_position.h"
#include "core/fiscal_year.h"
#include "recon/amounts.h"

namespace fms::recon {
namespace {

constexpr std::int64_t kBasisPoints = 10'000;

std::string bill_name(const std::string& case_id, const CivilDate& statement_date) {
  return "bill " + case_id + " " + statement_date.to_string();
}

// Each case entry's statements (case rows) and payments, from the active documents.
struct CaseMoney {
  std::vector<const BillRow*> statements;
  std::vector<const PaymentRow*> payments;
};

std::vector<CaseMoney> gather(const ClassifyContext& c) {
  std::vector<CaseMoney> out(c.catalog.size());
  for (const auto& document : c.portfolio.bills) {
    if (document.rows == nullptr) continue;
    for (const BillRow& row : document.rows->rows) {
      const std::uint32_t id = c.catalog.find_case(row.case_id);
      if (row.line.empty() && id != kNoLine) out[id].statements.push_back(&row);
    }
  }
  for (const auto& document : c.portfolio.payments) {
    if (document.rows == nullptr) continue;
    for (const PaymentRow& row : document.rows->rows) {
      const std::uint32_t id = c.catalog.find_case(row.case_id);
      if (id != kNoLine) out[id].payments.push_back(&row);
    }
  }
  return out;
}

struct CaseCheck {
  const ClassifyContext& context;
  std::uint32_t id = 0;
  const CaseInfo& info;
  const CaseMoney& money;
  const CasePosition& position;
  Findings& findings;

  [[nodiscard]] CivilDate as_of() const { return CivilDate::from_serial(context.as_of); }
};

// The payments the purchaser made by a statement's date against those it acknowledges.
void check_credited(const CaseCheck& k) {
  const std::optional<StatementFigures>& s = k.position.statement;
  if (!s || !s->received_cents) return;
  const std::int64_t paid = k.position.paid_by_statement_cents;
  const std::int64_t received = *s->received_cents;
  if (paid == received) return;
  const std::int64_t difference = clamped_difference(paid, received);
  const std::string statement = "the DD 645 of " + s->statement_date.to_string();
  if (paid > received) {
    k.findings.add(DiscrepancyType::payment_not_credited, k.id,
                   {bill_name(k.info.case_id, s->statement_date)}, difference,
                   s->statement_date.serial(),
                   advice("ask DFAS to credit USD " + format_usd(difference) + ": paid USD " +
                          format_usd(paid) + " by " + s->statement_date.to_string() + ", " +
                          statement + " shows USD " + format_usd(received) + " received"));
    return;
  }
  k.findings.add(DiscrepancyType::credited_not_recorded, k.id,
                 {bill_name(k.info.case_id, s->statement_date)}, difference,
                 s->statement_date.serial(),
                 advice("record the payments " + statement + " acknowledges: USD " +
                        format_usd(received) + " received against USD " + format_usd(paid) +
                        " recorded (USD " + format_usd(difference) + " not recorded)"));
}

void check_overdue(const CaseCheck& k) {
  if (k.position.arrears_cents <= 0 || !k.position.arrears_due) return;
  const CivilDate due = *k.position.arrears_due;
  // The statement in arrears: the latest one due on that date.
  const BillRow* overdue = nullptr;
  for (const BillRow* row : k.money.statements) {
    if (row->due_date != due) continue;
    if (overdue == nullptr || overdue->statement_date < row->statement_date) overdue = row;
  }
  std::vector<std::string> documents;
  if (overdue != nullptr) documents.push_back(bill_name(k.info.case_id, overdue->statement_date));
  NextAction action = advice("pay USD " + format_usd(k.position.arrears_cents) + ", due " +
                             due.to_string() + " and not paid");
  action.due = due;
  k.findings.add(DiscrepancyType::statement_overdue, k.id, std::move(documents),
                 k.position.arrears_cents, due.serial(), std::move(action));
}

// The quarter ends from the first after implementation on, each expected by its end plus
// statement_missing_days; a closed case expects none after its closure, nor after its final
// statement. One discrepancy names every missing statement, aged from the oldest.
void check_missing(const CaseCheck& k) {
  if (!k.info.implemented) return;
  std::optional<CivilDate> last_expected;
  for (const BillRow* row : k.money.statements) {
    if (row->final_statement && !(k.as_of() < row->statement_date)) {
      last_expected = row->statement_date;
    }
  }
  if (k.info.closed && (!last_expected || *k.info.closed < *last_expected)) {
    last_expected = k.info.closed;
  }
  const int lag = k.context.rules.statement_missing_days;
  std::vector<CivilDate> missing;
  CivilDate quarter_end =
      FiscalQuarter::containing(FiscalCalendar::us, *k.info.implemented).last_day();
  while (quarter_end.plus_days(lag) < k.as_of()) {
    if (last_expected && *last_expected < quarter_end) break;
    const bool received =
        std::any_of(k.money.statements.begin(), k.money.statements.end(),
                    [&](const BillRow* row) { return row->statement_date == quarter_end; });
    if (!received) missing.push_back(quarter_end);
    quarter_end = quarter_end.plus_days(1).plus_months(3).plus_days(-1);
  }
  if (missing.empty()) return;
  std::vector<std::string> documents;
  for (const CivilDate& date : missing) documents.push_back(bill_name(k.info.case_id, date));
  const CivilDate expected = missing.front().plus_days(lag);
  NextAction action =
      advice(missing.size() == 1
                 ? "ask DFAS for the DD 645 of " + missing.front().to_string()
                 : "ask DFAS for the " + std::to_string(missing.size()) + " missing DD 645s, of " +
                       missing.front().to_string() + " to " + missing.back().to_string());
  action.due = expected;
  k.findings.add(DiscrepancyType::statement_missing, k.id, std::move(documents), 0,
                 expected.serial(), std::move(action));
}

// Only initial deposits are paid without a bill (SAMM C9.10.1): once due, they are owed.
void check_deposit(const CaseCheck& k) {
  if (k.info.initial_deposit_cents <= 0 || !k.info.deposit_due || !k.info.implemented) return;
  if (!(*k.info.deposit_due < k.as_of())) return;
  std::int64_t known = k.position.paid_cents;
  if (k.position.statement && k.position.statement->received_cents) {
    known = std::max(known, *k.position.statement->received_cents);
  }
  if (known >= k.info.initial_deposit_cents) return;
  const std::int64_t unpaid = k.info.initial_deposit_cents - known;
  NextAction action =
      advice("pay the initial deposit (USD " + format_usd(k.info.initial_deposit_cents) +
             ", due with acceptance on " + k.info.deposit_due->to_string() +
             "), or record its payment: USD " + format_usd(unpaid) + " not paid");
  action.due = *k.info.deposit_due;
  k.findings.add(DiscrepancyType::deposit_unpaid, k.id, {}, unpaid, k.info.deposit_due->serial(),
                 std::move(action));
}

bool at_or_after_ssc(CaseStatus status) {
  return status == CaseStatus::supply_services_complete ||
         status == CaseStatus::closure_submitted || status == CaseStatus::closed_interim ||
         status == CaseStatus::closed;
}

void check_case_value(const CaseCheck& k) {
  const std::optional<StatementFigures>& s = k.position.statement;
  if (!s) return;
  const std::int64_t value = k.info.value_cents;
  const std::vector<std::string> documents{bill_name(k.info.case_id, s->statement_date)};
  if (s->case_value_cents && *s->case_value_cents != value) {
    k.findings.add(
        DiscrepancyType::case_value_mismatch, k.id, documents,
        clamped_difference(*s->case_value_cents, value), s->statement_date.serial(),
        advice("reconcile the case value with the implementing agency: the DD 645 "
               "carries USD " +
               format_usd(*s->case_value_cents) + ", the LOA in force USD " + format_usd(value)));
  }
  if (!s->total_cost_cents || value <= 0) return;
  const std::int64_t cost = *s->total_cost_cents;
  if (cost > value) {
    k.findings.add(DiscrepancyType::cost_above_case_value, k.id, documents,
                   clamped_difference(cost, value), s->statement_date.serial(),
                   advice("ask the implementing agency for an amendment: costs to date USD " +
                          format_usd(cost) + " exceed the case value USD " + format_usd(value)));
    return;
  }
  // A case whose supplies and services are complete ends near its value: no amendment then.
  if (at_or_after_ssc(k.info.status)) return;
  __extension__ using Int128 = __int128;
  const bool near = static_cast<Int128>(cost) * kBasisPoints >=
                    static_cast<Int128>(value) * k.context.rules.case_value_warning_basis_points;
  if (!near) return;
  const auto percent = static_cast<std::int64_t>(static_cast<Int128>(cost) * 100 / value);
  k.findings.add(DiscrepancyType::cost_near_case_value, k.id, documents, value - cost,
                 s->statement_date.serial(),
                 advice("ask the implementing agency whether an amendment is needed: costs to "
                        "date USD " +
                        format_usd(cost) + " are " + std::to_string(percent) +
                        "% of the case value, USD " + format_usd(value - cost) + " left"));
}

// After supply/services complete: what the final statement leaves, or before it the cash held.
void check_settlement(const CaseCheck& k) {
  if (!k.info.supply_services_complete || !at_or_after_ssc(k.info.status)) return;
  const CivilDate ssc = *k.info.supply_services_complete;
  const CivilDate target = ssc.plus_months(k.context.rules.closure_months_after_ssc);
  if (const std::optional<Settlement>& settlement = k.position.settlement) {
    if (settlement->settled()) return;
    const std::int64_t amount = clamped_difference(settlement->outstanding_cents, 0);
    NextAction action = advice(
        (settlement->outstanding_cents > 0 ? "request the refund of USD "
                                           : "pay the under-collection of USD ") +
        format_usd(amount) + " the final statement of " + settlement->statement_date.to_string() +
        " leaves (received USD " + format_usd(settlement->received_cents) + " - total cost USD " +
        format_usd(settlement->total_cost_cents) + ")");
    action.due = target;
    k.findings.add(DiscrepancyType::settlement_outstanding, k.id,
                   {bill_name(k.info.case_id, settlement->statement_date)}, amount,
                   settlement->statement_date.serial(), std::move(action));
    return;
  }
  const std::optional<std::int64_t>& held = k.position.cash_held_cents;
  if (!held || *held == 0) return;
  const std::int64_t amount = clamped_difference(*held, 0);
  NextAction action = advice("ask DFAS for the final statement of account: " +
                             std::string(*held > 0 ? "cash held USD " : "costs unpaid USD ") +
                             format_usd(amount) + " (paid - total cost to date)");
  action.due = target;
  k.findings.add(DiscrepancyType::past_ssc_unsettled, k.id, {}, amount, ssc.serial(),
                 std::move(action));
}

PositionInput position_input(const ClassifyContext& c, const CaseInfo& info,
                             const CaseMoney& money) {
  PositionInput input;
  input.as_of = CivilDate::from_serial(c.as_of);
  input.case_value_cents = info.value_cents;
  for (const PlannedPayment& planned : info.schedule) {
    input.schedule.push_back({planned.due_date, planned.usd_cents});
  }
  input.statements = money.statements;
  input.payments = money.payments;
  return input;
}

}  // namespace

void check_money(const ClassifyContext& context, Findings& findings) {
  const std::vector<CaseMoney> money = gather(context);
  for (std::uint32_t id = 0; id < context.catalog.size(); ++id) {
    if (context.catalog.case_entry(id) != id) continue;
    const CaseInfo* info = context.catalog.case_info(id);
    if (info == nullptr) continue;
    const CasePosition position = case_position(position_input(context, *info, money[id]));
    const CaseCheck check{context, id, *info, money[id], position, findings};
    check_credited(check);
    check_overdue(check);
    check_missing(check);
    check_deposit(check);
    check_case_value(check);
    check_settlement(check);
  }
}

}  // namespace fms::recon
