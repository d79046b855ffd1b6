// Line-level checks. Finding the shipment that took a line over its quantity needs that line's
// originals in delivery order (ship date, then row), so only lines already known to be over are
// collected, in a second pass over the rows.
#include "recon/line_checks.h"

#include <algorithm>
#include <tuple>

#include "recon/amounts.h"

namespace fms::recon {
namespace {

struct Shipment {
  std::uint32_t line = 0;
  std::int32_t ship_date = 0;
  std::uint32_t row = 0;  // global delivery row
  std::int64_t quantity = 0;
};

std::int64_t allowed_quantity(const LineInfo* info) {
  return info == nullptr ? 0 : info->quantity;
}

std::int64_t unit_cost_of(const LineInfo* info) {
  return info != nullptr && info->per_unit ? info->unit_cost_cents : 0;
}

// The originals on the lines flagged in `over`, in (line, ship date, row) order.
std::vector<Shipment> shipments_on(const ClassifyContext& c, const std::vector<std::uint8_t>& over,
                                   const std::vector<std::uint32_t>& duplicates) {
  std::vector<Shipment> out;
  auto next_duplicate = duplicates.begin();
  for (std::uint32_t d = 0; d < c.deliveries.document_count(); ++d) {
    const DeliveryListing* rows = c.portfolio.deliveries[d].rows;
    if (rows == nullptr) continue;
    const auto lines = c.catalog.delivery_lines(d);
    const std::uint32_t base = c.deliveries.begin(d);
    for (std::uint32_t i = 0; i < rows->size(); ++i) {
      const std::uint32_t line = lines[rows->line[i]];
      if (over[line] == 0) continue;
      while (next_duplicate != duplicates.end() && *next_duplicate < base + i) ++next_duplicate;
      if (next_duplicate != duplicates.end() && *next_duplicate == base + i) continue;
      out.push_back(Shipment{line, rows->ship_date[i], base + i, rows->quantity[i]});
    }
  }
  std::sort(out.begin(), out.end(), [](const Shipment& a, const Shipment& b) {
    return std::tie(a.line, a.ship_date, a.row) < std::tie(b.line, b.ship_date, b.row);
  });
  return out;
}

void check_beyond_quantity(const ClassifyContext& c, const OriginalTotals& totals,
                           Findings& findings) {
  std::vector<std::uint8_t> over(c.catalog.size(), 0);
  bool any = false;
  for (std::uint32_t id = 0; id < c.catalog.size(); ++id) {
    if (totals.line_quantity[id] > allowed_quantity(c.catalog.line_info(id))) {
      over[id] = 1;
      any = true;
    }
  }
  if (!any) return;
  const std::vector<Shipment> shipments = shipments_on(c, over, totals.duplicates);
  for (std::size_t begin = 0; begin < shipments.size();) {
    const std::uint32_t line = shipments[begin].line;
    std::size_t end = begin;
    while (end < shipments.size() && shipments[end].line == line) ++end;
    const LineInfo* info = c.catalog.line_info(line);
    const std::int64_t allowed = allowed_quantity(info);
    std::int64_t cumulative = 0;
    for (std::size_t k = begin; k < end; ++k) {
      cumulative += shipments[k].quantity;
      if (cumulative <= allowed) continue;
      const RowSpace::Location at = c.deliveries.locate(shipments[k].row);
      const std::int64_t excess = totals.line_quantity[line] - allowed;
      findings.add(DiscrepancyType::delivered_beyond_line_quantity, line,
                   {delivery_reference(
                       c.portfolio.deliveries[at.document].rows->document_number.at(at.row))},
                   clamped_product(excess, unit_cost_of(info)), shipments[k].ship_date,
                   advice("ask the implementing agency to correct the line or amend the LOA"));
      break;
    }
    begin = end;
  }
}

void check_past_availability(const ClassifyContext& c, const OriginalTotals& totals,
                             Findings& findings) {
  for (std::uint32_t id = 0; id < c.catalog.size(); ++id) {
    const LineInfo* info = c.catalog.line_info(id);
    const CaseInfo* case_info = c.catalog.case_info(id);
    if (info == nullptr || case_info == nullptr || case_info->status != CaseStatus::implemented ||
        !info->planned_availability) {
      continue;
    }
    const std::int32_t planned = info->planned_availability->serial();
    const std::int64_t delivered = totals.line_quantity[id];
    if (planned >= c.as_of || delivered >= info->quantity) continue;
    const std::int64_t amount =
        info->per_unit
            ? clamped_product(info->quantity - delivered, info->unit_cost_cents)
            : std::max<std::int64_t>(0, info->total_cents - totals.line_value_cents[id]);
    findings.add(DiscrepancyType::line_past_availability_undelivered, id, {}, amount, planned,
                 advice("ask the implementing agency for a revised delivery estimate"));
  }
}

}  // namespace

void check_lines(const ClassifyContext& context, const OriginalTotals& totals, Findings& findings) {
  check_beyond_quantity(context, totals, findings);
  check_past_availability(context, totals, findings);
}

}  // namespace fms::recon
