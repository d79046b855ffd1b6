// The RFC 4180 reader (io/csv_reader.h) on any bytes. Checked on every input:
//  - the reader ends, consumes the whole text, and numbers rows by increasing physical line;
//  - a row marked ASCII is ASCII; a blank row has no fields;
//  - a well-formed row without quotes is its fields joined by ','; any well-formed row, written
//    back with every field quoted, reads back as the same fields;
//  - with QuotedFields::stop the reader gives the same rows up to the first row holding a '"',
//    and stops there;
//  - first_invalid_utf8 agrees with the plain decoder of fuzz_support.h.
#include "io/csv_reader.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.h"

namespace {

using fms::fuzz::check;
using fms::io::CsvReader;
using fms::io::CsvRow;
using fms::io::QuotedFields;

bool is_ascii(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

std::string joined(const std::vector<std::string_view>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.append(fields[i]);
  }
  return out;
}

// The fields as one CSV row with every field quoted.
std::string quoted_row(const std::vector<std::string_view>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.push_back('"');
    for (const char c : fields[i]) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out.push_back('"');
  }
  out.push_back('\n');
  return out;
}

void check_quoted_round_trip(const CsvRow& row) {
  const std::vector<std::string> expected(row.fields.begin(), row.fields.end());
  const std::string written = quoted_row(row.fields);
  CsvReader again(written);
  CsvRow back;
  check(again.next(back), "a row written back reads as a row");
  check(back.syntax_error.empty(), "a row written back is well formed", back.syntax_error);
  check(back.line == 1, "a row written back starts on line 1");
  check(back.fields.size() == expected.size(), "a row written back has the same fields");
  for (std::size_t i = 0; i < expected.size(); ++i) {
    check(back.fields[i] == expected[i], "a row written back has the same field values");
  }
  check(!again.next(back), "a row written back is one row");
}

bool same_row(const CsvRow& a, const CsvRow& b) {
  return a.line == b.line && a.fields == b.fields && a.text == b.text && a.blank == b.blank &&
         a.syntax_error == b.syntax_error && a.ascii == b.ascii;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fms::fuzz::as_text(data, size);
  check(fms::io::first_invalid_utf8(text) == fms::fuzz::first_invalid_utf8(text),
        "first_invalid_utf8 agrees with the definition");

  CsvReader reader(text);
  CsvReader stopping(text, 1, QuotedFields::stop);
  bool stopped = false;
  CsvRow row;
  CsvRow stop_row;
  std::uint32_t previous_line = 0;
  std::size_t previous_offset = 0;
  std::size_t rows = 0;
  while (reader.next(row)) {
    ++rows;
    check(rows <= text.size(), "every row consumes text");
    check(reader.offset() > previous_offset && reader.offset() <= text.size(),
          "each row moves the reader forward within the text");
    check(row.line > previous_line, "rows are numbered by increasing physical line");
    check(row.text.empty() || (row.text.data() >= text.data() &&
                               row.text.data() + row.text.size() <= text.data() + text.size()),
          "a row's text is a view into the input");
    check(!row.ascii || is_ascii(row.text), "a row marked ASCII is ASCII");
    check(!row.blank || (row.fields.empty() && row.text.empty()), "a blank row has no fields");
    if (row.syntax_error.empty() && !row.blank) {
      check(!row.fields.empty(), "a well-formed row has fields");
      if (row.text.find('"') == std::string_view::npos) {
        check(joined(row.fields) == row.text, "a row without quotes is its fields joined by ','");
      }
      check_quoted_round_trip(row);
    }
    if (!stopped) {
      if (row.text.find('"') == std::string_view::npos) {
        check(stopping.next(stop_row) && same_row(row, stop_row),
              "QuotedFields::stop reads a row without quotes as QuotedFields::allow does");
      } else {
        check(!stopping.next(stop_row) && stopping.stopped_at_quote(),
              "QuotedFields::stop stops at the first row holding a quote");
        stopped = true;
      }
    }
    previous_line = row.line;
    previous_offset = reader.offset();
  }
  check(reader.offset() == text.size(), "the reader consumes the whole text");
  if (!stopped) {
    check(!stopping.next(stop_row) && !stopping.stopped_at_quote(),
          "QuotedFields::stop ends where QuotedFields::allow does on a text without quotes");
  }
  return 0;
}
