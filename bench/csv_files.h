// Writes the benchmark's delivery listing and receipt inspections as CSV.
//
// Columns (header line first, fields never quoted: no value contains a comma or a quote):
//   deliveries.csv: document_number,case_id,line,ship_date,quantity,value_usd,
//                   delivery_term_code,tcn,reporting_quarter_end
//   receipts.csv:   receipt_id,document_number,case_id,line,received_date,quantity_received,
//                   quantity_accepted,quantity_rejected,condition,inspector
// Money is written "1234.50" (USD, two decimals), dates "YYYY-MM-DD". Document numbers are
// 14 characters A-Z0-9 (MILSTRIP): the case's 6-character prefix, the Julian ship date and a
// 4-character base-36 serial. Receipt ids are "R" and the receipt's position in the file.
#pragma once

#include <array>
#include <string>

#include "base/result.h"
#include "bench_portfolio.h"
#include "calendar_table.h"

namespace fms::bench {

inline constexpr std::size_t kDocumentNumberBytes = 14;
inline constexpr std::size_t kReceiptIdDigits = 7;  // more only when the file has more rows

// The document number of a delivery row (or the number a receipt carries).
std::array<char, kDocumentNumberBytes> document_number(const BenchCase& bench_case,
                                                       std::string_view julian_date,
                                                       std::uint32_t serial, bool unknown);
// "R0000042" for the receipt at position 42 of a file of `receipt_count` rows.
std::string receipt_id(std::size_t position, std::size_t receipt_count);

Status write_deliveries_csv(const std::string& path, const Portfolio& portfolio,
                            const CalendarTable& calendar);
Status write_receipts_csv(const std::string& path, const Portfolio& portfolio,
                          const CalendarTable& calendar);

}  // namespace fms::bench
