// Money: exact amounts in the minor unit of a currency, with checked arithmetic, strict parsing,
// display formatting and the largest-remainder allocation rule.
//
// How it works:
//  - Amounts are int64 minor units. Every addition, subtraction and multiplication goes through
//    __builtin_*_overflow, so an overflow is an error value, never wrap-around or UB.
//  - Parsing accumulates digits in the NEGATIVE range and negates at the end, so the whole int64
//    range (including INT64_MIN minor units) round-trips through format/parse.
//  - Allocation works on the magnitude of the amount in unsigned 128-bit arithmetic (an amount
//    times a weight cannot overflow it), then re-applies the sign. Splitting -x therefore gives
//    exactly the negation of splitting x, so a reversal always mirrors the charge it reverses.
//  - No floating point anywhere.
#include "core/money.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <numeric>

namespace fms {

namespace {

// GCC/Clang extension; __extension__ keeps -Wpedantic quiet.
__extension__ using Uint128 = unsigned __int128;

// Limit on the number of parts an amount is split into: far above any real LOA (hundreds of
// lines), low enough that a bad count is an error, not an out-of-memory crash.
constexpr std::size_t kAllocationPartsMax = 1'000'000;

struct CurrencyInfo {
  const char* code;
  int minor_digits;
};
constexpr std::array<CurrencyInfo, 5> kCurrencies{{
    {"USD", 2},
    {"JPY", 0},
    {"EUR", 2},
    {"GBP", 2},
    {"AUD", 2},
}};

std::string known_codes() {
  std::string out;
  for (const CurrencyInfo& info : kCurrencies) {
    if (!out.empty()) out += ", ";
    out += info.code;
  }
  return out;
}

std::uint64_t magnitude(std::int64_t v) {
  // Well defined for INT64_MIN: -(v + 1) fits, then add the 1 back in unsigned arithmetic.
  return v < 0 ? static_cast<std::uint64_t>(-(v + 1)) + 1U : static_cast<std::uint64_t>(v);
}

// Applies a sign to a magnitude known to fit (|result| <= 2^63 when negative, < 2^63 otherwise).
std::int64_t with_sign(std::uint64_t mag, bool negative) {
  if (!negative) return static_cast<std::int64_t>(mag);
  if (mag == 0) return 0;
  return -static_cast<std::int64_t>(mag - 1U) - 1;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_letter(char c) {
  return is_upper(c) || (c >= 'a' && c <= 'z');
}

std::string quoted(std::string_view text) {
  std::string out = "amount \"";
  out += text;
  out += "\"";
  return out;
}

// Digits of a magnitude split into integer and fraction parts for `minor_digits`.
struct Parts {
  std::string integer;   // no grouping, at least "0"
  std::string fraction;  // exactly minor_digits digits (empty for yen)
};

Parts split_parts(std::uint64_t mag, int minor_digits) {
  std::string digits = std::to_string(mag);
  const auto frac_len = static_cast<std::size_t>(minor_digits);
  if (digits.size() <= frac_len) digits.insert(0, frac_len + 1 - digits.size(), '0');
  Parts parts;
  parts.integer = digits.substr(0, digits.size() - frac_len);
  parts.fraction = digits.substr(digits.size() - frac_len);
  return parts;
}

std::string group_thousands(const std::string& integer) {
  std::string out;
  out.reserve(integer.size() + integer.size() / 3);
  const std::size_t lead = integer.size() % 3 == 0 ? 3 : integer.size() % 3;
  out.append(integer, 0, lead);
  for (std::size_t i = lead; i < integer.size(); i += 3) {
    out += ',';
    out.append(integer, i, 3);
  }
  return out;
}

std::string render(const Money& m, bool grouped) {
  const Parts parts = split_parts(magnitude(m.minor_units()), m.currency().minor_digits());
  std::string out;
  if (m.is_negative()) out += '-';
  out += grouped ? group_thousands(parts.integer) : parts.integer;
  if (!parts.fraction.empty()) {
    out += '.';
    out += parts.fraction;
  }
  return out;
}

Error mixed_currencies(const char* operation, const Money& a, const Money& b) {
  return Error::invalid(std::string("cannot ") + operation + " " + a.format_with_code() + " and " +
                        b.format_with_code() +
                        ": amounts in different currencies must be converted first");
}

Error overflow(const std::string& what) {
  return Error::invalid(what + " overflows the largest representable amount");
}

// Accumulates one digit into a non-positive running value: acc = acc * 10 - digit.
bool push_digit(std::int64_t& acc, char c) {
  return !__builtin_mul_overflow(acc, 10, &acc) && !__builtin_sub_overflow(acc, c - '0', &acc);
}

// Splits magnitude `mag` in proportion to `weights` by the largest-remainder rule.
// Preconditions: weights non-negative with a positive total (checked by the caller).
std::vector<std::uint64_t> split_magnitude(std::uint64_t mag,
                                           std::span<const std::int64_t> weights) {
  Uint128 total = 0;
  for (const std::int64_t w : weights) total += static_cast<Uint128>(w);

  std::vector<std::uint64_t> shares(weights.size());
  std::vector<Uint128> remainders(weights.size());
  std::uint64_t handed_out = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const Uint128 numerator = static_cast<Uint128>(mag) * static_cast<Uint128>(weights[i]);
    shares[i] = static_cast<std::uint64_t>(numerator / total);  // <= mag, fits
    remainders[i] = numerator % total;
    handed_out += shares[i];
  }
  // The floors never exceed the whole, and what is left is fewer units than there are parts.
  std::uint64_t left = mag - handed_out;

  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&remainders](std::size_t a, std::size_t b) {
    return remainders[a] > remainders[b];  // stable: ties keep the earlier part first
  });
  for (std::size_t k = 0; k < order.size() && left > 0; ++k, --left) ++shares[order[k]];
  return shares;
}

}  // namespace

// ---- Currency ---------------------------------------------------------------------------------

Currency::Currency(const char* code, int minor_digits) : code_{}, minor_digits_(minor_digits) {
  std::memcpy(code_, code, sizeof code_);
}

Result<Currency> Currency::from_code(std::string_view code) {
  for (const CurrencyInfo& info : kCurrencies) {
    if (code == info.code) return Currency(info.code, info.minor_digits);
  }
  return Error::invalid("unknown currency code \"" + std::string(code) +
                        "\"; known codes: " + known_codes());
}

Currency Currency::usd() {
  return {"USD", 2};
}
Currency Currency::jpy() {
  return {"JPY", 0};
}

// ---- Money: parsing ---------------------------------------------------------------------------

namespace {

// Removes an optional "CCC " prefix (three upper-case letters and one space), which must name
// `currency`.
Status strip_currency_prefix(std::string_view& rest, const Currency& currency,
                             const std::string& what) {
  if (rest.size() < 4 || !is_upper(rest[0]) || !is_upper(rest[1]) || !is_upper(rest[2]) ||
      rest[3] != ' ') {
    return Status::Ok();
  }
  const std::string_view code = rest.substr(0, 3);
  const Result<Currency> prefixed = Currency::from_code(code);
  if (!prefixed.ok()) return prefixed.error().at(what);
  if (!(*prefixed == currency)) {
    return Error::invalid(what + " is in " + std::string(code) + " but " +
                          std::string(currency.code()) +
                          " is expected here; convert it or fix the currency code");
  }
  rest.remove_prefix(4);
  return Status::Ok();
}

Status check_characters(std::string_view rest, const std::string& what) {
  for (const char c : rest) {
    if (is_letter(c)) {
      return Error::invalid(what +
                            " contains letters; write a currency code only as a prefix "
                            "followed by one space, e.g. \"USD 1,234.56\"");
    }
  }
  for (const char c : rest) {
    if (!is_digit(c) && c != ',' && c != '.') {
      return Error::invalid(what + " contains '" + std::string(1, c) +
                            "'; only digits, ',' for thousands, '.' for decimals and a leading "
                            "'-' are allowed");
    }
  }
  return Status::Ok();
}

// The decimals after the point: one point at most, no ',' after it, at most the currency's
// minor digits.
Status check_fraction(std::string_view fraction, bool has_point, const Currency& currency,
                      const std::string& what) {
  if (has_point) {
    if (fraction.find('.') != std::string_view::npos) {
      return Error::invalid(what + " has more than one '.'");
    }
    if (fraction.find(',') != std::string_view::npos) {
      return Error::invalid(what + " has a ',' after the '.'; ',' only groups thousands");
    }
    if (fraction.empty()) return Error::invalid(what + " needs a digit after the '.'");
  }
  const auto digits_allowed = static_cast<std::size_t>(currency.minor_digits());
  if (fraction.size() <= digits_allowed) return Status::Ok();
  if (digits_allowed == 0) {
    return Error::invalid(what + ": " + std::string(currency.code()) +
                          " has no minor unit, so the amount must be a whole number");
  }
  return Error::invalid(what + " has " + std::to_string(fraction.size()) + " decimals; " +
                        std::string(currency.code()) + " allows at most " +
                        std::to_string(digits_allowed));
}

// Grouping: either no commas at all, or a first group of 1-3 digits (not starting with 0)
// followed by groups of exactly 3.
Status check_grouping(std::string_view integer, const std::string& what) {
  if (integer.find(',') == std::string_view::npos) return Status::Ok();
  std::size_t start = 0;
  bool first = true;
  while (true) {
    const std::size_t comma = integer.find(',', start);
    const std::string_view group = integer.substr(start, comma - start);
    const bool bad =
        first ? (group.empty() || group.size() > 3 || group.front() == '0') : group.size() != 3;
    if (bad) {
      return Error::invalid(what +
                            " has bad digit grouping; use groups of three, e.g. "
                            "1,234,567.89, or no commas at all");
    }
    if (comma == std::string_view::npos) return Status::Ok();
    start = comma + 1;
    first = false;
  }
}

// The amount in minor units of checked digits; an error when it does not fit.
Result<std::int64_t> parse_minor_units(std::string_view integer, std::string_view fraction,
                                       bool negative, std::size_t digits_allowed,
                                       const std::string& what) {
  std::int64_t acc = 0;  // kept <= 0 so that INT64_MIN is reachable
  bool ok = true;
  for (const char c : integer) {
    if (c != ',') ok = ok && push_digit(acc, c);
  }
  for (const char c : fraction) ok = ok && push_digit(acc, c);
  for (std::size_t i = fraction.size(); i < digits_allowed; ++i) {
    ok = ok && !__builtin_mul_overflow(acc, 10, &acc);
  }
  if (!ok) return overflow(what);
  if (!negative) {
    if (__builtin_sub_overflow(std::int64_t{0}, acc, &acc)) return overflow(what);
  }
  return acc;
}

}  // namespace

Result<Money> Money::parse(std::string_view text, Currency currency) {
  const std::string what = quoted(text);
  if (text.empty()) return Error::invalid("amount is empty; expected a number such as 1,234.56");
  std::string_view rest = text;
  FMS_TRY(strip_currency_prefix(rest, currency, what));
  const bool negative = !rest.empty() && rest.front() == '-';
  if (negative) rest.remove_prefix(1);
  if (rest.empty()) return Error::invalid(what + " has no digits");
  FMS_TRY(check_characters(rest, what));

  const std::size_t point = rest.find('.');
  const std::string_view integer = rest.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view{} : rest.substr(point + 1);
  if (integer.empty()) return Error::invalid(what + " needs a digit before the '.'");
  FMS_TRY(check_fraction(fraction, point != std::string_view::npos, currency, what));
  FMS_TRY(check_grouping(integer, what));
  FMS_ASSIGN_OR_RETURN(const std::int64_t units,
                       parse_minor_units(integer, fraction, negative,
                                         static_cast<std::size_t>(currency.minor_digits()), what));
  return Money(units, currency);
}

// ---- Money: arithmetic ------------------------------------------------------------------------

Result<Money> Money::plus(const Money& other) const {
  if (!(currency_ == other.currency_)) return mixed_currencies("add", *this, other);
  std::int64_t out = 0;
  if (__builtin_add_overflow(minor_, other.minor_, &out)) {
    return overflow(format_with_code() + " + " + other.format_with_code());
  }
  return Money(out, currency_);
}

Result<Money> Money::minus(const Money& other) const {
  if (!(currency_ == other.currency_)) return mixed_currencies("subtract", *this, other);
  std::int64_t out = 0;
  if (__builtin_sub_overflow(minor_, other.minor_, &out)) {
    return overflow(format_with_code() + " - " + other.format_with_code());
  }
  return Money(out, currency_);
}

Result<Money> Money::times(std::int64_t quantity) const {
  std::int64_t out = 0;
  if (__builtin_mul_overflow(minor_, quantity, &out)) {
    return overflow(format_with_code() + " x " + std::to_string(quantity));
  }
  return Money(out, currency_);
}

// ---- Money: allocation ------------------------------------------------------------------------

Result<std::vector<Money>> Money::allocate_evenly(std::size_t parts) const {
  if (parts == 0) {
    return Error::invalid("cannot split " + format_with_code() + " into 0 parts; need at least 1");
  }
  if (parts > kAllocationPartsMax) {
    return Error::invalid("cannot split " + format_with_code() + " into " + std::to_string(parts) +
                          " parts; the limit is " + std::to_string(kAllocationPartsMax));
  }
  const std::vector<std::int64_t> weights(parts, 1);
  return allocate(weights);
}

Result<std::vector<Money>> Money::allocate(std::span<const std::int64_t> weights) const {
  if (weights.empty()) {
    return Error::invalid("cannot allocate " + format_with_code() + " over no weights");
  }
  if (weights.size() > kAllocationPartsMax) {
    return Error::invalid("cannot allocate " + format_with_code() + " over " +
                          std::to_string(weights.size()) + " weights; the limit is " +
                          std::to_string(kAllocationPartsMax));
  }
  bool any_positive = false;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] < 0) {
      return Error::invalid("allocation weight " + std::to_string(i) + " is " +
                            std::to_string(weights[i]) + "; weights must be 0 or more");
    }
    any_positive = any_positive || weights[i] > 0;
  }
  if (!any_positive) {
    return Error::invalid("cannot allocate " + format_with_code() +
                          ": every weight is 0; at least one must be positive");
  }

  const std::vector<std::uint64_t> shares = split_magnitude(magnitude(minor_), weights);
  std::vector<Money> out;
  out.reserve(shares.size());
  for (const std::uint64_t share : shares)
    out.emplace_back(with_sign(share, minor_ < 0), currency_);
  return out;
}

// ---- Money: formatting ------------------------------------------------------------------------

std::string Money::format() const {
  return render(*this, /*grouped=*/true);
}

std::string Money::format_with_code() const {
  std::string out(currency_.code());
  out += ' ';
  out += format();
  return out;
}

std::string Money::to_plain_string() const {
  return render(*this, /*grouped=*/false);
}

// ---- sum --------------------------------------------------------------------------------------

Result<Money> sum(std::span<const Money> amounts, Currency currency) {
  Money total = Money::zero(currency);
  for (std::size_t i = 0; i < amounts.size(); ++i) {
    if (!(amounts[i].currency() == currency)) {
      return Error::invalid("cannot sum amount " + std::to_string(i) + " (" +
                            amounts[i].format_with_code() + ") into a " +
                            std::string(currency.code()) +
                            " total: amounts in different currencies must be converted first");
    }
    Result<Money> next = total.plus(amounts[i]);
    if (!next.ok()) return next.error().at("sum of " + std::to_string(amounts.size()) + " amounts");
    total = *next;
  }
  return total;
}

}  // namespace fms
