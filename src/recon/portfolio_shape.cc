// Checking the columns reconciliation reads, in one pass over the line indexes.
#include "recon/portfolio_shape.h"

#include <algorithm>

#include "recon/row_space.h"

namespace fms::recon {
namespace {

void require(bool holds, const char* what) {
  if (!holds) die_broken_portfolio(what);
}

bool all_below(std::span<const std::uint32_t> indexes, std::size_t bound) {
  return std::all_of(indexes.begin(), indexes.end(),
                     [bound](std::uint32_t index) { return index < bound; });
}

void check(const DeliveryListing& rows) {
  const std::size_t n = rows.size();
  require(rows.document_number.size() == n && rows.line.size() == n && rows.quantity.size() == n &&
              rows.value_cents.size() == n && rows.source_line.size() == n,
          "delivery listing columns of different lengths");
  require(all_below(rows.line, rows.line_keys.size()),
          "delivery listing row refers to a line outside its dictionary");
}

void check(const ReceiptInspections& rows) {
  const std::size_t n = rows.size();
  require(rows.receipt_id.size() == n && rows.document_number.size() == n &&
              rows.line.size() == n && rows.quantity_received.size() == n &&
              rows.quantity_rejected.size() == n,
          "receipt columns of different lengths");
  require(all_below(rows.line, rows.line_keys.size()),
          "receipt row refers to a line outside its dictionary");
}

}  // namespace

void require_consistent_columns(const Portfolio& portfolio) {
  for (const auto& document : portfolio.deliveries) {
    if (document.rows != nullptr) check(*document.rows);
  }
  for (const auto& document : portfolio.receipts) {
    if (document.rows != nullptr) check(*document.rows);
  }
}

}  // namespace fms::recon
