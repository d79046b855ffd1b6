// Second matching pass: by case + line + quantity, for the rows the document number left alone.
//
// Per case line, deliveries are taken in (ship date, row) order and receipts in (received date,
// row) order, where `row` is the global row number (document order, then row order). A receipt is
// eligible for a delivery when ship_date <= received_date <= ship_date + window. Three steps run
// one after the other on what is still unmatched:
//   (a) one-to-one: each receipt, in order, takes the earliest eligible delivery of equal quantity;
//   (b) received in parts: each delivery, in order, takes the first run of kMinRunRows to
//       kMaxRunRows consecutive unmatched receipts, all eligible, whose quantities add up to its
//       quantity (runs compared by first receipt, then by length);
//   (c) one receipt for several shipments: the same with the roles swapped.
// Consecutive means consecutive among the rows still unmatched at that moment.
//
// How it stays fast: (a) keeps, per (line, quantity), a cursor into the deliveries in ship-date
// order; receipts arrive in received-date order, so the lower end of the window only moves
// forward and the matched deliveries of a quantity always form a prefix of those still in the
// window: each receipt costs a binary search plus amortised O(1). (b) and (c) find the window with a
// binary search and skip matched rows through a "next unmatched" array with path compression.
#pragma once

#include <cstdint>
#include <vector>

#include "recon/row_space.h"

namespace fms::recon {

inline constexpr std::size_t kMinRunRows = 2;  // a run of one is step (a)
inline constexpr std::size_t kMaxRunRows = 8;  // longest split shipment / combined receipt tried

struct UnmatchedDelivery {
  std::uint32_t line = 0;  // catalog id
  std::int32_t ship_date = 0;
  std::uint32_t row = 0;  // global delivery row
  std::int64_t quantity = 0;
};

struct UnmatchedReceipt {
  std::uint32_t line = 0;
  std::int32_t received_date = 0;
  std::uint32_t row = 0;  // global receipt row
  std::int64_t quantity = 0;
};

// The pairs matched by steps (a), (b) and (c), sorted by (delivery, receipt).
std::vector<RowPair> match_by_case_line_quantity(std::vector<UnmatchedDelivery> deliveries,
                                                 std::vector<UnmatchedReceipt> receipts,
                                                 int receipt_window_days);

}  // namespace fms::recon
