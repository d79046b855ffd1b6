// Building and rendering the SDR report and the detail of one SDR.
#include "report/sdr_report.h"

#include "core/money.h"
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

std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::string resolution_text(const ledger::Sdr& sdr) {
  return sdr.resolution ? std::string(to_string(*sdr.resolution)) : std::string();
}

Json resolution_json(const std::optional<SdrResolution>& resolution) {
  return resolution ? Json(std::string(to_string(*resolution))) : Json(nullptr);
}

std::string status_text(const ledger::Sdr& sdr) {
  return sdr.withdrawn ? "withdrawn" : std::string(to_string(sdr.status));
}

std::string step_detail(const ledger::SdrStep& step) {
  std::string out;
  if (step.resolution) {
    out = std::string(to_string(*step.resolution));
    if (*step.resolution == SdrResolution::credit) out += " USD " + usd(step.credit_usd_cents);
    if (step.reply_code) out += " (reply code " + *step.reply_code + ")";
    if (!step.text.empty()) out += ": ";
  } else if (step.late) {
    out = "late: ";
  } else if (step.withdrawn) {
    out = "withdrawn: ";
  }
  return out + step.text;
}

std::string step_name(const ledger::SdrStep& step) {
  return step.withdrawn ? "withdrawn" : std::string(ledger::to_string(step.kind));
}

}  // namespace

SdrReport sdr_report(const ledger::SdrRegister& recorded, const CivilDate& as_of, int warning_days,
                     const SdrFilter& filter) {
  SdrReport report;
  report.as_of = as_of;
  report.warning_days = warning_days;
  const ledger::SdrRegister then = recorded.as_of(as_of);
  for (const ledger::Sdr& sdr : then.all()) {
    if (filter.case_id && sdr.created.case_id != *filter.case_id) continue;
    if (filter.status && sdr.status != *filter.status) continue;
    if (filter.open_only && !sdr.open()) continue;
    SdrReportRow row;
    row.sdr = sdr;
    if (sdr.status == SdrStatus::draft) {
      const SdrDeadlineState state = sdr_deadline_state(as_of, sdr.created.deadline, warning_days);
      row.days_to_deadline = state.days_to_deadline;
      row.warning = state.warning;
    }
    report.rows.push_back(std::move(row));
  }
  return report;
}

std::string sdr_text(const SdrReport& report) {
  std::string out = "Supply Discrepancy Reports as of " + report.as_of.to_string() + "\n";
  if (report.rows.empty()) return out + "None.\n";
  Table table({{"Number"},
               {"Case"},
               {"Line"},
               {"Type"},
               {"Status"},
               {"Resolution"},
               {"Claimed USD", Align::right},
               {"Credited USD", Align::right},
               {"Deadline"},
               {"Days", Align::right},
               {"Warning"}});
  std::int64_t claimed = 0;
  std::int64_t credited = 0;
  bool any_below_minimum = false;
  for (const SdrReportRow& row : report.rows) {
    const ledger::Sdr& sdr = row.sdr;
    const bool below = sdr.created.below_minimum;
    any_below_minimum = any_below_minimum || below;
    table.add_row({sdr.number.to_string(), sdr.created.case_id, sdr.created.line,
                   std::string(recon::to_string(sdr.created.discrepancy.type)), status_text(sdr),
                   resolution_text(sdr), usd(sdr.created.claimed_usd_cents) + (below ? " *" : ""),
                   usd(sdr.credited_usd_cents), sdr.created.deadline.to_string(),
                   row.days_to_deadline ? std::to_string(*row.days_to_deadline) : "", row.warning});
    claimed += sdr.created.claimed_usd_cents;
    credited += sdr.credited_usd_cents;
  }
  table.add_separator();
  table.add_row({"total (" + std::to_string(report.rows.size()) + ")", "", "", "", "", "",
                 usd(claimed), usd(credited)});
  out += table.render();
  if (any_below_minimum) {
    out += "* below the minimum the USG reviews for compensation: filed for information\n";
  }
  return out;
}

Json sdr_json(const SdrReport& report) {
  Json rows = Json::array();
  for (const SdrReportRow& row : report.rows) {
    const ledger::Sdr& sdr = row.sdr;
    rows.push_back(
        {{"number", sdr.number.to_string()},
         {"case_id", sdr.created.case_id},
         {"line", sdr.created.line},
         {"type", std::string(recon::to_string(sdr.created.discrepancy.type))},
         {"status", std::string(to_string(sdr.status))},
         {"withdrawn", sdr.withdrawn},
         {"resolution", resolution_json(sdr.resolution)},
         {"codes", sdr.created.codes},
         {"claimed_usd", usd_plain(sdr.created.claimed_usd_cents)},
         {"credited_usd", usd_plain(sdr.credited_usd_cents)},
         {"below_minimum", sdr.created.below_minimum},
         {"deadline", sdr.created.deadline.to_string()},
         {"days_to_deadline", row.days_to_deadline ? Json(*row.days_to_deadline) : Json(nullptr)},
         {"warning", row.warning.empty() ? Json(nullptr) : Json(row.warning)},
         {"submitted_on", sdr.submitted_on ? Json(sdr.submitted_on->to_string()) : Json(nullptr)},
         {"submitted_late", sdr.submitted_late}});
  }
  return {{"as_of", report.as_of.to_string()},
          {"deadline_warning_days", report.warning_days},
          {"sdrs", std::move(rows)}};
}

XlsxSheet sdr_sheet(const SdrReport& report) {
  XlsxSheet sheet{
      "SDRs",
      {"number", "case_id", "line", "type", "status", "withdrawn", "resolution", "codes",
       "claimed_usd", "credited_usd", "below_minimum", "deadline", "days_to_deadline", "warning"},
      {}};
  for (const SdrReportRow& row : report.rows) {
    const ledger::Sdr& sdr = row.sdr;
    sheet.rows.push_back(
        {sdr.number.to_string(), sdr.created.case_id, text_cell(sdr.created.line),
         std::string(recon::to_string(sdr.created.discrepancy.type)),
         std::string(to_string(sdr.status)), flag_cell(sdr.withdrawn),
         text_cell(resolution_text(sdr)), text_cell(joined(sdr.created.codes, " ")),
         usd_cell(sdr.created.claimed_usd_cents), usd_cell(sdr.credited_usd_cents),
         flag_cell(sdr.created.below_minimum), sdr.created.deadline,
         row.days_to_deadline ? count_cell(*row.days_to_deadline) : XlsxCell(XlsxEmpty{}),
         text_cell(row.warning)});
  }
  return sheet;
}

std::string sdr_detail_text(const ledger::Sdr& sdr) {
  const ledger::SdrCreated& created = sdr.created;
  std::string out = "SDR " + sdr.number.to_string() + " (" + status_text(sdr) + ")\n";
  out += "Case:         " + created.case_id +
         (created.line.empty() ? " (the case as a whole)" : " line " + created.line) + "\n";
  out += "Discrepancy:  " + std::string(recon::to_string(created.discrepancy.type)) + ", arose " +
         created.arose.to_string() + "\n";
  out += "Documents:    " + joined(created.documents, "; ") + "\n";
  std::string codes;
  for (const std::string& code : created.codes) {
    std::string meaning;
    for (const SdrCodeEntry& entry : sdr_code_list()) {
      if (entry.code == code) meaning = std::string(entry.meaning);
    }
    codes += (codes.empty() ? "" : "; ") + code + " " + meaning;
  }
  out += "Codes:        " + codes + "\n";
  out += "Claimed:      USD " + usd(created.claimed_usd_cents) +
         (created.below_minimum
              ? " (below the USD " + usd(created.minimum_usd_cents) + " minimum: for information)"
              : std::string()) +
         "\n";
  out += "Credited:     USD " + usd(sdr.credited_usd_cents) + "\n";
  out += "Deadline:     " + created.deadline.to_string() +
         (sdr.submitted_on ? ", submitted " + sdr.submitted_on->to_string() +
                                 (sdr.submitted_late ? " (late)" : "")
                           : std::string()) +
         "\n\n";
  Table history({{"Date"}, {"Step"}, {"Number"}, {"Detail"}, {"Recorded"}, {"By"}});
  for (const ledger::SdrStep& step : sdr.history) {
    history.add_row({step.date.to_string(), step_name(step), step.number, step_detail(step),
                     step.recorded_at, step.actor});
  }
  return out + history.render();
}

Json sdr_detail_json(const ledger::Sdr& sdr) {
  const ledger::SdrCreated& created = sdr.created;
  Json steps = Json::array();
  for (const ledger::SdrStep& step : sdr.history) {
    steps.push_back({{"step", step_name(step)},
                     {"date", step.date.to_string()},
                     {"number", step.number},
                     {"text", step.text},
                     {"resolution", resolution_json(step.resolution)},
                     {"credit_usd", step.resolution == SdrResolution::credit
                                        ? Json(usd_plain(step.credit_usd_cents))
                                        : Json(nullptr)},
                     {"reply_code", step.reply_code ? Json(*step.reply_code) : Json(nullptr)},
                     {"late", step.late},
                     {"sequence", step.sequence},
                     {"recorded_at", step.recorded_at},
                     {"actor", step.actor}});
  }
  return {{"number", sdr.number.to_string()},
          {"base_number", sdr.number.base()},
          {"status", std::string(to_string(sdr.status))},
          {"withdrawn", sdr.withdrawn},
          {"resolution", resolution_json(sdr.resolution)},
          {"case_id", created.case_id},
          {"line", created.line},
          {"discrepancy",
           {{"type", std::string(recon::to_string(created.discrepancy.type))},
            {"case_id", created.discrepancy.case_id},
            {"line", created.discrepancy.line},
            {"document", created.discrepancy.document}}},
          {"documents", created.documents},
          {"codes", created.codes},
          {"claimed_usd", usd_plain(created.claimed_usd_cents)},
          {"credited_usd", usd_plain(sdr.credited_usd_cents)},
          {"minimum_usd", usd_plain(created.minimum_usd_cents)},
          {"below_minimum", created.below_minimum},
          {"arose", created.arose.to_string()},
          {"deadline", created.deadline.to_string()},
          {"submitted_on", sdr.submitted_on ? Json(sdr.submitted_on->to_string()) : Json(nullptr)},
          {"submitted_late", sdr.submitted_late},
          {"history", std::move(steps)}};
}

std::string sdr_detail_text(const ledger::Sdr& sdr,
                            const std::vector<ledger::ListingAnswer>& answers) {
  std::string out = sdr_detail_text(sdr);
  if (answers.empty()) {
    return out + "\nNo delivery listing names this SDR.\n";
  }
  std::int64_t credited = 0;
  Table table({{"Listing"},
               {"Row"},
               {"Type"},
               {"Line"},
               {"Document"},
               {"Date"},
               {"Quantity", Align::right},
               {"USD", Align::right}});
  for (const ledger::ListingAnswer& a : answers) {
    if (is_credit(a.type)) credited += a.value_cents;
    table.add_row({a.listing + " " + a.source, std::to_string(a.source_line),
                   std::string(to_string(a.type)), a.line, a.document_number, a.date.to_string(),
                   std::to_string(a.quantity), usd(a.value_cents)});
  }
  out += "\nOn the seller's delivery listings: credited USD " + usd(credited) +
         " (recorded as granted: USD " + usd(sdr.credited_usd_cents) + ")\n";
  return out + table.render();
}

Json sdr_detail_json(const ledger::Sdr& sdr, const std::vector<ledger::ListingAnswer>& answers) {
  Json out = sdr_detail_json(sdr);
  Json rows = Json::array();
  std::int64_t credited = 0;
  for (const ledger::ListingAnswer& a : answers) {
    if (is_credit(a.type)) credited += a.value_cents;
    rows.push_back({{"listing", a.listing},
                    {"source", a.source},
                    {"source_line", a.source_line},
                    {"sdr", a.sdr},
                    {"transaction_type", std::string(to_string(a.type))},
                    {"line", a.line},
                    {"document_number", a.document_number},
                    {"date", a.date.to_string()},
                    {"quantity", a.quantity},
                    {"usd", usd_plain(a.value_cents)}});
  }
  out["listing_answers"] = std::move(rows);
  out["listing_credited_usd"] = usd_plain(credited);
  return out;
}

}  // namespace fms::report
