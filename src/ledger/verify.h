// Verifying the whole record: the hash chain, a replay of every subject's fold from empty
// compared with what is stored, and the segments and budget documents the log names.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/reference_data.h"
#include "ledger/access/scope.h"
#include "ledger/execution/execution_book.h"
#include "ledger/money/money_ledger.h"
#include "store/store.h"

namespace fms::ledger {

struct VerifyReport {
  std::int64_t events = 0;
  std::size_t cases = 0;
  std::size_t documents = 0;      // execution documents
  std::size_t segments = 0;       // segments re-hashed
  std::size_t access_events = 0;  // "@access" events folded (access/access_book.h)
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

class Verifier {
 public:
  Verifier(store::Store& store, const ReferenceData& reference, const MoneyLedger& money)
      : store_(store), reference_(reference), money_(money) {}

  // Re-checks the hash chain, replays the whole log from empty and compares the result with the
  // stored projections, folds every subject's part of the portfolio-level stream (an event no
  // subject knows is corruption), re-hashes every segment the log names, folds the "@access"
  // stream and decodes every "@audit" event. The error names the first event, case or segment
  // that does not match. Cases, documents and segments are counted within the scope, and a
  // scope short of every organisation is told only that the log does not verify, not where.
  Result<VerifyReport> verify(const Scope& scope);
  // The same, and the chain must still hold the event a head kept elsewhere names: `expected`
  // is its hash, optionally with its sequence ("HASH" or "HASH@SEQUENCE"). Dropped events or a
  // re-chained log fail with a message saying which.
  Result<VerifyReport> verify(const Scope& scope, const std::string& expected_head);
  Result<ChainHead> head();

 private:
  Result<std::size_t> verify_segments(const ExecutionBook& execution);
  // verify(scope) over events read once: the anchor is looked for in the same events.
  Result<VerifyReport> verify_events(const Scope& scope,
                                     const std::vector<store::EventRecord>& events);
  Result<VerifyReport> verify_whole_log(const std::vector<store::EventRecord>& events);

  store::Store& store_;
  const ReferenceData& reference_;
  const MoneyLedger& money_;
};

}  // namespace fms::ledger
