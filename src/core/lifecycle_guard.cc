#include "core/lifecycle_guard.h"

#include <algorithm>

#include "core/money.h"

namespace fms {
namespace {

std::string usd(std::int64_t cents) {
  return "USD " + Money(cents, Currency::usd()).format();
}

// What the seller is known to hold toward the deposit: the payments recorded by the date, or
// the payments its latest statement acknowledges, whichever is more.
std::int64_t deposit_paid(const CasePosition& position) {
  std::int64_t paid = position.paid_cents;
  if (position.statement && position.statement->received_cents) {
    paid = std::max(paid, *position.statement->received_cents);
  }
  return paid;
}

void implemented(const LifecycleEvidence& e, std::vector<std::string>& out) {
  if (e.initial_deposit_cents <= 0) return;
  const std::int64_t paid = deposit_paid(e.position);
  if (paid >= e.initial_deposit_cents) return;
  out.push_back("the initial deposit of " + usd(e.initial_deposit_cents) + " is not paid (" +
                usd(paid) + " recorded by " + e.date.to_string() + ")");
}

void supply_services_complete(const LifecycleEvidence& e, std::vector<std::string>& out) {
  std::string short_lines;
  for (const LineDelivery& line : e.lines) {
    std::string shortfall;
    if (line.per_unit && line.delivered_quantity < line.ordered_quantity) {
      shortfall = std::to_string(line.delivered_quantity) + " of " +
                  std::to_string(line.ordered_quantity) + " delivered";
    } else if (!line.per_unit && line.delivered_value_cents < line.total_cents) {
      shortfall = usd(line.delivered_value_cents) + " of " + usd(line.total_cents) + " performed";
    }
    if (shortfall.empty()) continue;
    short_lines += (short_lines.empty() ? "" : ", ") + ("line " + line.line + " " + shortfall);
  }
  if (!short_lines.empty()) out.push_back("not every line is delivered: " + short_lines);
}

void closed(const LifecycleEvidence& e, std::vector<std::string>& out) {
  const std::optional<Settlement>& settlement = e.position.settlement;
  if (!settlement) {
    out.push_back("no final statement of account (a DD 645 marked final) by " + e.date.to_string());
    return;
  }
  if (settlement->settled()) return;
  const std::int64_t outstanding = settlement->outstanding_cents;
  out.push_back("the final statement of " + settlement->statement_date.to_string() + " leaves " +
                (outstanding > 0 ? "a refund of " + usd(outstanding)
                                 : "an under-collection of " + usd(-outstanding)) +
                " unsettled");
}

}  // namespace

std::vector<std::string> transition_blockers(CaseStatus to, const LifecycleEvidence& evidence) {
  std::vector<std::string> out;
  switch (to) {
    case CaseStatus::implemented:
      implemented(evidence, out);
      break;
    case CaseStatus::supply_services_complete:
      supply_services_complete(evidence, out);
      break;
    case CaseStatus::closed:
      closed(evidence, out);
      break;
    default:
      break;
  }
  return out;
}

}  // namespace fms
