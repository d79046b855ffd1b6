// The finance view (see finance_view.h) and how the money ledger builds it.
#include "ledger/money/finance_view.h"

#include <map>
#include <string>

#include "ledger/money/money_ledger.h"

namespace fms::ledger {

std::vector<BillRow> case_bill_rows(const ExecutionBook& execution, const CivilDate& as_of) {
  std::vector<BillRow> rows;
  for (const ExecutionDocument* document : execution.active(ExecutionKind::bill)) {
    if (!document->record.bill) continue;
    for (const BillRow& row : document->record.bill->rows) {
      if (row.line.empty() && !(as_of < row.statement_date)) rows.push_back(row);
    }
  }
  return rows;
}

namespace {

// A payment with the yen it cost: as recorded with it, or else at the recorded USD/JPY rate of
// its date (the transaction-date rate); unknown without either.
PaidItem paid_item(const PaymentRow& row, const RateBook& rates) {
  PaidItem item{row.date, row.usd, row.jpy};
  if (!item.jpy) {
    if (auto rate = rates.on(Currency::usd(), Currency::jpy(), row.date)) {
      if (auto yen = rate->rate.convert(row.usd)) item.jpy = *yen;
    }
  }
  return item;
}

}  // namespace

// The bills and payments are grouped by case once: a portfolio has thousands of cases.
std::vector<CaseCashflow> FinanceView::cashflows() const {
  std::map<std::string, std::vector<BillRow>> bills_by_case;
  for (const BillRow& row : bill_rows) bills_by_case[row.case_id].push_back(row);
  std::map<std::string, std::vector<PaidItem>> paid_by_case;
  for (const PaymentRow& row : payments) {
    paid_by_case[row.case_id].push_back(paid_item(row, rates()));
  }
  std::vector<CaseCashflow> out;
  for (const auto& [case_id, state] : cases) {
    if (state.documents.empty()) continue;
    const LoaVersion& current = state.current();
    const LoaVersion& basic = state.documents.front().document;
    const CivilDate deposit_due = basic.acceptance_date.value_or(basic.effective_date);
    out.push_back(case_cashflow(current, document_label(current.kind, current.version), deposit_due,
                                bills_by_case[case_id]));
    out.back().paid = std::move(paid_by_case[case_id]);
  }
  return out;
}

Result<Forecast> FinanceView::forecast() const {
  if (!current_rate) {
    return Error::not_found(current_rate_problem +
                            " (the forecast converts at the USD/JPY rate of its date; "
                            "fmsledger rates import FILE)");
  }
  ForecastInput input{as_of, cashflows(), budget, *current_rate};
  return make_forecast(input);
}

Result<FinanceView> MoneyLedger::finance_view(const CivilDate& as_of, const Scope& scope,
                                              const std::optional<std::string>& organisation) {
  FinanceView view;
  view.as_of = as_of;
  FMS_ASSIGN_OR_RETURN(view.organisation,
                       finance_organisation(scope, organisation, Permission::read));
  FMS_ASSIGN_OR_RETURN(auto events, store_.read_events(store::business_events()));
  FMS_ASSIGN_OR_RETURN(view.execution, execution_.book_of(events));
  FMS_ASSIGN_OR_RETURN(view.money, fold_money(events));
  AsOf case_as_of;
  case_as_of.business_date = as_of;
  FMS_ASSIGN_OR_RETURN(view.cases, fold_cases(events, reference_, case_as_of));
  // The organisation's cases only; the whole portfolio's for a scope over every organisation.
  const auto in_view = [&](const std::string& case_id) {
    return scope.may_read(case_id) &&
           (!view.organisation || scope.organisation_of_case(case_id) == view.organisation);
  };
  std::erase_if(view.cases, [&](const auto& entry) { return !in_view(entry.first); });
  FMS_ASSIGN_OR_RETURN(std::optional<BudgetInForce> budget,
                       budget_in_force(view.money, as_of, view.organisation, scope));
  if (budget) {
    view.budget_record = std::move(budget->record);
    view.budget = std::move(budget->document);
  }
  if (auto rate = view.rates().on(Currency::usd(), Currency::jpy(), as_of)) {
    view.current_rate = *rate;
  } else {
    view.current_rate_problem = rate.error().message;
  }
  view.bill_rows = case_bill_rows(view.execution, as_of);
  std::erase_if(view.bill_rows, [&](const BillRow& row) { return !in_view(row.case_id); });
  for (const ExecutionDocument* document : view.execution.active(ExecutionKind::payments)) {
    if (!document->record.payments) continue;
    for (const PaymentRow& row : document->record.payments->rows) {
      if (!(as_of < row.date) && in_view(row.case_id)) view.payments.push_back(row);
    }
  }
  return view;
}

}  // namespace fms::ledger
