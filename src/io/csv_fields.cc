// Field parsers for the execution-document importers. The success paths touch only the bytes of
// the field; every message is built in a separate, cold branch and only when the problem log
// will keep it.
#include "io/csv_fields.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

#include "core/civil_date.h"
#include "core/loa_rules.h"

namespace fms::io::csv {
namespace {

constexpr int kYearMin = 1900;  // CivilDate's range
constexpr int kYearMax = 2199;
constexpr int kMaxDecimalDigits = 18;  // any more could overflow int64 before the range check

constexpr std::array<unsigned, 13> kDaysInMonth{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

constexpr bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned two_digits(const char* p) {
  return static_cast<unsigned>(p[0] - '0') * 10U + static_cast<unsigned>(p[1] - '0');
}

std::string amount_form(std::string_view currency, std::int64_t max_magnitude, int decimals,
                        bool allow_negative) {
  const std::string max = grouped(max_magnitude, decimals);
  std::string form = "an amount in " + std::string(currency) + " from " +
                     (allow_negative ? "-" + max : grouped(0, decimals)) + " to " + max + " (";
  if (allow_negative) form += "an optional '-', ";
  if (decimals == 0) {
    form += allow_negative ? "whole units, digits only; no decimals or grouping)"
                           : "whole units, digits only; no decimals, grouping or sign)";
  } else {
    form += "digits, an optional '.' and at most " + std::to_string(decimals) + " decimals; no " +
            (allow_negative ? "grouping)" : "grouping or sign)");
  }
  return form;
}

}  // namespace

std::string_view cut_at_character(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
  return text.substr(0, cut);
}

std::string in_quotes(std::string_view text) {
  if (text.size() <= kMaxQuotedBytes) return "\"" + std::string(text) + "\"";
  return "\"" + std::string(cut_at_character(text, kMaxQuotedBytes)) + "...\"";
}

std::string grouped(std::int64_t value, int decimals) {
  const bool negative = value < 0;
  // Magnitude in unsigned arithmetic so the most negative value is safe too.
  std::uint64_t magnitude =
      negative ? 0U - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  std::string fraction;
  for (int i = 0; i < decimals; ++i) {
    fraction.insert(fraction.begin(), static_cast<char>('0' + magnitude % 10U));
    magnitude /= 10U;
  }
  std::string whole = std::to_string(magnitude);
  for (std::size_t i = whole.size(); i > 3; i -= 3) whole.insert(i - 3, ",");
  std::string out = negative ? "-" + whole : whole;
  if (decimals > 0) out += "." + fraction;
  return out;
}

// ---- ProblemLog ----

void ProblemLog::add(std::uint32_t line, std::string_view field, std::string message) {
  ++total_;
  insert_sorted(RowProblem{line, std::string(field), std::move(message)});
}

void ProblemLog::insert_sorted(RowProblem problem) {
  const auto after_same_line =
      std::upper_bound(kept_.begin(), kept_.end(), problem.line,
                       [](std::uint32_t line, const RowProblem& kept) { return line < kept.line; });
  if (kept_.size() == kMaxReportedProblems && after_same_line == kept_.end()) return;
  kept_.insert(after_same_line, std::move(problem));
  if (kept_.size() > kMaxReportedProblems) kept_.pop_back();
}

void ProblemLog::shift_lines(std::uint32_t offset) {
  for (RowProblem& problem : kept_) problem.line += offset;
}

void ProblemLog::absorb(const ProblemLog& other) {
  for (const RowProblem& problem : other.kept_) insert_sorted(problem);
  total_ += other.total_;
}

Error ProblemLog::to_error(std::string_view source) const {
  return Error::invalid(describe_problems(source, kept_, total_));
}

// ---- dates ----

namespace {

// Howard Hinnant's days_from_civil, for years > 0.
constexpr std::int32_t civil_to_days(int year, unsigned month, unsigned day) {
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = y / 400;
  const auto year_of_era = static_cast<unsigned>(y - era * 400);
  const unsigned day_of_year = (153U * (month > 2 ? month - 3 : month + 9) + 2U) / 5U + day - 1U;
  const unsigned day_of_era =
      year_of_era * 365U + year_of_era / 4U - year_of_era / 100U + day_of_year;
  return era * 146097 + static_cast<std::int32_t>(day_of_era) - 719468;
}

// Serial of 1 January of every year in range, and days before each month: a date is then two
// look-ups and an addition.
constexpr auto kYearStart = [] {
  std::array<std::int32_t, kYearMax - kYearMin + 1> starts{};
  for (int year = kYearMin; year <= kYearMax; ++year) {
    starts[static_cast<std::size_t>(year - kYearMin)] = civil_to_days(year, 1, 1);
  }
  return starts;
}();
constexpr auto kDaysBeforeMonth = [] {
  std::array<std::array<std::int32_t, 13>, 2> before{};  // [leap][month]
  for (std::size_t leap = 0; leap < 2; ++leap) {
    std::int32_t days = 0;
    for (std::size_t month = 1; month <= 12; ++month) {
      before[leap][month] = days;
      days += static_cast<std::int32_t>(kDaysInMonth[month]) + (leap == 1 && month == 2 ? 1 : 0);
    }
  }
  return before;
}();

}  // namespace

std::int32_t days_since_1970(int year, unsigned month, unsigned day) {
  return civil_to_days(year, month, day);
}

std::optional<DateValue> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const char* p = text.data();
  for (std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
    if (!is_digit(p[i])) return std::nullopt;
  }
  const int year = static_cast<int>(two_digits(p) * 100U + two_digits(p + 2));
  const unsigned month = two_digits(p + 5);
  const unsigned day = two_digits(p + 8);
  if (year < kYearMin || year > kYearMax || month < 1 || month > 12 || day < 1) {
    return std::nullopt;
  }
  const bool leap = is_leap_year(year);
  const unsigned month_days = month == 2 && leap ? 29U : kDaysInMonth[month];
  if (day > month_days) return std::nullopt;
  const std::int32_t serial = kYearStart[static_cast<std::size_t>(year - kYearMin)] +
                              kDaysBeforeMonth[leap ? 1 : 0][month] +
                              static_cast<std::int32_t>(day) - 1;
  return DateValue{serial, year, month, day};
}

// ---- numbers ----

std::optional<std::int64_t> parse_decimal(std::string_view text, int decimals, bool allow_negative,
                                          std::int64_t max_magnitude) {
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) {
    if (!allow_negative) return std::nullopt;
    i = 1;
  }
  std::int64_t value = 0;
  int digits = 0;
  for (; i < text.size() && is_digit(text[i]); ++i, ++digits) {
    if (digits == kMaxDecimalDigits) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  if (digits == 0) return std::nullopt;
  int fraction_digits = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    for (; i < text.size() && is_digit(text[i]); ++i, ++fraction_digits, ++digits) {
      if (fraction_digits == decimals || digits == kMaxDecimalDigits) return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    if (fraction_digits == 0) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  for (; fraction_digits < decimals; ++fraction_digits) {
    if (value > max_magnitude) return std::nullopt;  // scaling further would only grow it
    value *= 10;
  }
  if (value > max_magnitude) return std::nullopt;
  return negative ? -value : value;
}

// ---- field checks ----

bool report_padded(const Field& field) {
  field.fail([&] {
    return in_quotes(field.text) +
           " has leading or trailing spaces; values are not trimmed, remove them";
  });
  return false;
}

bool report_missing(const Field& field) {
  field.fail([] { return std::string("a value is required"); });
  return false;
}

bool read_whole_number(const Field& field, std::int64_t min, std::int64_t max, std::int64_t& out) {
  if (!check_present(field)) return false;
  const std::optional<std::int64_t> value = parse_decimal(field.text, 0, false, max);
  if (value && *value >= min) {
    out = *value;
    return true;
  }
  field.fail([&] {
    return in_quotes(field.text) + " is not a whole number from " + grouped(min) + " to " +
           grouped(max);
  });
  return false;
}

bool read_usd_cents(const Field& field, bool allow_negative, std::int64_t& out_cents) {
  if (!check_present(field)) return false;
  const std::optional<std::int64_t> value =
      parse_decimal(field.text, 2, allow_negative, kMaxRowValueCents);
  if (value) {
    out_cents = *value;
    return true;
  }
  field.fail([&] {
    return in_quotes(field.text) + " is not " +
           amount_form("USD", kMaxRowValueCents, 2, allow_negative);
  });
  return false;
}

bool read_signed_yen(const Field& field, std::int64_t& out_yen) {
  if (!check_present(field)) return false;
  const std::optional<std::int64_t> value = parse_decimal(field.text, 0, true, kMaxRowYen);
  if (value) {
    out_yen = *value;
    return true;
  }
  field.fail(
      [&] { return in_quotes(field.text) + " is not " + amount_form("JPY", kMaxRowYen, 0, true); });
  return false;
}

bool read_date(const Field& field, DateValue& out) {
  if (!check_present(field)) return false;
  if (const std::optional<DateValue> date = parse_date(field.text)) {
    out = *date;
    return true;
  }
  field.fail([&] {
    const Result<CivilDate> slow = CivilDate::parse(field.text);
    if (!slow.ok()) return slow.error().message;
    return "date " + in_quotes(field.text) + " is outside the supported range";
  });
  return false;
}

bool read_date(const Field& field, DateValue& out, DateMemo& memo) {
  const std::string_view text = field.text;
  if (memo.valid && text.size() == memo.text.size() &&
      std::memcmp(text.data(), memo.text.data(), memo.text.size()) == 0) {
    out = memo.value;
    return true;
  }
  if (!read_date(field, out)) return false;
  std::memcpy(memo.text.data(), text.data(), memo.text.size());  // a valid date has ten bytes
  memo.value = out;
  memo.valid = true;
  return true;
}

bool read_identifier(const Field& field, const IdentifierRule& rule) {
  if (!check_present(field)) return false;
  const std::string_view text = field.text;
  bool ok = text.size() >= rule.min_bytes && text.size() <= rule.max_bytes;
  for (std::size_t i = 0; ok && i < text.size(); ++i) ok = rule.allows(text[i]);
  if (ok) return true;
  field.fail([&] {
    return in_quotes(text) + " is not " + std::string(rule.what) + ": " +
           std::to_string(rule.min_bytes) + " to " + std::to_string(rule.max_bytes) +
           " characters " + std::string(rule.characters);
  });
  return false;
}

bool read_line_number(const Field& field) {
  if (!check_present(field)) return false;
  if (is_well_formed_line_number(field.text)) return true;
  field.fail([&] {
    return in_quotes(field.text) +
           " is not an LOA line number: three digits 001-999, optionally followed by a "
           "lower-case sub-line letter (\"001a\")";
  });
  return false;
}

bool read_case_id_shape(const Field& field) {
  if (!check_present(field)) return false;
  const std::string_view t = field.text;
  const bool ok = t.size() == 8 && is_upper(t[0]) && is_upper(t[1]) && t[2] == '-' &&
                  is_upper(t[3]) && t[4] == '-' && (is_upper(t[5]) || is_digit(t[5])) &&
                  (is_upper(t[6]) || is_digit(t[6])) && (is_upper(t[7]) || is_digit(t[7]));
  if (ok) return true;
  field.fail([&] {
    return in_quotes(t) +
           " is not a case identifier: expected CC-I-DDD, e.g. JA-P-TWK (customer code: 2 "
           "capital letters; implementing agency: 1 capital letter; designator: 3 characters "
           "A-Z or 0-9)";
  });
  return false;
}

bool read_text(const Field& field, std::size_t min_bytes, std::size_t max_bytes,
               bool allow_line_breaks) {
  const std::string_view text = field.text;
  if (min_bytes > 0 && !check_present(field)) return false;
  if (!check_not_padded(field)) return false;
  if (text.size() < min_bytes || text.size() > max_bytes) {
    field.fail([&] {
      return in_quotes(text) + " is " + std::to_string(text.size()) + " bytes long; it must be " +
             std::to_string(min_bytes) + " to " + std::to_string(max_bytes) + " bytes";
    });
    return false;
  }
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7F) continue;
    if (allow_line_breaks && (c == '\t' || c == '\n' || c == '\r')) continue;
    field.fail([&] {
      static constexpr char kHex[] = "0123456789ABCDEF";
      std::string hex = "0x";
      hex += kHex[byte >> 4U];
      hex += kHex[byte & 0x0FU];
      return in_quotes(text) + " contains the control character " + hex +
             (allow_line_breaks ? "; only tab and line breaks are allowed"
                                : "; control characters (tab, line breaks...) are not allowed");
    });
    return false;
  }
  return true;
}

}  // namespace fms::io::csv
