// How a recorded reconciliation run is answered, by every front end that records one
// (`fmsledger reconcile`, `fmsledger demo`, whose script ends with a run, and POST
// /api/reconciliation): the same words and JSON keys, so a reader who knows one knows the others.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/civil_date.h"
#include "ledger/execution/execution_events.h"
#include "report/case_views.h"

namespace fms::report {

struct ReconciliationRun {
  CivilDate as_of;
  // The run's matches: among documents of cases its recorder manages, since a run that reads
  // any other case's documents is refused (ledger/execution/execution_ledger.h).
  std::int64_t matches = 0;
  std::int64_t created = 0;
  std::int64_t voided = 0;
  // The discrepancies as of the run's date, in the cases the answer's reader reads.
  std::int64_t discrepancies = 0;
  std::map<std::string, std::int64_t> by_type;
};

// The whole run, as recorded: what a reader of every case is told.
ReconciliationRun whole_run(const ledger::ReconciliationRecorded& run);

// {"as_of", "matches", "created", "voided", "discrepancies", "by_type": {type: count}}
Json reconciliation_run_json(const ReconciliationRun& run);

// "Reconciled as of 2026-10-31: 12 matches (12 new, 0 voided), 3 discrepancies\n" followed by
// one indented "type: count" line per discrepancy type found.
std::string reconciliation_run_text(const ReconciliationRun& run);

}  // namespace fms::report
