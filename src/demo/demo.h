// The demo portfolio: examples/demo.json lists steps (record an organisation, a user and their
// grants; import a case document, change a case's status, import an execution document, run a
// reconciliation) that build a realistic portfolio of Japan FMS cases with a history of
// deliveries, receipts, bills and payments, and the people who use it. The files are compiled
// into the binary (demo_files.h), so `fmsledger demo` works from any directory. Only the CLI
// (and the tests that start from the demo portfolio) link this library; the server does not.
//
// The demo users share one password, kDemoPassword, published in the README: they are for
// trying the system out, never for a database that holds real cases.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/execution.h"
#include "ledger/database.h"
#include "ledger/execution/execution_events.h"

namespace fms::demo {

using ledger::Database;
using ledger::ReconciliationRecorded;

// What the demo recorded, so the command can show that the portfolio has an execution history
// and not only LOAs.
inline constexpr std::string_view kDemoPassword = "fmsledger-demo";

struct DemoReport {
  int organisations = 0;        // purchasing organisations recorded
  int users = 0;                // users added (password kDemoPassword)
  int grants = 0;               // roles granted
  int documents = 0;            // LOA documents (Basic LOA, amendments, modifications)
  int transitions = 0;          // case status changes
  int execution_documents = 0;  // delivery listings, receipts, bills, payments
  std::map<ExecutionKind, int> execution_documents_by_kind;  // only the kinds the script imports
  int reconciliations = 0;                                   // recorded reconciliation runs
  int rate_documents = 0;                                    // exchange-rate series
  int budget_documents = 0;                                  // budget books
  // The last run recorded: the one whose match set reports use after the demo.
  std::optional<ReconciliationRecorded> last_reconciliation;
};

// Plays the demo script into a database that holds no case; refuses one that does. The users'
// passwords are hashed at the database's cost.
Result<DemoReport> load_demo(Database& database, const std::string& actor);

}  // namespace fms::demo
