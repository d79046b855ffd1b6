// The rules of an LOA version, on its own (check_version) and against the version before it
// (check_successor), and the line-by-line comparison behind `fmsledger case diff`.
//
// Every check appends a RuleViolation naming the JSON Pointer of the offending field in the
// fmsledger.loa/1 document (docs/formats/loa.md) and a message that states the rule with the
// values involved, so an importer can print "file: /lines/2/total: total USD 10.00 does not
// equal quantity 3 x unit cost USD 3.00 = USD 9.00". Checks never stop at the first problem:
// a user fixing a document wants the whole list at once. Money is compared exactly, in minor
// units, with checked arithmetic; an overflow is itself reported as a violation.
#include "core/loa_rules.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/rate.h"

namespace fms {
namespace {

std::string line_pointer(std::size_t index, std::string_view field) {
  return "/lines/" + std::to_string(index) + "/" + std::string(field);
}

// 320 -> "3.20%"
std::string format_rate(std::int64_t basis_points) {
  return format_basis_points(basis_points) + "%";
}

// The date the admin surcharge rate of a newly accepted line is taken for: the acceptance
// date when the document is signed, otherwise its offer date.
CivilDate surcharge_date(const LoaVersion& version) {
  return version.acceptance_date.value_or(version.offer_date);
}

std::string surcharge_date_name(const LoaVersion& version) {
  return version.acceptance_date ? "acceptance date" : "offer date";
}

// "a Basic LOA", "an amendment", "a modification": for messages.
std::string kind_with_article(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::basic:
      return "a Basic LOA";
    case DocumentKind::amendment:
      return "an amendment";
    case DocumentKind::modification:
      return "a modification";
  }
  return "a document";  // unreachable
}

bool is_billing_day(const CivilDate& date) {
  return date.day() == 15 &&
         (date.month() == 3 || date.month() == 6 || date.month() == 9 || date.month() == 12);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper_alnum(char c) {
  return is_digit(c) || (c >= 'A' && c <= 'Z');
}

template <class Entry>
std::string known_codes(const std::map<std::string, Entry>& table) {
  constexpr std::size_t kMaxListed = 24;
  std::string out;
  std::size_t listed = 0;
  for (const auto& [code, entry] : table) {
    if (listed == kMaxListed) {
      out += ", ...";
      break;
    }
    out += (listed == 0 ? "" : ", ") + code;
    ++listed;
  }
  return out.empty() ? "none" : out;
}

class VersionChecker {
 public:
  VersionChecker(const LoaVersion& version, const ReferenceData& reference)
      : version_(version), reference_(reference) {}

  std::vector<RuleViolation> run() {
    check_document();
    check_header_text();
    check_dates();
    check_notification();
    check_lines();
    check_notes();
    check_cost_summary();
    check_payment_schedule();
    return std::move(violations_);
  }

 private:
  void add(std::string location, std::string message) {
    violations_.push_back({std::move(location), std::move(message)});
  }

  // Every amount: in the document's currency and not negative.
  void check_amount(const Money& amount, const std::string& location) {
    if (!(amount.currency() == version_.currency)) {
      add(location, "amount is in " + std::string(amount.currency().code()) +
                        " but the document currency is " + std::string(version_.currency.code()));
    }
    if (amount.is_negative()) {
      add(location, "amounts must not be negative, got " + amount.format_with_code());
    }
  }

  void check_not_empty(const std::string& text, const std::string& location,
                       std::string_view what) {
    if (text.empty()) add(location, std::string(what) + " must not be empty");
  }

  void check_document() {
    if (version_.kind == DocumentKind::basic && version_.version != 0) {
      add("/document/version",
          "a Basic LOA is version 0, got version " + std::to_string(version_.version));
    }
    if (version_.kind != DocumentKind::basic && version_.version < 1) {
      add("/document/version", kind_with_article(version_.kind) +
                                   " is numbered 1 or more (the Basic LOA is version 0), got " +
                                   std::to_string(version_.version));
    }
  }

  void check_header_text() {
    check_not_empty(version_.title, "/title", "the title");
    check_not_empty(version_.purchaser, "/purchaser", "the purchaser");
    check_not_empty(version_.purpose, "/purpose", "the purpose");
    check_not_empty(version_.provenance, "/provenance", "the provenance");
    if (!reference_.term_of_sale(version_.terms_of_sale).ok()) {
      add("/terms_of_sale", "unknown terms of sale code \"" + version_.terms_of_sale +
                                "\"; known codes: " + known_codes(reference_.terms_of_sale));
    }
  }

  void check_dates() {
    const CivilDate& offer = version_.offer_date;
    const bool modification = version_.kind == DocumentKind::modification;
    if (modification) {
      if (version_.offer_expiration_date) {
        add("/dates/offer_expiration",
            "a modification has no offer expiration date (it is not accepted by the purchaser, "
            "only acknowledged); remove it");
      }
      if (version_.acceptance_date) {
        add("/dates/acceptance",
            "a modification has no acceptance date (it is not accepted by the purchaser, only "
            "acknowledged); remove it and give the implementation date as the effective date");
      }
    } else {
      if (!version_.offer_expiration_date) {
        add("/dates/offer_expiration",
            "an offer expiration date (OED) is required on " + kind_with_article(version_.kind));
      } else if (*version_.offer_expiration_date <= offer) {
        add("/dates/offer_expiration", "offer expiration date " +
                                           version_.offer_expiration_date->to_string() +
                                           " is not after the offer date " + offer.to_string());
      }
      if (version_.acceptance_date) {
        const CivilDate& acceptance = *version_.acceptance_date;
        if (acceptance < offer) {
          add("/dates/acceptance", "acceptance " + acceptance.to_string() +
                                       " is before the offer date " + offer.to_string());
        }
        if (version_.offer_expiration_date && acceptance > *version_.offer_expiration_date) {
          add("/dates/acceptance", "acceptance " + acceptance.to_string() +
                                       " is after the offer expiration date " +
                                       version_.offer_expiration_date->to_string() +
                                       "; an expired offer must be re-offered");
        }
      }
    }
    if (version_.effective_date < offer) {
      add("/dates/effective", "effective date " + version_.effective_date.to_string() +
                                  " is before the offer date " + offer.to_string());
    }
  }

  void check_notification() {
    if (!version_.notification) return;
    const NotificationReference& notification = *version_.notification;
    check_not_empty(notification.transmittal, "/notification/transmittal",
                    "the transmittal number");
    check_amount(notification.notified_value, "/notification/value");
    check_amount(notification.notified_mde_value, "/notification/mde_value");
  }

  void check_lines() {
    if (version_.lines.empty()) {
      add("/lines", "a document must have at least one line");
      return;
    }
    std::set<std::string> note_numbers;
    for (const LoaNote& note : version_.notes) note_numbers.insert(note.number);
    std::map<std::string, std::size_t> first_index_by_number;
    for (std::size_t i = 0; i < version_.lines.size(); ++i) {
      const LoaLine& line = version_.lines[i];
      const auto [it, inserted] = first_index_by_number.emplace(line.number, i);
      if (!inserted) {
        add(line_pointer(i, "number"), "line number " + line.number +
                                           " is used more than once (first at /lines/" +
                                           std::to_string(it->second) + ")");
      }
      check_line(line, i, note_numbers);
    }
  }

  void check_line(const LoaLine& line, std::size_t i, const std::set<std::string>& note_numbers) {
    if (!is_well_formed_line_number(line.number)) {
      add(line_pointer(i, "number"),
          "line number \"" + line.number +
              "\" is not well formed; expected three digits 001-999, optionally followed by a "
              "lower-case sub-line letter (\"001a\")");
    }
    if (line.generic_code.size() != 3 ||
        !(is_upper_alnum(line.generic_code[0]) && is_upper_alnum(line.generic_code[1]) &&
          is_upper_alnum(line.generic_code[2]))) {
      add(line_pointer(i, "generic_code"),
          "generic code \"" + line.generic_code + "\" must be 3 characters A-Z or 0-9");
    }
    if (line.masl.empty() || line.masl.size() > 20) {
      add(line_pointer(i, "masl"), "MASL number \"" + line.masl +
                                       "\" must be 1 to 20 characters, got " +
                                       std::to_string(line.masl.size()));
    }
    check_not_empty(line.description, line_pointer(i, "description"), "the description");
    if (line.quantity <= 0) {
      add(line_pointer(i, "quantity"),
          "quantity must be greater than zero, got " + std::to_string(line.quantity));
    }
    if (!reference_.unit_of_issue(line.unit_of_issue).ok()) {
      add(line_pointer(i, "unit_of_issue"),
          "unknown unit of issue \"" + line.unit_of_issue +
              "\"; known codes: " + known_codes(reference_.units_of_issue));
    }
    check_amount(line.unit_cost, line_pointer(i, "unit_cost"));
    check_amount(line.total, line_pointer(i, "total"));
    if (line.pricing == LinePricing::per_unit && line.quantity > 0) {
      check_line_total(line, i);
    }
    if (line.pricing == LinePricing::lump_sum && !line.months_of_service) {
      add(line_pointer(i, "months_of_service"),
          "a lump-sum line needs its months of service (MOS)");
    }
    if (line.months_of_service && *line.months_of_service <= 0) {
      add(line_pointer(i, "months_of_service"),
          "months of service must be greater than zero, got " +
              std::to_string(*line.months_of_service));
    }
    check_line_codes(line, i);
    check_availability(line, i);
    check_line_surcharge_rate(line, i);
    for (std::size_t j = 0; j < line.note_references.size(); ++j) {
      const std::string& reference = line.note_references[j];
      if (note_numbers.count(reference) == 0) {
        add(line_pointer(i, "notes/" + std::to_string(j)),
            "line " + line.number + " refers to note " + reference +
                ", which is not among the document's notes");
      }
    }
  }

  void check_line_total(const LoaLine& line, std::size_t i) {
    const Result<Money> expected = line.unit_cost.times(line.quantity);
    if (!expected.ok()) {
      add(line_pointer(i, "total"), "quantity " + std::to_string(line.quantity) + " x unit cost " +
                                        line.unit_cost.format_with_code() +
                                        " cannot be computed: " + expected.error().message);
      return;
    }
    if (!(*expected == line.total)) {
      add(line_pointer(i, "total"),
          "total " + line.total.format_with_code() + " does not equal quantity " +
              std::to_string(line.quantity) + " x unit cost " + line.unit_cost.format_with_code() +
              " = " + expected->format_with_code());
    }
  }

  void check_line_codes(const LoaLine& line, std::size_t i) {
    const Result<TypeOfAssistanceEntry> assistance =
        reference_.type_of_assistance(line.type_of_assistance);
    if (!assistance.ok()) {
      add(line_pointer(i, "type_of_assistance"),
          "unknown Type of Assistance (TA) code \"" + line.type_of_assistance +
              "\"; known codes: " + known_codes(reference_.types_of_assistance));
    }
    if (!reference_.source_of_supply(line.source_of_supply).ok()) {
      add(line_pointer(i, "source_of_supply"),
          "unknown Source of Supply (SC) code \"" + line.source_of_supply +
              "\"; known codes: " + known_codes(reference_.sources_of_supply));
    } else if (assistance.ok() && !assistance->valid_sources.empty()) {
      bool valid = false;
      std::string valid_list;
      for (const std::string& source : assistance->valid_sources) {
        valid = valid || source == line.source_of_supply;
        valid_list += (valid_list.empty() ? "" : ", ") + source;
      }
      if (!valid) {
        add(line_pointer(i, "source_of_supply"), "Source of Supply \"" + line.source_of_supply +
                                                     "\" is not valid for Type of Assistance \"" +
                                                     line.type_of_assistance +
                                                     "\"; valid sources: " + valid_list);
      }
    }
    if (!reference_.offer_release_code(line.offer_release_code).ok()) {
      add(line_pointer(i, "offer_release_code"),
          "unknown Offer/Release Code (ORC) \"" + line.offer_release_code +
              "\"; known codes: " + known_codes(reference_.offer_release_codes));
    }
    if (!reference_.delivery_term_code(line.delivery_term_code).ok()) {
      add(line_pointer(i, "delivery_term_code"),
          "unknown Delivery Term Code (DTC) \"" + line.delivery_term_code +
              "\"; known codes: " + known_codes(reference_.delivery_term_codes));
    }
  }

  void check_availability(const LoaLine& line, std::size_t i) {
    const auto& from = line.availability_months_from;
    const auto& to = line.availability_months_to;
    if (!from && !to) return;
    if (!from || !to) {
      add(line_pointer(i, "availability"), "availability needs both from_months and to_months");
      return;
    }
    if (*from < 0 || *to < 0) {
      add(line_pointer(i, "availability"), "availability months must not be negative, got " +
                                               std::to_string(*from) + " to " +
                                               std::to_string(*to));
    } else if (*from > *to) {
      add(line_pointer(i, "availability/from_months"),
          "availability from " + std::to_string(*from) + " months is after to " +
              std::to_string(*to) + " months");
    }
  }

  void check_line_surcharge_rate(const LoaLine& line, std::size_t i) {
    const std::string location = line_pointer(i, "admin_surcharge_rate");
    const std::int64_t rate = line.admin_surcharge_basis_points;
    if (rate < 0 || rate > 10000) {
      add(location, "admin surcharge rate " + format_rate(rate) + " is not between 0% and 100%");
      return;
    }
    const CivilDate date = surcharge_date(version_);
    if (version_.kind == DocumentKind::basic) {
      const Result<SurchargeRate> in_force = reference_.admin_surcharge_rate_on(date);
      if (!in_force.ok()) {
        add(location, "no admin surcharge rate is in force on the " +
                          surcharge_date_name(version_) + " " + date.to_string() + ": " +
                          in_force.error().message);
      } else if (in_force->rate_basis_points != rate) {
        add(location, "admin surcharge rate " + format_rate(rate) +
                          " is not the rate in force on the " + surcharge_date_name(version_) +
                          " " + date.to_string() + " (" + format_rate(in_force->rate_basis_points) +
                          ")");
      }
      return;
    }
    // Later versions carry lines accepted earlier at their locked rate; check_successor
    // decides which rate each line must have. Here the rate must at least have existed.
    std::string known;
    for (const SurchargeRate& entry : reference_.admin_surcharge_rates) {
      if (date < entry.effective_from) continue;
      if (entry.rate_basis_points == rate) return;
      known += (known.empty() ? "" : ", ") + format_rate(entry.rate_basis_points);
    }
    add(location, "admin surcharge rate " + format_rate(rate) +
                      " was never in force on or before " + date.to_string() +
                      " (rates: " + (known.empty() ? std::string("none") : known) + ")");
  }

  void check_notes() {
    std::map<std::string, std::size_t> first_index_by_number;
    for (std::size_t i = 0; i < version_.notes.size(); ++i) {
      const LoaNote& note = version_.notes[i];
      const std::string base = "/notes/" + std::to_string(i);
      check_not_empty(note.number, base + "/number", "the note number");
      const auto [it, inserted] = first_index_by_number.emplace(note.number, i);
      if (!inserted) {
        add(base + "/number", "note number " + note.number +
                                  " is used more than once (first at /notes/" +
                                  std::to_string(it->second) + ")");
      }
    }
  }

  // Adds amounts with checked arithmetic; nullopt (and a violation) on overflow or mixed
  // currencies.
  std::optional<Money> add_up(const std::vector<Money>& amounts, const std::string& location,
                              std::string_view what) {
    Money running = Money::zero(version_.currency);
    for (const Money& amount : amounts) {
      Result<Money> next = running.plus(amount);
      if (!next.ok()) {
        add(location, std::string(what) + " cannot be computed: " + next.error().message);
        return std::nullopt;
      }
      running = *next;
    }
    return running;
  }

  void check_cost_summary() {
    const CostSummary& summary = version_.cost_summary;
    check_amount(summary.net_estimated_cost, "/cost_summary/net_estimated_cost");
    check_amount(summary.packing_crating_handling, "/cost_summary/packing_crating_handling");
    check_amount(summary.transportation, "/cost_summary/transportation");
    check_amount(summary.administrative_surcharge, "/cost_summary/administrative_surcharge");
    check_amount(summary.other, "/cost_summary/other");
    check_amount(summary.total, "/cost_summary/total");

    std::vector<Money> line_totals;
    line_totals.reserve(version_.lines.size());
    for (const LoaLine& line : version_.lines) line_totals.push_back(line.total);
    const std::optional<Money> lines_sum =
        add_up(line_totals, "/cost_summary/net_estimated_cost", "the sum of line totals");
    if (lines_sum && !(*lines_sum == summary.net_estimated_cost)) {
      add("/cost_summary/net_estimated_cost",
          "net estimated cost " + summary.net_estimated_cost.format_with_code() +
              " does not equal the sum of line totals " + lines_sum->format_with_code());
    }
    const std::optional<Money> parts_sum =
        add_up({summary.net_estimated_cost, summary.packing_crating_handling,
                summary.transportation, summary.administrative_surcharge, summary.other},
               "/cost_summary/total", "the sum of the cost summary parts");
    if (parts_sum && !(*parts_sum == summary.total)) {
      add("/cost_summary/total",
          "total " + summary.total.format_with_code() + " does not equal the sum of its parts " +
              parts_sum->format_with_code() +
              " (net estimated cost + packing, crating and handling + transportation + "
              "administrative surcharge + other)");
    }
  }

  void check_payment_schedule() {
    const PaymentSchedule& schedule = version_.payment_schedule;
    check_amount(schedule.initial_deposit, "/payment_schedule/initial_deposit");
    std::vector<Money> installment_amounts;
    installment_amounts.reserve(schedule.installments.size());
    for (std::size_t i = 0; i < schedule.installments.size(); ++i) {
      const PaymentInstallment& installment = schedule.installments[i];
      const std::string base = "/payment_schedule/installments/" + std::to_string(i);
      check_amount(installment.amount, base + "/amount");
      installment_amounts.push_back(installment.amount);
      if (!is_billing_day(installment.due_date)) {
        add(base + "/due", "installment due " + installment.due_date.to_string() +
                               " is not a quarterly billing day (15 March, 15 June, "
                               "15 September or 15 December)");
      }
      if (i > 0 && !(schedule.installments[i - 1].due_date < installment.due_date)) {
        add(base + "/due", "installment due " + installment.due_date.to_string() +
                               " is not after the previous installment's due date " +
                               schedule.installments[i - 1].due_date.to_string() +
                               "; due dates must strictly increase");
      }
    }
    const std::optional<Money> installments_sum =
        add_up(installment_amounts, "/payment_schedule", "the sum of the installments");
    if (!installments_sum) return;
    const Result<Money> scheduled = schedule.initial_deposit.plus(*installments_sum);
    if (!scheduled.ok()) {
      add("/payment_schedule",
          "the scheduled payments cannot be added up: " + scheduled.error().message);
      return;
    }
    if (!(*scheduled == version_.cost_summary.total)) {
      add("/payment_schedule", "initial deposit " + schedule.initial_deposit.format_with_code() +
                                   " plus installments " + installments_sum->format_with_code() +
                                   " = " + scheduled->format_with_code() +
                                   " does not equal the cost summary total " +
                                   version_.cost_summary.total.format_with_code());
    }
  }

  const LoaVersion& version_;
  const ReferenceData& reference_;
  std::vector<RuleViolation> violations_;
};

std::string pricing_name(LinePricing pricing) {
  return pricing == LinePricing::per_unit ? "per_unit" : "lump_sum";
}

std::string optional_int(const std::optional<int>& value) {
  return value ? std::to_string(*value) : "none";
}

std::string availability_text(const LoaLine& line) {
  if (!line.availability_months_from && !line.availability_months_to) return "none";
  return optional_int(line.availability_months_from) + "-" +
         optional_int(line.availability_months_to) + " months";
}

std::string note_list(const std::vector<std::string>& notes) {
  if (notes.empty()) return "none";
  std::string out;
  for (const std::string& note : notes) out += (out.empty() ? "" : ", ") + note;
  return out;
}

std::string bool_text(bool value) {
  return value ? "true" : "false";
}

// Field-level differences of two lines with the same number, in the order of the format.
std::vector<std::string> line_field_changes(const LoaLine& a, const LoaLine& b) {
  std::vector<std::string> fields;
  auto compare = [&fields](std::string_view name, const std::string& before,
                           const std::string& after) {
    if (before != after) fields.push_back(std::string(name) + ": " + before + " -> " + after);
  };
  compare("generic_code", a.generic_code, b.generic_code);
  compare("masl", a.masl, b.masl);
  compare("description", "\"" + a.description + "\"", "\"" + b.description + "\"");
  compare("pricing", pricing_name(a.pricing), pricing_name(b.pricing));
  compare("quantity", std::to_string(a.quantity), std::to_string(b.quantity));
  compare("unit_of_issue", a.unit_of_issue, b.unit_of_issue);
  if (!(a.unit_cost == b.unit_cost))
    compare("unit_cost", a.unit_cost.format(), b.unit_cost.format());
  if (!(a.total == b.total)) compare("total", a.total.format(), b.total.format());
  compare("months_of_service", optional_int(a.months_of_service),
          optional_int(b.months_of_service));
  compare("type_of_assistance", a.type_of_assistance, b.type_of_assistance);
  compare("source_of_supply", a.source_of_supply, b.source_of_supply);
  compare("offer_release_code", a.offer_release_code, b.offer_release_code);
  compare("delivery_term_code", a.delivery_term_code, b.delivery_term_code);
  compare("mde", bool_text(a.major_defense_equipment), bool_text(b.major_defense_equipment));
  compare("sme", bool_text(a.significant_military_equipment),
          bool_text(b.significant_military_equipment));
  compare("design_and_construction", bool_text(a.design_and_construction),
          bool_text(b.design_and_construction));
  compare("availability", availability_text(a), availability_text(b));
  compare("admin_surcharge_rate", format_rate(a.admin_surcharge_basis_points),
          format_rate(b.admin_surcharge_basis_points));
  compare("notes", note_list(a.note_references), note_list(b.note_references));
  return fields;
}

std::map<std::string, std::size_t> index_by_number(const LoaVersion& version) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < version.lines.size(); ++i) index.emplace(version.lines[i].number, i);
  return index;
}

}  // namespace

bool is_well_formed_line_number(std::string_view number) {
  if (number.size() != 3 && number.size() != 4) return false;
  if (!is_digit(number[0]) || !is_digit(number[1]) || !is_digit(number[2])) return false;
  if (number.substr(0, 3) == "000") return false;
  return number.size() == 3 || (number[3] >= 'a' && number[3] <= 'z');
}

std::vector<RuleViolation> check_version(const LoaVersion& version,
                                         const ReferenceData& reference) {
  return VersionChecker(version, reference).run();
}

namespace {

// The rules between a version and the one before it (check_successor).
class SuccessorChecker {
 public:
  SuccessorChecker(const LoaVersion& previous, const LoaVersion& next,
                   const ReferenceData& reference)
      : previous_(previous),
        next_(next),
        modification_(next.kind == DocumentKind::modification),
        new_line_date_(surcharge_date(next)),
        new_line_rate_(reference.admin_surcharge_rate_on(new_line_date_)) {}

  std::vector<RuleViolation> run() {
    check_sequence();
    const std::map<std::string, std::size_t> previous_index = index_by_number(previous_);
    std::set<std::string> next_numbers;
    for (std::size_t i = 0; i < next_.lines.size(); ++i) {
      const LoaLine& line = next_.lines[i];
      next_numbers.insert(line.number);
      const auto found = previous_index.find(line.number);
      if (found == previous_index.end()) {
        check_new_line(i, line);
      } else {
        check_kept_line(i, previous_.lines[found->second], line);
      }
    }
    if (modification_) {
      for (const LoaLine& line : previous_.lines) {
        if (next_numbers.count(line.number) == 0) {
          add("/lines",
              "a modification may not remove line " + line.number + " (use an amendment)");
        }
      }
    }
    return std::move(violations_);
  }

 private:
  void add(std::string location, std::string message) {
    violations_.push_back({std::move(location), std::move(message)});
  }

  // Same case and currency, the next version number, an amendment or modification, no earlier.
  void check_sequence() {
    if (!(previous_.case_id == next_.case_id)) {
      add("/case_id", "case " + next_.case_id.to_string() +
                          " does not match the previous version's case " +
                          previous_.case_id.to_string());
    }
    if (!(previous_.currency == next_.currency)) {
      add("/currency", "currency " + std::string(next_.currency.code()) +
                           " differs from the previous version's currency " +
                           std::string(previous_.currency.code()) + "; a case keeps one currency");
    }
    if (next_.kind == DocumentKind::basic) {
      add("/document/kind", "a Basic LOA cannot follow " +
                                document_label(previous_.kind, previous_.version) +
                                "; later documents are amendments or modifications");
    }
    if (next_.version != previous_.version + 1) {
      add("/document/version", "version " + std::to_string(next_.version) +
                                   " is out of sequence: the previous version is " +
                                   std::to_string(previous_.version) + ", so the next must be " +
                                   std::to_string(previous_.version + 1));
    }
    if (next_.effective_date < previous_.effective_date) {
      add("/dates/effective", "effective date " + next_.effective_date.to_string() +
                                  " is before the previous version's effective date " +
                                  previous_.effective_date.to_string());
    }
  }

  // A line the previous version did not have: not in a modification, at the rate in force.
  void check_new_line(std::size_t i, const LoaLine& line) {
    const std::string rate_location = line_pointer(i, "admin_surcharge_rate");
    if (modification_) {
      add(line_pointer(i, "number"),
          "a modification may not add line " + line.number + " (use an amendment)");
    }
    if (!new_line_rate_.ok()) {
      add(rate_location, "no admin surcharge rate is in force on " + new_line_date_.to_string() +
                             ": " + new_line_rate_.error().message);
    } else if (new_line_rate_->rate_basis_points != line.admin_surcharge_basis_points) {
      add(rate_location, "line " + line.number +
                             " is new in this version and takes the rate in force on the " +
                             surcharge_date_name(next_) + " " + new_line_date_.to_string() + " (" +
                             format_rate(new_line_rate_->rate_basis_points) + "), got " +
                             format_rate(line.admin_surcharge_basis_points));
    }
  }

  // A line of the previous version: its locked rate, and in a modification, its scope.
  void check_kept_line(std::size_t i, const LoaLine& before, const LoaLine& line) {
    if (before.admin_surcharge_basis_points != line.admin_surcharge_basis_points) {
      add(line_pointer(i, "admin_surcharge_rate"),
          "line " + line.number + " keeps its locked admin surcharge rate " +
              format_rate(before.admin_surcharge_basis_points) + ", got " +
              format_rate(line.admin_surcharge_basis_points) +
              "; a line's rate is fixed when it is accepted");
    }
    if (!modification_) return;
    auto scope = [&](std::string_view field, std::string_view what, const std::string& from,
                     const std::string& to) {
      if (from == to) return;
      add(line_pointer(i, field), "a modification may not change scope: " + std::string(what) +
                                      " of line " + line.number + " changed from " + from + " to " +
                                      to + " (use an amendment)");
    };
    scope("quantity", "quantity", std::to_string(before.quantity), std::to_string(line.quantity));
    scope("masl", "MASL", before.masl, line.masl);
    scope("generic_code", "generic code", before.generic_code, line.generic_code);
    scope("description", "description", "\"" + before.description + "\"",
          "\"" + line.description + "\"");
    scope("pricing", "pricing", pricing_name(before.pricing), pricing_name(line.pricing));
    scope("type_of_assistance", "Type of Assistance", before.type_of_assistance,
          line.type_of_assistance);
  }

  const LoaVersion& previous_;
  const LoaVersion& next_;
  const bool modification_;
  const CivilDate new_line_date_;
  const Result<SurchargeRate> new_line_rate_;
  std::vector<RuleViolation> violations_;
};

}  // namespace

std::vector<RuleViolation> check_successor(const LoaVersion& previous, const LoaVersion& next,
                                           const ReferenceData& reference) {
  return SuccessorChecker(previous, next, reference).run();
}

std::vector<LineDifference> diff_lines(const LoaVersion& from, const LoaVersion& to) {
  const std::map<std::string, std::size_t> from_index = index_by_number(from);
  const std::map<std::string, std::size_t> to_index = index_by_number(to);
  std::set<std::string> numbers;
  for (const auto& [number, index] : from_index) numbers.insert(number);
  for (const auto& [number, index] : to_index) numbers.insert(number);

  std::vector<LineDifference> differences;
  for (const std::string& number : numbers) {
    const auto before = from_index.find(number);
    const auto after = to_index.find(number);
    if (before == from_index.end()) {
      differences.push_back({number, "added", {}});
    } else if (after == to_index.end()) {
      differences.push_back({number, "removed", {}});
    } else {
      std::vector<std::string> fields =
          line_field_changes(from.lines[before->second], to.lines[after->second]);
      if (!fields.empty()) differences.push_back({number, "changed", std::move(fields)});
    }
  }
  return differences;
}

}  // namespace fms
