// Row-level discrepancies: one pass over the delivery rows with their matches, one over the
// receipts, and the few receipts matched to several deliveries in between.
//
//   shipped-not-received    an original with no match, shipped more than
//                           shipped_not_received_days before as_of
//   duplicate-document      a delivery row repeating an earlier row's document number
//   received-not-reported   a receipt with no match
//   quantity-short / -over  a group whose received total differs from its delivered total
//   rejected-on-inspection  a receipt with rejected units
//   line-mismatch           a document-number match whose receipt names another case line
//   value-mismatch          an original whose value is off the LOA price beyond the tolerance
//
// The pass also adds up the originals per line and per case for the line and case checks.
#pragma once

#include "recon/classify_context.h"
#include "recon/findings.h"
#include "recon/match_set.h"

namespace fms::recon {

OriginalTotals check_rows(const ClassifyContext& context, const MatchSet& matches,
                          Findings& findings);

}  // namespace fms::recon
