// Writing an LOA version document in its canonical form: fields in the order of the format
// documentation, money as plain decimal strings, every line's admin_surcharge_rate,
// design_and_construction and notes always written, optional objects and dates written exactly
// when present, two-space indentation and a final newline. Parsing the canonical form gives
// back the same version, and equal versions serialize to identical bytes, which is what makes
// the document's SHA-256 identify its content.
#include "core/rate.h"
#include "io/loa_json.h"

namespace fms::io {
namespace {

nlohmann::ordered_json money_json(const Money& amount) {
  return amount.to_plain_string();
}

nlohmann::ordered_json line_json(const LoaLine& line) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  out["number"] = line.number;
  out["generic_code"] = line.generic_code;
  out["masl"] = line.masl;
  out["description"] = line.description;
  out["pricing"] = line.pricing == LinePricing::per_unit ? "per_unit" : "lump_sum";
  out["quantity"] = line.quantity;
  out["unit_of_issue"] = line.unit_of_issue;
  // A lump-sum line writes its unit cost only when it has one, so absent and zero agree.
  if (line.pricing == LinePricing::per_unit || !line.unit_cost.is_zero()) {
    out["unit_cost"] = money_json(line.unit_cost);
  }
  out["total"] = money_json(line.total);
  if (line.months_of_service) out["months_of_service"] = *line.months_of_service;
  out["type_of_assistance"] = line.type_of_assistance;
  out["source_of_supply"] = line.source_of_supply;
  out["offer_release_code"] = line.offer_release_code;
  out["delivery_term_code"] = line.delivery_term_code;
  out["mde"] = line.major_defense_equipment;
  out["sme"] = line.significant_military_equipment;
  out["design_and_construction"] = line.design_and_construction;
  if (line.availability_months_from || line.availability_months_to) {
    nlohmann::ordered_json availability = nlohmann::ordered_json::object();
    if (line.availability_months_from) availability["from_months"] = *line.availability_months_from;
    if (line.availability_months_to) availability["to_months"] = *line.availability_months_to;
    out["availability"] = std::move(availability);
  }
  out["admin_surcharge_rate"] = format_basis_points(line.admin_surcharge_basis_points);
  out["notes"] = line.note_references;
  return out;
}

}  // namespace

nlohmann::ordered_json to_json(const LoaVersion& version) {
  using OJson = nlohmann::ordered_json;
  OJson out = OJson::object();
  out["format"] = std::string(kLoaFormat);
  out["case_id"] = version.case_id.to_string();
  OJson document = OJson::object();
  document["kind"] = std::string(to_string(version.kind));
  document["version"] = version.version;
  out["document"] = std::move(document);
  out["title"] = version.title;
  out["purchaser"] = version.purchaser;
  out["purpose"] = version.purpose;
  out["terms_of_sale"] = version.terms_of_sale;
  out["currency"] = std::string(version.currency.code());

  OJson dates = OJson::object();
  dates["offer"] = version.offer_date.to_string();
  if (version.offer_expiration_date) {
    dates["offer_expiration"] = version.offer_expiration_date->to_string();
  }
  if (version.acceptance_date) dates["acceptance"] = version.acceptance_date->to_string();
  dates["effective"] = version.effective_date.to_string();
  out["dates"] = std::move(dates);

  if (version.notification) {
    OJson notification = OJson::object();
    notification["transmittal"] = version.notification->transmittal;
    notification["notified_on"] = version.notification->notified_on.to_string();
    notification["value"] = money_json(version.notification->notified_value);
    notification["mde_value"] = money_json(version.notification->notified_mde_value);
    out["notification"] = std::move(notification);
  }

  OJson lines = OJson::array();
  for (const LoaLine& line : version.lines) lines.push_back(line_json(line));
  out["lines"] = std::move(lines);

  OJson notes = OJson::array();
  for (const LoaNote& note : version.notes) {
    OJson entry = OJson::object();
    entry["number"] = note.number;
    entry["title"] = note.title;
    entry["text"] = note.text;
    notes.push_back(std::move(entry));
  }
  out["notes"] = std::move(notes);

  const CostSummary& summary = version.cost_summary;
  OJson cost = OJson::object();
  cost["net_estimated_cost"] = money_json(summary.net_estimated_cost);
  cost["packing_crating_handling"] = money_json(summary.packing_crating_handling);
  cost["transportation"] = money_json(summary.transportation);
  cost["administrative_surcharge"] = money_json(summary.administrative_surcharge);
  cost["other"] = money_json(summary.other);
  cost["total"] = money_json(summary.total);
  out["cost_summary"] = std::move(cost);

  OJson schedule = OJson::object();
  schedule["initial_deposit"] = money_json(version.payment_schedule.initial_deposit);
  OJson installments = OJson::array();
  for (const PaymentInstallment& installment : version.payment_schedule.installments) {
    OJson entry = OJson::object();
    entry["due"] = installment.due_date.to_string();
    entry["amount"] = money_json(installment.amount);
    installments.push_back(std::move(entry));
  }
  schedule["installments"] = std::move(installments);
  out["payment_schedule"] = std::move(schedule);

  out["provenance"] = version.provenance;
  return out;
}

std::string serialize_loa_version(const LoaVersion& version) {
  // `replace` keeps serialization total for hand-built versions holding invalid UTF-8; text
  // that came through parse_loa_version is always valid UTF-8, so it round-trips unchanged.
  return to_json(version).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

}  // namespace fms::io
