// Segments: bulk execution records (a delivery listing, a set of receipt inspections) as one
// immutable byte string, column by column, named by its hash.
//
// An imported delivery listing can hold millions of rows. The event log records the import and
// names the segment by its hash; the rows themselves live in the segment, which keeps the
// columns of DeliveryListing / ReceiptInspections as they are in memory: fixed-width values
// (dates, quantities, cents, dictionary indexes) as arrays, strings as an end-offset array plus
// one byte buffer, and each dictionary (line keys, Delivery Term Codes, inspectors) as columns of
// its own. Encoding is deterministic: the same rows give the same bytes and so the same name.
//
// decode_* treat their input as hostile. Any truncated, extended or altered byte string is
// either refused with an error or — when the change lands inside a value, e.g. a quantity —
// decodes to rows that encode back to exactly those bytes; no input reads outside the buffer.
// Decoding checks structure (lengths, offsets, string ends, dictionary indexes), not domain
// rules such as quantities being non-negative: those belong to the importers, and an encoded
// segment always decodes to the rows it was made from.
//
// The byte layout is in segment_layout.h, the hash in segment_hash.h; the full specification is
// docs/formats/segment.md.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "core/column.h"
#include "core/execution.h"
#include "core/shared_bytes.h"

namespace fms::store {

// Entries one dictionary (line keys, term codes, inspectors) of a segment may hold.
inline constexpr std::size_t kMaxSegmentDictionaryEntries = std::size_t{1} << 18;  // 262,144

struct EncodedSegment {
  std::string bytes;
  std::string hash;  // 64 lower-case hex digits (segment_hash.h)
};

// The rows must be well formed, as the importers build them: every column as long as the
// document has rows (at most kMaxBulkRows), string ends non-decreasing and ending at the end of
// their buffer, dictionary indexes within their dictionary, at most kMaxSegmentDictionaryEntries
// per dictionary and a segment within kMaxSegmentBytes. Anything else is a bug in the caller and
// aborts with a message naming the column.
EncodedSegment encode_segment(const DeliveryListing& rows);
EncodedSegment encode_segment(const ReceiptInspections& rows);

// A reconciliation run's match set: parallel columns, one element per match (see
// ledger/execution/match_set.h for what the numbers refer to).
struct MatchColumns {
  Column<std::uint32_t> delivery_document;
  Column<std::uint32_t> delivery_row;
  Column<std::uint32_t> receipt_document;
  Column<std::uint32_t> receipt_row;
  Column<std::uint8_t> rule;
  [[nodiscard]] std::size_t size() const { return rule.size(); }
  friend bool operator==(const MatchColumns&, const MatchColumns&) = default;
};
EncodedSegment encode_segment(const MatchColumns& rows);

// Errors are ErrorKind::corruption (a malformed segment, naming the column and the problem) or
// ErrorKind::invalid_input (a well-formed segment of the other kind).
//
// The decoded columns borrow the segment's bytes in place (core/column.h) and share its keeper,
// so decoding a mapped segment copies no rows. The string_view forms copy the bytes first.
Result<DeliveryListing> decode_delivery_segment(SharedBytes segment);
Result<ReceiptInspections> decode_receipt_segment(SharedBytes segment);
Result<MatchColumns> decode_match_segment(SharedBytes segment);
Result<DeliveryListing> decode_delivery_segment(std::string_view bytes);
Result<ReceiptInspections> decode_receipt_segment(std::string_view bytes);
Result<MatchColumns> decode_match_segment(std::string_view bytes);

}  // namespace fms::store
