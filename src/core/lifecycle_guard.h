// What a case lacks to take a step of its lifecycle (fms-reference.md §1.2, "Transition rules"):
//  - implemented: the initial deposit paid (SAMM C6.1.1: a case is implemented after signature
//    and any required initial deposit), unless an emergency implementation or waiver is recorded;
//  - supply/services complete: every line of the LOA in force delivered or performed in full
//    (a line reduced by an amendment or modification counts at its reduced quantity);
//  - closed: the final statement of account received and the balance it leaves settled.
// Each missing item is a sentence a case manager can act on. The case ledger refuses the step
// while any is missing, unless the user records an override with its reason. Nothing here does
// I/O: the caller gathers the evidence as of the transition's date.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/case_position.h"
#include "core/case_status.h"
#include "core/civil_date.h"

namespace fms {

// One line of the LOA in force and what was delivered on it by the transition's date.
struct LineDelivery {
  std::string line;  // "001"
  bool per_unit = true;
  std::int64_t ordered_quantity = 0;
  std::int64_t delivered_quantity = 0;
  std::int64_t total_cents = 0;            // the line's value
  std::int64_t delivered_value_cents = 0;  // for a lump-sum line: what was performed
};

struct LifecycleEvidence {
  CivilDate date;  // the transition's
  std::int64_t initial_deposit_cents = 0;
  std::vector<LineDelivery> lines;  // the LOA in force's
  CasePosition position;            // as of `date`
};

// The items missing for a step to `to`, in the order above; empty when nothing is missing or the
// step needs no evidence.
std::vector<std::string> transition_blockers(CaseStatus to, const LifecycleEvidence& evidence);

}  // namespace fms
