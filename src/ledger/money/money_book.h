// The money record folded from the portfolio-level stream: the shared reference exchange-rate
// series, each organisation's own series, and the budget documents.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "ledger/money/budget_book.h"
#include "ledger/money/rate_book.h"
#include "store/store.h"

namespace fms::ledger {

struct MoneyBook {
  RateBook rates;  // the shared reference rate series (rates.series_recorded v1 events)
  // Organisations' own rate series (v2 events), by organisation id.
  std::map<std::string, RateBook> organisation_rates;
  std::vector<RecordedBudget> budgets;  // budget documents, in the order recorded
  // The last event of the portfolio-level stream, whatever its subject (optimistic concurrency).
  std::int64_t last_sequence = 0;

  // The rates an organisation reads: its own series once it has recorded any, the shared
  // reference series otherwise (and for nullopt, the whole portfolio).
  [[nodiscard]] const RateBook& rates_for(const std::optional<std::string>& organisation) const;
};

// Folds the rates and budget events of the portfolio-level stream, in sequence order; every
// other event is passed over, save for its sequence.
Result<MoneyBook> fold_money(const std::vector<store::EventRecord>& events);

}  // namespace fms::ledger
