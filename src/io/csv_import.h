// The file-level half of every execution CSV import, shared by the four importers: size,
// header and encoding checks, the row loop, the row-count limit, and for the bulk documents
// (delivery listing, receipts) the split of a file into chunks parsed on separate threads.
//
// A file is checked in this order: size; a UTF-8 byte order mark is skipped; trailing empty
// lines are removed (so a final newline or a few blank lines at the end are accepted, while an
// empty line between rows is an error); not empty; the header (exact lower-case names, any
// order, required columns present, no unknown or repeated column). A failure there stops the
// import with only that step's problems, as reading rows would only add noise. Then every row
// is read and checked; a row that is not valid UTF-8 is reported and ends the reading.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/parallel.h"
#include "core/execution.h"
#include "core/reference_data.h"
#include "io/csv_fields.h"
#include "io/csv_reader.h"
#include "io/execution_csv.h"

namespace fms::io::csv {

// The limits a parse enforces. The public parsers pass the constants of core/execution.h;
// tests pass lower ones to reach a limit without building a gigabyte.
struct Limits {
  std::size_t max_file_bytes = kMaxExecutionFileBytes;
  std::size_t max_rows = 0;  // data rows, the header not counted
};
inline constexpr Limits kBulkLimits{kMaxExecutionFileBytes, kMaxBulkRows};
inline constexpr Limits kSmallLimits{kMaxExecutionFileBytes, kMaxSmallRows};

// The same parsers as io/execution_csv.h, with the limits given.
Result<DeliveryListing> parse_delivery_listing(std::string_view text, std::string_view source,
                                               const ReferenceData& reference,
                                               const CsvParseOptions& options,
                                               const Limits& limits);
Result<ReceiptInspections> parse_receipts(std::string_view text, std::string_view source,
                                          const CsvParseOptions& options, const Limits& limits);
Result<Bill> parse_bill(std::string_view text, std::string_view source,
                        const StatementColumnMap& columns, const Limits& limits);
Result<Payments> parse_payments(std::string_view text, std::string_view source,
                                const Limits& limits);

// A delivery listing's rows refer to their Delivery Term Code by a 16-bit index, so the
// reference data may list at most this many codes.
inline constexpr std::size_t kMaxDeliveryTermCodes = std::size_t{1} << 16;

// A column a document expects.
struct Column {
  std::string_view name;
  bool required = true;
};
inline constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);

// A file whose header matched the expected columns.
struct Table {
  std::string_view body;              // the data rows, trailing empty lines removed
  std::uint32_t body_first_line = 0;  // physical line of body[0]
  std::size_t field_count = 0;        // fields in the header, hence in every row
  std::vector<std::size_t> position;  // per expected column: its index in a row, or kAbsent
};

// How a header's headings name the expected columns. Without one, a heading names the column
// of exactly that name. The DD 645 reads its headings through a column map instead
// (core/statement_columns.h).
struct HeadingLookup {
  // The index in `columns` of the column `heading` names, or kAbsent.
  std::function<std::size_t(std::string_view heading)> column_of;
  // Why `heading` is refused when it names no column.
  std::function<std::string(std::string_view heading)> unknown_message;
};

// Checks size, encoding and header. Returns false when the rows cannot be read; the reasons
// are in `log`. `headings`, when given, receives the header's fields as written.
bool open_table(std::string_view text, std::span<const Column> columns, const Limits& limits,
                ProblemLog& log, Table& table, const HeadingLookup* lookup = nullptr,
                std::vector<std::string>* headings = nullptr);

// Reports a row count of zero or above the limit, at line 1.
void check_row_count(std::size_t rows, const Limits& limits, ProblemLog& log);

// What reading the rows of a text found besides the rows themselves.
struct RowLoop {
  std::size_t rows = 0;           // rows read, well formed or not
  std::uint32_t next_line = 0;    // physical line after the last row read
  bool invalid_utf8 = false;      // reading stopped at a row that is not valid UTF-8
  bool stopped_at_quote = false;  // QuotedFields::stop met a '"'; nothing read can be used
};

// Reports the first byte of `row` that is not valid UTF-8, if any, and returns false then.
bool check_utf8(const CsvRow& row, ProblemLog& log);

// Reads the rows of `text`, whose first byte is on physical line `first_line`. Syntax errors,
// empty lines and rows with a field count other than `field_count` are reported; every other
// row is passed to on_row(fields, line). The first row that is not valid UTF-8 is reported and
// ends the reading: the rest of such a file is not worth a row-by-row list.
template <class OnRow>
RowLoop for_each_row(std::string_view text, std::uint32_t first_line, std::size_t field_count,
                     QuotedFields quoted_fields, ProblemLog& log, OnRow&& on_row) {
  CsvReader reader(text, first_line, quoted_fields);
  CsvRow row;
  RowLoop loop;
  while (reader.next(row)) {
    ++loop.rows;
    if (!row.ascii && !check_utf8(row, log)) {
      loop.invalid_utf8 = true;
      break;
    }
    if (!row.syntax_error.empty()) {
      log.report(row.line, "", [&] { return std::string(row.syntax_error); });
    } else if (row.blank) {
      log.report(row.line, "", [] {
        return std::string(
            "empty line; only the end of the file may have empty lines, remove this one");
      });
    } else if (row.fields.size() != field_count) {
      log.report(row.line, "", [&] {
        return "the row has " + std::to_string(row.fields.size()) + " fields; the header has " +
               std::to_string(field_count);
      });
    } else {
      on_row(std::span<const std::string_view>(row.fields), row.line);
    }
  }
  loop.next_line = reader.next_line();
  loop.stopped_at_quote = reader.stopped_at_quote();
  return loop;
}

// Reports every value of `values` that already appeared on an earlier row, naming the line of
// its first appearance; `lines[i]` is the line of row i.
void report_repeats(const StringColumn& values, std::span<const std::uint32_t> lines,
                    std::string_view field, unsigned threads, ProblemLog& log);

// ---- parallel parsing of the bulk documents ----

// Threads to use for `requested` (0 = the hardware's count), between 1 and kMaxParseThreads.
unsigned thread_count(unsigned requested);

// Pieces of `body` to parse in parallel, each ending just after a line feed, each at least a
// minimum size so threads pay off.
std::vector<std::string_view> split_at_line_feeds(std::string_view body, unsigned threads);

// One piece of the body and what its parse found.
template <class Rows>
struct Chunk {
  std::string_view text;
  std::uint32_t first_line = 0;  // line numbering of text[0]: the file's for chunk 0, else 1
  QuotedFields quoted_fields = QuotedFields::allow;
  std::size_t capacity_rows = 0;   // rows to reserve room for (chunk 0: the whole file's)
  std::size_t capacity_bytes = 0;  // text bytes the reserved rows may take
  Rows rows;                       // with dictionaries local to the chunk
  ProblemLog log;
  RowLoop loop;
};

// Parses `table.body` and returns its rows; every problem goes to `log`, the number of rows
// read to `row_count`.
//  - parse_chunk(Chunk<Rows>&) reads chunk.text into chunk.rows, with room reserved for
//    chunk.capacity_rows rows, and sets chunk.loop;
//  - merge(Rows& into, std::span<Chunk<Rows>> later, std::span<const std::uint32_t>
//    line_offsets, unsigned threads) appends the later chunks' rows to chunk 0's in order,
//    translating dictionary indexes and adding line_offsets[k] to the line numbers of later[k].
// The body is cut at line feeds without looking at it first: if a chunk meets a '"' (a quoted
// field may span lines, so a line start need not be a row start), the parse starts over on one
// thread. Room is reserved assuming every row is at least `min_row_bytes` long, as every valid
// row is, so chunk 0 holds the whole result without moving.
template <class Rows, class ParseChunk, class Merge>
Rows parse_bulk(const Table& table, unsigned requested_threads, std::size_t min_row_bytes,
                ProblemLog& log, std::size_t& row_count, ParseChunk&& parse_chunk, Merge&& merge) {
  const unsigned threads = thread_count(requested_threads);
  const auto plan = [&](std::vector<std::string_view> pieces) {
    std::vector<Chunk<Rows>> chunks(pieces.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      chunks[i].text = pieces[i];
      chunks[i].first_line = i == 0 ? table.body_first_line : 1;
      chunks[i].quoted_fields = pieces.size() > 1 ? QuotedFields::stop : QuotedFields::allow;
      chunks[i].capacity_rows = pieces[i].size() / min_row_bytes + 1;
      chunks[i].capacity_bytes = pieces[i].size();
    }
    chunks[0].capacity_rows = table.body.size() / min_row_bytes + 1;
    chunks[0].capacity_bytes = table.body.size();
    return chunks;
  };
  std::vector<Chunk<Rows>> chunks = plan(split_at_line_feeds(table.body, threads));
  base::run_in_parallel(chunks.size(), [&](std::size_t i) { parse_chunk(chunks[i]); });
  const bool quoted = std::any_of(chunks.begin(), chunks.end(), [](const Chunk<Rows>& chunk) {
    return chunk.loop.stopped_at_quote;
  });
  if (quoted) {
    chunks = plan({table.body});
    parse_chunk(chunks[0]);
  }

  // A chunk that stopped at invalid UTF-8 ends the file, as it would on one thread.
  std::size_t used = 0;
  while (used < chunks.size() && !chunks[used].loop.invalid_utf8) ++used;
  used = std::min(used + 1, chunks.size());
  std::vector<std::uint32_t> line_offsets;
  std::uint32_t next_line = chunks[0].loop.next_line;
  row_count = chunks[0].loop.rows;
  log.absorb(chunks[0].log);
  for (std::size_t i = 1; i < used; ++i) {
    const std::uint32_t offset = next_line - 1;
    line_offsets.push_back(offset);
    chunks[i].log.shift_lines(offset);
    log.absorb(chunks[i].log);
    row_count += chunks[i].loop.rows;
    next_line = chunks[i].loop.next_line + offset;
  }
  Rows rows = std::move(chunks[0].rows);
  merge(rows, std::span<Chunk<Rows>>(chunks).subspan(1, used - 1), line_offsets, threads);
  return rows;
}

// Fresh memory is mapped one 4 KiB page fault at a time, and on a virtual machine a fault can
// cost tens of microseconds: measured, 0.7 s to first touch the ~128 MB of columns a
// 2,000,000-row listing fills, against 0.01 s with 2 MiB pages. So large buffers about to be
// filled ask the kernel for 2 MiB pages (Linux transparent huge pages; a hint, ignored
// elsewhere or when unavailable).
void prefer_huge_pages(const void* data, std::size_t bytes);

// Room for `rows` values, in memory that is cheap to fill.
template <class T>
void reserve_column(std::vector<T>& column, std::size_t rows) {
  column.reserve(rows);
  prefer_huge_pages(column.data(), column.capacity() * sizeof(T));
}
template <class T>
void reserve_column(fms::Column<T>& column, std::size_t rows) {
  reserve_column(column.owned(), rows);
}
// Room for `rows` strings of at most `max_bytes` each, within `text_bytes` of text.
void reserve_strings(StringColumn& column, std::size_t rows, std::size_t max_bytes,
                     std::size_t text_bytes);

// ---- merging chunks ----

// Index translation from a chunk's dictionary to the merged one. Entries are added to `merged`
// in the chunk's order, so merging chunks in file order keeps first-appearance order.
template <class Key, class Index>
std::vector<std::uint32_t> merge_dictionary(std::vector<Key>& merged, Index& index_of,
                                            const std::vector<Key>& chunk) {
  std::vector<std::uint32_t> translation(chunk.size());
  for (std::size_t i = 0; i < chunk.size(); ++i) {
    const auto [it, inserted] =
        index_of.try_emplace(chunk[i], static_cast<std::uint32_t>(merged.size()));
    if (inserted) merged.push_back(chunk[i]);
    translation[i] = it->second;
  }
  return translation;
}

// The translations of every later chunk's dictionary `member` into `into`'s.
template <class Rows, class Key>
std::vector<std::vector<std::uint32_t>> merge_dictionaries(std::vector<Key> Rows::*member,
                                                           Rows& into,
                                                           std::span<Chunk<Rows>> chunks) {
  std::map<Key, std::uint32_t> index_of;
  std::vector<Key>& merged = into.*member;
  for (std::size_t i = 0; i < merged.size(); ++i) {
    index_of.emplace(merged[i], static_cast<std::uint32_t>(i));
  }
  std::vector<std::vector<std::uint32_t>> translations;
  for (Chunk<Rows>& chunk : chunks) {
    translations.push_back(merge_dictionary(merged, index_of, chunk.rows.*member));
  }
  return translations;
}

// Appends column `member` of every later chunk to `into`'s.
template <class Rows, class T>
void append_column(fms::Column<T> Rows::*member, Rows& into, std::span<Chunk<Rows>> chunks) {
  fms::Column<T>& to = into.*member;
  for (const Chunk<Rows>& chunk : chunks) to.append(chunk.rows.*member);
}

// Appends dictionary-index column `member`, translating each chunk's indexes.
template <class Rows, class T>
void append_translated(fms::Column<T> Rows::*member, Rows& into, std::span<Chunk<Rows>> chunks,
                       const std::vector<std::vector<std::uint32_t>>& translations) {
  std::vector<T>& to = (into.*member).owned();
  for (std::size_t k = 0; k < chunks.size(); ++k) {
    const std::vector<std::uint32_t>& translation = translations[k];
    for (const T index : chunks[k].rows.*member) to.push_back(static_cast<T>(translation[index]));
  }
}

// Appends line-number column `member`, moving chunk k's numbers by line_offsets[k].
template <class Rows>
void append_lines(fms::Column<std::uint32_t> Rows::*member, Rows& into,
                  std::span<Chunk<Rows>> chunks, std::span<const std::uint32_t> line_offsets) {
  std::vector<std::uint32_t>& to = (into.*member).owned();
  for (std::size_t k = 0; k < chunks.size(); ++k) {
    const std::uint32_t offset = line_offsets[k];
    for (const std::uint32_t line : chunks[k].rows.*member) to.push_back(line + offset);
  }
}

// Appends string column `member` of every later chunk.
template <class Rows>
void append_strings(StringColumn Rows::*member, Rows& into, std::span<Chunk<Rows>> chunks) {
  StringColumn& to = into.*member;
  for (const Chunk<Rows>& chunk : chunks) {
    const StringColumn& from = chunk.rows.*member;
    const auto base = static_cast<std::uint32_t>(to.bytes.size());
    to.bytes.append(from.bytes);
    std::vector<std::uint32_t>& ends = to.ends.owned();
    for (const std::uint32_t end : from.ends) ends.push_back(end + base);
  }
}

}  // namespace fms::io::csv
