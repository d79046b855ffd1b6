// Tests for Money and Currency: the currency table, strict parsing, formatting, checked
// arithmetic at the int64 limits, currency mixing, and the largest-remainder allocation rule
// (parts always sum to the whole, for any sign, any number of parts and any weights).
#include "core/money.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

namespace fms {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

Currency eur() {
  return *Currency::from_code("EUR");
}
Currency gbp() {
  return *Currency::from_code("GBP");
}
Currency aud() {
  return *Currency::from_code("AUD");
}

Money usd(std::int64_t cents) {
  return {cents, Currency::usd()};
}
Money yen(std::int64_t y) {
  return {y, Currency::jpy()};
}

std::vector<std::int64_t> minor_units_of(const std::vector<Money>& parts) {
  std::vector<std::int64_t> out;
  for (const Money& m : parts) out.push_back(m.minor_units());
  return out;
}

// Sums parts exactly (through the checked `sum`) and checks each part's currency.
std::int64_t total_of(const std::vector<Money>& parts, Currency currency) {
  for (const Money& m : parts) EXPECT_EQ(m.currency(), currency);
  const Result<Money> total = sum(parts, currency);
  EXPECT_TRUE(total.ok());
  return total.ok() ? total->minor_units() : 0;
}

// ---- Currency ---------------------------------------------------------------------------------

TEST(Currency, KnownCodesAndMinorDigits) {
  struct Case {
    const char* code;
    int digits;
  };
  for (const Case c :
       {Case{"USD", 2}, Case{"JPY", 0}, Case{"EUR", 2}, Case{"GBP", 2}, Case{"AUD", 2}}) {
    const Result<Currency> cur = Currency::from_code(c.code);
    ASSERT_TRUE(cur.ok()) << c.code;
    EXPECT_EQ(cur->code(), c.code);
    EXPECT_EQ(cur->minor_digits(), c.digits) << c.code;
  }
}

TEST(Currency, ShortcutsMatchTable) {
  EXPECT_EQ(Currency::usd(), *Currency::from_code("USD"));
  EXPECT_EQ(Currency::jpy(), *Currency::from_code("JPY"));
  EXPECT_EQ(Currency::usd().code(), "USD");
  EXPECT_EQ(Currency::usd().minor_digits(), 2);
  EXPECT_EQ(Currency::jpy().code(), "JPY");
  EXPECT_EQ(Currency::jpy().minor_digits(), 0);
  EXPECT_FALSE(Currency::usd() == Currency::jpy());
  EXPECT_FALSE(eur() == gbp());
}

TEST(Currency, UnknownCodesAreErrorsListingKnownOnes) {
  for (const char* code : {"", "usd", "Usd", "XXX", "CHF", "USDX", "US", " USD", "USD "}) {
    const Result<Currency> cur = Currency::from_code(code);
    ASSERT_FALSE(cur.ok()) << '"' << code << '"';
    EXPECT_EQ(cur.error().kind, ErrorKind::invalid_input);
    EXPECT_NE(cur.error().message.find("USD, JPY, EUR, GBP, AUD"), std::string::npos)
        << cur.error().message;
  }
}

// ---- Parsing: accepted forms ------------------------------------------------------------------

struct ParseOk {
  const char* text;
  const char* currency;
  std::int64_t minor;
};

TEST(MoneyParse, AcceptsDocumentedForms) {
  const std::vector<ParseOk> cases{
      {"1234.56", "USD", 123456},
      {"1,234.56", "USD", 123456},
      {"-12.5", "USD", -1250},
      {"-12.50", "USD", -1250},
      {"USD 1,234.56", "USD", 123456},
      {"USD -1,234.56", "USD", -123456},
      {"JPY 254,000,000,000", "JPY", 254'000'000'000},
      {"254,000,000", "JPY", 254'000'000},
      {"254000000", "JPY", 254'000'000},
      {"0", "USD", 0},
      {"-0", "USD", 0},
      {"0.00", "USD", 0},
      {"-0.00", "USD", 0},
      {"0.05", "USD", 5},
      {"-0.05", "USD", -5},
      {"0.5", "USD", 50},
      {"7", "USD", 700},
      {"100", "USD", 10000},
      {"999", "USD", 99900},
      {"1,000", "USD", 100000},
      {"12,345,678.90", "USD", 1234567890},
      {"0001.10", "USD", 110},  // leading zeros without grouping are harmless
      {"EUR 3.10", "EUR", 310},
      {"GBP 0.01", "GBP", 1},
      {"AUD 1,000,000.00", "AUD", 100000000},
      {"1", "JPY", 1},
      {"-1", "JPY", -1},
  };
  for (const ParseOk& c : cases) {
    const Currency cur = *Currency::from_code(c.currency);
    const Result<Money> m = Money::parse(c.text, cur);
    ASSERT_TRUE(m.ok()) << c.text << ": " << m.error().message;
    EXPECT_EQ(m->minor_units(), c.minor) << c.text;
    EXPECT_EQ(m->currency(), cur) << c.text;
  }
}

TEST(MoneyParse, Int64LimitsAreReachableExactly) {
  const Result<Money> max = Money::parse("92233720368547758.07", Currency::usd());
  ASSERT_TRUE(max.ok()) << max.error().message;
  EXPECT_EQ(max->minor_units(), kMax);

  const Result<Money> min = Money::parse("-92,233,720,368,547,758.08", Currency::usd());
  ASSERT_TRUE(min.ok()) << min.error().message;
  EXPECT_EQ(min->minor_units(), kMin);

  const Result<Money> yen_max = Money::parse("9223372036854775807", Currency::jpy());
  ASSERT_TRUE(yen_max.ok());
  EXPECT_EQ(yen_max->minor_units(), kMax);

  const Result<Money> yen_min = Money::parse("-9223372036854775808", Currency::jpy());
  ASSERT_TRUE(yen_min.ok());
  EXPECT_EQ(yen_min->minor_units(), kMin);
}

// ---- Parsing: rejected forms ------------------------------------------------------------------

struct ParseBad {
  const char* text;
  const char* currency;
  const char* message_part;  // a fragment the error must contain
};

TEST(MoneyParse, RejectsMalformedInputWithReason) {
  const std::vector<ParseBad> cases{
      {"", "USD", "empty"},
      // bad grouping
      {"1,23.45", "USD", "grouping"},
      {"12,3456", "USD", "grouping"},
      {"1234,567", "USD", "grouping"},
      {",123", "USD", "grouping"},
      {"123,", "USD", "grouping"},
      {"1,,234", "USD", "grouping"},
      {"0,123", "USD", "grouping"},
      {"1,234,56", "USD", "grouping"},
      {"1,2345.00", "USD", "grouping"},
      // too many fraction digits
      {"1.234", "USD", "at most 2"},
      {"0.001", "USD", "at most 2"},
      {"1.500", "EUR", "at most 2"},
      {"100.0", "JPY", "whole number"},
      {"100.00", "JPY", "whole number"},
      {"JPY 1.5", "JPY", "whole number"},
      // letters anywhere other than a proper prefix
      {"12a", "USD", "letters"},
      {"abc", "USD", "letters"},
      {"1e5", "USD", "letters"},
      {"USD1,234.56", "USD", "letters"},
      {"usd 1.00", "USD", "letters"},
      {"1.00 USD", "USD", "letters"},
      {"NaN", "USD", "letters"},
      // mismatched or unknown currency prefix
      {"JPY 100", "USD", "is in JPY but USD is expected"},
      {"USD 100", "JPY", "is in USD but JPY is expected"},
      {"EUR 1.00", "GBP", "is in EUR but GBP is expected"},
      {"XYZ 100", "USD", "unknown currency code \"XYZ\""},
      // structure
      {"-", "USD", "no digits"},
      {"USD ", "USD", "no digits"},
      {"USD -", "USD", "no digits"},
      {".50", "USD", "digit before"},
      {"-.50", "USD", "digit before"},
      {"5.", "USD", "digit after"},
      {"1.2.3", "USD", "more than one '.'"},
      {"1.2,3", "USD", "after the '.'"},
      {"--5", "USD", "'-'"},
      {"+5", "USD", "'+'"},
      {"5-", "USD", "'-'"},
      {" 5", "USD", "' '"},
      {"5 ", "USD", "' '"},
      {"1 234", "USD", "' '"},
      {"USD  5", "USD", "' '"},
      {"$5", "USD", "'$'"},
      {"5\t", "USD", "'\t'"},
      // overflow, both directions and through the fraction scaling
      {"92233720368547758.08", "USD", "overflows"},
      {"-92233720368547758.09", "USD", "overflows"},
      {"92233720368547759", "USD", "overflows"},
      {"9223372036854775808", "JPY", "overflows"},
      {"-9223372036854775809", "JPY", "overflows"},
      {"99999999999999999999999999", "JPY", "overflows"},
  };
  for (const ParseBad& c : cases) {
    const Result<Money> m = Money::parse(c.text, *Currency::from_code(c.currency));
    ASSERT_FALSE(m.ok()) << '"' << c.text << "\" parsed as " << m->minor_units();
    EXPECT_EQ(m.error().kind, ErrorKind::invalid_input) << c.text;
    EXPECT_NE(m.error().message.find(c.message_part), std::string::npos)
        << '"' << c.text << "\": " << m.error().message;
  }
}

TEST(MoneyParse, ErrorNamesTheText) {
  const Result<Money> m = Money::parse("1,23.45", Currency::usd());
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.error().message.find("\"1,23.45\""), std::string::npos) << m.error().message;
}

// ---- Formatting -------------------------------------------------------------------------------

TEST(MoneyFormat, GroupedFormat) {
  EXPECT_EQ(usd(123456).format(), "1,234.56");
  EXPECT_EQ(usd(-123456).format(), "-1,234.56");
  EXPECT_EQ(usd(0).format(), "0.00");
  EXPECT_EQ(usd(5).format(), "0.05");
  EXPECT_EQ(usd(-5).format(), "-0.05");
  EXPECT_EQ(usd(50).format(), "0.50");
  EXPECT_EQ(usd(100).format(), "1.00");
  EXPECT_EQ(usd(99999).format(), "999.99");
  EXPECT_EQ(usd(100000).format(), "1,000.00");
  EXPECT_EQ(usd(10000000).format(), "100,000.00");
  EXPECT_EQ(usd(100000000).format(), "1,000,000.00");
  EXPECT_EQ(usd(kMax).format(), "92,233,720,368,547,758.07");
  EXPECT_EQ(usd(kMin).format(), "-92,233,720,368,547,758.08");
  EXPECT_EQ(yen(254'000'000).format(), "254,000,000");
  EXPECT_EQ(yen(0).format(), "0");
  EXPECT_EQ(yen(1).format(), "1");
  EXPECT_EQ(yen(999).format(), "999");
  EXPECT_EQ(yen(1000).format(), "1,000");
  EXPECT_EQ(yen(-1000).format(), "-1,000");
  EXPECT_EQ(yen(kMin).format(), "-9,223,372,036,854,775,808");
}

TEST(MoneyFormat, WithCode) {
  EXPECT_EQ(usd(123456).format_with_code(), "USD 1,234.56");
  EXPECT_EQ(usd(-5).format_with_code(), "USD -0.05");
  EXPECT_EQ(yen(254'000'000).format_with_code(), "JPY 254,000,000");
  EXPECT_EQ(Money(310, eur()).format_with_code(), "EUR 3.10");
  EXPECT_EQ(Money(1, gbp()).format_with_code(), "GBP 0.01");
  EXPECT_EQ(Money(-100000, aud()).format_with_code(), "AUD -1,000.00");
}

TEST(MoneyFormat, PlainString) {
  EXPECT_EQ(usd(123456).to_plain_string(), "1234.56");
  EXPECT_EQ(usd(-5).to_plain_string(), "-0.05");
  EXPECT_EQ(usd(0).to_plain_string(), "0.00");
  EXPECT_EQ(usd(100000000).to_plain_string(), "1000000.00");
  EXPECT_EQ(yen(254'000'000).to_plain_string(), "254000000");
  EXPECT_EQ(yen(-7).to_plain_string(), "-7");
  EXPECT_EQ(usd(kMin).to_plain_string(), "-92233720368547758.08");
}

TEST(MoneyFormat, EveryFormRoundTripsThroughParse) {
  const std::vector<std::int64_t> values{0,    1,    -1,       5,       -5,     99,
                                         100,  -100, 123456,   -123456, 999999, 1000000,
                                         kMax, kMin, kMax - 1, kMin + 1};
  for (const Currency cur : {Currency::usd(), Currency::jpy(), eur()}) {
    for (const std::int64_t v : values) {
      const Money m(v, cur);
      for (const std::string& text : {m.format(), m.format_with_code(), m.to_plain_string()}) {
        const Result<Money> back = Money::parse(text, cur);
        ASSERT_TRUE(back.ok()) << text << ": " << back.error().message;
        EXPECT_EQ(*back, m) << text;
      }
    }
  }
}

// ---- Basic accessors ----------------------------------------------------------------------------

TEST(Money, ZeroAndSignPredicates) {
  const Money z = Money::zero(Currency::jpy());
  EXPECT_TRUE(z.is_zero());
  EXPECT_FALSE(z.is_negative());
  EXPECT_EQ(z.currency(), Currency::jpy());
  EXPECT_TRUE(usd(-1).is_negative());
  EXPECT_FALSE(usd(-1).is_zero());
  EXPECT_FALSE(usd(1).is_negative());
}

TEST(Money, EqualityNeedsSameCurrency) {
  EXPECT_EQ(usd(100), usd(100));
  EXPECT_FALSE(usd(100) == usd(101));
  EXPECT_FALSE(Money(100, Currency::usd()) == Money(100, eur()));
  EXPECT_FALSE(Money::zero(Currency::usd()) == Money::zero(Currency::jpy()));
}

// ---- Checked arithmetic ------------------------------------------------------------------------

TEST(MoneyArithmetic, PlusMinusTimes) {
  EXPECT_EQ(*usd(150).plus(usd(250)), usd(400));
  EXPECT_EQ(*usd(150).plus(usd(-250)), usd(-100));
  EXPECT_EQ(*usd(150).minus(usd(250)), usd(-100));
  EXPECT_EQ(*usd(-150).minus(usd(-150)), usd(0));
  EXPECT_EQ(*usd(1999).times(3), usd(5997));
  EXPECT_EQ(*usd(1999).times(0), usd(0));
  EXPECT_EQ(*usd(1999).times(-2), usd(-3998));
  EXPECT_EQ(*yen(254'000'000).times(1000), yen(254'000'000'000));
}

TEST(MoneyArithmetic, ResultKeepsCurrency) {
  EXPECT_EQ(usd(1).plus(usd(1))->currency(), Currency::usd());
  EXPECT_EQ(yen(1).minus(yen(1))->currency(), Currency::jpy());
  EXPECT_EQ(Money(3, gbp()).times(2)->currency(), gbp());
}

TEST(MoneyArithmetic, PlusOverflowBothWays) {
  EXPECT_EQ(*usd(kMax - 1).plus(usd(1)), usd(kMax));
  EXPECT_EQ(*usd(kMin + 1).plus(usd(-1)), usd(kMin));
  EXPECT_EQ(*usd(kMax).plus(usd(kMin)), usd(-1));

  for (const auto& [a, b] : std::vector<std::pair<std::int64_t, std::int64_t>>{
           {kMax, 1}, {1, kMax}, {kMax, kMax}, {kMin, -1}, {-1, kMin}, {kMin, kMin}}) {
    const Result<Money> r = usd(a).plus(usd(b));
    ASSERT_FALSE(r.ok()) << a << " + " << b;
    EXPECT_EQ(r.error().kind, ErrorKind::invalid_input);
    EXPECT_NE(r.error().message.find("overflow"), std::string::npos) << r.error().message;
  }
}

TEST(MoneyArithmetic, MinusOverflowBothWays) {
  EXPECT_EQ(*usd(kMin + 1).minus(usd(1)), usd(kMin));
  EXPECT_EQ(*usd(-1).minus(usd(kMax)), usd(kMin));
  EXPECT_EQ(*usd(kMax - 1).minus(usd(-1)), usd(kMax));

  for (const auto& [a, b] : std::vector<std::pair<std::int64_t, std::int64_t>>{
           {kMin, 1}, {kMax, -1}, {0, kMin}, {kMin, kMax}, {kMax, kMin}, {-2, kMax}}) {
    const Result<Money> r = usd(a).minus(usd(b));
    ASSERT_FALSE(r.ok()) << a << " - " << b;
    EXPECT_NE(r.error().message.find("overflow"), std::string::npos) << r.error().message;
  }
}

TEST(MoneyArithmetic, TimesOverflowBothWays) {
  EXPECT_EQ(*usd(kMax).times(1), usd(kMax));
  EXPECT_EQ(*usd(kMax).times(-1), usd(-kMax));
  EXPECT_EQ(*usd(kMin).times(1), usd(kMin));
  EXPECT_EQ(*usd(kMin / 2).times(2), usd(kMin));
  EXPECT_EQ(*usd(0).times(kMax), usd(0));
  EXPECT_EQ(*usd(0).times(kMin), usd(0));

  for (const auto& [a, q] : std::vector<std::pair<std::int64_t, std::int64_t>>{
           {kMin, -1},
           {-1, kMin},
           {kMax, 2},
           {kMax, -2},
           {kMin, 2},
           {kMax / 2 + 1, 2},
           {3'037'000'500, 3'037'000'500},  // just above sqrt(2^63)
           {-3'037'000'500, 3'037'000'500}}) {
    const Result<Money> r = usd(a).times(q);
    ASSERT_FALSE(r.ok()) << a << " x " << q;
    EXPECT_NE(r.error().message.find("overflow"), std::string::npos) << r.error().message;
  }
}

TEST(MoneyArithmetic, MixingCurrenciesIsAnError) {
  const Result<Money> add = usd(100).plus(yen(100));
  ASSERT_FALSE(add.ok());
  EXPECT_EQ(add.error().kind, ErrorKind::invalid_input);
  EXPECT_NE(add.error().message.find("USD 1.00"), std::string::npos) << add.error().message;
  EXPECT_NE(add.error().message.find("JPY 100"), std::string::npos) << add.error().message;
  EXPECT_NE(add.error().message.find("different currencies"), std::string::npos);

  EXPECT_FALSE(usd(100).minus(yen(100)).ok());
  EXPECT_FALSE(Money(100, eur()).plus(Money(100, gbp())).ok());
  EXPECT_FALSE(Money(0, aud()).minus(Money(0, Currency::usd())).ok());
  // Zero is still a zero of a currency.
  EXPECT_FALSE(Money::zero(Currency::usd()).plus(Money::zero(Currency::jpy())).ok());
}

// ---- sum --------------------------------------------------------------------------------------

TEST(MoneySum, EmptyIsZeroInCurrency) {
  const Result<Money> total = sum({}, Currency::jpy());
  ASSERT_TRUE(total.ok());
  EXPECT_EQ(*total, Money::zero(Currency::jpy()));
}

TEST(MoneySum, AddsAll) {
  const std::vector<Money> amounts{usd(100), usd(-250), usd(12345), usd(5)};
  EXPECT_EQ(*sum(amounts, Currency::usd()), usd(12200));
}

TEST(MoneySum, RejectsOtherCurrencyIncludingTheRequestedOne) {
  const std::vector<Money> amounts{usd(100), yen(100)};
  const Result<Money> total = sum(amounts, Currency::usd());
  ASSERT_FALSE(total.ok());
  EXPECT_NE(total.error().message.find("amount 1"), std::string::npos) << total.error().message;
  EXPECT_NE(total.error().message.find("JPY 100"), std::string::npos) << total.error().message;

  // All amounts in USD but a JPY total requested.
  const std::vector<Money> all_usd{usd(1)};
  EXPECT_FALSE(sum(all_usd, Currency::jpy()).ok());
}

TEST(MoneySum, OverflowIsAnErrorEvenIfALaterTermWouldBringItBack) {
  const std::vector<Money> amounts{usd(kMax), usd(1), usd(-2)};
  const Result<Money> total = sum(amounts, Currency::usd());
  ASSERT_FALSE(total.ok());
  EXPECT_NE(total.error().message.find("overflow"), std::string::npos) << total.error().message;

  const std::vector<Money> down{usd(kMin), usd(-1)};
  EXPECT_FALSE(sum(down, Currency::usd()).ok());

  const std::vector<Money> fits{usd(kMax), usd(kMin), usd(1)};
  EXPECT_EQ(*sum(fits, Currency::usd()), usd(0));
}

// ---- Allocation -------------------------------------------------------------------------------

TEST(MoneyAllocate, DocumentedExample) {
  const Result<std::vector<Money>> parts = usd(100000).allocate_evenly(3);
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ(*parts, (std::vector<Money>{usd(33334), usd(33333), usd(33333)}));
  EXPECT_EQ((*parts)[0].format(), "333.34");
  EXPECT_EQ((*parts)[1].format(), "333.33");
}

TEST(MoneyAllocate, EvenSplitsHandOutRemainderToEarliestParts) {
  EXPECT_EQ(minor_units_of(*usd(100).allocate_evenly(1)), (std::vector<std::int64_t>{100}));
  EXPECT_EQ(minor_units_of(*usd(100).allocate_evenly(2)), (std::vector<std::int64_t>{50, 50}));
  EXPECT_EQ(minor_units_of(*usd(100).allocate_evenly(3)), (std::vector<std::int64_t>{34, 33, 33}));
  EXPECT_EQ(minor_units_of(*usd(200).allocate_evenly(3)), (std::vector<std::int64_t>{67, 67, 66}));
  EXPECT_EQ(minor_units_of(*usd(5).allocate_evenly(7)),
            (std::vector<std::int64_t>{1, 1, 1, 1, 1, 0, 0}));
  EXPECT_EQ(minor_units_of(*usd(0).allocate_evenly(4)), (std::vector<std::int64_t>{0, 0, 0, 0}));
  EXPECT_EQ(minor_units_of(*usd(1).allocate_evenly(3)), (std::vector<std::int64_t>{1, 0, 0}));
}

TEST(MoneyAllocate, YenHasNoFractionToSplit) {
  const Result<std::vector<Money>> parts = yen(254'000'000).allocate_evenly(3);
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ(*parts, (std::vector<Money>{yen(84'666'667), yen(84'666'667), yen(84'666'666)}));
  EXPECT_EQ(total_of(*parts, Currency::jpy()), 254'000'000);

  EXPECT_EQ(minor_units_of(*yen(10).allocate_evenly(4)), (std::vector<std::int64_t>{3, 3, 2, 2}));
  EXPECT_EQ(minor_units_of(*yen(1).allocate_evenly(2)), (std::vector<std::int64_t>{1, 0}));
  const Result<std::vector<Money>> sevens = yen(7).allocate_evenly(3);
  ASSERT_TRUE(sevens.ok());
  for (const Money& m : *sevens) EXPECT_EQ(m.currency(), Currency::jpy());
}

TEST(MoneyAllocate, NegativeAmountsMirrorPositiveOnes) {
  // Splitting -x is exactly the negation of splitting x, so a reversal mirrors its charge.
  EXPECT_EQ(*usd(-100000).allocate_evenly(3),
            (std::vector<Money>{usd(-33334), usd(-33333), usd(-33333)}));
  EXPECT_EQ(minor_units_of(*usd(-5).allocate_evenly(7)),
            (std::vector<std::int64_t>{-1, -1, -1, -1, -1, 0, 0}));
  const std::vector<std::int64_t> weights{3, 1, 0, 7, 2};
  for (const std::int64_t v : std::vector<std::int64_t>{1, 7, 99, 123457, 1000000007}) {
    const std::vector<std::int64_t> pos = minor_units_of(*usd(v).allocate(weights));
    const std::vector<std::int64_t> neg = minor_units_of(*usd(-v).allocate(weights));
    ASSERT_EQ(pos.size(), neg.size());
    for (std::size_t i = 0; i < pos.size(); ++i) EXPECT_EQ(neg[i], -pos[i]) << v << " part " << i;
  }
}

TEST(MoneyAllocate, ByWeights) {
  const std::vector<std::int64_t> w{1, 2, 3};
  EXPECT_EQ(minor_units_of(*usd(600).allocate(w)), (std::vector<std::int64_t>{100, 200, 300}));
  // 100 * {1,2,3}/6 = 16.67, 33.33, 50 -> floors 16, 33, 50; one unit left to the .67.
  EXPECT_EQ(minor_units_of(*usd(100).allocate(w)), (std::vector<std::int64_t>{17, 33, 50}));
  // Zero weights get nothing, even when units are left over.
  const std::vector<std::int64_t> with_zero{0, 1, 0, 1, 0};
  EXPECT_EQ(minor_units_of(*usd(101).allocate(with_zero)),
            (std::vector<std::int64_t>{0, 51, 0, 50, 0}));
  // Largest remainder wins over position: 10 * {1,1,3}/5 = 2, 2, 6 exactly; 11 -> 2.2, 2.2, 6.6.
  const std::vector<std::int64_t> w2{1, 1, 3};
  EXPECT_EQ(minor_units_of(*usd(11).allocate(w2)), (std::vector<std::int64_t>{2, 2, 7}));
  // 7 * {1,2}/3 = 2.33, 4.67 -> the later part's larger remainder gets the unit.
  const std::vector<std::int64_t> w3{1, 2};
  EXPECT_EQ(minor_units_of(*usd(7).allocate(w3)), (std::vector<std::int64_t>{2, 5}));
  // A single positive weight takes everything.
  const std::vector<std::int64_t> one{0, 5, 0};
  EXPECT_EQ(minor_units_of(*usd(kMax).allocate(one)), (std::vector<std::int64_t>{0, kMax, 0}));
  EXPECT_EQ(minor_units_of(*usd(kMin).allocate(one)), (std::vector<std::int64_t>{0, kMin, 0}));
}

TEST(MoneyAllocate, HugeWeightsDoNotOverflow) {
  const std::vector<std::int64_t> w{kMax, kMax, 1};
  const Result<std::vector<Money>> parts = usd(kMax).allocate(w);
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ(total_of(*parts, Currency::usd()), kMax);
  // Floors are (2^62 - 1), (2^62 - 1), 0; the one unit left goes to the last part, whose
  // remainder (kMax / (2 kMax + 1) = 0.4999...) beats the others' (0.25).
  EXPECT_EQ(minor_units_of(*parts),
            (std::vector<std::int64_t>{4611686018427387903, 4611686018427387903, 1}));

  const Result<std::vector<Money>> neg = usd(kMin).allocate(w);
  ASSERT_TRUE(neg.ok());
  EXPECT_EQ(total_of(*neg, Currency::usd()), kMin);
}

TEST(MoneyAllocate, PartsAlwaysSumToTheWhole) {
  const std::vector<std::int64_t> amounts{
      0,         1,          -1,   2,    99,           -99,      100000,     -100000,
      123456789, -123456789, kMax, kMin, kMax - 12345, kMin + 7, 1000000007, -999999999};
  const std::vector<std::vector<std::int64_t>> weight_sets{
      {1},
      {1, 1},
      {1, 1, 1},
      {0, 1},
      {1, 0, 0, 0},
      {5, 3, 2},
      {2, 2, 2, 2, 2, 2, 2},
      {1, 1000000, 1},
      {kMax, 1},
      {kMax, kMax, kMax},
      {17, 0, 4, 9, 0, 33, 1, 1, 1, 250},
  };
  for (const Currency cur : {Currency::usd(), Currency::jpy()}) {
    for (const std::int64_t a : amounts) {
      const Money whole(a, cur);
      for (const auto& w : weight_sets) {
        const Result<std::vector<Money>> parts = whole.allocate(w);
        ASSERT_TRUE(parts.ok()) << a;
        ASSERT_EQ(parts->size(), w.size());
        EXPECT_EQ(total_of(*parts, cur), a) << "amount " << a;
        for (std::size_t i = 0; i < w.size(); ++i) {
          if (w[i] == 0) {
            EXPECT_EQ((*parts)[i].minor_units(), 0) << a << " part " << i;
          }
          // Every part has the sign of the whole (or is zero).
          if (a >= 0) {
            EXPECT_GE((*parts)[i].minor_units(), 0);
          }
          if (a <= 0) {
            EXPECT_LE((*parts)[i].minor_units(), 0);
          }
        }
      }
      for (const std::size_t n : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7},
                                  std::size_t{10}, std::size_t{97}, std::size_t{1000}}) {
        const Result<std::vector<Money>> parts = whole.allocate_evenly(n);
        ASSERT_TRUE(parts.ok());
        ASSERT_EQ(parts->size(), n);
        EXPECT_EQ(total_of(*parts, cur), a) << a << " / " << n;
        // Even parts differ by at most one minor unit, larger ones (in magnitude) first.
        for (std::size_t i = 1; i < n; ++i) {
          const std::int64_t prev = (*parts)[i - 1].minor_units();
          const std::int64_t cur_part = (*parts)[i].minor_units();
          if (a >= 0) {
            EXPECT_TRUE(prev == cur_part || prev == cur_part + 1) << a << " / " << n;
          } else {
            EXPECT_TRUE(prev == cur_part || prev == cur_part - 1) << a << " / " << n;
          }
        }
      }
    }
  }
}

TEST(MoneyAllocate, ManyParts) {
  const Result<std::vector<Money>> parts = usd(100000).allocate_evenly(100000);
  ASSERT_TRUE(parts.ok());
  ASSERT_EQ(parts->size(), 100000U);
  EXPECT_EQ(total_of(*parts, Currency::usd()), 100000);
  for (const Money& m : *parts) EXPECT_EQ(m.minor_units(), 1);

  const Result<std::vector<Money>> sparse = usd(-12345).allocate_evenly(54321);
  ASSERT_TRUE(sparse.ok());
  EXPECT_EQ(total_of(*sparse, Currency::usd()), -12345);
  EXPECT_EQ((*sparse)[12344].minor_units(), -1);
  EXPECT_EQ((*sparse)[12345].minor_units(), 0);

  EXPECT_TRUE(usd(1).allocate_evenly(1'000'000).ok());
}

TEST(MoneyAllocate, InvalidRequestsAreErrors) {
  const Result<std::vector<Money>> zero_parts = usd(100).allocate_evenly(0);
  ASSERT_FALSE(zero_parts.ok());
  EXPECT_EQ(zero_parts.error().kind, ErrorKind::invalid_input);
  EXPECT_NE(zero_parts.error().message.find("0 parts"), std::string::npos);

  const Result<std::vector<Money>> too_many = usd(100).allocate_evenly(1'000'001);
  ASSERT_FALSE(too_many.ok());
  EXPECT_NE(too_many.error().message.find("limit"), std::string::npos);
  EXPECT_FALSE(usd(100).allocate_evenly(std::numeric_limits<std::size_t>::max()).ok());

  EXPECT_FALSE(usd(100).allocate(std::span<const std::int64_t>{}).ok());

  const std::vector<std::int64_t> all_zero{0, 0, 0};
  const Result<std::vector<Money>> z = usd(100).allocate(all_zero);
  ASSERT_FALSE(z.ok());
  EXPECT_NE(z.error().message.find("every weight is 0"), std::string::npos);

  const std::vector<std::int64_t> negative{1, -1, 5};
  const Result<std::vector<Money>> n = usd(100).allocate(negative);
  ASSERT_FALSE(n.ok());
  EXPECT_NE(n.error().message.find("weight 1 is -1"), std::string::npos) << n.error().message;

  const std::vector<std::int64_t> min_weight{kMin, 1};
  EXPECT_FALSE(usd(100).allocate(min_weight).ok());
}

}  // namespace
}  // namespace fms
