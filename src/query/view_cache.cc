// Folding the reconciliation view once per as-of date and business head (see view_cache.h).
#include "query/view_cache.h"

namespace fms::query {

Result<std::shared_ptr<const ledger::PortfolioView>> ViewCache::view(ledger::Database& database,
                                                                     const CivilDate& as_of) {
  // The head is read first: a fold newer than its key is folded again next time.
  FMS_ASSIGN_OR_RETURN(const std::int64_t head, database.last_business_sequence());
  {
    const std::lock_guard lock(mutex_);
    const auto found = views_.find(as_of);
    if (found != views_.end() && found->second.last_business_sequence == head) {
      return found->second.view;
    }
  }
  // Folded without the lock: two readers may fold the same date at once, and neither waits for
  // the other.
  FMS_ASSIGN_OR_RETURN(ledger::PortfolioView folded, database.portfolio_view(as_of));
  auto shared = std::make_shared<const ledger::PortfolioView>(std::move(folded));
  const std::lock_guard lock(mutex_);
  if (views_.size() >= kViewsMax && views_.count(as_of) == 0) views_.clear();
  views_[as_of] = Cached{head, shared};
  return shared;
}

}  // namespace fms::query
