// Cash forecast (see forecast.h).
#include "core/forecast.h"

#include <algorithm>
#include <map>
#include <utility>

namespace fms {
namespace {

FiscalQuarter japan_quarter(const CivilDate& date) {
  return FiscalQuarter::containing(FiscalCalendar::japan, date);
}

// Converts a case's dollars of one year as a whole, then splits the yen over the quarters by
// the quarters' dollars, so the parts add up to the whole. A year with a negative quarter (a
// refund in a bill) has no proportional split; its quarters are converted one by one and the
// year is their sum, which keeps the same invariant.
Result<std::vector<Money>> convert_parts(const std::vector<Money>& usd_parts,
                                         const ExchangeRate& rate) {
  bool proportional = true;
  std::vector<std::int64_t> weights;
  Money whole = Money::zero(Currency::usd());
  for (const Money& part : usd_parts) {
    proportional = proportional && !part.is_negative();
    weights.push_back(part.minor_units());
    FMS_ASSIGN_OR_RETURN(whole, whole.plus(part));
  }
  proportional = proportional && !whole.is_zero();
  std::vector<Money> out;
  if (proportional) {
    FMS_ASSIGN_OR_RETURN(const Money yen, rate.convert(whole));
    return yen.allocate(weights);
  }
  for (const Money& part : usd_parts) {
    FMS_ASSIGN_OR_RETURN(Money yen, rate.convert(part));
    out.push_back(yen);
  }
  return out;
}

struct Accumulator {
  ForecastTotal total;
  Status add(const CaseYear& year) {
    FMS_ASSIGN_OR_RETURN(total.usd, total.usd.plus(year.usd));
    FMS_ASSIGN_OR_RETURN(total.jpy_current, total.jpy_current.plus(year.jpy_current));
    if (year.jpy_budget) {
      FMS_ASSIGN_OR_RETURN(total.jpy_budget, total.jpy_budget.plus(*year.jpy_budget));
      if (year.exposure) {
        FMS_ASSIGN_OR_RETURN(total.exposure, total.exposure.plus(*year.exposure));
      }
    } else {
      total.complete = false;
    }
    return Status::Ok();
  }
};

// The part of a quarter's dollars already paid, and the yen it cost: the payments dated in the
// quarter by the forecast date whose yen is known, up to the quarter's dollars (a payment
// beyond them pays another quarter; its yen is taken in proportion). Refunds are not paid
// dollars; a quarter owing nothing (or a credit) has nothing paid.
Status add_paid(const CaseCashflow& flow, const CivilDate& as_of, ForecastQuarter& q) {
  if (!q.usd.is_negative() && !q.usd.is_zero()) {
    __extension__ using Int128 = __int128;
    Int128 usd = 0;
    Int128 yen = 0;
    for (const PaidItem& paid : flow.paid) {
      if (as_of < paid.date || !paid.jpy || paid.usd.is_negative()) continue;
      if (!(japan_quarter(paid.date) == q.quarter)) continue;
      usd += paid.usd.minor_units();
      yen += paid.jpy->minor_units();
    }
    if (usd == 0) return Status::Ok();
    const Int128 counted = std::min<Int128>(usd, q.usd.minor_units());
    // yen x counted / usd, rounded half away from zero (all positive here)
    const Int128 counted_yen = (2 * yen * counted + usd) / (2 * usd);
    q.usd_paid = Money(static_cast<std::int64_t>(counted), Currency::usd());
    q.jpy_paid = Money(static_cast<std::int64_t>(counted_yen), Currency::jpy());
  }
  return Status::Ok();
}

Result<CaseYear> forecast_year(const CaseCashflow& flow, const FiscalYear& year,
                               const std::vector<const CashflowItem*>& items,
                               const ForecastInput& input,
                               const std::optional<BudgetRates>& budget_rates) {
  CaseYear out;
  out.case_id = flow.case_id;
  out.title = flow.title;
  out.year = year;
  if (input.budget) {
    if (const Appropriation* line = input.budget->appropriation_for(flow.case_id, year)) {
      out.programme = line->programme;
      out.appropriation_id = line->id;
    }
  }
  // Quarters in order, each with its items' dollars and bases.
  std::map<FiscalQuarter, ForecastQuarter> quarters;
  for (const CashflowItem* item : items) {
    const FiscalQuarter quarter = japan_quarter(item->due);
    auto [it, inserted] = quarters.try_emplace(quarter);
    ForecastQuarter& q = it->second;
    if (inserted) {
      q.quarter = quarter;
      q.past = quarter.last_day() < input.as_of;
    }
    FMS_ASSIGN_OR_RETURN(q.usd, q.usd.plus(item->usd));
    if (std::find(q.basis.begin(), q.basis.end(), item->basis) == q.basis.end()) {
      q.basis.push_back(item->basis);
    }
  }
  std::vector<Money> usd_parts;
  std::vector<Money> unpaid_parts;  // what is left to pay, converted at the current rate
  for (auto& [quarter, q] : quarters) {
    FMS_TRY(add_paid(flow, input.as_of, q));
    usd_parts.push_back(q.usd);
    FMS_ASSIGN_OR_RETURN(Money unpaid, q.usd.minus(q.usd_paid));
    unpaid_parts.push_back(unpaid);
    FMS_ASSIGN_OR_RETURN(out.usd_paid, out.usd_paid.plus(q.usd_paid));
    FMS_ASSIGN_OR_RETURN(out.jpy_paid, out.jpy_paid.plus(q.jpy_paid));
    out.quarters.push_back(std::move(q));
  }
  FMS_ASSIGN_OR_RETURN(out.usd, sum(usd_parts, Currency::usd()));

  if (input.current_rate) {
    FMS_ASSIGN_OR_RETURN(const std::vector<Money> current,
                         convert_parts(unpaid_parts, input.current_rate->rate));
    for (std::size_t i = 0; i < current.size(); ++i) {
      FMS_ASSIGN_OR_RETURN(out.quarters[i].jpy_current, current[i].plus(out.quarters[i].jpy_paid));
    }
    FMS_ASSIGN_OR_RETURN(const Money projected, sum(current, Currency::jpy()));
    FMS_ASSIGN_OR_RETURN(out.jpy_current, projected.plus(out.jpy_paid));
  }

  if (budget_rates) {
    if (auto rate = budget_rates->for_year(year)) {
      FMS_ASSIGN_OR_RETURN(const std::vector<Money> budget, convert_parts(usd_parts, rate->rate));
      for (std::size_t i = 0; i < budget.size(); ++i) out.quarters[i].jpy_budget = budget[i];
      FMS_ASSIGN_OR_RETURN(const Money jpy_budget, sum(budget, Currency::jpy()));
      out.budget_rate = *rate;
      out.jpy_budget = jpy_budget;
      if (input.current_rate) {
        FMS_ASSIGN_OR_RETURN(const Money exposure, out.jpy_current.minus(jpy_budget));
        out.exposure = exposure;
      }
    }
  }
  return out;
}

}  // namespace

std::string_view to_string(AppropriationStatus status) {
  switch (status) {
    case AppropriationStatus::within:
      return "within";
    case AppropriationStatus::over_warn:
      return "over (warn)";
    case AppropriationStatus::over_block:
      return "over (block)";
  }
  return "within";
}

CaseCashflow case_cashflow(const LoaVersion& in_force, const std::string& version_label,
                           const CivilDate& deposit_due, const std::vector<BillRow>& bill_rows) {
  CaseCashflow flow;
  flow.case_id = in_force.case_id.to_string();
  flow.title = in_force.title;
  const std::string schedule = "schedule (" + version_label + ")";
  const PaymentSchedule& plan = in_force.payment_schedule;
  std::vector<CashflowItem> items;
  if (!plan.initial_deposit.is_zero()) {
    items.push_back({deposit_due, plan.initial_deposit, "initial deposit (" + version_label + ")"});
  }
  for (const PaymentInstallment& installment : plan.installments) {
    items.push_back({installment.due_date, installment.amount, schedule});
  }
  // The latest bill for each quarter (bills are in recorded order; a later statement of the
  // same quarter is a re-issue and wins).
  std::map<FiscalQuarter, const BillRow*> billed;
  for (const BillRow& row : bill_rows) {
    if (!row.line.empty() || row.case_id != flow.case_id) continue;
    if (!row.due_date || !row.amount_due) continue;  // a case row always has both
    const FiscalQuarter quarter = japan_quarter(*row.due_date);
    auto [it, inserted] = billed.try_emplace(quarter, &row);
    if (!inserted && !(row.statement_date < it->second->statement_date)) it->second = &row;
  }
  for (const CashflowItem& item : items) {
    if (billed.find(japan_quarter(item.due)) == billed.end()) flow.items.push_back(item);
  }
  for (const auto& [quarter, row] : billed) {
    flow.items.push_back(
        {*row->due_date, *row->amount_due, "DD 645 of " + row->statement_date.to_string()});
  }
  std::stable_sort(flow.items.begin(), flow.items.end(),
                   [](const CashflowItem& a, const CashflowItem& b) { return a.due < b.due; });
  return flow;
}

Result<Forecast> make_forecast(const ForecastInput& input) {
  Forecast out{input.as_of, input.current_rate, {}, {}, {}, {}};
  if (input.current_rate && (!(input.current_rate->rate.base() == Currency::usd()) ||
                             !(input.current_rate->rate.quote() == Currency::jpy()))) {
    return Error::invalid("the current rate must be USD/JPY, got " +
                          input.current_rate->rate.pair());
  }
  std::optional<BudgetRates> budget_rates;
  if (input.budget) {
    FMS_ASSIGN_OR_RETURN(BudgetRates rates, input.budget->usd_jpy_budget_rates());
    budget_rates = std::move(rates);
  }

  std::map<FiscalYear, Accumulator> years;
  std::map<std::pair<std::string, FiscalYear>, Accumulator> programmes;
  // What each appropriation (ids are unique in a book) funds, at budget rates.
  struct Funded {
    Money yen = Money::zero(Currency::jpy());
    bool complete = true;
  };
  std::map<std::string, Funded> funded;
  for (const CaseCashflow& flow : input.cases) {
    std::map<FiscalYear, std::vector<const CashflowItem*>> by_year;
    for (const CashflowItem& item : flow.items) {
      if (!(item.usd.currency() == Currency::usd())) {
        return Error::invalid(flow.case_id + ": a payment of " + item.usd.format_with_code() +
                              "; the forecast converts USD only");
      }
      by_year[FiscalYear::containing(FiscalCalendar::japan, item.due)].push_back(&item);
    }
    for (const auto& [year, items] : by_year) {
      FMS_ASSIGN_OR_RETURN(CaseYear case_year,
                           forecast_year(flow, year, items, input, budget_rates));
      auto [total, inserted] = years.try_emplace(year);
      if (inserted) total->second.total.year = year;
      FMS_TRY(total->second.add(case_year));
      const auto key = std::make_pair(case_year.programme, year);
      auto [programme, fresh] = programmes.try_emplace(key);
      if (fresh) {
        programme->second.total.programme = case_year.programme;
        programme->second.total.year = year;
      }
      FMS_TRY(programme->second.add(case_year));
      if (!case_year.appropriation_id.empty()) {
        Funded& line = funded[case_year.appropriation_id];
        if (case_year.jpy_budget) {
          FMS_ASSIGN_OR_RETURN(line.yen, line.yen.plus(*case_year.jpy_budget));
        } else {
          line.complete = false;
        }
      }
      out.case_years.push_back(std::move(case_year));
    }
  }
  for (auto& [year, accumulator] : years) out.years.push_back(accumulator.total);
  for (auto& [key, accumulator] : programmes) out.programmes.push_back(accumulator.total);

  if (input.budget) {
    for (const Appropriation& line : input.budget->appropriations) {
      AppropriationCheck check;
      check.line = line;
      const Funded& by_line = funded[line.id];
      check.forecast = by_line.yen;
      check.complete =
          by_line.complete && budget_rates && budget_rates->for_year(line.fiscal_year).ok();
      FMS_ASSIGN_OR_RETURN(check.headroom, line.amount.minus(check.forecast));
      if (check.headroom.is_negative()) {
        check.status = line.policy == OverrunPolicy::block ? AppropriationStatus::over_block
                                                           : AppropriationStatus::over_warn;
      }
      out.checks.push_back(std::move(check));
    }
  }
  return out;
}

}  // namespace fms
