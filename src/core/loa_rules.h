// Rules an LOA version must satisfy on its own, and rules between a version and the one
// before it. Each violation names the JSON location it concerns (JSON Pointer, e.g.
// "/lines/2/quantity") and the rule broken, so importers can report "file: location: rule".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/loa.h"
#include "core/reference_data.h"

namespace fms {

// An LOA line number: "001".."999", optionally followed by one lower-case sub-line letter
// ("001a"). The same rule holds wherever a line is named (LOA documents, execution records).
bool is_well_formed_line_number(std::string_view number);

struct RuleViolation {
  std::string location;  // JSON Pointer into the version document
  std::string message;   // the rule broken, with the offending value
};

// Codes known, quantities positive, totals = quantity x unit cost, net cost = sum of lines,
// cost summary adds up, deposit + installments = total, dates in order, acceptance not after
// the OED, surcharge rate = the rate in force at acceptance (or offer, when not yet accepted),
// line numbers unique and well formed, note references exist. For a Basic LOA every line's
// surcharge rate must be the rate in force on its acceptance date (offer date if unsigned);
// for later versions a rate must at least exist in the table on or before the version's date
// (check_successor checks which one).
std::vector<RuleViolation> check_version(const LoaVersion& version, const ReferenceData& reference);

// Amendments may change scope; Modifications may not (no added/removed lines, no quantity,
// MASL, description, pricing or Type of Assistance changes). Versions must follow on in
// sequence (next.version == previous.version + 1), be effective no earlier than the previous
// one, and keep the case identifier and currency. Lines carried over keep their locked admin
// surcharge rate; lines new in `next` take the rate in force on its acceptance (or effective) date.
std::vector<RuleViolation> check_successor(const LoaVersion& previous, const LoaVersion& next,
                                           const ReferenceData& reference);

// One line-level difference between two versions, for `case diff`.
struct LineDifference {
  std::string line_number;
  std::string change;  // "added", "removed" or "changed"
  std::vector<std::string> fields;  // for "changed": "quantity: 200 -> 250", ...
};
std::vector<LineDifference> diff_lines(const LoaVersion& from, const LoaVersion& to);

}  // namespace fms
