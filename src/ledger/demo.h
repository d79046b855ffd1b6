// The demo portfolio: examples/demo.json lists steps (import a case document, change a case's
// status, import an execution document, run a reconciliation) that build a realistic portfolio
// of Japan FMS cases with a history of deliveries, receipts, bills and payments. The files are
// compiled into the binary (demo_files.h), so `fmsledger demo` works from any directory.
#pragma once

#include <string>

#include "ledger/ledger.h"

namespace fms::ledger {

struct DemoReport {
  int documents = 0;            // LOA documents (Basic LOA, amendments, modifications)
  int transitions = 0;          // case status changes
  int execution_documents = 0;  // delivery listings, receipts, bills, payments
  int reconciliations = 0;      // recorded reconciliation runs
};

// Plays the demo script into an empty database; refuses a database that already has events.
Result<DemoReport> load_demo(Ledger& ledger, store::Store& store, const std::string& actor);

}  // namespace fms::ledger
