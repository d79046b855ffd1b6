// The execution ledger: the documents that record a case's execution (delivery listings, receipt
// inspections, DD 645 bills, payments) and the reconciliation runs that match seller records
// against buyer records. Its events are in the portfolio-level stream (log/portfolio_stream.h).
//
// An import is one transaction: the rows are parsed and checked against the recorded cases
// first, and only a document with no problem at all is stored. Bulk rows go to a segment
// (stored durably before the event that names it); small documents keep their rows in the event.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/execution.h"
#include "core/lifecycle_guard.h"
#include "core/reference_data.h"
#include "ledger/access/scope.h"
#include "ledger/execution/execution_book.h"
#include "ledger/execution/listing_answers.h"
#include "ledger/execution/reconciliation_view.h"
#include "ledger/log/clock.h"
#include "ledger/log/limits.h"
#include "store/store.h"

namespace fms::ledger {

struct ExecutionImportOptions {
  std::optional<std::string> supersedes;  // id of the document a corrected re-issue replaces
  std::string reason;                     // required with supersedes
  // A delivery listing that repeats most document numbers of an active listing is refused as
  // a probable corrected re-issue, unless the user states that it adds to that listing.
  bool additional = false;
  unsigned threads = 0;  // parsing threads; 0 = one per core
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

// Who may record a kind of document: case managers deliveries and receipts, finance bills and
// payments.
Permission permission_to_record(ExecutionKind kind);

class ExecutionLedger {
 public:
  ExecutionLedger(store::Store& store, const ReferenceData& reference, Clock clock)
      : store_(store), reference_(reference), clock_(std::move(clock)) {}

  // Records one execution document (docs/formats/): all of it or, on any bad row, nothing.
  // The same content again changes nothing and says so; a corrected re-issue names the
  // document it supersedes. The document may name only cases the scope may record it for
  // (permission_to_record), and supersede only a document all of whose cases are such;
  // anything else reads as never recorded.
  Result<ExecutionImportOutcome> import_execution(ExecutionKind kind, std::string_view text,
                                                  const std::string& source,
                                                  const ExecutionImportOptions& options,
                                                  const Scope& scope);
  // The execution documents and the last run as recorded now.
  Result<ExecutionBook> load();
  // Matches seller and buyer records as of `as_of` and records the match set: a write on every
  // case whose documents it reads, so the scope must manage them all.
  Result<ReconciliationRecorded> reconcile(const CivilDate& as_of, const Scope& scope);
  // Everything reports need to derive discrepancies: the recorded matches of the last run, or a
  // fresh unrecorded matching when documents were recorded since (view.fresh says which).
  Result<ReconciliationView> reconciliation_view(const CivilDate& as_of);
  // What one case has toward a step of its lifecycle on `date` (core/lifecycle_guard.h): the
  // deliveries listed on each line of its document in force, and its financial position from
  // its statements and payments (lifecycle_evidence.cc).
  Result<LifecycleEvidence> lifecycle_evidence(const CaseState& state, const CivilDate& date);
  // The credits and replies of the case's active listings that name the SDR whose number
  // without a stage suffix is `sdr_base` (listing_answers.cc).
  Result<std::vector<ListingAnswer>> listing_answers(const std::string& case_id,
                                                     const std::string& sdr_base);
  // The book folded from `events` (the portfolio stream, or every business event, in sequence
  // order), decoding only the events after those folded last time: the log only grows, and
  // decoding every recorded document again on every command made a long history slow.
  Result<ExecutionBook> book_of(const std::vector<store::EventRecord>& events);

 private:
  store::Store& store_;
  const ReferenceData& reference_;
  Clock clock_;
  std::mutex book_mutex_;
  ExecutionBook book_;  // folded through book_.last_sequence
};

}  // namespace fms::ledger
