// The seller's quarterly delivery listing (docs/formats/delivery-listing.md): one row per
// shipment or performance, by MILSTRIP document number.
//
// How a large listing is read: the file-level checks run once (csv_import.h), the body is split
// into chunks at line starts when it has no quoted field, and each chunk is parsed on its own
// thread into its own columns with its own dictionaries. Chunk 0 becomes the result; the others
// are appended in file order with their dictionary indexes translated and their line numbers
// moved, so dictionaries keep the order of first appearance in the file and the result is the
// same as a single-threaded parse.
#include <algorithm>
#include <array>
#include <functional>
#include <string>

#include "core/case_id.h"
#include "core/sdr.h"
#include "io/csv_dictionary.h"
#include "io/csv_import.h"
#include "io/execution_csv.h"

namespace fms::io {
namespace csv {
namespace {

enum DeliveryColumn : std::size_t {
  kDocumentNumber,
  kCaseId,
  kLine,
  kShipDate,
  kQuantity,
  kValueUsd,
  kDeliveryTermCode,
  kTcn,
  kReportingQuarterEnd,
  kTransactionType,
  kSdr,
  kColumnCount,
};

constexpr std::array<Column, kColumnCount> kColumns{{
    {"document_number"},
    {"case_id"},
    {"line"},
    {"ship_date"},
    {"quantity"},
    {"value_usd"},
    {"delivery_term_code"},
    {"tcn", false},
    {"reporting_quarter_end"},
    {"transaction_type", false},
    {"sdr", false},
}};

// The shortest valid row: one-character document number, quantity, value and code, no TCN
// column, seven commas and a line feed. Room for rows is reserved on this basis.
constexpr std::size_t kMinRowBytes = 1 + 8 + 3 + 10 + 1 + 1 + 1 + 10 + 8;

std::string known_term_codes(const ReferenceData& reference) {
  std::string out;
  for (const auto& [code, entry] : reference.delivery_term_codes) {
    out += out.empty() ? "" : ", ";
    out += code;
  }
  return out.empty() ? "none" : out;
}

class ChunkParser {
 public:
  ChunkParser(const Table& table, const ReferenceData& reference, Chunk<DeliveryListing>& chunk)
      : table_(table),
        reference_(reference),
        chunk_(chunk),
        rows_(chunk.rows),
        line_keys_(chunk.rows.line_keys),
        term_codes_(chunk.rows.term_codes) {}

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
    reserve_strings(rows_.document_number, rows, kMaxDocumentNumberBytes, chunk_.capacity_bytes);
    reserve_strings(rows_.tcn, rows, kMaxTcnBytes, chunk_.capacity_bytes);
    reserve_column(rows_.line, rows);
    reserve_column(rows_.ship_date, rows);
    reserve_column(rows_.quantity, rows);
    reserve_column(rows_.value_cents, rows);
    reserve_column(rows_.term_code, rows);
    reserve_column(rows_.reporting_quarter_end, rows);
    reserve_column(rows_.source_line, rows);
    if (typed()) {
      reserve_column(rows_.transaction, rows);
      reserve_strings(rows_.sdr, rows, kMaxListingSdrBytes, chunk_.capacity_bytes);
    }
  }

  // Whether the file has either column of transaction types; the columns are then filled for
  // every row, and dropped again after the merge if every row turns out to be a shipment.
  bool typed() const {
    return table_.position[kTransactionType] != kAbsent || table_.position[kSdr] != kAbsent;
  }

  Field field(std::span<const std::string_view> fields, std::uint32_t line,
              DeliveryColumn column) const {
    return Field{chunk_.log, line, kColumns[column].name, fields[table_.position[column]]};
  }

  void parse_row(std::span<const std::string_view> fields, std::uint32_t line) {
    const auto at = [&](DeliveryColumn column) { return field(fields, line, column); };
    bool ok = read_identifier(at(kDocumentNumber), kDocumentNumberRule);
    const std::optional<std::uint32_t> line_key = read_line_key(at(kCaseId), at(kLine));
    DateValue ship_date;
    const bool ship_date_ok = read_date(at(kShipDate), ship_date, ship_dates_);
    std::int64_t quantity = 0;
    const bool quantity_ok = read_whole_number(at(kQuantity), 0, kMaxRowQuantity, quantity);
    std::int64_t value_cents = 0;
    const bool value_ok = read_usd_cents(at(kValueUsd), false, value_cents);
    const std::optional<std::uint32_t> term_code = read_term_code(at(kDeliveryTermCode));
    std::string_view tcn;
    if (table_.position[kTcn] != kAbsent) {
      const Field tcn_field = at(kTcn);
      tcn = tcn_field.text;
      if (!tcn.empty()) ok = read_identifier(tcn_field, kTcnRule) && ok;
    }
    DateValue quarter_end;
    const Field quarter_field = at(kReportingQuarterEnd);
    bool quarter_ok = read_date(quarter_field, quarter_end, quarter_ends_);
    if (quarter_ok && !is_quarter_end(quarter_end)) {
      quarter_field.fail([&] {
        return in_quotes(quarter_field.text) +
               " is not the end of a calendar quarter (03-31, 06-30, 09-30 or 12-31)";
      });
      quarter_ok = false;
    }
    if (quarter_ok && ship_date_ok && quarter_end.serial < ship_date.serial) {
      quarter_field.fail([&] {
        return in_quotes(quarter_field.text) + " is before the ship_date " +
               in_quotes(at(kShipDate).text) +
               "; a listing reports shipments up to its quarter end";
      });
      quarter_ok = false;
    }
    const std::optional<DeliveryTransaction> type = read_transaction_type(fields, line);
    if (type && quantity_ok && value_ok) {
      ok = check_amounts(*type, at(kQuantity), quantity, at(kValueUsd), value_cents) && ok;
    }
    std::string_view sdr;
    if (type) ok = read_sdr(fields, line, *type, sdr) && ok;
    ok = ok && type && line_key && ship_date_ok && quantity_ok && value_ok && term_code &&
         quarter_ok;
    if (!ok) return;

    rows_.document_number.push(fields[table_.position[kDocumentNumber]]);
    rows_.line.push_back(*line_key);
    rows_.ship_date.push_back(ship_date.serial);
    rows_.quantity.push_back(static_cast<std::int32_t>(quantity));
    rows_.value_cents.push_back(value_cents);
    rows_.term_code.push_back(static_cast<std::uint16_t>(*term_code));
    rows_.tcn.push(tcn);
    rows_.reporting_quarter_end.push_back(quarter_end.serial);
    rows_.source_line.push_back(line);
    if (typed()) {
      rows_.transaction.push_back(static_cast<std::uint8_t>(*type));
      rows_.sdr.push(sdr);
    }
  }

  // A shipment or its credit reports a quantity, a value or both; a charge or its credit, a
  // value and no quantity; a reply to an adjustment request may state either or neither.
  static bool check_amounts(DeliveryTransaction type, const Field& quantity_field,
                            std::int64_t quantity, const Field& value_field,
                            std::int64_t value_cents) {
    switch (type) {
      case DeliveryTransaction::shipment:
      case DeliveryTransaction::shipment_credit:
        if (quantity != 0 || value_cents != 0) return true;
        value_field.fail([] {
          return std::string(
              "quantity and value_usd are both zero; a delivery row reports a quantity, a value "
              "or both");
        });
        return false;
      case DeliveryTransaction::adjustment_reply:
        return true;
      default:
        break;
    }
    bool ok = true;
    if (quantity != 0) {
      quantity_field.fail([&] {
        return "an " + std::string(to_string(type)) +
               " row carries no quantity; write 0 (a credit for items is a shipment-credit)";
      });
      ok = false;
    }
    if (value_cents == 0) {
      value_field.fail(
          [&] { return "an " + std::string(to_string(type)) + " row of value 0 reports nothing"; });
      ok = false;
    }
    return ok;
  }

  // Empty, or the column left out: a shipment.
  std::optional<DeliveryTransaction> read_transaction_type(std::span<const std::string_view> fields,
                                                           std::uint32_t line) const {
    if (table_.position[kTransactionType] == kAbsent) return DeliveryTransaction::shipment;
    const Field type_field = field(fields, line, kTransactionType);
    if (type_field.text.empty()) return DeliveryTransaction::shipment;
    if (!check_not_padded(type_field)) return std::nullopt;
    const Result<DeliveryTransaction> type = delivery_transaction_from_string(type_field.text);
    if (!type.ok()) {
      type_field.fail([&] { return type.error().message; });
      return std::nullopt;
    }
    return *type;
  }

  // The SDR a credit or reply answers: a well-formed SDR number about this row's case and line
  // (or the case as a whole). A reply must name one; a shipment or charge names none.
  bool read_sdr(std::span<const std::string_view> fields, std::uint32_t line,
                DeliveryTransaction type, std::string_view& out) const {
    const bool has_column = table_.position[kSdr] != kAbsent;
    const std::string_view text = has_column ? fields[table_.position[kSdr]] : std::string_view();
    if (text.empty()) {
      if (type != DeliveryTransaction::adjustment_reply) return true;
      const Field reported =
          has_column ? field(fields, line, kSdr) : field(fields, line, kTransactionType);
      reported.fail([&] {
        return std::string(
            "a reply to an adjustment request names the SDR it answers (column sdr)");
      });
      return false;
    }
    const Field sdr_field = field(fields, line, kSdr);
    if (!check_not_padded(sdr_field)) return false;
    if (!may_answer_sdr(type)) {
      sdr_field.fail([&] {
        return "a row of type " + std::string(to_string(type)) +
               " answers no SDR; only credits and adjustment-reply rows name one";
      });
      return false;
    }
    const Result<SdrNumber> number = SdrNumber::parse(text);
    if (!number.ok()) {
      sdr_field.fail([&] { return number.error().message; });
      return false;
    }
    const std::string_view case_id = fields[table_.position[kCaseId]];
    const std::string_view row_line = fields[table_.position[kLine]];
    const bool same_case = case_id.size() == 8 && case_id.substr(0, 2) == number->country &&
                           case_id.substr(5) == number->designator;
    if (!same_case || (number->line != row_line && number->line != kSdrCaseLevelLine)) {
      sdr_field.fail([&] {
        return "SDR " + in_quotes(text) + " is not about this row's case " + in_quotes(case_id) +
               " line " + in_quotes(row_line) + " (nor the case as a whole, line 000)";
      });
      return false;
    }
    out = text;
    return true;
  }

  std::optional<std::uint32_t> read_line_key(const Field& case_field, const Field& line_field) {
    return line_keys_.index(
        case_field.text, line_field.text, [&](std::string_view, std::string_view) {
          bool valid = check_present(case_field);
          if (valid) {
            const Result<CaseId> id = CaseId::parse(case_field.text, reference_);
            if (!id.ok()) {
              case_field.fail([&] { return id.error().message; });
              valid = false;
            }
          }
          return read_line_number(line_field) && valid;
        });
  }

  std::optional<std::uint32_t> read_term_code(const Field& code_field) {
    return term_codes_.index(code_field.text, [&](std::string_view code) {
      if (!check_present(code_field)) return false;
      if (reference_.delivery_term_codes.count(std::string(code)) == 0) {
        code_field.fail([&] {
          return in_quotes(code) +
                 " is not a known Delivery Term Code; known: " + known_term_codes(reference_);
        });
        return false;
      }
      return true;
    });
  }

  const Table& table_;
  const ReferenceData& reference_;
  Chunk<DeliveryListing>& chunk_;
  DeliveryListing& rows_;
  LineKeyDictionary line_keys_;
  TextDictionary term_codes_;
  DateMemo ship_dates_;
  DateMemo quarter_ends_;
};

void merge(DeliveryListing& into, std::span<Chunk<DeliveryListing>> chunks,
           std::span<const std::uint32_t> line_offsets, unsigned threads) {
  if (chunks.empty()) return;
  using L = DeliveryListing;
  const auto line_keys = merge_dictionaries(&L::line_keys, into, chunks);
  const auto term_codes = merge_dictionaries(&L::term_codes, into, chunks);
  const std::array<std::function<void()>, 11> columns{
      [&] { append_strings(&L::document_number, into, chunks); },
      [&] { append_strings(&L::tcn, into, chunks); },
      [&] { append_translated(&L::line, into, chunks, line_keys); },
      [&] { append_translated(&L::term_code, into, chunks, term_codes); },
      [&] { append_column(&L::ship_date, into, chunks); },
      [&] { append_column(&L::quantity, into, chunks); },
      [&] { append_column(&L::value_cents, into, chunks); },
      [&] { append_column(&L::reporting_quarter_end, into, chunks); },
      [&] { append_lines(&L::source_line, into, chunks, line_offsets); },
      [&] { append_column(&L::transaction, into, chunks); },
      [&] { append_strings(&L::sdr, into, chunks); },
  };
  base::run_tasks(columns, threads);
}

// A listing of shipments only is held without the transaction columns, as before they existed,
// so that it has the same content hash whichever way the file spelt it.
void drop_plain_transactions(DeliveryListing& listing) {
  const bool all_shipments = std::all_of(
      listing.transaction.begin(), listing.transaction.end(),
      [](std::uint8_t t) { return t == static_cast<std::uint8_t>(DeliveryTransaction::shipment); });
  if (!all_shipments) return;
  listing.transaction = {};
  listing.sdr = {};
}

}  // namespace

Result<DeliveryListing> parse_delivery_listing(std::string_view text, std::string_view source,
                                               const ReferenceData& reference,
                                               const CsvParseOptions& options,
                                               const Limits& limits) {
  ProblemLog log;
  Table table;
  // Rows index the codes they use in 16 bits; only reference data beyond that could overflow.
  if (reference.delivery_term_codes.size() > kMaxDeliveryTermCodes) {
    return Error::invalid(std::string(source) + ": the reference data lists " +
                          grouped(static_cast<std::int64_t>(reference.delivery_term_codes.size())) +
                          " Delivery Term Codes; a delivery listing can tell at most " +
                          grouped(static_cast<std::int64_t>(kMaxDeliveryTermCodes)) + " apart");
  }
  if (!open_table(text, kColumns, limits, log, table)) return log.to_error(source);
  std::size_t rows = 0;
  DeliveryListing listing = parse_bulk<DeliveryListing>(
      table, options.threads, kMinRowBytes, log, rows,
      [&](Chunk<DeliveryListing>& chunk) { ChunkParser(table, reference, chunk).parse(); }, merge);
  check_row_count(rows, limits, log);
  if (!log.empty()) return log.to_error(source);
  drop_plain_transactions(listing);
  return listing;
}

}  // namespace csv

Result<DeliveryListing> parse_delivery_listing(std::string_view text, std::string_view source,
                                               const ReferenceData& reference,
                                               const CsvParseOptions& options) {
  return csv::parse_delivery_listing(text, source, reference, options, csv::kBulkLimits);
}

}  // namespace fms::io
