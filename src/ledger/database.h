// The ledger's composition root: one store connection and the subject ledgers over it. Front
// ends hold a Database, never the store: every write goes through a subject's commands, every
// read through them or the read side (query/).
//
//   cases()      LOA documents and status changes (cases/case_ledger.h)
//   execution()  execution documents and reconciliation runs (execution/execution_ledger.h)
//   money()      exchange rates, budget documents, the finance view (money/money_ledger.h)
//   sdrs()       Supply Discrepancy Reports (sdr/sdr_book.h)
//   access()     users, organisations, grants, tokens, the audit trail (access/access_ledger.h)
//   verifier()   the whole record checked (verify.h)
//
// The money ledger's appropriation guard is wired into the case ledger here: the cases subject
// does not know about budgets, only that a guard may refuse a document.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "core/reference_data.h"
#include "ledger/access/access_ledger.h"
#include "ledger/cases/case_ledger.h"
#include "ledger/execution/execution_ledger.h"
#include "ledger/log/clock.h"
#include "ledger/money/money_ledger.h"
#include "ledger/portfolio_view.h"
#include "ledger/sdr/sdr_book.h"
#include "ledger/verify.h"
#include "store/store.h"

namespace fms::ledger {

class Database {
 public:
  struct OpenOptions {
    bool create_if_missing = true;
    int busy_timeout_ms = 5000;
  };

  // Opens (or creates) the embedded SQLite database at `path`.
  static Result<std::unique_ptr<Database>> open(const std::string& path, const OpenOptions& options,
                                                const ReferenceData& reference, Clock clock,
                                                PasswordCost cost);

  // Over a store this Database owns, or one its caller keeps (and must outlive it).
  Database(std::unique_ptr<store::Store> store, const ReferenceData& reference, Clock clock,
           PasswordCost cost);
  Database(store::Store& store, const ReferenceData& reference, Clock clock, PasswordCost cost);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  [[nodiscard]] CaseLedger& cases() { return cases_; }
  [[nodiscard]] ExecutionLedger& execution() { return execution_; }
  [[nodiscard]] MoneyLedger& money() { return money_; }
  [[nodiscard]] SdrBook& sdrs() { return sdrs_; }
  [[nodiscard]] AccessLedger& access() { return access_; }
  [[nodiscard]] Verifier& verifier() { return verifier_; }

  [[nodiscard]] const ReferenceData& reference() const { return reference_; }
  [[nodiscard]] const Clock& clock() const { return clock_; }
  [[nodiscard]] CivilDate today() const { return clock_.today(); }

  // The reconciliation view of a date with the SDRs: what portfolio reports read.
  Result<PortfolioView> portfolio_view(const CivilDate& as_of);
  // The sequence of the newest case or portfolio-level event: what a cached view was folded at.
  Result<std::int64_t> last_business_sequence();
  // Until end_snapshot, every read sees the database as it was at the first of them.
  Status begin_snapshot();
  void end_snapshot();
  // A cheap read that proves the database answers.
  Status ping();

 private:
  std::unique_ptr<store::Store> owned_;
  store::Store& store_;
  const ReferenceData& reference_;
  Clock clock_;
  CaseLedger cases_;
  ExecutionLedger execution_;
  MoneyLedger money_;
  SdrBook sdrs_;
  AccessLedger access_;
  Verifier verifier_;
};

}  // namespace fms::ledger
