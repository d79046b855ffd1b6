// The seller's answers to an SDR as its delivery listings carry them: a credit or a reply to an
// adjustment request naming the SDR (docs/formats/delivery-listing.md, "Transaction types").
// Shown with the SDR, so what the seller credited on its records stands next to what the
// purchaser recorded as granted.
#pragma once

#include <cstdint>
#include <string>

#include "core/civil_date.h"
#include "core/execution.h"

namespace fms::ledger {

struct ListingAnswer {
  std::string listing;  // the listing's short id (documents list it)
  std::string source;   // the file it was imported from
  std::uint32_t source_line = 0;
  std::string sdr;  // as the row names it: the SDR number, with the suffix of its stage
  DeliveryTransaction type = DeliveryTransaction::shipment_credit;
  std::string line;  // the case line the row is on
  std::string document_number;
  CivilDate date;  // the row's ship or performance date
  std::int64_t quantity = 0;
  std::int64_t value_cents = 0;
};

}  // namespace fms::ledger
