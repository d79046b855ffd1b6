// The reconciliation view as of a date, folded once and shared by every read until a case or
// portfolio event is recorded (by this process or any other writer): the status, closure,
// exceptions and discrepancy answers of many callers are all filtered from the same fold.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>

#include "base/result.h"
#include "core/civil_date.h"
#include "ledger/database.h"

namespace fms::query {

class ViewCache {
 public:
  // The view as of `as_of`, from the cache while no business event is newer than its fold,
  // otherwise folded from `database` (one connection, used by this thread alone).
  Result<std::shared_ptr<const ledger::PortfolioView>> view(ledger::Database& database,
                                                            const CivilDate& as_of);

 private:
  static constexpr std::size_t kViewsMax = 8;  // as-of dates; each view holds a portfolio
  struct Cached {
    std::int64_t last_business_sequence = 0;
    std::shared_ptr<const ledger::PortfolioView> view;
  };
  std::mutex mutex_;  // guards views_
  std::map<CivilDate, Cached> views_;
};

}  // namespace fms::query
