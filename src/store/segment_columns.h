// The two halves of the segment codec that do not depend on the kind of document:
// ColumnWriter gathers a document's columns for encoding, ColumnReader takes them back out of a
// segment, checking each one.
//
// segment_codec.cc lists a kind's columns once, as a sequence of calls (values, indexes,
// strings, dictionary, line_keys) made on either of them, so encoding and decoding cannot
// disagree on the order, ids or types of columns. A StringColumn and a dictionary of strings
// take two columns each (ends: u32, bytes: u8); the line-key dictionary takes four (case ids,
// then line numbers).
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "base/huge_pages.h"
#include "base/result.h"
#include "core/column.h"
#include "core/execution.h"
#include "store/segment_layout.h"

namespace fms::store {

template <class T>
constexpr ElementType element_type_of() {
  if constexpr (std::is_same_v<T, std::uint8_t>) {
    return ElementType::u8;
  } else if constexpr (std::is_same_v<T, std::uint16_t>) {
    return ElementType::u16;
  } else if constexpr (std::is_same_v<T, std::uint32_t>) {
    return ElementType::u32;
  } else if constexpr (std::is_same_v<T, std::int32_t>) {
    return ElementType::i32;
  } else {
    static_assert(std::is_same_v<T, std::int64_t>, "no segment element type for this type");
    return ElementType::i64;
  }
}

// The bytes of a contiguous column (std::vector or Column) as they are in memory.
template <class Values>
std::string_view bytes_of(const Values& values) {
  return {reinterpret_cast<const char*>(values.data()),
          values.size() * sizeof(typename Values::value_type)};
}

// Gathers the columns of well-formed rows, viewing them in place where it can. A violated
// precondition (see encode_segment) is a caller's bug and aborts naming the column.
class ColumnWriter {
 public:
  ColumnWriter(SegmentKind kind, std::size_t row_count);

  template <class T>
  void values(std::uint16_t id, std::string_view name, const Column<T>& column) {
    check_row_count(name, column.size());
    add(id, element_type_of<T>(), bytes_of(column));
  }
  template <class T>
  void indexes(std::uint16_t id, std::string_view name, const Column<T>& column,
               std::size_t dictionary_size) {
    for (T index : column) {
      if (index >= dictionary_size) fail(name, "an index is outside its dictionary");
    }
    values(id, name, column);
  }
  void strings(std::uint16_t ends_id, std::uint16_t bytes_id, std::string_view name,
               const StringColumn& column);
  // Columns a later format added: an empty one is not written, so rows without them encode
  // exactly as they did before (the same bytes, the same hash).
  template <class T>
  void optional_indexes(std::uint16_t id, std::string_view name, const Column<T>& column,
                        std::size_t bound) {
    if (!column.empty()) indexes(id, name, column, bound);
  }
  void optional_strings(std::uint16_t ends_id, std::uint16_t bytes_id, std::string_view name,
                        const StringColumn& column) {
    if (column.size() != 0) strings(ends_id, bytes_id, name, column);
  }
  void dictionary(std::uint16_t ends_id, std::uint16_t bytes_id, std::string_view name,
                  const std::vector<std::string>& entries);
  void line_keys(std::uint16_t first_id, const std::vector<LineKey>& keys);  // ids first..first+3

  SegmentKind kind() const { return kind_; }
  std::size_t row_count() const { return row_count_; }
  const std::vector<ColumnShape>& shapes() const { return shapes_; }
  const std::vector<std::string_view>& data() const { return data_; }

 private:
  void add(std::uint16_t id, ElementType type, std::string_view bytes);
  void add_strings(std::uint16_t ends_id, std::uint16_t bytes_id, std::string_view name,
                   const StringColumn& column);
  void check_row_count(std::string_view name, std::size_t count) const;
  [[noreturn]] void fail(std::string_view name, std::string_view problem) const;

  SegmentKind kind_;
  std::size_t row_count_;
  std::vector<ColumnShape> shapes_;
  std::vector<std::string_view> data_;  // views into the rows or into owned_
  std::deque<StringColumn> owned_;      // dictionaries packed for writing; a deque never moves them
};

// Below this many column bytes, decoding stays on the calling thread.
inline constexpr std::uint64_t kParallelDecodeMinBytes = std::uint64_t{4} << 20;  // 4 MiB

// Reads the columns of a parsed segment in order, checking each against what the kind
// expects. Dictionaries are read at once (their sizes bound the indexes that follow); the large
// per-row columns are copied and checked by finish(), on two threads. The first problem is kept
// and every later call does nothing.
class ColumnReader {
 public:
  // `bytes` must start at a multiple of 8 bytes (segment_bytes.h) and stay valid while `keeper`
  // lives: the columns read borrow them.
  ColumnReader(std::string_view bytes, std::shared_ptr<const void> keeper,
               const SegmentLayout& layout);

  template <class T>
  void values(std::uint16_t id, std::string_view name, Column<T>& out) {
    const SegmentColumn* column = row_column(id, element_type_of<T>(), name);
    if (column == nullptr) return;
    out = borrow<T>(*column);
  }
  template <class T>
  void indexes(std::uint16_t id, std::string_view name, Column<T>& out,
               std::size_t dictionary_size) {
    const SegmentColumn* column = row_column(id, element_type_of<T>(), name);
    if (column == nullptr) return;
    out = borrow<T>(*column);
    defer(*column, name, [&out, dictionary_size] {
      for (std::size_t row = 0; row < out.size(); ++row) {
        if (out[row] >= dictionary_size) {
          return "row " + std::to_string(row) + " refers to entry " + std::to_string(out[row]) +
                 " of a dictionary of " + std::to_string(dictionary_size);
        }
      }
      return std::string();
    });
  }
  void strings(std::uint16_t ends_id, std::uint16_t bytes_id, std::string_view name,
               StringColumn& out);
  // A column a later format added: read when the segment has it next, else left empty.
  template <class T>
  void optional_indexes(std::uint16_t id, std::string_view name, Column<T>& out,
                        std::size_t bound) {
    if (next_is(id)) indexes(id, name, out, bound);
  }
  void optional_strings(std::uint16_t ends_id, std::uint16_t bytes_id, std::string_view name,
                        StringColumn& out) {
    if (next_is(ends_id)) strings(ends_id, bytes_id, name, out);
  }
  void dictionary(std::uint16_t ends_id, std::uint16_t bytes_id, std::string_view name,
                  std::vector<std::string>& out);
  void line_keys(std::uint16_t first_id, std::vector<LineKey>& out);

  // Runs the deferred checks; the first problem (in column order), or an error if columns are
  // left over.
  Status finish();

 private:
  // A deferred check: its job returns what is wrong with the column, or "".
  struct Deferred {
    std::string_view name;
    std::uint64_t bytes = 0;
    std::function<std::string()> job;
    std::string problem;
  };

  const SegmentColumn* next(std::uint16_t id, ElementType type, std::string_view name);
  bool next_is(std::uint16_t id) const {
    return status_.ok() && next_column_ < layout_.columns.size() &&
           layout_.columns[next_column_].id == id;
  }
  // next(), and the column must hold one value per row.
  const SegmentColumn* row_column(std::uint16_t id, ElementType type, std::string_view name);
  void defer(const SegmentColumn& column, std::string_view name, std::function<std::string()> job);
  // The column in place. Its offset is a multiple of 8 from an 8-aligned start, so the values
  // are aligned; segments are little-endian, like every host the borrowing is compiled for.
  template <class T>
  Column<T> borrow(const SegmentColumn& column) const {
    static_assert(std::endian::native == std::endian::little);
    const auto* first = reinterpret_cast<const T*>(bytes_.data() + column.offset);
    return Column<T>::borrowed({first, static_cast<std::size_t>(column.element_count())}, keeper_);
  }
  void fail(std::string_view name, const std::string& problem);

  std::string_view bytes_;
  std::shared_ptr<const void> keeper_;
  const SegmentLayout& layout_;
  std::size_t next_column_ = 0;
  Status status_;
  std::deque<Deferred> deferred_;  // a deque: jobs may hold pointers to their entries
};

}  // namespace fms::store
