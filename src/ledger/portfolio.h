// The portfolio-level record folded from its events: which execution documents are recorded,
// which of them are active (not superseded), the last reconciliation run, the Supply
// Discrepancy Reports and the exchange rates.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ledger/budget_book.h"
#include "ledger/execution_events.h"
#include "ledger/rate_book.h"
#include "ledger/sdr_register.h"
#include "store/store.h"

namespace fms::ledger {

struct ExecutionDocument {
  ExecutionDocumentRecorded record;
  std::int64_t sequence = 0;
  std::string recorded_at;
  std::string actor;
  std::optional<std::string> superseded_by;  // content hash of the document that replaced it
};

struct RecordedRun {
  ReconciliationRecorded run;
  std::int64_t sequence = 0;
  std::string recorded_at;
  std::string actor;
};

struct PortfolioState {
  std::vector<ExecutionDocument> documents;  // in the order recorded
  std::map<std::string, std::size_t> by_hash;
  std::optional<RecordedRun> last_run;
  SdrRegister sdrs;  // Supply Discrepancy Reports (sdr.* events)
  RateBook rates;    // the shared reference rate series (rates.series_recorded v1 events)
  // Organisations' own rate series (v2 events), by organisation id.
  std::map<std::string, RateBook> organisation_rates;
  std::vector<RecordedBudget> budgets;  // budget documents, in the order recorded
  std::int64_t last_sequence = 0;       // last portfolio-level event (for optimistic concurrency)

  [[nodiscard]] const ExecutionDocument* find(const std::string& content_hash) const;
  // A document named by its content hash or a unique prefix of at least 8 hex digits.
  [[nodiscard]] Result<const ExecutionDocument*> resolve(const std::string& id) const;
  // The same among the documents `shown` admits only: any other reads as never recorded.
  [[nodiscard]] Result<const ExecutionDocument*> resolve(
      const std::string& id, const std::function<bool(const ExecutionDocument&)>& shown) const;
  // The rates an organisation reads: its own series once it has recorded any, the shared
  // reference series otherwise (and for nullopt, the whole portfolio).
  [[nodiscard]] const RateBook& rates_for(const std::optional<std::string>& organisation) const;
  // Active documents of one kind, in the order recorded.
  [[nodiscard]] std::vector<const ExecutionDocument*> active(ExecutionKind kind) const;
  // Active documents recorded after the last reconciliation run (or all, without a run).
  [[nodiscard]] std::size_t documents_since_last_run() const;
};

// Folds the portfolio-level events (case id ""), in sequence order; events of cases and of the
// "@access" and "@audit" streams are skipped.
Result<PortfolioState> fold_portfolio(const std::vector<store::EventRecord>& events);

inline constexpr std::size_t kMinDocumentIdPrefix = 8;

}  // namespace fms::ledger
