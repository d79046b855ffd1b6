// Building and rendering the discrepancy report.
#include "report/discrepancy_report.h"

#include <map>

#include "report/sheet_cells.h"
#include "report/sheet_text.h"
#include "report/table.h"

namespace fms::report {
namespace {

std::string usd(std::int64_t cents) {
  return Money(cents, Currency::usd()).format();
}
std::string usd_plain(std::int64_t cents) {
  return Money(cents, Currency::usd()).to_plain_string();
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += "; ";
    out += part;
  }
  return out;
}

}  // namespace

std::string freshness_note(bool fresh, std::size_t unreconciled_documents) {
  if (!fresh) return {};
  if (unreconciled_documents == 0) {
    return "Note: no reconciliation has been recorded; matches were computed for this report "
           "(run `fmsledger reconcile` to record them).\n";
  }
  return "Note: " + std::to_string(unreconciled_documents) +
         " document(s) recorded since the last reconciliation; matches were computed for this "
         "report (run `fmsledger reconcile` to record them).\n";
}

DiscrepancyReport discrepancy_report(const ledger::ReconciliationView& view,
                                     const DiscrepancyFilter& filter) {
  DiscrepancyReport report;
  report.as_of = view.as_of;
  report.fresh = view.fresh;
  report.unreconciled_documents = view.unreconciled_documents;
  for (auto& d : recon::classify(view.recon_input, view.matches, ledger::to_recon_rules(view.rules),
                                 view.as_of)) {
    if (filter.case_id && d.case_id != *filter.case_id) continue;
    if (filter.type && d.type != *filter.type) continue;
    report.rows.push_back(std::move(d));
  }
  return report;
}

std::string discrepancy_text(const DiscrepancyReport& report) {
  std::string out = "Discrepancies as of " + report.as_of.to_string() + "\n" +
                    freshness_note(report.fresh, report.unreconciled_documents);
  if (report.rows.empty()) return out + "None.\n";
  Table table({{"Case"},
               {"Line"},
               {"Type"},
               {"USD", Align::right},
               {"Age", Align::right},
               {"Documents"},
               {"Next action"}});
  std::map<std::string, std::pair<std::size_t, std::int64_t>> by_type;
  std::int64_t total = 0;
  for (const auto& d : report.rows) {
    table.add_row({d.case_id, d.line, std::string(recon::to_string(d.type)), usd(d.usd_cents),
                   std::to_string(d.age_days), joined(d.documents), d.next_action});
    auto& [count, amount] = by_type[std::string(recon::to_string(d.type))];
    ++count;
    amount += d.usd_cents;
    total += d.usd_cents;
  }
  out += table.render() + "\n";
  Table summary({{"Type"}, {"Count", Align::right}, {"USD", Align::right}});
  for (const auto& [type, entry] : by_type) {
    summary.add_row({type, std::to_string(entry.first), usd(entry.second)});
  }
  summary.add_separator();
  summary.add_row({"total", std::to_string(report.rows.size()), usd(total)});
  return out + summary.render();
}

Json discrepancy_json(const DiscrepancyReport& report) {
  Json rows = Json::array();
  for (const auto& d : report.rows) {
    rows.push_back(
        {{"type", std::string(recon::to_string(d.type))},
         {"case_id", d.case_id},
         {"line", d.line},
         {"documents", d.documents},
         {"usd", usd_plain(d.usd_cents)},
         {"arose", d.arose.to_string()},
         {"age_days", d.age_days},
         {"next_action", d.next_action},
         {"action_due", d.action_due ? Json(d.action_due->to_string()) : Json(nullptr)}});
  }
  return {{"as_of", report.as_of.to_string()},
          {"matches_recorded", !report.fresh},
          {"unreconciled_documents", report.unreconciled_documents},
          {"discrepancies", std::move(rows)}};
}

XlsxSheet discrepancy_sheet(const DiscrepancyReport& report) {
  XlsxSheet sheet{"Discrepancies",
                  {"type", "case_id", "line", "documents", "usd", "arose", "age_days",
                   "next_action", "action_due"},
                  {}};
  for (const auto& d : report.rows) {
    sheet.rows.push_back({std::string(recon::to_string(d.type)), d.case_id, text_cell(d.line),
                          text_cell(joined(d.documents)), usd_cell(d.usd_cents), d.arose,
                          count_cell(d.age_days), text_cell(d.next_action),
                          date_cell(d.action_due)});
  }
  return sheet;
}

}  // namespace fms::report
