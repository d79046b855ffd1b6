// A column of bulk execution records: a contiguous array of trivially copyable values that is
// either owned (built by an importer, row by row) or borrowed from stored bytes.
//
// A stored document can hold millions of rows, and its segment already keeps every column as a
// plain little-endian array (store/segment_layout.h). Copying those arrays out of the segment
// would fill hundreds of megabytes of fresh memory on every reconciliation; instead a decoded
// document's columns point into the segment's bytes, and `keeper` holds those bytes alive for as
// long as any column (or copy of one) refers to them. Reading a column never asks which kind it
// is. Changing a borrowed column first copies it, so borrowed bytes are never written.
#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace fms {

template <class T>
class Column {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  using value_type = T;

  Column() = default;
  Column(std::initializer_list<T> values) : owned_(values) {}
  explicit Column(std::vector<T> values) : owned_(std::move(values)) {}

  // A column viewing `values`, which stay valid while `keeper` (shared by every copy) lives.
  static Column borrowed(std::span<const T> values, std::shared_ptr<const void> keeper) {
    Column column;
    column.view_ = values;
    column.keeper_ = std::move(keeper);
    column.borrowed_ = true;
    return column;
  }
  [[nodiscard]] bool is_borrowed() const { return borrowed_; }

  // Reading.
  [[nodiscard]] const T* data() const { return borrowed_ ? view_.data() : owned_.data(); }
  [[nodiscard]] std::size_t size() const { return borrowed_ ? view_.size() : owned_.size(); }
  [[nodiscard]] bool empty() const { return size() == 0; }
  const T& operator[](std::size_t i) const { return data()[i]; }
  [[nodiscard]] const T& back() const { return data()[size() - 1]; }
  [[nodiscard]] const T* begin() const { return data(); }
  [[nodiscard]] const T* end() const { return data() + size(); }
  [[nodiscard]] std::span<const T> span() const { return {data(), size()}; }

  // Writing: on the owned array (a borrowed column is copied first). There is deliberately no
  // non-const operator[]: reading through a non-const column must never copy it.
  std::vector<T>& owned() {
    if (borrowed_) {
      owned_.assign(view_.begin(), view_.end());
      view_ = {};
      keeper_.reset();
      borrowed_ = false;
    }
    return owned_;
  }
  void push_back(const T& value) { owned().push_back(value); }
  void reserve(std::size_t count) { owned().reserve(count); }
  void resize(std::size_t count) { owned().resize(count); }
  void clear() { owned().clear(); }
  void append(std::span<const T> values) {
    owned().insert(owned_.end(), values.begin(), values.end());
  }

  friend bool operator==(const Column& a, const Column& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  std::vector<T> owned_;
  std::span<const T> view_;
  std::shared_ptr<const void> keeper_;
  bool borrowed_ = false;
};

}  // namespace fms
