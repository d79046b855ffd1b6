// Building and rendering the case financial status report.
#include "report/status_report.h"

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

StatusTotals totals_of(const std::vector<CaseFinancials>& cases) {
  StatusTotals t;
  for (const CaseFinancials& c : cases) {
    t.case_value_cents = saturating_add(t.case_value_cents, c.case_value_cents);
    t.ordered_value_cents = saturating_add(t.ordered_value_cents, c.ordered_value_cents);
    t.delivered_value_cents = saturating_add(t.delivered_value_cents, c.delivered_value_cents);
    t.undelivered_value_cents =
        saturating_add(t.undelivered_value_cents, c.undelivered_value_cents);
    if (c.bill) {
      t.billed_delivered_cents =
          saturating_add(t.billed_delivered_cents, c.bill->cumulative_delivered_cents);
    }
    t.paid_cents = saturating_add(t.paid_cents, c.paid_cents);
    t.sdr_credits_cents = saturating_add(t.sdr_credits_cents, c.sdr_credits_cents);
    t.advance_held_cents = saturating_add(t.advance_held_cents, c.advance_held_cents());
    t.open_discrepancies += c.open_discrepancies.count;
    t.open_discrepancies_cents =
        saturating_add(t.open_discrepancies_cents, c.open_discrepancies.usd_cents);
    t.adverse_conditions += c.adverse.size();
  }
  return t;
}

std::string billed_text(const CaseFinancials& c) {
  return c.bill ? usd_text(c.bill->cumulative_delivered_cents) : "-";
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
               {"Billed", Align::right},
               {"Paid", Align::right},
               {"SDR credits", Align::right},
               {"Advance held", Align::right},
               {"Disc.", Align::right},
               {"Disc. USD", Align::right},
               {"AFC", Align::right}});
  for (const CaseFinancials& c : report.cases) {
    table.add_row({c.case_id, std::string(to_string(c.status)), usd_text(c.case_value_cents),
                   usd_text(c.delivered_value_cents), usd_text(c.undelivered_value_cents),
                   billed_text(c), usd_text(c.paid_cents), usd_text(c.sdr_credits_cents),
                   usd_text(c.advance_held_cents()), std::to_string(c.open_discrepancies.count),
                   usd_text(c.open_discrepancies.usd_cents), std::to_string(c.adverse.size())});
  }
  const StatusTotals& t = report.totals;
  table.add_separator();
  table.add_row({"total", std::to_string(report.cases.size()) + " cases",
                 usd_text(t.case_value_cents), usd_text(t.delivered_value_cents),
                 usd_text(t.undelivered_value_cents), usd_text(t.billed_delivered_cents),
                 usd_text(t.paid_cents), usd_text(t.sdr_credits_cents),
                 usd_text(t.advance_held_cents), std::to_string(t.open_discrepancies),
                 usd_text(t.open_discrepancies_cents), std::to_string(t.adverse_conditions)});
  return table.render() + "\n" + adverse_section(report.cases, true);
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
  if (c.bill) {
    out += "  billed (DD 645 " + c.bill->statement_date.to_string() + ") delivered USD " +
           usd_text(c.bill->cumulative_delivered_cents) + ", payments USD " +
           usd_text(c.bill->cumulative_payments_cents) + ", amount due USD " +
           usd_text(c.bill->amount_due_cents) + "\n";
  } else {
    out += "  billed                no DD 645\n";
  }
  out += "  paid                  USD " + usd_text(c.paid_cents) + "\n";
  out += "  SDR credits           USD " + usd_text(c.sdr_credits_cents) + "\n";
  out += "  advance held          USD " + usd_text(c.advance_held_cents()) + "\n";
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

Json bill_json(const CaseFinancials& c) {
  if (!c.bill) return nullptr;
  return {{"statement_date", c.bill->statement_date.to_string()},
          {"cumulative_delivered", usd_plain(c.bill->cumulative_delivered_cents)},
          {"cumulative_payments", usd_plain(c.bill->cumulative_payments_cents)},
          {"amount_due", usd_plain(c.bill->amount_due_cents)},
          {"billed_to_date", usd_plain(c.bill->billed_to_date_cents())}};
}

Json line_json(const LineFinancials& l) {
  return {{"line", l.line},
          {"on_loa", l.on_loa},
          {"ordered_quantity", l.ordered_quantity},
          {"ordered_value", usd_plain(l.ordered_value_cents)},
          {"planned_availability", date_or_null(l.planned_availability)},
          {"delivered_quantity", l.delivered_quantity},
          {"delivered_value", usd_plain(l.delivered_value_cents)},
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
              {"bill", bill_json(c)},
              {"paid", usd_plain(c.paid_cents)},
              {"sdr_credits", usd_plain(c.sdr_credits_cents)},
              {"advance_held", usd_plain(c.advance_held_cents())},
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
       "delivered_quantity", "delivered_value_usd", "received_quantity", "accepted_quantity",
       "rejected_quantity", "billed_delivered_usd", "billed_statement_date", "sdr_credits_usd",
       "open_discrepancies", "open_discrepancies_usd", "undelivered_value_usd"},
      {}};
  for (const LineFinancials& l : c.lines) {
    sheet.rows.push_back({c.case_id, l.line, flag_cell(l.on_loa), count_cell(l.ordered_quantity),
                          usd_cell(l.ordered_value_cents), date_cell(l.planned_availability),
                          count_cell(l.delivered_quantity), usd_cell(l.delivered_value_cents),
                          count_cell(l.received_quantity), count_cell(l.accepted_quantity),
                          count_cell(l.rejected_quantity), usd_cell(l.billed_delivered_cents),
                          date_cell(l.billed_statement_date), usd_cell(l.sdr_credits_cents),
                          count_cell(l.open_discrepancies), usd_cell(l.open_discrepancies_cents),
                          usd_cell(l.undelivered_value_cents)});
  }
  return sheet;
}

XlsxSheet cases_sheet(const std::vector<CaseFinancials>& cases) {
  XlsxSheet sheet{
      "Status",
      {"case_id", "status", "supply_services_complete", "case_value_usd", "ordered_value_usd",
       "delivered_value_usd", "undelivered_value_usd", "bill_statement_date",
       "billed_delivered_usd", "billed_payments_usd", "amount_due_usd", "paid_usd",
       "sdr_credits_usd", "advance_held_usd", "open_discrepancies", "open_discrepancies_usd",
       "open_sdrs", "adverse_conditions"},
      {}};
  for (const CaseFinancials& c : cases) {
    const auto& bill = c.bill;
    sheet.rows.push_back(
        {c.case_id, std::string(to_string(c.status)), date_cell(c.supply_services_complete),
         usd_cell(c.case_value_cents), usd_cell(c.ordered_value_cents),
         usd_cell(c.delivered_value_cents), usd_cell(c.undelivered_value_cents),
         bill ? XlsxCell(bill->statement_date) : XlsxCell(XlsxEmpty{}),
         bill ? usd_cell(bill->cumulative_delivered_cents) : XlsxCell(XlsxEmpty{}),
         bill ? usd_cell(bill->cumulative_payments_cents) : XlsxCell(XlsxEmpty{}),
         bill ? usd_cell(bill->amount_due_cents) : XlsxCell(XlsxEmpty{}), usd_cell(c.paid_cents),
         usd_cell(c.sdr_credits_cents), usd_cell(c.advance_held_cents()),
         count_cell(c.open_discrepancies.count), usd_cell(c.open_discrepancies.usd_cents),
         count_cell(c.open_sdrs.size()), text_cell(adverse_texts(c))});
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
            {"billed_delivered", usd_plain(t.billed_delivered_cents)},
            {"paid", usd_plain(t.paid_cents)},
            {"sdr_credits", usd_plain(t.sdr_credits_cents)},
            {"advance_held", usd_plain(t.advance_held_cents)},
            {"open_discrepancies", t.open_discrepancies},
            {"open_discrepancies_usd", usd_plain(t.open_discrepancies_cents)},
            {"adverse_conditions", t.adverse_conditions}}}};
}

XlsxSheet status_sheet(const StatusReport& report) {
  if (report.one_case) return lines_sheet(report.cases.front());
  return cases_sheet(report.cases);
}

}  // namespace fms::report
