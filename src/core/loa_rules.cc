// The rules of an LOA version on its own (check_version); the rules against the version before
// it and the line-by-line comparison are in loa_successor.cc.
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

#include "core/loa_rule_text.h"
#include "core/rate.h"

namespace fms {
namespace {

using loa_rule_text::format_rate;
using loa_rule_text::line_pointer;
using loa_rule_text::surcharge_date;
using loa_rule_text::surcharge_date_name;

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

}  // namespace fms
