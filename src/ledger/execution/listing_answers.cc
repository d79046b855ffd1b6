// ExecutionLedger::listing_answers: the rows of the active listings of one case that name an
// SDR of it. Only the listings naming the case are read.
#include "ledger/execution/listing_answers.h"

#include "base/short_hash.h"
#include "core/sdr.h"
#include "ledger/execution/execution_ledger.h"
#include "store/segment_codec.h"

namespace fms::ledger {
namespace {

// Whether `named` (as a listing row gives it) is the SDR `base` at any stage.
bool names_sdr(std::string_view named, std::string_view sdr_base) {
  const Result<SdrNumber> number = SdrNumber::parse(named);
  return number.ok() && number->base() == sdr_base;
}

void add_answers(const DeliveryListing& rows, const ExecutionDocument& document,
                 const std::string& case_id, std::string_view sdr_base,
                 std::vector<ListingAnswer>& out) {
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string_view sdr = rows.sdr_of(i);
    if (sdr.empty() || !names_sdr(sdr, sdr_base)) continue;
    const LineKey& key = rows.line_keys[rows.line[i]];
    if (key.case_id != case_id) continue;
    ListingAnswer answer;
    answer.listing = base::short_hash(document.record.content_hash);
    answer.source = document.record.source;
    answer.source_line = rows.source_line[i];
    answer.sdr = std::string(sdr);
    answer.type = rows.transaction_of(i);
    answer.line = key.line;
    answer.document_number = std::string(rows.document_number.at(i));
    answer.date = CivilDate::from_serial(rows.ship_date[i]);
    answer.quantity = rows.quantity[i];
    answer.value_cents = rows.value_cents[i];
    out.push_back(std::move(answer));
  }
}

}  // namespace

Result<std::vector<ListingAnswer>> ExecutionLedger::listing_answers(const std::string& case_id,
                                                                    const std::string& sdr_base) {
  FMS_ASSIGN_OR_RETURN(ExecutionBook book, load());
  std::vector<ListingAnswer> out;
  for (const ExecutionDocument* document : book.active(ExecutionKind::delivery_listing)) {
    if (!document->names_case(case_id)) continue;
    FMS_ASSIGN_OR_RETURN(SharedBytes bytes, store_.read_segment(document->record.content_hash));
    FMS_ASSIGN_OR_RETURN(DeliveryListing rows, store::decode_delivery_segment(std::move(bytes)));
    if (rows.has_transactions()) add_answers(rows, *document, case_id, sdr_base, out);
  }
  return out;
}

}  // namespace fms::ledger
