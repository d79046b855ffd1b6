// Where the multi-year money stands on a date: each programme envelope's consumption by the
// contracts signed under it, and each obligation authority's ceiling against the payments it
// covers. Pure: the ledger supplies the cases, payments and forecast.
//
// Consumption of an envelope share is the contract value (LOA total in force) of its cases
// signed within the envelope's years, in yen twice: at the rate the envelope was costed at
// (what the plan assumed) and at the budget rate of each contract's signing year (how MOD's
// procurement statistics convert FMS contracts, japan-fms.md §2). The difference is what the
// exchange rate has taken out of the plan.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "core/budget.h"
#include "core/civil_date.h"
#include "core/execution.h"
#include "core/forecast.h"
#include "core/money.h"

namespace fms {

struct CaseContract {
  std::string case_id;
  std::optional<CivilDate> signed_on;  // acceptance date; absent while only offered
  Money value{0, Currency::usd()};     // LOA total in force
};

struct ShareStatus {
  std::string envelope_id;
  std::string envelope_name;
  FiscalYear first_year{FiscalCalendar::japan, 0};
  FiscalYear last_year{FiscalCalendar::japan, 0};
  Money envelope_total{0, Currency::jpy()};
  ExchangeRate assumed_rate;
  std::string share_id;
  std::string share_name;
  Money share_amount{0, Currency::jpy()};
  std::vector<std::string> cases_counted;  // signed within the envelope's years by the date
  Money contracts_usd{0, Currency::usd()};
  Money consumed_at_assumed{0, Currency::jpy()};
  Money consumed_at_budget{0, Currency::jpy()};
  Money remaining{0, Currency::jpy()};        // share - consumed at budget rates
  Money exchange_effect{0, Currency::jpy()};  // consumed at budget - consumed at assumed
  bool complete = true;                       // false when a signing year has no budget rate
};

struct AuthorityStatus {
  ObligationAuthority authority;
  Money forecast_in_years{0, Currency::jpy()};  // at budget rates, in its payment years
  Money forecast_outside{0, Currency::jpy()};   // in years it does not cover
  std::vector<FiscalYear> years_outside;
  Money paid_to_date{0, Currency::jpy()};  // yen paid, or USD paid at its year's budget rate
  Money remaining{0, Currency::jpy()};     // ceiling - forecast in its years
  bool over_ceiling = false;
  bool complete = true;
};

struct BudgetStatus {
  std::vector<ShareStatus> shares;
  std::vector<AuthorityStatus> authorities;
};

Result<BudgetStatus> budget_status(const BudgetDocument& budget,
                                   const std::vector<CaseContract>& contracts,
                                   const Forecast& forecast,
                                   const std::vector<PaymentRow>& payments, const CivilDate& as_of);

}  // namespace fms
