// Everything the money-over-time reports need on one date: each case as it stood then, the
// bills and payments recorded for it, the budget book in force and the USD/JPY rate of the day.
// Derived from the log each time, like the reconciliation view.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "core/execution.h"
#include "core/forecast.h"
#include "core/rate_series.h"
#include "ledger/cases/case_state.h"
#include "ledger/execution/execution_book.h"
#include "ledger/money/money_book.h"

namespace fms::ledger {

struct BudgetInForce;

struct FinanceView {
  CivilDate as_of;
  std::optional<std::string> organisation;  // whose money; nullopt: the whole portfolio
  ExecutionBook execution;                  // the bills and payments recorded
  MoneyBook money;                          // the rates and budget documents recorded
  std::map<std::string, CaseState> cases;   // documents in force and status on as_of
  std::optional<RecordedBudget> budget_record;
  std::optional<BudgetDocument> budget;
  std::optional<RatePoint> current_rate;  // USD/JPY on or before as_of; absent without rates
  std::string current_rate_problem;       // why it is absent
  std::vector<BillRow> bill_rows;         // of active bills with statement dates by as_of
  std::vector<PaymentRow> payments;       // of active payment documents, dated by as_of

  // The exchange rates this organisation reads (MoneyBook::rates_for).
  [[nodiscard]] const RateBook& rates() const { return money.rates_for(organisation); }
  // The cash-flow of every case with a document in force (bills by as_of replace schedule
  // quarters), with the payments made and the yen each cost where that is known.
  [[nodiscard]] std::vector<CaseCashflow> cashflows() const;
  // The forecast; an error naming what to import when there is no USD/JPY rate by as_of.
  [[nodiscard]] Result<Forecast> forecast() const;
};

// The case-total rows (line empty) of the active DD 645 bills with statement dates by `as_of`.
std::vector<BillRow> case_bill_rows(const ExecutionBook& execution, const CivilDate& as_of);

}  // namespace fms::ledger
