// The shape reconciliation relies on: every column of a columnar document has one entry per row,
// and every row's line index points into its document's dictionary. The importers build documents
// that way; a portfolio that breaks it is a programming error, so the check aborts with the
// reason instead of reading out of bounds.
#pragma once

#include "recon/recon.h"

namespace fms::recon {

void require_consistent_columns(const Portfolio& portfolio);

}  // namespace fms::recon
