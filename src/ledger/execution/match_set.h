// The match set a reconciliation run records: every (delivery row, receipt row) pair it matched
// and by which rule, stored as one immutable columnar segment (kind "match set",
// docs/formats/segment.md). Documents are referred to by their position in the run's
// "deliveries" / "receipts" lists, rows by their position in the document.
#pragma once

#include <string_view>
#include <vector>

#include "base/result.h"
#include "recon/recon.h"
#include "store/segment_codec.h"

namespace fms::ledger {

store::EncodedSegment encode_match_set(const std::vector<recon::Match>& matches);
// Refuses malformed bytes and rule codes it does not know.
Result<std::vector<recon::Match>> decode_match_set(SharedBytes bytes);

}  // namespace fms::ledger
