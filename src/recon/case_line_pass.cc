// The second matching pass, one case line at a time. See case_line_pass.h for the rules.
#include "recon/case_line_pass.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <tuple>
#include <span>

namespace fms::recon {
namespace {

// Smallest unmatched position at or after i (or the end), with path halving so that long
// stretches of matched rows are skipped once.
class NextUnmatched {
 public:
  explicit NextUnmatched(std::span<const std::uint8_t> matched) : next_(matched.size() + 1) {
    for (std::uint32_t i = 0; i < matched.size(); ++i) next_[i] = matched[i] != 0 ? i + 1 : i;
    next_[matched.size()] = static_cast<std::uint32_t>(matched.size());
  }
  std::uint32_t find(std::uint32_t i) {
    while (next_[i] != i) {
      next_[i] = next_[next_[i]];
      i = next_[i];
    }
    return i;
  }
  void mark_matched(std::uint32_t i) { next_[i] = i + 1; }

 private:
  std::vector<std::uint32_t> next_;
};

std::int64_t date_of(const UnmatchedDelivery& d) { return d.ship_date; }
std::int64_t date_of(const UnmatchedReceipt& r) { return r.received_date; }

using Run = std::array<std::uint32_t, kMaxRunRows>;

// The first run of kMinRunRows..kMaxRunRows consecutive unmatched rows, all dated inside
// [earliest, latest], whose quantities add up to `target`; returns its length (0: none).
// Rows are in date order; quantities are >= 0, so a run whose sum passes the target is dead.
template <typename Row>
std::size_t find_run(std::span<const Row> rows, NextUnmatched& unmatched, std::int64_t earliest,
                     std::int64_t latest, std::int64_t target, Run& run) {
  const auto end = static_cast<std::uint32_t>(rows.size());
  const auto first = std::partition_point(rows.begin(), rows.end(),
                                          [&](const Row& r) { return date_of(r) < earliest; });
  for (std::uint32_t start = unmatched.find(static_cast<std::uint32_t>(first - rows.begin()));
       start < end && date_of(rows[start]) <= latest; start = unmatched.find(start + 1)) {
    std::int64_t sum = rows[start].quantity;
    if (sum > target) continue;
    run[0] = start;
    std::size_t length = 1;
    std::uint32_t at = start;
    while (length < kMaxRunRows) {
      at = unmatched.find(at + 1);
      if (at >= end || date_of(rows[at]) > latest) break;
      sum += rows[at].quantity;
      run[length++] = at;
      if (sum > target) break;
      if (sum == target) return length;  // length >= kMinRunRows here
    }
  }
  return 0;
}

class LineMatcher {
 public:
  LineMatcher(std::span<const UnmatchedDelivery> deliveries,
              std::span<const UnmatchedReceipt> receipts, std::int64_t window_days,
              std::vector<RowPair>& out)
      : deliveries_(deliveries),
        receipts_(receipts),
        window_days_(window_days),
        delivery_matched_(deliveries.size(), 0),
        receipt_matched_(receipts.size(), 0),
        out_(out) {}

  void run() {
    one_to_one();
    received_in_parts();
    one_receipt_for_several_shipments();
  }

 private:
  void pair(std::uint32_t delivery, std::uint32_t receipt) {
    delivery_matched_[delivery] = 1;
    receipt_matched_[receipt] = 1;
    out_.push_back(RowPair{deliveries_[delivery].row, receipts_[receipt].row});
  }

  void one_to_one() {
    // Delivery positions grouped by quantity, in delivery order within a quantity.
    std::vector<std::uint32_t> by_quantity(deliveries_.size());
    std::iota(by_quantity.begin(), by_quantity.end(), 0U);
    std::stable_sort(by_quantity.begin(), by_quantity.end(), [&](std::uint32_t a, std::uint32_t b) {
      return deliveries_[a].quantity < deliveries_[b].quantity;
    });
    // cursor[s], for s the start of a quantity's group: the next candidate in that group.
    std::vector<std::uint32_t> cursor(by_quantity.size());
    std::iota(cursor.begin(), cursor.end(), 0U);
    for (std::uint32_t r = 0; r < receipts_.size(); ++r) {
      const std::int64_t quantity = receipts_[r].quantity;
      const auto group_begin = std::partition_point(
          by_quantity.begin(), by_quantity.end(),
          [&](std::uint32_t d) { return deliveries_[d].quantity < quantity; });
      const auto group_end =
          std::partition_point(group_begin, by_quantity.end(),
                               [&](std::uint32_t d) { return deliveries_[d].quantity == quantity; });
      if (group_begin == group_end) continue;
      const auto start = static_cast<std::size_t>(group_begin - by_quantity.begin());
      const auto stop = static_cast<std::size_t>(group_end - by_quantity.begin());
      const std::int64_t received = receipts_[r].received_date;
      std::size_t at = cursor[start];
      while (at < stop && (delivery_matched_[by_quantity[at]] != 0 ||
                           deliveries_[by_quantity[at]].ship_date + window_days_ < received)) {
        ++at;
      }
      cursor[start] = static_cast<std::uint32_t>(at);
      if (at < stop && deliveries_[by_quantity[at]].ship_date <= received) {
        pair(by_quantity[at], r);
      }
    }
  }

  void received_in_parts() {
    NextUnmatched unmatched(receipt_matched_);
    Run run{};
    for (std::uint32_t d = 0; d < deliveries_.size(); ++d) {
      if (delivery_matched_[d] != 0) continue;
      const std::int64_t shipped = deliveries_[d].ship_date;
      const std::size_t length = find_run(receipts_, unmatched, shipped, shipped + window_days_,
                                          deliveries_[d].quantity, run);
      for (std::size_t k = 0; k < length; ++k) {
        pair(d, run[k]);
        unmatched.mark_matched(run[k]);
      }
    }
  }

  void one_receipt_for_several_shipments() {
    NextUnmatched unmatched(delivery_matched_);
    Run run{};
    for (std::uint32_t r = 0; r < receipts_.size(); ++r) {
      if (receipt_matched_[r] != 0) continue;
      const std::int64_t received = receipts_[r].received_date;
      const std::size_t length = find_run(deliveries_, unmatched, received - window_days_,
                                          received, receipts_[r].quantity, run);
      for (std::size_t k = 0; k < length; ++k) {
        pair(run[k], r);
        unmatched.mark_matched(run[k]);
      }
    }
  }

  std::span<const UnmatchedDelivery> deliveries_;
  std::span<const UnmatchedReceipt> receipts_;
  std::int64_t window_days_;
  std::vector<std::uint8_t> delivery_matched_;
  std::vector<std::uint8_t> receipt_matched_;
  std::vector<RowPair>& out_;
};

}  // namespace

std::vector<RowPair> match_by_case_line_quantity(std::vector<UnmatchedDelivery> deliveries,
                                                 std::vector<UnmatchedReceipt> receipts,
                                                 int receipt_window_days) {
  std::sort(deliveries.begin(), deliveries.end(), [](const auto& a, const auto& b) {
    return std::tie(a.line, a.ship_date, a.row) < std::tie(b.line, b.ship_date, b.row);
  });
  std::sort(receipts.begin(), receipts.end(), [](const auto& a, const auto& b) {
    return std::tie(a.line, a.received_date, a.row) < std::tie(b.line, b.received_date, b.row);
  });
  std::vector<RowPair> pairs;
  std::size_t d = 0;
  std::size_t r = 0;
  while (d < deliveries.size() && r < receipts.size()) {
    const std::uint32_t line = std::min(deliveries[d].line, receipts[r].line);
    std::size_t d_end = d;
    while (d_end < deliveries.size() && deliveries[d_end].line == line) ++d_end;
    std::size_t r_end = r;
    while (r_end < receipts.size() && receipts[r_end].line == line) ++r_end;
    if (d_end > d && r_end > r) {
      LineMatcher(std::span(deliveries).subspan(d, d_end - d),
                  std::span(receipts).subspan(r, r_end - r), receipt_window_days, pairs)
          .run();
    }
    d = d_end;
    r = r_end;
  }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

}  // namespace fms::recon
