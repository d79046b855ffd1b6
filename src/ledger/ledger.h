// The case ledger: commands in, events out. A command is validated against the case's current
// state (folded from its events) and the reference data; if it is valid, the resulting events
// and the case's new projection are appended in one transaction, otherwise nothing is written.
// Front ends (CLI, HTTP) call only this; they never write to the store directly.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/case_status.h"
#include "core/execution.h"
#include "core/reference_data.h"
#include "ledger/case_state.h"
#include "ledger/clock.h"
#include "ledger/finance_view.h"
#include "ledger/portfolio.h"
#include "ledger/reconciliation_view.h"
#include "ledger/scope.h"
#include "store/store.h"

namespace fms::ledger {

inline constexpr std::size_t kMaxReasonBytes = 4000;
// The longest source (a file name, as given) recorded with a document.
inline constexpr std::size_t kMaxSourceBytes = 1000;

struct ImportOutcome {
  bool recorded = false;  // false: the identical document was already recorded
  std::string case_id;
  int version = 0;
  std::string label;  // "Amendment 1"
  std::string message;
};

struct VerifyReport {
  std::int64_t events = 0;
  std::size_t cases = 0;
  std::size_t documents = 0;      // execution documents
  std::size_t segments = 0;       // segments re-hashed
  std::size_t access_events = 0;  // "@access" events folded (ledger/access_book.h)
  std::size_t audit_events = 0;   // "@audit" events decoded
  std::string head_hash;
  // What the counts cover: the whole portfolio, or the cases of these organisations only
  // (events and the head hash are always the whole chain's: the chain is checked as a whole).
  bool whole_portfolio = true;
  std::vector<std::string> organisations;
};

// The head of the hash chain: what to keep outside the database (docs/operations.md, "The
// chain's anchor"). Whoever can write the database file could drop the newest events or
// re-chain the log so that it verifies again; a head kept elsewhere cannot be re-chained.
struct ChainHead {
  std::int64_t events = 0;  // the head's sequence: events in the chain
  std::string hash;         // its hash (the genesis hash for an empty log)
  std::string recorded_at;  // when it was recorded ("" for an empty log)
};

struct ExecutionImportOptions {
  std::optional<std::string> supersedes;  // id of the document a corrected re-issue replaces
  std::string reason;                     // required with supersedes
  unsigned threads = 0;                   // parsing threads; 0 = one per core
};

struct ExecutionImportOutcome {
  bool recorded = false;  // false: this content was already recorded
  ExecutionKind kind = ExecutionKind::delivery_listing;
  std::string content_hash;
  std::int64_t rows = 0;
  std::vector<std::string> cases;
  std::optional<std::string> superseded;
  std::string message;
};

struct RatesImportOutcome {
  bool recorded = false;  // false: this content was already recorded
  std::string content_hash;
  std::size_t points = 0;
  std::size_t new_points = 0;  // points no recorded document had
  std::string message;
};

// The exchange rates a scope reads: an organisation's (its own series, or the shared one) or,
// for the whole portfolio, the shared reference series (PortfolioState::rates_for).
struct RatesInScope {
  PortfolioState portfolio;
  std::optional<std::string> organisation;
  [[nodiscard]] const RateBook& book() const { return portfolio.rates_for(organisation); }
};

struct BudgetImportOptions {
  // Whose book it is (finance_organisation); none: the scope's one organisation, or for a scope
  // over every organisation, the one that owns the cases it names.
  std::optional<std::string> organisation;
};

struct BudgetImportOutcome {
  bool recorded = false;  // false: this content was already recorded
  std::string content_hash;
  CivilDate effective_date;
  std::string message;
};

struct BudgetInForce {
  RecordedBudget record;
  BudgetDocument document;
};

class Ledger {
 public:
  Ledger(store::Store& store, const ReferenceData& reference, Clock clock)
      : store_(store), reference_(reference), clock_(std::move(clock)) {}

  // Records one LOA document (JSON text from `source`), as the scope's actor, for a case the
  // scope manages (Scope::admit_case). Errors are located "source: /pointer: ...".
  Result<ImportOutcome> import_document(std::string_view json_text, const std::string& source,
                                        const Scope& scope);

  Result<StatusChange> transition(const std::string& case_id, CaseStatus to, const CivilDate& date,
                                  const std::string& reason, const Scope& scope);

  // A case the scope reads; one outside it is not found, exactly as one never recorded.
  Result<CaseState> load_case(const std::string& case_id, const Scope& scope,
                              const AsOf& as_of = {});
  // The cases the scope reads.
  Result<std::vector<store::CaseSummaryRow>> list_cases(const store::CaseFilter& filter,
                                                        const Scope& scope);
  // Every event of a case whose history the scope reads (Permission::read_history).
  Result<std::vector<store::EventRecord>> history(const std::string& case_id, const Scope& scope);

  // Re-checks the hash chain, replays the whole log from empty and compares the result with the
  // stored projections, re-hashes every segment the log names, folds the "@access" stream and
  // decodes every "@audit" event. The error names the first event, case or segment that does
  // not match. Cases, documents and segments are counted within the scope, and a scope short of
  // every organisation is told only that the log does not verify, not where.
  Result<VerifyReport> verify(const Scope& scope);
  // The same, and the chain must still hold the event a head kept elsewhere names: `expected`
  // is its hash, optionally with its sequence ("HASH" or "HASH@SEQUENCE"). Dropped events or a
  // re-chained log fail with a message saying which.
  Result<VerifyReport> verify(const Scope& scope, const std::string& expected_head);
  Result<ChainHead> head();

  // Records one execution document (docs/formats/): all of it or, on any bad row, nothing.
  // The same content again changes nothing and says so; a corrected re-issue names the
  // document it supersedes. The document may name only cases the scope may record it for
  // (case-manager: deliveries and receipts; finance: bills and payments), and supersede only a
  // document all of whose cases are such; anything else reads as never recorded.
  Result<ExecutionImportOutcome> import_execution(ExecutionKind kind, std::string_view text,
                                                  const std::string& source,
                                                  const ExecutionImportOptions& options,
                                                  const Scope& scope);
  // Records a file of exchange rates (docs/formats/exchange-rates.md): all of it or, on any
  // problem, nothing. Only supported pairs (ledger/rate_book.h); a pair and date already
  // recorded must have the same rate. The same content again changes nothing and says so.
  // The rates join one series: `organisation`'s own (the scope must manage its finance), or,
  // when none is named and the scope is over every organisation, the shared reference series,
  // which only the host or an administrator writes (ledger/scope.h, finance_organisation).
  Result<RatesImportOutcome> import_rates(std::string_view text, const std::string& source,
                                          const std::optional<std::string>& organisation,
                                          const Scope& scope);
  Result<PortfolioState> load_portfolio();
  // The rates the scope reads, of `organisation` when named (finance_organisation).
  Result<RatesInScope> rates(const Scope& scope, const std::optional<std::string>& organisation);
  // Matches seller and buyer records as of `as_of` and records the match set: a write on every
  // case whose documents it reads, so the scope must manage them all.
  Result<ReconciliationRecorded> reconcile(const CivilDate& as_of, const Scope& scope);
  // Everything reports need to derive discrepancies: the recorded matches of the last run, or a
  // fresh unrecorded matching when documents were recorded since (view.fresh says which).
  Result<ReconciliationView> reconciliation_view(const CivilDate& as_of);

  // Records a budget document (docs/formats/budget.md), one organisation's book: every case it
  // names must be recorded, the scope must manage its finance (any other reads as unrecorded)
  // and it must be that organisation's. The same content again changes nothing and says so.
  Result<BudgetImportOutcome> import_budget(std::string_view json_text, const std::string& source,
                                            const BudgetImportOptions& options, const Scope& scope);
  // The budget book in force on `date` for an organisation (finance_organisation; nullopt
  // when none is), decoded. Another organisation's book is never in force for this one.
  Result<std::optional<BudgetInForce>> budget_in_force(
      const CivilDate& date, const Scope& scope,
      const std::optional<std::string>& organisation = std::nullopt);
  // nullopt organisation: among every book (the whole portfolio).
  Result<std::optional<BudgetInForce>> budget_in_force(
      const PortfolioState& portfolio, const CivilDate& date,
      const std::optional<std::string>& organisation, const Scope& scope) const;
  // One organisation's money on `as_of` (finance_organisation): its cases as they stood, their
  // bills and payments, its budget book in force and the USD/JPY rate it reads. For a scope over
  // every organisation naming none: the whole portfolio, the latest book and the shared rates.
  Result<FinanceView> finance_view(const CivilDate& as_of, const Scope& scope,
                                   const std::optional<std::string>& organisation = std::nullopt);

  [[nodiscard]] const ReferenceData& reference() const { return reference_; }
  [[nodiscard]] CivilDate today() const { return clock_.today(); }
  // For commands built on the ledger (ledger/sdr_book.h) that stamp their own events.
  [[nodiscard]] const Clock& clock() const { return clock_; }

  // "ja-p-twk" -> "JA-P-TWK", checked against the reference data's codes; an id of the wrong
  // shape is an error naming the part that is wrong.
  [[nodiscard]] Result<std::string> normalise_case_id(const std::string& text) const;

 private:
  // A case's events and state, whoever asks: for the commands above once they admitted the scope.
  Result<std::vector<store::EventRecord>> case_events(const std::string& case_id);
  Result<CaseState> case_state(const std::string& case_id, const AsOf& as_of);

  // Appends one event of a case whose current state is `state`, with the case's new
  // projection, refusing if another writer changed the case meanwhile. Returns the new state.
  Result<CaseState> commit(const CaseState& state, store::NewEvent event);

  Result<std::size_t> verify_segments(const PortfolioState& portfolio);
  // verify(scope) over events read once: the anchor is looked for in the same events.
  Result<VerifyReport> verify_events(const Scope& scope,
                                     const std::vector<store::EventRecord>& events);
  Result<VerifyReport> verify_whole_log(const std::vector<store::EventRecord>& events);
  // What recording `next` does, under the budget book in force today, to the appropriations
  // funding its case: an error when a "block" line would go over (or further over), one warning
  // per "warn" line that would.
  Result<std::vector<std::string>> appropriation_effect(const LoaVersion& next,
                                                        const std::string& source);
  // Every budget document decodes under today's rules and still has its content hash.
  Status verify_budgets(const PortfolioState& portfolio) const;

  store::Store& store_;
  const ReferenceData& reference_;
  Clock clock_;
};

}  // namespace fms::ledger
