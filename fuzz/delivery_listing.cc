// The delivery listing importer (io/execution_csv.h) on any bytes, against the built-in
// reference data. Checked on every input:
//  - a refusal is invalid input;
//  - the file with CRLF line ends, or with a byte order mark, reads alike;
//  - a listing read has columns of one length, dictionary indexes in range, quantities and
//    values within the documented limits (not both zero), shipped by the quarter reported, known
//    Delivery Term Codes and source lines that increase from line 2; transaction types and SDR
//    numbers as docs/formats/delivery-listing.md allows them;
//  - for one input in sixteen, its rows repeated past the size where the file is parsed in
//    chunks on several threads read exactly as on one thread (refusals included).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/execution.h"
#include "fuzz_support.h"
#include "io/execution_csv.h"

namespace {

using fms::DeliveryListing;
using fms::fuzz::check;

const std::string kSource = "fuzz-deliveries.csv";

fms::Result<DeliveryListing> parse(std::string_view text, unsigned threads) {
  return fms::io::parse_delivery_listing(text, kSource, fms::fuzz::reference(),
                                         fms::io::CsvParseOptions{threads});
}

void check_listing(const DeliveryListing& listing) {
  const std::size_t rows = listing.size();
  check(rows > 0, "a listing read has rows");
  check(listing.document_number.size() == rows && listing.line.size() == rows &&
            listing.quantity.size() == rows && listing.value_cents.size() == rows &&
            listing.term_code.size() == rows && listing.tcn.size() == rows &&
            listing.reporting_quarter_end.size() == rows && listing.source_line.size() == rows,
        "every column of a listing has one value per row");
  check(listing.transaction.empty() == (listing.sdr.size() == 0) &&
            (listing.transaction.empty() ||
             (listing.transaction.size() == rows && listing.sdr.size() == rows)),
        "the transaction columns are both absent or both one value per row");
  check(!listing.has_transactions() ||
            std::any_of(listing.transaction.begin(), listing.transaction.end(),
                        [](std::uint8_t t) { return t != 0; }),
        "a listing of shipments only is held without the transaction columns");
  for (const std::string& code : listing.term_codes) {
    check(fms::fuzz::reference().delivery_term_codes.count(code) == 1,
          "a Delivery Term Code read is a known one", code);
  }
  for (std::size_t i = 0; i < rows; ++i) {
    check(listing.line[i] < listing.line_keys.size(), "a row's case line is in the dictionary");
    check(listing.term_code[i] < listing.term_codes.size(),
          "a row's Delivery Term Code is in the dictionary");
    check(listing.quantity[i] >= 0 && listing.quantity[i] <= fms::kMaxRowQuantity,
          "a quantity read is within 0..999,999,999");
    check(listing.value_cents[i] >= 0 && listing.value_cents[i] <= fms::kMaxRowValueCents,
          "a value read is within its limits");
    const fms::DeliveryTransaction type = listing.transaction_of(i);
    check(listing.quantity[i] != 0 || listing.value_cents[i] != 0 ||
              type == fms::DeliveryTransaction::adjustment_reply,
          "a row's quantity and value are not both zero, except in a reply");
    check(static_cast<std::uint8_t>(type) < fms::kDeliveryTransactionCount,
          "a transaction type read is a known one");
    check(listing.sdr_of(i).empty() || fms::may_answer_sdr(type),
          "only a credit or a reply names an SDR");
    check(type != fms::DeliveryTransaction::adjustment_reply || !listing.sdr_of(i).empty(),
          "a reply names the SDR it answers");
    check(listing.ship_date[i] <= listing.reporting_quarter_end[i],
          "a row is shipped by the end of its reporting quarter");
    check(!listing.document_number.at(i).empty() &&
              listing.document_number.at(i).size() <= fms::kMaxDocumentNumberBytes,
          "a document number read is 1 to 20 bytes");
    check(listing.tcn.at(i).size() <= fms::kMaxTcnBytes, "a TCN read is at most 17 bytes");
    check(listing.source_line[i] >= 2 &&
              (i == 0 || listing.source_line[i - 1] < listing.source_line[i]),
          "rows come from increasing lines after the header");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fms::fuzz::as_text(data, size);
  const auto listing = parse(text, 1);
  fms::fuzz::check_rewritten_readings(
      text, listing, [](std::string_view rewritten) { return parse(rewritten, 1); },
      [](const DeliveryListing& a, const DeliveryListing& b) { return a == b; });
  if (listing.ok()) {
    check_listing(*listing);
  } else {
    fms::fuzz::check_refusal(listing.error());
  }
  const std::string bulk = fms::fuzz::repeated_rows(text);
  if (!bulk.empty()) {
    fms::fuzz::check_identical(parse(bulk, 1), parse(bulk, 4),
                               "a listing reads alike on one thread and on four");
  }
  return 0;
}
