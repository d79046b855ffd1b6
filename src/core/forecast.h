// Cash forecast of FMS cases in Japanese fiscal quarters, in dollars and in yen at two rates.
//
// A case is paid in advance on its payment schedule (deposit at acceptance, then quarterly
// installments); once the seller bills a quarter (DD 645), the bill's amount due replaces the
// schedule for that quarter. Each payment is placed in the Japanese fiscal quarter of its due
// date and converted to yen twice: at the budget rate of its fiscal year (what the budget
// assumed) and at the current rate (what it would cost now). The difference is the
// exchange-rate exposure (japan-fms.md §2: payments ≈¥300 bn above contract for JFY2023-25).
//
// Rounding: a case's dollars in one fiscal year are converted as a whole and the yen is split
// over its quarters by the allocation rule of core/money.h (weights: each quarter's cents), so
// the quarters always add up to the year. Nothing here does I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "core/budget.h"
#include "core/civil_date.h"
#include "core/execution.h"
#include "core/fiscal_year.h"
#include "core/loa.h"
#include "core/money.h"
#include "core/rate_series.h"

namespace fms {

// One expected payment of a case.
struct CashflowItem {
  CivilDate due;
  Money usd{0, Currency::usd()};
  std::string basis;  // "schedule (Amendment 1)", "DD 645 of 2025-09-30"
};

// A payment made: the USD remitted and, where known, the yen it cost.
struct PaidItem {
  CivilDate date;
  Money usd{0, Currency::usd()};
  std::optional<Money> jpy;
};

struct CaseCashflow {
  std::string case_id;
  std::string title;
  std::vector<CashflowItem> items;  // by due date
  std::vector<PaidItem> paid;       // the payments made, any order
};

// The payments expected of a case: its payment schedule in force, with each Japanese fiscal
// quarter that a bill covers taken from the latest bill for it instead. The initial deposit is
// due with the Basic LOA's acceptance (`deposit_due`), whatever document restated it since.
// `bill_rows` are the case-total rows (line empty) of the case's bills, in the order recorded.
CaseCashflow case_cashflow(const LoaVersion& in_force, const std::string& version_label,
                           const CivilDate& deposit_due, const std::vector<BillRow>& bill_rows);

struct ForecastQuarter {
  FiscalQuarter quarter;
  Money usd{0, Currency::usd()};
  std::optional<Money> jpy_budget;  // absent when the year has no budget rate
  // The dollars of the quarter already paid (by the forecast date, with their yen known, at
  // most the quarter's dollars) and the yen they actually cost.
  Money usd_paid{0, Currency::usd()};
  Money jpy_paid{0, Currency::jpy()};
  // The yen the quarter costs: what was paid as paid, the rest at the current rate.
  Money jpy_current{0, Currency::jpy()};
  std::vector<std::string> basis;
  bool past = false;  // the quarter ended before the forecast date
};

// One case in one Japanese fiscal year.
struct CaseYear {
  std::string case_id;
  std::string title;
  FiscalYear year{FiscalCalendar::japan, 0};
  std::string programme;         // of the appropriation funding it, or "" when none does
  std::string appropriation_id;  // "" when none
  Money usd{0, Currency::usd()};
  std::optional<RatePoint> budget_rate;
  std::optional<Money> jpy_budget;
  Money usd_paid{0, Currency::usd()};  // the quarters' sums
  Money jpy_paid{0, Currency::jpy()};
  Money jpy_current{0,
                    Currency::jpy()};  // realised yen for what is paid, current rate for the rest
  std::optional<Money> exposure;       // jpy_current - jpy_budget
  std::vector<ForecastQuarter> quarters;
};

// Sums over cases. A total is "complete" only when every case in it had a budget rate.
struct ForecastTotal {
  std::string programme;  // "" for a fiscal-year total over all programmes
  FiscalYear year{FiscalCalendar::japan, 0};
  Money usd{0, Currency::usd()};
  Money jpy_budget{0, Currency::jpy()};
  Money jpy_current{0, Currency::jpy()};
  Money exposure{0, Currency::jpy()};
  bool complete = true;
};

enum class AppropriationStatus { within, over_warn, over_block };
std::string_view to_string(AppropriationStatus status);  // "within", "over (warn)", "over (block)"

// An appropriation against the forecast (at the budget rate) of the cases it funds.
struct AppropriationCheck {
  Appropriation line;
  Money forecast{0, Currency::jpy()};
  Money headroom{0, Currency::jpy()};  // appropriation - forecast; negative when over
  AppropriationStatus status = AppropriationStatus::within;
  bool complete = true;  // false when the year has no budget rate
};

struct ForecastInput {
  CivilDate as_of;
  std::vector<CaseCashflow> cases;
  std::optional<BudgetDocument> budget;  // the book in force on as_of, if one is recorded
  // USD/JPY on or before as_of. Without it only the budget side is computed (the ledger's
  // appropriation check needs no current rate); jpy_current stays 0 and exposure absent.
  std::optional<RatePoint> current_rate;
};

struct Forecast {
  CivilDate as_of;
  std::optional<RatePoint> current_rate;
  std::vector<CaseYear> case_years;       // by case, then year
  std::vector<ForecastTotal> years;       // per fiscal year, all programmes
  std::vector<ForecastTotal> programmes;  // per programme and fiscal year
  std::vector<AppropriationCheck> checks;
};

Result<Forecast> make_forecast(const ForecastInput& input);

}  // namespace fms
