// The columns of each kind of segment, listed once and used both to encode and to decode
// (see segment_columns.h), and the assembly of a segment from its columns.
#include "store/segment_codec.h"

#include <cstdio>
#include <cstdlib>

#include "base/huge_pages.h"
#include "store/segment_columns.h"
#include "store/segment_hash.h"
#include "store/segment_layout.h"

namespace fms::store {
namespace {

// Column ids are stored in the directory and keep their meaning for good; a later format
// version may add ids but never reuse one. Each kind's ids count up in directory order.
namespace delivery_column {
constexpr std::uint16_t kLineKeys = 1;  // 1-4: case ids (ends, bytes), line numbers (ends, bytes)
constexpr std::uint16_t kTermCodesEnds = 5;
constexpr std::uint16_t kTermCodesBytes = 6;
constexpr std::uint16_t kDocumentNumberEnds = 7;
constexpr std::uint16_t kDocumentNumberBytes = 8;
constexpr std::uint16_t kLine = 9;
constexpr std::uint16_t kShipDate = 10;
constexpr std::uint16_t kQuantity = 11;
constexpr std::uint16_t kValueCents = 12;
constexpr std::uint16_t kTermCode = 13;
constexpr std::uint16_t kTcnEnds = 14;
constexpr std::uint16_t kTcnBytes = 15;
constexpr std::uint16_t kReportingQuarterEnd = 16;
constexpr std::uint16_t kSourceLine = 17;
// Format 2: written only when some row is not a shipment.
constexpr std::uint16_t kTransaction = 18;
constexpr std::uint16_t kSdrEnds = 19;
constexpr std::uint16_t kSdrBytes = 20;
}  // namespace delivery_column

namespace receipt_column {
constexpr std::uint16_t kLineKeys = 1;  // 1-4 as for a delivery listing
constexpr std::uint16_t kInspectorsEnds = 5;
constexpr std::uint16_t kInspectorsBytes = 6;
constexpr std::uint16_t kReceiptIdEnds = 7;
constexpr std::uint16_t kReceiptIdBytes = 8;
constexpr std::uint16_t kDocumentNumberEnds = 9;
constexpr std::uint16_t kDocumentNumberBytes = 10;
constexpr std::uint16_t kLine = 11;
constexpr std::uint16_t kReceivedDate = 12;
constexpr std::uint16_t kQuantityReceived = 13;
constexpr std::uint16_t kQuantityAccepted = 14;
constexpr std::uint16_t kQuantityRejected = 15;
constexpr std::uint16_t kConditionEnds = 16;
constexpr std::uint16_t kConditionBytes = 17;
constexpr std::uint16_t kInspector = 18;
constexpr std::uint16_t kSourceLine = 19;
}  // namespace receipt_column

namespace match_column {
constexpr std::uint16_t kDeliveryDocument = 1;
constexpr std::uint16_t kDeliveryRow = 2;
constexpr std::uint16_t kReceiptDocument = 3;
constexpr std::uint16_t kReceiptRow = 4;
constexpr std::uint16_t kRule = 5;
}  // namespace match_column

// Rows is DeliveryListing (decoding into it) or const DeliveryListing (encoding from it);
// Columns is ColumnReader or ColumnWriter. Dictionaries come before the indexes into them, so
// a reader knows each dictionary's size when it checks the indexes.
template <class Rows, class Columns>
void delivery_columns(Rows& rows, Columns& columns) {
  namespace c = delivery_column;
  columns.line_keys(c::kLineKeys, rows.line_keys);
  columns.dictionary(c::kTermCodesEnds, c::kTermCodesBytes, "term_codes", rows.term_codes);
  columns.strings(c::kDocumentNumberEnds, c::kDocumentNumberBytes, "document_number",
                  rows.document_number);
  columns.indexes(c::kLine, "line", rows.line, rows.line_keys.size());
  columns.values(c::kShipDate, "ship_date", rows.ship_date);
  columns.values(c::kQuantity, "quantity", rows.quantity);
  columns.values(c::kValueCents, "value_cents", rows.value_cents);
  columns.indexes(c::kTermCode, "term_code", rows.term_code, rows.term_codes.size());
  columns.strings(c::kTcnEnds, c::kTcnBytes, "tcn", rows.tcn);
  columns.values(c::kReportingQuarterEnd, "reporting_quarter_end", rows.reporting_quarter_end);
  columns.values(c::kSourceLine, "source_line", rows.source_line);
  columns.optional_indexes(c::kTransaction, "transaction", rows.transaction,
                           kDeliveryTransactionCount);
  columns.optional_strings(c::kSdrEnds, c::kSdrBytes, "sdr", rows.sdr);
}

template <class Rows, class Columns>
void receipt_columns(Rows& rows, Columns& columns) {
  namespace c = receipt_column;
  columns.line_keys(c::kLineKeys, rows.line_keys);
  columns.dictionary(c::kInspectorsEnds, c::kInspectorsBytes, "inspectors", rows.inspectors);
  columns.strings(c::kReceiptIdEnds, c::kReceiptIdBytes, "receipt_id", rows.receipt_id);
  columns.strings(c::kDocumentNumberEnds, c::kDocumentNumberBytes, "document_number",
                  rows.document_number);
  columns.indexes(c::kLine, "line", rows.line, rows.line_keys.size());
  columns.values(c::kReceivedDate, "received_date", rows.received_date);
  columns.values(c::kQuantityReceived, "quantity_received", rows.quantity_received);
  columns.values(c::kQuantityAccepted, "quantity_accepted", rows.quantity_accepted);
  columns.values(c::kQuantityRejected, "quantity_rejected", rows.quantity_rejected);
  columns.strings(c::kConditionEnds, c::kConditionBytes, "condition", rows.condition);
  columns.indexes(c::kInspector, "inspector", rows.inspector, rows.inspectors.size());
  columns.values(c::kSourceLine, "source_line", rows.source_line);
}

template <class Rows, class Columns>
void match_columns(Rows& rows, Columns& columns) {
  namespace c = match_column;
  columns.values(c::kDeliveryDocument, "delivery_document", rows.delivery_document);
  columns.values(c::kDeliveryRow, "delivery_row", rows.delivery_row);
  columns.values(c::kReceiptDocument, "receipt_document", rows.receipt_document);
  columns.values(c::kReceiptRow, "receipt_row", rows.receipt_row);
  columns.values(c::kRule, "rule", rows.rule);
}

// Copying a byte costs about an eighth of hashing it (BLAKE2b at ~0.6-1.1 GB/s a core, copying
// at ~6 GB/s), which is how much head start the hashing thread gets while the copy runs.
constexpr std::uint64_t kHashBytesPerCopiedByteCost = 8;

EncodedSegment assemble(const ColumnWriter& columns) {
  const SegmentLayout layout = plan_segment(columns.kind(), columns.row_count(), columns.shapes());
  if (layout.segment_bytes > kMaxSegmentBytes) {
    std::fprintf(stderr, "fmsledger: encode_segment: %llu bytes exceed kMaxSegmentBytes\n",
                 static_cast<unsigned long long>(layout.segment_bytes));
    std::abort();
  }
  std::string header;
  append_header_and_directory(layout, header);
  const std::vector<std::string_view>& data = columns.data();

  EncodedSegment segment;
  const auto copy_columns = [&] {
    base::reserve_large(segment.bytes, layout.segment_bytes);
    segment.bytes.append(header);
    for (std::size_t i = 0; i < data.size(); ++i) {
      segment.bytes.append(layout.columns[i].offset - segment.bytes.size(), '\0');
      segment.bytes.append(data[i]);
    }
  };
  // The column digests are taken from the rows' own memory, which holds the same bytes, so the
  // second thread hashes while this one copies.
  segment.hash = segment_hash_of_parts(header, data, copy_columns,
                                       layout.segment_bytes / kHashBytesPerCopiedByteCost);
  return segment;
}

template <class Rows, class ListColumns>
Result<Rows> decode_as(SharedBytes segment, SegmentKind kind, ListColumns list_columns) {
  // Columns are borrowed in place, which needs the 8-byte alignment the layout gives them
  // relative to the segment's start; bytes from elsewhere are copied into fresh memory first.
  if (!segment.aligned_to(kSegmentColumnAlignmentBytes)) {
    segment = SharedBytes::take(std::string(segment.view));
  }
  const std::string_view bytes = segment.view;
  FMS_ASSIGN_OR_RETURN(const SegmentLayout layout, parse_segment_layout(bytes));
  if (layout.kind != kind) {
    return Error::invalid("the segment holds " + std::string(to_string(layout.kind)) + ", not " +
                          std::string(to_string(kind)));
  }
  Rows rows;
  ColumnReader reader(bytes, std::move(segment.keeper), layout);
  list_columns(rows, reader);
  FMS_TRY(reader.finish());
  return rows;
}

}  // namespace

EncodedSegment encode_segment(const DeliveryListing& rows) {
  ColumnWriter columns(SegmentKind::delivery_listing, rows.size());
  delivery_columns(rows, columns);
  return assemble(columns);
}

EncodedSegment encode_segment(const ReceiptInspections& rows) {
  ColumnWriter columns(SegmentKind::receipts, rows.size());
  receipt_columns(rows, columns);
  return assemble(columns);
}

EncodedSegment encode_segment(const MatchColumns& rows) {
  ColumnWriter columns(SegmentKind::match_set, rows.size());
  match_columns(rows, columns);
  return assemble(columns);
}

Result<MatchColumns> decode_match_segment(std::string_view bytes) {
  return decode_match_segment(SharedBytes::take(std::string(bytes)));
}

Result<MatchColumns> decode_match_segment(SharedBytes segment) {
  return decode_as<MatchColumns>(
      std::move(segment), SegmentKind::match_set,
      [](MatchColumns& rows, ColumnReader& reader) { match_columns(rows, reader); });
}

Result<DeliveryListing> decode_delivery_segment(std::string_view bytes) {
  return decode_delivery_segment(SharedBytes::take(std::string(bytes)));
}

Result<DeliveryListing> decode_delivery_segment(SharedBytes segment) {
  return decode_as<DeliveryListing>(
      std::move(segment), SegmentKind::delivery_listing,
      [](DeliveryListing& rows, ColumnReader& reader) { delivery_columns(rows, reader); });
}

Result<ReceiptInspections> decode_receipt_segment(std::string_view bytes) {
  return decode_receipt_segment(SharedBytes::take(std::string(bytes)));
}

Result<ReceiptInspections> decode_receipt_segment(SharedBytes segment) {
  return decode_as<ReceiptInspections>(
      std::move(segment), SegmentKind::receipts,
      [](ReceiptInspections& rows, ColumnReader& reader) { receipt_columns(rows, reader); });
}

}  // namespace fms::store
