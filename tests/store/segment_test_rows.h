// Deterministic delivery listings and receipt inspections shaped like real ones (14-character
// MILSTRIP document numbers, a few thousand line keys, most TCNs empty), for the segment tests.
#pragma once

#include <cstdint>
#include <random>
#include <string>

#include "core/execution.h"

namespace fms::store::test_rows {

inline std::string document_number(std::uint64_t n) {
  std::string text = "JAP";  // customer-country prefix as on Japanese requisitions
  std::string digits = std::to_string(1'000'000'000 + n % 1'000'000'000);
  text += digits.substr(1);
  text += "AB";
  return text;  // 3 + 9 + 2 = 14 characters
}

inline std::vector<LineKey> line_keys(std::size_t count) {
  std::vector<LineKey> keys;
  for (std::size_t i = 0; i < count; ++i) {
    std::string line = std::to_string(1000 + i % 1000).substr(1);  // "000" .. "999"
    keys.push_back(LineKey{"JA-P-" + std::string(1, static_cast<char>('A' + i / 1000 % 26)) + "A" +
                               std::string(1, static_cast<char>('A' + i % 26)),
                           line});
  }
  return keys;
}

inline DeliveryListing delivery_listing(std::size_t rows, std::size_t distinct_lines = 2000,
                                        std::uint32_t seed = 7) {
  std::mt19937_64 random(seed);
  DeliveryListing listing;
  listing.line_keys = line_keys(distinct_lines == 0 ? 1 : distinct_lines);
  listing.term_codes = {"2", "4", "5", "7", "8", "9"};
  listing.document_number.bytes.reserve(rows * 14);
  listing.document_number.ends.reserve(rows);
  for (std::size_t i = 0; i < rows; ++i) {
    const std::uint64_t r = random();
    listing.document_number.push(document_number(r));
    listing.line.push_back(static_cast<std::uint32_t>(r % listing.line_keys.size()));
    listing.ship_date.push_back(19'000 + static_cast<std::int32_t>(r % 1'500));
    listing.quantity.push_back(static_cast<std::int32_t>(r >> 20 & 0xffff));
    listing.value_cents.push_back(static_cast<std::int64_t>(r >> 8 & 0xffffffffff));
    listing.term_code.push_back(static_cast<std::uint16_t>(r % listing.term_codes.size()));
    listing.tcn.push(r % 10 == 0 ? "FB25004123XX01ABC" : "");
    listing.reporting_quarter_end.push_back(19'082);
    listing.source_line.push_back(static_cast<std::uint32_t>(i + 2));
  }
  return listing;
}

inline ReceiptInspections receipts(std::size_t rows, std::uint32_t seed = 11) {
  std::mt19937_64 random(seed);
  ReceiptInspections receipts;
  receipts.line_keys = line_keys(40);
  receipts.inspectors = {"Sato", "Suzuki", "Takahashi"};
  for (std::size_t i = 0; i < rows; ++i) {
    const std::uint64_t r = random();
    receipts.receipt_id.push("R-" + std::to_string(100000 + i));
    receipts.document_number.push(r % 5 == 0 ? "" : document_number(r));
    receipts.line.push_back(static_cast<std::uint32_t>(r % receipts.line_keys.size()));
    receipts.received_date.push_back(19'100 + static_cast<std::int32_t>(r % 400));
    const auto received = static_cast<std::int32_t>(r >> 16 & 0xff);
    const auto rejected = static_cast<std::int32_t>(r >> 24 & 0x3) % (received + 1);
    receipts.quantity_received.push_back(received);
    receipts.quantity_accepted.push_back(received - rejected);
    receipts.quantity_rejected.push_back(rejected);
    receipts.condition.push(rejected > 0 ? "damaged in transit" : "");
    receipts.inspector.push_back(static_cast<std::uint32_t>(r % receipts.inspectors.size()));
    receipts.source_line.push_back(static_cast<std::uint32_t>(i + 2));
  }
  return receipts;
}

}  // namespace fms::store::test_rows
