// The receipt inspections importer (io/execution_csv.h) on any bytes. Checked on every input:
//  - a refusal is invalid input;
//  - the file with CRLF line ends, or with a byte order mark, reads alike;
//  - receipts read have columns of one length, dictionary indexes in range, at least one item
//    received and accepted + rejected = received, fields within their lengths, unique receipt
//    ids and source lines that increase from line 2;
//  - for one input in sixteen, its rows repeated past the size where the file is parsed in
//    chunks on several threads read exactly as on one thread (refusals included).
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "core/execution.h"
#include "fuzz_support.h"
#include "io/execution_csv.h"

namespace {

using fms::ReceiptInspections;
using fms::fuzz::check;

const std::string kSource = "fuzz-receipts.csv";

fms::Result<ReceiptInspections> parse(std::string_view text, unsigned threads) {
  return fms::io::parse_receipts(text, kSource, fms::io::CsvParseOptions{threads});
}

void check_receipts(const ReceiptInspections& receipts) {
  const std::size_t rows = receipts.size();
  check(rows > 0, "receipts read have rows");
  check(receipts.receipt_id.size() == rows && receipts.document_number.size() == rows &&
            receipts.line.size() == rows && receipts.quantity_received.size() == rows &&
            receipts.quantity_accepted.size() == rows &&
            receipts.quantity_rejected.size() == rows && receipts.condition.size() == rows &&
            receipts.inspector.size() == rows && receipts.source_line.size() == rows,
        "every column of the receipts has one value per row");
  std::set<std::string_view> ids;
  for (std::size_t i = 0; i < rows; ++i) {
    check(receipts.line[i] < receipts.line_keys.size(), "a row's case line is in the dictionary");
    check(receipts.inspector[i] < receipts.inspectors.size(),
          "a row's inspector is in the dictionary");
    check(receipts.quantity_received[i] >= 1 && receipts.quantity_accepted[i] >= 0 &&
              receipts.quantity_rejected[i] >= 0 &&
              std::int64_t{receipts.quantity_accepted[i]} + receipts.quantity_rejected[i] ==
                  receipts.quantity_received[i],
          "received from 1, accepted + rejected = received, none below zero");
    const std::string_view id = receipts.receipt_id.at(i);
    check(!id.empty() && id.size() <= fms::kMaxReceiptIdBytes,
          "a receipt id read is 1 to 32 bytes");
    check(ids.insert(id).second, "receipt ids read are unique", id);
    check(receipts.document_number.at(i).size() <= fms::kMaxDocumentNumberBytes,
          "a document number read is at most 20 bytes");
    check(receipts.condition.at(i).size() <= fms::kMaxConditionBytes,
          "a condition read is at most 200 bytes");
    check(receipts.source_line[i] >= 2 &&
              (i == 0 || receipts.source_line[i - 1] < receipts.source_line[i]),
          "rows come from increasing lines after the header");
  }
  for (const std::string& inspector : receipts.inspectors) {
    check(inspector.size() <= fms::kMaxInspectorBytes, "an inspector read is at most 64 bytes");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fms::fuzz::as_text(data, size);
  const auto receipts = parse(text, 1);
  fms::fuzz::check_rewritten_readings(
      text, receipts, [](std::string_view rewritten) { return parse(rewritten, 1); },
      [](const ReceiptInspections& a, const ReceiptInspections& b) { return a == b; });
  if (receipts.ok()) {
    check_receipts(*receipts);
  } else {
    fms::fuzz::check_refusal(receipts.error());
  }
  const std::string bulk = fms::fuzz::repeated_rows(text);
  if (!bulk.empty()) {
    fms::fuzz::check_identical(parse(bulk, 1), parse(bulk, 4),
                               "receipts read alike on one thread and on four");
  }
  return 0;
}
