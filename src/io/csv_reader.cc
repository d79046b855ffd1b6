// The RFC 4180 reader. Most rows of an execution file hold no quote at all, so a row is first
// split in one pass over 16-byte blocks (SSE2) or eight-byte words, each tested at once for the
// four bytes that matter (',' LF CR '"'), the field ends taken from the resulting bit mask. A row
// with a '"' or a lone CR is read again field by field: quoted fields jump from quote to quote with
// memchr and count the line breaks they contain, so row line numbers stay physical.
#include "io/csv_reader.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fms::io {
namespace {

constexpr std::array<bool, 256> kEndsUnquotedField = [] {
  std::array<bool, 256> table{};
  table[static_cast<unsigned char>(',')] = true;
  table[static_cast<unsigned char>('\n')] = true;
  table[static_cast<unsigned char>('\r')] = true;
  table[static_cast<unsigned char>('"')] = true;
  return table;
}();

constexpr std::string_view kQuoteInUnquotedField =
    "a '\"' inside an unquoted field; quote the whole field and write each '\"' in it as '\"\"'";
constexpr std::string_view kTextAfterClosingQuote =
    "text after the closing '\"' of a quoted field; a quoted field must be followed by ',' or "
    "the end of the row";
constexpr std::string_view kLoneCarriageReturn =
    "a carriage return (CR) not followed by a line feed (LF); rows end with LF or CRLF";
constexpr std::string_view kUnclosedQuote =
    "a quoted field is not closed: the closing '\"' is missing before the end of the file";

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
constexpr std::uint64_t kHigh = 0x8080808080808080ULL;

// The high bit of every byte of `word` equal to `c`, exactly (no false positives).
constexpr std::uint64_t bytes_equal(std::uint64_t word, char c) {
  const std::uint64_t x = word ^ (kOnes * static_cast<unsigned char>(c));
  return ~(((x & kLow7) + kLow7) | x | kLow7);
}

std::uint32_t count_line_feeds(std::string_view text) {
  return static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n'));
}

bool is_ascii(std::string_view text) {
  std::uint64_t high_bits = 0;
  std::size_t i = 0;
  for (; i + sizeof(std::uint64_t) <= text.size(); i += sizeof(std::uint64_t)) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, sizeof word);
    high_bits |= word;
  }
  for (; i < text.size(); ++i) high_bits |= static_cast<unsigned char>(text[i]);
  return (high_bits & kHigh) == 0;
}

}  // namespace

CsvReader::CsvReader(std::string_view text, std::uint32_t first_line, QuotedFields quoted_fields)
    : text_(text), quoted_fields_(quoted_fields), line_(first_line) {}

bool CsvReader::next(CsvRow& row) {
  row.fields.clear();
  row.blank = false;
  row.ascii = true;
  row.text = {};
  row.syntax_error = {};
  unescaped_.clear();
  unescaped_fields_.clear();
  if (position_ >= text_.size()) return false;

  row.line = line_;
  const std::size_t start = position_;
  const char first = text_[start];
  if (first == '\n' || (first == '\r' && start + 1 < text_.size() && text_[start + 1] == '\n')) {
    position_ += first == '\n' ? 1 : 2;
    ++line_;
    row.blank = true;
    return true;
  }
  if (read_plain_row(row) == PlainRow::read) return true;

  row.fields.clear();
  position_ = start;
  if (quoted_fields_ == QuotedFields::stop) {
    const std::size_t line_end = std::min(text_.find('\n', start), text_.size());
    if (text_.substr(start, line_end - start).find('"') != std::string_view::npos) {
      stopped_at_quote_ = true;
      position_ = text_.size();
      return false;
    }
  }
  while (true) {
    const bool quoted = position_ < text_.size() && text_[position_] == '"';
    const FieldEnd end = quoted ? read_quoted(row) : read_unquoted(row);
    if (end == FieldEnd::error) {
      row.syntax_error = error_;
      skip_rest_of_line();
      break;
    }
    if (end == FieldEnd::row_end) break;
  }
  row.text = text_.substr(start, position_ - start);
  if (row.syntax_error.empty() && !row.text.empty() && row.text.back() == '\n') {
    row.text.remove_suffix(row.text.size() > 1 && row.text[row.text.size() - 2] == '\r' ? 2 : 1);
  }
  row.ascii = is_ascii(row.text);
  const std::string_view unescaped(unescaped_);
  for (const UnescapedField& field : unescaped_fields_) {
    row.fields[field.field_index] = unescaped.substr(field.begin, field.size);
  }
  return true;
}

namespace {

// The scans of read_plain_row: each steps `p` over whole blocks of the text, calls
// at_special(i) for each ',' LF CR '"' in order, and returns true as soon as one completes the
// row. Inlined into their one caller, so the lambda costs nothing.
#if defined(__SSE2__)
// Sixteen bytes per step: one compare per special byte, one mask bit per byte.
template <class AtSpecial>
[[gnu::always_inline]] inline bool scan_sse2(const char* data, std::size_t size, std::size_t& p,
                                             unsigned& non_ascii, AtSpecial&& at_special) {
  const __m128i commas = _mm_set1_epi8(',');
  const __m128i line_feeds = _mm_set1_epi8('\n');
  const __m128i returns = _mm_set1_epi8('\r');
  const __m128i quotes = _mm_set1_epi8('"');
  for (; p + sizeof(__m128i) <= size; p += sizeof(__m128i)) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + p));
    non_ascii |= static_cast<unsigned>(_mm_movemask_epi8(block));
    auto found = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, commas), _mm_cmpeq_epi8(block, line_feeds)),
                     _mm_or_si128(_mm_cmpeq_epi8(block, returns), _mm_cmpeq_epi8(block, quotes)))));
    while (found != 0) {
      const std::size_t i = p + static_cast<std::size_t>(std::countr_zero(found));
      found &= found - 1;
      if (at_special(i)) return true;
    }
  }
  return false;
}
#endif

// Eight bytes per step, on little-endian machines.
template <class AtSpecial>
[[gnu::always_inline]] inline bool scan_words(const char* data, std::size_t size, std::size_t& p,
                                              std::uint64_t& high_bits, AtSpecial&& at_special) {
  if constexpr (std::endian::native == std::endian::little) {
    for (; p + sizeof(std::uint64_t) <= size; p += sizeof(std::uint64_t)) {
      std::uint64_t word = 0;
      std::memcpy(&word, data + p, sizeof word);
      high_bits |= word;
      std::uint64_t found = bytes_equal(word, ',') | bytes_equal(word, '\n') |
                            bytes_equal(word, '\r') | bytes_equal(word, '"');
      while (found != 0) {
        // The lowest marked byte comes first in the text (little-endian).
        const std::size_t i = p + static_cast<std::size_t>(std::countr_zero(found)) / 8U;
        found &= found - 1;
        if (at_special(i)) return true;
      }
    }
  }
  return false;
}

}  // namespace

CsvReader::PlainRow CsvReader::read_plain_row(CsvRow& row) {
  const char* data = text_.data();
  const std::size_t size = text_.size();
  const std::size_t start = position_;
  std::size_t field_start = start;
  // OR of the bytes seen, possibly a few past the row end: a false alarm costs one validation.
  std::uint64_t high_bits = 0;
  unsigned non_ascii = 0;  // the same, as SSE2 byte masks
  // Handles the byte at `i`, one of ',' LF CR '"'. Returns true when the row is complete.
  const auto at_special = [&](std::size_t i, PlainRow& outcome) {
    const char c = data[i];
    if (c == ',') {
      row.fields.emplace_back(data + field_start, i - field_start);
      field_start = i + 1;
      return false;
    }
    std::size_t next = i + 1;
    if (c == '\r') {
      if (i + 1 >= size || data[i + 1] != '\n') {
        outcome = PlainRow::not_plain;
        return true;
      }
      next = i + 2;
    } else if (c == '"') {
      outcome = PlainRow::not_plain;
      return true;
    }
    row.fields.emplace_back(data + field_start, i - field_start);
    row.text = std::string_view(data + start, i - start);
    row.ascii = (high_bits & kHigh) == 0 && non_ascii == 0;
    position_ = next;
    ++line_;
    outcome = PlainRow::read;
    return true;
  };

  std::size_t p = start;
  PlainRow outcome = PlainRow::read;
#if defined(__SSE2__)
  if (scan_sse2(data, size, p, non_ascii, [&](std::size_t i) { return at_special(i, outcome); })) {
    return outcome;
  }
#endif
  if (scan_words(data, size, p, high_bits, [&](std::size_t i) { return at_special(i, outcome); })) {
    return outcome;
  }
  for (; p < size; ++p) {
    high_bits |= static_cast<unsigned char>(data[p]);
    if (kEndsUnquotedField[static_cast<unsigned char>(data[p])] && at_special(p, outcome)) {
      return outcome;
    }
  }
  // The last row of a text without a final line break.
  row.fields.emplace_back(data + field_start, size - field_start);
  row.text = std::string_view(data + start, size - start);
  row.ascii = (high_bits & kHigh) == 0 && non_ascii == 0;
  position_ = size;
  return PlainRow::read;
}

CsvReader::FieldEnd CsvReader::read_unquoted(CsvRow& row) {
  const std::size_t start = position_;
  const std::size_t size = text_.size();
  const char* data = text_.data();
  std::size_t p = start;
  while (p < size && !kEndsUnquotedField[static_cast<unsigned char>(data[p])]) ++p;
  row.fields.push_back(text_.substr(start, p - start));
  position_ = p;
  if (p == size) return FieldEnd::row_end;
  if (data[p] == '"') {
    error_ = kQuoteInUnquotedField;
    return FieldEnd::error;
  }
  return end_after(data[p]);
}

CsvReader::FieldEnd CsvReader::read_quoted(CsvRow& row) {
  const std::size_t size = text_.size();
  ++position_;  // the opening quote
  std::size_t segment_start = position_;
  bool has_doubled_quotes = false;
  std::size_t unescaped_begin = 0;
  while (true) {
    const void* found = std::memchr(text_.data() + position_, '"', size - position_);
    if (found == nullptr) {
      line_ += count_line_feeds(text_.substr(position_));
      position_ = size;
      error_ = kUnclosedQuote;
      return FieldEnd::error;
    }
    const auto quote = static_cast<std::size_t>(static_cast<const char*>(found) - text_.data());
    line_ += count_line_feeds(text_.substr(position_, quote - position_));
    if (quote + 1 < size && text_[quote + 1] == '"') {
      if (!has_doubled_quotes) {
        has_doubled_quotes = true;
        unescaped_begin = unescaped_.size();
      }
      unescaped_.append(text_.substr(segment_start, quote + 1 - segment_start));  // one quote kept
      position_ = quote + 2;
      segment_start = position_;
      continue;
    }
    if (has_doubled_quotes) {
      unescaped_.append(text_.substr(segment_start, quote - segment_start));
      unescaped_fields_.push_back(
          {row.fields.size(), unescaped_begin, unescaped_.size() - unescaped_begin});
      row.fields.emplace_back();  // filled in once the row is complete
    } else {
      row.fields.push_back(text_.substr(segment_start, quote - segment_start));
    }
    position_ = quote + 1;
    if (position_ == size) return FieldEnd::row_end;
    const char after = text_[position_];
    if (after == ',' || after == '\n' || after == '\r') return end_after(after);
    error_ = kTextAfterClosingQuote;
    return FieldEnd::error;
  }
}

CsvReader::FieldEnd CsvReader::end_after(char c) {
  if (c == ',') {
    ++position_;
    return FieldEnd::comma;
  }
  if (c == '\n') {
    ++position_;
    ++line_;
    return FieldEnd::row_end;
  }
  if (position_ + 1 < text_.size() && text_[position_ + 1] == '\n') {  // CRLF
    position_ += 2;
    ++line_;
    return FieldEnd::row_end;
  }
  error_ = kLoneCarriageReturn;
  return FieldEnd::error;
}

void CsvReader::skip_rest_of_line() {
  if (position_ >= text_.size()) return;
  const void* found = std::memchr(text_.data() + position_, '\n', text_.size() - position_);
  if (found == nullptr) {
    position_ = text_.size();
    return;
  }
  position_ = static_cast<std::size_t>(static_cast<const char*>(found) - text_.data()) + 1;
  ++line_;
}

}  // namespace fms::io
