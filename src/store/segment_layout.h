// The frame of a segment file: header, column directory and the placement of columns.
//
// A segment holds one imported bulk document (a delivery listing, a set of receipt
// inspections) column by column. It starts with a 40-byte header, then a directory with one
// 24-byte entry per column, then the columns themselves, each starting at a multiple of 8 bytes
// so that a reader could map a column in place. All integers are little-endian.
//
//   header     magic "FMSSEG\r\n", format version (u32), kind (u32), row count (u64),
//              segment length in bytes (u64), column count (u32), reserved zero (u32)
//   directory  per column: id (u16), element type (u16), reserved zero (u32),
//              offset (u64), byte length (u64)
//   columns    in directory order, each at the next multiple of 8 after the previous one,
//              zero bytes in between, nothing after the last
//
// The placement is canonical — every offset is determined by the lengths before it — and the
// parser insists on it (and on zero padding and reserved fields), so one content has exactly one
// byte string. That is what lets a segment be named by the hash of its bytes.
// docs/formats/segment.md is the full specification.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace fms::store {

// Limits a segment obeys (stated in docs/formats/segment.md).
inline constexpr std::uint64_t kMaxSegmentBytes = std::uint64_t{4} << 30;  // 4 GiB
inline constexpr std::uint32_t kMaxSegmentColumns = 64;

inline constexpr std::string_view kSegmentMagic{"FMSSEG\r\n", 8};
inline constexpr std::uint32_t kSegmentFormatVersion = 1;
inline constexpr std::uint64_t kSegmentHeaderBytes = 40;
inline constexpr std::uint64_t kSegmentDirectoryEntryBytes = 24;
inline constexpr std::uint64_t kSegmentColumnAlignmentBytes = 8;

// What a segment holds; the numbers are stored in the header and never change meaning.
enum class SegmentKind : std::uint32_t { delivery_listing = 1, receipts = 2, match_set = 3 };
std::string_view to_string(SegmentKind kind);  // "delivery listing", "receipts", "match set"

// The type of one element of a column; the numbers are stored in the directory.
enum class ElementType : std::uint16_t { u8 = 1, u16 = 2, u32 = 3, i32 = 4, i64 = 5 };
std::uint64_t element_bytes(ElementType type);
std::string_view to_string(ElementType type);  // "u8", "i64", ...

struct SegmentColumn {
  std::uint16_t id = 0;
  ElementType type = ElementType::u8;
  std::uint64_t offset = 0;       // from the start of the segment; a multiple of 8
  std::uint64_t byte_length = 0;  // without the padding that may follow
  [[nodiscard]] std::uint64_t element_count() const { return byte_length / element_bytes(type); }
};

struct SegmentLayout {
  SegmentKind kind = SegmentKind::delivery_listing;
  std::uint64_t row_count = 0;
  std::vector<SegmentColumn> columns;
  std::uint64_t segment_bytes = 0;  // the whole segment: header to the end of the last column

  // The bytes the hash takes verbatim (header and directory, see segment_hash.h).
  [[nodiscard]] std::uint64_t header_and_directory_bytes() const {
    return kSegmentHeaderBytes + kSegmentDirectoryEntryBytes * columns.size();
  }
};

// A column the encoder is about to write: which, of what type, how long.
struct ColumnShape {
  std::uint16_t id = 0;
  ElementType type = ElementType::u8;
  std::uint64_t byte_length = 0;
};

// Places the columns in the given order at their canonical offsets. The caller passes at most
// kMaxSegmentColumns columns with strictly increasing ids (the encoder's fixed tables).
SegmentLayout plan_segment(SegmentKind kind, std::uint64_t row_count,
                           std::span<const ColumnShape> columns);

// Appends the header and directory of `layout` (header_and_directory_bytes() bytes).
void append_header_and_directory(const SegmentLayout& layout, std::string& out);

// Reads and checks the frame: magic, version, kind, limits (kMaxSegmentBytes,
// kMaxSegmentColumns, kMaxBulkRows), the declared length against the actual one, every
// directory entry (known element type, whole elements, canonical offset, within the segment,
// ids strictly increasing) and zero padding. It does not look inside the columns.
Result<SegmentLayout> parse_segment_layout(std::string_view bytes);

}  // namespace fms::store
