// Exchange rates as exact decimals, and conversions that say which rate they used.
//
// A purchaser signs in dollars and budgets in its own currency, so one amount is often shown in
// two: a payment's USD and the yen it cost, a forecast at the budget rate and at today's rate.
// A rate is "units of `quote` per one unit of `base`" (USD/JPY 151.234567: one dollar buys
// 151.234567 yen), held as an integer count of 10^-10 units: never floating point, and at least
// the six decimal places rate sources publish. Converting rounds once, half away from zero, to
// the target currency's minor unit; every converted amount carries its rate, the rate's kind
// and its date, so a report can say how it got each figure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"
#include "core/civil_date.h"
#include "core/money.h"

namespace fms {

// Fraction digits a rate may have, and the largest rate accepted (a sanity bound far above any
// real currency pair, and small enough that products with any Money stay within 128 bits).
inline constexpr int kExchangeRatePlaces = 10;
inline constexpr std::int64_t kExchangeRateScale = 10'000'000'000;  // 10^kExchangeRatePlaces
inline constexpr std::int64_t kMaxExchangeRateWhole = 1'000'000;

class ExchangeRate {
 public:
  // Parses "151.234567" (digits, an optional '.' and at most kExchangeRatePlaces decimals; no
  // sign, no grouping). A rate must be above zero and below kMaxExchangeRateWhole, and the two
  // currencies must differ.
  static Result<ExchangeRate> parse(std::string_view text, Currency base, Currency quote);

  // The rate at which `base_amount` bought `quote_amount` (yen paid for dollars remitted),
  // rounded half away from zero to kExchangeRatePlaces. Both amounts must be non-zero and of
  // the same sign, in two different currencies, and the rate within the bounds of parse.
  static Result<ExchangeRate> implied_by(const Money& base_amount, const Money& quote_amount);

  [[nodiscard]] Currency base() const { return base_; }
  [[nodiscard]] Currency quote() const { return quote_; }
  [[nodiscard]] std::int64_t scaled() const { return scaled_; }  // rate x 10^10
  // "151.234567": at least `min_places` decimals (2 by default, at most kExchangeRatePlaces),
  // trailing zeros beyond them dropped.
  [[nodiscard]] std::string to_string(int min_places = 2) const;
  [[nodiscard]] std::string pair() const;  // "USD/JPY"

  // An amount in `base` in `quote` (or one in `quote` in `base`), rounded half away from zero
  // to the minor unit. Any other currency, or a result beyond Money's range, is an error.
  [[nodiscard]] Result<Money> convert(const Money& amount) const;

  friend bool operator==(const ExchangeRate&, const ExchangeRate&) = default;

 private:
  ExchangeRate(Currency base, Currency quote, std::int64_t scaled)
      : base_(base), quote_(quote), scaled_(scaled) {}
  Currency base_;
  Currency quote_;
  std::int64_t scaled_;
};

// Which rate a figure was converted at (japan-fms.md §2: the budget rate is fixed per Japanese
// fiscal year; the transaction-date rate is the one a payment was actually made at).
enum class RateKind { budget, transaction_date, current };
std::string_view to_string(RateKind kind);  // "budget", "transaction-date", "current"
Result<RateKind> rate_kind_from_string(std::string_view text);

// An amount shown in another currency, with everything needed to check the figure.
struct ConvertedAmount {
  Money original;
  Money converted;
  ExchangeRate rate;
  RateKind kind;
  CivilDate rate_date;  // the date the rate applies to (for a budget rate, its fiscal year's start)
};

Result<ConvertedAmount> convert(const Money& amount, const ExchangeRate& rate, RateKind kind,
                                const CivilDate& rate_date);

}  // namespace fms
