// The synthetic portfolio the benchmark generator builds, before it is written out.
//
// A portfolio is a set of implemented cases, each with per-unit LOA lines, plus the seller's
// delivery listing and the buyer's receipt inspections for them. Every delivery row is built
// for one intended reconciliation outcome (its Injection): most rows simply match a receipt
// by document number; a few percent are built to produce exactly one discrepancy, or one of
// the benign situations the matcher must resolve (a shipment received in parts, a receipt
// without document number). The ground truth is derived from these intentions, so the rows
// are kept compact: document numbers and receipt ids are formatted only when written.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/execution.h"

namespace fms::bench {

// The receiving inspectors who sign the receipts, and the remarks written on rejections.
inline constexpr std::array<std::string_view, 6> kInspectors{"Tanaka", "Suzuki", "Sato",
                                                             "Ito",    "Kato",   "Mori"};
inline constexpr std::array<std::string_view, 5> kConditionRemarks{
    "damaged in transit", "corrosion on receipt", "wrong part number marked",
    "missing test certificate", "shelf life expired"};

// One per-unit line of a benchmark case.
struct BenchLine {
  std::uint32_t case_index = 0;
  std::string number;  // "001"
  std::int64_t unit_cost_cents = 0;
  std::string delivery_term_code;       // "4", printed on every delivery row of the line
  std::int64_t delivered_quantity = 0;  // sum over original delivery rows, set while planning
  int next_quantity_key = 0;            // matched_by_quantity rows given a quantity so far
};

// One benchmark case: identifier, the prefix of its MILSTRIP document numbers and its dates.
struct BenchCase {
  std::string case_id;          // "JA-P-K00"
  std::string document_prefix;  // 6 characters: "JAPK00"
  CivilDate offer;
  CivilDate acceptance;
  CivilDate implemented;
  CivilDate first_shipment;      // no delivery is dated earlier
  std::uint32_t first_line = 0;  // index of its first line in Portfolio::lines
  std::uint32_t line_count = 0;
  std::uint32_t next_serial = 0;          // document numbers issued so far
  std::uint32_t next_unknown_serial = 0;  // numbers issued that match no delivery
};

// The outcome a delivery row (and the receipts made for it) was built to produce.
enum class Injection : std::uint8_t {
  none,                    // one receipt under its document number; quantities agree
  received_in_parts,       // 2-3 receipts under its document number adding up (benign)
  matched_by_quantity,     // one receipt without document number, found by quantity (benign)
  recent_unreceived,       // no receipt; shipped too recently to be a discrepancy (benign)
  shipped_not_received,    // no receipt; shipped long enough ago to be a discrepancy
  quantity_short,          // the receipt counts fewer than delivered
  quantity_over,           // the receipt counts more than delivered
  rejected_on_inspection,  // the receipt rejects part of the shipment
  line_mismatch,           // the receipt names another line of the case
  value_mismatch,          // the delivery's value is far from quantity x LOA unit cost
  duplicate_document,      // the listing reports the same document number again, later
};

struct DeliveryRow {
  std::uint32_t line_index = 0;  // into Portfolio::lines
  std::int32_t ship_date = 0;    // CivilDate serial
  std::int32_t reporting_quarter_end = 0;
  std::int32_t quantity = 0;
  std::int64_t value_cents = 0;
  std::uint32_t serial = 0;    // document number = case prefix + Julian ship date + serial
  std::uint32_t sequence = 0;  // creation order; breaks ties when sorting
  std::uint64_t tcn_bits = 0;  // 0: no transportation control number
  Injection injection = Injection::none;
  bool duplicate = false;  // the second report of a document number
};

// Whose document number a receipt carries.
enum class ReceiptMarking : std::uint8_t {
  delivery,  // the number of the delivery it was made for
  none,      // no document number
  unknown,   // a number no delivery row has (its designator starts with 'X', never a case's)
};

struct ReceiptRow {
  std::uint32_t line_index = 0;  // the case line the receipt names
  std::int32_t received_date = 0;
  std::int32_t quantity_received = 0;
  std::int32_t quantity_rejected = 0;
  // The document number it carries (unless ReceiptMarking::none): the case whose prefix it has,
  // the date in its Julian part and its serial.
  std::uint32_t document_case = 0;
  std::int32_t document_date = 0;
  std::uint32_t document_serial = 0;
  std::uint32_t sequence = 0;
  std::uint8_t condition = 0;  // 0: none; else index + 1 into the condition remarks
  std::uint8_t inspector = 0;  // index into kInspectors
  ReceiptMarking marking = ReceiptMarking::delivery;
  bool expected_unmatched = false;  // built to be received-not-reported
};

struct Portfolio {
  CivilDate as_of;
  std::uint64_t seed = 0;
  std::vector<BenchCase> cases;
  std::vector<BenchLine> lines;
  std::vector<DeliveryRow> deliveries;  // in file order once sorted
  std::vector<ReceiptRow> receipts;     // in file order once sorted
};

}  // namespace fms::bench
