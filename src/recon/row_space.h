// Global row numbers over a list of execution documents.
//
// Reconciliation treats the rows of all active delivery listings (or all receipt files) as one
// sequence, "document order, then row order". A global row number is the position in that
// sequence: the rows of document 0 come first, then those of document 1, and so on. Numbers are
// 32-bit so the per-row working arrays stay small; one value is kept to mean "no row".
#pragma once

#include <cstdint>
#include <vector>

#include "recon/recon.h"

namespace fms::recon {

inline constexpr std::uint32_t kNoRow = 0xFFFF'FFFFU;
// Rows one side of a portfolio may hold in total (all delivery listings, or all receipt files):
// every row needs a 32-bit number, and the top few values are kept as markers (kNoRow, ...).
inline constexpr std::uint64_t kMaxPortfolioRows = 0xFFFF'FFF0U;

// A delivery row paired with a receipt row (global numbers).
struct RowPair {
  std::uint32_t delivery = 0;
  std::uint32_t receipt = 0;
  friend auto operator<=>(const RowPair&, const RowPair&) = default;
};

// Aborts with `what` in the message: for broken preconditions (a portfolio the ledger should
// never build), not for user input.
[[noreturn]] void die_broken_portfolio(const char* what);

class RowSpace {
 public:
  struct Location {
    std::uint32_t document = 0;
    std::uint32_t row = 0;
  };

  template <typename Rows>
  explicit RowSpace(const std::vector<Document<Rows>>& documents) {
    begins_.reserve(documents.size() + 1);
    std::uint64_t total = 0;
    for (const Document<Rows>& document : documents) {
      begins_.push_back(static_cast<std::uint32_t>(total));
      total += document.rows == nullptr ? 0 : document.rows->size();
      if (total > kMaxPortfolioRows) die_broken_portfolio("more rows than kMaxPortfolioRows");
    }
    begins_.push_back(static_cast<std::uint32_t>(total));
  }

  [[nodiscard]] std::uint32_t size() const { return begins_.back(); }
  [[nodiscard]] std::uint32_t document_count() const {
    return static_cast<std::uint32_t>(begins_.size() - 1);
  }
  // Global number of the first row of `document`; begin(document_count()) == size().
  [[nodiscard]] std::uint32_t begin(std::uint32_t document) const { return begins_[document]; }
  [[nodiscard]] std::uint32_t global(std::uint32_t document, std::uint32_t row) const {
    return begins_[document] + row;
  }
  [[nodiscard]] Location locate(std::uint32_t global_row) const;
  // The same, trying `hint` (a document) first: rows looked up in order are found at once.
  [[nodiscard]] Location locate(std::uint32_t global_row, std::uint32_t& hint) const {
    if (hint < document_count() && begins_[hint] <= global_row && global_row < begins_[hint + 1]) {
      return {hint, global_row - begins_[hint]};
    }
    const Location at = locate(global_row);
    hint = at.document;
    return at;
  }

 private:
  std::vector<std::uint32_t> begins_;  // one per document, then the total
};

}  // namespace fms::recon
