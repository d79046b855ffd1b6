// What reconciliation and its reports work on: every case as it stands, the active execution
// documents with their rows loaded, and a match set — the one the last recorded run produced,
// or a fresh one when documents were recorded after that run.
#pragma once

#include <deque>
#include <map>
#include <string>
#include <vector>

#include "core/execution.h"
#include "core/reference_data.h"
#include "ledger/cases/case_state.h"
#include "ledger/execution/execution_book.h"
#include "recon/recon.h"

namespace fms::ledger {

struct ReconciliationView {
  CivilDate as_of;
  ReconciliationRules rules;
  ExecutionBook execution;  // the execution documents and the last run, as recorded now
  std::map<std::string, CaseState> cases;  // every case, current state
  // Loaded rows; recon_input points into these (deques never move their elements).
  std::deque<DeliveryListing> delivery_rows;   // the shipments of each listing
  std::deque<DeliveryListing> listing_others;  // its other rows, at the same index
  std::deque<ReceiptInspections> receipt_rows;
  recon::Portfolio recon_input;
  std::vector<recon::Match> matches;
  bool fresh = false;                      // true: matches were computed now, not read from a run
  std::size_t unreconciled_documents = 0;  // documents recorded after the last run
};

recon::Rules to_recon_rules(const ReconciliationRules& rules);
// The reconciliation picture of one case from its folded state.
recon::CaseInfo case_info(const CaseState& state);

}  // namespace fms::ledger
