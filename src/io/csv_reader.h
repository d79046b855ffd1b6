// A strict RFC 4180 CSV reader over text already in memory.
//
// Fields are separated by ',' and rows end with LF or CRLF (both may appear in one file). A
// field that starts with '"' is quoted: it runs to the next lone '"', may contain commas, line
// breaks and quotes written twice (""), and must be followed by ',' or the end of the row.
// Anything else is a syntax error reported on the row it occurs in, after which the reader
// carries on at the next line so one bad row does not hide the others:
//   - a '"' inside an unquoted field,
//   - text between a closing quote and the next ',' or line break,
//   - a carriage return not followed by a line feed, outside quotes,
//   - a quoted field still open at the end of the text.
//
// The reader never allocates per field: a field is a view into the text, except a quoted field
// with doubled quotes, which is unescaped into a buffer the reader owns and reuses. The views
// stay valid until the next call to next(). Rows are numbered by physical line: a row starting
// on line N is row line N even when a quoted field in it spans several lines.
//
// Each row also says whether its bytes are all ASCII, found while splitting it, so a caller can
// leave UTF-8 validation to the rare rows that need it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace fms::io {

struct CsvRow {
  std::uint32_t line = 0;                // physical line the row starts on
  std::vector<std::string_view> fields;  // valid until the reader's next call to next()
  std::string_view text;                 // the row as written, without its final line break
  bool ascii = true;                     // true: `text` is ASCII; false: it may not be
  bool blank = false;                    // the line was entirely empty: no fields at all
  std::string_view syntax_error;         // non-empty: the row is malformed and `fields` unusable
};

// What the reader does on meeting a '"'. `stop` serves a reader given an arbitrary slice of a
// file, which is only safe to read when nothing in it is quoted.
enum class QuotedFields { allow, stop };

class CsvReader {
 public:
  // `first_line` is the physical line number of text[0] (lets a reader start mid-file).
  explicit CsvReader(std::string_view text, std::uint32_t first_line = 1,
                     QuotedFields quoted_fields = QuotedFields::allow);

  // Reads the next row into `row`, reusing its storage. Returns false once the text is used up,
  // or, with QuotedFields::stop, at the first row holding a '"' (then stopped_at_quote()).
  bool next(CsvRow& row);

  [[nodiscard]] bool stopped_at_quote() const { return stopped_at_quote_; }
  // The physical line the next row starts on; after the last row, one past the last line break.
  [[nodiscard]] std::uint32_t next_line() const { return line_; }
  // Bytes of the text consumed so far.
  [[nodiscard]] std::size_t offset() const { return position_; }

 private:
  enum class FieldEnd { comma, row_end, error };
  enum class PlainRow { read, not_plain };

  // The common case: a row without any '"' or lone CR, split in one pass eight bytes at a time.
  PlainRow read_plain_row(CsvRow& row);
  FieldEnd read_unquoted(CsvRow& row);
  FieldEnd read_quoted(CsvRow& row);
  // After a syntax error: skip to the start of the next physical line.
  void skip_rest_of_line();
  FieldEnd end_after(char c);  // consumes the separator or line break `c` at position_

  // Constant after construction.
  std::string_view text_;
  QuotedFields quoted_fields_;
  // Advanced by next().
  std::size_t position_ = 0;
  std::uint32_t line_;
  bool stopped_at_quote_ = false;
  std::string unescaped_;  // quoted fields with doubled quotes, for the current row
  struct UnescapedField {
    std::size_t field_index;
    std::size_t begin;
    std::size_t size;
  };
  std::vector<UnescapedField> unescaped_fields_;
  std::string_view error_;
};

using fms::first_invalid_utf8;  // core/text.h

}  // namespace fms::io
