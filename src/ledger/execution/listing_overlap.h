// Whether a delivery listing is a probable corrected re-issue of one already recorded
// (docs/formats/delivery-listing.md, "Re-import and supersession"): a corrected listing imported
// without --supersedes would have every shipment counted twice.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "core/execution.h"
#include "ledger/execution/execution_book.h"
#include "store/store.h"

namespace fms::ledger {

// Refuses `rows` when more than half of its distinct document numbers are in one active
// listing of `others` (not `replaced`) that shares one of `cases`, naming that listing and the
// options that resolve it; Ok when `additional` says the file adds to it.
Status check_listing_overlap(store::Store& store, const DeliveryListing& rows,
                             const std::string& source,
                             const std::vector<const ExecutionDocument*>& others,
                             const ExecutionDocument* replaced,
                             const std::vector<std::string>& cases, bool additional);

}  // namespace fms::ledger
