// Case-level discrepancies, from the bills (DD 645), the payments and the payment schedule:
//
//   billed-not-delivered / delivered-not-billed  the latest bill's cumulative delivered value
//                                                against the deliveries listed up to its date
//   paid-ahead-of-bill                           paid more than billed or scheduled to date
//   and the money checks of recon/money_checks.h (statements, payments, deposit, case value,
//   settlement)
#pragma once

#include <vector>

#include "recon/classify_context.h"
#include "recon/findings.h"

namespace fms::recon {

// Per catalog id of a case entry: the case row (line "") of the case's latest active bill by
// statement date on or before as_of; on equal dates the later document in portfolio order (then
// the later row) wins. A statement dated after as_of did not exist yet on that date.
std::vector<const BillRow*> latest_case_bills(const Portfolio& portfolio,
                                              const LineCatalog& catalog, const CivilDate& as_of);

void check_cases(const ClassifyContext& context, const OriginalTotals& totals, Findings& findings);

}  // namespace fms::recon
