// Exact-decimal exchange rates (see exchange_rate.h).
#include "core/exchange_rate.h"

#include <algorithm>
#include <limits>

namespace fms {
namespace {

__extension__ using Int128 = __int128;

Int128 power_of_ten(int exponent) {
  Int128 value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

// numerator / denominator (denominator > 0), rounded half away from zero.
Int128 divide_rounded(Int128 numerator, Int128 denominator) {
  const Int128 magnitude = numerator < 0 ? -numerator : numerator;
  const Int128 quotient = (2 * magnitude + denominator) / (2 * denominator);
  return numerator < 0 ? -quotient : quotient;
}

}  // namespace

Result<ExchangeRate> ExchangeRate::parse(std::string_view text, Currency base, Currency quote) {
  const auto bad = [&](const std::string& why) {
    return Error::invalid("\"" + std::string(text) + "\" is not a " + std::string(base.code()) +
                          "/" + std::string(quote.code()) + " rate: " + why);
  };
  if (base == quote) return bad("a rate converts between two different currencies");
  if (text.empty()) return bad("it is empty");
  std::int64_t whole = 0;
  std::size_t i = 0;
  for (; i < text.size() && text[i] != '.'; ++i) {
    if (text[i] < '0' || text[i] > '9') return bad("write it as digits with an optional '.'");
    whole = whole * 10 + (text[i] - '0');
    if (whole >= kMaxExchangeRateWhole) {
      return bad("it must be below " + std::to_string(kMaxExchangeRateWhole));
    }
  }
  if (i == 0) return bad("it needs digits before the '.'");
  std::int64_t fraction = 0;
  int places = 0;
  if (i < text.size()) {
    ++i;  // the '.'
    if (i == text.size()) return bad("it needs digits after the '.'");
    for (; i < text.size(); ++i, ++places) {
      if (text[i] < '0' || text[i] > '9') return bad("write it as digits with an optional '.'");
      if (places == kExchangeRatePlaces) {
        return bad("at most " + std::to_string(kExchangeRatePlaces) + " decimal places");
      }
      fraction = fraction * 10 + (text[i] - '0');
    }
  }
  for (; places < kExchangeRatePlaces; ++places) fraction *= 10;
  const std::int64_t scaled = whole * kExchangeRateScale + fraction;
  if (scaled <= 0) return bad("it must be above zero");
  return ExchangeRate(base, quote, scaled);
}

std::string ExchangeRate::to_string(int min_places) const {
  std::string fraction = std::to_string(scaled_ % kExchangeRateScale);
  fraction.insert(0, static_cast<std::size_t>(kExchangeRatePlaces) - fraction.size(), '0');
  const std::size_t keep = static_cast<std::size_t>(std::clamp(min_places, 0, kExchangeRatePlaces));
  while (fraction.size() > keep && fraction.back() == '0') fraction.pop_back();
  if (fraction.empty()) return std::to_string(scaled_ / kExchangeRateScale);
  return std::to_string(scaled_ / kExchangeRateScale) + "." + fraction;
}

std::string ExchangeRate::pair() const {
  return std::string(base_.code()) + "/" + std::string(quote_.code());
}

Result<ExchangeRate> ExchangeRate::implied_by(const Money& base_amount, const Money& quote_amount) {
  const Currency base = base_amount.currency();
  const Currency quote = quote_amount.currency();
  if (base == quote) return Error::invalid("a rate needs two different currencies");
  if (base_amount.is_zero() || quote_amount.is_zero() ||
      base_amount.is_negative() != quote_amount.is_negative()) {
    return Error::invalid(quote_amount.format_with_code() + " for " +
                          base_amount.format_with_code() +
                          " implies no rate: both must be non-zero and of the same sign");
  }
  // rate x 10^10 = quote / 10^quote digits / (base / 10^base digits) x 10^10
  const auto magnitude = [](const Money& m) {
    const Int128 minor = m.minor_units();
    return minor < 0 ? -minor : minor;
  };
  const Int128 numerator =
      magnitude(quote_amount) * kExchangeRateScale * power_of_ten(base.minor_digits());
  const Int128 denominator = magnitude(base_amount) * power_of_ten(quote.minor_digits());
  const Int128 scaled = divide_rounded(numerator, denominator);
  if (scaled <= 0 || scaled >= static_cast<Int128>(kMaxExchangeRateWhole) * kExchangeRateScale) {
    return Error::invalid(quote_amount.format_with_code() + " for " +
                          base_amount.format_with_code() + " implies a rate out of range");
  }
  return ExchangeRate(base, quote, static_cast<std::int64_t>(scaled));
}

Result<Money> ExchangeRate::convert(const Money& amount) const {
  const Currency from = amount.currency();
  if (!(from == base_) && !(from == quote_)) {
    return Error::invalid("a " + pair() + " rate cannot convert an amount in " +
                          std::string(from.code()));
  }
  const bool forward = from == base_;
  const Currency to = forward ? quote_ : base_;
  // In minor units: to = from x rate x 10^(to digits - from digits) forward, divided by the
  // rate backward. |amount| < 2^63 and rate x 10^k stay far inside 128 bits.
  const Int128 digits_up = power_of_ten(to.minor_digits());
  const Int128 digits_down = power_of_ten(from.minor_digits());
  const Int128 minor = amount.minor_units();
  const Int128 result =
      forward ? divide_rounded(minor * scaled_ * digits_up, kExchangeRateScale * digits_down)
              : divide_rounded(minor * kExchangeRateScale * digits_up, scaled_ * digits_down);
  if (result > std::numeric_limits<std::int64_t>::max() ||
      result < std::numeric_limits<std::int64_t>::min()) {
    return Error::invalid(amount.format_with_code() + " at " + pair() + " " + to_string() +
                          " does not fit in a money amount");
  }
  return Money(static_cast<std::int64_t>(result), to);
}

std::string_view to_string(RateKind kind) {
  switch (kind) {
    case RateKind::budget:
      return "budget";
    case RateKind::transaction_date:
      return "transaction-date";
    case RateKind::current:
      return "current";
  }
  return "unknown";
}

Result<RateKind> rate_kind_from_string(std::string_view text) {
  for (RateKind kind : {RateKind::budget, RateKind::transaction_date, RateKind::current}) {
    if (text == to_string(kind)) return kind;
  }
  return Error::invalid("\"" + std::string(text) +
                        "\" is not a rate kind (budget, transaction-date, current)");
}

Result<ConvertedAmount> convert(const Money& amount, const ExchangeRate& rate, RateKind kind,
                                const CivilDate& rate_date) {
  FMS_ASSIGN_OR_RETURN(Money converted, rate.convert(amount));
  return ConvertedAmount{amount, converted, rate, kind, rate_date};
}

}  // namespace fms
