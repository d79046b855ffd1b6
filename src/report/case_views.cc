// Text and JSON renderings of cases, diffs, history and the 36(b) check.
#include "report/case_views.h"

#include <map>

#include "core/fiscal_year.h"
#include "core/rate.h"
#include "report/table.h"

namespace fms::report {
namespace {

std::string availability_text(const LoaLine& line) {
  if (!line.availability_months_from) return "";
  std::string text = std::to_string(*line.availability_months_from);
  if (line.availability_months_to && line.availability_months_to != line.availability_months_from) {
    text += "-" + std::to_string(*line.availability_months_to);
  }
  return text + " mo";
}

std::string flags_text(const LoaLine& line) {
  std::string text;
  if (line.major_defense_equipment) text += "MDE";
  if (line.significant_military_equipment) text += text.empty() ? "SME" : " SME";
  return text;
}

std::string optional_date(const std::optional<CivilDate>& date) {
  return date ? date->to_string() : "-";
}

std::string quantity_text(const LoaLine& line) {
  std::string text = std::to_string(line.quantity) + " " + line.unit_of_issue;
  if (line.pricing == LinePricing::lump_sum && line.months_of_service) {
    text += " (" + std::to_string(*line.months_of_service) + " MOS)";
  }
  return text;
}

Json money_json(const Money& m) {
  return m.to_plain_string();
}

// Long free text is cut for tables; the full text is in --json and in the document itself.
std::string shorten(const std::string& text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars++ == max_chars) return text.substr(0, i) + "...";
  }
  return text;
}

}  // namespace

std::string case_list_text(const std::vector<store::CaseSummaryRow>& rows) {
  Table table({{"Case"},
               {"Title"},
               {"Status"},
               {"Since"},
               {"Document"},
               {"Lines", Align::right},
               {"Value", Align::right}});
  std::map<std::string, std::int64_t> totals;
  for (const auto& row : rows) {
    auto currency = Currency::from_code(row.currency);
    const std::string value = currency.ok() ? Money(row.total_minor, *currency).format_with_code()
                                            : std::to_string(row.total_minor);
    table.add_row({row.case_id, row.title, row.status, row.status_date, row.latest_document,
                   std::to_string(row.line_count), value});
    totals[row.currency] += row.total_minor;
  }
  if (rows.empty()) return "No cases.\n";
  table.add_separator();
  for (const auto& [code, total] : totals) {
    auto currency = Currency::from_code(code);
    table.add_row({std::to_string(rows.size()) + " case" + (rows.size() == 1 ? "" : "s"), "", "",
                   "", "", "", currency.ok() ? Money(total, *currency).format_with_code() : ""});
  }
  return table.render();
}

Json case_list_json(const std::vector<store::CaseSummaryRow>& rows) {
  Json cases = Json::array();
  for (const auto& row : rows) {
    auto currency = Currency::from_code(row.currency);
    cases.push_back({{"case_id", row.case_id},
                     {"customer", row.customer},
                     {"implementing_agency", row.implementing_agency},
                     {"title", row.title},
                     {"purchaser", row.purchaser},
                     {"status", row.status},
                     {"status_date", row.status_date},
                     {"latest_version", row.latest_version},
                     {"latest_document", row.latest_document},
                     {"currency", row.currency},
                     {"value", currency.ok() ? Money(row.total_minor, *currency).to_plain_string()
                                             : std::to_string(row.total_minor)},
                     {"line_count", row.line_count}});
  }
  return {{"cases", cases}};
}

CivilDate initial_deposit_due(const ledger::CaseState& state) {
  const LoaVersion& basic = state.documents.front().document;
  return basic.acceptance_date.value_or(basic.offer_date);
}

std::vector<ScheduleRow> schedule_rows(const LoaVersion& version, const CivilDate& deposit_due) {
  std::vector<ScheduleRow> rows;
  rows.push_back({deposit_due, "initial deposit", version.payment_schedule.initial_deposit});
  for (const auto& installment : version.payment_schedule.installments) {
    rows.push_back({installment.due_date, "installment", installment.amount});
  }
  return rows;
}

namespace {

std::string header_text(const ledger::CaseState& state, const LoaVersion& v,
                        const ReferenceData& reference) {
  std::string out;
  auto agency = reference.implementing_agency(v.case_id.implementing_agency());
  out += state.case_id + "  " + v.title + "\n";
  out += "Purchaser:            " + v.purchaser + "\n";
  out += "Implementing agency:  " + v.case_id.implementing_agency() +
         (agency.ok() ? " (" + agency->meaning + ")" : "") + "\n";
  out += "Status:               " + std::string(to_string(state.status)) + " since " +
         state.status_date.to_string() + "\n";
  out += "Document shown:       " + document_label(v.kind, v.version) + " (version " +
         std::to_string(v.version) + " of " + std::to_string(state.latest().version) +
         "), effective " + v.effective_date.to_string() + "\n";
  for (const auto& recorded : state.documents) {
    const LoaVersion& doc = recorded.document;
    if (doc.kind != DocumentKind::amendment || doc.acceptance_date) continue;
    out += "Not in force:         " + document_label(doc.kind, doc.version) + " offered " +
           doc.offer_date.to_string() + ", not signed (OED " +
           optional_date(doc.offer_expiration_date) + "); it takes effect when signed\n";
  }
  out += "Purpose:              " + shorten(v.purpose, 200) + "\n";
  out += "Offered / OED / accepted: " + v.offer_date.to_string() + " / " +
         optional_date(v.offer_expiration_date) + " / " + optional_date(v.acceptance_date) + "\n";
  out += "Terms of sale:        " + v.terms_of_sale + "\n";
  if (v.notification) {
    out += "36(b) notification:   transmittal " + v.notification->transmittal + " of " +
           v.notification->notified_on.to_string() + ", notified value " +
           v.notification->notified_value.format_with_code() + "\n";
  }
  out += "Provenance:           " + shorten(v.provenance, 200) + "\n";
  return out;
}

std::string lines_text(const LoaVersion& v) {
  std::string out;
  out += "\nLines\n";
  Table lines({{"Line"},
               {"Generic"},
               {"MASL"},
               {"Description"},
               {"Quantity", Align::right},
               {"Unit cost", Align::right},
               {"Total", Align::right},
               {"TA"},
               {"SC"},
               {"ORC"},
               {"DTC"},
               {"Flags"},
               {"Availability"},
               {"Surcharge", Align::right}});
  for (const auto& line : v.lines) {
    lines.add_row({line.number, line.generic_code, line.masl, line.description, quantity_text(line),
                   line.pricing == LinePricing::per_unit ? line.unit_cost.format() : "lump sum",
                   line.total.format(), line.type_of_assistance, line.source_of_supply,
                   line.offer_release_code, line.delivery_term_code, flags_text(line),
                   availability_text(line),
                   format_basis_points(line.admin_surcharge_basis_points) + "%"});
  }
  out += lines.render();
  return out;
}

std::string cost_text(const LoaVersion& v) {
  std::string out;
  const CostSummary& c = v.cost_summary;
  out += "\nEstimated cost summary (" + std::string(v.currency.code()) + ")\n";
  Table cost({{"Item"}, {"Amount", Align::right}});
  cost.add_row({"Net estimated cost", c.net_estimated_cost.format()});
  cost.add_row({"Packing, crating and handling", c.packing_crating_handling.format()});
  cost.add_row({"Transportation", c.transportation.format()});
  cost.add_row({"Administrative surcharge", c.administrative_surcharge.format()});
  cost.add_row({"Other", c.other.format()});
  cost.add_separator();
  cost.add_row({"Total estimated cost", c.total.format()});
  out += cost.render();
  return out;
}

// The payment schedule, then its total by Japanese fiscal year.
std::string schedule_text(const ledger::CaseState& state, const LoaVersion& v) {
  std::string out;
  out += "\nPayment schedule (" + std::string(v.currency.code()) + ")\n";
  Table schedule({{"Due"},
                  {"What"},
                  {"US fiscal quarter"},
                  {"Japanese fiscal quarter"},
                  {"Amount", Align::right},
                  {"Cumulative", Align::right}});
  std::map<int, std::int64_t> by_japan_fy;
  std::int64_t cumulative = 0;
  for (const auto& row : schedule_rows(v, initial_deposit_due(state))) {
    cumulative += row.amount.minor_units();
    const auto jfy = FiscalQuarter::containing(FiscalCalendar::japan, row.due);
    by_japan_fy[jfy.fiscal_year.year] += row.amount.minor_units();
    schedule.add_row({row.due.to_string(), row.what,
                      FiscalQuarter::containing(FiscalCalendar::us, row.due).label(), jfy.label(),
                      row.amount.format(), Money(cumulative, v.currency).format()});
  }
  out += schedule.render();

  out += "\nPayments by Japanese fiscal year (" + std::string(v.currency.code()) + ")\n";
  Table fy({{"Fiscal year"}, {"From"}, {"To"}, {"Amount", Align::right}});
  for (const auto& [year, minor] : by_japan_fy) {
    const FiscalYear f{FiscalCalendar::japan, year};
    fy.add_row({f.label(), f.first_day().to_string(), f.last_day().to_string(),
                Money(minor, v.currency).format()});
  }
  fy.add_separator();
  fy.add_row({"Total", "", "", Money(cumulative, v.currency).format()});
  out += fy.render();
  return out;
}

// Notes, the case's documents and its status history.
std::string record_text(const ledger::CaseState& state, const LoaVersion& v) {
  std::string out;
  if (!v.notes.empty()) {
    out += "\nNotes\n";
    for (const auto& note : v.notes) out += "  " + note.number + ". " + note.title + "\n";
  }

  out += "\nDocuments\n";
  Table docs({{"Version", Align::right},
              {"Document"},
              {"Offered"},
              {"Effective"},
              {"Value", Align::right},
              {"Purpose"}});
  for (const auto& recorded : state.documents) {
    const LoaVersion& d = recorded.document;
    const bool unsigned_amendment = d.kind == DocumentKind::amendment && !d.acceptance_date;
    docs.add_row({std::to_string(d.version), document_label(d.kind, d.version),
                  d.offer_date.to_string(),
                  unsigned_amendment ? "not signed" : d.effective_date.to_string(),
                  d.cost_summary.total.format(), shorten(d.purpose, 70)});
  }
  out += docs.render();

  out += "\nStatus history\n";
  Table history({{"Date"}, {"From"}, {"To"}, {"Reason"}, {"Recorded by"}});
  for (const auto& change : state.history) {
    std::string reason = change.reason;
    if (change.override_taken) reason += " [override: " + change.override_taken->reason + "]";
    history.add_row({change.date.to_string(),
                     change.from ? std::string(to_string(*change.from)) : "-",
                     std::string(to_string(change.to)), reason,
                     change.sequence == 0 ? "(not recorded: derived from the OED)" : change.actor});
  }
  out += history.render();
  return out;
}

}  // namespace

std::string case_text(const ledger::CaseState& state, const LoaVersion& v,
                      const ReferenceData& reference) {
  return header_text(state, v, reference) + lines_text(v) + cost_text(v) + schedule_text(state, v) +
         record_text(state, v);
}

namespace {

// The case's LOA documents, each with its dates, total and who recorded it.
Json documents_json(const ledger::CaseState& state) {
  Json documents = Json::array();
  for (const auto& recorded : state.documents) {
    const LoaVersion& d = recorded.document;
    documents.push_back(
        {{"version", d.version},
         {"document", document_label(d.kind, d.version)},
         {"offer_date", d.offer_date.to_string()},
         {"offer_expiration",
          d.offer_expiration_date ? Json(d.offer_expiration_date->to_string()) : Json(nullptr)},
         {"acceptance_date",
          d.acceptance_date ? Json(d.acceptance_date->to_string()) : Json(nullptr)},
         {"effective_date", d.effective_date.to_string()},
         {"in_force", d.kind != DocumentKind::amendment || d.acceptance_date},
         {"total", money_json(d.cost_summary.total)},
         {"purpose", d.purpose},
         {"sha256", recorded.sha256},
         {"recorded_at", recorded.recorded_at},
         {"recorded_by", recorded.actor}});
  }
  return documents;
}

}  // namespace

Json case_json(const ledger::CaseState& state, const LoaVersion& v) {
  Json lines = Json::array();
  for (const auto& line : v.lines) {
    lines.push_back({{"number", line.number},
                     {"generic_code", line.generic_code},
                     {"masl", line.masl},
                     {"description", line.description},
                     {"pricing", line.pricing == LinePricing::per_unit ? "per_unit" : "lump_sum"},
                     {"quantity", line.quantity},
                     {"unit_of_issue", line.unit_of_issue},
                     {"unit_cost", money_json(line.unit_cost)},
                     {"total", money_json(line.total)},
                     {"type_of_assistance", line.type_of_assistance},
                     {"source_of_supply", line.source_of_supply},
                     {"offer_release_code", line.offer_release_code},
                     {"delivery_term_code", line.delivery_term_code},
                     {"mde", line.major_defense_equipment},
                     {"sme", line.significant_military_equipment},
                     {"admin_surcharge_basis_points", line.admin_surcharge_basis_points}});
  }
  Json schedule = Json::array();
  for (const auto& row : schedule_rows(v, initial_deposit_due(state))) {
    schedule.push_back(
        {{"due", row.due.to_string()},
         {"what", row.what},
         {"us_fiscal_quarter", FiscalQuarter::containing(FiscalCalendar::us, row.due).label()},
         {"japan_fiscal_quarter",
          FiscalQuarter::containing(FiscalCalendar::japan, row.due).label()},
         {"amount", money_json(row.amount)}});
  }
  const Json documents = documents_json(state);
  Json history = Json::array();
  for (const auto& change : state.history) {
    history.push_back(
        {{"date", change.date.to_string()},
         {"from", change.from ? Json(std::string(to_string(*change.from))) : Json(nullptr)},
         {"to", std::string(to_string(change.to))},
         {"reason", change.reason},
         {"override", change.override_taken ? Json{{"reason", change.override_taken->reason},
                                                   {"missing", change.override_taken->missing}}
                                            : Json(nullptr)},
         {"recorded", change.sequence != 0},
         {"recorded_at", change.recorded_at},
         {"recorded_by", change.actor}});
  }
  const CostSummary& c = v.cost_summary;
  return {{"case_id", state.case_id},
          {"title", v.title},
          {"purchaser", v.purchaser},
          {"status", std::string(to_string(state.status))},
          {"status_date", state.status_date.to_string()},
          {"version", v.version},
          {"document", document_label(v.kind, v.version)},
          {"currency", std::string(v.currency.code())},
          {"lines", lines},
          {"cost_summary",
           {{"net_estimated_cost", money_json(c.net_estimated_cost)},
            {"packing_crating_handling", money_json(c.packing_crating_handling)},
            {"transportation", money_json(c.transportation)},
            {"administrative_surcharge", money_json(c.administrative_surcharge)},
            {"other", money_json(c.other)},
            {"total", money_json(c.total)}}},
          {"payment_schedule", schedule},
          {"documents", documents},
          {"status_history", history}};
}

std::string diff_text(const std::string& case_id, const LoaVersion& from, const LoaVersion& to,
                      const std::vector<LineDifference>& differences) {
  std::string out = case_id + ": " + document_label(from.kind, from.version) + " -> " +
                    document_label(to.kind, to.version) + "\n";
  out += "Total estimated cost: " + from.cost_summary.total.format_with_code() + " -> " +
         to.cost_summary.total.format_with_code() + "\n";
  if (differences.empty()) return out + "No line differences.\n";
  Table table({{"Line"}, {"Change"}, {"Details"}});
  auto summary_of = [](const LoaVersion& version, const std::string& number) {
    for (const auto& line : version.lines) {
      if (line.number == number) {
        return line.description + ", " + quantity_text(line) + ", " + line.total.format_with_code();
      }
    }
    return std::string();
  };
  for (const auto& d : differences) {
    std::string details;
    for (const auto& f : d.fields) details += (details.empty() ? "" : "; ") + f;
    if (details.empty() && d.change == "added") details = summary_of(to, d.line_number);
    if (details.empty() && d.change == "removed") details = summary_of(from, d.line_number);
    table.add_row({d.line_number, d.change, details});
  }
  return out + table.render();
}

Json diff_json(const std::string& case_id, const LoaVersion& from, const LoaVersion& to,
               const std::vector<LineDifference>& differences) {
  Json lines = Json::array();
  for (const auto& d : differences) {
    lines.push_back({{"line", d.line_number}, {"change", d.change}, {"fields", d.fields}});
  }
  return {{"case_id", case_id},
          {"from_version", from.version},
          {"to_version", to.version},
          {"from_total", money_json(from.cost_summary.total)},
          {"to_total", money_json(to.cost_summary.total)},
          {"lines", lines}};
}

namespace {

std::string text_of(const Json& payload, const char* key) {
  const auto it = payload.find(key);
  return it != payload.end() && it->is_string() ? it->get<std::string>() : std::string();
}

constexpr std::size_t kMissingChars = 120;

// What a case event says, in a line: the step and its reason, with an override and what it
// overrode; the document and its file; the amendment signed.
std::string event_summary(const store::EventRecord& e) {
  const Json payload = Json::parse(e.payload, nullptr, false);
  if (!payload.is_object()) return {};
  if (e.type == "case.status_changed") {
    std::string out = text_of(payload, "from") + " -> " + text_of(payload, "to") + " on " +
                      text_of(payload, "date") + ": " + text_of(payload, "reason");
    const auto taken = payload.find("override");
    if (taken != payload.end() && taken->is_object()) {
      // The reasons in full; what was missing, which can name every line, in short (the JSON
      // form and `case show --json` have it whole).
      std::string missing;
      const auto items = taken->find("missing");
      if (items != taken->end() && items->is_array()) {
        for (const auto& item : *items) {
          if (item.is_string()) missing += (missing.empty() ? "" : "; ") + item.get<std::string>();
        }
      }
      out += " [OVERRIDE: " + text_of(*taken, "reason") +
             "; missing: " + shorten(missing, kMissingChars) + "]";
    }
    return out;
  }
  if (e.type == "case.amendment_signed") {
    const auto version = payload.find("version");
    const std::string number =
        version != payload.end() && version->is_number_integer() ? version->dump() : "?";
    return "Amendment " + number + " signed on " + text_of(payload, "date") + ": " +
           text_of(payload, "reason");
  }
  if (e.type == "case.document_recorded") return text_of(payload, "source");
  return {};
}

}  // namespace

std::string history_text(const std::vector<store::EventRecord>& events) {
  Table table(
      {{"Seq", Align::right}, {"Recorded at (UTC)"}, {"Actor"}, {"Event"}, {"Hash"}, {"What"}});
  for (const auto& e : events) {
    table.add_row({std::to_string(e.sequence), e.recorded_at, e.actor, e.type, e.hash.substr(0, 16),
                   event_summary(e)});
  }
  return table.render();
}

Json history_json(const std::vector<store::EventRecord>& events) {
  Json list = Json::array();
  for (const auto& e : events) {
    list.push_back({{"sequence", e.sequence},
                    {"recorded_at", e.recorded_at},
                    {"actor", e.actor},
                    {"case_id", e.case_id},
                    {"type", e.type},
                    {"type_version", e.type_version},
                    {"payload", Json::parse(e.payload, nullptr, false)},
                    {"previous_hash", e.previous_hash},
                    {"hash", e.hash}});
  }
  return {{"events", list}};
}

std::string notification_text(const std::string& case_id, const LoaVersion& v,
                              const NotificationCheck& check) {
  std::string out = case_id + " (" + document_label(v.kind, v.version) +
                    "): AECA 36(b) notification " + (check.required ? "REQUIRED" : "not required") +
                    "\n";
  out += "Purchaser group:  " + check.group + " (thresholds in force on " +
         check.reference_date.to_string() + ")\n";
  Table table({{"Value"}, {"Amount", Align::right}, {"Threshold", Align::right}, {"Triggers"}});
  auto row = [&](const char* name, const Money& value, std::int64_t threshold_usd) {
    const Money threshold(threshold_usd * 100, Currency::usd());
    table.add_row({name, value.format_with_code(), threshold.format_with_code(),
                   value.minor_units() >= threshold.minor_units() ? "yes" : "no"});
  };
  row("Major Defense Equipment", check.mde_value, check.thresholds.mde_usd);
  row("Defense articles and services (total)", check.total_value,
      check.thresholds.articles_services_usd);
  row("Design and construction services", check.design_construction_value,
      check.thresholds.design_construction_usd);
  out += table.render();
  if (check.required) {
    out += "Formal review period: " + std::to_string(check.review_period_days) + " calendar days\n";
  }
  if (v.notification) {
    out += "Recorded notification: transmittal " + v.notification->transmittal + " of " +
           v.notification->notified_on.to_string() + ", " +
           v.notification->notified_value.format_with_code() + "\n";
    const Money& notified = v.notification->notified_value;
    if (v.cost_summary.total.minor_units() <= notified.minor_units()) {
      out += "Case value is within the notified value.\n";
    } else {
      out += "Case value EXCEEDS the notified value by " +
             Money(v.cost_summary.total.minor_units() - notified.minor_units(), notified.currency())
                 .format_with_code() +
             "; a new notification may be required.\n";
    }
  } else if (check.required) {
    out += "No notification is recorded on this document.\n";
  }
  return out;
}

Json notification_json(const std::string& case_id, const LoaVersion& v,
                       const NotificationCheck& check) {
  Json out = {{"case_id", case_id},
              {"version", v.version},
              {"required", check.required},
              {"group", check.group},
              {"thresholds_effective_from", check.thresholds.effective_from.to_string()},
              {"reference_date", check.reference_date.to_string()},
              {"mde_value", money_json(check.mde_value)},
              {"total_value", money_json(check.total_value)},
              {"design_construction_value", money_json(check.design_construction_value)},
              {"triggered", check.triggered},
              {"review_period_days", check.review_period_days}};
  if (v.notification) {
    out["recorded_notification"] = {{"transmittal", v.notification->transmittal},
                                    {"notified_on", v.notification->notified_on.to_string()},
                                    {"value", money_json(v.notification->notified_value)}};
  }
  return out;
}

}  // namespace fms::report
