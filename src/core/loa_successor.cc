// The rules of an LOA version against the version before it (check_successor: sequence, locked
// surcharge rates, what a modification may not change) and the line-by-line comparison behind
// `fmsledger case diff` (diff_lines). Violations name JSON Pointers as check_version's do.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/loa_rule_text.h"
#include "core/loa_rules.h"

namespace fms {
namespace {

using loa_rule_text::format_rate;
using loa_rule_text::line_pointer;
using loa_rule_text::surcharge_date;
using loa_rule_text::surcharge_date_name;

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
