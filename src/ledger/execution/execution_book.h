// The execution record folded from the portfolio-level stream: which execution documents
// (delivery listings, receipt inspections, DD 645 bills, payments) are recorded, which of them
// are active (not superseded), and the last reconciliation run.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ledger/execution/execution_events.h"
#include "store/store.h"

namespace fms::ledger {

struct ExecutionDocument {
  ExecutionDocumentRecorded record;
  std::int64_t sequence = 0;
  std::string recorded_at;
  std::string actor;
  std::optional<std::string> superseded_by;  // content hash of the document that replaced it

  [[nodiscard]] bool names_case(const std::string& case_id) const {
    return std::find(record.cases.begin(), record.cases.end(), case_id) != record.cases.end();
  }
};

struct RecordedRun {
  ReconciliationRecorded run;
  std::int64_t sequence = 0;
  std::string recorded_at;
  std::string actor;
};

struct ExecutionBook {
  std::vector<ExecutionDocument> documents;  // in the order recorded
  std::map<std::string, std::size_t> by_hash;
  std::optional<RecordedRun> last_run;
  // The last event of the portfolio-level stream, whatever its subject (optimistic concurrency).
  std::int64_t last_sequence = 0;

  [[nodiscard]] const ExecutionDocument* find(const std::string& content_hash) const;
  // A document named by its content hash or a unique prefix of at least 8 hex digits.
  [[nodiscard]] Result<const ExecutionDocument*> resolve(const std::string& id) const;
  // The same among the documents `shown` admits only: any other reads as never recorded.
  [[nodiscard]] Result<const ExecutionDocument*> resolve(
      const std::string& id, const std::function<bool(const ExecutionDocument&)>& shown) const;
  // Active documents of one kind, in the order recorded.
  [[nodiscard]] std::vector<const ExecutionDocument*> active(ExecutionKind kind) const;
  // Active documents recorded after the last reconciliation run (or all, without a run).
  [[nodiscard]] std::size_t documents_since_last_run() const;
};

// Folds the execution events of the portfolio-level stream, in sequence order; every other
// event (cases, "@access", "@audit", and the stream's SDR, rates and budget events) is passed
// over, save for its sequence.
Result<ExecutionBook> fold_execution(const std::vector<store::EventRecord>& events);
// The same fold continued: `events` follow, in sequence order, those `book` has folded. On an
// error `book` is left part-folded and must be discarded.
Status fold_execution_into(ExecutionBook& book, std::span<const store::EventRecord> events);

inline constexpr std::size_t kMinDocumentIdPrefix = 8;

}  // namespace fms::ledger
