// match(): the document-number pass, then the case + line + quantity pass over what is left,
// then the matches written out in canonical order.
//
// Canonical order is (delivery document, delivery row, receipt document, receipt row), i.e. by
// global delivery row, then global receipt row. The first pass leaves each delivery's lowest
// receipt in an array by delivery and the rest in a short sorted list; second-pass pairs involve
// only deliveries the first pass left unmatched. Walking the deliveries in order and merging the
// three therefore yields the canonical order without sorting millions of matches; the walk is
// split between two workers, each writing its half of the deliveries' matches in place.
#include <algorithm>
#include <array>

#include "base/huge_pages.h"
#include "recon/case_line_pass.h"
#include "recon/document_number_pass.h"
#include "recon/line_catalog.h"
#include "recon/parallel.h"
#include "recon/portfolio_shape.h"
#include "recon/recon.h"
#include "recon/row_space.h"

namespace fms::recon {
namespace {

std::vector<UnmatchedDelivery> unmatched_originals(
    const Portfolio& portfolio, const RowSpace& space, const LineCatalog& catalog,
    const base::HugeVector<std::uint32_t>& first_receipt) {
  std::vector<UnmatchedDelivery> out;
  for (std::uint32_t d = 0; d < space.document_count(); ++d) {
    const DeliveryListing* rows = portfolio.deliveries[d].rows;
    if (rows == nullptr) continue;
    const auto lines = catalog.delivery_lines(d);
    const std::uint32_t base = space.begin(d);
    for (std::uint32_t i = 0; i < rows->size(); ++i) {
      if (first_receipt[base + i] != kNoRow) continue;  // matched, or a duplicate
      out.push_back(
          UnmatchedDelivery{lines[rows->line[i]], rows->ship_date[i], base + i, rows->quantity[i]});
    }
  }
  return out;
}

std::vector<UnmatchedReceipt> unmatched_receipts(const Portfolio& portfolio, const RowSpace& space,
                                                 const LineCatalog& catalog,
                                                 const base::HugeVector<std::uint8_t>& matched) {
  std::vector<UnmatchedReceipt> out;
  for (std::uint32_t d = 0; d < space.document_count(); ++d) {
    const ReceiptInspections* rows = portfolio.receipts[d].rows;
    if (rows == nullptr) continue;
    const auto lines = catalog.receipt_lines(d);
    const std::uint32_t base = space.begin(d);
    for (std::uint32_t i = 0; i < rows->size(); ++i) {
      if (matched[base + i] != 0) continue;
      out.push_back(UnmatchedReceipt{lines[rows->line[i]], rows->received_date[i], base + i,
                                     rows->quantity_received[i]});
    }
  }
  return out;
}

// The matches of deliveries [low, high), in canonical order, handed to `emit`.
template <typename Emit>
void for_each_match(std::uint32_t low, std::uint32_t high, const DocumentNumberMatches& first,
                    const std::vector<RowPair>& second, const Emit& emit) {
  const auto by_delivery = [](const RowPair& pair, std::uint32_t d) { return pair.delivery < d; };
  auto further = std::lower_bound(first.further_receipts.begin(), first.further_receipts.end(), low,
                                  by_delivery);
  auto other = std::lower_bound(second.begin(), second.end(), low, by_delivery);
  for (std::uint32_t d = low; d < high; ++d) {
    const std::uint32_t receipt = first.first_receipt[d];
    if (receipt == kNoRow || receipt == kDuplicateRow) {
      for (; other != second.end() && other->delivery == d; ++other) {
        emit(d, other->receipt, MatchRule::case_line_quantity);
      }
      continue;
    }
    emit(d, receipt, MatchRule::document_number);
    for (; further != first.further_receipts.end() && further->delivery == d; ++further) {
      emit(d, further->receipt, MatchRule::document_number);
    }
  }
}

std::vector<Match> write_matches(const RowSpace& deliveries, const RowSpace& receipts,
                                 const DocumentNumberMatches& first,
                                 const std::vector<RowPair>& second) {
  std::array<std::size_t, kWorkers + 1> offset{};
  for_each_worker(deliveries.size(), [&](std::size_t worker) {
    std::size_t count = 0;
    for_each_match(worker_begin(worker, deliveries.size()),
                   worker_begin(worker + 1, deliveries.size()), first, second,
                   [&](std::uint32_t, std::uint32_t, MatchRule) { ++count; });
    offset[worker + 1] = count;
  });
  for (std::size_t w = 1; w <= kWorkers; ++w) offset[w] += offset[w - 1];

  std::vector<Match> out;
  base::reserve_in_huge_pages(out, offset[kWorkers]);
  out.resize(offset[kWorkers]);
  for_each_worker(deliveries.size(), [&](std::size_t worker) {
    Match* next = out.data() + offset[worker];
    std::uint32_t delivery_hint = 0;
    std::uint32_t receipt_hint = 0;
    for_each_match(
        worker_begin(worker, deliveries.size()), worker_begin(worker + 1, deliveries.size()), first,
        second, [&](std::uint32_t d, std::uint32_t r, MatchRule rule) {
          const RowSpace::Location shipped = deliveries.locate(d, delivery_hint);
          const RowSpace::Location received = receipts.locate(r, receipt_hint);
          *next++ = Match{shipped.document, shipped.row, received.document, received.row, rule};
        });
  });
  return out;
}

}  // namespace

std::vector<Match> match(const Portfolio& portfolio, const Rules& rules) {
  require_consistent_columns(portfolio);
  const RowSpace deliveries(portfolio.deliveries);
  const RowSpace receipts(portfolio.receipts);
  const LineCatalog catalog(portfolio);

  const DocumentNumberMatches first = match_by_document_number(portfolio, deliveries, receipts);
  const std::vector<RowPair> second = match_by_case_line_quantity(
      unmatched_originals(portfolio, deliveries, catalog, first.first_receipt),
      unmatched_receipts(portfolio, receipts, catalog, first.receipt_matched),
      rules.receipt_window_days);
  return write_matches(deliveries, receipts, first, second);
}

}  // namespace fms::recon
