// The matches classify works from, made safe to walk in one pass: only matches that refer to
// existing rows, in canonical order, each (delivery, receipt) pair once. match() already returns
// them that way, in which case nothing is copied.
//
// Groups. A delivery and the receipts matched to it form a group, except where a receipt is
// matched to several deliveries (a receipt covering several shipments): then that receipt and
// its deliveries form the group. match() never links a receipt to several deliveries and a
// delivery to several receipts at once.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "base/huge_pages.h"
#include "recon/recon.h"
#include "recon/row_space.h"

namespace fms::recon {

class MatchSet {
 public:
  MatchSet(const Portfolio& portfolio, const std::vector<Match>& matches,
           const RowSpace& deliveries, const RowSpace& receipts);
  MatchSet(const MatchSet&) = delete;  // matches_ may point into repaired_
  MatchSet& operator=(const MatchSet&) = delete;

  [[nodiscard]] std::span<const Match> matches() const { return matches_; }
  // How many deliveries each receipt is matched to, by global receipt row (stops counting at 2).
  [[nodiscard]] std::uint8_t delivery_count(std::uint32_t receipt) const {
    return receipt_matches_[receipt];
  }
  void prefetch_delivery_count(std::uint32_t receipt) const {
    __builtin_prefetch(&receipt_matches_[receipt]);
  }
  // Global rows of the deliveries with no match, ascending.
  [[nodiscard]] const std::vector<std::uint32_t>& unmatched_deliveries() const {
    return unmatched_deliveries_;
  }

 private:
  std::vector<Match> repaired_;  // used only when the input needed repair
  std::span<const Match> matches_;
  base::HugeVector<std::uint8_t> receipt_matches_;
  std::vector<std::uint32_t> unmatched_deliveries_;
};

}  // namespace fms::recon
