// File-level checks and the parallel machinery shared by the execution CSV importers.
//
// UTF-8 is validated row by row, and only for rows the reader saw a byte >= 0x80 in, so an
// ASCII file costs nothing extra; row parsers may treat every text field as valid UTF-8.
#include "io/csv_import.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <string>
#include <system_error>
#include <thread>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace fms::io::csv {
namespace {

// Below this many bytes per thread, starting a thread costs more than it saves.
constexpr std::size_t kMinChunkBytes = std::size_t{64} * 1024;

// Below this many rows, looking for repeated ids on one thread is quicker than starting more.
constexpr std::size_t kMinRowsForParallelRepeats = 100'000;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::string_view without_trailing_empty_lines(std::string_view text) {
  while (!text.empty() && text.back() == '\n') {
    text.remove_suffix(1);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  }
  return text;
}

std::string column_list(std::span<const Column> columns) {
  std::string out;
  for (const Column& column : columns) {
    if (!out.empty()) out += ',';
    out += column.name;
  }
  bool any_optional = false;
  for (const Column& column : columns) {
    if (column.required) continue;
    out += any_optional ? ", " : " (optional: ";
    out += column.name;
    any_optional = true;
  }
  if (any_optional) out += ")";
  return out;
}

std::string lower_case(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string unknown_column_message(std::string_view name, std::span<const Column> columns) {
  std::string hint;
  if (!name.empty() &&
      (name.front() == ' ' || name.back() == ' ' || name.front() == '\t' || name.back() == '\t')) {
    hint = " (column names are not trimmed: remove the spaces)";
  } else {
    const std::string lower = lower_case(name);
    for (const Column& column : columns) {
      if (column.name == lower) hint = " (column names are lower case: write " + lower + ")";
    }
  }
  return "unknown column" + hint + "; the columns are " + column_list(columns);
}

void match_header(std::span<const std::string_view> names, std::span<const Column> columns,
                  const HeadingLookup* lookup, ProblemLog& log, Table& table) {
  table.position.assign(columns.size(), kAbsent);
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string_view name = names[i];
    std::size_t index = kAbsent;
    if (lookup != nullptr) {
      index = lookup->column_of(name);
    } else {
      const auto known = std::find_if(columns.begin(), columns.end(),
                                      [&](const Column& column) { return column.name == name; });
      if (known != columns.end()) index = static_cast<std::size_t>(known - columns.begin());
    }
    if (index == kAbsent) {
      log.add(1, cut_at_character(name, kMaxQuotedBytes),
              lookup != nullptr ? lookup->unknown_message(name)
                                : unknown_column_message(name, columns));
      continue;
    }
    std::size_t& position = table.position[index];
    if (position != kAbsent) {
      const bool same_name = names[position] == name;
      log.add(1, cut_at_character(name, kMaxQuotedBytes),
              same_name ? "the column appears more than once in the header (columns " +
                              std::to_string(position + 1) + " and " + std::to_string(i + 1) + ")"
                        : "column " + std::to_string(i + 1) + " names the field " +
                              std::string(columns[index].name) + ", as column " +
                              std::to_string(position + 1) + " " +
                              in_quotes(cut_at_character(names[position], kMaxQuotedBytes)) +
                              " does; a field has one column");
      continue;
    }
    position = i;
  }
  for (std::size_t j = 0; j < columns.size(); ++j) {
    if (columns[j].required && table.position[j] == kAbsent) {
      log.add(1, columns[j].name,
              "the required column is missing from the header; the columns are " +
                  column_list(columns));
    }
  }
}

}  // namespace

bool open_table(std::string_view text, std::span<const Column> columns, const Limits& limits,
                ProblemLog& log, Table& table, const HeadingLookup* lookup,
                std::vector<std::string>* headings) {
  if (text.size() > limits.max_file_bytes) {
    log.add(1, "",
            "the file is " + grouped(static_cast<std::int64_t>(text.size())) + " bytes; at most " +
                grouped(static_cast<std::int64_t>(limits.max_file_bytes)) +
                " bytes are allowed; split it into several documents");
    return false;
  }
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    text.remove_prefix(kByteOrderMark.size());
  }
  text = without_trailing_empty_lines(text);
  if (text.empty()) {
    log.add(1, "", "the file is empty; its first line must be the header: " + column_list(columns));
    return false;
  }

  CsvReader reader(text);
  CsvRow header;
  if (!reader.next(header)) return false;  // unreachable: the text is not empty
  if (!header.ascii && !check_utf8(header, log)) return false;
  if (!header.syntax_error.empty()) {
    log.add(header.line, "", "in the header: " + std::string(header.syntax_error));
    return false;
  }
  if (header.blank) {
    log.add(1, "", "the first line is empty; it must be the header: " + column_list(columns));
    return false;
  }
  match_header(header.fields, columns, lookup, log, table);
  if (!log.empty()) return false;
  if (headings != nullptr) headings->assign(header.fields.begin(), header.fields.end());
  table.field_count = header.fields.size();
  table.body = text.substr(reader.offset());
  table.body_first_line = reader.next_line();
  return true;
}

bool check_utf8(const CsvRow& row, ProblemLog& log) {
  const std::size_t invalid = first_invalid_utf8(row.text);
  if (invalid == row.text.size()) return true;
  // The row may span lines (a quoted field with line breaks): find the line and column.
  const std::string_view before = row.text.substr(0, invalid);
  const std::size_t line_start = before.rfind('\n') + 1;  // npos + 1 == 0
  const auto line =
      static_cast<std::uint32_t>(row.line + std::count(before.begin(), before.end(), '\n'));
  log.add(line, "",
          "the file is not valid UTF-8: the byte at column " +
              std::to_string(invalid - line_start + 1) +
              " of this line does not start a valid UTF-8 character; save the file as UTF-8");
  return false;
}

void check_row_count(std::size_t rows, const Limits& limits, ProblemLog& log) {
  if (rows == 0) {
    log.add(1, "", "the file has a header but no data rows");
  } else if (rows > limits.max_rows) {
    log.add(1, "",
            "the file has " + grouped(static_cast<std::int64_t>(rows)) + " data rows; at most " +
                grouped(static_cast<std::int64_t>(limits.max_rows)) +
                " are allowed in one document; split it");
  }
}

unsigned thread_count(unsigned requested) {
  unsigned threads = requested == 0 ? std::thread::hardware_concurrency() : requested;
  return std::clamp(threads, 1U, kMaxParseThreads);
}

std::vector<std::string_view> split_at_line_feeds(std::string_view body, unsigned threads) {
  const std::size_t parts = std::min<std::size_t>(threads, body.size() / kMinChunkBytes);
  if (parts <= 1) return {body};
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  for (std::size_t k = 1; k < parts; ++k) {
    const std::size_t target = std::max(start, k * (body.size() / parts));
    const void* line_feed = std::memchr(body.data() + target, '\n', body.size() - target);
    if (line_feed == nullptr) break;
    const auto end =
        static_cast<std::size_t>(static_cast<const char*>(line_feed) - body.data()) + 1;
    if (end >= body.size()) break;
    pieces.push_back(body.substr(start, end - start));
    start = end;
  }
  pieces.push_back(body.substr(start));
  return pieces;
}

void report_repeats(const StringColumn& values, std::span<const std::uint32_t> lines,
                    std::string_view field, unsigned threads, ProblemLog& log) {
  // Rows are grouped by the top bits of their hash into partitions small enough for a hash
  // table that stays in cache; each partition, in row order, is then checked on its own.
  const std::size_t count = values.size();
  constexpr unsigned kPartitionBits = 8;
  constexpr std::size_t kPartitions = std::size_t{1} << kPartitionBits;
  std::vector<std::uint64_t> hashes;
  reserve_column(hashes, count);
  hashes.resize(count);
  std::vector<std::size_t> partition_end(kPartitions + 1, 0);
  const std::hash<std::string_view> hash;
  for (std::size_t i = 0; i < count; ++i) {
    hashes[i] = hash(values.at(i));
    ++partition_end[(hashes[i] >> (64 - kPartitionBits)) + 1];
  }
  for (std::size_t p = 1; p <= kPartitions; ++p) partition_end[p] += partition_end[p - 1];
  std::vector<std::size_t> fill(partition_end.begin(), partition_end.end() - 1);
  std::vector<std::uint32_t> rows_by_partition;
  reserve_column(rows_by_partition, count);
  rows_by_partition.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    rows_by_partition[fill[hashes[i] >> (64 - kPartitionBits)]++] = static_cast<std::uint32_t>(i);
  }

  const unsigned workers = count < kMinRowsForParallelRepeats ? 1 : threads;
  std::vector<ProblemLog> logs(workers);
  std::atomic<std::size_t> next_partition{0};
  base::run_in_parallel(workers, [&](std::size_t thread) {
    std::vector<std::uint32_t> slots;  // positions in the partition + 1; 0 = free
    for (std::size_t p = next_partition++; p < kPartitions; p = next_partition++) {
      const std::span<const std::uint32_t> rows =
          std::span<const std::uint32_t>(rows_by_partition)
              .subspan(partition_end[p], partition_end[p + 1] - partition_end[p]);
      std::size_t capacity = 16;
      while (capacity < 2 * rows.size()) capacity *= 2;
      slots.assign(capacity, 0);
      for (std::size_t k = 0; k < rows.size(); ++k) {
        const std::uint32_t row = rows[k];
        std::size_t slot = hashes[row] & (capacity - 1);
        for (; slots[slot] != 0; slot = (slot + 1) & (capacity - 1)) {
          const std::uint32_t first = rows[slots[slot] - 1];
          if (hashes[first] != hashes[row] || values.at(first) != values.at(row)) continue;
          logs[thread].report(lines[row], field, [&] {
            return in_quotes(values.at(row)) + " is used more than once; first on line " +
                   std::to_string(lines[first]) + "; each " + std::string(field) +
                   " must be unique in the file";
          });
          break;
        }
        if (slots[slot] == 0) slots[slot] = static_cast<std::uint32_t>(k + 1);
      }
    }
  });
  for (const ProblemLog& thread_log : logs) log.absorb(thread_log);
}

void prefer_huge_pages(const void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
  if (bytes < 2 * kHugePage) return;  // not worth a system call
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t last = (begin + bytes) & ~(kHugePage - 1);
  if (last <= first) return;
  // Only a hint: if the kernel refuses, the memory is simply mapped in small pages.
  (void)madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

void reserve_strings(StringColumn& column, std::size_t rows, std::size_t max_bytes,
                     std::size_t text_bytes) {
  reserve_column(column.ends, rows);
  std::vector<char>& bytes = column.bytes.owned();
  bytes.reserve(std::min(rows * max_bytes, text_bytes));
  prefer_huge_pages(bytes.data(), bytes.capacity());
}

}  // namespace fms::io::csv
