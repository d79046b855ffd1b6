// Field parsers shared by the execution-document importers (docs/formats/*.md), and the log
// their problems go to.
//
// Each read_* function checks one field of one row. On success it stores the value and returns
// true without allocating; on failure it records one problem ("field \"quantity\": \"-3\" is not
// a whole number from 0 to 999,999,999") and returns false. Values are never trimmed: leading or
// trailing spaces are reported as such. Numbers and dates are parsed by hand because importers
// run them millions of times per file; the date parser is checked against CivilDate::parse, whose
// messages it reuses when a date is wrong.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"
#include "core/execution.h"

namespace fms::io::csv {

inline constexpr std::size_t kMaxQuotedBytes = 40;  // longer values are cut short in messages
// Largest yen amount one payment row may carry (under JPY 10^14, about USD 650 billion).
inline constexpr std::int64_t kMaxRowYen = 99'999'999'999'999;

// The longest prefix of `text` of at most `max_bytes` that does not split a UTF-8 character.
std::string_view cut_at_character(std::string_view text, std::size_t max_bytes);
// "\"value\"", cut to at most kMaxQuotedBytes (at a UTF-8 character boundary) with "..." so one
// huge field cannot flood a message.
std::string in_quotes(std::string_view text);
// 999999999 -> "999,999,999"; 99999 cents -> "999.99" with `decimals` = 2.
std::string grouped(std::int64_t value, int decimals = 0);

// Problems of one file (or one part of it). Keeps the kMaxReportedProblems with the lowest line
// numbers, in line order (problems of one line in the order found), and counts all of them.
class ProblemLog {
 public:
  [[nodiscard]] bool empty() const { return total_ == 0; }
  [[nodiscard]] std::size_t total() const { return total_; }
  [[nodiscard]] const std::vector<RowProblem>& kept() const { return kept_; }

  // Whether a problem on `line` would be kept; callers skip building messages nobody will read.
  [[nodiscard]] bool wants(std::uint32_t line) const {
    return kept_.size() < kMaxReportedProblems || line < kept_.back().line;
  }
  void add(std::uint32_t line, std::string_view field, std::string message);
  // Builds the message only when it would be kept; counts the problem either way.
  template <class BuildMessage>
  void report(std::uint32_t line, std::string_view field, BuildMessage&& build_message) {
    if (wants(line)) {
      add(line, field, build_message());
    } else {
      ++total_;
    }
  }

  // Moves every kept line number by `offset` (a part of a file numbered from its own line 1).
  void shift_lines(std::uint32_t offset);
  // Takes over another log's problems, keeping line order and the overall count.
  void absorb(const ProblemLog& other);

  // The Error::invalid listing the problems as "SOURCE:LINE: field \"NAME\": PROBLEM".
  [[nodiscard]] Error to_error(std::string_view source) const;

 private:
  void insert_sorted(RowProblem problem);

  std::vector<RowProblem> kept_;  // sorted by line, at most kMaxReportedProblems
  std::size_t total_ = 0;
};

// One field of one row: its column name, its text, and the log its problems go to.
struct Field {
  ProblemLog& log;
  std::uint32_t line;
  std::string_view name;
  std::string_view text;

  template <class BuildMessage>
  void fail(BuildMessage&& build_message) const {
    log.report(line, name, std::forward<BuildMessage>(build_message));
  }
};

// A date as importers keep it: the CivilDate serial (days since 1970-01-01) and its parts.
struct DateValue {
  std::int32_t serial = 0;
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
};

// Strict "YYYY-MM-DD" in CivilDate's range (years 1900-2199), without allocating. Accepts
// exactly what CivilDate::parse accepts and gives the same serial.
std::optional<DateValue> parse_date(std::string_view text);
// Days since 1970-01-01 of a valid proleptic Gregorian date.
std::int32_t days_since_1970(int year, unsigned month, unsigned day);
// 31 Mar, 30 Jun, 30 Sep or 31 Dec: the dates DD 645 statements and delivery listings close on.
inline bool is_quarter_end(const DateValue& date) {
  return (date.month == 3 && date.day == 31) || (date.month == 6 && date.day == 30) ||
         (date.month == 9 && date.day == 30) || (date.month == 12 && date.day == 31);
}

// An exact decimal: optional '-' (only when `allow_negative`), digits, optional '.' followed by
// 1..`decimals` digits; no grouping, no '+', no exponent. Returns the value in minor units when
// its magnitude is at most `max_magnitude`.
std::optional<std::int64_t> parse_decimal(std::string_view text, int decimals, bool allow_negative,
                                          std::int64_t max_magnitude);

// Text checks that do not depend on the field's type. Each returns false after reporting.
bool report_padded(const Field& field);
bool report_missing(const Field& field);
// No leading or trailing space or tab.
inline bool check_not_padded(const Field& field) {
  const std::string_view text = field.text;
  const auto padding = [](char c) { return c == ' ' || c == '\t'; };
  if (text.empty() || (!padding(text.front()) && !padding(text.back()))) return true;
  return report_padded(field);
}
// Not empty, not padded.
inline bool check_present(const Field& field) {
  if (field.text.empty()) return report_missing(field);
  return check_not_padded(field);
}

// A whole number in [min, max], digits only (no sign, no grouping).
bool read_whole_number(const Field& field, std::int64_t min, std::int64_t max, std::int64_t& out);
// USD with at most 2 decimals, |value| <= kMaxRowValueCents; negative only if allowed.
bool read_usd_cents(const Field& field, bool allow_negative, std::int64_t& out_cents);
// Whole yen, |value| <= kMaxRowYen, a leading '-' allowed (a refund).
bool read_signed_yen(const Field& field, std::int64_t& out_yen);
// A date per parse_date; a wrong one is reported with CivilDate::parse's message.
bool read_date(const Field& field, DateValue& out);
// The last date a column held: rows of a listing mostly repeat it (the reporting quarter end
// always, ship dates in runs), and comparing ten bytes is cheaper than parsing them.
struct DateMemo {
  std::array<char, 10> text{};
  DateValue value;
  bool valid = false;
};
bool read_date(const Field& field, DateValue& out, DateMemo& memo);

// Identifiers made of a fixed set of ASCII characters, with a length range.
class IdentifierRule {
 public:
  // `punctuation`: characters allowed besides A-Z and 0-9 (and a-z when `lower_case`).
  constexpr IdentifierRule(std::string_view what_text, std::size_t min, std::size_t max,
                           bool lower_case, std::string_view punctuation,
                           std::string_view allowed_set)
      : what(what_text), min_bytes(min), max_bytes(max), characters(allowed_set) {
    for (char c = '0'; c <= '9'; ++c) allowed_[static_cast<unsigned char>(c)] = true;
    for (char c = 'A'; c <= 'Z'; ++c) allowed_[static_cast<unsigned char>(c)] = true;
    for (char c = 'a'; lower_case && c <= 'z'; ++c) allowed_[static_cast<unsigned char>(c)] = true;
    for (const char c : punctuation) allowed_[static_cast<unsigned char>(c)] = true;
  }
  [[nodiscard]] constexpr bool allows(char c) const {
    return allowed_[static_cast<unsigned char>(c)];
  }

  std::string_view what;  // "a document number"
  std::size_t min_bytes;
  std::size_t max_bytes;
  std::string_view characters;  // the allowed set, for messages: "A-Z, 0-9 and '-'"

 private:
  std::array<bool, 256> allowed_{};
};
// MILSTRIP document number as the delivery listing and receipts carry it.
inline constexpr IdentifierRule kDocumentNumberRule{
    "a document number", 1, kMaxDocumentNumberBytes, false, "-", "A-Z, 0-9 and '-'"};
inline constexpr IdentifierRule kTcnRule{
    "a transportation control number", 1, kMaxTcnBytes, false, "", "A-Z and 0-9"};
inline constexpr IdentifierRule kReceiptIdRule{
    "a receipt id", 1, kMaxReceiptIdBytes, true, "-_/.", "A-Z, a-z, 0-9, '-', '_', '/' and '.'"};
inline constexpr IdentifierRule kPaymentIdRule{
    "a payment id", 1, kMaxPaymentIdBytes, true, "-_/.", "A-Z, a-z, 0-9, '-', '_', '/' and '.'"};
bool read_identifier(const Field& field, const IdentifierRule& rule);

// An LOA line number (core/loa_rules.h: "001".."999", optional sub-line letter "001a").
bool read_line_number(const Field& field);
// A case identifier in its canonical shape CC-I-DDD ("JA-P-TWK"), codes not looked up.
bool read_case_id_shape(const Field& field);
// Free text of `min_bytes` to `max_bytes` (the file is already known to be UTF-8). No control
// characters except, when `allow_line_breaks`, tab, CR and LF inside the text.
bool read_text(const Field& field, std::size_t min_bytes, std::size_t max_bytes,
               bool allow_line_breaks);

}  // namespace fms::io::csv
