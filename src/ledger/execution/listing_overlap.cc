// The check of listing_overlap.h. Only listings sharing a case with the new file are read:
// they are the only ones it can repeat.
#include "ledger/execution/listing_overlap.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "base/short_hash.h"
#include "store/segment_codec.h"

namespace fms::ledger {

Status check_listing_overlap(store::Store& store, const DeliveryListing& rows,
                             const std::string& source,
                             const std::vector<const ExecutionDocument*>& others,
                             const ExecutionDocument* replaced,
                             const std::vector<std::string>& cases, bool additional) {
  if (additional || rows.size() == 0) return Status::Ok();
  // Only shipments are compared: a credit or charge names the document number of the shipment
  // it concerns, which an earlier listing reported.
  const auto shipment = [](const DeliveryListing& listing, std::size_t i) {
    return listing.transaction_of(i) == DeliveryTransaction::shipment;
  };
  std::unordered_set<std::string_view> numbers;
  numbers.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (shipment(rows, i)) numbers.insert(rows.document_number.at(i));
  }
  if (numbers.empty()) return Status::Ok();
  const auto shares_a_case = [&](const ExecutionDocument& other) {
    return std::any_of(other.record.cases.begin(), other.record.cases.end(),
                       [&](const std::string& c) {
                         return std::find(cases.begin(), cases.end(), c) != cases.end();
                       });
  };
  for (const ExecutionDocument* other : others) {
    if (other == replaced || !other->record.segment || !shares_a_case(*other)) continue;
    FMS_ASSIGN_OR_RETURN(SharedBytes bytes, store.read_segment(*other->record.segment));
    FMS_ASSIGN_OR_RETURN(DeliveryListing recorded,
                         store::decode_delivery_segment(std::move(bytes)));
    std::unordered_set<std::string_view> repeated;
    for (std::size_t i = 0; i < recorded.size(); ++i) {
      if (!shipment(recorded, i)) continue;
      const std::string_view number = recorded.document_number.at(i);
      if (numbers.count(number) != 0) repeated.insert(number);
    }
    if (repeated.size() * 2 <= numbers.size()) continue;
    const std::string doc = base::short_hash(other->record.content_hash);
    return Error::conflict(
               source + ": " + std::to_string(repeated.size()) + " of the " +
               std::to_string(numbers.size()) +
               " document numbers of this listing are already recorded in delivery listing " + doc +
               " (" + other->record.source + ", recorded " + other->recorded_at + " by " +
               other->actor + "). A corrected listing replaces it: import with " +
               mention("supersedes") + " " + doc + " " + mention("reason") +
               " \"...\". A listing that adds to it is imported with " + mention("additional") +
               ".")
        .concerning("supersedes");
  }
  return Status::Ok();
}

}  // namespace fms::ledger
