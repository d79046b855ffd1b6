// Gathering columns for a segment and reading them back with every bound checked
// (see segment_columns.h).
#include "store/segment_columns.h"

#include <cstdio>
#include <cstdlib>
#include <limits>

#include "base/parallel.h"
#include "store/segment_codec.h"

namespace fms::store {
namespace {

using StringEnd = std::uint32_t;

// Empty when `ends` fit a buffer of `bytes_length` bytes (non-decreasing, the last one equal to
// the length, so every string lies inside the buffer); otherwise what is wrong.
std::string check_ends(std::span<const StringEnd> ends, std::uint64_t bytes_length) {
  StringEnd previous = 0;
  for (std::size_t i = 0; i < ends.size(); ++i) {
    if (ends[i] < previous) {
      return "string " + std::to_string(i) + " ends at " + std::to_string(ends[i]) +
             ", before the string preceding it (" + std::to_string(previous) + ")";
    }
    previous = ends[i];
  }
  if (previous != bytes_length) {
    return "the strings end at " + std::to_string(previous) + " but their buffer holds " +
           std::to_string(bytes_length) + " bytes";
  }
  return {};
}

StringColumn pack(const std::vector<std::string>& entries) {
  StringColumn packed;
  packed.ends.reserve(entries.size());
  for (const std::string& entry : entries) packed.push(entry);
  return packed;
}

}  // namespace

// --- ColumnWriter ---------------------------------------------------------------------------

ColumnWriter::ColumnWriter(SegmentKind kind, std::size_t row_count)
    : kind_(kind), row_count_(row_count) {
  if (row_count > kMaxBulkRows) fail("rows", "more rows than kMaxBulkRows");
}

void ColumnWriter::fail(std::string_view name, std::string_view problem) const {
  std::fprintf(stderr, "fmsledger: encode_segment (%s): column %.*s: %.*s\n",
               std::string(to_string(kind_)).c_str(), static_cast<int>(name.size()), name.data(),
               static_cast<int>(problem.size()), problem.data());
  std::abort();
}

void ColumnWriter::check_row_count(std::string_view name, std::size_t count) const {
  if (count != row_count_) fail(name, "its length differs from the number of rows");
}

void ColumnWriter::add(std::uint16_t id, ElementType type, std::string_view bytes) {
  shapes_.push_back(ColumnShape{id, type, bytes.size()});
  data_.push_back(bytes);
}

void ColumnWriter::add_strings(std::uint16_t ends_id, std::uint16_t bytes_id, std::string_view name,
                               const StringColumn& column) {
  const std::string problem = check_ends(column.ends, column.bytes.size());
  if (!problem.empty()) fail(name, problem);
  add(ends_id, ElementType::u32, bytes_of(column.ends));
  add(bytes_id, ElementType::u8, column.all_bytes());
}

void ColumnWriter::strings(std::uint16_t ends_id, std::uint16_t bytes_id, std::string_view name,
                           const StringColumn& column) {
  check_row_count(name, column.size());
  add_strings(ends_id, bytes_id, name, column);
}

void ColumnWriter::dictionary(std::uint16_t ends_id, std::uint16_t bytes_id, std::string_view name,
                              const std::vector<std::string>& entries) {
  if (entries.size() > kMaxSegmentDictionaryEntries) {
    fail(name, "more entries than kMaxSegmentDictionaryEntries");
  }
  std::uint64_t total_bytes = 0;
  for (const std::string& entry : entries) total_bytes += entry.size();
  if (total_bytes > std::numeric_limits<StringEnd>::max()) {
    fail(name, "its strings exceed the 4 GiB a string column can address");
  }
  add_strings(ends_id, bytes_id, name, owned_.emplace_back(pack(entries)));
}

void ColumnWriter::line_keys(std::uint16_t first_id, const std::vector<LineKey>& keys) {
  std::vector<std::string> case_ids;
  std::vector<std::string> lines;
  case_ids.reserve(keys.size());
  lines.reserve(keys.size());
  for (const LineKey& key : keys) {
    case_ids.push_back(key.case_id);
    lines.push_back(key.line);
  }
  dictionary(first_id, static_cast<std::uint16_t>(first_id + 1), "line_keys.case_id", case_ids);
  dictionary(static_cast<std::uint16_t>(first_id + 2), static_cast<std::uint16_t>(first_id + 3),
             "line_keys.line", lines);
}

// --- ColumnReader ---------------------------------------------------------------------------

ColumnReader::ColumnReader(std::string_view bytes, std::shared_ptr<const void> keeper,
                           const SegmentLayout& layout)
    : bytes_(bytes), keeper_(std::move(keeper)), layout_(layout) {}

void ColumnReader::fail(std::string_view name, const std::string& problem) {
  if (!status_.ok()) return;
  status_ = Error::corruption("segment (" + std::string(to_string(layout_.kind)) + "): column " +
                              std::string(name) + ": " + problem);
}

const SegmentColumn* ColumnReader::next(std::uint16_t id, ElementType type, std::string_view name) {
  if (!status_.ok()) return nullptr;
  if (next_column_ >= layout_.columns.size()) {
    fail(name,
         "missing; the segment has only " + std::to_string(layout_.columns.size()) + " columns");
    return nullptr;
  }
  const SegmentColumn& column = layout_.columns[next_column_];
  if (column.id != id || column.type != type) {
    fail(name, "expected id " + std::to_string(id) + " of type " + std::string(to_string(type)) +
                   " at position " + std::to_string(next_column_) + ", found id " +
                   std::to_string(column.id) + " of type " + std::string(to_string(column.type)));
    return nullptr;
  }
  ++next_column_;
  return &column;
}

const SegmentColumn* ColumnReader::row_column(std::uint16_t id, ElementType type,
                                              std::string_view name) {
  const SegmentColumn* column = next(id, type, name);
  if (column == nullptr) return nullptr;
  if (column->element_count() != layout_.row_count) {
    fail(name, "has " + std::to_string(column->element_count()) + " values for " +
                   std::to_string(layout_.row_count) + " rows");
    return nullptr;
  }
  return column;
}

void ColumnReader::defer(const SegmentColumn& column, std::string_view name,
                         std::function<std::string()> job) {
  deferred_.push_back(Deferred{name, column.byte_length, std::move(job), {}});
}

void ColumnReader::strings(std::uint16_t ends_id, std::uint16_t bytes_id, std::string_view name,
                           StringColumn& out) {
  const SegmentColumn* ends = row_column(ends_id, ElementType::u32, name);
  if (ends == nullptr) return;
  const SegmentColumn* bytes = next(bytes_id, ElementType::u8, name);
  if (bytes == nullptr) return;
  out.ends = borrow<StringEnd>(*ends);
  out.bytes = borrow<char>(*bytes);
  defer(*ends, name,
        [ends = out.ends.span(), length = bytes->byte_length] { return check_ends(ends, length); });
}

void ColumnReader::dictionary(std::uint16_t ends_id, std::uint16_t bytes_id, std::string_view name,
                              std::vector<std::string>& out) {
  const SegmentColumn* ends = next(ends_id, ElementType::u32, name);
  if (ends == nullptr) return;
  const SegmentColumn* bytes = next(bytes_id, ElementType::u8, name);
  if (bytes == nullptr) return;
  if (ends->element_count() > kMaxSegmentDictionaryEntries) {
    fail(name, "a dictionary of " + std::to_string(ends->element_count()) +
                   " entries, over the limit of " + std::to_string(kMaxSegmentDictionaryEntries));
    return;
  }
  const Column<StringEnd> entry_ends = borrow<StringEnd>(*ends);
  const std::string problem = check_ends(entry_ends, bytes->byte_length);
  if (!problem.empty()) {
    fail(name, problem);
    return;
  }
  const std::string_view entry_bytes = bytes_.substr(bytes->offset, bytes->byte_length);
  out.clear();
  out.reserve(entry_ends.size());
  StringEnd begin = 0;
  for (StringEnd end : entry_ends) {
    out.emplace_back(entry_bytes.substr(begin, end - begin));
    begin = end;
  }
}

void ColumnReader::line_keys(std::uint16_t first_id, std::vector<LineKey>& out) {
  std::vector<std::string> case_ids;
  std::vector<std::string> lines;
  dictionary(first_id, static_cast<std::uint16_t>(first_id + 1), "line_keys.case_id", case_ids);
  dictionary(static_cast<std::uint16_t>(first_id + 2), static_cast<std::uint16_t>(first_id + 3),
             "line_keys.line", lines);
  if (!status_.ok()) return;
  if (case_ids.size() != lines.size()) {
    fail("line_keys", std::to_string(case_ids.size()) + " case ids but " +
                          std::to_string(lines.size()) + " line numbers");
    return;
  }
  out.clear();
  out.reserve(case_ids.size());
  for (std::size_t i = 0; i < case_ids.size(); ++i) {
    out.push_back(LineKey{std::move(case_ids[i]), std::move(lines[i])});
  }
}

Status ColumnReader::finish() {
  if (!status_.ok()) return status_;
  if (next_column_ != layout_.columns.size()) {
    return Error::corruption("segment (" + std::string(to_string(layout_.kind)) +
                             "): " + std::to_string(layout_.columns.size() - next_column_) +
                             " unexpected columns after the last known one");
  }
  std::vector<base::WeightedJob> jobs;
  jobs.reserve(deferred_.size());
  for (Deferred& deferred : deferred_) {
    jobs.push_back({deferred.bytes, [&deferred] { deferred.problem = deferred.job(); }});
  }
  base::run_on_two_threads(jobs, kParallelDecodeMinBytes);
  for (const Deferred& deferred : deferred_) {
    if (!deferred.problem.empty()) fail(deferred.name, deferred.problem);
  }
  return status_;
}

}  // namespace fms::store
