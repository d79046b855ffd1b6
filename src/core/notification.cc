// AECA section 36(b) notification check for one LOA version.
//
// Three values are compared with the thresholds of the purchaser's group (the customer entry's
// notification_group) in force on the version's offer date:
//   - Major Defense Equipment value: sum of the totals of lines flagged MDE;
//   - total value (defense articles and services): the cost-summary total;
//   - design-and-construction value: sum of the totals of lines flagged D&C.
// Reaching a threshold (value >= threshold) requires formal notification; every threshold
// reached is listed in `triggered`, and the group's review period applies. Thresholds are whole
// US dollars; the comparison is exact, in cents. LOAs are written in US dollars, so a version in
// another currency is an error rather than a guess at an exchange rate.
#include "core/notification.h"

#include <cstdint>

namespace fms {
namespace {

// A whole-dollar threshold as Money in `currency` (USD), checked for overflow.
Result<Money> threshold_money(std::int64_t whole_units, Currency currency) {
  std::int64_t factor = 1;
  for (int i = 0; i < currency.minor_digits(); ++i) factor *= 10;
  return Money(whole_units, currency).times(factor);
}

// Appends a "triggered" line when value >= threshold.
void compare(const char* what, const Money& value, const Money& threshold,
             std::vector<std::string>& triggered) {
  if (value.minor_units() >= threshold.minor_units()) {
    triggered.push_back(std::string(what) + " " + value.format_with_code() + " >= threshold " +
                        threshold.format_with_code());
  }
}

}  // namespace

Result<NotificationCheck> check_notification(const LoaVersion& version,
                                             const ReferenceData& reference) {
  const Currency usd = Currency::usd();
  if (!(version.currency == usd)) {
    return Error::invalid("AECA 36(b) check: thresholds are in US dollars but the document is in " +
                          std::string(version.currency.code()) +
                          "; LOA amounts must be stated in USD");
  }

  NotificationCheck check;
  FMS_ASSIGN_OR_RETURN(CustomerEntry customer, reference.customer(version.case_id.customer()));
  check.group = customer.notification_group;
  check.reference_date = version.offer_date;
  FMS_ASSIGN_OR_RETURN(check.thresholds,
                       reference.notification_thresholds_on(check.group, version.offer_date));

  check.mde_value = Money::zero(usd);
  check.design_construction_value = Money::zero(usd);
  for (const LoaLine& line : version.lines) {
    if (line.major_defense_equipment) {
      FMS_ASSIGN_OR_RETURN(check.mde_value, check.mde_value.plus(line.total));
    }
    if (line.design_and_construction) {
      FMS_ASSIGN_OR_RETURN(check.design_construction_value,
                           check.design_construction_value.plus(line.total));
    }
  }
  if (!(version.cost_summary.total.currency() == usd)) {
    return Error::invalid("AECA 36(b) check: the cost-summary total is in " +
                          std::string(version.cost_summary.total.currency().code()) +
                          "; LOA amounts must be stated in USD");
  }
  check.total_value = version.cost_summary.total;

  FMS_ASSIGN_OR_RETURN(Money mde_threshold, threshold_money(check.thresholds.mde_usd, usd));
  FMS_ASSIGN_OR_RETURN(Money total_threshold,
                       threshold_money(check.thresholds.articles_services_usd, usd));
  FMS_ASSIGN_OR_RETURN(Money dc_threshold,
                       threshold_money(check.thresholds.design_construction_usd, usd));

  compare("MDE value", check.mde_value, mde_threshold, check.triggered);
  compare("articles and services value", check.total_value, total_threshold, check.triggered);
  compare("design and construction value", check.design_construction_value, dc_threshold,
          check.triggered);

  check.required = !check.triggered.empty();
  check.review_period_days = check.required ? check.thresholds.review_period_days : 0;
  return check;
}

}  // namespace fms
