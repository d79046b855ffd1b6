// The buyer's receipt inspection records (受領検査調書; docs/formats/receipts.md): what
// arrived, marked with the shipment's document number, how much was accepted or rejected and
// by whom.
//
// Read like the delivery listing (see delivery_listing_csv.cc): chunks parsed in parallel unless
// the file has quoted fields, merged in file order with dictionary indexes translated. Receipt
// ids must be unique in the file, which only the merged result can tell, so repeats are looked
// for after the merge.
#include <array>
#include <functional>
#include <string>

#include "io/csv_dictionary.h"
#include "io/csv_import.h"
#include "io/execution_csv.h"

namespace fms::io {
namespace csv {
namespace {

enum ReceiptColumn : std::size_t {
  kReceiptId,
  kDocumentNumber,
  kCaseId,
  kLine,
  kReceivedDate,
  kQuantityReceived,
  kQuantityAccepted,
  kQuantityRejected,
  kCondition,
  kInspector,
  kColumnCount,
};

constexpr std::array<Column, kColumnCount> kColumns{{
    {"receipt_id"},
    {"document_number"},
    {"case_id"},
    {"line"},
    {"received_date"},
    {"quantity_received"},
    {"quantity_accepted"},
    {"quantity_rejected"},
    {"condition"},
    {"inspector"},
}};

// The shortest valid row: one-character receipt id, quantities and inspector, no document
// number or condition, nine commas and a line feed. Room for rows is reserved on this basis.
constexpr std::size_t kMinRowBytes = 1 + 8 + 3 + 10 + 1 + 1 + 1 + 1 + 9 + 1;

class ChunkParser {
 public:
  ChunkParser(const Table& table, Chunk<ReceiptInspections>& chunk)
      : table_(table),
        chunk_(chunk),
        rows_(chunk.rows),
        line_keys_(chunk.rows.line_keys),
        inspectors_(chunk.rows.inspectors) {}

  void parse() {
    reserve();
    chunk_.loop = for_each_row(chunk_.text, chunk_.first_line, table_.field_count,
                               chunk_.quoted_fields, chunk_.log,
                               [this](std::span<const std::string_view> fields,
                                      std::uint32_t line) { parse_row(fields, line); });
  }

 private:
  void reserve() {
    const std::size_t rows = chunk_.capacity_rows;
    const std::size_t bytes = chunk_.capacity_bytes;
    reserve_strings(rows_.receipt_id, rows, kMaxReceiptIdBytes, bytes);
    reserve_strings(rows_.document_number, rows, kMaxDocumentNumberBytes, bytes);
    reserve_strings(rows_.condition, rows, kMaxConditionBytes, bytes);
    reserve_column(rows_.line, rows);
    reserve_column(rows_.received_date, rows);
    reserve_column(rows_.quantity_received, rows);
    reserve_column(rows_.quantity_accepted, rows);
    reserve_column(rows_.quantity_rejected, rows);
    reserve_column(rows_.inspector, rows);
    reserve_column(rows_.source_line, rows);
  }

  void parse_row(std::span<const std::string_view> fields, std::uint32_t line) {
    const auto at = [&](ReceiptColumn column) {
      return Field{chunk_.log, line, kColumns[column].name, fields[table_.position[column]]};
    };
    bool ok = read_identifier(at(kReceiptId), kReceiptIdRule);
    const Field document = at(kDocumentNumber);
    if (!document.text.empty()) ok = read_identifier(document, kDocumentNumberRule) && ok;
    const Field case_field = at(kCaseId);
    const Field line_field = at(kLine);
    const std::optional<std::uint32_t> line_key =
        line_keys_.index(case_field.text, line_field.text, [&](std::string_view, std::string_view) {
          const bool case_ok = read_case_id_shape(case_field);
          return read_line_number(line_field) && case_ok;
        });
    DateValue received_date;
    ok = read_date(at(kReceivedDate), received_date, received_dates_) && ok;
    std::int64_t received = 0;
    std::int64_t accepted = 0;
    std::int64_t rejected = 0;
    const bool received_ok = read_whole_number(at(kQuantityReceived), 1, kMaxRowQuantity, received);
    const bool accepted_ok = read_whole_number(at(kQuantityAccepted), 0, kMaxRowQuantity, accepted);
    const bool rejected_ok = read_whole_number(at(kQuantityRejected), 0, kMaxRowQuantity, rejected);
    if (received_ok && accepted_ok && rejected_ok && accepted + rejected != received) {
      at(kQuantityRejected).fail([&] {
        return "quantity_accepted " + std::to_string(accepted) + " + quantity_rejected " +
               std::to_string(rejected) + " = " + std::to_string(accepted + rejected) +
               ", not quantity_received " + std::to_string(received) +
               "; every item received is either accepted or rejected";
      });
      ok = false;
    }
    ok = read_text(at(kCondition), 0, kMaxConditionBytes, true) && ok;
    const Field inspector_field = at(kInspector);
    const std::optional<std::uint32_t> inspector = inspectors_.index(
        inspector_field.text,
        [&](std::string_view) { return read_text(inspector_field, 1, kMaxInspectorBytes, false); });
    ok = ok && line_key && received_ok && accepted_ok && rejected_ok && inspector;
    if (!ok) return;

    rows_.receipt_id.push(fields[table_.position[kReceiptId]]);
    rows_.document_number.push(document.text);
    rows_.line.push_back(*line_key);
    rows_.received_date.push_back(received_date.serial);
    rows_.quantity_received.push_back(static_cast<std::int32_t>(received));
    rows_.quantity_accepted.push_back(static_cast<std::int32_t>(accepted));
    rows_.quantity_rejected.push_back(static_cast<std::int32_t>(rejected));
    rows_.condition.push(fields[table_.position[kCondition]]);
    rows_.inspector.push_back(*inspector);
    rows_.source_line.push_back(line);
  }

  const Table& table_;
  Chunk<ReceiptInspections>& chunk_;
  ReceiptInspections& rows_;
  LineKeyDictionary line_keys_;
  TextDictionary inspectors_;
  DateMemo received_dates_;
};

void merge(ReceiptInspections& into, std::span<Chunk<ReceiptInspections>> chunks,
           std::span<const std::uint32_t> line_offsets, unsigned threads) {
  if (chunks.empty()) return;
  using R = ReceiptInspections;
  const auto line_keys = merge_dictionaries(&R::line_keys, into, chunks);
  const auto inspectors = merge_dictionaries(&R::inspectors, into, chunks);
  const std::array<std::function<void()>, 10> columns{
      [&] { append_strings(&R::receipt_id, into, chunks); },
      [&] { append_strings(&R::document_number, into, chunks); },
      [&] { append_strings(&R::condition, into, chunks); },
      [&] { append_translated(&R::line, into, chunks, line_keys); },
      [&] { append_translated(&R::inspector, into, chunks, inspectors); },
      [&] { append_column(&R::received_date, into, chunks); },
      [&] { append_column(&R::quantity_received, into, chunks); },
      [&] { append_column(&R::quantity_accepted, into, chunks); },
      [&] { append_column(&R::quantity_rejected, into, chunks); },
      [&] { append_lines(&R::source_line, into, chunks, line_offsets); },
  };
  base::run_tasks(columns, threads);
}

}  // namespace

Result<ReceiptInspections> parse_receipts(std::string_view text, std::string_view source,
                                          const CsvParseOptions& options, const Limits& limits) {
  ProblemLog log;
  Table table;
  if (!open_table(text, kColumns, limits, log, table)) return log.to_error(source);
  std::size_t rows = 0;
  ReceiptInspections receipts = parse_bulk<ReceiptInspections>(
      table, options.threads, kMinRowBytes, log, rows,
      [&](Chunk<ReceiptInspections>& chunk) { ChunkParser(table, chunk).parse(); }, merge);
  check_row_count(rows, limits, log);
  report_repeats(receipts.receipt_id, receipts.source_line, kColumns[kReceiptId].name,
                 thread_count(options.threads), log);
  if (!log.empty()) return log.to_error(source);
  return receipts;
}

}  // namespace csv

Result<ReceiptInspections> parse_receipts(std::string_view text, std::string_view source,
                                          const CsvParseOptions& options) {
  return csv::parse_receipts(text, source, options, csv::kBulkLimits);
}

}  // namespace fms::io
