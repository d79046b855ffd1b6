// Validating, ordering and counting the matches.
#include "recon/match_set.h"

#include <algorithm>
#include <tuple>

#include "base/huge_pages.h"

namespace fms::recon {
namespace {

auto rows_of(const Match& m) {
  return std::tie(m.delivery_document, m.delivery_row, m.receipt_document, m.receipt_row);
}

template <typename Rows>
bool refers_to_row(const std::vector<Document<Rows>>& documents, std::uint32_t document,
                   std::uint32_t row) {
  return document < documents.size() && documents[document].rows != nullptr &&
         row < documents[document].rows->size();
}

}  // namespace

MatchSet::MatchSet(const Portfolio& portfolio, const std::vector<Match>& matches,
                   const RowSpace& deliveries, const RowSpace& receipts) {
  const auto usable = [&](const Match& m) {
    return refers_to_row(portfolio.deliveries, m.delivery_document, m.delivery_row) &&
           refers_to_row(portfolio.receipts, m.receipt_document, m.receipt_row);
  };
  bool canonical = true;
  for (std::size_t i = 0; i < matches.size() && canonical; ++i) {
    canonical = usable(matches[i]) && (i == 0 || rows_of(matches[i - 1]) < rows_of(matches[i]));
  }
  if (canonical) {
    matches_ = matches;
  } else {
    std::copy_if(matches.begin(), matches.end(), std::back_inserter(repaired_), usable);
    std::sort(repaired_.begin(), repaired_.end());
    repaired_.erase(
        std::unique(repaired_.begin(), repaired_.end(),
                    [](const Match& a, const Match& b) { return rows_of(a) == rows_of(b); }),
        repaired_.end());
    matches_ = repaired_;
  }

  receipt_matches_ = base::filled_in_huge_pages(receipts.size(), std::uint8_t{0});
  std::uint32_t next_delivery = 0;
  for (const Match& m : matches_) {
    std::uint8_t& count = receipt_matches_[receipts.global(m.receipt_document, m.receipt_row)];
    if (count < 2) ++count;
    const std::uint32_t delivery = deliveries.global(m.delivery_document, m.delivery_row);
    for (; next_delivery < delivery; ++next_delivery) {
      unmatched_deliveries_.push_back(next_delivery);
    }
    next_delivery = std::max(next_delivery, delivery + 1);
  }
  for (; next_delivery < deliveries.size(); ++next_delivery) {
    unmatched_deliveries_.push_back(next_delivery);
  }
}

}  // namespace fms::recon
