// Envelope and obligation-authority status (see budget_status.h).
#include "core/budget_status.h"

#include <algorithm>
#include <map>

namespace fms {
namespace {

bool contains(const std::vector<std::string>& cases, const std::string& case_id) {
  return std::find(cases.begin(), cases.end(), case_id) != cases.end();
}

Result<ShareStatus> share_status(const Envelope& envelope, const EnvelopeShare& share,
                                 const std::vector<CaseContract>& contracts,
                                 const BudgetRates& budget_rates, const CivilDate& as_of) {
  ShareStatus out{envelope.id,
                  envelope.name,
                  envelope.first_year,
                  envelope.last_year,
                  envelope.total,
                  envelope.assumed_rate,
                  share.id,
                  share.name,
                  share.amount,
                  {},
                  Money::zero(Currency::usd()),
                  Money::zero(Currency::jpy()),
                  Money::zero(Currency::jpy()),
                  Money::zero(Currency::jpy()),
                  Money::zero(Currency::jpy()),
                  true};
  for (const CaseContract& contract : contracts) {
    if (!contains(share.cases, contract.case_id) || !contract.signed_on) continue;
    if (as_of < *contract.signed_on) continue;
    const FiscalYear year = FiscalYear::containing(FiscalCalendar::japan, *contract.signed_on);
    if (year < envelope.first_year || envelope.last_year < year) continue;
    out.cases_counted.push_back(contract.case_id);
    FMS_ASSIGN_OR_RETURN(out.contracts_usd, out.contracts_usd.plus(contract.value));
    FMS_ASSIGN_OR_RETURN(const Money assumed, envelope.assumed_rate.convert(contract.value));
    FMS_ASSIGN_OR_RETURN(out.consumed_at_assumed, out.consumed_at_assumed.plus(assumed));
    if (auto rate = budget_rates.for_year(year)) {
      FMS_ASSIGN_OR_RETURN(const Money budget, rate->rate.convert(contract.value));
      FMS_ASSIGN_OR_RETURN(out.consumed_at_budget, out.consumed_at_budget.plus(budget));
    } else {
      out.complete = false;
    }
  }
  FMS_ASSIGN_OR_RETURN(out.remaining, share.amount.minus(out.consumed_at_budget));
  FMS_ASSIGN_OR_RETURN(out.exchange_effect, out.consumed_at_budget.minus(out.consumed_at_assumed));
  return out;
}

Result<AuthorityStatus> authority_status(const ObligationAuthority& authority,
                                         const Forecast& forecast,
                                         const std::vector<PaymentRow>& payments,
                                         const BudgetRates& budget_rates) {
  AuthorityStatus out;
  out.authority = authority;
  for (const CaseYear& year : forecast.case_years) {
    if (!contains(authority.cases, year.case_id)) continue;
    if (!year.jpy_budget) {
      out.complete = false;
      continue;
    }
    const bool covered = std::find(authority.payment_years.begin(), authority.payment_years.end(),
                                   year.year) != authority.payment_years.end();
    if (covered) {
      FMS_ASSIGN_OR_RETURN(out.forecast_in_years, out.forecast_in_years.plus(*year.jpy_budget));
    } else {
      FMS_ASSIGN_OR_RETURN(out.forecast_outside, out.forecast_outside.plus(*year.jpy_budget));
      if (std::find(out.years_outside.begin(), out.years_outside.end(), year.year) ==
          out.years_outside.end()) {
        out.years_outside.push_back(year.year);
      }
    }
  }
  for (const PaymentRow& payment : payments) {
    if (!contains(authority.cases, payment.case_id)) continue;
    if (payment.amount.currency() == Currency::jpy()) {
      FMS_ASSIGN_OR_RETURN(out.paid_to_date, out.paid_to_date.plus(payment.amount));
    } else if (auto rate = budget_rates.for_date(payment.date)) {
      FMS_ASSIGN_OR_RETURN(const Money yen, rate->rate.convert(payment.usd));
      FMS_ASSIGN_OR_RETURN(out.paid_to_date, out.paid_to_date.plus(yen));
    } else {
      out.complete = false;
    }
  }
  FMS_ASSIGN_OR_RETURN(out.remaining, authority.ceiling.minus(out.forecast_in_years));
  out.over_ceiling = out.remaining.is_negative();
  std::sort(out.years_outside.begin(), out.years_outside.end());
  return out;
}

}  // namespace

Result<BudgetStatus> budget_status(const BudgetDocument& budget,
                                   const std::vector<CaseContract>& contracts,
                                   const Forecast& forecast,
                                   const std::vector<PaymentRow>& payments,
                                   const CivilDate& as_of) {
  FMS_ASSIGN_OR_RETURN(const BudgetRates budget_rates, budget.usd_jpy_budget_rates());
  BudgetStatus out;
  for (const Envelope& envelope : budget.envelopes) {
    for (const EnvelopeShare& share : envelope.shares) {
      FMS_ASSIGN_OR_RETURN(ShareStatus status,
                           share_status(envelope, share, contracts, budget_rates, as_of));
      out.shares.push_back(std::move(status));
    }
  }
  for (const ObligationAuthority& authority : budget.authorities) {
    FMS_ASSIGN_OR_RETURN(AuthorityStatus status,
                         authority_status(authority, forecast, payments, budget_rates));
    out.authorities.push_back(std::move(status));
  }
  return out;
}

}  // namespace fms
