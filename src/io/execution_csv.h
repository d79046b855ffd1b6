// Importers for the execution documents of a case, all CSV (docs/formats/delivery-listing.md,
// receipts.md, dd645-bill.md, payments.md):
//  - the seller's quarterly delivery listing,
//  - the buyer's receipt inspection records,
//  - the quarterly bill (DD Form 645),
//  - the buyer's payments.
//
// Every importer is strict and all-or-nothing: a file with any problem is refused with one
// Error::invalid listing every problem found (up to kMaxReportedProblems), one per line as
//   SOURCE:LINE: field "NAME": PROBLEM
// e.g. deliveries.csv:7: field "quantity": "-3" is not a whole number from 0 to 999,999,999
// LINE is the physical line of the file (the header is line 1) on which the row starts.
// File-level problems (size, encoding, header, row count) name line 1 or the line where found.
//
// Delivery listings and receipts come in millions of rows. Their importers allocate nothing per
// row or field, and split a file without quoted fields into chunks parsed on separate threads;
// the result is identical, byte for byte, to a single-threaded parse.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "base/result.h"
#include "core/execution.h"
#include "core/reference_data.h"

namespace fms::io {

inline constexpr unsigned kMaxParseThreads = 8;

struct CsvParseOptions {
  // Threads for a large file: 0 = std::thread::hardware_concurrency(); at most kMaxParseThreads.
  unsigned threads = 0;
};

// Case identifiers are checked against `reference` (customer and implementing-agency codes) and
// Delivery Term Codes must be in reference.delivery_term_codes.
Result<DeliveryListing> parse_delivery_listing(std::string_view text, std::string_view source,
                                               const ReferenceData& reference,
                                               const CsvParseOptions& options = {});

Result<ReceiptInspections> parse_receipts(std::string_view text, std::string_view source,
                                          const CsvParseOptions& options = {});

// The DD 645 is read through a column map (reference data `dd645_columns`); without one, through
// the canonical headings alone (canonical_statement_columns).
using StatementColumnMap = std::map<std::string, StatementColumn>;
const StatementColumnMap& canonical_statement_columns();
Result<Bill> parse_bill(std::string_view text, std::string_view source);
Result<Bill> parse_bill(std::string_view text, std::string_view source,
                        const StatementColumnMap& columns);

Result<Payments> parse_payments(std::string_view text, std::string_view source);

}  // namespace fms::io
