// Reading one LOA version document in the fmsledger.loa/1 JSON format
// (docs/formats/loa.md).
//
// Reading happens in three passes over the text, and every pass keeps going after a problem
// so the user sees the whole list at once:
//   1. io/strict_json parses the text; a syntax error stops everything and is reported as
//      "FILE:LINE:COLUMN: ...". Duplicate keys, which nlohmann would silently resolve to the
//      last one, are reported with their JSON Pointers.
//   2. A strict walk over the known structure converts it into a LoaVersion: unknown fields,
//      missing fields, wrong types, money as JSON numbers, unparseable amounts, dates and rates
//      are "blocking" problems (the value in the model is a default, not what the file says).
//      Problems with a value that was read as written (unknown codes, negative amounts,
//      non-positive quantities, over-long text, too many lines) are recorded but not blocking.
//   3. When nothing blocks, check_version (core/loa_rules.h) runs on the model, and its
//      violations are added unless pass 2 already reported a problem at the same location.
// All problems become one Error::invalid, one "FILE: /json/pointer: rule broken" per line,
// capped at kMaxReportedProblems.
// Writing the canonical form is in loa_json_write.cc.
#include "io/loa_json.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/case_id.h"
#include "core/json_pointer.h"
#include "core/loa_rules.h"
#include "core/text.h"
#include "io/document_walker.h"
#include "io/strict_json.h"

namespace fms::io {
namespace {

using Json = nlohmann::json;

using Problem = DocumentProblem;

// RFC 6901 escaping of one reference token.
using json_pointer::child;

std::string describe(const Json& value) {
  return describe_json(value);
}

// "3.2", "3.20", "3" -> basis points. At most two decimals, at most three integer digits.
std::optional<std::int64_t> parse_percent(std::string_view text) {
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
  if (whole.empty() || whole.size() > 3) return std::nullopt;
  if (dot != std::string_view::npos && (fraction.empty() || fraction.size() > 2)) {
    return std::nullopt;
  }
  std::int64_t basis_points = 0;
  for (const char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    basis_points = basis_points * 10 + (c - '0');
  }
  basis_points *= 100;
  std::int64_t scale = 10;
  for (const char c : fraction) {
    if (c < '0' || c > '9') return std::nullopt;
    basis_points += (c - '0') * scale;
    scale /= 10;
  }
  return basis_points;
}

constexpr std::array<std::string_view, 15> kTopFields = {
    "format",        "case_id",          "document",  "title",        "purchaser", "purpose",
    "terms_of_sale", "currency",         "dates",     "notification", "lines",     "notes",
    "cost_summary",  "payment_schedule", "provenance"};
constexpr std::array<std::string_view, 2> kDocumentFields = {"kind", "version"};
constexpr std::array<std::string_view, 4> kDateFields = {"offer", "offer_expiration", "acceptance",
                                                         "effective"};
constexpr std::array<std::string_view, 4> kNotificationFields = {"transmittal", "notified_on",
                                                                 "value", "mde_value"};
constexpr std::array<std::string_view, 20> kLineFields = {"number",
                                                          "generic_code",
                                                          "masl",
                                                          "description",
                                                          "pricing",
                                                          "quantity",
                                                          "unit_of_issue",
                                                          "unit_cost",
                                                          "total",
                                                          "months_of_service",
                                                          "type_of_assistance",
                                                          "source_of_supply",
                                                          "offer_release_code",
                                                          "delivery_term_code",
                                                          "mde",
                                                          "sme",
                                                          "design_and_construction",
                                                          "availability",
                                                          "admin_surcharge_rate",
                                                          "notes"};
constexpr std::array<std::string_view, 2> kAvailabilityFields = {"from_months", "to_months"};
constexpr std::array<std::string_view, 3> kNoteFields = {"number", "title", "text"};
constexpr std::array<std::string_view, 6> kCostSummaryFields = {"net_estimated_cost",
                                                                "packing_crating_handling",
                                                                "transportation",
                                                                "administrative_surcharge",
                                                                "other",
                                                                "total"};
constexpr std::array<std::string_view, 2> kScheduleFields = {"initial_deposit", "installments"};
constexpr std::array<std::string_view, 2> kInstallmentFields = {"due", "amount"};

// Walks the parsed JSON into a LoaVersion, recording every problem.
class DocumentReader : public DocumentWalker {
 public:
  explicit DocumentReader(const ReferenceData& reference)
      : DocumentWalker(kMaxTextFieldBytes, kMaxReportedProblems), reference_(reference) {}

  LoaVersion read(const Json& document) {
    LoaVersion version;
    if (!document.is_object()) {
      fail("", "the document must be a JSON object, got " + describe(document));
      return version;
    }
    // Another kind of document (a demo script, a reference-data file): say only that.
    const auto format = document.find("format");
    if (format != document.end() && format->is_string() && *format != kLoaFormat) {
      fail("/format", "unsupported format \"" + format->get<std::string>() + "\"; expected \"" +
                          std::string(kLoaFormat) + "\"");
      return version;
    }
    check_fields(document, "", kTopFields);
    read_header(document, version);
    read_dates(document, version);
    if (const Json* notification = member(document, "", "notification", Presence::optional)) {
      read_notification(*notification, version);
    }
    read_lines(document, version);
    read_notes(document, version);
    read_cost_summary(document, version);
    read_payment_schedule(document, version);
    read_string(document, "", "provenance", Presence::required, version.provenance);
    fill_default_surcharge_rates(version);
    return version;
  }

 private:
  void read_header(const Json& document, LoaVersion& version) {
    std::string format;  // its value was checked first, in read()
    read_string(document, "", "format", Presence::required, format);
    std::string currency_code;
    if (read_string(document, "", "currency", Presence::required, currency_code)) {
      Result<Currency> currency = Currency::from_code(currency_code);
      if (currency.ok()) {
        currency_ = *currency;
        version.currency = *currency;
      } else {
        fail("/currency",
             "unknown currency \"" + currency_code + "\": " + currency.error().message);
      }
    }
    std::string case_id;
    if (read_string(document, "", "case_id", Presence::required, case_id)) {
      Result<CaseId> parsed = CaseId::parse(case_id, reference_);
      if (parsed.ok()) {
        version.case_id = *parsed;
      } else {
        flag("/case_id",
             "\"" + case_id + "\" is not a valid case identifier: " + parsed.error().message);
      }
    }
    if (const Json* doc =
            object_member(document, "", "document", Presence::required, kDocumentFields)) {
      std::string kind;
      if (read_string(*doc, "/document", "kind", Presence::required, kind)) {
        Result<DocumentKind> parsed = document_kind_from_string(kind);
        if (parsed.ok()) {
          version.kind = *parsed;
        } else {
          fail("/document/kind", parsed.error().message);
        }
      }
      if (const auto number = read_int(*doc, "/document", "version", Presence::required)) {
        version.version = *number;
      }
    }
    read_string(document, "", "title", Presence::required, version.title);
    read_string(document, "", "purchaser", Presence::required, version.purchaser);
    read_string(document, "", "purpose", Presence::required, version.purpose);
    if (read_string(document, "", "terms_of_sale", Presence::required, version.terms_of_sale)) {
      check_code(reference_.terms_of_sale, version.terms_of_sale, "/terms_of_sale",
                 "terms of sale code");
    }
  }

  void read_dates(const Json& document, LoaVersion& version) {
    const Json* dates = object_member(document, "", "dates", Presence::required, kDateFields);
    if (dates == nullptr) return;
    read_date(*dates, "/dates", "offer", Presence::required, version.offer_date);
    read_optional_date(*dates, "/dates", "offer_expiration", version.offer_expiration_date);
    read_optional_date(*dates, "/dates", "acceptance", version.acceptance_date);
    read_date(*dates, "/dates", "effective", Presence::required, version.effective_date);
  }

  void read_notification(const Json& value, LoaVersion& version) {
    const std::string here = "/notification";
    if (!value.is_object()) {
      fail(here, "must be an object, got " + describe(value));
      return;
    }
    check_fields(value, here, kNotificationFields);
    NotificationReference notification;
    read_string(value, here, "transmittal", Presence::required, notification.transmittal);
    read_date(value, here, "notified_on", Presence::required, notification.notified_on);
    read_money(value, here, "value", Presence::required, notification.notified_value);
    read_money(value, here, "mde_value", Presence::required, notification.notified_mde_value);
    version.notification = std::move(notification);
  }

  void read_lines(const Json& document, LoaVersion& version) {
    const Json* lines = array_member(document, "", "lines", Presence::required);
    if (lines == nullptr) return;
    if (lines->size() > kMaxLoaLines) {
      flag("/lines", "the document has " + std::to_string(lines->size()) +
                         " lines; a document may have at most " + std::to_string(kMaxLoaLines) +
                         " (split the case)");
    }
    version.lines.reserve(lines->size());
    for (std::size_t i = 0; i < lines->size(); ++i) {
      version.lines.push_back(read_line((*lines)[i], child("/lines", i)));
    }
  }

  LoaLine read_line(const Json& value, const std::string& here) {
    LoaLine line;
    line.unit_cost = Money::zero(currency_);
    line.total = Money::zero(currency_);
    if (!value.is_object()) {
      fail(here, "a line must be an object, got " + describe(value));
      return line;
    }
    check_fields(value, here, kLineFields);
    read_string(value, here, "number", Presence::required, line.number);
    read_string(value, here, "generic_code", Presence::required, line.generic_code);
    read_string(value, here, "masl", Presence::required, line.masl);
    read_string(value, here, "description", Presence::required, line.description);
    std::string pricing;
    if (read_string(value, here, "pricing", Presence::required, pricing)) {
      if (pricing == "per_unit") {
        line.pricing = LinePricing::per_unit;
      } else if (pricing == "lump_sum") {
        line.pricing = LinePricing::lump_sum;
      } else {
        fail(child(here, "pricing"),
             "pricing must be \"per_unit\" or \"lump_sum\", got \"" + pricing + "\"");
      }
    }
    if (const auto quantity =
            read_integer(value, here, "quantity", Presence::required, INT64_MIN, INT64_MAX)) {
      line.quantity = *quantity;
      if (line.quantity <= 0) {
        flag(child(here, "quantity"),
             "quantity must be greater than zero, got " + std::to_string(line.quantity));
      }
    }
    if (read_string(value, here, "unit_of_issue", Presence::required, line.unit_of_issue)) {
      check_code(reference_.units_of_issue, line.unit_of_issue, child(here, "unit_of_issue"),
                 "unit of issue");
    }
    const bool per_unit = line.pricing == LinePricing::per_unit;
    if (per_unit && !value.contains("unit_cost")) {
      fail(child(here, "unit_cost"),
           "required field \"unit_cost\" is missing (a per_unit line's total is quantity x "
           "unit cost)");
    } else {
      read_money(value, here, "unit_cost", Presence::optional, line.unit_cost);
    }
    read_money(value, here, "total", Presence::required, line.total);
    line.months_of_service = read_int(value, here, "months_of_service", Presence::optional);
    if (!per_unit && !value.contains("months_of_service")) {
      flag(child(here, "months_of_service"), "a lump-sum line needs its months of service (MOS)");
    }
    if (read_string(value, here, "type_of_assistance", Presence::required,
                    line.type_of_assistance)) {
      check_code(reference_.types_of_assistance, line.type_of_assistance,
                 child(here, "type_of_assistance"), "Type of Assistance (TA) code");
    }
    if (read_string(value, here, "source_of_supply", Presence::required, line.source_of_supply)) {
      check_code(reference_.sources_of_supply, line.source_of_supply,
                 child(here, "source_of_supply"), "Source of Supply (SC) code");
    }
    if (read_string(value, here, "offer_release_code", Presence::required,
                    line.offer_release_code)) {
      check_code(reference_.offer_release_codes, line.offer_release_code,
                 child(here, "offer_release_code"), "Offer/Release Code (ORC)");
    }
    if (read_string(value, here, "delivery_term_code", Presence::required,
                    line.delivery_term_code)) {
      check_code(reference_.delivery_term_codes, line.delivery_term_code,
                 child(here, "delivery_term_code"), "Delivery Term Code (DTC)");
    }
    read_bool(value, here, "mde", Presence::required, line.major_defense_equipment);
    read_bool(value, here, "sme", Presence::required, line.significant_military_equipment);
    read_bool(value, here, "design_and_construction", Presence::optional,
              line.design_and_construction);
    if (const Json* availability =
            object_member(value, here, "availability", Presence::optional, kAvailabilityFields)) {
      const std::string at = child(here, "availability");
      line.availability_months_from =
          read_int(*availability, at, "from_months", Presence::required);
      line.availability_months_to = read_int(*availability, at, "to_months", Presence::required);
    }
    std::string rate;
    if (read_string(value, here, "admin_surcharge_rate", Presence::optional, rate)) {
      const std::optional<std::int64_t> basis_points = parse_percent(rate);
      if (basis_points) {
        line.admin_surcharge_basis_points = *basis_points;
      } else {
        fail(child(here, "admin_surcharge_rate"),
             "admin surcharge rate must be a percent such as \"3.2\" (digits, at most two "
             "decimals, no % sign), got \"" +
                 rate + "\"");
      }
    } else if (!value.contains("admin_surcharge_rate")) {
      lines_without_rate_.insert(here);
    }
    if (const Json* notes = array_member(value, here, "notes", Presence::optional)) {
      for (std::size_t j = 0; j < notes->size(); ++j) {
        std::string note;
        if (read_text_value((*notes)[j], child(child(here, "notes"), j), note)) {
          line.note_references.push_back(std::move(note));
        }
      }
    }
    return line;
  }

  void read_notes(const Json& document, LoaVersion& version) {
    const Json* notes = array_member(document, "", "notes", Presence::required);
    if (notes == nullptr) return;
    for (std::size_t i = 0; i < notes->size(); ++i) {
      const std::string here = child("/notes", i);
      const Json& value = (*notes)[i];
      if (!value.is_object()) {
        fail(here, "a note must be an object, got " + describe(value));
        continue;
      }
      check_fields(value, here, kNoteFields);
      LoaNote note;
      read_string(value, here, "number", Presence::required, note.number);
      read_string(value, here, "title", Presence::required, note.title);
      read_string(value, here, "text", Presence::required, note.text);
      version.notes.push_back(std::move(note));
    }
  }

  void read_cost_summary(const Json& document, LoaVersion& version) {
    const Json* summary =
        object_member(document, "", "cost_summary", Presence::required, kCostSummaryFields);
    CostSummary& out = version.cost_summary;
    for (Money* amount :
         {&out.net_estimated_cost, &out.packing_crating_handling, &out.transportation,
          &out.administrative_surcharge, &out.other, &out.total}) {
      *amount = Money::zero(currency_);
    }
    if (summary == nullptr) return;
    const std::string here = "/cost_summary";
    read_money(*summary, here, "net_estimated_cost", Presence::required, out.net_estimated_cost);
    read_money(*summary, here, "packing_crating_handling", Presence::required,
               out.packing_crating_handling);
    read_money(*summary, here, "transportation", Presence::required, out.transportation);
    read_money(*summary, here, "administrative_surcharge", Presence::required,
               out.administrative_surcharge);
    read_money(*summary, here, "other", Presence::required, out.other);
    read_money(*summary, here, "total", Presence::required, out.total);
  }

  void read_payment_schedule(const Json& document, LoaVersion& version) {
    PaymentSchedule& out = version.payment_schedule;
    out.initial_deposit = Money::zero(currency_);
    const Json* schedule =
        object_member(document, "", "payment_schedule", Presence::required, kScheduleFields);
    if (schedule == nullptr) return;
    const std::string here = "/payment_schedule";
    read_money(*schedule, here, "initial_deposit", Presence::required, out.initial_deposit);
    const Json* installments = array_member(*schedule, here, "installments", Presence::required);
    if (installments == nullptr) return;
    for (std::size_t i = 0; i < installments->size(); ++i) {
      const std::string at = child(here + "/installments", i);
      const Json& value = (*installments)[i];
      if (!value.is_object()) {
        fail(at, "an installment must be an object, got " + describe(value));
        continue;
      }
      check_fields(value, at, kInstallmentFields);
      PaymentInstallment installment;
      installment.amount = Money::zero(currency_);
      read_date(value, at, "due", Presence::required, installment.due_date);
      read_money(value, at, "amount", Presence::required, installment.amount);
      out.installments.push_back(std::move(installment));
    }
  }

  // A line without admin_surcharge_rate takes the rate in force on the acceptance date, or
  // the offer date while the document is unsigned.
  void fill_default_surcharge_rates(LoaVersion& version) {
    if (lines_without_rate_.empty() || blocked()) return;
    const CivilDate date = version.acceptance_date.value_or(version.offer_date);
    const Result<SurchargeRate> rate = reference_.admin_surcharge_rate_on(date);
    for (std::size_t i = 0; i < version.lines.size(); ++i) {
      const std::string here = child("/lines", i);
      if (lines_without_rate_.count(here) == 0) continue;
      if (rate.ok()) {
        version.lines[i].admin_surcharge_basis_points = rate->rate_basis_points;
      } else {
        fail(child(here, "admin_surcharge_rate"),
             "no admin surcharge rate is in force on " + date.to_string() +
                 " to default to; give admin_surcharge_rate explicitly (" + rate.error().message +
                 ")");
      }
    }
  }

  const ReferenceData& reference_;
  std::set<std::string> lines_without_rate_;  // pointers of lines that did not give a rate
};

}  // namespace

namespace {

// Passes 2 and 3 over an already parsed document; `problems` holds what parsing found.
Result<LoaVersion> read_document(const Json& document, std::vector<Problem> problems,
                                 const std::string& source_name, const ReferenceData& reference) {
  DocumentReader reader(reference);
  LoaVersion version = reader.read(document);
  const bool blocked = reader.blocked();
  for (Problem& problem : reader.problems()) problems.push_back(std::move(problem));

  if (!blocked) {
    std::set<std::string> reported;
    for (const Problem& problem : problems) reported.insert(problem.location);
    for (RuleViolation& violation : check_version(version, reference)) {
      if (reported.count(violation.location) != 0) continue;
      reported.insert(violation.location);
      problems.push_back({std::move(violation.location), std::move(violation.message), false});
    }
  }
  if (!problems.empty()) return problems_to_error(problems, source_name, kMaxReportedProblems);
  return version;
}

}  // namespace

Result<LoaVersion> parse_loa_version(std::string_view json_text, const std::string& source_name,
                                     const ReferenceData& reference) {
  if (json_text.size() > kMaxLoaDocumentBytes) {
    return Error::invalid(source_name + ": the document is " + std::to_string(json_text.size()) +
                          " bytes; an LOA document may be at most " +
                          std::to_string(kMaxLoaDocumentBytes) + " bytes (8 MiB)");
  }
  FMS_ASSIGN_OR_RETURN(StrictJson parsed, parse_strict_json(json_text, source_name));
  std::vector<Problem> problems;
  for (DuplicateKey& duplicate : parsed.duplicate_keys) {
    problems.push_back({std::move(duplicate.pointer), std::move(duplicate.message), true});
  }
  return read_document(parsed.value, std::move(problems), source_name, reference);
}

Result<LoaVersion> loa_version_from_json(const nlohmann::json& document,
                                         const std::string& source_name,
                                         const ReferenceData& reference) {
  return read_document(document, {}, source_name, reference);
}

}  // namespace fms::io
