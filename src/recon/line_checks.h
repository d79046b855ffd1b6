// Line-level discrepancies, from the originals' totals per case line:
//
//   delivered-beyond-line-quantity      more delivered on a line than the LOA line's quantity
//                                       (a line the LOA does not have allows nothing)
//   line-past-availability-undelivered  an implemented case's line not fully delivered although
//                                       its planned availability date has passed
#pragma once

#include "recon/classify_context.h"
#include "recon/findings.h"

namespace fms::recon {

void check_lines(const ClassifyContext& context, const OriginalTotals& totals, Findings& findings);

}  // namespace fms::recon
