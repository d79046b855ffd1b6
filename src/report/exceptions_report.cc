// Grouping the portfolio's cases into the Board of Audit's exception groups and rendering them.
#include "report/exceptions_report.h"

#include "report/discrepancy_report.h"
#include "report/sheet_cells.h"
#include "report/sheet_text.h"
#include "report/table.h"
#include "report/usd_text.h"

namespace fms::report {
namespace {

bool past_planned(const LineFinancials& line, const CivilDate& as_of) {
  return line.on_loa && line.planned_availability && *line.planned_availability < as_of;
}

bool every_line_past_planned(const CaseFinancials& c, const CivilDate& as_of) {
  bool any = false;
  for (const LineFinancials& line : c.lines) {
    if (!line.on_loa) continue;
    if (!past_planned(line, as_of)) return false;
    any = true;
  }
  return any;
}

void add(std::array<ExceptionGroupRow, kExceptionGroups>& groups, ExceptionGroup group,
         const std::string& case_id, std::int64_t usd_cents) {
  ExceptionGroupRow& row = groups[static_cast<std::size_t>(group)];
  row.cases.push_back({case_id, usd_cents});
  row.usd_cents = saturating_add(row.usd_cents, usd_cents);
}

// Cash the seller holds beyond the cost to date: after a final statement, the refund still
// outstanding; before it, payments less the total cost to date.
std::int64_t excess_cash(const CaseFinancials& c) {
  if (c.position.settlement) return c.position.settlement->outstanding_cents;
  return c.position.cash_held_cents.value_or(0);
}

// A closed case leaves the report only once nothing of it is left to settle.
bool closed_but_unsettled(const CaseFinancials& c) {
  if (c.status != CaseStatus::closed && c.status != CaseStatus::cancelled) return false;
  if (c.open_discrepancies.count > 0) return true;
  if (c.position.settlement) return !c.position.settlement->settled();
  return c.position.cash_held_cents.value_or(0) != 0;
}

void group_case(const CaseFinancials& c, const CivilDate& as_of,
                std::array<ExceptionGroupRow, kExceptionGroups>& groups) {
  if (!in_execution(c.status) && !closed_but_unsettled(c)) return;
  bool late = false;
  bool never_delivered = false;
  std::int64_t late_cents = 0;
  std::int64_t never_delivered_cents = 0;
  for (const LineFinancials& line : c.lines) {
    if (!past_planned(line, as_of) || line.fully_delivered()) continue;
    late = true;
    late_cents = saturating_add(late_cents, line.undelivered_value_cents);
    if (line.nothing_delivered()) {
      never_delivered = true;
      never_delivered_cents = saturating_add(never_delivered_cents, line.undelivered_value_cents);
    }
  }
  if (late) add(groups, ExceptionGroup::past_planned_unsettled, c.case_id, late_cents);
  if (never_delivered) {
    add(groups, ExceptionGroup::not_delivered, c.case_id, never_delivered_cents);
  }

  const std::int64_t excess = excess_cash(c);
  if (excess > 0 && (at_or_after_supply_services_complete(c.status) || !in_execution(c.status) ||
                     every_line_past_planned(c, as_of))) {
    add(groups, ExceptionGroup::overpayment_unsettled, c.case_id, excess);
  }

  std::size_t mismatches = 0;
  std::int64_t mismatch_cents = 0;
  for (const auto& [type, tally] : c.open_by_type) {
    if (!statement_mismatch(type)) continue;
    mismatches += tally.count;
    mismatch_cents = saturating_add(mismatch_cents, tally.usd_cents);
  }
  if (mismatches > 0) {
    add(groups, ExceptionGroup::statement_not_matching_receipts, c.case_id, mismatch_cents);
  }
}

}  // namespace

std::string_view to_string(ExceptionGroup group) {
  switch (group) {
    case ExceptionGroup::past_planned_unsettled:
      return "past-planned-ship-date-unsettled";
    case ExceptionGroup::not_delivered:
      return "not-delivered";
    case ExceptionGroup::overpayment_unsettled:
      return "overpayment-unsettled";
    case ExceptionGroup::statement_not_matching_receipts:
      return "statement-not-matching-receipts";
  }
  return "unknown";
}

std::string_view label(ExceptionGroup group) {
  switch (group) {
    case ExceptionGroup::past_planned_unsettled:
      return "past planned ship date and unsettled";
    case ExceptionGroup::not_delivered:
      return "not delivered";
    case ExceptionGroup::overpayment_unsettled:
      return "overpayment unsettled";
    case ExceptionGroup::statement_not_matching_receipts:
      return "seller statement not matching receipts";
  }
  return "unknown";
}

bool statement_mismatch(recon::DiscrepancyType type) {
  using T = recon::DiscrepancyType;
  switch (type) {
    case T::shipped_not_received:
    case T::received_not_reported:
    case T::quantity_short:
    case T::quantity_over:
    case T::rejected_on_inspection:
    case T::line_mismatch:
    case T::duplicate_document:
    case T::value_mismatch:
    case T::billed_not_delivered:
    case T::delivered_not_billed:
      return true;
    case T::delivered_beyond_line_quantity:
    case T::line_past_availability_undelivered:
    case T::paid_ahead_of_bill:
    case T::past_ssc_unsettled:
    case T::payment_not_credited:
    case T::credited_not_recorded:
    case T::statement_overdue:
    case T::statement_missing:
    case T::deposit_unpaid:
    case T::case_value_mismatch:
    case T::cost_near_case_value:
    case T::cost_above_case_value:
    case T::settlement_outstanding:
      return false;
  }
  return false;
}

ExceptionsReport exceptions_of(const std::vector<CaseFinancials>& cases, const CivilDate& as_of) {
  ExceptionsReport report;
  report.as_of = as_of;
  for (std::size_t g = 0; g < kExceptionGroups; ++g) {
    report.groups[g].group = static_cast<ExceptionGroup>(g);
  }
  for (const CaseFinancials& c : cases) group_case(c, as_of, report.groups);
  return report;
}

ExceptionsReport exceptions_report(const ledger::PortfolioView& view, bool detail,
                                   const CaseScope& scope) {
  auto cases = case_financials(view, view_discrepancies(view));
  std::erase_if(cases, [&](const CaseFinancials& c) { return !in_scope(scope, c.case_id); });
  ExceptionsReport report = exceptions_of(cases, view.as_of);
  report.fresh = view.fresh;
  report.unreconciled_documents = view.unreconciled_documents;
  report.detail = detail;
  return report;
}

std::string exceptions_text(const ExceptionsReport& report) {
  std::string out = "Exceptions as of " + report.as_of.to_string() + "\n" +
                    freshness_note(report.fresh, report.unreconciled_documents);
  Table table({{"#", Align::right}, {"Group"}, {"Cases", Align::right}, {"USD", Align::right}});
  for (std::size_t g = 0; g < kExceptionGroups; ++g) {
    const ExceptionGroupRow& row = report.groups[g];
    table.add_row({std::to_string(g + 1), std::string(label(row.group)),
                   std::to_string(row.cases.size()), usd_text(row.usd_cents)});
  }
  out += table.render();
  out += "A case can be in several groups; group 2 is part of group 1.\n";
  if (!report.detail) return out;
  for (std::size_t g = 0; g < kExceptionGroups; ++g) {
    const ExceptionGroupRow& row = report.groups[g];
    out += "\n" + std::to_string(g + 1) + ". " + std::string(label(row.group)) + "\n";
    if (row.cases.empty()) {
      out += "None.\n";
      continue;
    }
    Table cases({{"Case"}, {"USD", Align::right}});
    for (const ExceptionCase& c : row.cases) cases.add_row({c.case_id, usd_text(c.usd_cents)});
    out += cases.render();
  }
  return out;
}

Json exceptions_json(const ExceptionsReport& report) {
  Json groups = Json::array();
  for (const ExceptionGroupRow& row : report.groups) {
    Json group = {{"group", std::string(to_string(row.group))},
                  {"label", std::string(label(row.group))},
                  {"cases", row.cases.size()},
                  {"usd", usd_plain(row.usd_cents)}};
    if (report.detail) {
      Json cases = Json::array();
      for (const ExceptionCase& c : row.cases) {
        cases.push_back({{"case_id", c.case_id}, {"usd", usd_plain(c.usd_cents)}});
      }
      group["case_list"] = std::move(cases);
    }
    groups.push_back(std::move(group));
  }
  return {{"as_of", report.as_of.to_string()},
          {"matches_recorded", !report.fresh},
          {"unreconciled_documents", report.unreconciled_documents},
          {"groups", std::move(groups)}};
}

XlsxSheet exceptions_sheet(const ExceptionsReport& report) {
  if (report.detail) {
    XlsxSheet sheet{"Exceptions", {"group", "label", "case_id", "usd"}, {}};
    for (const ExceptionGroupRow& row : report.groups) {
      for (const ExceptionCase& c : row.cases) {
        sheet.rows.push_back({std::string(to_string(row.group)), std::string(label(row.group)),
                              c.case_id, usd_cell(c.usd_cents)});
      }
    }
    return sheet;
  }
  XlsxSheet sheet{"Exceptions", {"group", "label", "cases", "usd"}, {}};
  for (const ExceptionGroupRow& row : report.groups) {
    sheet.rows.push_back({std::string(to_string(row.group)), std::string(label(row.group)),
                          count_cell(row.cases.size()), usd_cell(row.usd_cents)});
  }
  return sheet;
}

}  // namespace fms::report
