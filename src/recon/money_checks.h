// Case-level discrepancies in the money, from the case's financial position
// (core/case_position.h): the purchaser's payments against the seller's quarterly DD 645
// statements, the statements themselves, the initial deposit, the costs against the case value,
// and what a final statement leaves to settle (docs/reconciliation.md, "Money"):
//
//   payment-not-credited     the purchaser paid more by a statement's date than it acknowledges
//   credited-not-recorded    the statement acknowledges payments the purchaser has not recorded
//   statement-overdue        an amount due and payable unpaid after its due date (arrears)
//   statement-missing        a quarter of an implemented case with no DD 645, well after its end
//   deposit-unpaid           the initial deposit, due with acceptance, not (fully) paid
//   case-value-mismatch      the statement's case value is not the LOA's in force
//   cost-near-case-value     costs to date near the case value: an amendment may be needed
//   cost-above-case-value    costs to date above the case value: an amendment is needed
//   past-ssc-unsettled       supply/services complete, no final statement, cash held not zero
//   settlement-outstanding   a final statement's refund or under-collection not yet settled
#pragma once

#include <cstdint>
#include <vector>

#include "recon/classify_context.h"
#include "recon/findings.h"

namespace fms::recon {

void check_money(const ClassifyContext& context, Findings& findings);

}  // namespace fms::recon
