// Shipment credits on delivery listings (DeliveryTransaction::shipment_credit) take back part of
// what a line delivered: a shortage the seller accepts, a price it corrects. They are not
// shipments, so they are never matched with receipts; they come off the originals' totals
// before the line and case checks read them, so a credited shortage is no longer a line over
// its quantity, delivered-not-billed, or undelivered past its availability.
//
// A credit on a shipment's document number also settles what reconciliation found wrong with
// that shipment (short, not received, rejected, mispriced), up to the credit's value: the
// amount at stake goes down by it, and a discrepancy credited in full is no longer reported.
#pragma once

#include <vector>

#include "recon/classify_context.h"

namespace fms::recon {

void subtract_listing_credits(const ClassifyContext& context, OriginalTotals& totals);
// `discrepancies` in their sorted order; credits are applied in that order.
void settle_by_credits(const Portfolio& portfolio, std::vector<Discrepancy>& discrepancies);

}  // namespace fms::recon
