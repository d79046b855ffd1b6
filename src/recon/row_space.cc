// Global row numbers: locating a global row in its document.
#include "recon/row_space.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace fms::recon {

void die_broken_portfolio(const char* what) {
  std::fprintf(stderr, "fmsledger: reconciliation: broken portfolio: %s\n", what);
  std::abort();
}

RowSpace::Location RowSpace::locate(std::uint32_t global_row) const {
  // The last document whose first row is at or before `global_row`; empty documents share their
  // begin with the next one, and upper_bound skips past them.
  const auto after = std::upper_bound(begins_.begin(), begins_.end() - 1, global_row);
  const auto document = static_cast<std::uint32_t>(after - begins_.begin() - 1);
  return {document, global_row - begins_[document]};
}

}  // namespace fms::recon
