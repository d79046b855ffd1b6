// AECA section 36(b) congressional notification check: given the purchaser's group
// (NATO+5 or other), the case's Major Defense Equipment value, total articles/services value
// and design-and-construction value, say whether formal notification is required, which
// thresholds triggered it, and the review period. Thresholds come from dated reference data.
#pragma once

#include <string>
#include <vector>

#include "core/loa.h"
#include "core/reference_data.h"

namespace fms {

struct NotificationCheck {
  std::string group;  // "nato_plus5" or "other"
  NotificationThresholds thresholds;  // the table in force on the reference date
  CivilDate reference_date;           // the date the thresholds were taken for (offer date)
  Money mde_value{0, Currency::usd()};
  Money total_value{0, Currency::usd()};
  Money design_construction_value{0, Currency::usd()};
  bool required = false;
  std::vector<std::string> triggered;  // e.g. "MDE USD 2,350,000,000.00 >= USD 25,000,000.00"
  int review_period_days = 0;          // when required
};

// Values are summed from the version's lines (MDE and D&C flags) and its cost-summary total.
Result<NotificationCheck> check_notification(const LoaVersion& version,
                                             const ReferenceData& reference);

}  // namespace fms
