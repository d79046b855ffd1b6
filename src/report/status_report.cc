// Building and rendering the case financial status report.
#include "report/status_report.h"

#include <algorithm>

#include "report/discrepancy_report.h"
#include "report/sheet_cells.h"
#include "report/sheet_text.h"
#include "report/table.h"
#include "report/usd_text.h"

namespace fms::report {
namespace {

Json date_or_null(const std::optional<CivilDate>& date) {
  return date ? Json(date->to_string()) : Json(nullptr);
}

std::string adverse_texts(const CaseFinancials& figures) {
  std::string out;
  for (const AdverseFinding& finding : figures.adverse) {
    if (!out.empty()) out += "; ";
    out += finding.text;
  }
  return out;
}

// The purchaser of a case: its customer code, "JA" of JA-P-TWK.
std::string purchaser_of(const std::string& case_id) {
  return case_id.substr(0, case_id.find('-'));
}

void add_position(const CaseFinancials& c, StatusTotals& t) {
  const CasePosition& p = c.position;
  t.arrears_cents = saturating_add(t.arrears_cents, p.arrears_cents);
  if (!p.statement) return;
  t.total_cost_cents =
      saturating_add(t.total_cost_cents, p.statement->total_cost_cents.value_or(0));
  t.costs_in_progress_cents =
      saturating_add(t.costs_in_progress_cents, p.statement->costs_in_progress_cents.value_or(0));
  if (!in_execution(c.status) || !p.cash_held_cents) return;
  std::int64_t& held = t.cash_held_by_purchaser[purchaser_of(c.case_id)];
  held = saturating_add(held, *p.cash_held_cents);
  std::int64_t& available = t.cash_available_by_purchaser[purchaser_of(c.case_id)];
  available = saturating_add(available, p.cash_available_cents.value_or(*p.cash_held_cents));
}

std::string optional_usd_text(const std::optional<std::int64_t>& cents) {
  return cents ? usd_text(*cents) : "-";
}

XlsxCell optional_usd_cell(const std::optional<std::int64_t>& cents) {
  return cents ? usd_cell(*cents) : XlsxCell(XlsxEmpty{});
}

StatusTotals totals_of(const std::vector<CaseFinancials>& cases) {
  StatusTotals t;
  for (const CaseFinancials& c : cases) {
    t.case_value_cents = saturating_add(t.case_value_cents, c.case_value_cents);
    t.ordered_value_cents = saturating_add(t.ordered_value_cents, c.ordered_value_cents);
    t.delivered_value_cents = saturating_add(t.delivered_value_cents, c.delivered_value_cents);
    t.undelivered_value_cents =
        saturating_add(t.undelivered_value_cents, c.undelivered_value_cents);
    t.paid_cents = saturating_add(t.paid_cents, c.paid_cents);
    t.sdr_credits_cents = saturating_add(t.sdr_credits_cents, c.sdr_credits_cents);
    add_position(c, t);
    t.open_discrepancies += c.open_discrepancies.count;
    t.open_discrepancies_cents =
        saturating_add(t.open_discrepancies_cents, c.open_discrepancies.usd_cents);
    t.adverse_conditions += c.adverse.size();
  }
  return t;
}

std::optional<std::int64_t> total_cost(const CaseFinancials& c) {
  return c.position.statement ? c.position.statement->total_cost_cents : std::nullopt;
}

std::optional<std::int64_t> costs_in_progress(const CaseFinancials& c) {
  return c.position.statement ? c.position.statement->costs_in_progress_cents : std::nullopt;
}

std::string next_payment_text(const PaymentDue& due) {
  return "USD " + usd_text(due.usd_cents) + " due " + due.due.to_string() + " (" + due.basis + ")";
}

// Below the portfolio table: the next payment of each case and the pooled cash.
std::string payments_section(const StatusReport& report) {
  std::string out;
  for (const CaseFinancials& c : report.cases) {
    if (!c.position.next_payment || !in_execution(c.status)) continue;
    out += "  " + c.case_id + ": " + next_payment_text(*c.position.next_payment) + "\n";
  }
  out = out.empty() ? "Next payments due: none.\n" : "Next payments due:\n" + out;
  const StatusTotals& t = report.totals;
  for (const auto& [purchaser, held] : t.cash_held_by_purchaser) {
    out += "Cash held by the seller for " + purchaser +
           " (pooled over its cases in execution): USD " + usd_text(held) +
           ", available after termination-liability reserves USD " +
           usd_text(t.cash_available_by_purchaser.at(purchaser)) + "\n";
  }
  return out;
}

std::string adverse_section(const std::vector<CaseFinancials>& cases, bool name_case) {
  std::string out;
  for (const CaseFinancials& c : cases) {
    for (const AdverseFinding& finding : c.adverse) {
      out += "  " + (name_case ? c.case_id + ": " : std::string()) + finding.text + "\n";
    }
  }
  if (out.empty()) return "Adverse Financial Conditions: none.\n";
  return "Adverse Financial Conditions:\n" + out;
}

std::string portfolio_text(const StatusReport& report) {
  if (report.cases.empty()) return "No cases.\n";
  Table table({{"Case"},
               {"Status"},
               {"Value", Align::right},
               {"Delivered", Align::right},
               {"Undelivered", Align::right},
               {"Cost to date", Align::right},
               {"In progress", Align::right},
               {"Paid", Align::right},
               {"Cash held", Align::right},
               {"Arrears", Align::right},
               {"Disc.", Align::right},
               {"AFC", Align::right}});
  for (const CaseFinancials& c : report.cases) {
    table.add_row({c.case_id, std::string(to_string(c.status)), usd_text(c.case_value_cents),
                   usd_text(c.delivered_value_cents), usd_text(c.undelivered_value_cents),
                   optional_usd_text(total_cost(c)), optional_usd_text(costs_in_progress(c)),
                   usd_text(c.paid_cents), optional_usd_text(c.position.cash_held_cents),
                   usd_text(c.position.arrears_cents), std::to_string(c.open_discrepancies.count),
                   std::to_string(c.adverse.size())});
  }
  const StatusTotals& t = report.totals;
  table.add_separator();
  table.add_row({"total", std::to_string(report.cases.size()) + " cases",
                 usd_text(t.case_value_cents), usd_text(t.delivered_value_cents),
                 usd_text(t.undelivered_value_cents), usd_text(t.total_cost_cents),
                 usd_text(t.costs_in_progress_cents), usd_text(t.paid_cents), "",
                 usd_text(t.arrears_cents), std::to_string(t.open_discrepancies),
                 std::to_string(t.adverse_conditions)});
  return table.render() + "\n" + payments_section(report) + "\n" +
         adverse_section(report.cases, true);
}

// The seller's statement, part by part, then what the purchaser paid and owes.
std::string statement_text(const StatementFigures& s) {
  std::string out = "  DD 645                " + s.statement_date.to_string() +
                    (s.final_statement ? " (final statement)" : " (quarterly)") + "\n";
  const auto part = [&](std::string_view label, const std::optional<std::int64_t>& cents) {
    if (!cents) return;
    std::string padded(label);
    padded.resize(std::max<std::size_t>(padded.size() + 1, 20), ' ');
    out += "    " + padded + "USD " + usd_text(*cents) + "\n";
  };
  part("case value", s.case_value_cents);
  part("delivered", s.delivered_cents);
  part("costs in progress", s.costs_in_progress_cents);
  part("accessorials", s.accessorials_cents);
  part("surcharges", s.surcharges_cents);
  part("total cost to date", s.total_cost_cents);
  part("received", s.received_cents);
  if (s.termination_liability_cents != 0) part("TL reserve", s.termination_liability_cents);
  out += "    amount due          USD " + usd_text(s.amount_due_cents) + " by " +
         s.due_date.to_string() + "\n";
  part("next quarter", s.forecast_next_quarter_cents);
  return out;
}

std::string position_text(const CasePosition& p) {
  std::string out;
  if (p.statement) {
    out += statement_text(*p.statement);
  } else {
    out += "  DD 645                none received\n";
  }
  out += "  paid                  USD " + usd_text(p.paid_cents);
  if (p.paid_jpy != 0) {
    out += " (JPY " + Money(p.paid_jpy, Currency::jpy()).format() + " for the yen payments)";
  }
  out += "\n";
  if (p.cash_held_cents) {
    out += "  cash held             USD " + usd_text(*p.cash_held_cents) +
           " (paid - total cost to date)";
    if (p.statement && p.statement->termination_liability_cents != 0) {
      out += ", available USD " + usd_text(p.cash_available_cents.value_or(0));
    }
    out += "\n";
  }
  out += "  arrears               " +
         (p.arrears_cents > 0
              ? "USD " + usd_text(p.arrears_cents) + " (due " + p.arrears_due->to_string() + ")"
              : std::string("none")) +
         "\n";
  if (p.schedule_minus_billed_cents) {
    out += "  schedule - billed     USD " + usd_text(*p.schedule_minus_billed_cents) +
           " (shown, not owed: the bill is the claim)\n";
  }
  out += "  next payment          " +
         (p.next_payment ? next_payment_text(*p.next_payment) : std::string("none")) + "\n";
  return out;
}

std::string case_header(const CaseFinancials& c) {
  std::string out = "Case " + c.case_id + (c.title.empty() ? "" : " - " + c.title) + "\n";
  out += "  status                " + std::string(to_string(c.status));
  if (c.supply_services_complete) {
    out += " (supply/services complete " + c.supply_services_complete->to_string() + ")";
  }
  out += "\n  case value            USD " + usd_text(c.case_value_cents) + " (lines USD " +
         usd_text(c.ordered_value_cents) + ")\n";
  out += "  delivered             USD " + usd_text(c.delivered_value_cents) + ", undelivered USD " +
         usd_text(c.undelivered_value_cents) + "\n";
  if (c.credited_value_cents != 0) {
    out += "  listing credits       USD " + usd_text(c.credited_value_cents) +
           " (taken off delivered)\n";
  }
  if (c.listed_charges_cents != 0) {
    out += "  listed charges        USD " + usd_text(c.listed_charges_cents) +
           " (administrative and accessorial, net of credits)\n";
  }
  out += position_text(c.position);
  out += "  SDR credits           USD " + usd_text(c.sdr_credits_cents) + "\n";
  out += "  open discrepancies    " + std::to_string(c.open_discrepancies.count) + ", USD " +
         usd_text(c.open_discrepancies.usd_cents) + "\n";
  out += "  open SDRs             " + std::to_string(c.open_sdrs.size()) + "\n";
  return out;
}

std::string case_lines_text(const CaseFinancials& c) {
  if (c.lines.empty()) return "No lines.\n";
  Table table({{"Line"},
               {"Ordered", Align::right},
               {"Ordered USD", Align::right},
               {"Delivered", Align::right},
               {"Delivered USD", Align::right},
               {"Received", Align::right},
               {"Accepted", Align::right},
               {"Rejected", Align::right},
               {"Billed USD", Align::right},
               {"SDR credits", Align::right},
               {"Disc.", Align::right},
               {"Disc. USD", Align::right},
               {"Undelivered USD", Align::right}});
  bool any_off_loa = false;
  for (const LineFinancials& l : c.lines) {
    any_off_loa = any_off_loa || !l.on_loa;
    table.add_row({l.line + (l.on_loa ? "" : "*"), std::to_string(l.ordered_quantity),
                   usd_text(l.ordered_value_cents), std::to_string(l.delivered_quantity),
                   usd_text(l.delivered_value_cents), std::to_string(l.received_quantity),
                   std::to_string(l.accepted_quantity), std::to_string(l.rejected_quantity),
                   l.billed_delivered_cents ? usd_text(*l.billed_delivered_cents) : "-",
                   usd_text(l.sdr_credits_cents), std::to_string(l.open_discrepancies),
                   usd_text(l.open_discrepancies_cents), usd_text(l.undelivered_value_cents)});
  }
  table.add_separator();
  table.add_row({"total", "", usd_text(c.ordered_value_cents), "",
                 usd_text(c.delivered_value_cents), "", "", "", "", "", "", "",
                 usd_text(c.undelivered_value_cents)});
  std::string out = table.render();
  if (any_off_loa) out += "* not on the current LOA\n";
  return out;
}

Json statement_json(const StatementFigures& s) {
  return {{"statement_date", s.statement_date.to_string()},
          {"final_statement", s.final_statement},
          {"case_value", optional_usd(s.case_value_cents)},
          {"delivered", optional_usd(s.delivered_cents)},
          {"costs_in_progress", optional_usd(s.costs_in_progress_cents)},
          {"accessorials", optional_usd(s.accessorials_cents)},
          {"surcharges", optional_usd(s.surcharges_cents)},
          {"total_cost", optional_usd(s.total_cost_cents)},
          {"payments_received", optional_usd(s.received_cents)},
          {"termination_liability", usd_plain(s.termination_liability_cents)},
          {"amount_due", usd_plain(s.amount_due_cents)},
          {"due_date", s.due_date.to_string()},
          {"forecast_next_quarter", optional_usd(s.forecast_next_quarter_cents)}};
}

Json line_json(const LineFinancials& l) {
  return {{"line", l.line},
          {"on_loa", l.on_loa},
          {"ordered_quantity", l.ordered_quantity},
          {"ordered_value", usd_plain(l.ordered_value_cents)},
          {"planned_availability", date_or_null(l.planned_availability)},
          {"delivered_quantity", l.delivered_quantity},
          {"delivered_value", usd_plain(l.delivered_value_cents)},
          {"credited_quantity", l.credited_quantity},
          {"credited_value", usd_plain(l.credited_value_cents)},
          {"received_quantity", l.received_quantity},
          {"accepted_quantity", l.accepted_quantity},
          {"rejected_quantity", l.rejected_quantity},
          {"billed_delivered",
           l.billed_delivered_cents ? Json(usd_plain(*l.billed_delivered_cents)) : Json(nullptr)},
          {"billed_statement_date", date_or_null(l.billed_statement_date)},
          {"sdr_credits", usd_plain(l.sdr_credits_cents)},
          {"open_discrepancies", l.open_discrepancies},
          {"open_discrepancies_usd", usd_plain(l.open_discrepancies_cents)},
          {"undelivered_value", usd_plain(l.undelivered_value_cents)}};
}

Json case_json(const CaseFinancials& c, bool with_lines) {
  Json by_type = Json::object();
  for (const auto& [type, tally] : c.open_by_type) {
    by_type[std::string(recon::to_string(type))] = {{"count", tally.count},
                                                    {"usd", usd_plain(tally.usd_cents)}};
  }
  Json adverse = Json::array();
  for (const AdverseFinding& finding : c.adverse) {
    adverse.push_back({{"condition", std::string(to_string(finding.condition))},
                       {"line", finding.line},
                       {"text", finding.text}});
  }
  Json out = {{"case_id", c.case_id},
              {"title", c.title},
              {"status", std::string(to_string(c.status))},
              {"supply_services_complete", date_or_null(c.supply_services_complete)},
              {"case_value", usd_plain(c.case_value_cents)},
              {"ordered_value", usd_plain(c.ordered_value_cents)},
              {"delivered_value", usd_plain(c.delivered_value_cents)},
              {"undelivered_value", usd_plain(c.undelivered_value_cents)},
              {"credited_value", usd_plain(c.credited_value_cents)},
              {"listed_charges", usd_plain(c.listed_charges_cents)},
              {"paid", usd_plain(c.paid_cents)},
              {"sdr_credits", usd_plain(c.sdr_credits_cents)},
              {"position", position_json(c.position)},
              {"open_discrepancies",
               {{"count", c.open_discrepancies.count},
                {"usd", usd_plain(c.open_discrepancies.usd_cents)},
                {"by_type", std::move(by_type)}}},
              {"open_sdrs", c.open_sdrs},
              {"adverse_conditions", std::move(adverse)}};
  if (with_lines) {
    Json lines = Json::array();
    for (const LineFinancials& l : c.lines) lines.push_back(line_json(l));
    out["lines"] = std::move(lines);
  }
  return out;
}

XlsxSheet lines_sheet(const CaseFinancials& c) {
  XlsxSheet sheet{
      "Status " + c.case_id,
      {"case_id", "line", "on_loa", "ordered_quantity", "ordered_value_usd", "planned_availability",
       "delivered_quantity", "delivered_value_usd", "credited_quantity", "credited_value_usd",
       "received_quantity", "accepted_quantity", "rejected_quantity", "billed_delivered_usd",
       "billed_statement_date", "sdr_credits_usd", "open_discrepancies", "open_discrepancies_usd",
       "undelivered_value_usd"},
      {}};
  for (const LineFinancials& l : c.lines) {
    sheet.rows.push_back({c.case_id, l.line, flag_cell(l.on_loa), count_cell(l.ordered_quantity),
                          usd_cell(l.ordered_value_cents), date_cell(l.planned_availability),
                          count_cell(l.delivered_quantity), usd_cell(l.delivered_value_cents),
                          count_cell(l.credited_quantity), usd_cell(l.credited_value_cents),
                          count_cell(l.received_quantity), count_cell(l.accepted_quantity),
                          count_cell(l.rejected_quantity), usd_cell(l.billed_delivered_cents),
                          date_cell(l.billed_statement_date), usd_cell(l.sdr_credits_cents),
                          count_cell(l.open_discrepancies), usd_cell(l.open_discrepancies_cents),
                          usd_cell(l.undelivered_value_cents)});
  }
  return sheet;
}

XlsxSheet cases_sheet(const std::vector<CaseFinancials>& cases) {
  XlsxSheet sheet{"Status",
                  {"case_id",
                   "status",
                   "supply_services_complete",
                   "case_value_usd",
                   "ordered_value_usd",
                   "delivered_value_usd",
                   "undelivered_value_usd",
                   "credited_value_usd",
                   "listed_charges_usd",
                   "statement_date",
                   "statement_final",
                   "billed_delivered_usd",
                   "costs_in_progress_usd",
                   "total_cost_usd",
                   "payments_received_usd",
                   "amount_due_usd",
                   "due_date",
                   "paid_usd",
                   "cash_held_usd",
                   "arrears_usd",
                   "next_payment_due",
                   "next_payment_usd",
                   "sdr_credits_usd",
                   "open_discrepancies",
                   "open_discrepancies_usd",
                   "open_sdrs",
                   "adverse_conditions"},
                  {}};
  for (const CaseFinancials& c : cases) {
    const CasePosition& p = c.position;
    const std::optional<StatementFigures>& s = p.statement;
    const auto stated = [&](std::optional<std::int64_t> StatementFigures::*member) {
      return s ? optional_usd_cell((*s).*member) : XlsxCell(XlsxEmpty{});
    };
    sheet.rows.push_back(
        {c.case_id,
         std::string(to_string(c.status)),
         date_cell(c.supply_services_complete),
         usd_cell(c.case_value_cents),
         usd_cell(c.ordered_value_cents),
         usd_cell(c.delivered_value_cents),
         usd_cell(c.undelivered_value_cents),
         usd_cell(c.credited_value_cents),
         usd_cell(c.listed_charges_cents),
         s ? XlsxCell(s->statement_date) : XlsxCell(XlsxEmpty{}),
         s ? flag_cell(s->final_statement) : XlsxCell(XlsxEmpty{}),
         stated(&StatementFigures::delivered_cents),
         stated(&StatementFigures::costs_in_progress_cents),
         stated(&StatementFigures::total_cost_cents),
         stated(&StatementFigures::received_cents),
         s ? usd_cell(s->amount_due_cents) : XlsxCell(XlsxEmpty{}),
         s ? XlsxCell(s->due_date) : XlsxCell(XlsxEmpty{}),
         usd_cell(c.paid_cents),
         optional_usd_cell(p.cash_held_cents),
         usd_cell(p.arrears_cents),
         p.next_payment ? XlsxCell(p.next_payment->due) : XlsxCell(XlsxEmpty{}),
         p.next_payment ? usd_cell(p.next_payment->usd_cents) : XlsxCell(XlsxEmpty{}),
         usd_cell(c.sdr_credits_cents),
         count_cell(c.open_discrepancies.count),
         usd_cell(c.open_discrepancies.usd_cents),
         count_cell(c.open_sdrs.size()),
         text_cell(adverse_texts(c))});
  }
  return sheet;
}

}  // namespace

Result<StatusReport> status_report(const ledger::PortfolioView& view,
                                   const std::optional<std::string>& case_id,
                                   const CaseScope& scope) {
  StatusReport report;
  report.as_of = view.as_of;
  report.fresh = view.fresh;
  report.unreconciled_documents = view.unreconciled_documents;
  report.cases = case_financials(view, view_discrepancies(view));
  std::erase_if(report.cases, [&](const CaseFinancials& c) { return !in_scope(scope, c.case_id); });
  if (case_id) {
    report.one_case = true;
    std::erase_if(report.cases, [&](const CaseFinancials& c) { return c.case_id != *case_id; });
    if (report.cases.empty()) return Error::not_found("case " + *case_id + " is not recorded");
  }
  report.totals = totals_of(report.cases);
  return report;
}

std::string status_text(const StatusReport& report) {
  std::string out = "Case financial status as of " + report.as_of.to_string() + "\n" +
                    freshness_note(report.fresh, report.unreconciled_documents);
  if (report.one_case) {
    const CaseFinancials& c = report.cases.front();
    return out + case_header(c) + "\n" + case_lines_text(c) + "\n" +
           adverse_section(report.cases, false);
  }
  return out + portfolio_text(report);
}

namespace {

Json pooled_json(const StatusTotals& t) {
  Json out = Json::object();
  for (const auto& [purchaser, held] : t.cash_held_by_purchaser) {
    out[purchaser] = {{"cash_held", usd_plain(held)},
                      {"cash_available", usd_plain(t.cash_available_by_purchaser.at(purchaser))}};
  }
  return out;
}

}  // namespace

Json status_json(const StatusReport& report) {
  Json cases = Json::array();
  for (const CaseFinancials& c : report.cases) cases.push_back(case_json(c, report.one_case));
  const StatusTotals& t = report.totals;
  return {{"as_of", report.as_of.to_string()},
          {"matches_recorded", !report.fresh},
          {"unreconciled_documents", report.unreconciled_documents},
          {"cases", std::move(cases)},
          {"totals",
           {{"cases", report.cases.size()},
            {"case_value", usd_plain(t.case_value_cents)},
            {"ordered_value", usd_plain(t.ordered_value_cents)},
            {"delivered_value", usd_plain(t.delivered_value_cents)},
            {"undelivered_value", usd_plain(t.undelivered_value_cents)},
            {"total_cost", usd_plain(t.total_cost_cents)},
            {"costs_in_progress", usd_plain(t.costs_in_progress_cents)},
            {"paid", usd_plain(t.paid_cents)},
            {"sdr_credits", usd_plain(t.sdr_credits_cents)},
            {"arrears", usd_plain(t.arrears_cents)},
            {"cash_held_by_purchaser", pooled_json(t)},
            {"open_discrepancies", t.open_discrepancies},
            {"open_discrepancies_usd", usd_plain(t.open_discrepancies_cents)},
            {"adverse_conditions", t.adverse_conditions}}}};
}

Json position_json(const CasePosition& p) {
  Json next = nullptr;
  if (p.next_payment) {
    next = {{"due", p.next_payment->due.to_string()},
            {"usd", usd_plain(p.next_payment->usd_cents)},
            {"basis", p.next_payment->basis}};
  }
  Json settlement = nullptr;
  if (p.settlement) {
    settlement = {{"statement_date", p.settlement->statement_date.to_string()},
                  {"payments_received", usd_plain(p.settlement->received_cents)},
                  {"total_cost", usd_plain(p.settlement->total_cost_cents)},
                  {"balance", usd_plain(p.settlement->balance_cents)},
                  {"paid_since", usd_plain(p.settlement->paid_since_cents)},
                  {"outstanding", usd_plain(p.settlement->outstanding_cents)}};
  }
  return {{"as_of", p.as_of.to_string()},
          {"case_value", usd_plain(p.case_value_cents)},
          {"statement", p.statement ? statement_json(*p.statement) : Json(nullptr)},
          {"statements", p.statements},
          {"paid", usd_plain(p.paid_cents)},
          {"paid_jpy", p.paid_jpy},
          {"paid_by_statement_date", usd_plain(p.paid_by_statement_cents)},
          {"scheduled_to_date", usd_plain(p.scheduled_to_date_cents)},
          {"billed_to_date", optional_usd(p.billed_to_date_cents())},
          {"cash_held", optional_usd(p.cash_held_cents)},
          {"cash_available", optional_usd(p.cash_available_cents)},
          {"arrears", usd_plain(p.arrears_cents)},
          {"arrears_due", p.arrears_due ? Json(p.arrears_due->to_string()) : Json(nullptr)},
          {"schedule_minus_billed", optional_usd(p.schedule_minus_billed_cents)},
          {"next_payment", std::move(next)},
          {"settlement", std::move(settlement)}};
}

XlsxSheet status_sheet(const StatusReport& report) {
  if (report.one_case) return lines_sheet(report.cases.front());
  return cases_sheet(report.cases);
}

}  // namespace fms::report
