// Building the closure checklist of each case and rendering it.
#include "report/closure_report.h"

#include "report/discrepancy_report.h"
#include "report/sheet_cells.h"
#include "report/sheet_text.h"
#include "report/table.h"
#include "report/usd_text.h"

namespace fms::report {
namespace {

constexpr std::string_view kNoSsc = "no supply/services-complete date";

ClosureCheck check_status(const CaseFinancials& c) {
  const std::string status(to_string(c.status));
  if (!at_or_after_supply_services_complete(c.status)) {
    return {ClosureItem::supply_services_complete, false,
            "status is " + status + "; supply/services complete not reached"};
  }
  std::string reason = "status " + status;
  if (c.supply_services_complete) {
    reason += " (supply/services complete " + c.supply_services_complete->to_string() + ")";
  }
  return {ClosureItem::supply_services_complete, true, reason};
}

ClosureCheck check_delivered(const CaseFinancials& c) {
  std::string short_lines;
  std::size_t loa_lines = 0;
  for (const LineFinancials& l : c.lines) {
    if (!l.on_loa) continue;
    ++loa_lines;
    if (l.fully_delivered()) continue;
    short_lines += (short_lines.empty() ? "short: line " : ", line ") + l.line + " " +
                   std::to_string(l.delivered_quantity) + " of " +
                   std::to_string(l.ordered_quantity) + " delivered";
  }
  if (!short_lines.empty()) return {ClosureItem::delivered_in_full, false, short_lines};
  return {ClosureItem::delivered_in_full, true,
          "all " + std::to_string(loa_lines) + " line(s) delivered in full"};
}

ClosureCheck check_discrepancies(const CaseFinancials& c) {
  if (c.open_discrepancies.count == 0) return {ClosureItem::no_open_discrepancies, true, "none"};
  std::string reason = std::to_string(c.open_discrepancies.count) + " open (USD " +
                       usd_text(c.open_discrepancies.usd_cents) + "): ";
  bool first = true;
  for (const auto& [type, tally] : c.open_by_type) {
    reason += (first ? "" : ", ") + std::to_string(tally.count) + " " +
              std::string(recon::to_string(type));
    first = false;
  }
  return {ClosureItem::no_open_discrepancies, false, reason};
}

ClosureCheck check_sdrs(const CaseFinancials& c) {
  if (c.open_sdrs.empty()) return {ClosureItem::no_open_sdrs, true, "none"};
  std::string reason = std::to_string(c.open_sdrs.size()) + " open: ";
  for (std::size_t i = 0; i < c.open_sdrs.size(); ++i) {
    reason += (i == 0 ? "" : ", ") + c.open_sdrs[i];
  }
  return {ClosureItem::no_open_sdrs, false, reason};
}

ClosureCheck check_target(const std::optional<CivilDate>& target, const CivilDate& as_of) {
  if (!target) return {ClosureItem::closure_target_reached, false, std::string(kNoSsc)};
  if (as_of < *target) {
    return {ClosureItem::closure_target_reached, false, "not before " + target->to_string()};
  }
  return {ClosureItem::closure_target_reached, true, "target " + target->to_string() + " reached"};
}

// The final statement of account the seller issues after supply/services complete
// (C16.1.1.2): the latest statement, marked final.
ClosureCheck check_final_statement(const CaseFinancials& c) {
  const std::optional<StatementFigures>& latest = c.position.statement;
  if (latest && latest->final_statement) {
    return {ClosureItem::final_statement, true,
            "DD 645 of " + latest->statement_date.to_string() + " (final)"};
  }
  return {ClosureItem::final_statement, false,
          "no final statement of account" +
              (latest ? " (latest DD 645 " + latest->statement_date.to_string() + ", quarterly)"
                      : std::string(" (no DD 645 received)"))};
}

std::string settlement_parts(const StatementFigures& s) {
  return "received USD " + usd_text(s.received_cents.value_or(0)) + " - total cost USD " +
         usd_text(s.total_cost_cents.value_or(0));
}

// The balance the final statement leaves: settled once the refund is received or the
// under-collection paid.
ClosureCheck check_settlement(const CaseFinancials& c) {
  const std::optional<Settlement>& settlement = c.position.settlement;
  if (!settlement) {
    const std::optional<std::int64_t>& held = c.position.cash_held_cents;
    return {ClosureItem::balance_settled, false,
            "no final statement to settle" +
                (held ? "; cash held USD " + usd_text(*held) + " (paid - total cost to date)"
                      : std::string())};
  }
  const std::string parts = settlement_parts(*c.position.statement);
  const std::int64_t outstanding = settlement->outstanding_cents;
  if (outstanding > 0) {
    return {ClosureItem::balance_settled, false,
            "refund due USD " + usd_text(outstanding) + " (" + parts + ")"};
  }
  if (outstanding < 0) {
    return {
        ClosureItem::balance_settled, false,
        "under-collection USD " + usd_text(saturating_sub(0, outstanding)) + " (" + parts + ")"};
  }
  return {ClosureItem::balance_settled, true,
          parts + (settlement->paid_since_cents == 0
                       ? std::string(" = 0")
                       : ", settled by USD " + usd_text(settlement->paid_since_cents) +
                             " since the final statement")};
}

// The final statement's settlement, part by part, as it adds up.
std::string settlement_text(const CaseFinancials& c) {
  const std::optional<Settlement>& settlement = c.position.settlement;
  if (!settlement) return "";
  const StatementFigures& s = *c.position.statement;
  Table table({{"Settlement, DD 645 of " + s.statement_date.to_string() + " (final)"},
               {"USD", Align::right}});
  const auto row = [&](const std::string& label, const std::optional<std::int64_t>& cents) {
    if (cents) table.add_row({label, usd_text(*cents)});
  };
  row("payments received", s.received_cents);
  row("  delivered and performed", s.delivered_cents);
  row("  costs in progress", s.costs_in_progress_cents);
  row("  accessorials (PC&H, transportation)", s.accessorials_cents);
  row("  surcharges (administrative, CAS)", s.surcharges_cents);
  row("total cost to date", s.total_cost_cents);
  table.add_separator();
  row(settlement->balance_cents >= 0 ? "refund due (received - cost)"
                                     : "under-collection (received - cost)",
      settlement->balance_cents);
  row("paid since (refunds negative)", settlement->paid_since_cents);
  row("outstanding", settlement->outstanding_cents);
  return table.render();
}

std::string blocker_text(const ClosureCheck& check) {
  return std::string(to_string(check.item)) + ": " + check.reason;
}

Json check_json(const ClosureCheck& check) {
  return {{"item", std::string(to_string(check.item))}, {"ok", check.ok}, {"reason", check.reason}};
}

Json settlement_json(const CaseClosure& c) {
  if (!c.settlement || !c.statement) return nullptr;
  const StatementFigures& s = *c.statement;
  return {{"statement_date", s.statement_date.to_string()},
          {"payments_received", optional_usd(s.received_cents)},
          {"delivered", optional_usd(s.delivered_cents)},
          {"costs_in_progress", optional_usd(s.costs_in_progress_cents)},
          {"accessorials", optional_usd(s.accessorials_cents)},
          {"surcharges", optional_usd(s.surcharges_cents)},
          {"total_cost", optional_usd(s.total_cost_cents)},
          {"balance", usd_plain(c.settlement->balance_cents)},
          {"paid_since", usd_plain(c.settlement->paid_since_cents)},
          {"outstanding", usd_plain(c.settlement->outstanding_cents)}};
}

std::size_t ready_count(const ClosureReport& report) {
  std::size_t ready = 0;
  for (const CaseClosure& c : report.cases)
    if (c.ready()) ++ready;
  return ready;
}

std::string one_case_text(const CaseClosure& c, const std::string& settlement) {
  std::string out = "Case " + c.case_id + ", status " + std::string(to_string(c.status));
  if (c.closure_target) out += ", closure target " + c.closure_target->to_string();
  out += "\n";
  Table table({{"Item"}, {"Check"}, {"Reason"}});
  for (const ClosureCheck& check : c.checks) {
    table.add_row({std::string(to_string(check.item)), check.ok ? "ok" : "blocked", check.reason});
  }
  out += table.render() + settlement;
  const ClosureCheck* blocker = c.first_blocker();
  return out + "Ready for closure: " + (blocker ? "no" : "yes") + "\n";
}

std::string portfolio_text(const ClosureReport& report) {
  if (report.cases.empty()) return "No cases in execution.\n";
  Table table({{"Case"}, {"Status"}, {"Ready"}, {"First blocker"}});
  for (const CaseClosure& c : report.cases) {
    const ClosureCheck* blocker = c.first_blocker();
    table.add_row({c.case_id, std::string(to_string(c.status)), blocker ? "no" : "yes",
                   blocker ? blocker_text(*blocker) : ""});
  }
  const std::size_t ready = ready_count(report);
  return table.render() + std::to_string(report.cases.size()) +
         " case(s): " + std::to_string(ready) + " ready, " +
         std::to_string(report.cases.size() - ready) + " blocked\n";
}

}  // namespace

std::string_view to_string(ClosureItem item) {
  switch (item) {
    case ClosureItem::supply_services_complete:
      return "supply-services-complete";
    case ClosureItem::delivered_in_full:
      return "delivered-in-full";
    case ClosureItem::no_open_discrepancies:
      return "no-open-discrepancies";
    case ClosureItem::no_open_sdrs:
      return "no-open-sdrs";
    case ClosureItem::closure_target_reached:
      return "closure-target-reached";
    case ClosureItem::final_statement:
      return "final-statement";
    case ClosureItem::balance_settled:
      return "balance-settled";
  }
  return "unknown";
}

bool CaseClosure::ready() const {
  return first_blocker() == nullptr;
}

const ClosureCheck* CaseClosure::first_blocker() const {
  for (const ClosureCheck& check : checks) {
    if (!check.ok) return &check;
  }
  return nullptr;
}

CaseClosure closure_of(const CaseFinancials& figures, const CivilDate& as_of,
                       int closure_months_after_ssc) {
  CaseClosure out;
  out.case_id = figures.case_id;
  out.status = figures.status;
  out.supply_services_complete = figures.supply_services_complete;
  if (figures.supply_services_complete) {
    out.closure_target = figures.supply_services_complete->plus_months(closure_months_after_ssc);
  }
  out.statement = figures.position.statement;
  out.settlement = figures.position.settlement;
  out.checks = {check_status(figures),
                check_delivered(figures),
                check_discrepancies(figures),
                check_sdrs(figures),
                check_target(out.closure_target, as_of),
                check_final_statement(figures),
                check_settlement(figures)};
  return out;
}

Result<ClosureReport> closure_report(const ledger::PortfolioView& view,
                                     const std::optional<std::string>& case_id,
                                     const CaseScope& scope) {
  ClosureReport report;
  report.as_of = view.as_of;
  report.fresh = view.fresh;
  report.unreconciled_documents = view.unreconciled_documents;
  report.one_case = case_id.has_value();
  report.closure_months_after_ssc = view.rules.closure_months_after_ssc;
  for (const CaseFinancials& figures : case_financials(view, view_discrepancies(view))) {
    const bool wanted = in_scope(scope, figures.case_id) &&
                        (case_id ? figures.case_id == *case_id : in_execution(figures.status));
    if (!wanted) continue;
    report.cases.push_back(closure_of(figures, view.as_of, report.closure_months_after_ssc));
    if (case_id) report.settlement_text = settlement_text(figures);
  }
  if (case_id && report.cases.empty()) {
    return Error::not_found("case " + *case_id + " is not recorded");
  }
  return report;
}

std::string closure_text(const ClosureReport& report) {
  std::string out = "Closure readiness as of " + report.as_of.to_string() +
                    " (target: " + std::to_string(report.closure_months_after_ssc) +
                    " months after supply/services complete)\n" +
                    freshness_note(report.fresh, report.unreconciled_documents);
  if (report.one_case) return out + one_case_text(report.cases.front(), report.settlement_text);
  return out + portfolio_text(report);
}

Json closure_json(const ClosureReport& report) {
  Json cases = Json::array();
  for (const CaseClosure& c : report.cases) {
    Json checks = Json::array();
    for (const ClosureCheck& check : c.checks) checks.push_back(check_json(check));
    const ClosureCheck* blocker = c.first_blocker();
    cases.push_back(
        {{"case_id", c.case_id},
         {"status", std::string(to_string(c.status))},
         {"supply_services_complete", c.supply_services_complete
                                          ? Json(c.supply_services_complete->to_string())
                                          : Json(nullptr)},
         {"closure_target", c.closure_target ? Json(c.closure_target->to_string()) : Json(nullptr)},
         {"ready", blocker == nullptr},
         {"first_blocker", blocker ? check_json(*blocker) : Json(nullptr)},
         {"checks", std::move(checks)},
         {"settlement", settlement_json(c)}});
  }
  const std::size_t ready = ready_count(report);
  return {{"as_of", report.as_of.to_string()},
          {"matches_recorded", !report.fresh},
          {"unreconciled_documents", report.unreconciled_documents},
          {"closure_months_after_ssc", report.closure_months_after_ssc},
          {"ready", ready},
          {"blocked", report.cases.size() - ready},
          {"cases", std::move(cases)}};
}

XlsxSheet closure_sheet(const ClosureReport& report) {
  if (report.one_case) {
    const CaseClosure& c = report.cases.front();
    XlsxSheet sheet{"Closure " + c.case_id, {"case_id", "item", "ok", "reason"}, {}};
    for (const ClosureCheck& check : c.checks) {
      sheet.rows.push_back({c.case_id, std::string(to_string(check.item)), flag_cell(check.ok),
                            text_cell(check.reason)});
    }
    return sheet;
  }
  XlsxSheet sheet{"Closure", {"case_id", "status", "ready", "first_blocker", "reason"}, {}};
  for (const CaseClosure& c : report.cases) {
    const ClosureCheck* blocker = c.first_blocker();
    sheet.rows.push_back({c.case_id, std::string(to_string(c.status)),
                          flag_cell(blocker == nullptr),
                          text_cell(blocker ? std::string(to_string(blocker->item)) : ""),
                          text_cell(blocker ? blocker->reason : "")});
  }
  return sheet;
}

}  // namespace fms::report
