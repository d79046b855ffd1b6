#include "ledger/money/money_book.h"

#include "ledger/log/portfolio_stream.h"
#include "store/event_hash.h"

namespace fms::ledger {

const RateBook& MoneyBook::rates_for(const std::optional<std::string>& organisation) const {
  if (!organisation) return rates;
  const auto own = organisation_rates.find(*organisation);
  return own == organisation_rates.end() ? rates : own->second;
}

Result<MoneyBook> fold_money(const std::vector<store::EventRecord>& events) {
  MoneyBook book;
  for (const store::EventRecord& event : events) {
    if (!in_portfolio_stream(event)) continue;
    book.last_sequence = event.sequence;
    if (event.type == kRatesSeriesRecorded) {
      FMS_ASSIGN_OR_RETURN(RatesRecorded rates, decode_rates_recorded(event));
      FMS_TRY((rates.organisation.empty() ? book.rates : book.organisation_rates[rates.organisation])
                  .apply(event));
    } else if (event.type == kBudgetDocumentRecorded) {
      FMS_ASSIGN_OR_RETURN(RecordedBudget budget, decode_budget_recorded(event));
      for (const RecordedBudget& earlier : book.budgets) {
        if (earlier.content_hash == budget.content_hash) {
          return Error::corruption(store::describe_event(event) + ": budget document " +
                                   budget.content_hash + " is recorded twice");
        }
      }
      book.budgets.push_back(std::move(budget));
    } else {
      const bool others = !event.type.starts_with("rates.") && !event.type.starts_with("budget.");
      FMS_TRY(check_portfolio_event_type(event, others));
    }
  }
  return book;
}

}  // namespace fms::ledger
