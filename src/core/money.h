// Money: an exact amount in the minor unit of one ISO 4217 currency (cents for USD, whole yen
// for JPY). Never floating point. Arithmetic is checked: overflow and mixing currencies are
// errors returned to the caller, never silent.
//
// Allocation rule (used everywhere an amount is split): parts are computed by floor of the
// proportional share; the remaining minor units are then handed out one each to the parts with
// the largest fractional remainders, ties going to the earlier part. An equal split of
// USD 1,000.00 over 3 gives 333.34 + 333.33 + 333.33. The parts always sum to the whole.
// A negative amount is split by its magnitude and each part negated, so splitting -x gives
// exactly the negation of splitting x (-333.34 + -333.33 + -333.33): a reversal mirrors its charge.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace fms {

// An ISO 4217 currency the system knows, with its number of minor-unit digits.
class Currency {
 public:
  // Known: USD (2), JPY (0), EUR (2), GBP (2), AUD (2). Unknown codes are errors.
  static Result<Currency> from_code(std::string_view code);
  static Currency usd();
  static Currency jpy();

  [[nodiscard]] std::string_view code() const { return {code_, 3}; }
  [[nodiscard]] int minor_digits() const { return minor_digits_; }
  friend bool operator==(const Currency& a, const Currency& b) {
    return std::string_view(a.code_, 3) == std::string_view(b.code_, 3);
  }

 private:
  Currency(const char* code, int minor_digits);
  char code_[3];
  int minor_digits_;
};

class Money {
 public:
  Money(std::int64_t minor_units, Currency currency) : minor_(minor_units), currency_(currency) {}
  static Money zero(Currency currency) { return {0, currency}; }

  // Parses "1234.56", "1,234.56", "-12.5", "USD 1,234.56", "JPY 254,000,000,000".
  // Without a code prefix the amount is in `currency`; with one, the code must match it.
  // More fraction digits than the currency has, bad grouping, or overflow are errors.
  static Result<Money> parse(std::string_view text, Currency currency);

  [[nodiscard]] std::int64_t minor_units() const { return minor_; }
  [[nodiscard]] Currency currency() const { return currency_; }
  [[nodiscard]] bool is_zero() const { return minor_ == 0; }
  [[nodiscard]] bool is_negative() const { return minor_ < 0; }

  // Checked arithmetic.
  [[nodiscard]] Result<Money> plus(const Money& other) const;
  [[nodiscard]] Result<Money> minus(const Money& other) const;
  [[nodiscard]] Result<Money> times(std::int64_t quantity) const;

  // Splits into `parts` amounts (parts >= 1) by the allocation rule above.
  [[nodiscard]] Result<std::vector<Money>> allocate_evenly(std::size_t parts) const;
  // Splits in proportion to non-negative weights (at least one positive).
  [[nodiscard]] Result<std::vector<Money>> allocate(std::span<const std::int64_t> weights) const;

  // "1,234.56" (yen: "254,000,000"); negative amounts carry a leading '-'.
  [[nodiscard]] std::string format() const;
  // "USD 1,234.56"
  [[nodiscard]] std::string format_with_code() const;
  // "1234.56": no grouping, for JSON and CSV.
  [[nodiscard]] std::string to_plain_string() const;

  friend bool operator==(const Money& a, const Money& b) {
    return a.minor_ == b.minor_ && a.currency_ == b.currency_;
  }

 private:
  std::int64_t minor_;
  Currency currency_;
};

// Sums amounts of one currency; an empty span sums to zero in `currency`.
Result<Money> sum(std::span<const Money> amounts, Currency currency);

}  // namespace fms
