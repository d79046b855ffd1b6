// How a recorded reconciliation run is shown: the same words and JSON keys wherever a command
// records one (`reconcile`, and `demo`, whose script ends with a run), so a reader who knows one
// output knows the other.
#pragma once

#include <string>

#include "ledger/execution/execution_events.h"
#include "report/case_views.h"

namespace fms::cli {

// {"as_of", "matches", "created", "voided", "discrepancies", "by_type": {type: count}}
report::Json reconciliation_run_json(const ledger::ReconciliationRecorded& run);

// "Reconciled as of 2026-10-31: 12 matches (12 new, 0 voided), 3 discrepancies\n" followed by
// one indented "type: count" line per discrepancy type found.
std::string reconciliation_run_text(const ledger::ReconciliationRecorded& run);

}  // namespace fms::cli
