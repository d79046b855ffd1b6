// What every part of classify() reads: the portfolio, the rules, the date, and the numbering of
// rows and lines built once for the whole run; and what the row checks add up for the line and
// case checks that follow them.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "recon/line_catalog.h"
#include "recon/recon.h"
#include "recon/row_space.h"

namespace fms::recon {

struct ClassifyContext {
  const Portfolio& portfolio;
  const Rules& rules;
  std::int32_t as_of = 0;  // date serial
  const RowSpace& deliveries;
  const RowSpace& receipts;
  const LineCatalog& catalog;
  // Per catalog id of a case entry: the case row of its latest active bill, or nullptr.
  const std::vector<const BillRow*>& latest_bill;
};

// Sums over original deliveries (duplicates excluded).
struct OriginalTotals {
  std::vector<std::int64_t> line_quantity;     // per catalog id
  std::vector<std::int64_t> line_value_cents;  // per catalog id
  std::vector<std::int64_t> case_value_cents;  // per case entry: the whole case
  std::vector<std::int64_t> listed_cents;      // per case entry: shipped by the latest bill date
  std::vector<std::uint32_t> duplicates;       // global rows of the duplicates, ascending
};

// serial + days, for day counts from the rules.
inline std::int32_t days_after(std::int32_t serial, std::int64_t days) {
  return static_cast<std::int32_t>(serial + days);
}

}  // namespace fms::recon
