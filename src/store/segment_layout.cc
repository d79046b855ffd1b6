// Writing and checking the segment frame (see segment_layout.h). The parser treats its input as
// hostile: every length is checked against what remains before it is used, in 64-bit
// arithmetic that cannot wrap for segments within kMaxSegmentBytes.
#include "store/segment_layout.h"

#include <bit>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/execution.h"

namespace fms::store {
namespace {

static_assert(std::endian::native == std::endian::little,
              "segments are little-endian and written with memcpy; a big-endian port must swap");

[[noreturn]] void die(const char* what) {
  std::fprintf(stderr, "fmsledger: segment layout: %s\n", what);
  std::abort();
}

std::uint64_t align_up(std::uint64_t offset) {
  return (offset + kSegmentColumnAlignmentBytes - 1) & ~(kSegmentColumnAlignmentBytes - 1);
}

template <class T>
void append_le(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

// Reads a little-endian integer at `offset`; the caller has checked that it lies inside.
template <class T>
T load_le(std::string_view bytes, std::uint64_t offset) {
  T value;
  std::memcpy(&value, bytes.data() + offset, sizeof(T));
  return value;
}

bool known_element_type(std::uint16_t code) {
  return code >= static_cast<std::uint16_t>(ElementType::u8) &&
         code <= static_cast<std::uint16_t>(ElementType::i64);
}

Error bad(const std::string& what) {
  return Error::corruption("segment: " + what);
}

std::string column_name(std::size_t index, std::uint16_t id) {
  return "column " + std::to_string(index) + " (id " + std::to_string(id) + ")";
}

bool all_zero(std::string_view bytes) {
  for (char c : bytes) {
    if (c != 0) return false;
  }
  return true;
}

}  // namespace

std::string_view to_string(SegmentKind kind) {
  switch (kind) {
    case SegmentKind::delivery_listing:
      return "delivery listing";
    case SegmentKind::receipts:
      return "receipts";
    case SegmentKind::match_set:
      return "match set";
  }
  return "unknown";
}

std::uint64_t element_bytes(ElementType type) {
  switch (type) {
    case ElementType::u8:
      return 1;
    case ElementType::u16:
      return 2;
    case ElementType::u32:
    case ElementType::i32:
      return 4;
    case ElementType::i64:
      return 8;
  }
  die("unknown element type");
}

std::string_view to_string(ElementType type) {
  switch (type) {
    case ElementType::u8:
      return "u8";
    case ElementType::u16:
      return "u16";
    case ElementType::u32:
      return "u32";
    case ElementType::i32:
      return "i32";
    case ElementType::i64:
      return "i64";
  }
  return "unknown";
}

SegmentLayout plan_segment(SegmentKind kind, std::uint64_t row_count,
                           std::span<const ColumnShape> columns) {
  if (columns.size() > kMaxSegmentColumns) die("more columns than kMaxSegmentColumns");
  SegmentLayout layout;
  layout.kind = kind;
  layout.row_count = row_count;
  layout.columns.reserve(columns.size());
  std::uint64_t end = kSegmentHeaderBytes + kSegmentDirectoryEntryBytes * columns.size();
  for (const ColumnShape& shape : columns) {
    if (!layout.columns.empty() && shape.id <= layout.columns.back().id) {
      die("column ids must be strictly increasing");
    }
    const std::uint64_t offset = align_up(end);
    layout.columns.push_back(SegmentColumn{shape.id, shape.type, offset, shape.byte_length});
    end = offset + shape.byte_length;
  }
  layout.segment_bytes = end;
  return layout;
}

void append_header_and_directory(const SegmentLayout& layout, std::string& out) {
  out.append(kSegmentMagic);
  append_le<std::uint32_t>(out, kSegmentFormatVersion);
  append_le<std::uint32_t>(out, static_cast<std::uint32_t>(layout.kind));
  append_le<std::uint64_t>(out, layout.row_count);
  append_le<std::uint64_t>(out, layout.segment_bytes);
  append_le<std::uint32_t>(out, static_cast<std::uint32_t>(layout.columns.size()));
  append_le<std::uint32_t>(out, 0);
  for (const SegmentColumn& column : layout.columns) {
    append_le<std::uint16_t>(out, column.id);
    append_le<std::uint16_t>(out, static_cast<std::uint16_t>(column.type));
    append_le<std::uint32_t>(out, 0);
    append_le<std::uint64_t>(out, column.offset);
    append_le<std::uint64_t>(out, column.byte_length);
  }
}

namespace {

// The fixed header: magic, version, kind, counts and sizes within the limits.
Result<SegmentLayout> parse_header(std::string_view bytes, std::uint32_t& column_count) {
  const std::uint64_t size = bytes.size();
  if (size < kSegmentHeaderBytes) {
    return bad("only " + std::to_string(size) + " bytes, shorter than the " +
               std::to_string(kSegmentHeaderBytes) + "-byte header");
  }
  if (bytes.substr(0, kSegmentMagic.size()) != kSegmentMagic) {
    return bad("does not start with the segment magic \"FMSSEG\\r\\n\"; not a segment file");
  }
  const auto version = load_le<std::uint32_t>(bytes, 8);
  if (version != kSegmentFormatVersion) {
    return bad("format version " + std::to_string(version) +
               " is not supported (this build reads " + std::to_string(kSegmentFormatVersion) +
               ")");
  }
  const auto kind_code = load_le<std::uint32_t>(bytes, 12);
  if (kind_code != static_cast<std::uint32_t>(SegmentKind::delivery_listing) &&
      kind_code != static_cast<std::uint32_t>(SegmentKind::receipts) &&
      kind_code != static_cast<std::uint32_t>(SegmentKind::match_set)) {
    return bad("unknown kind " + std::to_string(kind_code) +
               " (1 = delivery listing, 2 = receipts)");
  }
  SegmentLayout layout;
  layout.kind = static_cast<SegmentKind>(kind_code);
  layout.row_count = load_le<std::uint64_t>(bytes, 16);
  layout.segment_bytes = load_le<std::uint64_t>(bytes, 24);
  column_count = load_le<std::uint32_t>(bytes, 32);
  if (load_le<std::uint32_t>(bytes, 36) != 0) return bad("reserved header field is not zero");
  if (layout.segment_bytes > kMaxSegmentBytes) {
    return bad("declares " + std::to_string(layout.segment_bytes) + " bytes, over the limit of " +
               std::to_string(kMaxSegmentBytes));
  }
  if (layout.segment_bytes != size) {
    return bad("declares " + std::to_string(layout.segment_bytes) + " bytes but " +
               std::to_string(size) + " are present; the file is truncated or extended");
  }
  if (layout.row_count > kMaxBulkRows) {
    return bad("declares " + std::to_string(layout.row_count) + " rows, over the limit of " +
               std::to_string(kMaxBulkRows));
  }
  if (column_count > kMaxSegmentColumns) {
    return bad("declares " + std::to_string(column_count) + " columns, over the limit of " +
               std::to_string(kMaxSegmentColumns));
  }
  return layout;
}

// Directory entry `i`: a known type, ids increasing, the column right after `end` (aligned,
// zero padding) and inside the segment.
Result<SegmentColumn> parse_column(std::string_view bytes, std::uint32_t i, std::uint64_t end,
                                   const std::vector<SegmentColumn>& before) {
  const std::uint64_t size = bytes.size();
  const std::uint64_t entry = kSegmentHeaderBytes + kSegmentDirectoryEntryBytes * i;
  SegmentColumn column;
  column.id = load_le<std::uint16_t>(bytes, entry);
  const auto type_code = load_le<std::uint16_t>(bytes, entry + 2);
  const std::string name = column_name(i, column.id);
  if (!known_element_type(type_code)) {
    return bad(name + ": unknown element type " + std::to_string(type_code));
  }
  column.type = static_cast<ElementType>(type_code);
  if (load_le<std::uint32_t>(bytes, entry + 4) != 0) {
    return bad(name + ": reserved directory field is not zero");
  }
  column.offset = load_le<std::uint64_t>(bytes, entry + 8);
  column.byte_length = load_le<std::uint64_t>(bytes, entry + 16);
  if (!before.empty() && column.id <= before.back().id) {
    return bad(name + ": column ids are not strictly increasing");
  }
  const std::uint64_t expected_offset = align_up(end);
  if (column.offset != expected_offset) {
    return bad(name + ": starts at " + std::to_string(column.offset) + ", expected " +
               std::to_string(expected_offset));
  }
  if (column.offset > size || column.byte_length > size - column.offset) {
    return bad(name + ": " + std::to_string(column.byte_length) + " bytes at offset " +
               std::to_string(column.offset) + " run past the end of the segment");
  }
  if (column.byte_length % element_bytes(column.type) != 0) {
    return bad(name + ": " + std::to_string(column.byte_length) +
               " bytes is not a whole number of " + std::string(to_string(column.type)) +
               " elements");
  }
  if (!all_zero(bytes.substr(end, column.offset - end))) {
    return bad(name + ": the padding before it is not zero");
  }
  return column;
}

}  // namespace

Result<SegmentLayout> parse_segment_layout(std::string_view bytes) {
  const std::uint64_t size = bytes.size();
  std::uint32_t column_count = 0;
  FMS_ASSIGN_OR_RETURN(SegmentLayout layout, parse_header(bytes, column_count));
  const std::uint64_t directory_end =
      kSegmentHeaderBytes + kSegmentDirectoryEntryBytes * column_count;
  if (directory_end > size) {
    return bad("the directory of " + std::to_string(column_count) +
               " columns runs past the end of the segment");
  }
  layout.columns.reserve(column_count);
  std::uint64_t end = directory_end;
  for (std::uint32_t i = 0; i < column_count; ++i) {
    FMS_ASSIGN_OR_RETURN(SegmentColumn column, parse_column(bytes, i, end, layout.columns));
    end = column.offset + column.byte_length;
    layout.columns.push_back(column);
  }
  if (end != size) {
    return bad(std::to_string(size - end) + " bytes follow the last column");
  }
  return layout;
}

}  // namespace fms::store
