// Exchange rates: exact decimals with up to ten places, conversions rounded once, half away
// from zero, to the target currency's minor unit, and every bad rate refused with the reason.
#include "core/exchange_rate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

namespace fms {
namespace {

using ::testing::HasSubstr;

ExchangeRate usd_jpy(std::string_view text) {
  auto rate = ExchangeRate::parse(text, Currency::usd(), Currency::jpy());
  EXPECT_TRUE(rate.ok()) << rate.error().message;
  return *rate;
}

Money usd(std::int64_t cents) {
  return Money(cents, Currency::usd());
}
Money jpy(std::int64_t yen) {
  return Money(yen, Currency::jpy());
}

TEST(ExchangeRateTest, ParsesExactDecimalsOfUpToTenPlaces) {
  EXPECT_EQ(usd_jpy("151.234567").scaled(), 1'512'345'670'000);
  EXPECT_EQ(usd_jpy("108").scaled(), 1'080'000'000'000);
  EXPECT_EQ(usd_jpy("0.0000000001").scaled(), 1);
  EXPECT_EQ(usd_jpy("151.234567").to_string(), "151.234567");
  EXPECT_EQ(usd_jpy("137").to_string(), "137.00");
  EXPECT_EQ(usd_jpy("137.5000").to_string(), "137.50");
  EXPECT_EQ(usd_jpy("0.0000000001").to_string(), "0.0000000001");
  // A minimum number of places, as payment payloads keep their four-place form.
  EXPECT_EQ(usd_jpy("147").to_string(4), "147.0000");
  EXPECT_EQ(usd_jpy("151.234567").to_string(4), "151.234567");
  EXPECT_EQ(usd_jpy("147").to_string(0), "147");
  EXPECT_EQ(usd_jpy("147.5").to_string(0), "147.5");
  EXPECT_EQ(usd_jpy("151.25").pair(), "USD/JPY");
}

TEST(ExchangeRateTest, RefusesWhatIsNotAPositiveDecimalRate) {
  const std::pair<const char*, const char*> cases[] = {
      {"", "empty"},
      {"0", "above zero"},
      {"0.0000000000", "above zero"},
      {"-151.2", "digits"},
      {"151,2", "digits"},
      {"1.5e2", "digits"},
      {".5", "before the '.'"},
      {"151.", "after the '.'"},
      {"151.12345678901", "at most 10 decimal places"},
      {"1000000", "below 1000000"},
  };
  for (const auto& [text, why] : cases) {
    const auto rate = ExchangeRate::parse(text, Currency::usd(), Currency::jpy());
    ASSERT_FALSE(rate.ok()) << text;
    EXPECT_THAT(rate.error().message, HasSubstr(why)) << text;
    EXPECT_THAT(rate.error().message, HasSubstr("USD/JPY")) << text;
  }
  const auto same = ExchangeRate::parse("1", Currency::usd(), Currency::usd());
  ASSERT_FALSE(same.ok());
  EXPECT_THAT(same.error().message, HasSubstr("two different currencies"));
}

TEST(ExchangeRateTest, ConvertsEitherWayRoundingHalfAwayFromZero) {
  const ExchangeRate rate = usd_jpy("151.25");
  // USD 1,000.00 = 151,250 yen exactly.
  EXPECT_EQ(*rate.convert(usd(100'000)), jpy(151'250));
  // USD 0.01 = 1.5125 yen -> 2 yen; USD 0.03 = 4.5375 -> 5.
  EXPECT_EQ(*rate.convert(usd(1)), jpy(2));
  EXPECT_EQ(*rate.convert(usd(3)), jpy(5));
  // Negative amounts mirror positive ones.
  EXPECT_EQ(*rate.convert(usd(-1)), jpy(-2));
  // 151 yen / 151.25 = 0.99834... USD -> USD 1.00; 1 yen = 0.0066 USD -> USD 0.01.
  EXPECT_EQ(*rate.convert(jpy(151)), usd(100));
  EXPECT_EQ(*rate.convert(jpy(1)), usd(1));
  EXPECT_EQ(*rate.convert(jpy(-1)), usd(-1));
  // Exactly half a yen rounds away from zero: USD 0.02 at 125.25 = 2.505 yen -> 3.
  EXPECT_EQ(*usd_jpy("125.25").convert(usd(2)), jpy(3));
  EXPECT_EQ(*usd_jpy("125.25").convert(usd(-2)), jpy(-3));
  // Ten decimal places take part: 1,000,000 USD at 0.0000000001 = 0.0001 yen -> 0.
  EXPECT_EQ(*usd_jpy("0.0000000001").convert(usd(100'000'000)), jpy(0));
}

TEST(ExchangeRateTest, RefusesAnotherCurrencyAndResultsBeyondMoney) {
  const ExchangeRate rate = usd_jpy("151.25");
  const auto euro = rate.convert(Money(100, *Currency::from_code("EUR")));
  ASSERT_FALSE(euro.ok());
  EXPECT_THAT(euro.error().message, HasSubstr("cannot convert an amount in EUR"));
  const auto huge =
      usd_jpy("999999.9999999999").convert(usd(std::numeric_limits<std::int64_t>::max()));
  ASSERT_FALSE(huge.ok());
  EXPECT_THAT(huge.error().message, HasSubstr("does not fit"));
  // The largest amount converts back the other way without overflow.
  EXPECT_TRUE(rate.convert(jpy(std::numeric_limits<std::int64_t>::min())).ok());
}

TEST(ExchangeRateTest, AConvertedAmountSaysWhichRateKindAndDateItUsed) {
  const CivilDate jfy2023 = CivilDate::from_ymd(2023, 4, 1);
  const auto converted = convert(usd(100'000), usd_jpy("137"), RateKind::budget, jfy2023);
  ASSERT_TRUE(converted.ok());
  EXPECT_EQ(converted->original, usd(100'000));
  EXPECT_EQ(converted->converted, jpy(137'000));
  EXPECT_EQ(converted->rate.to_string(), "137.00");
  EXPECT_EQ(converted->kind, RateKind::budget);
  EXPECT_EQ(converted->rate_date, jfy2023);
  for (RateKind kind : {RateKind::budget, RateKind::transaction_date, RateKind::current}) {
    EXPECT_EQ(*rate_kind_from_string(to_string(kind)), kind);
  }
  EXPECT_FALSE(rate_kind_from_string("spot").ok());
}

}  // namespace
}  // namespace fms

namespace fms {
namespace {

TEST(ImpliedRate, TheRateAPaymentWasMadeAt) {
  const Money dollars(16'119'200'000, Currency::usd());
  const Money yen(23'695'224'000, Currency::jpy());
  const Result<ExchangeRate> rate = ExchangeRate::implied_by(dollars, yen);
  ASSERT_TRUE(rate.ok()) << rate.error().message;
  EXPECT_EQ(rate->pair(), "USD/JPY");
  EXPECT_EQ(rate->to_string(4), "147.0000");
  // Refunds: both negative, the same rate.
  EXPECT_EQ(ExchangeRate::implied_by(Money(-100, Currency::usd()), Money(-150, Currency::jpy()))
                ->to_string(),
            "150.00");
  // Rounded half away from zero at the tenth decimal: 2 yen for USD 0.03 is 66.66666666667.
  EXPECT_EQ(
      ExchangeRate::implied_by(Money(3, Currency::usd()), Money(2, Currency::jpy()))->to_string(),
      "66.6666666667");
}

TEST(ImpliedRate, NoRateFromZeroMixedSignsOrOneCurrency) {
  EXPECT_FALSE(ExchangeRate::implied_by(Money(0, Currency::usd()), Money(1, Currency::jpy())).ok());
  EXPECT_FALSE(
      ExchangeRate::implied_by(Money(1, Currency::usd()), Money(-1, Currency::jpy())).ok());
  EXPECT_FALSE(ExchangeRate::implied_by(Money(1, Currency::usd()), Money(1, Currency::usd())).ok());
  // Beyond the largest rate: a million yen for one cent.
  EXPECT_FALSE(
      ExchangeRate::implied_by(Money(1, Currency::usd()), Money(1'000'000, Currency::jpy())).ok());
}

}  // namespace
}  // namespace fms
