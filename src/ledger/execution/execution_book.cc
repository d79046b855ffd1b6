// Folding the portfolio-level events. Supersession is explicit in the log: a document names the
// one it replaces, and from then on only the replacement counts.
#include "ledger/execution/execution_book.h"

#include <algorithm>

#include "ledger/log/portfolio_stream.h"
#include "store/event_hash.h"

namespace fms::ledger {

const ExecutionDocument* ExecutionBook::find(const std::string& content_hash) const {
  auto it = by_hash.find(content_hash);
  return it == by_hash.end() ? nullptr : &documents[it->second];
}

Result<const ExecutionDocument*> ExecutionBook::resolve(const std::string& id) const {
  return resolve(id, nullptr);
}

Result<const ExecutionDocument*> ExecutionBook::resolve(
    const std::string& id, const std::function<bool(const ExecutionDocument&)>& shown) const {
  if (id.size() < kMinDocumentIdPrefix) {
    return Error::invalid("document id \"" + id + "\" is too short: give at least " +
                          std::to_string(kMinDocumentIdPrefix) + " hex digits of it");
  }
  const ExecutionDocument* found = nullptr;
  for (auto it = by_hash.lower_bound(id); it != by_hash.end() && it->first.starts_with(id); ++it) {
    if (shown && !shown(documents[it->second])) continue;
    if (found != nullptr) {
      return Error::invalid("document id \"" + id + "\" is ambiguous; give more of it");
    }
    found = &documents[it->second];
  }
  if (found == nullptr) {
    return Error::not_found("no execution document with id \"" + id +
                            "\" (see `fmsledger documents`)");
  }
  return found;
}

std::vector<const ExecutionDocument*> ExecutionBook::active(ExecutionKind kind) const {
  std::vector<const ExecutionDocument*> out;
  for (const ExecutionDocument& document : documents) {
    if (document.record.kind == kind && !document.superseded_by) out.push_back(&document);
  }
  return out;
}

std::size_t ExecutionBook::documents_since_last_run() const {
  const std::int64_t after = last_run ? last_run->sequence : 0;
  return static_cast<std::size_t>(std::count_if(
      documents.begin(), documents.end(),
      [after](const ExecutionDocument& d) { return d.sequence > after && !d.superseded_by; }));
}

Result<ExecutionBook> fold_execution(const std::vector<store::EventRecord>& events) {
  ExecutionBook state;
  FMS_TRY(fold_execution_into(state, events));
  return state;
}

Status fold_execution_into(ExecutionBook& state, std::span<const store::EventRecord> events) {
  for (const store::EventRecord& event : events) {
    // Case events and the access and audit streams ("@access", "@audit") have folds of their own.
    if (!in_portfolio_stream(event)) continue;
    state.last_sequence = event.sequence;
    if (event.type == kExecutionDocumentRecorded) {
      FMS_ASSIGN_OR_RETURN(ExecutionDocumentRecorded record, decode_execution_document(event));
      if (state.by_hash.count(record.content_hash) != 0) {
        return Error::corruption(store::describe_event(event) + ": document " +
                                 record.content_hash + " is recorded twice");
      }
      if (record.supersedes) {
        auto it = state.by_hash.find(*record.supersedes);
        if (it == state.by_hash.end() || state.documents[it->second].superseded_by) {
          return Error::corruption(store::describe_event(event) + ": supersedes " +
                                   *record.supersedes + ", which is not an active document");
        }
        state.documents[it->second].superseded_by = record.content_hash;
      }
      state.by_hash.emplace(record.content_hash, state.documents.size());
      state.documents.push_back(
          ExecutionDocument{std::move(record), event.sequence, event.recorded_at, event.actor, {}});
    } else if (event.type == kReconciliationRecorded) {
      FMS_ASSIGN_OR_RETURN(ReconciliationRecorded run, decode_reconciliation(event));
      state.last_run = RecordedRun{std::move(run), event.sequence, event.recorded_at, event.actor};
    } else {
      const bool others =
          !event.type.starts_with("execution.") && !event.type.starts_with("recon.");
      FMS_TRY(check_portfolio_event_type(event, others));
    }
  }
  return Status::Ok();
}

}  // namespace fms::ledger
