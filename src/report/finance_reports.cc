// Forecast, exposure and envelope reports (see finance_reports.h).
#include "report/finance_reports.h"

#include <utility>

#include "base/short_hash.h"
#include "io/budget_json.h"
#include "report/sheet_text.h"

namespace fms::report {
namespace {

XlsxCell optional_money(const std::optional<Money>& money) {
  if (money) return *money;
  return XlsxEmpty{};
}

XlsxCell rate_cell(const std::optional<RatePoint>& point) {
  if (point) return point->rate;
  return XlsxEmpty{};
}

std::string describe_point(const RatePoint& point) {
  return point.rate.pair() + " " + point.rate.to_string() + " of " + point.date.to_string() + " (" +
         point.source + ")";
}

nlohmann::ordered_json rate_json(const RatePoint& point, RateKind kind) {
  return {{"pair", point.rate.pair()},
          {"rate", point.rate.to_string()},
          {"kind", std::string(to_string(kind))},
          {"date", point.date.to_string()},
          {"source", point.source}};
}

nlohmann::ordered_json context_json(const ledger::FinanceView& view, const Forecast& forecast) {
  nlohmann::ordered_json context;
  context["as_of"] = view.as_of.to_string();
  context["current_rate"] = rate_json(*forecast.current_rate, RateKind::current);
  nlohmann::ordered_json budget_rates = nlohmann::ordered_json::array();
  if (view.budget && view.budget_record) {
    context["budget"] = {{"content_hash", view.budget_record->content_hash},
                         {"source", view.budget_record->source},
                         {"effective_date", view.budget->effective_date.to_string()},
                         {"title", view.budget->title},
                         {"provenance", view.budget->provenance}};
    for (const BudgetRate& entry : view.budget->budget_rates) {
      nlohmann::ordered_json rate = rate_json(
          RatePoint{entry.fiscal_year.first_day(), entry.rate, entry.source}, RateKind::budget);
      rate["fiscal_year"] = entry.fiscal_year.label();
      budget_rates.push_back(std::move(rate));
    }
  } else {
    context["budget"] = nullptr;
  }
  context["budget_rates"] = std::move(budget_rates);
  return context;
}

std::vector<std::string> common_notes(const ledger::FinanceView& view, const Forecast& forecast) {
  std::vector<std::string> notes;
  notes.push_back("As of " + view.as_of.to_string() + ".");
  notes.push_back("Current rate: " + describe_point(*forecast.current_rate) + ".");
  if (view.budget && view.budget_record) {
    notes.push_back("Budget: document " + base::short_hash(view.budget_record->content_hash) +
                    " (" + view.budget_record->source + "), in force from " +
                    view.budget->effective_date.to_string() + ": " + view.budget->title + ". " +
                    view.budget->provenance);
  } else {
    notes.push_back("No budget document is in force on " + view.as_of.to_string() +
                    ": amounts at the budget rate are left empty (fmsledger budget import FILE).");
  }
  return notes;
}

std::string years_text(const std::vector<FiscalYear>& years) {
  std::string out;
  for (const FiscalYear& year : years) out += (out.empty() ? "" : " ") + year.label();
  return out;
}

std::string case_list(const std::vector<std::string>& cases) {
  std::string out;
  for (const std::string& id : cases) out += (out.empty() ? "" : " ") + id;
  return out;
}

// The budget rate of a year under the book in force, if the book has one.
std::optional<RatePoint> budget_rate_point(const ledger::FinanceView& view,
                                           const FiscalYear& year) {
  if (!view.budget) return std::nullopt;
  for (const BudgetRate& entry : view.budget->budget_rates) {
    if (entry.fiscal_year == year) return RatePoint{year.first_day(), entry.rate, entry.source};
  }
  return std::nullopt;
}

XlsxCell budget_rate_of(const ledger::FinanceView& view, const FiscalYear& year) {
  return rate_cell(budget_rate_point(view, year));
}

XlsxSheet totals_sheet(const std::string& name, const std::vector<ForecastTotal>& totals,
                       const ledger::FinanceView& view, const Forecast& forecast,
                       bool by_programme) {
  XlsxSheet sheet{name, {}, {}};
  if (by_programme) sheet.header.push_back("Programme");
  for (const char* heading : {"JFY", "USD", "Budget rate", "JPY at budget rate", "Current rate",
                              "JPY paid + at current rate", "Exposure JPY", "Complete"}) {
    sheet.header.emplace_back(heading);
  }
  for (const ForecastTotal& total : totals) {
    std::vector<XlsxCell> row;
    if (by_programme) {
      row.emplace_back(total.programme.empty() ? std::string("(no appropriation)")
                                               : total.programme);
    }
    row.emplace_back(total.year.label());
    row.emplace_back(total.usd);
    row.emplace_back(budget_rate_of(view, total.year));
    row.emplace_back(total.complete ? XlsxCell(total.jpy_budget) : XlsxCell(XlsxEmpty{}));
    row.emplace_back(forecast.current_rate->rate);
    row.emplace_back(total.jpy_current);
    row.emplace_back(total.complete ? XlsxCell(total.exposure) : XlsxCell(XlsxEmpty{}));
    row.emplace_back(std::string(total.complete ? "yes" : "no: a year without a budget rate"));
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

// The payments made by the report date: the yen they cost (as recorded with the payment; a
// payment without its yen at the recorded USD/JPY rate of its date, the transaction-date rate)
// against the yen the budget set aside for those dollars.
XlsxSheet paid_sheet(const ledger::FinanceView& view) {
  XlsxSheet sheet{"Paid",
                  {"Payment", "Date", "JFY", "Case", "Amount", "Currency", "USD",
                   "Transaction rate", "Rate kind", "Rate date", "JPY paid", "Budget rate",
                   "JPY at budget rate", "Realised exposure JPY"},
                  {}};
  for (const PaymentRow& payment : view.payments) {
    if (view.cases.count(payment.case_id) == 0) continue;
    const FiscalYear year = FiscalYear::containing(FiscalCalendar::japan, payment.date);
    std::vector<XlsxCell> row{payment.payment_id, payment.date,
                              year.label(),       payment.case_id,
                              payment.amount,     std::string(payment.amount.currency().code()),
                              payment.usd};
    std::optional<Money> paid_yen;
    if (payment.jpy && payment.rate) {
      paid_yen = payment.jpy;
      row.insert(row.end(),
                 {*payment.rate, std::string(to_string(RateKind::transaction_date)), payment.date});
    } else if (auto rate = view.rates().on(Currency::usd(), Currency::jpy(), payment.date)) {
      if (auto yen = rate->rate.convert(payment.usd)) paid_yen = *yen;
      row.insert(row.end(),
                 {rate->rate, std::string(to_string(RateKind::transaction_date)), rate->date});
    } else {
      row.insert(row.end(), {XlsxEmpty{}, XlsxEmpty{}, XlsxEmpty{}});
    }
    row.push_back(optional_money(paid_yen));
    std::optional<Money> budget_yen;
    const std::optional<RatePoint> budget_rate = budget_rate_point(view, year);
    if (budget_rate) {
      if (auto yen = budget_rate->rate.convert(payment.usd)) budget_yen = *yen;
    }
    row.emplace_back(rate_cell(budget_rate));
    row.push_back(optional_money(budget_yen));
    std::optional<Money> realised;
    if (paid_yen && budget_yen) {
      if (auto difference = paid_yen->minus(*budget_yen)) realised = *difference;
    }
    row.push_back(optional_money(realised));
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

// A report's name, the notes every report opens with, and the rates and budget it used.
FinanceReport start_report(std::string name, const ledger::FinanceView& view,
                           const Forecast& forecast) {
  FinanceReport report;
  report.name = std::move(name);
  report.notes = common_notes(view, forecast);
  report.context = context_json(view, forecast);
  return report;
}

}  // namespace

FinanceReport forecast_report(const ledger::FinanceView& view, const Forecast& forecast) {
  FinanceReport report = start_report("forecast", view, forecast);
  report.notes.push_back(
      "Each case's payment schedule in force, with quarters a DD 645 bills taken from the bill; "
      "a case's year is converted as a whole and split over its quarters. What a quarter has "
      "already paid counts at the yen it cost; only the rest is converted at the current rate.");

  XlsxSheet detail{
      "Forecast",
      {"Case", "JFY", "Quarter", "Basis", "Past", "USD", "Budget rate", "JPY at budget rate",
       "USD paid", "JPY paid", "Current rate", "JPY paid + at current rate", "Exposure JPY"},
      {}};
  for (const CaseYear& year : forecast.case_years) {
    for (const ForecastQuarter& quarter : year.quarters) {
      std::string basis;
      for (const std::string& b : quarter.basis) basis += (basis.empty() ? "" : "; ") + b;
      XlsxCell exposure = XlsxEmpty{};
      if (quarter.jpy_budget) {
        if (auto difference = quarter.jpy_current.minus(*quarter.jpy_budget))
          exposure = *difference;
      }
      detail.rows.push_back(
          {year.case_id, year.year.label(), "Q" + std::to_string(quarter.quarter.quarter), basis,
           std::string(quarter.past ? "yes" : "no"), quarter.usd, rate_cell(year.budget_rate),
           optional_money(quarter.jpy_budget), quarter.usd_paid, quarter.jpy_paid,
           forecast.current_rate->rate, quarter.jpy_current, exposure});
    }
  }
  report.sheets.push_back(std::move(detail));
  report.sheets.push_back(
      totals_sheet("By programme and year", forecast.programmes, view, forecast, true));

  XlsxSheet lines{"Appropriations",
                  {"Appropriation", "JFY", "Programme", "Category", "Policy", "Appropriated JPY",
                   "Forecast JPY at budget rate", "Headroom JPY", "Status"},
                  {}};
  for (const AppropriationCheck& check : forecast.checks) {
    std::string status(to_string(check.status));
    if (!check.complete) status += "; incomplete: no budget rate for the year";
    lines.rows.push_back({check.line.id, check.line.fiscal_year.label(), check.line.programme,
                          check.line.category, std::string(to_string(check.line.policy)),
                          check.line.amount, check.forecast, check.headroom, status});
    if (check.status == AppropriationStatus::over_block) {
      report.over_block = true;
      report.notes.push_back("BLOCK: appropriation " + check.line.id + " (" +
                             check.line.fiscal_year.label() + ") is exceeded by JPY " +
                             Money(-check.headroom.minor_units(), Currency::jpy()).format() +
                             "; its policy is block.");
    } else if (check.status == AppropriationStatus::over_warn) {
      report.notes.push_back("Warning: appropriation " + check.line.id + " (" +
                             check.line.fiscal_year.label() + ") is exceeded by JPY " +
                             Money(-check.headroom.minor_units(), Currency::jpy()).format() + ".");
    }
  }
  report.sheets.push_back(std::move(lines));
  return report;
}

FinanceReport exposure_report(const ledger::FinanceView& view, const Forecast& forecast) {
  FinanceReport report = start_report("exposure", view, forecast);
  report.notes.push_back(
      "Exposure = the yen the payments cost (what is paid, at the yen it actually cost; what is "
      "still to pay, at the current rate) - the yen at the budget rate of the payment's fiscal "
      "year; positive means the payments cost more yen than budgeted.");
  report.sheets.push_back(totals_sheet("Exposure", forecast.years, view, forecast, false));
  XlsxSheet by_case{"Exposure by case",
                    {"Case", "JFY", "Programme", "USD", "Budget rate", "JPY at budget rate",
                     "USD paid", "JPY paid", "JPY paid + at current rate", "Exposure JPY"},
                    {}};
  for (const CaseYear& year : forecast.case_years) {
    by_case.rows.push_back({year.case_id, year.year.label(), year.programme, year.usd,
                            rate_cell(year.budget_rate), optional_money(year.jpy_budget),
                            year.usd_paid, year.jpy_paid, year.jpy_current,
                            optional_money(year.exposure)});
  }
  report.sheets.push_back(std::move(by_case));
  report.sheets.push_back(paid_sheet(view));
  report.notes.push_back(
      "Paid: each payment by the date, the USD remitted and the yen it cost (as recorded with "
      "the payment, or else at the USD/JPY rate of its date) against the budget rate of its "
      "fiscal year: the exposure already realised.");
  return report;
}

Result<FinanceReport> envelope_report(const ledger::FinanceView& view, const Forecast& forecast) {
  FinanceReport report = start_report("envelope", view, forecast);
  XlsxSheet envelopes{
      "Envelopes",
      {"Envelope", "First year", "Last year", "Envelope JPY", "Assumed rate", "Share", "Share JPY",
       "Cases counted", "Contracts USD", "At assumed rate JPY", "At budget rates JPY",
       "Exchange effect JPY", "Remaining JPY", "Complete"},
      {}};
  XlsxSheet authorities{
      "Obligation authority",
      {"Authority", "Title", "Contract year", "Payment years", "Ceiling JPY",
       "Forecast in payment years JPY", "Remaining JPY", "Forecast outside years JPY",
       "Years outside", "Paid to date JPY", "Status"},
      {}};
  if (view.budget) {
    std::vector<CaseContract> contracts;
    for (const auto& [case_id, state] : view.cases) {
      if (state.documents.empty()) continue;
      // Signed when the Basic LOA was accepted; valued at the total of the document in force.
      contracts.push_back({case_id, state.documents.front().document.acceptance_date,
                           state.current().cost_summary.total});
    }
    FMS_ASSIGN_OR_RETURN(const BudgetStatus status, budget_status(*view.budget, contracts, forecast,
                                                                  view.payments, view.as_of));
    for (const ShareStatus& share : status.shares) {
      // Without every signing year's budget rate the yen at budget rates would be a partial
      // sum passed off as a whole: those cells stay empty.
      auto if_complete = [&share](const Money& amount) -> XlsxCell {
        if (share.complete) return amount;
        return XlsxEmpty{};
      };
      envelopes.rows.push_back(
          {share.envelope_name, share.first_year.label(), share.last_year.label(),
           share.envelope_total, share.assumed_rate, share.share_name, share.share_amount,
           case_list(share.cases_counted), share.contracts_usd, share.consumed_at_assumed,
           if_complete(share.consumed_at_budget), if_complete(share.exchange_effect),
           if_complete(share.remaining),
           std::string(share.complete ? "yes" : "no: a signing year without a budget rate")});
    }
    for (const AuthorityStatus& authority : status.authorities) {
      std::string state = authority.over_ceiling ? "over the ceiling" : "within the ceiling";
      if (!authority.years_outside.empty()) state += "; payments outside its years";
      if (!authority.complete) state += "; incomplete: a year without a budget rate";
      authorities.rows.push_back(
          {authority.authority.id, authority.authority.title,
           authority.authority.contract_year.label(), years_text(authority.authority.payment_years),
           authority.authority.ceiling, authority.forecast_in_years, authority.remaining,
           authority.forecast_outside, years_text(authority.years_outside), authority.paid_to_date,
           state});
    }
    report.notes.push_back(
        "Envelope consumption: LOA totals of the share's cases signed within the envelope's "
        "years, at the rate the envelope assumed and at the budget rate of each signing year.");
  }
  report.sheets.push_back(std::move(envelopes));
  report.sheets.push_back(std::move(authorities));
  return report;
}

std::vector<XlsxSheet> budget_sheets(const BudgetDocument& budget) {
  XlsxSheet rates{"Budget rates", {"JFY", "Pair", "Rate", "Source"}, {}};
  for (const BudgetRate& entry : budget.budget_rates) {
    rates.rows.push_back({entry.fiscal_year.label(), entry.rate.pair(), entry.rate, entry.source});
  }
  XlsxSheet lines{"Appropriations",
                  {"Appropriation", "JFY", "Programme", "Category", "JPY", "Policy", "Cases"},
                  {}};
  for (const Appropriation& line : budget.appropriations) {
    lines.rows.push_back({line.id, line.fiscal_year.label(), line.programme, line.category,
                          line.amount, std::string(to_string(line.policy)), case_list(line.cases)});
  }
  XlsxSheet authorities{
      "Obligation authority",
      {"Authority", "Title", "Contract year", "Payment years", "Ceiling JPY", "Long-term", "Cases"},
      {}};
  for (const ObligationAuthority& authority : budget.authorities) {
    authorities.rows.push_back({authority.id, authority.title, authority.contract_year.label(),
                                years_text(authority.payment_years), authority.ceiling,
                                std::string(authority.long_term_designation ? "yes" : "no"),
                                case_list(authority.cases)});
  }
  XlsxSheet shares{"Envelopes",
                   {"Envelope", "First year", "Last year", "Envelope JPY", "Assumed rate", "Share",
                    "Share JPY", "Cases"},
                   {}};
  for (const Envelope& envelope : budget.envelopes) {
    for (const EnvelopeShare& share : envelope.shares) {
      shares.rows.push_back({envelope.name, envelope.first_year.label(), envelope.last_year.label(),
                             envelope.total, envelope.assumed_rate, share.name, share.amount,
                             case_list(share.cases)});
    }
  }
  return {std::move(rates), std::move(lines), std::move(authorities), std::move(shares)};
}

Result<std::vector<XlsxSheet>> workbook_sheets(const ledger::FinanceView& view,
                                               const Forecast& forecast) {
  std::vector<FinanceReport> reports;
  reports.push_back(forecast_report(view, forecast));
  reports.push_back(exposure_report(view, forecast));
  FMS_ASSIGN_OR_RETURN(FinanceReport envelope, envelope_report(view, forecast));
  reports.push_back(std::move(envelope));
  std::vector<XlsxSheet> sheets;
  for (const FinanceReport& built : reports) {
    sheets.insert(sheets.end(), built.sheets.begin(), built.sheets.end());
  }
  return sheets;
}

nlohmann::ordered_json budget_in_force_json(const ledger::BudgetInForce& in_force) {
  return {{"content_hash", in_force.record.content_hash},
          {"source", in_force.record.source},
          {"recorded_at", in_force.record.recorded_at},
          {"actor", in_force.record.actor},
          {"document", io::to_json(in_force.document)}};
}

std::string finance_text(const FinanceReport& report) {
  std::string out;
  for (const std::string& note : report.notes) out += note + "\n";
  for (const XlsxSheet& sheet : report.sheets) {
    out += "\n" + sheet.name + "\n";
    out += sheet.rows.empty() ? std::string("None.\n") : sheet_text(sheet);
  }
  return out;
}

nlohmann::ordered_json finance_json(const FinanceReport& report) {
  nlohmann::ordered_json out;
  out["report"] = report.name;
  for (const auto& [key, value] : report.context.items()) out[key] = value;
  out["notes"] = report.notes;
  out["over_block"] = report.over_block;
  nlohmann::ordered_json sheets = nlohmann::ordered_json::object();
  for (const XlsxSheet& sheet : report.sheets) sheets[json_key(sheet.name)] = sheet_json(sheet);
  out["tables"] = std::move(sheets);
  return out;
}

}  // namespace fms::report
