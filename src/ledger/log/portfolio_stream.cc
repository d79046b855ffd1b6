#include "ledger/log/portfolio_stream.h"

#include <algorithm>

#include "store/event_hash.h"

namespace fms::ledger {

Result<std::vector<store::EventRecord>> read_portfolio_stream(store::Store& store) {
  store::EventQuery query;
  query.case_id = "";
  return store.read_events(query);
}

Status check_portfolio_event_type(const store::EventRecord& event, bool known) {
  const bool claimed =
      std::any_of(kPortfolioEventPrefixes.begin(), kPortfolioEventPrefixes.end(),
                  [&](std::string_view prefix) { return event.type.starts_with(prefix); });
  if (known && claimed) return Status::Ok();
  return Error::corruption(store::describe_event(event) + ": unknown portfolio event type \"" +
                           event.type + "\"");
}

}  // namespace fms::ledger
