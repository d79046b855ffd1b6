// Folding the portfolio-level events. Supersession is explicit in the log: a document names the
// one it replaces, and from then on only the replacement counts.
#include "ledger/portfolio.h"

#include <algorithm>

#include "store/event_hash.h"

namespace fms::ledger {

const ExecutionDocument* PortfolioState::find(const std::string& content_hash) const {
  auto it = by_hash.find(content_hash);
  return it == by_hash.end() ? nullptr : &documents[it->second];
}

Result<const ExecutionDocument*> PortfolioState::resolve(const std::string& id) const {
  return resolve(id, nullptr);
}

Result<const ExecutionDocument*> PortfolioState::resolve(
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

const RateBook& PortfolioState::rates_for(const std::optional<std::string>& organisation) const {
  if (!organisation) return rates;
  const auto own = organisation_rates.find(*organisation);
  return own == organisation_rates.end() ? rates : own->second;
}

std::vector<const ExecutionDocument*> PortfolioState::active(ExecutionKind kind) const {
  std::vector<const ExecutionDocument*> out;
  for (const ExecutionDocument& document : documents) {
    if (document.record.kind == kind && !document.superseded_by) out.push_back(&document);
  }
  return out;
}

std::size_t PortfolioState::documents_since_last_run() const {
  const std::int64_t after = last_run ? last_run->sequence : 0;
  return static_cast<std::size_t>(std::count_if(
      documents.begin(), documents.end(),
      [after](const ExecutionDocument& d) { return d.sequence > after && !d.superseded_by; }));
}

Result<PortfolioState> fold_portfolio(const std::vector<store::EventRecord>& events) {
  PortfolioState state;
  for (const store::EventRecord& event : events) {
    // Case events and the access and audit streams ("@access", "@audit") have folds of their own.
    if (!event.case_id.empty()) continue;
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
    } else if (event.type.starts_with(kSdrEventPrefix)) {
      FMS_TRY(apply_sdr_event(state.sdrs, event));
    } else if (event.type == kRatesSeriesRecorded) {
      FMS_ASSIGN_OR_RETURN(RatesRecorded rates, decode_rates_recorded(event));
      FMS_TRY(
          (rates.organisation.empty() ? state.rates : state.organisation_rates[rates.organisation])
              .apply(event));
    } else if (event.type == kBudgetDocumentRecorded) {
      FMS_ASSIGN_OR_RETURN(RecordedBudget budget, decode_budget_recorded(event));
      for (const RecordedBudget& earlier : state.budgets) {
        if (earlier.content_hash == budget.content_hash) {
          return Error::corruption(store::describe_event(event) + ": budget document " +
                                   budget.content_hash + " is recorded twice");
        }
      }
      state.budgets.push_back(std::move(budget));
    } else {
      return Error::corruption(store::describe_event(event) + ": unknown portfolio event type \"" +
                               event.type + "\"");
    }
  }
  return state;
}

}  // namespace fms::ledger
